// RFC 4180 CSV that Excel (fr-FR included) and uMap both open correctly.

/** Byte order mark: without it Excel reads UTF-8 as Windows-1252 and mangles accents. */
export const utf8Bom = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
 * Numbers we write ourselves (a negative longitude) are not user text and are left alone.
 */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Makes a user-written string inert in a spreadsheet by prefixing a formula trigger with `'`. */
export function guardFormula(text: string): string {
  return formulaTriggers.has(text.charAt(0)) ? `'${text}` : text;
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV document: BOM, header row, CRLF after every record (RFC 4180 §2). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return utf8Bom + [header, ...rows].map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}
