import * as assert from 'assert';
import { buildCoverageMatrix, cellText, CoverageMatrix } from '../../server/src/reports';
import { workspaceWith } from '../helpers';
import { insurerStandard, matrixDocs as docs, matrixOf } from './matrixFixtures';

/**
 * The coverage matrix model (README "Coverage reports"): one function builds it from the workspace's coverage,
 * for every format, the CLI and the editor. By standard, each column is one standard's coverage; by sector,
 * each sector's column is the union of its standards.
 */
/** Each row as "id: cell | cell | …", indented by depth, cells as the tabular formats write them. */
function grid(matrix: CoverageMatrix): string[] {
  const [guideline] = matrix.guidelines;
  return guideline.rows.map((r) => `${'  '.repeat(r.depth)}${r.id}: ${r.cells.map((c) => cellText(c, matrix.locale, matrix.by)).join(' | ')}`);
}

describe('coverage matrix: by standard', () => {
  it('a row per guideline item in the guideline\'s order, a column per standard in the order given; each cell covered, partial, excluded, uncovered or not applicable', () => {
    const matrix = matrixOf('standard');
    assert.strictEqual(matrix.guidelines.length, 1);
    const [guideline] = matrix.guidelines;
    assert.deepStrictEqual([guideline.id, guideline.title, guideline.path, guideline.bundled], ['matrix-g', '対応表テスト指針', 'file:///ws/matrix-guideline.yaml', false]);
    assert.deepStrictEqual(guideline.columns.map((c) => `${c.kind} ${c.key} ${c.heading} ${c.title}`), [
      'standard file:///ws/bank.yaml bank 銀行の基準',
      'standard file:///ws/insurer.yaml insurer 保険の基準',
      'standard file:///ws/hospital.md hospital 病院の基準',
    ]);
    assert.deepStrictEqual(grid(matrix), [
      'A: ✔ covered: through its sub-items (2 of 2) | ◐ partial: 1 of 2 sub-items | ◐ partial: 1 of 2 sub-items',
      '  A-1: ✔ covered: S-1 | ✔ covered: I-1 | ✔ covered: H-1',
      '  A-2: ✔ covered: S-1 | ✘ uncovered | ✘ uncovered',
      '  A-3: ✘ uncovered | ✘ uncovered | ✘ uncovered',
      '  A-4: ✔ covered: S-2 | ✘ uncovered | ✘ uncovered',
      'B: ✔ covered: through its sub-items (1 of 1) | ⊘ excluded: 保険業では規定不要 | – not applicable',
      '  B-1: ✔ covered: S-2 | – not applicable | – not applicable',
      '  B-2: – not applicable | ⊘ excluded: 保険業では規定不要 (with B) | – not applicable',
      'C: ⊘ excluded: 対象業務がないため | ⊘ excluded: 保険業務には該当しない | ✔ covered: H-2',
    ]);
  });

  it('rows carry the item\'s own label, title, obligation, level, parent and marks; provisional items are flagged', () => {
    const [guideline] = matrixOf('standard').guidelines;
    assert.deepStrictEqual(guideline.rows.map((r) => `${r.id} ${r.label} ${r.title} ${r.obligation} ${r.level} parent=${r.parent ?? '-'} provisional=${r.provisional} unconfirmed=${r.unconfirmed}`), [
      'A Ⅰ Organisation must-consider abstract parent=- provisional=false unconfirmed=false',
      'A-1 Ⅰ1 Officer must-consider abstract parent=A provisional=false unconfirmed=false',
      'A-2 Ⅰ2 Note reference concrete parent=A provisional=false unconfirmed=false',
      'A-3 Ⅰ3 Supplement must-consider abstract parent=A provisional=true unconfirmed=false',
      'A-4 Ⅰ4 Training must-consider abstract parent=A provisional=false unconfirmed=false',
      'B Ⅱ For finance must-consider abstract parent=- provisional=false unconfirmed=false',
      'B-1 Ⅱ1 For banks must-consider concrete parent=B provisional=false unconfirmed=false',
      'B-2 Ⅱ2 For insurers must-consider concrete parent=B provisional=false unconfirmed=false',
      'C Ⅲ Continuity must-consider abstract parent=- provisional=false unconfirmed=false',
    ]);
    // In Japanese, the titles are the guideline's own.
    assert.deepStrictEqual(matrixOf('standard', 'ja').guidelines[0].rows.map((r) => r.title), ['体制', '責任者', '参考', '補足', '教育', '金融向け', '銀行向け', '保険向け', '継続']);
  });

  it('totals per column (rows in each state, and the must-consider tally of the CLI summary) and per row (cells in each state, and the row at a glance)', () => {
    const [guideline] = matrixOf('standard').guidelines;
    assert.deepStrictEqual(guideline.columns.map((c) => c.totals), [
      { covered: 6, partial: 0, excluded: 1, uncovered: 1, 'not-applicable': 1 },
      { covered: 1, partial: 1, excluded: 3, uncovered: 3, 'not-applicable': 1 },
      { covered: 2, partial: 1, excluded: 0, uncovered: 3, 'not-applicable': 3 },
    ]);
    // Counted: leaves and items a clause covers directly (A-3 is provisional, so reference, under the default advisory).
    assert.deepStrictEqual(guideline.columns.map((c) => c.mustConsider), [
      { total: 4, covered: 3, excluded: 1, uncovered: 0 },
      { total: 4, covered: 1, excluded: 2, uncovered: 1 },
      { total: 3, covered: 2, excluded: 0, uncovered: 1 },
    ]);
    assert.deepStrictEqual(guideline.rows.map((r) => `${r.id} ${JSON.stringify(r.totals)} ${r.summary.state} ${r.summary.done}/${r.summary.applicable}`), [
      'A {"covered":1,"partial":2,"excluded":0,"uncovered":0,"not-applicable":0} partial 1/3',
      'A-1 {"covered":3,"partial":0,"excluded":0,"uncovered":0,"not-applicable":0} covered 3/3',
      'A-2 {"covered":1,"partial":0,"excluded":0,"uncovered":2,"not-applicable":0} partial 1/3',
      'A-3 {"covered":0,"partial":0,"excluded":0,"uncovered":3,"not-applicable":0} uncovered 0/3',
      'A-4 {"covered":1,"partial":0,"excluded":0,"uncovered":2,"not-applicable":0} partial 1/3',
      'B {"covered":1,"partial":0,"excluded":1,"uncovered":0,"not-applicable":1} covered 2/2',
      'B-1 {"covered":1,"partial":0,"excluded":0,"uncovered":0,"not-applicable":2} covered 1/1',
      'B-2 {"covered":0,"partial":0,"excluded":1,"uncovered":0,"not-applicable":2} excluded 1/1',
      'C {"covered":1,"partial":0,"excluded":2,"uncovered":0,"not-applicable":0} covered 3/3',
    ]);
  });

  it('clauses, exclusions, standards and items carry their places (1-based), for navigation and the JSON', () => {
    const [guideline] = matrixOf('standard').guidelines;
    const a1 = guideline.rows.find((r) => r.id === 'A-1')!;
    assert.deepStrictEqual(a1.location, { path: 'file:///ws/matrix-guideline.yaml', line: 24, column: 14, endLine: 24, endColumn: 17 });
    assert.deepStrictEqual(a1.cells.map((c) => c.clauses), [
      [{ standard: 'bank', id: 'S-1', title: '責任者', location: { path: 'file:///ws/bank.yaml', line: 9, column: 9, endLine: 9, endColumn: 12 } }],
      [{ standard: 'insurer', id: 'I-1', title: '責任者', location: { path: 'file:///ws/insurer.yaml', line: 9, column: 9, endLine: 9, endColumn: 12 } }],
      // A Markdown clause: its heading's id.
      [{ standard: 'hospital', id: 'H-1', title: '責任者', location: { path: 'file:///ws/hospital.md', line: 10, column: 4, endLine: 10, endColumn: 7 } }],
    ]);
    const b2 = guideline.rows.find((r) => r.id === 'B-2')!;
    assert.deepStrictEqual(b2.cells[1], {
      state: 'excluded',
      clauses: [],
      exclusions: [{ standard: 'insurer', reason: '保険業では規定不要', via: 'B', location: { path: 'file:///ws/insurer.yaml', line: 13, column: 5, endLine: 13, endColumn: 33 } }],
    });
    assert.deepStrictEqual(guideline.columns[0].standards, [
      { id: 'bank', title: '銀行の基準', path: 'file:///ws/bank.yaml', location: { path: 'file:///ws/bank.yaml', line: 2, column: 12, endLine: 2, endColumn: 20 } },
    ]);
  });

  it('cells in Japanese', () => {
    assert.deepStrictEqual(grid(matrixOf('standard', 'ja')), [
      'A: ✔ 対応済み：子項目により（2 件中 2 件） | ◐ 一部対応：子項目 2 件中 1 件 | ◐ 一部対応：子項目 2 件中 1 件',
      '  A-1: ✔ 対応済み：S-1 | ✔ 対応済み：I-1 | ✔ 対応済み：H-1',
      '  A-2: ✔ 対応済み：S-1 | ✘ 未対応 | ✘ 未対応',
      '  A-3: ✘ 未対応 | ✘ 未対応 | ✘ 未対応',
      '  A-4: ✔ 対応済み：S-2 | ✘ 未対応 | ✘ 未対応',
      'B: ✔ 対応済み：子項目により（1 件中 1 件） | ⊘ 除外：保険業では規定不要 | – 対象外',
      '  B-1: ✔ 対応済み：S-2 | – 対象外 | – 対象外',
      '  B-2: – 対象外 | ⊘ 除外：保険業では規定不要（B の除外による） | – 対象外',
      'C: ⊘ 除外：対象業務がないため | ⊘ 除外：保険業務には該当しない | ✔ 対応済み：H-2',
    ]);
  });
});

describe('coverage matrix: by sector', () => {
  it('a column per sector of the guideline holds its standards together: covered when some standard covers the item, excluded when every standard it applies to excludes it', () => {
    const matrix = matrixOf('sector');
    const [guideline] = matrix.guidelines;
    assert.deepStrictEqual(guideline.columns.map((c) => `${c.kind} ${c.key} ${c.heading} [${c.standards.map((s) => s.id).join(', ')}]`), [
      'sector finance Finance [bank, insurer]',
      'sector medical Medical [hospital]',
    ]);
    assert.deepStrictEqual(grid(matrix), [
      // are covered in the sector (A-4 by the bank alone): A is complete.
      'A: ✔ covered: through its sub-items (2 of 2) | ◐ partial: 1 of 2 sub-items',
      '  A-1: ✔ covered: bank S-1, insurer I-1 | ✔ covered: hospital H-1',
      '  A-2: ✔ covered: bank S-1 | ✘ uncovered',
      '  A-3: ✘ uncovered | ✘ uncovered',
      '  A-4: ✔ covered: bank S-2 | ✘ uncovered',
      // B-1 (banking) is covered by the bank, B-2 (insurance) excluded by the insurer: B is covered; the bank,
      // to which B-2 does not apply, does not stand in the way.
      'B: ✔ covered: through its sub-items (2 of 2) | – not applicable',
      '  B-1: ✔ covered: bank S-2 | – not applicable',
      '  B-2: ⊘ excluded: insurer: 保険業では規定不要 (with B) | – not applicable',
      'C: ⊘ excluded: bank: 対象業務がないため; insurer: 保険業務には該当しない | ✔ covered: hospital H-2',
    ]);
    assert.deepStrictEqual(guideline.columns.map((c) => c.mustConsider), [
      { total: 5, covered: 3, excluded: 2, uncovered: 0 },
      { total: 3, covered: 2, excluded: 0, uncovered: 1 },
    ]);
  });

  it('an item one standard of the sector excludes and another leaves open is uncovered in the sector; a sector with no standard among the inputs is uncovered wherever its items apply', () => {
    // Without the insurer's exclusion of C, only the bank excludes it: the insurer still has a gap.
    const open = insurerStandard.replace('  - {item: C, reason: 保険業務には該当しない}\n', '');
    const workspace = workspaceWith(...docs.map((d) => (d.uri.endsWith('insurer.yaml') ? { ...d, text: open } : d)));
    const matrix = buildCoverageMatrix(workspace, ['file:///ws/bank.yaml', 'file:///ws/insurer.yaml'], { by: 'sector', locale: 'en' });
    const c = matrix.guidelines[0].rows.find((r) => r.id === 'C')!;
    assert.deepStrictEqual(c.cells.map((cell) => cellText(cell, 'en', 'sector')), ['✘ uncovered', '✘ uncovered']);
    assert.deepStrictEqual(matrix.guidelines[0].columns[1].standards, []);
    // Medical has no standard here: its items (all but B's) are uncovered, B's are not applicable.
    assert.deepStrictEqual(matrix.guidelines[0].rows.map((r) => `${r.id} ${r.cells[1].state}`), [
      'A uncovered', 'A-1 uncovered', 'A-2 uncovered', 'A-3 uncovered', 'A-4 uncovered', 'B not-applicable', 'B-1 not-applicable', 'B-2 not-applicable', 'C uncovered',
    ]);
  });
});

describe('coverage matrix: what it does not show is said (notes)', () => {
  const ghost = { uri: 'file:///ws/ghost.yaml', text: 'kijun: standard\nguideline: ghost-g\nid: ghost\ntitle: 幽霊\nsector: 金融\nclass: 4\n' };
  const stray = { uri: 'file:///ws/stray.yaml', text: 'kijun: standard\nguideline: matrix-g\nid: stray\ntitle: 迷子\nsector: 物留\nclass: 4\n' };
  const noGuideline = { uri: 'file:///ws/bare.yaml', text: 'kijun: standard\nid: bare\ntitle: 指針なし\nsector: 金融\nclass: 4\n' };

  it('a standard whose guideline is unknown or missing, a standard with errors, and (by sector) one whose sector does not resolve', () => {
    const errors = new Map([['file:///ws/stray.yaml', 1]]);
    const bySector = matrixOf('sector', 'en', [ghost, stray, noGuideline], errors);
    assert.deepStrictEqual(bySector.notes, [
      { kind: 'guideline-unknown', path: 'file:///ws/ghost.yaml', guideline: 'ghost-g' },
      { kind: 'errors', path: 'file:///ws/stray.yaml', errors: 1 },
      { kind: 'guideline-unknown', path: 'file:///ws/bare.yaml' },
      { kind: 'sector-unknown', path: 'file:///ws/stray.yaml', guideline: 'matrix-g' },
    ]);
    // By standard, the stray standard has a column (its sector does not resolve, so only the items for all sectors apply).
    const byStandard = matrixOf('standard', 'en', [stray]);
    assert.deepStrictEqual(byStandard.notes, []);
    assert.deepStrictEqual(byStandard.guidelines[0].rows.map((r) => `${r.id} ${r.cells[3].state}`), [
      'A uncovered', 'A-1 uncovered', 'A-2 uncovered', 'A-3 uncovered', 'A-4 uncovered', 'B not-applicable', 'B-1 not-applicable', 'B-2 not-applicable', 'C uncovered',
    ]);
  });

  it('documents that are not standards are no columns; no standard at all makes an empty matrix', () => {
    const workspace = workspaceWith(docs[0]);
    assert.deepStrictEqual(buildCoverageMatrix(workspace, [docs[0].uri, 'file:///ws/absent.yaml'], { by: 'standard', locale: 'ja' }), { by: 'standard', locale: 'ja', guidelines: [], notes: [] });
  });
});
