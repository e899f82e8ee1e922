import { Workbook, Worksheet } from 'exceljs';
import { renderText } from '../core';
import { CellState, CoverageMatrix, GuidelineMatrix, indentOf, itemColumns, matrixTable, noteText, pick, stateColours } from './coverageMatrix';

/**
 * The coverage matrix as an Excel workbook (exceljs): one sheet per guideline, its title in the first row, the
 * header in the second (frozen with the item's id, number and title, and carrying an autofilter over the
 * items), every cell coloured by its state, the column totals under the items; the notes on a sheet of their
 * own. Returns the file's bytes: writing them is the caller's.
 *
 * Not exported from `reports/index.ts`: exceljs is loaded only when a workbook is asked for (it takes a few
 * hundred milliseconds to load, and the language server never needs it).
 */
export async function xlsxCoverage(matrix: CoverageMatrix): Promise<Uint8Array> {
  const { locale } = matrix;
  const workbook = new Workbook();
  workbook.creator = 'Kijun';
  workbook.title = renderText('matrix.title', {}, locale);
  const names = new Set<string>();
  for (const guideline of matrix.guidelines) guidelineSheet(workbook.addWorksheet(sheetName(guideline.id, names)), guideline, matrix);
  if (matrix.guidelines.length === 0 || matrix.notes.length > 0) {
    const sheet = workbook.addWorksheet(sheetName(renderText('matrix.notes', {}, locale), names));
    sheet.getColumn(1).width = 120;
    if (matrix.guidelines.length === 0) sheet.addRow([renderText('matrix.none', {}, locale)]);
    for (const note of matrix.notes) sheet.addRow([noteText(note, locale)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The item's id, number and title stay in view when scrolling right. */
const FROZEN_COLUMNS = 3;
const HEADER_ROW = 2;

function guidelineSheet(sheet: Worksheet, guideline: GuidelineMatrix, matrix: CoverageMatrix): void {
  const { locale, by } = matrix;
  const table = matrixTable(guideline, locale, by);
  const title = sheet.addRow([renderText('matrix.guideline', { title: guideline.title, id: guideline.id }, locale)]);
  title.font = { bold: true, size: 14 };
  const header = sheet.addRow([...pick(table.itemHeadings, itemColumns), ...table.columnHeadings, ...table.totalHeadings]);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  const firstCell = itemColumns.length + 1;
  const titleColumn = itemColumns.indexOf('title') + 1;
  for (const row of table.rows) {
    const added = sheet.addRow([...pick(row.item, itemColumns), ...row.cells.map((c) => c.text), ...row.totals]);
    added.alignment = { vertical: 'top', wrapText: true };
    // The hierarchy as the title's indent (the parent's id is in its own column, for sorting and filtering).
    added.getCell(titleColumn).alignment = { vertical: 'top', wrapText: true, indent: indentOf(row.row) };
    if (row.row.provisional) added.getCell(titleColumn).font = { italic: true };
    row.cells.forEach((c, i) => paint(added.getCell(firstCell + i), c.state));
  }
  sheet.addRow([]);
  for (const footer of table.footer) {
    const added = sheet.addRow([footer.label, ...itemColumns.slice(1).map(() => ''), ...footer.values.map((v) => v.text)]);
    added.font = { bold: true };
    footer.values.forEach((v, i) => paint(added.getCell(firstCell + i), v.state));
  }
  const lastColumn = itemColumns.length + table.columnHeadings.length + table.totalHeadings.length;
  sheet.views = [{ state: 'frozen', xSplit: FROZEN_COLUMNS, ySplit: HEADER_ROW }];
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + table.rows.length, column: lastColumn } };
  [14, 12, 40, 12, 12, 12, 24].forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
  for (let i = firstCell; i <= lastColumn; i++) sheet.getColumn(i).width = i < firstCell + table.columnHeadings.length ? 28 : 10;
}

function paint(cell: ReturnType<Worksheet['getCell']>, state: CellState | undefined): void {
  if (!state) return;
  const colours = stateColours[state];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colours.background) } };
  cell.font = { ...(cell.font ?? {}), color: { argb: argb(colours.text) } };
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}
