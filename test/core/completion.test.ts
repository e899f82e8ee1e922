import * as assert from 'assert';
import { complete, CompletionRequest, hoverText, Locale } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { lines, workspaceWith } from '../helpers';

/** Completion at the `|` in `text` (the marker is removed), against the test guideline. */
function at(textWithCursor: string, format: 'yaml' | 'markdown' = 'yaml', locale: Locale = 'en') {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const workspace = workspaceWith(testGuideline, { uri: 'file:///ws/std.yaml', text: completeStandard() });
  const request: CompletionRequest = {
    text, offset, format, locale,
    catalog: workspace.catalog('test-g'),
    guidelineIds: () => workspace.guidelineIds(),
    standardIds: () => [{ id: 'std-1', sector: '金融', title: 'テスト基準' }],
  };
  const result = complete(request);
  return { start: result.start, offset, labels: result.suggestions.map((s) => s.label), details: result.suggestions.map((s) => `${s.label} ${s.detail ?? ''}`.trim()), result };
}

const planHead = ['kijun: action-plan', 'guideline: test-g', 'id: p', 'title: 計画', 'period: {from: 2009, to: 2011}'];

describe('completion (core)', () => {
  it('plan information-sharing values, with the Japanese wording of the seed', () => {
    const base = [...planHead, 'information-sharing:'];
    assert.deepStrictEqual(at(lines(...base, '  - {threat: intentional, info: |}')).details, [
      'A.a A.a 各種規程の紹介（未然防止・再発防止）',
      'A.b A.b 個別の事例等に関する情報（未然防止・再発防止）',
      'A.c A.c 予兆・警報に関する情報（未然防止・再発防止）',
      'B B 障害の拡大防止・復旧のため必要となる情報',
    ]);
    assert.deepStrictEqual(at(lines(...base, '  - threat: intentional', '    timing: |')).details, ['normal 平時（要警戒時・障害発生時以外）', 'alert 要警戒時・障害発生時']);
    assert.deepStrictEqual(at(lines(...base, '  - {threat: intentional, route: |')).labels, ['operator-to-nisc', 'nisc-to-operator', 'nisc-ministry', 'ministry-ceptoar', 'within-ceptoar']);
    assert.deepStrictEqual(at(lines(...base, '  - {threat: intentional, channel: n|')).labels, ['implementation-rules', 'ministry-ceptoar-means', 'newsletter', 'ci-web', 'ceptoar', 'ceptoar-council']);
    assert.deepStrictEqual(at(lines(...base, '  - {threat: |')).labels, ['intentional', 'disaster']);
  });

  it('plan measures, review rules, indicators, responders, sectors and standards', () => {
    assert.deepStrictEqual(at(lines(...planHead, 'measures:', '  - measure: |')).details, [
      'safety-standards 安全基準等の整備', 'information-sharing 情報共有体制の強化', 'interdependency-analysis 相互依存性解析', 'cross-sector-exercise 分野横断的演習',
    ]);
    assert.deepStrictEqual(at(lines(...planHead, 'guideline-review:', '  - {scope: must-consider-abstract, cycle: |}')).labels, ['plan-cycle', 'annual', 'as-needed']);
    assert.deepStrictEqual(at(lines(...planHead, 'evaluation:', '  - {indicator: 整備状況, kind: |}')).labels, ['process', 'outcome']);
    assert.deepStrictEqual(at(lines(...planHead, 'threats:', '  - {threat: disaster, responder: |}')).details, [
      'society 社会全体で対応が望まれる脅威', 'operator 個別の重要インフラ事業者等が中心となって対応する脅威',
    ]);
    assert.deepStrictEqual(at(lines(...planHead, 'sectors:', '  - sector: |')).labels, ['金融', '医療', '政府・行政サービス']);
    assert.deepStrictEqual(at(lines(...planHead, 'sectors:', '  - sector: 金融', '    standards: [|')).details, ['std-1 金融 — テスト基準']);
    assert.deepStrictEqual(at(lines(...planHead, 'sectors:', '  - sector: 金融', '    standards:', '      - {title: x, class: |}')).labels, ['1', '2', '3', '4']);
  });

  it('keys allowed at the cursor, required first', () => {
    const keys = at(lines(...planHead, 'sectors:', '  - sector: 金融', '    |')).result.suggestions;
    assert.deepStrictEqual(keys.map((k) => k.insertText), ['sector: ', 'services: ', 'systems: ', 'ceptoar: ', 'ceptoars: ', 'standards: ']);
    assert.strictEqual(keys[0].sortText < keys[1].sortText, true);
    const root = at(lines('kijun: standard', '|')).result.suggestions.sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(root.slice(0, 6).map((k) => k.label), ['kijun', 'guideline', 'id', 'title', 'sector', 'class']);
    assert.deepStrictEqual(at(lines(...planHead, 'threats:', '  - {thr|')).labels, ['threat', 'responder', 'direction', 'examples']);
  });

  it('threats of a clause: kinds, each followed by its examples', () => {
    assert.deepStrictEqual(at(lines('kijun: standard', 'guideline: test-g', 'clauses:', '  - id: S-1', '    threats: [|')).details, [
      'intentional 意図的要因', 'intentional.dos 意図的要因 › サービス不能攻撃（DoS）', 'disaster 災害',
    ]);
  });

  it('Markdown: covers lines in the body and values in the front matter; replaces the typed prefix', () => {
    const front = ['---', 'kijun: standard', 'guideline: test-g', 'sector: |', '---'];
    assert.deepStrictEqual(at(lines(...front), 'markdown').labels, ['金融', '医療', '政府・行政サービス']);
    const body = ['---', 'kijun: standard', 'guideline: test-g', '---', '## S-1 見出し', '対応指針: A-1、A-|'];
    const result = at(lines(...body), 'markdown');
    assert.deepStrictEqual(result.labels, ['A', 'A-2', 'B', 'C', 'C-1']);
    assert.strictEqual(result.offset - result.start, 2);
    assert.deepStrictEqual(at(lines('---', 'kijun: standard', '---', 'covers: |'), 'markdown').labels, []);
    assert.deepStrictEqual(at(lines('---', 'kijun: standard', '---', '本文 |'), 'markdown').labels, []);
  });

  it('Markdown: covers values on list items and keys in emphasis, under every form of clause heading', () => {
    const md = (...body: string[]) => at(lines('---', 'kijun: standard', 'guideline: test-g', '---', ...body), 'markdown').labels;
    assert.deepStrictEqual(md('## 第1条 目的', '- covers: A-1, |'), ['A', 'A-2', 'B', 'C', 'C-1']);
    assert.deepStrictEqual(md('S-1 目的', '---', '', '**対応指針**: |'), ['A', 'A-1', 'A-2', 'B', 'C', 'C-1']);
    assert.deepStrictEqual(md('## 運1 運用', '<!-- 注記 -->', 'covers: [A-1, |'), ['A', 'A-2', 'B', 'C', 'C-1']);
    assert.deepStrictEqual(md('## 第1章 総則', 'covers: |'), []);
    assert.deepStrictEqual(md('本文', '', '---', 'covers: |'), []);
  });

  it('nothing in comments, and only the kind in a file that is not yet a Kijun document', () => {
    assert.deepStrictEqual(at(lines('kijun: standard', 'sector: 金融 # |')).labels, []);
    assert.deepStrictEqual(at(lines('kijun: |')).labels, ['guideline', 'standard', 'action-plan', 'review']);
    assert.deepStrictEqual(at(lines('|')).labels, ['kijun']);
  });
});

describe('hover (core)', () => {
  it('enumerated plan values show their Japanese wording', () => {
    const text = lines(...planHead, 'information-sharing:', '  - {threat: intentional, info: B, timing: alert, route: operator-to-nisc}');
    const workspace = workspaceWith(testGuideline, { uri: 'file:///ws/plan.yaml', text });
    const hover = (needle: string, locale: Locale = 'ja') => hoverText(workspace, 'file:///ws/plan.yaml', text.indexOf(needle) + 1, locale)?.markdown;
    assert.strictEqual(hover('B,'), '**B 障害の拡大防止・復旧のため必要となる情報**\n\n`info: B`');
    assert.strictEqual(hover('alert', 'en'), '**要警戒時・障害発生時**\n\n`timing: alert`\n\non alert or during an outage');
    assert.strictEqual(hover('operator-to-nisc'), '**a. 事業者等→所管省庁→NISC（実施細目に基づく情報連絡）**\n\n`route: operator-to-nisc`');
    assert.strictEqual(hover('intentional'), '**意図的要因**\n\n`intentional` · 自ら受ける脅威\n\n例: サービス不能攻撃（DoS）');
  });
});
