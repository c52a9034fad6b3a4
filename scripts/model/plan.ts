// The plan model: declared once, imported by the parser, the renderers, the
// VitePress config and the tests. `npm run parse` prints it as JSON; the field
// names are a contract for other tools (see ARCHITECTURE.md "Open data").

/** A date as ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` where the plan names only a month. */
export type IsoDate = string

export type Period = 'week' | 'month' | 'quarter' | 'half-year' | 'year'

export interface Deadline {
  /** The deadline as written, without the final "。"; "" where the plan gives none. */
  text: string
  /** `unspecified`: the plan gives the task no deadline (shown as 未明确). */
  kind: 'ongoing' | 'due' | 'recurring' | 'unspecified'
  /** For `due`: the last day the task may be completed. */
  date?: IsoDate
  /** For `recurring`: how often the duty comes round. */
  period?: Period
  /** For `recurring`: how many times a period, where the plan says ("至少一次" → 1). */
  times?: number
}

/** A duty that recurs, found in a task's text or deadline ("每季度至少组织一次集体学习"). */
export interface Obligation {
  task: number
  /** The clause of the plan that states the duty, verbatim. */
  text: string
  period: Period
  times?: number
  /** Where it was found: in the task's text or in its deadline. */
  source: 'text' | 'deadline'
}

export interface UnitRef {
  /** The unit as written in the note, whitespace trimmed. */
  text: string
  /** The canonical unit name it means. */
  unit: string
}

export interface Task {
  /** 1, 2, 3 … in document order: the task's URL. */
  number: number
  /** The marker as written where it is not "number." (numbering restarts in each measure: "1."), e.g. "1." or "（三）". */
  marker?: string
  measure: number
  /** The words before the first "。". */
  title: string
  /** The rest of the task's text, verbatim, without the unit/deadline note; paragraphs separated by "\n". */
  text: string
  /** The unit/deadline note as written, e.g. "（责任单位：各村。完成时限：长期坚持。）". */
  note: string
  /** Canonical names of every responsible unit (lead and supporting included), in the order written. */
  units: string[]
  /** The units as written, each with the canonical unit it means. */
  unitRefs: UnitRef[]
  /** Where the plan names a lead unit (牵头单位): its canonical names. */
  lead?: string[]
  /** Where the plan names supporting units (配合单位): their canonical names. */
  support?: string[]
  deadline: Deadline
  /** An unnumbered sub-heading standing above the task in the plan ("危化品领域"), where there is one. */
  heading?: string
  /** 责任领导 (or 分管领导) as written, where the note names one. */
  leader?: string
  /** 责任人 as written, where the note names one. */
  person?: string
  /** Line of the task's marker in the source file (1-based). */
  line: number
  /** The file ends inside this task: its text (or note) stops where the file does (shown as 原文在此处中断). */
  truncated?: boolean
  /**
   * What the task takes from the note its measure states for all its tasks (Measure.note), where its own note
   * does not say: its units (units, unitRefs, lead, support, leader, person) and/or its deadline.
   */
  fromMeasure?: Array<'units' | 'deadline'>
  /** The lead is the task's first unit by the convention the plan states (Plan.leadConvention), not a 牵头单位 label. */
  leadByConvention?: boolean
}

export interface Measure {
  /** 1, 2, 3 … in document order. */
  number: number
  /** The marker as written where the measure is not "（number）" (e.g. "二、" where the plan's sections are its measures). */
  marker?: string
  /** Verbatim, without a trailing "。". */
  title: string
  /** Text under the heading before the first task, if any. */
  intro?: string
  /** An unnumbered sub-heading standing above the measure in the plan, where there is one. */
  heading?: string
  /** The numbered heading that groups this measure with others (a fourth level: 一、 → （一） → 1. → （1）), as written. */
  group?: string
  /** The note the measure states for its tasks ("（牵头单位：镇林业站；配合单位：各村）" after its heading), as written. */
  note?: string
  /** Canonical names of the units that note names, in the order written. */
  units?: string[]
  tasks: number[]
  line: number
}

export interface Unit {
  name: string
  /** ASCII, stable: the unit's page is /units/<slug>.html. */
  slug: string
  aliases: string[]
  /** Groups this unit belongs to ("负有安全监管职责的站所" is one of "各站所"). */
  memberOf: string[]
  /** False for a unit the plan names that the unit registry does not know. */
  registered: boolean
}

export interface Phase {
  number: number
  title: string
  /** The time span as written, e.g. "2022年5月15日至8月31日"; "" where the step states no time ("（一）动员部署。召开动员会议。"). */
  timeText: string
  start?: IsoDate
  end?: IsoDate
  text: string
  line: number
}

export interface Requirement {
  number: number
  title: string
  text: string
  line: number
}

/** A top-level section as headed in the plan ("二、细化措施"), with the text before its first item. */
export interface Section {
  number: number
  /** Verbatim, without a final "。". */
  title: string
  kind: 'guidance' | 'measures' | 'phases' | 'requirements' | 'other'
  /** Paragraphs between the heading and the first item, "\n"-separated (e.g. "根据我镇实际情况，…细化为35项具体任务。"). */
  intro: string
  line: number
  /**
   * Items of a section of measures that are neither a measure, a task nor a part of one (a target, a principle,
   * a remark between tasks), verbatim with their markers, "\n"-joined: kept where they stand, each a warning.
   */
  unplaced?: string
}

/** A top-level section the parser does not model, kept verbatim so nothing is dropped. */
export interface OtherSection {
  number: number
  title: string
  text: string
  line: number
}

/** A level of the administrative divisions (GB/T 2260 down to the statistics codes' townships). */
export type DivisionLevel = 'province' | 'city' | 'county' | 'township'

/** One administrative division: 山西省, 长治市, 上党区, 荫城镇. */
export interface Place {
  /** The division code: 6 digits to the county (140000, 140400, 140404), 9 for a township (140404102). */
  code: string
  name: string
  level: DivisionLevel
}

/** The division a plan's issuer governs, with the divisions above it. */
export interface Division extends Place {
  /** From the province down to the division right above this one (placeholders such as 市辖区 left out). */
  parents: Place[]
}

export interface Plan {
  /** The seed file name without extension: stable, ASCII, used in URLs. */
  id: string
  /** The seed file name. */
  source: string
  issuer: string
  title: string
  /** The addressee line as written, without the final colon, e.g. "各村，各站所". */
  addresseesText: string
  addressees: string[]
  /** 成文日期; null where the plan states none (a warning). */
  date: IsoDate | null
  /** 文号, where the plan has one, e.g. "荫政发〔2022〕12号". */
  documentNumber?: string
  /**
   * What the portal the plan was copied from put around it, verbatim: the fields of its 信息公开 table
   * (索引号, 发布机构, 发文字号, 成文日期, 发布日期 …, read into fields) and the page's own words (听全文, 打印本页, "(本文有删减)"),
   * taken out of the plan's text. The plan's date, issuer and 文号 fall back to the table's.
   */
  portal?: {
    fields: Array<{ label: string; value: string }>
    /** The table's lines as written. */
    table: string[]
    chrome: string[]
  }
  /** A convention the plan states once for its notes ("列第一位者为牵头单位，下同"), as written, where it states one. */
  leadConvention?: string
  /** The notice that carries the plan as its attachment (关于印发…的通知), where it comes in one. */
  notice?: Notice
  /** Paragraphs between the addressees and the first section. */
  preamble: string
  /** The number of tasks the text says it has ("细化为35项具体任务" → 35), or null where it does not say. */
  statedTaskCount: number | null
  /** The number of national measures the plan refines ("十五条措施" → 15), or null where it does not say. */
  nationalMeasureCount: number | null
  guidingIdeology: string
  /** The top-level sections in document order. */
  sections: Section[]
  measures: Measure[]
  tasks: Task[]
  units: Unit[]
  phases: Phase[]
  requirements: Requirement[]
  obligations: Obligation[]
  otherSections: OtherSection[]
  /**
   * The administrative division of the plan's issuer, found when the site is loaded (scripts/divisions/): from the
   * place names of the text, or from a file beside the plan. Absent where neither places it (区划未定, a warning).
   */
  division?: Division
}

/** A notice that issues the plan (关于印发…的通知), kept verbatim. */
export interface Notice {
  /** The letterhead above its title: the plan's issuer where the plan names none. */
  issuer?: string
  title: string
  documentNumber?: string
  /** Its date, where it has one: the plan's date when the plan states none of its own. */
  date?: IsoDate
  /** Everything else it says (addressees, its items, signature), "\n"-joined, verbatim. */
  text: string
  line: number
}

/** What a warning is about: the build's summary counts warnings by kind. */
export const WARNING_KINDS = ['frame', 'table', 'outline', 'numbering', 'note', 'deadline', 'count', 'cut', 'phase', 'text', 'division', 'progress'] as const
export type WarningKind = (typeof WARNING_KINDS)[number]

/** A problem found in a plan: where, and what was expected. A warning has a kind; a refusal has none. */
export interface Problem {
  line: number
  message: string
  kind?: WarningKind
}

/**
 * A plan is refused only when the file holds nothing that reads as a plan's task; everything else is
 * published, and what the parser could not place is a located warning.
 */
/** A warning as the review page (数据核对) shows it: where in the file, what, and the line it is about, verbatim. */
export interface Review {
  /** The file the warning is about, where it is not the plan's (a ledger sent back: "progress/ID/镇政府.xlsx"). */
  file?: string
  /** ":12", ": 第3段", ": 第2页"; for a ledger ": 工作表“任务台账”第5行". */
  where: string
  line: number
  message: string
  kind: WarningKind | ''
  /** The line of the plan's text the warning is about, as read. */
  text: string
}

export type ParseResult =
  | { ok: true; plan: Plan; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] }

// --- Progress: the ledgers sent back (scripts/ledgers/, scripts/site/ledgers.ts) ------------------------------

/** The statuses a ledger's 状态 column takes (a drop-down list in the ledger the site offers). */
export const STATUSES = ['未开始', '推进中', '已完成', '已逾期'] as const
export type Status = (typeof STATUSES)[number]

/** One filled row of a ledger sent back: a unit's report on one task, every cell as written. */
export interface Report {
  task: number
  /** The ledger's file, below the seeds folder: "progress/ID/镇政府-任务台账.xlsx". */
  file: string
  sheet: string
  /** 1-based, as Excel numbers rows. */
  row: number
  /** The unit whose ledger it is (its title's "（…）"), or "" for the plan's whole ledger. */
  unit: string
  /** 状态 as written (trimmed). */
  statusText: string
  /** The status, where 状态 is one of STATUSES. */
  status?: Status
  /** 进展情况 as written. */
  progress: string
  /** 完成日期 as written (an Excel date shown as YYYY-MM-DD). */
  doneText: string
  /** 完成日期 read as a date, where it is one. */
  done?: IsoDate
  /** 备注 as written. */
  note: string
  /** The report's date: the day the file was last saved (its properties), or null where it does not say. */
  date: IsoDate | null
}

/** A plan's reports: by task number, the latest first (a later report wins; all are kept). */
export interface PlanProgress {
  reports: Record<number, Report[]>
  /** Every ledger read for the plan, in name order. */
  files: string[]
}
