import * as assert from 'assert';
import { check, lines, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';
import { timed } from './util';

const uri = 'file:///ws/g.yaml';
const guideline = (text: string) => ({ uri, text });

/** A small guideline with flat items, so that `parent:` keys are the only hierarchy. Items start on line 14. */
function flatGuideline(...items: string[]): string {
  return lines(
    'kijun: guideline',
    'id: g2',
    'title: 指針',
    'sectors:',
    '  - {id: finance, label: 金融}',
    '  - {id: medical, label: 医療}',
    'threats:',
    '  - id: intentional',
    '    label: 意図的要因',
    '    direction: received',
    '    examples:',
    '      - {id: intentional.dos, label: DoS, responder: operator}',
    'items:',
    ...items,
  );
}

const item = (id: string, extra = '') => `  - {id: ${id}, label: ${id}, title: t${id}, obligation: must-consider, level: abstract${extra}}`;

describe('guideline checks: ids', () => {
  it('item.duplicate-id: the second item with an id, naming the line of the first, in both languages', () => {
    const text = flatGuideline(item('G-1'), item('G-2'), item('G-1'));
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'item.duplicate-id', range: '16:10-16:13', severity: 'error', message: 'Item id "G-1" is used more than once in this guideline (first at line 14).' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja'), [
      { code: 'item.duplicate-id', range: '16:10-16:13', severity: 'error', message: '項目 ID「G-1」がこの指針の中で重複しています（最初の定義は 14 行目）。' },
    ]);
  });

  it('item.duplicate-id: a nested item that repeats a top-level id', () => {
    const text = testGuideline.text.replace('{id: A-2,', '{id: B,').replace('id: test-g', 'id: test-x');
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'item.duplicate-id', range: '32:10-32:11', severity: 'error', message: 'Item id "B" is used more than once in this guideline (first at line 31).' },
    ]);
  });

  it('term.duplicate-id: a sector id listed twice', () => {
    const text = flatGuideline(item('G-1')).replace('  - {id: medical, label: 医療}', '  - {id: finance, label: 医療}');
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'term.duplicate-id', range: '6:10-6:17', severity: 'error', message: 'Id "finance" is used more than once among the guideline\'s sectors and threats (first at line 5).' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja'), [
      { code: 'term.duplicate-id', range: '6:10-6:17', severity: 'error', message: 'ID「finance」が指針の分野・脅威の中で重複しています（最初の定義は 5 行目）。' },
    ]);
  });

  it('term.duplicate-id: a threat example whose id is a sector id', () => {
    const text = flatGuideline(item('G-1')).replace('{id: intentional.dos,', '{id: medical,');
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'term.duplicate-id', range: '12:14-12:21', severity: 'error', message: 'Id "medical" is used more than once among the guideline\'s sectors and threats (first at line 6).' },
    ]);
  });
});

describe('guideline checks: item hierarchy', () => {
  it('item.unknown-parent: a parent key naming no item, with a suggestion when one is close', () => {
    const text = flatGuideline(item('G-1'), item('G-2'), item('G-1-1', ', parent: G1'), item('G-9', ', parent: ZZZZZZ'));
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'item.unknown-parent', range: '16:98-16:100', severity: 'error', message: 'Parent item "G1" does not exist in this guideline. Did you mean "G-1"?' },
      { code: 'item.unknown-parent', range: '17:92-17:98', severity: 'error', message: 'Parent item "ZZZZZZ" does not exist in this guideline.' },
    ]);
    assert.strictEqual(
      check(guideline(text), [], 'ja')[0].message,
      '親項目「G1」はこの指針にありません。「G-1」の誤りではありませんか。',
    );
  });

  it('a parent key naming an existing item is accepted and makes the item a child', () => {
    const text = flatGuideline(item('G-1'), item('G-1-1', ', parent: G-1'));
    assert.deepStrictEqual(check(guideline(text)), []);
    const catalog = workspaceWith(guideline(text)).catalogFor(uri)!;
    assert.deepStrictEqual(catalog.children(catalog.item('G-1')!).map((i) => i.id.value), ['G-1-1']);
  });

  it('item.cycle: A → B → A is reported once, on the first member\'s parent, with the path', () => {
    const text = flatGuideline(item('A', ', parent: B'), item('B', ', parent: A'), item('C'));
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'item.cycle', range: '14:86-14:87', severity: 'error', message: 'Items form a cycle through their parents: A → B → A.' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja')[0].message, '項目の親子関係が循環しています: A → B → A');
  });

  it('item.cycle: a longer cycle and an item hanging off it give one finding', () => {
    const text = flatGuideline(item('A', ', parent: C'), item('B', ', parent: A'), item('C', ', parent: B'), item('D', ', parent: A'));
    assert.deepStrictEqual(check(guideline(text)).map((f) => `${f.code} ${f.range} ${f.message}`), [
      'item.cycle 14:86-14:87 Items form a cycle through their parents: A → C → B → A.',
    ]);
  });

  it('a standard following a guideline with a cycle is still analysed, quickly', () => {
    const text = flatGuideline(item('A', ', parent: B'), item('B', ', parent: A'), item('C'));
    const standard = {
      uri: 'file:///ws/std.yaml',
      text: lines('kijun: standard', 'guideline: g2', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [C]}'),
    };
    const { result, ms } = timed(() => workspaceWith(guideline(text), standard).analyze(standard.uri));
    assert.ok(ms < 5000);
    assert.deepStrictEqual(result.findings.map((f) => `${f.code} ${f.itemId}`), ['coverage.uncovered A', 'coverage.uncovered B']);
  });
});

describe('guideline checks: names used by items', () => {
  it('sector.unknown and threat.unknown in an item\'s sectors and threats, suggesting in the form that was written', () => {
    const text = flatGuideline(item('G-1', ', sectors: [金触, financ, medical]'), item('G-2', ', threats: [intentinal, intentional.dos, 意図的要因]'));
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'sector.unknown', range: '14:94-14:96', severity: 'error', message: 'Unknown sector "金触" in guideline g2. Did you mean "金融"?' },
      { code: 'sector.unknown', range: '14:98-14:104', severity: 'error', message: 'Unknown sector "financ" in guideline g2. Did you mean "finance"?' },
      { code: 'threat.unknown', range: '15:94-15:104', severity: 'error', message: 'Unknown threat "intentinal" in guideline g2. Did you mean "intentional"?' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja').map((f) => f.message), [
      '分野「金触」は指針 g2 にありません。「金融」の誤りではありませんか。',
      '分野「financ」は指針 g2 にありません。「finance」の誤りではありませんか。',
      '脅威「intentinal」は指針 g2 にありません。「intentional」の誤りではありませんか。',
    ]);
  });
});

describe('guideline checks: coverage in the workspace', () => {
  const partial = {
    uri: 'file:///ws/std.yaml',
    text: completeStandard().replace('    covers: [A-1, A-2]', '    covers: [A-1]'),
  };

  it('coverage.not-covered-in-workspace: each item no following standard covers, on the item id', () => {
    // A is covered through A-1, its only must-consider child: the reference item A-2 does not decide it.
    assert.deepStrictEqual(check(testGuideline, [partial]), [
      { code: 'coverage.not-covered-in-workspace', range: '31:14-31:17', severity: 'information', message: 'No standard in the workspace covers A-2 (1 standard(s) follow this guideline).' },
      { code: 'coverage.not-covered-in-workspace', range: '40:14-40:17', severity: 'information', message: 'No standard in the workspace covers C-1 (1 standard(s) follow this guideline).' },
    ]);
    assert.deepStrictEqual(check(testGuideline, [partial], 'ja').map((f) => f.message), [
      'ワークスペース内のどの安全基準等も A-2 に対応していません（この指針に準拠する安全基準等: 1 件）。',
      'ワークスペース内のどの安全基準等も C-1 に対応していません（この指針に準拠する安全基準等: 1 件）。',
    ]);
    const findings = workspaceWith(testGuideline, partial).analyze(testGuideline.uri).findings;
    assert.deepStrictEqual(findings.map((f) => f.itemId), ['A-2', 'C-1']);
  });

  it('nothing is reported when no standard follows the guideline (or only standards of another guideline do)', () => {
    assert.deepStrictEqual(check(testGuideline), []);
    const other = { uri: 'file:///ws/other.yaml', text: partial.text.replace('guideline: test-g', 'guideline: nisc-2008') };
    assert.deepStrictEqual(check(testGuideline, [other], 'en', (f) => f.code === 'coverage.not-covered-in-workspace'), []);
  });

  it('the coverage of all following standards is combined', () => {
    // The medical standard covers C-1, which the finance one cannot; neither covers the reference item A-2.
    const medical = {
      uri: 'file:///ws/std-medical.yaml',
      text: partial.text.replace('id: std-1', 'id: std-2').replace('sector: 金融', 'sector: 医療').replace('covers: [C]', 'covers: [C, C-1]').replace('covers: [B]', 'covers: []'),
    };
    assert.deepStrictEqual(check(testGuideline, [partial, medical]).map((f) => f.message), [
      'No standard in the workspace covers A-2 (2 standard(s) follow this guideline).',
    ]);
  });
});

describe('guideline resolution in the workspace', () => {
  const ownGuideline = (itemId: string) => ({
    uri: 'file:///ws/my-nisc.yaml',
    text: lines(
      'kijun: guideline',
      'id: nisc-2008',
      'title: 独自版',
      'sectors:',
      '  - {id: finance, label: 金融}',
      'threats: []',
      'items:',
      `  - {id: ${itemId}, label: X, title: 独自項目, obligation: must-consider, level: abstract}`,
    ),
  });
  const follower = {
    uri: 'file:///ws/std.yaml',
    text: lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [X-1]}'),
  };

  it('a workspace guideline with the id of a bundled one takes precedence, and editing it changes the standard\'s findings', () => {
    const workspace = workspaceWith(ownGuideline('X-1'), follower);
    assert.deepStrictEqual(workspace.analyze(follower.uri).findings, []);
    assert.deepStrictEqual(workspace.analyze(follower.uri).coverage?.items.map((i) => i.item.id.value), ['X-1']);
    assert.strictEqual(workspace.catalog('nisc-2008')?.bundled, false);

    // The author renames the item: the standard's reference no longer resolves, and the new item is uncovered.
    const edited = ownGuideline('X-2');
    workspace.set(edited.uri, edited.text, 'yaml');
    const shown = workspace.analyze(follower.uri).findings.map((f) => `${f.code} ${f.itemId ?? ''}`.trim());
    assert.deepStrictEqual(shown, ['coverage.uncovered X-2', 'covers.unknown-item']);

    // Without the workspace guideline the bundled one applies again.
    workspace.delete(edited.uri);
    assert.strictEqual(workspace.catalog('nisc-2008')?.bundled, true);
    assert.ok(workspace.analyze(follower.uri).findings.some((f) => f.code === 'covers.unknown-item'));
    assert.ok(workspace.analyze(follower.uri).coverage!.items.length > 10);
  });

  it('document.duplicate-id: two standards with the same id warn each other', () => {
    const a = { uri: 'file:///ws/a.yaml', text: completeStandard() };
    const b = { uri: 'file:///ws/b.yaml', text: completeStandard() };
    assert.deepStrictEqual(check(a, [b, testGuideline]), [
      { code: 'document.duplicate-id', range: '3:5-3:10', severity: 'warning', message: 'Another document in the workspace also has the id "std-1": file:///ws/b.yaml.' },
    ]);
    assert.deepStrictEqual(check(b, [a, testGuideline], 'ja'), [
      { code: 'document.duplicate-id', range: '3:5-3:10', severity: 'warning', message: 'ワークスペース内の別の文書（file:///ws/a.yaml）にも同じ ID「std-1」があります。' },
    ]);
  });

  it('documents of different kinds may share an id', () => {
    const plan = {
      uri: 'file:///ws/plan.yaml',
      text: lines('kijun: action-plan', 'guideline: test-g', 'id: std-1', 'title: 計画', 'period: {from: 2009, to: 2011}', 'sectors: [{sector: 金融}, {sector: 医療}, {sector: government}]'),
    };
    assert.deepStrictEqual(check({ uri: 'file:///ws/a.yaml', text: completeStandard() }, [plan, testGuideline]), []);
  });
});
