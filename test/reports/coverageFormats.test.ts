import * as assert from 'assert';
import { csvCoverage, CoverageMatrix, htmlCoverage, markdownCoverage } from '../../server/src/reports';
import { escapeMarkdown } from '../../server/src/reports/coverageMarkdown';
import { xlsxCoverage } from '../../server/src/reports/coverageXlsx';
import { buildCoverageMatrix } from '../../server/src/reports';
import { lines, workspaceWith } from '../helpers';
import { matrixDocs, matrixOf } from './matrixFixtures';
import { parseCsv, readWorkbook } from './readBack';

/** Every format of the coverage matrix, each checked by reading it back (README "Coverage reports"). */

describe('coverage formats: Markdown', () => {
  it('a table per guideline with the row totals, the column totals under it, and the columns listed below', () => {
    assert.strictEqual(markdownCoverage(matrixOf('standard')), [
      '# Coverage matrix',
      '',
      '## Guideline 対応表テスト指針 (matrix-g)',
      '',
      'Guideline items × standards',
      '',
      'Legend: ✔ covered · ◐ partial · ⊘ excluded · ✘ uncovered · – not applicable',
      '',
      '| Item | No. | Title | Obligation | Level | Notes | bank | insurer | hospital | Across the columns |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| A | Ⅰ | Organisation | must-consider | abstract |  | ✔ covered: through its sub-items (2 of 2) | ◐ partial: 1 of 2 sub-items | ◐ partial: 1 of 2 sub-items | ✔ 1 · ◐ 2 |',
      '| A-1 | Ⅰ1 | 　Officer | must-consider | abstract |  | ✔ covered: S-1 | ✔ covered: I-1 | ✔ covered: H-1 | ✔ 3 |',
      '| A-2 | Ⅰ2 | 　Note | reference | concrete |  | ✔ covered: S-1 | ✘ uncovered | ✘ uncovered | ✔ 1 · ✘ 2 |',
      "| A-3 | Ⅰ3 | 　Supplement | must-consider | abstract | provisional (Kijun's own suggestion, not the guideline's) | ✘ uncovered | ✘ uncovered | ✘ uncovered | ✘ 3 |",
      '| A-4 | Ⅰ4 | 　Training | must-consider | abstract |  | ✔ covered: S-2 | ✘ uncovered | ✘ uncovered | ✔ 1 · ✘ 2 |',
      '| B | Ⅱ | For finance | must-consider | abstract |  | ✔ covered: through its sub-items (1 of 1) | ⊘ excluded: 保険業では規定不要 | – not applicable | ✔ 1 · ⊘ 1 · – 1 |',
      '| B-1 | Ⅱ1 | 　For banks | must-consider | concrete |  | ✔ covered: S-2 | – not applicable | – not applicable | ✔ 1 · – 2 |',
      '| B-2 | Ⅱ2 | 　For insurers | must-consider | concrete |  | – not applicable | ⊘ excluded: 保険業では規定不要 (with B) | – not applicable | ⊘ 1 · – 2 |',
      '| C | Ⅲ | Continuity | must-consider | abstract |  | ⊘ excluded: 対象業務がないため | ⊘ excluded: 保険業務には該当しない | ✔ covered: H-2 | ✔ 1 · ⊘ 2 |',
      '| **Total ✔ covered** |  |  |  |  |  | 6 | 1 | 2 |  |',
      '| **Total ◐ partial** |  |  |  |  |  | 0 | 1 | 1 |  |',
      '| **Total ⊘ excluded** |  |  |  |  |  | 1 | 3 | 0 |  |',
      '| **Total ✘ uncovered** |  |  |  |  |  | 1 | 3 | 3 |  |',
      '| **Total – not applicable** |  |  |  |  |  | 1 | 1 | 3 |  |',
      '| **Summary** |  |  |  |  |  | 4 of 4 must-consider items covered or excluded (1 excluded) | 3 of 4 must-consider items covered or excluded (2 excluded) | 2 of 3 must-consider items covered or excluded (0 excluded) |  |',
      '',
      '- **bank**: 銀行の基準 (file:///ws/bank.yaml)',
      '- **insurer**: 保険の基準 (file:///ws/insurer.yaml)',
      '- **hospital**: 病院の基準 (file:///ws/hospital.md)',
      '',
    ].join('\n'));
  });

  it('in Japanese, by sector, with the notes', () => {
    const ghost = { uri: 'file:///ws/ghost.yaml', text: 'kijun: standard\nguideline: ghost-g\nid: ghost\ntitle: 幽霊\nsector: 金融\nclass: 4\n' };
    const lines = markdownCoverage(matrixOf('sector', 'ja', [ghost])).split('\n');
    assert.deepStrictEqual(lines.slice(0, 11), [
      '# 指針との対応表',
      '',
      '## 指針「対応表テスト指針」（matrix-g）',
      '',
      '指針項目 × 分野: 分野の列は、その分野の安全基準等を合わせた対応状況です（どの項目もいずれかの安全基準等で対応されているか）',
      '',
      '凡例: ✔ 対応済み · ◐ 一部対応 · ⊘ 除外 · ✘ 未対応 · – 対象外',
      '',
      '| 項目 ID | 番号 | 表題 | 区分 | 内容 | 備考 | 金融 | 医療 | 列の集計 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| A | Ⅰ | 体制 | 要検討事項 | 抽象的内容 |  | ✔ 対応済み：子項目により（2 件中 2 件） | ◐ 一部対応：子項目 2 件中 1 件 | ✔ 1 · ◐ 1 |',
    ]);
    assert.deepStrictEqual(lines.slice(-10), [
      '| **計（– 対象外）** |  |  |  |  |  | 0 | 3 |  |',
      '| **集計** |  |  |  |  |  | 要検討事項 5 件中 5 件に対応または除外（うち除外 2 件） | 要検討事項 3 件中 2 件に対応または除外（うち除外 0 件） |  |',
      '',
      '- **金融**: 安全基準等: bank 銀行の基準 (file:///ws/bank.yaml); insurer 保険の基準 (file:///ws/insurer.yaml)',
      '- **医療**: 安全基準等: hospital 病院の基準 (file:///ws/hospital.md)',
      '',
      '## 注記',
      '',
      '- file:///ws/ghost.yaml: 指針「ghost-g」が見つからないため、この安全基準等は対応表にありません',
      '',
    ]);
  });

  it('text from the documents is shown literally: pipes, HTML and emphasis escaped, line breaks joined', () => {
    assert.strictEqual(escapeMarkdown('a|b <i>x</i> *y* _z_ [l](u) `c`\nnext'), 'a\\|b \\<i\\>x\\</i\\> \\*y\\* \\_z\\_ \\[l\\](u) \\`c\\` next');
  });

  it('no standard among the inputs: says so', () => {
    const empty: CoverageMatrix = { by: 'standard', locale: 'en', guidelines: [], notes: [] };
    assert.strictEqual(markdownCoverage(empty), '# Coverage matrix\n\nNo safety standard among the inputs: there is nothing to tabulate.\n');
    assert.strictEqual(markdownCoverage({ ...empty, locale: 'ja' }), '# 指針との対応表\n\n入力に安全基準等がないため、対応表はありません。\n');
  });
});

describe('coverage formats: CSV for Japanese Excel', () => {
  it('UTF-8 with a byte order mark, CRLF, every field quoted; read back, the header, the items with their row totals, the column totals', () => {
    const csv = csvCoverage(matrixOf('sector', 'ja'));
    assert.strictEqual(csv.charCodeAt(0), 0xfeff);
    assert.ok(!/[^\r]\n/.test(csv), 'every line ends with CRLF');
    const records = parseCsv(csv.slice(1));
    assert.deepStrictEqual(records, [
      ['指針', '項目 ID', '番号', '表題', '親項目', '区分', '内容', '備考', '金融', '医療', '✔ 対応済み', '◐ 一部対応', '⊘ 除外', '✘ 未対応', '– 対象外'],
      ['matrix-g', 'A', 'Ⅰ', '体制', '', '要検討事項', '抽象的内容', '', '✔ 対応済み：子項目により（2 件中 2 件）', '◐ 一部対応：子項目 2 件中 1 件', '1', '1', '0', '0', '0'],
      ['matrix-g', 'A-1', 'Ⅰ1', '責任者', 'A', '要検討事項', '抽象的内容', '', '✔ 対応済み：bank S-1, insurer I-1', '✔ 対応済み：hospital H-1', '2', '0', '0', '0', '0'],
      ['matrix-g', 'A-2', 'Ⅰ2', '参考', 'A', '参考事項', '具体的内容', '', '✔ 対応済み：bank S-1', '✘ 未対応', '1', '0', '0', '1', '0'],
      ['matrix-g', 'A-3', 'Ⅰ3', '補足', 'A', '要検討事項', '抽象的内容', '暫定（指針ではなく Kijun による補足）', '✘ 未対応', '✘ 未対応', '0', '0', '0', '2', '0'],
      ['matrix-g', 'A-4', 'Ⅰ4', '教育', 'A', '要検討事項', '抽象的内容', '', '✔ 対応済み：bank S-2', '✘ 未対応', '1', '0', '0', '1', '0'],
      ['matrix-g', 'B', 'Ⅱ', '金融向け', '', '要検討事項', '抽象的内容', '', '✔ 対応済み：子項目により（2 件中 2 件）', '– 対象外', '1', '0', '0', '0', '1'],
      ['matrix-g', 'B-1', 'Ⅱ1', '銀行向け', 'B', '要検討事項', '具体的内容', '', '✔ 対応済み：bank S-2', '– 対象外', '1', '0', '0', '0', '1'],
      ['matrix-g', 'B-2', 'Ⅱ2', '保険向け', 'B', '要検討事項', '具体的内容', '', '⊘ 除外：insurer: 保険業では規定不要（B の除外による）', '– 対象外', '0', '0', '1', '0', '1'],
      ['matrix-g', 'C', 'Ⅲ', '継続', '', '要検討事項', '抽象的内容', '', '⊘ 除外：bank: 対象業務がないため; insurer: 保険業務には該当しない', '✔ 対応済み：hospital H-2', '1', '0', '1', '0', '0'],
      ['matrix-g', '計（✔ 対応済み）', '', '', '', '', '', '', '6', '2', '', '', '', '', ''],
      ['matrix-g', '計（◐ 一部対応）', '', '', '', '', '', '', '0', '1', '', '', '', '', ''],
      ['matrix-g', '計（⊘ 除外）', '', '', '', '', '', '', '2', '0', '', '', '', '', ''],
      ['matrix-g', '計（✘ 未対応）', '', '', '', '', '', '', '1', '3', '', '', '', '', ''],
      ['matrix-g', '計（– 対象外）', '', '', '', '', '', '', '0', '3', '', '', '', '', ''],
      ['matrix-g', '集計', '', '', '', '', '', '', '要検討事項 5 件中 5 件に対応または除外（うち除外 2 件）', '要検討事項 3 件中 2 件に対応または除外（うち除外 0 件）', '', '', '', '', ''],
    ]);
  });

  it('quotes are doubled; a text a spreadsheet would run as a formula stays a text; the notes come last', () => {
    const formula = matrixDocs.map((d) => (d.uri.endsWith('bank.yaml') ? { ...d, uri: 'file:///ws/quoted.yaml', text: d.text.replace('reason: 対象業務がないため', 'reason: \'=HYPERLINK("http://x")\'').replace('id: bank', 'id: quoted') } : d));
    const ghost = { uri: 'file:///ws/ghost.yaml', text: 'kijun: standard\nguideline: ghost-g\nid: ghost\ntitle: "say ""hi"""\nsector: 金融\nclass: 4\n' };
    const matrix = matrixOf('standard', 'en', [...formula.filter((d) => d.uri.endsWith('quoted.yaml')), ghost]);
    const csv = csvCoverage(matrix);
    assert.ok(csv.includes('"⊘ excluded: =HYPERLINK(""http://x"")"'), 'the quotes are doubled');
    const records = parseCsv(csv.slice(1));
    const c = records.find((r) => r[1] === 'C')!;
    assert.deepStrictEqual(c.slice(8, 12), ['⊘ excluded: 対象業務がないため', '⊘ excluded: 保険業務には該当しない', '✔ covered: H-2', '⊘ excluded: =HYPERLINK("http://x")']);
    assert.deepStrictEqual(records.slice(-3), [[], ['Notes'], ['file:///ws/ghost.yaml: guideline "ghost-g" not found; the standard is not in the matrix']]);
    // A field that starts with "=" gets an apostrophe (the cell texts start with a symbol, so only document texts can).
    const exclusionOnly: CoverageMatrix = { ...matrix, notes: [{ kind: 'guideline-unknown', path: '=cmd|calc', guideline: 'g' }] };
    assert.deepStrictEqual(parseCsv(csvCoverage(exclusionOnly).slice(1)).slice(-1), [["'=cmd|calc: guideline \"g\" not found; the standard is not in the matrix"]]);
  });

  it('two guidelines: a block each with its own header, separated by an empty line', () => {
    const other = { uri: 'file:///ws/other-g.yaml', text: matrixDocs[0].text.replace('id: matrix-g', 'id: other-g') };
    const follower = { uri: 'file:///ws/follower.yaml', text: 'kijun: standard\nguideline: other-g\nid: follower\ntitle: 追従\nsector: 医療\nclass: 4\n' };
    const records = parseCsv(csvCoverage(matrixOf('standard', 'en', [other, follower])).slice(1));
    const blank = records.findIndex((r) => r.length === 0);
    assert.deepStrictEqual(records[blank + 1].slice(0, 2), ['Guideline', 'Item']);
    assert.deepStrictEqual(records.slice(blank + 1).map((r) => r[0]).filter((g) => g !== 'Guideline'), Array(15).fill('other-g'));
    assert.deepStrictEqual(records[blank + 1].slice(8), ['follower 追従', '✔ covered', '◐ partial', '⊘ excluded', '✘ uncovered', '– not applicable']);
  });
});

describe('coverage formats: XLSX', () => {
  it('one sheet per guideline: title, a frozen header with an autofilter over the items, cells coloured by state, the totals under them', async () => {
    const workbook = await readWorkbook(await xlsxCoverage(matrixOf('standard', 'ja')));
    assert.deepStrictEqual(workbook.worksheets.map((s) => s.name), ['matrix-g']);
    const sheet = workbook.getWorksheet('matrix-g')!;
    assert.strictEqual(sheet.getCell('A1').value, '指針「対応表テスト指針」（matrix-g）');
    const values = (row: number): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);
    assert.deepStrictEqual(values(2), ['項目 ID', '番号', '表題', '親項目', '区分', '内容', '備考', 'bank 銀行の基準', 'insurer 保険の基準', 'hospital 病院の基準', '✔ 対応済み', '◐ 一部対応', '⊘ 除外', '✘ 未対応', '– 対象外']);
    assert.deepStrictEqual(values(3), ['A', 'Ⅰ', '体制', '', '要検討事項', '抽象的内容', '', '✔ 対応済み：子項目により（2 件中 2 件）', '◐ 一部対応：子項目 2 件中 1 件', '◐ 一部対応：子項目 2 件中 1 件', 1, 2, 0, 0, 0]);
    assert.deepStrictEqual(values(6), ['A-3', 'Ⅰ3', '補足', 'A', '要検討事項', '抽象的内容', '暫定（指針ではなく Kijun による補足）', '✘ 未対応', '✘ 未対応', '✘ 未対応', 0, 0, 0, 3, 0]);
    assert.deepStrictEqual(values(11), ['C', 'Ⅲ', '継続', '', '要検討事項', '抽象的内容', '', '⊘ 除外：対象業務がないため', '⊘ 除外：保険業務には該当しない', '✔ 対応済み：H-2', 1, 0, 2, 0, 0]);
    assert.deepStrictEqual(values(12), []);
    assert.deepStrictEqual(values(13).slice(0, 1).concat(values(13).slice(7)), ['計（✔ 対応済み）', '6', '1', '2']);
    assert.deepStrictEqual(values(18).slice(0, 1).concat(values(18).slice(7)), ['集計', '要検討事項 4 件中 4 件に対応または除外（うち除外 1 件）', '要検討事項 4 件中 3 件に対応または除外（うち除外 2 件）', '要検討事項 3 件中 2 件に対応または除外（うち除外 0 件）']);
    assert.deepStrictEqual(sheet.views.map((v) => [v.state, (v as { xSplit?: number }).xSplit, (v as { ySplit?: number }).ySplit]), [['frozen', 3, 2]]);
    assert.strictEqual(sheet.autoFilter, 'A2:O11');
    // Colours by state (Okabe–Ito): A covered and partial, A-3 uncovered, C excluded, B-1 not applicable.
    const fill = (address: string): string | undefined => (sheet.getCell(address).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    assert.deepStrictEqual(['H3', 'I3', 'H6', 'H11', 'I9'].map(fill), ['FFDCEBF7', 'FFFCF2C0', 'FFF8D5C2', 'FFE6E6E6', 'FFFFFFFF']);
    assert.deepStrictEqual(['H3', 'H6'].map((a) => sheet.getCell(a).font?.color?.argb), ['FF00467A', 'FF8F2D00']);
    // The hierarchy: the title's indent, the parent's id in its own column; provisional titles in italics.
    assert.deepStrictEqual([3, 4, 6].map((r) => sheet.getCell(`C${r}`).alignment?.indent ?? 0), [0, 1, 1]);
    assert.deepStrictEqual([4, 6].map((r) => sheet.getCell(`C${r}`).font?.italic === true), [false, true]);
  });

  it('the notes on a sheet of their own; with no standard, the sheet says so', async () => {
    const ghost = { uri: 'file:///ws/ghost.yaml', text: 'kijun: standard\nguideline: ghost-g\nid: ghost\ntitle: 幽霊\nsector: 金融\nclass: 4\n' };
    const workbook = await readWorkbook(await xlsxCoverage(matrixOf('sector', 'en', [ghost])));
    assert.deepStrictEqual(workbook.worksheets.map((s) => s.name), ['matrix-g', 'Notes']);
    assert.deepStrictEqual(workbook.getWorksheet('Notes')!.getCell('A1').value, 'file:///ws/ghost.yaml: guideline "ghost-g" not found; the standard is not in the matrix');
    const empty = await readWorkbook(await xlsxCoverage({ by: 'standard', locale: 'ja', guidelines: [], notes: [] }));
    assert.deepStrictEqual(empty.worksheets.map((s) => [s.name, s.getCell('A1').value]), [['注記', '入力に安全基準等がないため、対応表はありません。']]);
  });
});

describe('coverage formats: HTML', () => {
  const html = htmlCoverage(matrixOf('standard', 'ja'));

  it('one self-contained file: no script, no network (its policy allows inline styles only), fonts that render Japanese', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(html.includes('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'));
    assert.deepStrictEqual(html.match(/<script|<link|<img|@import|url\(|https?:|src=/gi), null);
    assert.match(html, /font-family:[^;]*"Noto Sans CJK JP"[^;]*"Hiragino Sans"[^;]*Meiryo/);
    assert.match(html, /@media print\{[^}]*#gaps-only/);
    assert.ok(html.includes('@page{size:A4 landscape;margin:10mm}'));
  });

  it('each cell says its state with a class, a symbol and a word; rows with a gap can be shown alone (CSS only); the header sticks', () => {
    const rows = [...html.matchAll(/<tr class="([^"]*)" data-item="([^"]*)">(.*?)<\/tr>/g)].map((m) => ({
      classes: m[1], id: m[2], cells: [...m[3].matchAll(/data-state="([^"]+)">(.*?)<\/td>/g)].map((c) => `${c[1]}: ${c[2].replace(/<[^>]+>/g, '')}`),
    }));
    assert.deepStrictEqual(rows.map((r) => `${r.id} [${r.classes}] ${r.cells.join(' | ')}`), [
      'A [item gap] covered: ✔ 対応済み子項目により（2 件中 2 件） | partial: ◐ 一部対応子項目 2 件中 1 件 | partial: ◐ 一部対応子項目 2 件中 1 件',
      'A-1 [item] covered: ✔ 対応済みS-1 | covered: ✔ 対応済みI-1 | covered: ✔ 対応済みH-1',
      'A-2 [item gap] covered: ✔ 対応済みS-1 | uncovered: ✘ 未対応 | uncovered: ✘ 未対応',
      'A-3 [item gap provisional] uncovered: ✘ 未対応 | uncovered: ✘ 未対応 | uncovered: ✘ 未対応',
      'A-4 [item gap] covered: ✔ 対応済みS-2 | uncovered: ✘ 未対応 | uncovered: ✘ 未対応',
      'B [item] covered: ✔ 対応済み子項目により（1 件中 1 件） | excluded: ⊘ 除外保険業では規定不要 | not-applicable: – 対象外',
      'B-1 [item] covered: ✔ 対応済みS-2 | not-applicable: – 対象外 | not-applicable: – 対象外',
      'B-2 [item] not-applicable: – 対象外 | excluded: ⊘ 除外保険業では規定不要（B の除外による） | not-applicable: – 対象外',
      'C [item] excluded: ⊘ 除外対象業務がないため | excluded: ⊘ 除外保険業務には該当しない | covered: ✔ 対応済みH-2',
    ]);
    assert.ok(html.includes('<input type="checkbox" id="gaps-only"><label for="gaps-only">未対応・一部対応のある項目のみ表示</label>'));
    assert.ok(html.includes('#gaps-only:checked~main tr.item:not(.gap){display:none}'));
    assert.ok(html.includes('thead th{position:sticky;top:0;'));
    assert.ok(html.includes('<span class="mark">暫定（指針ではなく Kijun による補足）</span>'));
    assert.ok(html.includes('<th scope="col" class="column">bank<small>銀行の基準</small><small>file:///ws/bank.yaml</small><small>要検討事項 4 件中 4 件に対応または除外（うち除外 1 件）</small></th>'));
  });

  it('text from the documents is escaped', () => {
    const hostile = matrixDocs.map((d) => (d.uri.endsWith('bank.yaml') ? { ...d, uri: 'file:///ws/x.yaml', text: d.text.replace('title: 銀行の基準', 'title: "<script>alert(1)</script> & \'q\'"').replace('id: bank', 'id: x') } : d));
    const out = htmlCoverage(matrixOf('standard', 'en', hostile.filter((d) => d.uri.endsWith('x.yaml'))));
    assert.ok(out.includes('<small>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39;</small>'));
    assert.ok(!out.includes('<script>'));
  });
});

describe('coverage formats: a guideline 4,000 items deep', () => {
  it('every format renders it; titles are indented ten levels at most (the parent column and the JSON say the rest)', async () => {
    const chain = Array.from({ length: 4000 }, (_, i) => `  - {id: I-${i}, label: "${i}", title: 項目${i}, obligation: must-consider, level: abstract${i ? `, parent: I-${i - 1}` : ''}}`);
    const guideline = `${lines('kijun: guideline', 'id: deep-g', 'title: 深い指針', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:')}${chain.join('\n')}\n`;
    const standard = lines('kijun: standard', 'guideline: deep-g', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 末端, covers: [I-3999]}');
    const workspace = workspaceWith({ uri: 'file:///ws/g.yaml', text: guideline }, { uri: 'file:///ws/s.yaml', text: standard });
    const matrix = buildCoverageMatrix(workspace, ['file:///ws/s.yaml'], { by: 'standard', locale: 'en' });
    const last = matrix.guidelines[0].rows[3999];
    assert.deepStrictEqual([last.id, last.parent, last.depth, last.cells[0].state], ['I-3999', 'I-3998', 3999, 'covered']);
    assert.strictEqual(matrix.guidelines[0].rows[0].cells[0].state, 'covered');
    assert.ok(markdownCoverage(matrix).includes(`| I-3999 | 3999 | ${'\u3000'.repeat(10)}項目3999 |`));
    assert.ok(htmlCoverage(matrix).includes('<td class="title" style="padding-left: 12.4em">項目3999</td>'));
    assert.deepStrictEqual(parseCsv(csvCoverage(matrix).slice(1))[4000].slice(1, 5), ['I-3999', '3999', '項目3999', 'I-3998']);
    const sheet = (await readWorkbook(await xlsxCoverage(matrix))).getWorksheet('deep-g')!;
    assert.deepStrictEqual([sheet.getCell('A4002').value, sheet.getCell('C4002').alignment?.indent], ['I-3999', 10]);
  });
});
