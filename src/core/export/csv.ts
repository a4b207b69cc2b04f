/**
 * CSV cells and rows: RFC 4180 quoting, CRLF line ends, and a guard against formula injection
 * (a text cell starting with = + - @ tab or CR is prefixed with ' so spreadsheets show it as text).
 */
export const CSV_BOM = '\ufeff';

export function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? guardFormula(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : guardFormula(JSON.stringify(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
