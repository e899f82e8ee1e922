import * as assert from 'assert';
import { coverageTree } from '../../server/src/lsp/features/coverageTree';
import { CoverageTreeNode } from '../../server/src/lsp/protocol';
import { buildCoverageMatrix } from '../../server/src/reports';
import { lines, workspaceWith } from '../helpers';
import { matrixFiles } from '../reports/matrixFixtures';
import { serverPerTest } from './harness';

/** The tree of a flat node list: the top nodes, and the nodes under each node (by id) in the list's order. */
function nest(nodes: CoverageTreeNode[]): { top: CoverageTreeNode[]; under: (node: CoverageTreeNode) => CoverageTreeNode[] } {
  const children = new Map<string, CoverageTreeNode[]>();
  for (const node of nodes) {
    if (node.parent === undefined) continue;
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  return { top: nodes.filter((n) => n.parent === undefined), under: (node) => children.get(node.id) ?? [] };
}

/** The tree as lines: kind, label, description, state, and where a click goes (file:line:character, 0-based). */
function render(nodes: CoverageTreeNode[]): string[] {
  const { top, under } = nest(nodes);
  const lines = (list: CoverageTreeNode[], depth: number): string[] => list.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind} ${n.label}${n.description ? ` — ${n.description}` : ''}${n.state ? ` {${n.state}}` : ''}`
      + `${n.location ? ` → ${n.location.uri.slice(n.location.uri.lastIndexOf('/') + 1)}:${n.location.range.start.line}:${n.location.range.start.character}` : ''}`,
    ...lines(under(n), depth + 1),
  ]);
  return lines(top, 0);
}

/** The "Kijun Coverage" view's data (kijun/coverageTree) and report (kijun/coverageHtml) from the real server. */
describe('coverage tree and report in the language server', () => {
  const session = serverPerTest(matrixFiles);


  it('one standard: guideline → its applicable items with their state → the covering clauses and exclusions', async () => {
    const bank = session.ws.uri('bank.yaml');
    const tree = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'standard', uri: bank });
    assert.deepStrictEqual(render(tree), [
      'guideline 対応表テスト指針 — matrix-g · 4 of 4 must-consider items covered or excluded (1 excluded)',
      '  item Ⅰ Organisation — ✔ covered: through its sub-items (2 of 2) {covered} → matrix-guideline.yaml:16:8',
      '    item Ⅰ1 Officer — ✔ covered: S-1 {covered} → matrix-guideline.yaml:23:13',
      '      clause S-1 責任者 → bank.yaml:8:8',
      '    item Ⅰ2 Note — ✔ covered: S-1 {covered} → matrix-guideline.yaml:24:13',
      '      clause S-1 責任者 → bank.yaml:8:8',
      '    item Ⅰ3 Supplement — ✘ uncovered · provisional {uncovered} → matrix-guideline.yaml:25:13',
      '    item Ⅰ4 Training — ✔ covered: S-2 {covered} → matrix-guideline.yaml:26:13',
      '      clause S-2 教育と銀行業務 → bank.yaml:11:8',
      '  item Ⅱ For finance — ✔ covered: through its sub-items (1 of 1) {covered} → matrix-guideline.yaml:27:8',
      '    item Ⅱ1 For banks — ✔ covered: S-2 {covered} → matrix-guideline.yaml:35:13',
      '      clause S-2 教育と銀行業務 → bank.yaml:11:8',
      '  item Ⅲ Continuity — ⊘ excluded: 対象業務がないため {excluded} → matrix-guideline.yaml:37:9',
      '    exclusion ⊘ excluded: 対象業務がないため {excluded} → bank.yaml:15:4',
    ]);
    // Ids are unique and say what a node is, so that the view keeps what is expanded across refreshes; the list
    // is flat: each node names its parent, and the server sends an item's clauses before the items.
    assert.strictEqual(new Set(tree.map((n) => n.id)).size, tree.length);
    assert.deepStrictEqual(tree.slice(0, 3).map((n) => `${n.id} < ${n.parent ?? '-'}`), [
      'guideline:matrix-g < -',
      `guideline:matrix-g/A-1/clause:${bank}#S-1 < guideline:matrix-g/A-1`,
      `guideline:matrix-g/A-2/clause:${bank}#S-1 < guideline:matrix-g/A-2`,
    ]);
    assert.deepStrictEqual(tree.filter((n) => n.kind === 'item').slice(0, 2).map((n) => `${n.id} < ${n.parent}`), [
      'guideline:matrix-g/A < guideline:matrix-g',
      'guideline:matrix-g/A-1 < guideline:matrix-g/A',
    ]);
    // In Japanese, and for a document that is not a standard.
    session.client.settings = { locale: 'ja' };
    // The settings are read again, then the workspace: once it is announced, the server speaks Japanese.
    const reindexed = new Promise<void>((resolve) => session.client.connection.onNotification('kijun/workspaceChanged', () => resolve()));
    await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await reindexed;
    const ja = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'standard', uri: bank });
    assert.deepStrictEqual(render(ja).slice(0, 3), [
      'guideline 対応表テスト指針 — matrix-g · 要検討事項 4 件中 4 件に対応または除外（うち除外 1 件）',
      '  item Ⅰ 体制 — ✔ 対応済み：子項目により（2 件中 2 件） {covered} → matrix-guideline.yaml:16:8',
      '    item Ⅰ1 責任者 — ✔ 対応済み：S-1 {covered} → matrix-guideline.yaml:23:13',
    ]);
    assert.deepStrictEqual(render(await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'standard', uri: session.ws.uri('matrix-guideline.yaml') })), [
      'message この文書は安全基準等ではありません。',
    ]);
  });

  it('the workspace: each item\'s state across the standards it applies to, and under it each standard\'s clauses, exclusions or gap', async () => {
    const tree = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'workspace' });
    assert.deepStrictEqual(render(tree), [
      'guideline 対応表テスト指針 — matrix-g · 3 standard(s)',
      '  item Ⅰ Organisation — ◐ partial · 1 of 3 standards {partial} → matrix-guideline.yaml:16:8',
      '    standard bank — ✔ covered: through its sub-items (2 of 2) {covered} → bank.yaml:1:11',
      '    standard hospital — ◐ partial: 1 of 2 sub-items {partial} → hospital.md:2:11',
      '    standard insurer — ◐ partial: 1 of 2 sub-items {partial} → insurer.yaml:1:11',
      '    item Ⅰ1 Officer — ✔ covered · 3 of 3 standards {covered} → matrix-guideline.yaml:23:13',
      '      clause S-1 責任者 — bank → bank.yaml:8:8',
      '      clause H-1 責任者 — hospital → hospital.md:9:3',
      '      clause I-1 責任者 — insurer → insurer.yaml:8:8',
      '    item Ⅰ2 Note — ◐ partial · 1 of 3 standards {partial} → matrix-guideline.yaml:24:13',
      '      clause S-1 責任者 — bank → bank.yaml:8:8',
      '      standard hospital — ✘ uncovered {uncovered} → hospital.md:2:11',
      '      standard insurer — ✘ uncovered {uncovered} → insurer.yaml:1:11',
      '    item Ⅰ3 Supplement — ✘ uncovered · 0 of 3 standards · provisional {uncovered} → matrix-guideline.yaml:25:13',
      '      standard bank — ✘ uncovered {uncovered} → bank.yaml:1:11',
      '      standard hospital — ✘ uncovered {uncovered} → hospital.md:2:11',
      '      standard insurer — ✘ uncovered {uncovered} → insurer.yaml:1:11',
      '    item Ⅰ4 Training — ◐ partial · 1 of 3 standards {partial} → matrix-guideline.yaml:26:13',
      '      clause S-2 教育と銀行業務 — bank → bank.yaml:11:8',
      '      standard hospital — ✘ uncovered {uncovered} → hospital.md:2:11',
      '      standard insurer — ✘ uncovered {uncovered} → insurer.yaml:1:11',
      '  item Ⅱ For finance — ✔ covered · 2 of 2 standards {covered} → matrix-guideline.yaml:27:8',
      '    standard bank — ✔ covered: through its sub-items (1 of 1) {covered} → bank.yaml:1:11',
      '    exclusion ⊘ excluded: 保険業では規定不要 — insurer {excluded} → insurer.yaml:12:4',
      '    item Ⅱ1 For banks — ✔ covered · 1 of 1 standards {covered} → matrix-guideline.yaml:35:13',
      '      clause S-2 教育と銀行業務 — bank → bank.yaml:11:8',
      '    item Ⅱ2 For insurers — ⊘ excluded · 1 of 1 standards {excluded} → matrix-guideline.yaml:36:13',
      '      exclusion ⊘ excluded: 保険業では規定不要 (with B) — insurer {excluded} → insurer.yaml:12:4',
      '  item Ⅲ Continuity — ✔ covered · 3 of 3 standards {covered} → matrix-guideline.yaml:37:9',
      '    exclusion ⊘ excluded: 対象業務がないため — bank {excluded} → bank.yaml:15:4',
      '    clause H-2 継続計画 — hospital → hospital.md:12:3',
      '    exclusion ⊘ excluded: 保険業務には該当しない — insurer {excluded} → insurer.yaml:13:4',
    ]);
  });

  it('follows the editor: an unsaved edit of a standard shows at once; a change on disk is announced (kijun/workspaceChanged)', async () => {
    const hospital = session.ws.uri('hospital.md');
    const edited = `${matrixFiles['hospital.md']}\n## H-3 教育\ncovers: A-4\n`;
    await session.client.open(hospital, edited);
    const tree = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'standard', uri: hospital });
    assert.deepStrictEqual(render(tree).slice(0, 2), [
      'guideline 対応表テスト指針 — matrix-g · 3 of 3 must-consider items covered or excluded (0 excluded)',
      '  item Ⅰ Organisation — ✔ covered: through its sub-items (2 of 2) {covered} → matrix-guideline.yaml:16:8',
    ]);
    const changed = new Promise<void>((resolve) => session.client.connection.onNotification('kijun/workspaceChanged', () => resolve()));
    session.ws.write('bank.yaml', matrixFiles['bank.yaml'].replace('covers: [A-4, B-1]', 'covers: [B-1]'));
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.ws.uri('bank.yaml'), type: 2 }] });
    await changed;
    const workspace = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'workspace' });
    assert.strictEqual(render(workspace)[1], '  item Ⅰ Organisation — ◐ partial · 1 of 3 standards {partial} → matrix-guideline.yaml:16:8');
    assert.deepStrictEqual(render(workspace).filter((l) => l.includes('Ⅰ4')), ['    item Ⅰ4 Training — ◐ partial · 1 of 3 standards {partial} → matrix-guideline.yaml:26:13']);
  });

  it('the report: the same matrix as the CLI\'s HTML, for the workspace or one standard; null for another document', async () => {
    const html = await session.client.request<string | null>('kijun/coverageHtml', { scope: 'workspace' });
    assert.ok(html!.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.deepStrictEqual([...html!.matchAll(/<tr class="[^"]*" data-item="C">(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/data-state="([^"]+)"/g)].map((s) => s[1])), [['excluded', 'covered', 'excluded']]);
    const one = await session.client.request<string | null>('kijun/coverageHtml', { scope: 'standard', uri: session.ws.uri('insurer.yaml') });
    assert.deepStrictEqual([...one!.matchAll(/<th scope="col" class="column">([^<]*)/g)].map((m) => m[1]), ['insurer']);
    assert.strictEqual(await session.client.request('kijun/coverageHtml', { scope: 'standard', uri: session.ws.uri('matrix-guideline.yaml') }), null);
  });
});

describe('coverage tree: hostile guidelines', () => {
  const standard = (guideline: string): { uri: string; text: string } => ({
    uri: 'file:///ws/std.yaml', text: lines('kijun: standard', `guideline: ${guideline}`, 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 末端, covers: [I-3999]}'),
  });
  const treeOf = (guideline: string, text: string): CoverageTreeNode[] => {
    const workspace = workspaceWith({ uri: 'file:///ws/g.yaml', text }, standard(guideline));
    return coverageTree(buildCoverageMatrix(workspace, ['file:///ws/std.yaml'], { by: 'standard', locale: 'en' }), 'standard');
  };
  const head = (id: string) => lines('kijun: guideline', `id: ${id}`, 'title: 長い指針', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:');

  it('a 4,000-item chain of parents: built without recursion, and sent flat (a nested message would overflow)', () => {
    const chain = Array.from({ length: 4000 }, (_, i) => `  - {id: I-${i}, label: "${i}", title: 項目${i}, obligation: must-consider, level: abstract${i ? `, parent: I-${i - 1}` : ''}}`);
    const tree = treeOf('chain-g', `${head('chain-g')}${chain.join('\n')}\n`);
    const { top, under } = nest(tree);
    let node = top[0];
    let depth = 0;
    while (under(node).some((c) => c.kind === 'item')) {
      node = under(node).find((c) => c.kind === 'item')!;
      depth++;
    }
    assert.deepStrictEqual([depth, node.label, under(node).map((c) => c.label)], [4000, '3999 項目3999', ['S-1 末端']]);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(tree)), tree);
  });

  it('items in a parent cycle (an item.cycle error) are top rows, not lost', () => {
    const cycle = [
      '  - {id: I-3999, label: Ⅰ, title: 根, obligation: must-consider, level: abstract}',
      '  - {id: X, label: Ⅱ, title: 輪1, obligation: must-consider, level: abstract, parent: Y}',
      '  - {id: Y, label: Ⅲ, title: 輪2, obligation: must-consider, level: abstract, parent: X}',
    ];
    const tree = treeOf('cycle-g', `${head('cycle-g')}${cycle.join('\n')}\n`);
    const { top, under } = nest(tree);
    assert.deepStrictEqual(under(top[0]).map((c) => `${c.label} ${c.description}`), ['Ⅰ 根 ✔ covered: S-1', 'Ⅱ 輪1 ✘ uncovered', 'Ⅲ 輪2 ✘ uncovered']);
  });
});
