import * as assert from 'assert';
import { LineIndex, renderText, Span, Workspace } from '../../server/src/core';
import { bundled, check, lines, show, workspaceWith } from '../helpers';
import { testGuideline } from '../fixtures';
import { rangeOf, timed } from './util';

/**
 * The coverage rule (README "Coverage", ARCHITECTURE.md "Coverage"): covered, partial, excluded or
 * uncovered; reference items never decide a must-consider parent; one finding per cause; tallies
 * count leaves and items covered directly.
 */
const uri = 'file:///ws/std.yaml';
const standard = (text: string) => ({ uri, text });

/** A medical standard of the test guideline with no clauses (A, A-1, A-2, C, C-1 apply). */
const noClauses = lines(
  'kijun: standard',
  'guideline: test-g',
  'id: std-2',
  'title: 空の基準',
  'sector: medical',
  'class: 4',
);

function statuses(text: string, others = [testGuideline], workspace?: Workspace): Record<string, string> {
  const ws = workspace ?? workspaceWith(standard(text), ...others);
  if (workspace) workspace.set(uri, text, 'yaml');
  return Object.fromEntries(ws.analyze(uri).coverage!.items.map((i) => [i.item.id.value, i.children ? `${i.status} ${i.children.done}/${i.children.total}` : i.status]));
}

describe('coverage: causes, not the cascade', () => {
  it('reports each uncovered must-consider item that has no uncovered must-consider descendant, on the guideline reference', () => {
    assert.deepStrictEqual(check(standard(noClauses), [testGuideline]), [
      { code: 'coverage.uncovered', range: '2:12-2:18', severity: 'warning', message: 'Must-consider item A-1 Ⅰ1 "Officer" is neither covered by a clause nor excluded.' },
      { code: 'coverage.uncovered-reference', range: '2:12-2:18', severity: 'information', message: 'Reference item A-2 Ⅰ2 "Note" is not covered.' },
      { code: 'coverage.uncovered', range: '2:12-2:18', severity: 'warning', message: 'Must-consider item C-1 Ⅲ1 "For medical" is neither covered by a clause nor excluded.' },
    ]);
    assert.deepStrictEqual(check(standard(noClauses), [testGuideline], 'ja').map((f) => f.message), [
      '要検討事項 A-1 Ⅰ1「責任者」に対応する条項も除外（規定する必要がない）もありません。',
      '参考事項 A-2 Ⅰ2「参考」に対応する条項がありません。',
      '要検討事項 C-1 Ⅲ1「医療向け」に対応する条項も除外（規定する必要がない）もありません。',
    ]);
    // The parents are uncovered too, but only because of their children: no finding of their own.
    assert.deepStrictEqual(statuses(noClauses), { A: 'uncovered 0/1', 'A-1': 'uncovered', 'A-2': 'uncovered', C: 'uncovered 0/1', 'C-1': 'uncovered' });
  });

  it('each coverage finding points at the item\'s definition in its guideline (relatedInformation)', () => {
    const findings = workspaceWith(standard(noClauses), testGuideline).analyze(uri).findings;
    const guidelineLines = new LineIndex(testGuideline.text);
    const where = (span: Span): string => {
      const s = guidelineLines.positionAt(span.start);
      const e = guidelineLines.positionAt(span.end);
      return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
    };
    assert.deepStrictEqual(findings.map((f) => f.related?.map((r) => `${r.uri} ${where(r.span)} ${r.caption.key} ${JSON.stringify(r.caption.args)}`)), [
      [`file:///ws/test-guideline.yaml ${rangeOf(testGuideline.text, 'A-1')} related.item-definition {"item":"A-1","guideline":"test-g"}`],
      [`file:///ws/test-guideline.yaml ${rangeOf(testGuideline.text, 'A-2')} related.item-definition {"item":"A-2","guideline":"test-g"}`],
      [`file:///ws/test-guideline.yaml ${rangeOf(testGuideline.text, 'C-1')} related.item-definition {"item":"C-1","guideline":"test-g"}`],
    ]);
    assert.strictEqual(renderText('related.item-definition', { item: 'A-1', guideline: 'test-g' }, 'en'), 'A-1 in guideline test-g');
    assert.strictEqual(renderText('related.item-definition', { item: 'A-1', guideline: 'test-g' }, 'ja'), '指針 test-g の A-1');
    // A bundled guideline is pointed at under its own URI (the server serves it read-only).
    const nisc = workspaceWith(standard(noClauses.replace('guideline: test-g', 'guideline: nisc-2008'))).analyze(uri).findings;
    assert.strictEqual(nisc[0].related?.[0].uri, 'bundled:nisc-2008.yaml');
    const bundledText = bundled().find((b) => b.uri === 'bundled:nisc-2008.yaml')!.text;
    const span = nisc[0].related![0].span;
    assert.strictEqual(bundledText.slice(span.start, span.end), nisc[0].itemId);
  });

  it('a parent is covered when a clause covers it, or when every applicable must-consider child is covered or excluded', () => {
    const text = noClauses + lines(
      'clauses:',
      '  - {id: "1", title: 親, covers: [C]}',
      '  - {id: "2", title: 子, covers: [A-1]}',
      'exclusions:',
      '  - {item: A-2, reason: 該当なし}',
    );
    const report = workspaceWith(standard(text), testGuideline).analyze(uri).coverage!;
    assert.deepStrictEqual(statuses(text), { A: 'covered 1/1', 'A-1': 'covered', 'A-2': 'excluded', C: 'covered 0/1', 'C-1': 'uncovered' });
    // Counted: the leaves A-1 and C-1, and C, which a clause covers directly; A is complete through A-1.
    assert.deepStrictEqual(report.mustConsider, { total: 3, covered: 2, excluded: 0, uncovered: 1 });
    assert.deepStrictEqual(report.reference, { total: 1, covered: 0, excluded: 1, uncovered: 0 });
    assert.deepStrictEqual(report.items.find((i) => i.item.id.value === 'C')!.coveredBy.map((c) => c.id!.value), ['1']);
    assert.deepStrictEqual(report.items.find((i) => i.item.id.value === 'A')!.coveredBy, []);
    // Covering C does not cover C-1: it is the one finding.
    assert.deepStrictEqual(check(standard(text), [testGuideline]).map((f) => `${f.code} ${f.message.split('"')[0]}`), ['coverage.uncovered Must-consider item C-1 Ⅲ1 ']);
  });

  /**
   * nisc-2008's pillars with Kijun's provisional sub-items made binding (kijun.provisionalItems: binding), so that
   * they are must-consider children; by default they are reference items and the pillars are leaves (test/core/data.test.ts).
   */
  const bindingWorkspace = (text: string): Workspace => {
    const workspace = new Workspace(bundled(), { coverage: { provisional: 'binding' } });
    workspace.set(uri, text, 'yaml');
    return workspace;
  };

  it('a parent whose applicable must-consider children are all excluded is excluded, not covered (nisc-2008 Ⅱ1, provisional items binding)', () => {
    const text = lines(
      'kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 除外だけの基準', 'sector: 金融', 'class: 4',
      'exclusions:',
      '  - {item: G-II-1-1, reason: 理由1}',
      '  - {item: G-II-1-2, reason: 理由2}',
      '  - {item: G-II-1-3, reason: 理由3}',
    );
    const analysis = bindingWorkspace(text).analyze(uri);
    const report = analysis.coverage!;
    const entry = (id: string) => report.items.find((i) => i.item.id.value === id)!;
    assert.strictEqual(entry('G-II-1').status, 'excluded');
    assert.deepStrictEqual(entry('G-II-1').coveredBy, []);
    assert.deepStrictEqual(entry('G-II-1').children, { done: 3, total: 3 });
    // Ⅱ has one of its four pillars done (excluded): partial, and no finding of its own.
    assert.strictEqual(entry('G-II').status, 'partial');
    assert.deepStrictEqual(entry('G-II').children, { done: 1, total: 4 });
    assert.strictEqual(report.mustConsider.covered, 0);
    assert.strictEqual(report.mustConsider.excluded, 3);
    const reported = analysis.findings.filter((f) => f.code === 'coverage.uncovered').map((f) => f.args.item);
    assert.deepStrictEqual(reported, ['G-II-2-1', 'G-II-2-2', 'G-II-3-1', 'G-II-3-4-2-A-b', 'G-II-3-4-2-B', 'G-II-3-4-2-C', 'G-II-4-1', 'G-II-4-2', 'G-II-4-3']);
  });

  it('partial: an incomplete parent says how many of its deciding children are done (provisional items binding)', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 途中の基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 責任, covers: [G-II-1-1]}');
    const report = bindingWorkspace(text).analyze(uri).coverage!;
    const entry = (id: string) => report.items.find((i) => i.item.id.value === id)!;
    assert.deepStrictEqual([entry('G-II-1').status, entry('G-II-1').children], ['partial', { done: 1, total: 3 }]);
    assert.deepStrictEqual([entry('G-II').status, entry('G-II').children], ['partial', { done: 0, total: 4 }]);
    assert.deepStrictEqual([entry('G-II-2').status, entry('G-II-2').reported], ['uncovered', false]);
  });
});

describe('coverage: reference items never decide a must-consider parent', () => {
  // P (must) → Q (must) → R1…R4 (reference, concrete measures), as Ⅱ3.(4)②ア → (イ) → the p28 measures.
  const guideline = {
    uri: 'file:///ws/ref-g.yaml',
    text: lines(
      'kijun: guideline', 'id: ref-g', 'title: 参考事項の指針', 'sectors: [{id: finance, label: 金融}]', 'threats: []',
      'items:',
      '  - id: P',
      '    label: ア',
      '    title: 事業継続',
      '    obligation: must-consider',
      '    level: abstract',
      '    items:',
      '      - id: Q',
      '        label: (イ)',
      '        title: 計画との整合',
      '        obligation: must-consider',
      '        level: abstract',
      '        items:',
      ...[1, 2, 3, 4].map((n) => `          - {id: R${n}, label: 例${n}, title: 具体例${n}, obligation: reference, level: concrete}`),
    ),
  };
  const withClauses = (...covers: string[]) => lines(
    'kijun: standard', 'guideline: ref-g', 'id: s', 'title: 基準', 'sector: 金融', 'class: 3', 'clauses:',
    ...covers.map((c, i) => `  - {id: S-${i + 1}, title: 条${i + 1}, covers: [${c}]}`),
  );

  it('covering three of four reference measures does not cover their must-consider parent', () => {
    const text = withClauses('R1', 'R2', 'R3');
    assert.deepStrictEqual(statuses(text, [guideline]), { P: 'uncovered 0/1', Q: 'uncovered', R1: 'covered', R2: 'covered', R3: 'covered', R4: 'uncovered' });
    assert.deepStrictEqual(check(standard(text), [guideline]), [
      { code: 'coverage.uncovered', range: '2:12-2:17', severity: 'warning', message: 'Must-consider item Q (イ) "計画との整合" is neither covered by a clause nor excluded.' },
      { code: 'coverage.uncovered-reference', range: '2:12-2:17', severity: 'information', message: 'Reference item R4 例4 "具体例4" is not covered.' },
    ]);
  });

  it('an optional reference measure left uncovered gives one information finding, no must-consider warning', () => {
    const text = withClauses('Q', 'R1', 'R2', 'R3');
    assert.deepStrictEqual(statuses(text, [guideline]), { P: 'covered 1/1', Q: 'covered', R1: 'covered', R2: 'covered', R3: 'covered', R4: 'uncovered' });
    assert.deepStrictEqual(check(standard(text), [guideline], 'ja'), [
      { code: 'coverage.uncovered-reference', range: '2:12-2:17', severity: 'information', message: '参考事項 R4 例4「具体例4」に対応する条項がありません。' },
    ]);
    const report = workspaceWith(standard(text), guideline).analyze(uri).coverage!;
    assert.deepStrictEqual(report.mustConsider, { total: 1, covered: 1, excluded: 0, uncovered: 0 });
    assert.deepStrictEqual(report.reference, { total: 4, covered: 3, excluded: 0, uncovered: 1 });
  });
});

describe('coverage: sectors, sub-sectors, exclusions, duplicates, provisional items', () => {
  it('exclusion.not-applicable: excluding an item that does not apply to the sector is a warning', () => {
    const text = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3',
      'clauses:', '  - {id: S-1, title: x, covers: [A-1, B, C]}',
      'exclusions:', '  - {item: C-1, reason: 医療機関ではないため}');
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', (f) => f.code.startsWith('exclusion')), [
      { code: 'exclusion.not-applicable', range: '10:12-10:15', severity: 'warning', message: 'Item C-1 (Ⅲ1) does not apply to sector 金融, so there is nothing to exclude; remove this exclusion.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', (f) => f.code.startsWith('exclusion')).map((f) => f.message), [
      '項目 C-1（Ⅲ1）は分野「金融」には適用されないため、除外する必要はありません。この除外を削除してください。',
    ]);
  });

  const telecom = {
    uri: 'file:///ws/telecom-g.yaml',
    text: lines(
      'kijun: guideline', 'id: tel-g', 'title: 情報通信の指針', 'threats: []',
      'sectors:',
      '  - id: telecom',
      '    label: 情報通信',
      '    subsectors: [{id: telecom.telecommunications, label: 電気通信}, {id: telecom.broadcasting, label: 放送}]',
      'items:',
      '  - {id: T, label: 通信, title: 輻そう対策, obligation: must-consider, level: concrete, sectors: [telecom.telecommunications]}',
      '  - {id: U, label: 共通, title: 共通事項, obligation: must-consider, level: abstract, sectors: [情報通信]}',
    ),
  };
  const telecomStandard = (subsector: string | undefined, covers = 'U') => lines(
    'kijun: standard', 'guideline: tel-g', 'id: s', 'title: t', 'sector: 情報通信', ...(subsector ? [`subsector: ${subsector}`] : []), 'class: 3',
    'clauses:', `  - {id: S-1, title: x, covers: [${covers}]}`,
  );

  it('an item scoped to a sub-sector applies to that sub-sector and to the whole sector, not to another sub-sector', () => {
    assert.deepStrictEqual(statuses(telecomStandard('放送'), [telecom]), { U: 'covered' });
    assert.deepStrictEqual(statuses(telecomStandard('電気通信'), [telecom]), { T: 'uncovered', U: 'covered' });
    assert.deepStrictEqual(statuses(telecomStandard(undefined), [telecom]), { T: 'uncovered', U: 'covered' });
    assert.deepStrictEqual(check(standard(telecomStandard('放送', 'T, U')), [telecom]), [
      { code: 'covers.not-applicable', range: '9:34-9:35', severity: 'warning', message: 'Item T (通信) does not apply to sector 情報通信（放送）; covering it counts for nothing.' },
    ]);
    assert.deepStrictEqual(check(standard(telecomStandard('放送', 'T, U')), [telecom], 'ja').map((f) => f.message), [
      '項目 T（通信）は分野「情報通信（放送）」には適用されないため、対応としては数えられません。',
    ]);
    // The guideline's own check accepts a sub-sector id in an item's sectors.
    assert.deepStrictEqual(check(telecom), []);
  });

  it('a repeated item id counts once in coverage', () => {
    const guideline = {
      uri: 'file:///ws/dup-g.yaml',
      text: lines('kijun: guideline', 'id: dup-g', 'title: 重複', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
        '  - {id: X, label: X, title: 一, obligation: must-consider, level: abstract}',
        '  - {id: Y, label: Y, title: 二, obligation: must-consider, level: abstract}',
        '  - {id: X, label: X, title: 一の再掲, obligation: must-consider, level: abstract}'),
    };
    const text = lines('kijun: standard', 'guideline: dup-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [X, Y]}');
    assert.deepStrictEqual(check(standard(text), [guideline]), []);
    assert.deepStrictEqual(statuses(text, [guideline]), { X: 'covered', Y: 'covered' });
    assert.deepStrictEqual(check(guideline).map((f) => f.code), ['item.duplicate-id']);
  });

  const provisional = {
    uri: 'file:///ws/prov-g.yaml',
    text: lines('kijun: guideline', 'id: prov-g', 'title: 暫定', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
      '  - id: K',
      '    label: Ⅱ1',
      '    title: 柱',
      '    obligation: must-consider',
      '    level: abstract',
      '    items:',
      '      - {id: K-1, label: Ⅱ1（Kijun補足1）, title: 補足, obligation: must-consider, level: abstract, provisional: true}'),
  };
  const provisionalStandard = lines('kijun: standard', 'guideline: prov-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [K]}');

  it('a provisional item (Kijun\'s own suggestion) raises no must-consider warning, and does not decide its parent', () => {
    assert.deepStrictEqual(check(standard(provisionalStandard), [provisional]), [
      { code: 'coverage.uncovered-provisional', range: '2:12-2:18', severity: 'information', message: 'Provisional item K-1 Ⅱ1（Kijun補足1） "補足" (Kijun\'s own suggestion, not the guideline\'s) is not covered.' },
    ]);
    assert.deepStrictEqual(check(standard(provisionalStandard), [provisional], 'ja').map((f) => f.message), [
      '暫定項目 K-1 Ⅱ1（Kijun補足1）「補足」（指針ではなく Kijun による補足）に対応する条項がありません。',
    ]);
    // Without a clause on K itself, K is the cause: its provisional child cannot stand in for it.
    const onlyChild = provisionalStandard.replace('covers: [K]', 'covers: [K-1]');
    assert.deepStrictEqual(check(standard(onlyChild), [provisional]).map((f) => `${f.code} ${f.message.split(' ')[2]}`), ['coverage.uncovered K']);
  });

  it('made binding (kijun.provisionalItems / --provisional binding), provisional items count as must-consider', () => {
    const workspace = new Workspace(bundled(), { coverage: { provisional: 'binding' } });
    workspace.set(provisional.uri, provisional.text, 'yaml');
    workspace.set(uri, provisionalStandard, 'yaml');
    assert.deepStrictEqual(workspace.analyze(uri).findings.map((f) => show(f, provisionalStandard)), [
      { code: 'coverage.uncovered', range: '2:12-2:18', severity: 'warning', message: 'Must-consider item K-1 Ⅱ1（Kijun補足1） "補足" is neither covered by a clause nor excluded.' },
    ]);
  });
});

describe('coverage: linear walks over the item hierarchy', () => {
  it('a guideline whose 4,000 items form one parent chain is analysed without overflowing the stack', () => {
    const count = 4000;
    const items = Array.from({ length: count }, (_, i) => `  - {id: I${i}, label: L${i}, title: 項目${i}, obligation: must-consider, level: abstract${i > 0 ? `, parent: I${i - 1}` : ''}}`);
    const guideline = { uri: 'file:///ws/chain-g.yaml', text: lines('kijun: guideline', 'id: chain-g', 'title: 鎖', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:', ...items) };
    const text = lines('kijun: standard', 'guideline: chain-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', `  - {id: S-1, title: x, covers: [I${count - 1}]}`);
    // A hang guard, not a speed target (the bench measures speed): the quadratic walk took seconds at 1,500 items.
    const { result, ms } = timed(() => {
      const workspace = workspaceWith(guideline, standard(text));
      return { standard: workspace.analyze(uri), guideline: workspace.analyze(guideline.uri) };
    });
    assert.ok(ms < 10_000, `${ms} ms`);
    assert.deepStrictEqual(result.standard.findings, []);
    assert.strictEqual(result.standard.coverage!.items.every((i) => i.status === 'covered'), true);
    assert.deepStrictEqual(result.standard.coverage!.mustConsider, { total: 1, covered: 1, excluded: 0, uncovered: 0 });
    assert.deepStrictEqual(result.guideline.findings, []);
  });
});
