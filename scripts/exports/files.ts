// The files offered for download, for every plan and every unit of it:
// ledger (xlsx, csv) and calendar (ics), plus the model and its schema.

import type { Plan } from '../model/plan.ts'
import { type Site, titleOf } from '../views/site.ts'
import { stampDate } from '../views/deadlines.ts'
import { tasksOfBody } from '../views/units.ts'
import { url } from '../render/common.ts'
import { ledger } from './ledger.ts'
import { ledgerCsv } from './csv.ts'
import { ledgerXlsx } from './xlsx.ts'
import { calendar } from './ics.ts'
import { slides } from './slides.ts'

export interface OutputFile {
  /** Path below the site's root (docs/public/), e.g. "plan-id/downloads/ledger.xlsx". */
  path: string
  data: Buffer | string
}

export interface DownloadOptions {
  /** The site's base path, e.g. "/anquan/". */
  base: string
  /** The site's address on the intranet, e.g. "http://intranet.example/anquan/", for links in calendars; or "". */
  siteUrl: string
}

export async function downloadFiles(site: Site, options: DownloadOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = []
  for (const plan of site.plans) files.push(...(await planDownloads(site, plan, options)))
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** One plan's files: of the whole site, they depend on the plan and the site's units only. */
export async function planDownloads(site: Site, plan: Plan, options: DownloadOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = []
  const date = new Date(`${stampDate(plan)}T00:00:00Z`)
  const taskUrl = (task: Plan['tasks'][number]) => {
    const path = `${options.base}${url.task(plan, task.number).slice(1)}.html`
    return options.siteUrl ? new URL(path.slice(options.base.length), options.siteUrl).href : path
  }
  const whole = ledger(plan)
  files.push(
    { path: url.download(plan, 'ledger.xlsx').slice(1), data: await ledgerXlsx(whole, date) },
    { path: url.download(plan, 'ledger.csv').slice(1), data: ledgerCsv(whole) },
    { path: url.download(plan, 'calendar.ics').slice(1), data: calendar({ plan, tasks: plan.tasks, name: titleOf(plan), taskUrl }) },
    { path: url.planJson(plan).slice(1), data: JSON.stringify(plan, null, 2) + '\n' },
    { path: url.slides(plan).slice(1), data: JSON.stringify(slides(plan), null, 2) + '\n' },
  )
  for (const unit of site.units) {
    const owed = tasksOfBody(site, plan, unit)
    if (owed.length === 0) continue
    const own = ledger(plan, { title: unit.title, owed })
    files.push(
      { path: url.unitDownload(plan, unit, 'xlsx').slice(1), data: await ledgerXlsx(own, date) },
      { path: url.unitDownload(plan, unit, 'csv').slice(1), data: ledgerCsv(own) },
      {
        path: url.unitDownload(plan, unit, 'ics').slice(1),
        data: calendar({ plan, tasks: owed.map((o) => o.task), name: `${unit.title}：${titleOf(plan)}`, taskUrl }),
      },
    )
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
