// The pages of one plan: home, measures, tasks, deadlines, timeline, and the
// plan's own sections (phases, requirements, guiding ideology, original text).

import type { RootContent } from 'mdast'
import type { Measure, Plan, Review, Task } from '../model/plan.ts'
import { WARNING_KIND_LABEL } from '../views/report.ts'
import type { NationalData, PlanKnowledge, Term } from '../views/knowledge.ts'
import { nationalLine } from './knowledge.ts'
import { isSpace, trimBy } from '../text/prose.ts'
import { escapeHtml } from './html.ts'
import { fileLink, folded, heading, headingWithId, pageTitle, html, link, list, paragraph, paragraphs, section, strong, table, text, type Page } from './markdown.ts'
import { isLibrary, bodyOf, type Site, titleOf } from '../views/site.ts'
import { formatDate, groupByDeadline, PERIOD_LABEL, timeline } from '../views/deadlines.ts'
import { tasksOfBody } from '../views/units.ts'
import { obligationsOf, relatedTasks } from '../views/tasks.ts'
import { duePanel, measureBars, taskProgress } from './progress.ts'
import { hasProgress } from '../views/progress.ts'
import { hasSupervision, supervisionUrl } from './supervision.ts'
import { chineseNumeral, deadlineLink, downloads, measureCount, measureHeading, measureLabel, measureLink, planMeta, refinesNational, savedName, sourceFileLink, sourceFormat, taskLabel, taskLink, taskUnits, unitLinks, unitUrl, url } from './common.ts'

const md = (plan: Plan, path: string) => `${plan.id}/${path}.md`

/** Pager links; the theme renders their text as HTML. */
function prevNext(items: Array<{ text: string; link: string }>, i: number): Record<string, unknown> {
  const at = (j: number) => ({ text: escapeHtml(items[j]!.text), link: items[j]!.link })
  return { prev: i > 0 ? at(i - 1) : false, next: i < items.length - 1 ? at(i + 1) : false }
}

/** What a task takes from the note its measure states once for its tasks: said beside the fact, not hidden. */
const FROM_MEASURE = '（所属措施统一注明）'

/** The facts line of a task: units and deadline, each a link. */
function taskFacts(site: Site, plan: Plan, task: Task): RootContent[] {
  const fromMeasure = (what: 'units' | 'deadline') => (task.fromMeasure?.includes(what) ? [FROM_MEASURE] : [])
  return [
    paragraph(strong('责任单位'), '：', ...taskUnits(site, plan, task), ...fromMeasure('units')),
    paragraph(strong('完成时限'), '：', deadlineLink(plan, task), ...fromMeasure('deadline')),
  ]
}

/** The note a measure states for all its tasks: its units as links, the note as written. */
function measureNoteParagraphs(site: Site, plan: Plan, measure: Measure): RootContent[] {
  if (!measure.note) return []
  return [
    ...section('measure-note', [
      ...(measure.units && measure.units.length > 0 ? [paragraph(strong('本措施的责任单位'), '：', ...unitLinks(site, plan, measure.units), '（各项任务未另行注明的，均由其负责）')] : []),
      paragraph('原文标注：', text(measure.note)),
    ]),
  ]
}

/** 贯彻落实: the library's plans this one carries out, and those that carry it out, each a link to its home. */
function planLinkParagraphs(site: Site, plan: Plan): RootContent[] {
  const links = site.links.get(plan.id)
  if (!links) return []
  const named = (plans: Plan[]) => plans.flatMap((p, i) => [...(i > 0 ? ['、'] : []), link(url.planHome(p), `《${titleOf(p)}》`), `（${p.issuer || p.source}）`])
  return [
    ...(links.carriesOut.length > 0 ? [paragraph(strong('本方案贯彻落实'), '：', ...named(links.carriesOut))] : []),
    ...(links.carriedOutBy.length > 0 ? [paragraph(strong('贯彻落实本方案的文件'), '：', ...named(links.carriedOutBy))] : []),
  ]
}

export function planHome(site: Site, plan: Plan, pdf: boolean, reviews: readonly Review[], original = true): Page {
  const dated = plan.tasks.filter((t) => t.deadline.kind === 'due')
  const dates = new Set(dated.map((t) => t.deadline.date))
  // What people come for first: their unit's duties and the files to take away;
  // then the plan's preamble, with the notice and each measure's task list folded.
  const body: RootContent[] = [
    pageTitle(titleOf(plan)),
    ...planMeta(plan),
    ...(plan.documentNumber ? [paragraph(strong('文号'), '：', plan.documentNumber)] : []),
    ...(plan.addresseesText ? [paragraph(strong('主送'), '：', plan.addresseesText)] : []),
    paragraph(strong('行政区划'), '：', ...(plan.division ? [link(url.division(plan.division), [...plan.division.parents, plan.division].map((p) => p.name).join(' '))] : [link(url.undetermined(), '区划未定'), '（发文机关所属的区划无法从文件中确定，见', link(url.review(plan), '数据核对'), '）'])),
    ...planLinkParagraphs(site, plan),
    paragraph(`${measureCount(plan)}，${plan.tasks.length} 项具体任务，${plan.units.length} 个责任单位；${dated.length} 项任务限期完成（${dates.size} 个截止日期）。`),
    ...duePanel(site, plan.tasks.map((task) => ({ plan, task })), false),
    ...(hasProgress(site, plan) ? measureBars(site, plan) : []),
    heading(2, '我的职责'),
    paragraph('选择您的单位，查看本单位须完成的全部任务和完成时限（包括发给本单位所属群体的任务）：'),
    list(
      plan.units.map((unit) => {
        const body = bodyOf(site, plan, unit.name)
        const owed = tasksOfBody(site, plan, body).length
        const groups = unit.memberOf.length > 0 ? `，含发给“${unit.memberOf.join('”“')}”的任务` : ''
        return [link(unitUrl(site, plan, body), `${body.title}的任务`), `（${owed} 项${groups}）`]
      }),
    ),
    heading(2, '下载'),
    ...downloads(plan, undefined, original),
    ...(pdf ? [paragraph(fileLink(url.printPdf(plan), savedName([titleOf(plan)], 'pdf'), '全文 PDF（A4，按公文格式排版）'))] : []),
    heading(2, '方案内容'),
    ...(plan.notice
      ? folded(`印发通知：${plan.notice.title}${plan.notice.documentNumber ? `（${plan.notice.documentNumber}）` : ''}`, section('notice-text', paragraphs(plan.notice.text)))
      : []),
    ...paragraphs(plan.preamble),
  ]
  for (const measure of plan.measures) {
    body.push(
      ...folded(`${measureHeading(measure)}（${measure.tasks.length} 项任务）`, [
        paragraph(measureLink(plan, measure.number)),
        list(
          measure.tasks.map((n) => {
            const task = plan.tasks.find((t) => t.number === n)!
            return [taskLink(plan, task), ' — ', ...taskUnits(site, plan, task), ' · ', deadlineLink(plan, task)]
          }),
        ),
      ]),
    )
  }
  body.push(
    heading(2, '更多'),
    list([
      [link(url.timeline(plan), '完成时限与时间表')],
      [link(url.phases(plan), '阶段划分')],
      [link(url.requirements(plan), '工作要求')],
      [link(url.guidance(plan), '指导思想')],
      [link(url.original(plan), '原文')],
      ...(refinesNational(plan) ? [[link(url.national(plan), '对照国务院安委会“十五条措施”')]] : []),
      [link(url.glossary(plan), '术语')],
      [link(url.citations(plan), '引用文件')],
      [link(isLibrary(site) ? url.planSectors(plan) : url.sectors(), '行业领域')],
      [link(url.print(plan), '全文打印')],
      ...(hasSupervision(site) ? [[link(supervisionUrl.page(), '督办单（各单位已逾期和即将到期的任务）')]] : []),
    ]),
    // For the administrator who publishes the plan, not in the cadres' menus.
    paragraph(link(url.review(plan), '数据核对'), reviews.length > 0 ? `（供管理员：读取本文件时有 ${reviews.length} 条提示，请核对）` : '（供管理员：本文件读取无提示）'),
  )
  return { path: md(plan, 'index'), frontmatter: { title: titleOf(plan), plan: plan.id }, body }
}

export function measurePages(site: Site, plan: Plan, layers: PlanKnowledge, national: NationalData): Page[] {
  const nav = plan.measures.map((m) => ({ text: measureHeading(m), link: url.measure(plan, m.number) }))
  return plan.measures.map((measure, i) => {
    const body: RootContent[] = [
      pageTitle(measureHeading(measure)),
      ...planMeta(plan),
      ...(measure.group ? [paragraph(strong('所属'), '：', measure.group.split('\n')[0]!)] : []),
      ...(refinesNational(plan) ? [nationalLine(plan, measure.number, layers, national)] : []),
    ]
    if (measure.intro) body.push(...paragraphs(measure.intro))
    body.push(...measureNoteParagraphs(site, plan, measure))
    body.push(paragraph(`本措施共 ${measure.tasks.length} 项任务。`))
    for (const n of measure.tasks) {
      const task = plan.tasks.find((t) => t.number === n)!
      body.push(
        ...section('task-card', [
          heading(2, link(url.task(plan, n), `${taskLabel(n)}　${task.title}`)),
          ...taskFacts(site, plan, task),
          ...paragraphs(task.text),
        ]),
      )
    }
    return {
      path: md(plan, `measures/${measure.number}`),
      frontmatter: { title: nav[i]!.text, plan: plan.id, measure: measure.number, ...prevNext(nav, i) },
      body,
    }
  })
}

/**
 * Longest list of related tasks a task page shows; a longer one is a link to
 * the measure's or the units' pages, which list them. Listing every task of a
 * task's units on every task page made the output grow with the square of the
 * tasks (1,000 tasks in one plan: 190 MB of Markdown). The seeds' lists (at
 * most 22) are shown whole.
 */
export const RELATED_LIST_MAX = 30

/** `termsByTask`: the glossary's terms each task uses (PlanKnowledge). */
export function taskPages(site: Site, plan: Plan, termsByTask: ReadonlyMap<number, Term[]>): Page[] {
  const nav = plan.tasks.map((t) => ({ text: `${taskLabel(t.number)}　${t.title}`, link: url.task(plan, t.number) }))
  return plan.tasks.map((task, i) => {
    const { sameMeasure, sameUnits } = relatedTasks(plan, task)
    const duties = obligationsOf(plan, task)
    const body: RootContent[] = [
      headingWithId(1, `task-${task.number}`, `${taskLabel(task.number)}　${task.title}`),
      ...planMeta(plan),
      ...section('task-facts', [
        paragraph(strong('所属措施'), '：', measureLink(plan, task.measure)),
        ...taskFacts(site, plan, task),
      ]),
      ...section('task-text', paragraphs(`${task.title}。${task.text}`)),
      ...taskProgress(site, plan, task),
      ...(task.truncated ? section('task-cut', [paragraph(strong('原文在此处中断'), '：收到的文件到这里就结束了，本任务的其余内容未能读到。')]) : []),
      // The plan's own note, verbatim and secondary: the facts above are read from it.
      ...(task.note ? section('task-note', [paragraph('原文标注：', text(task.note), ' ', link(url.originalTask(plan, task.number), '查看原文'))]) : [paragraph(link(url.originalTask(plan, task.number), '查看原文'))]),
      ...taskMeasureNote(plan, task),
    ]
    // Summaries and links to other pages: on screen only, so a task prints on one sheet.
    const related: RootContent[] = []
    // Read from the text above: on screen a summary, on paper a repetition.
    if (duties.length > 0) {
      related.push(
        heading(2, '周期性要求'),
        list(duties.map((d) => [strong(PERIOD_LABEL[d.period] + (d.times ? `至少 ${d.times} 次` : '')), '：', d.text])),
      )
    }
    const used = termsByTask.get(task.number) ?? []
    if (used.length > 0) {
      related.push(heading(2, '相关术语'), paragraph(...used.flatMap((t, i) => [...(i ? ['、'] : []), link(url.term(plan, t.id), t.term)])))
    }
    related.push(heading(2, '相关任务'), heading(3, '同一措施'))
    related.push(
      sameMeasure.length === 0 ? paragraph('本措施只有这一项任务。')
      : sameMeasure.length > RELATED_LIST_MAX ? paragraph(`本措施另有 ${sameMeasure.length} 项任务，见`, measureLink(plan, task.measure), '。')
      : list(sameMeasure.map((t) => [taskLink(plan, t)])),
    )
    related.push(heading(3, '同一责任单位'))
    related.push(
      sameUnits.length === 0 ? paragraph('无。')
      : sameUnits.length > RELATED_LIST_MAX ? list(task.units.map((name) => [...unitLinks(site, plan, [name]), `：其他措施中另有 ${sameUnits.filter((t) => t.units.includes(name)).length} 项任务`]))
      : list(sameUnits.map((t) => [taskLink(plan, t), `（${t.units.filter((u) => task.units.includes(u)).join('、')}）`])),
    )
    body.push(...section('screen-only', related))
    return {
      path: md(plan, `tasks/${task.number}`),
      frontmatter: { title: nav[i]!.text, plan: plan.id, task: task.number, measure: task.measure, ...prevNext(nav, i) },
      body,
    }
  })
}

export function deadlinePages(site: Site, plan: Plan): Page[] {
  return groupByDeadline(plan.tasks, (t) => t).map(({ key, items }) => {
    const written = [...new Set(items.map((t) => t.deadline.text))]
    const intro =
      key.kind === 'due' ? `以下 ${items.length} 项任务须在 ${key.label}（${key.date}）前完成。`
      : key.kind === 'recurring' ? `以下 ${items.length} 项任务${key.label}须至少完成一次。`
      : key.kind === 'unspecified' ? `以下 ${items.length} 项任务，方案未明确完成时限。`
      : `以下 ${items.length} 项任务须长期坚持。`
    const body: RootContent[] = [
      pageTitle(`完成时限：${key.label}`),
      ...planMeta(plan),
      paragraph(intro),
      ...(key.kind === 'unspecified' ? [] : [paragraph(strong('原文写作'), '：', written.join('；'))]),
      table(
        [['任务'], ['责任单位'], ['所属措施']],
        items.map((t) => [[taskLink(plan, t)], taskUnits(site, plan, t), [measureLink(plan, t.measure)]]),
      ),
      paragraph(link(url.timeline(plan), '返回完成时限与时间表')),
    ]
    return { path: md(plan, `deadlines/${key.slug}`), frontmatter: { title: `完成时限：${key.label}`, plan: plan.id }, body }
  })
}

export function timelinePage(site: Site, plan: Plan): Page {
  const groups = groupByDeadline(plan.tasks, (t) => t)
  const body: RootContent[] = [pageTitle('完成时限与时间表'), ...planMeta(plan)]
  if (plan.phases.length > 0) {
    body.push(
      heading(2, '阶段划分'),
      table(
        [['阶段'], ['时间'], ['开始'], ['结束']],
        plan.phases.map((p) => [
          [link(`${url.phases(plan)}#phase-${p.number}`, `${measureLabel(p.number)}${p.title}`)],
          [p.timeText || '未写明'],
          [p.start ? formatDate(p.start) : '—'],
          [p.end ? formatDate(p.end) : '—'],
        ]),
      ),
    )
  }
  body.push(heading(2, '按日期'))
  body.push(
    list(
      timeline(plan).map((entry) => {
        if (entry.kind === 'due') {
          return [
            strong(formatDate(entry.date)), '：', link(url.deadlineSlug(plan, entry.key.slug), `${entry.tasks.length} 项任务到期`), '（',
            ...entry.tasks.flatMap((t, i) => (i === 0 ? [taskLink(plan, t)] : ['、', taskLink(plan, t)])), '）',
          ]
        }
        const verb = entry.kind === 'phase-start' ? '开始' : '结束'
        return [strong(formatDate(entry.date)), '：', `${measureLabel(entry.phase.number)}${entry.phase.title}${verb}`]
      }),
    ),
    heading(2, '周期性任务'),
  )
  body.push(
    plan.obligations.length > 0
      ? table(
          [['周期'], ['要求（原文）'], ['任务']],
          plan.obligations.map((o) => [
            [PERIOD_LABEL[o.period] + (o.times ? `至少 ${o.times} 次` : '')],
            [o.text],
            [taskLink(plan, plan.tasks.find((t) => t.number === o.task)!)],
          ]),
        )
      : paragraph('无。'),
    heading(2, '全部完成时限'),
    list(groups.map(({ key, items }) => [link(url.deadlineSlug(plan, key.slug), key.label), `（${items.length} 项任务）`])),
  )
  return { path: md(plan, 'timeline'), frontmatter: { title: '完成时限与时间表', plan: plan.id }, body }
}

export function phasesPage(plan: Plan): Page {
  const body: RootContent[] = [pageTitle('阶段划分'), ...planMeta(plan)]
  if (plan.phases.length === 0) body.push(paragraph('本方案未划分实施阶段。'))
  for (const p of plan.phases) {
    body.push(
      headingWithId(2, `phase-${p.number}`, `${measureLabel(p.number)}${p.title}`),
      ...(p.timeText ? [paragraph(strong('时间'), '：', p.timeText)] : []),
      ...paragraphs(p.text),
    )
  }
  return { path: md(plan, 'phases'), frontmatter: { title: '阶段划分', plan: plan.id }, body }
}

export function requirementsPage(plan: Plan): Page {
  const body: RootContent[] = [pageTitle('工作要求'), ...planMeta(plan)]
  if (plan.requirements.length === 0) body.push(paragraph('本方案未单列工作要求。'))
  for (const r of plan.requirements) body.push(headingWithId(2, `requirement-${r.number}`, `${measureLabel(r.number)}${r.title}`), ...paragraphs(r.text))
  return { path: md(plan, 'requirements'), frontmatter: { title: '工作要求', plan: plan.id }, body }
}

export function guidancePage(plan: Plan): Page {
  return {
    path: md(plan, 'guiding-ideology'),
    frontmatter: { title: '指导思想', plan: plan.id },
    body: [pageTitle('指导思想'), ...planMeta(plan), ...(plan.guidingIdeology ? paragraphs(plan.guidingIdeology) : [paragraph('本方案未单列指导思想。')])],
  }
}

/**
 * 数据核对: every warning of the plan with its place in the file and the line it
 * is about, verbatim, for the administrator to check before cadres rely on it.
 */
export function reviewPage(plan: Plan, reviews: readonly Review[], original = true): Page {
  const body: RootContent[] = [
    pageTitle('数据核对'),
    ...planMeta(plan),
    paragraph('本页供发布方案的管理员使用：列出读取文件 ', original ? sourceFileLink(plan, plan.source) : plan.source, ' 时未能确定的内容。每条提示注明位置（第几行、第几段或第几页）、原因和该处原文。原文均已照录发布，未作猜测；请对照原件核对，必要时修改文件后重新构建。'),
    paragraph(`共读出 ${plan.measures.length} 项措施、${plan.tasks.length} 项任务，其中 ${plan.tasks.filter((t) => t.units.length > 0).length} 项注明责任单位，${plan.tasks.filter((t) => t.deadline.kind !== 'unspecified').length} 项注明完成时限${plan.statedTaskCount === null ? '' : `；文件自述 ${plan.statedTaskCount} 项任务`}。`),
  ]
  if (reviews.length === 0) {
    body.push(paragraph('读取本文件时没有提示。'))
  } else {
    body.push(
      heading(2, `提示（${reviews.length} 条）`),
      table([['位置'], ['类别'], ['说明'], ['该处原文']], reviews.map((r) => [[`${r.file ?? plan.source}${r.where}`], [r.kind === '' ? '' : WARNING_KIND_LABEL[r.kind]], [r.message], [r.text]])),
    )
  }
  return { path: md(plan, 'review'), frontmatter: { title: '数据核对', plan: plan.id }, body }
}

/** The plan as issued, line by line, each task's first line anchored as #task-N. */
export function originalPage(plan: Plan, sourceText: string, original = true): Page {
  const taskAt = new Map(plan.tasks.map((t) => [t.line, t.number]))
  const measureAt = new Map(plan.measures.map((m) => [m.line, m.number]))
  const lines: RootContent[] = []
  sourceText.split('\n').forEach((raw, i) => {
    const line = trimBy(raw, isSpace) // a loop: a pattern ending in \s+$ is quadratic on a run of spaces
    if (line === '') return
    const task = taskAt.get(i + 1)
    const measure = measureAt.get(i + 1)
    const anchor = task !== undefined ? `task-${task}` : measure !== undefined ? `measure-${measure}` : null
    lines.push(anchor ? paragraph(html(`<a id="${anchor}"></a>`), line) : paragraph(line))
  })
  return {
    path: md(plan, 'original'),
    frontmatter: { title: '原文', plan: plan.id },
    body: [
      pageTitle('原文'),
      ...planMeta(plan),
      original
        ? paragraph('以下为文件原文，逐字照录（含原文笔误）。', sourceFileLink(plan, `下载原文（${sourceFormat(plan)}）`))
        : paragraph('以下为文件原文，逐字照录（含原文笔误）。原文件不提供下载。'),
      ...section('original-text', lines),
    ],
  }
}

/** Where a task takes its units or deadline from its measure: the measure's note, verbatim. */
function taskMeasureNote(plan: Plan, task: Task): RootContent[] {
  const note = task.fromMeasure ? plan.measures.find((m) => m.number === task.measure)?.note : undefined
  return note ? section('task-note', [paragraph('所属措施的原文标注：', text(note))]) : []
}

/** The whole plan in document order, laid out for printing as an official document (GB/T 9704). */
export function printPage(plan: Plan, pdf: boolean): Page {
  const body: RootContent[] = [
    ...section('doc-issuer', [paragraph(plan.issuer)]),
    pageTitle(titleOf(plan)),
    ...(plan.addresseesText ? section('doc-addressees', [paragraph(`${plan.addresseesText}：`)]) : []),
    ...paragraphs(plan.preamble),
  ]
  plan.sections.forEach((sec, i) => {
    // A section kept as text holds its intro in that text; the guiding ideology is the text of its sections, sub-items included.
    const text = sec.kind === 'other' ? '' : sec.kind === 'guidance' ? (plan.sections.find((s) => s.kind === 'guidance') === sec ? plan.guidingIdeology : '') : sec.intro
    body.push(heading(2, `${chineseNumeral(sec.number)}、${sec.title}`), ...paragraphs(text))
    if (sec.kind === 'measures') {
      // The measures of this section: a plan may have several, or be its own measure (its sections are its topics).
      const end = plan.sections[i + 1]?.line ?? Infinity
      for (const measure of plan.measures.filter((m) => m.line >= sec.line && m.line < end)) {
        const previous = plan.measures[measure.number - 2]
        if (measure.group && measure.group !== previous?.group) body.push(heading(3, measure.group.split('\n')[0]!), ...paragraphs(measure.group.split('\n').slice(1).join('\n')))
        if (measure.line !== sec.line) body.push(heading(measure.group ? 4 : 3, measureHeading(measure)), ...paragraphs(measure.intro ?? ''), ...(measure.note ? [paragraph(measure.note)] : []))
        for (const n of measure.tasks) {
          const task = plan.tasks.find((t) => t.number === n)!
          const [first = '', ...rest] = `${task.title}。${task.text}`.split('\n')
          const last = rest.length > 0 ? rest.pop()! : null
          body.push(
            ...(task.heading ? [paragraph(task.heading)] : []),
            ...section('doc-task', [
              paragraph(`${task.marker ?? `${n}.`}${first}${last === null ? task.note : ''}`),
              ...rest.map((p) => paragraph(p)),
              ...(last === null ? [] : [paragraph(`${last}${task.note}`)]),
            ]),
          )
        }
      }
    } else if (sec.kind === 'phases') {
      for (const p of plan.phases) body.push(paragraph(`${measureLabel(p.number)}${[p.title, p.timeText].filter((x) => x !== '').join('。')}。${p.text}`))
    } else if (sec.kind === 'requirements') {
      for (const r of plan.requirements) body.push(paragraph(`${measureLabel(r.number)}${r.title}。${r.text}`))
    } else if (sec.kind === 'other') {
      body.push(...paragraphs(plan.otherSections.find((o) => o.number === sec.number)?.text ?? ''))
    }
  })
  body.push(...section('doc-signature', [paragraph(plan.issuer), paragraph(formatDate(plan.date))]))
  if (pdf) body.push(...section('screen-only', [paragraph(fileLink(url.printPdf(plan), savedName([titleOf(plan)], 'pdf'), '下载 PDF（A4）'))]))
  return {
    path: md(plan, 'print'),
    frontmatter: { title: `${titleOf(plan)}（全文打印）`, plan: plan.id, outline: false, aside: false, prev: false, next: false, pageClass: 'print-document' },
    body,
  }
}
