// The ledger as CSV (RFC 4180), UTF-8 with a BOM so Excel and WPS read the Chinese.

import { LEDGER_COLUMNS, type Ledger } from './ledger.ts'

function field(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function ledgerCsv(ledger: Ledger): string {
  const lines = [LEDGER_COLUMNS.join(','), ...ledger.rows.map((row) => LEDGER_COLUMNS.map((c) => field(row[c])).join(','))]
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
