import { renderText } from '../core';
import { CoverageMatrix, itemColumns, matrixTable, noteText, pick } from './coverageMatrix';

/**
 * The coverage matrix as CSV that opens as it should in Japanese Excel: UTF-8 with a byte order mark (without
 * it Excel reads Shift_JIS), CRLF line ends, every field quoted. One block per guideline, each with its own
 * header row (the guideline's id in the first column of every row), separated by an empty line; the notes
 * come last.
 */
export function csvCoverage(matrix: CoverageMatrix): string {
  const { locale, by } = matrix;
  const records: string[][] = [];
  if (matrix.guidelines.length === 0) records.push([renderText('matrix.none', {}, locale)]);
  matrix.guidelines.forEach((guideline, index) => {
    if (index > 0) records.push([]);
    const table = matrixTable(guideline, locale, by);
    const blanks = (n: number): string[] => Array.from({ length: n }, () => '');
    records.push([renderText('matrix.column.guideline', {}, locale), ...pick(table.itemHeadings, itemColumns), ...table.columnHeadings, ...table.totalHeadings]);
    for (const row of table.rows) records.push([guideline.id, ...pick(row.item, itemColumns), ...row.cells.map((c) => c.text), ...row.totals.map(String)]);
    for (const footer of table.footer) {
      records.push([guideline.id, footer.label, ...blanks(itemColumns.length - 1), ...footer.values.map((v) => v.text), ...blanks(table.totalHeadings.length)]);
    }
  });
  if (matrix.notes.length > 0) {
    records.push([], [renderText('matrix.notes', {}, locale)]);
    for (const note of matrix.notes) records.push([noteText(note, locale)]);
  }
  return `\uFEFF${records.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * A quoted field; quotes are doubled (RFC 4180). A text that a spreadsheet would run as a formula (it starts
 * with =, +, -, @ or a tab, and comes from a document) gets a leading apostrophe, which keeps it a text.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
