import { Locale, renderText } from '../core';
import {
  cellStates, CoverageMatrix, GuidelineMatrix, indentOf, ItemColumn, MatrixColumn, matrixTable, noteText, pick, stateSymbols, stateWord,
} from './coverageMatrix';

/** The item's columns in Markdown: the hierarchy shows as indented titles. */
const columns: readonly ItemColumn[] = ['id', 'label', 'title', 'obligation', 'level', 'marks'];

/**
 * The coverage matrix as Markdown: one table per guideline (items × columns, the row totals, the column
 * totals under the items), the columns' standards listed below it, then the notes. Readable as plain text
 * and rendered by any Markdown viewer (GitHub, VS Code's preview).
 */
export function markdownCoverage(matrix: CoverageMatrix): string {
  const { locale } = matrix;
  const out: string[] = [`# ${renderText('matrix.title', {}, locale)}`, ''];
  if (matrix.guidelines.length === 0) out.push(renderText('matrix.none', {}, locale), '');
  for (const guideline of matrix.guidelines) out.push(...guidelineSection(guideline, matrix));
  if (matrix.notes.length > 0) {
    out.push(`## ${renderText('matrix.notes', {}, locale)}`, '');
    for (const note of matrix.notes) out.push(`- ${escapeMarkdown(noteText(note, locale))}`);
    out.push('');
  }
  return out.join('\n');
}

function guidelineSection(guideline: GuidelineMatrix, matrix: CoverageMatrix): string[] {
  const { locale, by } = matrix;
  const table = matrixTable(guideline, locale, by);
  const legend = cellStates.map((s) => `${stateSymbols[s]} ${stateWord(s, locale)}`).join(' · ');
  const header = [...pick(table.itemHeadings, columns), ...guideline.columns.map((c) => c.heading), renderText('matrix.column.totals', {}, locale)];
  const indented = (r: (typeof table.rows)[number]): string[] => pick({ ...r.item, title: `${'\u3000'.repeat(indentOf(r.row))}${r.item.title}` }, columns);
  const lines = [
    `## ${escapeMarkdown(renderText('matrix.guideline', { title: guideline.title, id: guideline.id }, locale))}`,
    '',
    escapeMarkdown(renderText(by === 'sector' ? 'matrix.by-sector' : 'matrix.by-standard', {}, locale)),
    '',
    `${renderText('matrix.legend', {}, locale)}: ${legend}`,
    '',
    tableLine(header.map(escapeMarkdown)),
    tableLine(header.map(() => '---')),
    ...table.rows.map((r) => tableLine([...indented(r), ...r.cells.map((c) => c.text), rowTotals(r.totals)].map(escapeMarkdown))),
    ...table.footer.map((f) => tableLine([`**${escapeMarkdown(f.label)}**`, ...columns.slice(1).map(() => ''), ...f.values.map((v) => escapeMarkdown(v.text)), ''])),
    '',
  ];
  // The headings are short (a standard's id, a sector's label): what each column holds is listed under the table.
  for (const column of guideline.columns) lines.push(`- **${escapeMarkdown(column.heading)}**: ${escapeMarkdown(columnContents(column, locale))}`);
  if (guideline.columns.length > 0) lines.push('');
  return lines;
}

function columnContents(column: MatrixColumn, locale: Locale): string {
  if (column.kind === 'standard') return `${column.title} (${column.standards[0].path})`;
  if (column.standards.length === 0) return renderText('matrix.no-standard', {}, locale);
  return renderText('matrix.standards', { names: column.standards.map((s) => `${s.id} ${s.title} (${s.path})`).join('; ') }, locale);
}

/** A table row of cells already escaped. */
function tableLine(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The row totals in one cell: the states that occur, with their counts (e.g. "✔ 2 · ✘ 1"). */
function rowTotals(totals: number[]): string {
  return cellStates.flatMap((s, i) => (totals[i] > 0 ? [`${stateSymbols[s]} ${totals[i]}`] : [])).join(' · ');
}

/** Text as Markdown shows it literally: table pipes, HTML and emphasis characters escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\|<>`*_[\]]/g, (c) => `\\${c}`);
}
