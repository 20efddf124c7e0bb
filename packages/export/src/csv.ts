// RFC 4180 CSV that Excel (fr-FR included) and uMap both open correctly.

/** Byte order mark: without it Excel reads UTF-8 as Windows-1252 and mangles accents. */
export const utf8Bom = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/** A header row and its rows: what a CSV file holds, and what a spreadsheet is built from. */
export interface Table {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** `,` (RFC 4180, uMap) or `;` (what Excel expects in French and other locales). */
export type CsvSeparator = ',' | ';';

/**
 * Spreadsheets run a cell as a formula (OWASP "CSV injection") when it starts with `=`, `+`, `-` or
 * `@`, even after spaces, or with a tab or a carriage return. Numbers we write ourselves (a
 * negative longitude) are not user text and are left alone.
 */
const formulaStart = /^[\t\r]|^\s*[=+\-@]/;

/** Makes a user-written string inert in a spreadsheet by prefixing a formula trigger with `'`. */
export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Quoted when it holds a quote, a line break or either separator, whichever this file uses: a
 * spreadsheet that guesses `;` must not split `x;=1+1` into a formula cell of its own.
 */
const needsQuotes = /[",;\r\n]/;

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV document: BOM, header row, CRLF after every record (RFC 4180 §2). */
export function toCsv(table: Table, separator: CsvSeparator = ','): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(formatCell).join(separator) + '\r\n');
  return utf8Bom + lines.join('');
}
