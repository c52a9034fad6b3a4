// The ledger as CSV (RFC 4180), UTF-8 with a BOM so Excel and WPS read the Chinese.

import { LEDGER_COLUMNS, type Ledger } from './ledger.ts'

/**
 * A cell that a spreadsheet would read as a formula (it begins with = + - @,
 * a tab or a carriage return) gets a leading "'", as OWASP recommends against
 * CSV injection: Excel and WPS then show the text and evaluate nothing. Plan
 * text is data; a ledger opened by a unit must not compute with it.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function field(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function ledgerCsv(ledger: Ledger): string {
  const lines = [LEDGER_COLUMNS.join(','), ...ledger.rows.map((row) => LEDGER_COLUMNS.map((c) => field(row[c])).join(','))]
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
