import { renderText } from '../core';
import {
  CellState, cellDetail, cellStates, columnSummary, CoverageMatrix, GuidelineMatrix, indentOf, ItemColumn, MatrixColumn, matrixTable, noteText, pick, rowMarks,
  stateColours, stateSymbols, stateWord,
} from './coverageMatrix';

/**
 * The coverage matrix as one self-contained HTML file: no script, no network (a Content-Security-Policy that
 * allows inline styles only, system fonts with the Japanese ones named), readable on screen and printable
 * (A4 landscape, colours kept). Each state has a symbol and a word as well as a colour-blind-safe colour; the
 * header row and the item column stay in view while scrolling; a checkbox (CSS only, so that it also works in
 * an editor's webview without scripts) shows only the items with gaps (a cell uncovered or partial).
 */
export function htmlCoverage(matrix: CoverageMatrix): string {
  const { locale } = matrix;
  const t = (key: Parameters<typeof renderText>[0]): string => renderText(key, {}, locale);
  const legend = cellStates.map((s) => `<span class="state s-${s}">${stateSymbols[s]} ${escapeHtml(stateWord(s, locale))}</span>`).join(' ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t('matrix.title'))}</title>`,
    `<style>${styles()}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(t('matrix.title'))}</h1><p class="legend">${escapeHtml(t('matrix.legend'))}: ${legend}</p></header>`,
    `<input type="checkbox" id="gaps-only"><label for="gaps-only">${escapeHtml(t('matrix.filter-gaps'))}</label>`,
    '<main>',
    ...(matrix.guidelines.length === 0 ? [`<p>${escapeHtml(t('matrix.none'))}</p>`] : []),
    ...matrix.guidelines.map((g) => guidelineSection(g, matrix)),
    '</main>',
    ...(matrix.notes.length > 0
      ? [`<footer><h2>${escapeHtml(t('matrix.notes'))}</h2><ul>${matrix.notes.map((n) => `<li>${escapeHtml(noteText(n, locale))}</li>`).join('')}</ul></footer>`]
      : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The item's columns in HTML: the hierarchy shows as indented titles. */
const columns: readonly ItemColumn[] = ['id', 'label', 'title', 'obligation', 'level', 'marks'];

function guidelineSection(guideline: GuidelineMatrix, matrix: CoverageMatrix): string {
  const { locale, by } = matrix;
  const table = matrixTable(guideline, locale, by);
  const headings = [
    ...pick(table.itemHeadings, columns).map((h, i) => `<th scope="col"${i === 0 ? ' class="id"' : ''}>${escapeHtml(h)}</th>`),
    ...guideline.columns.map((c) => `<th scope="col" class="column">${columnHeading(c, matrix)}</th>`),
    `<th scope="col">${escapeHtml(renderText('matrix.column.totals', {}, locale))}</th>`,
  ];
  const rows = table.rows.map(({ item, row }) => {
    const gap = row.cells.some((c) => c.state === 'uncovered' || c.state === 'partial');
    const { id, label, obligation, level } = item;
    const marks = rowMarks(row, locale).map((m) => `<span class="mark">${escapeHtml(m)}</span>`).join(' ');
    const cells = row.cells.map((cell) => {
      const detail = cellDetail(cell, locale, by);
      return `<td class="cell s-${cell.state}" data-state="${cell.state}"><span class="sym" aria-hidden="true">${stateSymbols[cell.state]}</span> `
        + `<span class="word">${escapeHtml(stateWord(cell.state, locale))}</span>${detail ? `<span class="detail">${escapeHtml(detail)}</span>` : ''}</td>`;
    });
    const totals = cellStates.filter((s) => row.totals[s] > 0).map((s) => `<span class="s-${s}-text">${stateSymbols[s]} ${row.totals[s]}</span>`).join(' ');
    return `<tr class="item${gap ? ' gap' : ''}${row.provisional ? ' provisional' : ''}" data-item="${escapeHtml(row.id)}">`
      + `<th scope="row" class="id">${escapeHtml(id)}</th><td>${escapeHtml(label)}</td>`
      + `<td class="title" style="padding-left: ${0.4 + indentOf(row) * 1.2}em">${escapeHtml(row.title)}</td>`
      + `<td class="nowrap">${escapeHtml(obligation)}</td><td class="nowrap">${escapeHtml(level)}</td><td>${marks}</td>${cells.join('')}<td class="totals">${totals}</td></tr>`;
  });
  const footer = table.footer.map((f) => `<tr><th scope="row" class="id" colspan="${columns.length}">${escapeHtml(f.label)}</th>`
    + `${f.values.map((v) => `<td class="${v.state ? `s-${v.state}` : 'summary'}">${escapeHtml(v.text)}</td>`).join('')}<td></td></tr>`);
  return [
    '<section>',
    `<h2>${escapeHtml(renderText('matrix.guideline', { title: guideline.title, id: guideline.id }, locale))}</h2>`,
    `<p class="by">${escapeHtml(renderText(by === 'sector' ? 'matrix.by-sector' : 'matrix.by-standard', {}, locale))}</p>`,
    '<div class="scroll"><table>',
    `<thead><tr>${headings.join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    `<tfoot>\n${footer.join('\n')}\n</tfoot>`,
    '</table></div>',
    '</section>',
  ].join('\n');
}

/** A column's heading: the standard (id, title, file) or the sector (label, its standards), with its must-consider summary. */
function columnHeading(column: MatrixColumn, matrix: CoverageMatrix): string {
  const { locale } = matrix;
  const small = (text: string): string => `<small>${escapeHtml(text)}</small>`;
  const parts = column.kind === 'standard'
    ? [escapeHtml(column.heading), small(column.title), small(column.standards[0].path)]
    : [escapeHtml(column.heading), small(column.standards.length
      ? renderText('matrix.standards', { names: column.standards.map((s) => s.id).join(', ') }, locale)
      : renderText('matrix.no-standard', {}, locale))];
  return [...parts, small(columnSummary(column, locale))].join('');
}

function styles(): string {
  const states = (Object.keys(stateColours) as CellState[]).map((s) =>
    `.s-${s}{background:${stateColours[s].background};color:${stateColours[s].text}}.s-${s}-text{color:${stateColours[s].text}}`).join('');
  return [
    ':root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI","Yu Gothic",Meiryo,sans-serif;font-size:14px;color:#1a1a1a;background:#fff}',
    'body{margin:1rem 1.5rem}h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:1.5rem 0 .25rem}',
    '.legend .state{display:inline-block;padding:0 .4em;border:1px solid #bbb;border-radius:3px;margin-right:.3em}',
    '.scroll{overflow:auto;max-height:calc(100vh - 9rem);border:1px solid #bbb}',
    'table{border-collapse:separate;border-spacing:0;min-width:100%}',
    'th,td{border-right:1px solid #d0d0d0;border-bottom:1px solid #d0d0d0;padding:.25em .4em;vertical-align:top;text-align:left}',
    'thead th{position:sticky;top:0;z-index:2;background:#f3f3f3;font-weight:600}',
    'th.id{position:sticky;left:0;z-index:1;background:#fafafa;font-weight:400;min-width:6em;max-width:11em;overflow-wrap:anywhere}thead th.id{z-index:3;background:#f3f3f3;font-weight:600}',
    'td.nowrap{white-space:nowrap}',
    'th.column{min-width:10em}th small{display:block;font-weight:400;color:#555;margin-top:.15em}',
    'td.cell .sym{font-weight:700}td.cell .detail{display:block;font-size:.9em}td.s-uncovered .word{font-weight:700}',
    'td.title{min-width:14em}.mark{display:inline-block;font-size:.85em;border:1px dashed #6B5200;border-radius:3px;padding:0 .3em;color:#6B5200}',
    'tr.provisional td.title{font-style:italic}td.totals{white-space:nowrap}tfoot th,tfoot td{font-weight:600;background:#f7f7f7}',
    '#gaps-only{margin:.75rem .4rem .75rem 0}#gaps-only:checked~main tr.item:not(.gap){display:none}',
    states,
    '@media print{#gaps-only,label[for=gaps-only]{display:none}.scroll{overflow:visible;max-height:none;border:0}thead th,th.id{position:static}',
    ':root{font-size:9pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{break-inside:avoid}@page{size:A4 landscape;margin:10mm}}',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
