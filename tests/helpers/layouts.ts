// A plan model written out again in the layouts plans come in: notes inline,
// notes on lines of their own, a task table (pipes, tabs, runs of spaces, a cell
// a line; its 重点任务 merged over its rows, left empty or left out below), and a
// Word file whose 一、（一）1. are automatic numbering. The parser must read
// each back to the model it came from (tests/parse/layouts.test.ts); so must
// a Word file whose notes are small tables under their tasks.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import type { Plan, Task } from '../../scripts/model/plan.ts'
import { chineseNumeral } from '../../scripts/render/common.ts'

export type TableLayout =
  | 'table-pipes' | 'table-tabs' | 'table-spaces' | 'table-cells'
  // The 重点任务 cell merged over its measure's rows: the rows below leave it empty, or leave it out.
  | 'table-pipes-merged' | 'table-tabs-merged' | 'table-spaces-merged' | 'table-pipes-omitted' | 'table-tabs-omitted'
export type TextLayout = 'inline' | 'unlabelled' | 'own-line' | TableLayout | 'runs'

const cn = chineseNumeral
const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

function noteFields(task: Task): Array<[string, string]> {
  const fields: Array<[string, string]> = []
  const written = (units: string[]) => task.unitRefs.filter((r) => units.includes(r.unit)).map((r) => r.text)
  const lead = task.lead ?? []
  const support = task.support ?? []
  const responsible = task.units.filter((u) => !lead.includes(u) && !support.includes(u))
  if (lead.length > 0) fields.push(['牵头单位', [...new Set(written(lead))].join('、')])
  if (responsible.length > 0) fields.push(['责任单位', [...new Set(written(responsible))].join('、')])
  if (support.length > 0) fields.push(['配合单位', [...new Set(written(support))].join('、')])
  if (task.leader) fields.push(['责任领导', task.leader])
  if (task.person) fields.push(['责任人', task.person])
  if (task.deadline.kind !== 'unspecified') fields.push(['完成时限', task.deadline.text])
  return fields
}

// A note without labels, as real plans write it: "（A牵头，B配合，C负责，6月底前完成）". A leader or a person has no
// role word to be written with: such a note keeps its labels.
const ROLE_WORDS: Readonly<Record<string, string>> = { 牵头单位: '牵头', 责任单位: '负责', 配合单位: '配合' }
function unlabelledNote(fields: Array<[string, string]>): string {
  if (fields.some(([k]) => k === '责任领导' || k === '责任人')) return `（${fields.map(([k, v]) => `${k}：${v}`).join('；')}）`
  return `（${fields.map(([k, v]) => (k === '完成时限' ? v : `${v}${ROLE_WORDS[k]}`)).join('，')}）`
}

/** Lines of one task: its marker, title and text, then its note inline (labelled or not) or on lines of its own. */
function taskLines(task: Task, layout: 'inline' | 'unlabelled' | 'own-line', marker = `${task.number}.`): string[] {
  const [first = '', ...more] = task.text.split('\n')
  const body = `${marker}${task.title}。${first}`
  const fields = noteFields(task)
  if (layout !== 'own-line') {
    const note = layout === 'unlabelled' ? unlabelledNote(fields) : `（${fields.map(([k, v]) => `${k}：${v}`).join('；')}）`
    return more.length > 0 ? [body, ...more.slice(0, -1), more[more.length - 1]! + note] : [body + note]
  }
  return [body, ...more, ...fields.map(([k, v]) => `${k}：${v}`)]
}

/** The head of the plan: letterhead, title, addressees, preamble. */
function headLines(plan: Plan): string[] {
  return [plan.issuer, plan.title, `${plan.addresseesText}：`, ...plan.preamble.split('\n').filter((l) => l !== '')]
}

/** Width in columns, as a fixed-width font sets it: CJK and full-width characters take two. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.codePointAt(0)! >= 0x1100 ? 2 : 1), 0)

function tableLines(plan: Plan, layout: TableLayout): string[] {
  const merged = layout.endsWith('-merged') || layout.endsWith('-omitted')
  // A merged 重点任务 stands first, as it spans the rows of its measure; the 序号 beside it numbers the tasks.
  const columns = merged
    ? ['重点任务', '序号', '具体措施', '牵头单位', '责任单位', '配合单位', '责任领导', '责任人', '完成时限']
    : ['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '配合单位', '责任领导', '责任人', '完成时限']
  const rows = plan.tasks.map((t) => {
    const fields = new Map(noteFields(t))
    const measure = plan.measures.find((m) => m.number === t.measure)!
    // Units in a cell are often separated by spaces, as a table cell wraps them.
    const units = (label: string) => (fields.get(label) ?? '').replace(/、/g, ' ')
    const group = merged && measure.tasks[0] !== t.number ? null : measure.title
    const cells = [String(t.number), group, [t.title, t.text].filter((x) => x !== '').join('。'), units('牵头单位'), units('责任单位'), units('配合单位'),
      fields.get('责任领导') ?? '', fields.get('责任人') ?? '', fields.get('完成时限') ?? '']
    return merged ? [cells[1]!, cells[0]!, ...cells.slice(2)] : cells
  })
  // A column no task fills is not in the table; an empty cell is written "/", as tables do; a merged one is empty (null).
  const kept = columns.map((_, i) => rows.some((r) => r[i] !== '')).map((keep, i) => (keep ? i : -1)).filter((i) => i >= 0)
  const header = kept.map((i) => columns[i]!)
  const cells = rows.map((r) => kept.map((i) => r[i] ?? null).map((c) => (c === null ? null : c || '/')))
  if (layout === 'table-cells') return [...header, ...cells.flat().map((c) => c ?? '/')]
  if (layout === 'table-spaces' || layout === 'table-spaces-merged') {
    // Columns aligned by spaces, two at least between them; a merged cell is blank.
    const widths = header.map((h, k) => Math.max(width(h), ...cells.map((r) => width(r[k] ?? ''))) + 2)
    const line = (row: Array<string | null>) => row.map((c, k) => (k === row.length - 1 ? c ?? '' : (c ?? '') + ' '.repeat(widths[k]! - width(c ?? '')))).join('').trimEnd()
    return [line(header), ...cells.map(line)]
  }
  const pipes = layout.startsWith('table-pipes')
  const sep = pipes ? ' | ' : '\t'
  const wrap = (row: Array<string | null>) => {
    const written = layout.endsWith('-omitted') ? row.filter((c) => c !== null) : row.map((c) => c ?? '')
    return pipes ? `| ${written.join(sep)} |` : written.join(sep)
  }
  return [wrap(header), ...(pipes ? [wrap(header.map(() => '---'))] : []), ...cells.map(wrap)]
}

/** The plan as a text file in one layout. */
export function planText(plan: Plan, layout: TextLayout): string {
  const lines = headLines(plan)
  for (const section of plan.sections) {
    lines.push(`${cn(section.number)}、${section.title}`)
    if (section.kind === 'guidance') lines.push(...plan.guidingIdeology.split('\n'))
    else if (section.kind === 'measures') {
      lines.push(...section.intro.split('\n').filter((l) => l !== ''))
      if (layout.startsWith('table')) lines.push(...tableLines(plan, layout as TableLayout))
      else if (layout === 'runs') {
        // Tasks without numbers, all in the measure's paragraph after its heading, each closed by its note, "；" between.
        for (const m of plan.measures) {
          const tasks = m.tasks.map((n) => plan.tasks[n - 1]!).map((t) => `${t.title}。${t.text}（${noteFields(t).map(([k, v]) => `${k}：${v}`).join('；')}）`)
          lines.push(`（${cn(m.number)}）${m.title}。${tasks.join('；')}。`)
        }
      } else {
        for (const m of plan.measures) {
          lines.push(`（${cn(m.number)}）${m.title}`)
          for (const n of m.tasks) lines.push(...taskLines(plan.tasks[n - 1]!, layout as 'inline'))
        }
      }
    } else if (section.kind === 'phases') lines.push(...plan.phases.map((p) => `（${cn(p.number)}）${p.title}。${p.timeText}。${p.text}`))
    else if (section.kind === 'requirements') lines.push(...plan.requirements.map((r) => `（${cn(r.number)}）${r.title}。${r.text}`))
    else lines.push(...(plan.otherSections.find((o) => o.number === section.number)?.text.split('\n') ?? []))
  }
  if (plan.date) lines.push('', plan.issuer, dateText(plan.date))
  return lines.join('\n') + '\n'
}

/**
 * The plan as Word would hold it: 一、（一）1. are automatic numbering (levels
 * of one list, the tasks' level going on across measures), not text; phases and
 * requirements are lists that restart; the note is in the task's paragraph.
 */
export async function planDocx(plan: Plan): Promise<Buffer> {
  // 一、 and （一） are two levels of one list (（一） starts again under each 一、);
  // the tasks are a list of their own, so their numbers go on across measures.
  const outline = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  ]
  const taskLevels = [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }]
  const para = (text: string, level?: number, reference = 'plan') =>
    new Paragraph({ children: [new TextRun(text)], ...(level === undefined ? {} : { numbering: { reference, level } }) })
  const children: Array<Paragraph | Table> = headLines(plan).map((l) => para(l))
  for (const section of plan.sections) {
    children.push(para(section.title, 0))
    if (section.kind === 'guidance') children.push(...plan.guidingIdeology.split('\n').map((l) => para(l)))
    else if (section.kind === 'measures') {
      children.push(...section.intro.split('\n').filter((l) => l !== '').map((l) => para(l)))
      for (const m of plan.measures) {
        children.push(para(m.title, 1))
        for (const n of m.tasks) {
          const [first, ...rest] = taskLines(plan.tasks[n - 1]!, 'inline', '')
          children.push(para(first!, 0, 'tasks'), ...rest.map((l) => para(l)))
        }
      }
    } else if (section.kind === 'phases' || section.kind === 'requirements') {
      const items = section.kind === 'phases'
        ? plan.phases.map((p) => `${p.title}。${p.timeText}。${p.text}`)
        : plan.requirements.map((r) => `${r.title}。${r.text}`)
      children.push(...items.map((t) => para(t, 1)))
    } else children.push(...(plan.otherSections.find((o) => o.number === section.number)?.text.split('\n') ?? []).map((l) => para(l)))
  }
  if (plan.date) children.push(para(''), para(plan.issuer), para(dateText(plan.date)))
  const doc = new Document({ numbering: { config: [{ reference: 'plan', levels: outline }, { reference: 'tasks', levels: taskLevels }] }, sections: [{ children }] })
  return Packer.toBuffer(doc)
}

/**
 * The plan as Word holds it when each task's note is a small two-column table
 * under the task (责任单位 | … / 完成时限 | …): the own-line layout, the note's
 * lines made a table, numbers typed.
 */
export async function noteTableDocx(plan: Plan): Promise<Buffer> {
  const lines = planText(plan, 'own-line').split('\n')
  const children: Array<Paragraph | Table> = []
  let next = 0
  for (let i = 0; i < lines.length; i++) {
    const task = plan.tasks[next]
    const own = task ? taskLines(task, 'own-line') : []
    if (task && lines.slice(i, i + own.length).join('\n') === own.join('\n')) {
      const fields = noteFields(task)
      children.push(...own.slice(0, own.length - fields.length).map((l) => new Paragraph(l)))
      if (fields.length > 0) {
        children.push(new Table({ rows: fields.map(([k, v]) => new TableRow({ children: [k, v].map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }))
      }
      i += own.length - 1
      next++
    } else children.push(new Paragraph(lines[i]!))
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** A Word file with one table: the 任务分工 table, rows as Word holds them (its 重点任务 merged over its rows, or not). */
export async function tableDocx(plan: Plan, layout: 'table-tabs' | 'table-tabs-merged' = 'table-tabs'): Promise<Buffer> {
  const lines = tableLines(plan, layout)
  const rows = lines.map((line) => new TableRow({ children: line.split('\t').map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }))
  const before = planText(plan, layout).split('\n')
  const tableStart = before.indexOf(lines[0]!)
  const after = before.slice(tableStart + rows.length)
  const doc = new Document({
    sections: [{ children: [...before.slice(0, tableStart).map((l) => new Paragraph(l)), new Table({ rows }), ...after.map((l) => new Paragraph(l))] }],
  })
  return Packer.toBuffer(doc)
}


/**
 * The plan as a portal's PDF would print it, as HTML for chromium: A4, the
 * title centred, paragraphs indented two characters and wrapped by the page,
 * a running header and "— N —" page numbers (pdfOptions).
 */
export function planHtml(plan: Plan): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const lines = planText(plan, 'inline').split('\n').filter((l) => l !== '')
  const body = lines.map((line, i) => {
    const centred = i <= 1 || (plan.date !== null && i >= lines.length - 2)
    return `<p style="${centred ? 'text-align:center' : 'text-indent:2em'}">${esc(line)}</p>`
  }).join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 30mm 26mm 28mm 28mm }
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt; line-height: 1.6 }
    p { margin: 0 }
  </style></head><body>${body}</body></html>`
}

export const pdfOptions = (header: string) => ({
  format: 'A4' as const,
  displayHeaderFooter: true,
  headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">${header}</div>`,
  footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
  margin: { top: '30mm', bottom: '28mm', left: '28mm', right: '26mm' },
})
