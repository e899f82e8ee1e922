import * as assert from 'assert';
import { reviewRecordEdit, Workspace } from '../../server/src/core';
import { buildCoverageMatrix, csvCoverage, htmlCoverage, markdownCoverage } from '../../server/src/reports';
import { xlsxCoverage } from '../../server/src/reports/coverageXlsx';
import { acme2030, acmeStandard } from '../editionFixtures';
import { workspaceWith } from '../helpers';
import { parseCsv, readWorkbook } from './readBack';

/**
 * Suspect links in the coverage matrix (README, "Reviewed links" and "Coverage reports"): an item covered by a
 * clause whose link is suspect is a state of its own, in every format, by standard and by sector.
 */

/** acme-2030, its standard (with `extra` clauses appended), the record of its links, then Z-2's text changed. */
function suspectWorkspace(extra: string[] = []): Workspace {
  const standard = acmeStandard();
  const workspace = workspaceWith(acme2030, standard);
  const record = reviewRecordEdit(workspace, standard.uri)!;
  workspace.set(record.uri, record.text, 'yaml');
  if (extra.length) workspace.set(standard.uri, standard.text.replace('exclusions:\n', `${extra.join('\n')}\nexclusions:\n`), 'yaml');
  workspace.set(acme2030.uri, acme2030.text.replace('text: 計画を作る。', 'text: 計画を作り、毎年点検する。'), 'yaml');
  return workspace;
}

const standardUri = acmeStandard().uri;

describe('coverage matrix: suspect links', () => {
  it('a covered item whose covering link is suspect is suspect, counted as done, and the legend gains the state', () => {
    const matrix = buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'en' });
    assert.deepStrictEqual(matrix.states, ['covered', 'suspect', 'partial', 'excluded', 'uncovered', 'not-applicable']);
    const [guideline] = matrix.guidelines;
    const z2 = guideline.rows.find((r) => r.id === 'Z-2')!;
    assert.deepStrictEqual([z2.cells[0].state, z2.cells[0].clauses.map((c) => c.id), z2.cells[0].suspect?.map((c) => c.id)], ['suspect', ['S-1'], ['S-1']]);
    assert.deepStrictEqual([z2.summary, z2.totals.suspect], [{ state: 'suspect', done: 1, applicable: 1 }, 1]);
    assert.deepStrictEqual(guideline.columns[0].totals, { covered: 5, suspect: 1, partial: 0, excluded: 2, uncovered: 0, 'not-applicable': 0 });
    // Z-1 is covered by the same clause S-1, whose link to Z-1 is still the one reviewed.
    assert.strictEqual(guideline.rows.find((r) => r.id === 'Z-1')!.cells[0].state, 'covered');
  });

  it('without a suspect link, the matrix has no suspect state at all', () => {
    const workspace = workspaceWith(acme2030, acmeStandard());
    const matrix = buildCoverageMatrix(workspace, [standardUri], { by: 'standard', locale: 'en' });
    assert.deepStrictEqual(matrix.states, ['covered', 'partial', 'excluded', 'uncovered', 'not-applicable']);
    assert.ok(!markdownCoverage(matrix).includes('suspect'));
  });

  it('Markdown, in both languages: the cell, the row totals, the legend and the column total', () => {
    const en = markdownCoverage(buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'en' })).split('\n');
    assert.ok(en.includes('Legend: ✔ covered · ⚠ suspect · ◐ partial · ⊘ excluded · ✘ uncovered · – not applicable'));
    assert.ok(en.includes('| Z-2 | Ⅱ | Continuity | must-consider | abstract |  | ⚠ suspect: S-1 | ⚠ 1 |'));
    assert.ok(en.includes('| **Total ⚠ suspect** |  |  |  |  |  | 1 |  |'));
    const ja = markdownCoverage(buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'ja' })).split('\n');
    assert.ok(ja.includes('凡例: ✔ 対応済み · ⚠ 要確認 · ◐ 一部対応 · ⊘ 除外 · ✘ 未対応 · – 対象外'));
    assert.ok(ja.includes('| Z-2 | Ⅱ | 継続 | 要検討事項 | 抽象的内容 |  | ⚠ 要確認：S-1 | ⚠ 1 |'));
    assert.ok(ja.includes('| **計（⚠ 要確認）** |  |  |  |  |  | 1 |  |'));
  });

  it('when only some covering clauses are suspect, those are marked; by sector, with their standard', () => {
    const workspace = suspectWorkspace(['  - id: S-5', '    title: 継続の点検', '    covers: [Z-2]']);
    const en = markdownCoverage(buildCoverageMatrix(workspace, [standardUri], { by: 'standard', locale: 'en' })).split('\n');
    assert.ok(en.includes('| Z-2 | Ⅱ | Continuity | must-consider | abstract |  | ⚠ suspect: S-1 (to review), S-5 | ⚠ 1 |'));
    const ja = markdownCoverage(buildCoverageMatrix(workspace, [standardUri], { by: 'sector', locale: 'ja' })).split('\n');
    assert.ok(ja.includes('| Z-2 | Ⅱ | 継続 | 要検討事項 | 抽象的内容 |  | ⚠ 要確認：std S-1（要確認）, std S-5 | ✘ 未対応 | ⚠ 1 · ✘ 1 |'));
  });

  it('CSV and XLSX: the state in the cell and a totals column of its own', async () => {
    const matrix = buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'en' });
    const records = parseCsv(csvCoverage(matrix).replace(/^\uFEFF/, ''));
    assert.deepStrictEqual(records[0].slice(-6), ['✔ covered', '⚠ suspect', '◐ partial', '⊘ excluded', '✘ uncovered', '– not applicable']);
    assert.deepStrictEqual(records[2], ['acme-2030', 'Z-2', 'Ⅱ', 'Continuity', '', 'must-consider', 'abstract', '', '⚠ suspect: S-1', '0', '1', '0', '0', '0', '0']);
    const sheet = (await readWorkbook(await xlsxCoverage(buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'ja' })))).getWorksheet('acme-2030')!;
    const values = (row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);
    assert.deepStrictEqual(values(4), ['Z-2', 'Ⅱ', '継続', '', '要検討事項', '抽象的内容', '', '⚠ 要確認：S-1', 0, 1, 0, 0, 0, 0]);
    const fill = sheet.getRow(4).getCell(8).fill as { fgColor?: { argb?: string } };
    assert.strictEqual(fill.fgColor?.argb, 'FFFBE3B5');
  });

  it('HTML and JSON: the cell says its state, with the suspect clauses', () => {
    const matrix = buildCoverageMatrix(suspectWorkspace(), [standardUri], { by: 'standard', locale: 'en' });
    const html = htmlCoverage(matrix);
    assert.ok(html.includes('<td class="cell s-suspect" data-state="suspect"><span class="sym" aria-hidden="true">⚠</span> <span class="word">suspect</span><span class="detail">S-1</span></td>'));
    assert.ok(html.includes('<span class="state s-suspect">⚠ suspect</span>'));
    assert.ok(html.includes('.s-suspect{background:#FBE3B5;color:#7A4A00}'));
    const json = JSON.parse(JSON.stringify(matrix));
    const cell = json.guidelines[0].rows.find((r: { id: string }) => r.id === 'Z-2').cells[0];
    assert.deepStrictEqual([cell.state, cell.suspect.map((c: { id: string }) => c.id)], ['suspect', ['S-1']]);
  });
});
