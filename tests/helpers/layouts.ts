// A plan model written out again in the layouts plans come in: notes inline,
// notes on lines of their own, a task table (pipes, tabs, a cell a line), and a
// Word file whose 一、（一）1. are automatic numbering. The parser must read
// each back to the model it came from (tests/parse/layouts.test.ts); so must
// a Word file whose notes are small tables under their tasks.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import type { Plan, Task } from '../../scripts/model/plan.ts'
import { chineseNumeral } from '../../scripts/render/common.ts'

export type TextLayout = 'inline' | 'unlabelled' | 'own-line' | 'table-pipes' | 'table-tabs' | 'table-cells' | 'runs'

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

function tableLines(plan: Plan, layout: 'table-pipes' | 'table-tabs' | 'table-cells'): string[] {
  const columns = ['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '配合单位', '责任领导', '责任人', '完成时限']
  const rows = plan.tasks.map((t) => {
    const fields = new Map(noteFields(t))
    const measure = plan.measures.find((m) => m.number === t.measure)!
    // Units in a cell are often separated by spaces, as a table cell wraps them.
    const units = (label: string) => (fields.get(label) ?? '').replace(/、/g, ' ')
    return [String(t.number), measure.title, [t.title, t.text].filter((x) => x !== '').join('。'), units('牵头单位'), units('责任单位'), units('配合单位'),
      fields.get('责任领导') ?? '', fields.get('责任人') ?? '', fields.get('完成时限') ?? '']
  })
  // A column no task fills is not in the table; an empty cell is written "/", as tables do.
  const kept = columns.map((_, i) => rows.some((r) => r[i] !== '')).map((keep, i) => (keep ? i : -1)).filter((i) => i >= 0)
  const header = kept.map((i) => columns[i]!)
  const cells = rows.map((r) => kept.map((i) => r[i] || '/'))
  if (layout === 'table-cells') return [...header, ...cells.flat()]
  const sep = layout === 'table-pipes' ? ' | ' : '\t'
  const wrap = (row: string[]) => (layout === 'table-pipes' ? `| ${row.join(sep)} |` : row.join(sep))
  return [wrap(header), ...(layout === 'table-pipes' ? [wrap(header.map(() => '---'))] : []), ...cells.map(wrap)]
}

/** The plan as a text file in one layout. */
export function planText(plan: Plan, layout: TextLayout): string {
  const lines = headLines(plan)
  for (const section of plan.sections) {
    lines.push(`${cn(section.number)}、${section.title}`)
    if (section.kind === 'guidance') lines.push(...plan.guidingIdeology.split('\n'))
    else if (section.kind === 'measures') {
      lines.push(...section.intro.split('\n').filter((l) => l !== ''))
      if (layout.startsWith('table')) lines.push(...tableLines(plan, layout as 'table-pipes'))
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

/** A Word file with one table: the 任务分工 table, rows as Word holds them. */
export async function tableDocx(plan: Plan): Promise<Buffer> {
  const rows = tableLines(plan, 'table-tabs').map((line) => new TableRow({ children: line.split('\t').map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }))
  const before = planText(plan, 'table-tabs').split('\n')
  const tableStart = before.findIndex((l) => l.startsWith('序号\t'))
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
