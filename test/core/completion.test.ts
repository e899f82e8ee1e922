import * as assert from 'assert';
import { complete, CompletionRequest, hoverText, Locale, snippetDefaults, Suggestion } from '../../server/src/core';
import { loadSnippetTemplates } from '../../server/src/node/bundled';
import { completeStandard, testGuideline } from '../fixtures';
import { check, Doc, lines, repoRoot, workspaceWith } from '../helpers';

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
    assert.deepStrictEqual(at(lines('kijun: |')).labels, ['guideline', 'standard', 'action-plan']);
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

/**
 * Completion as an author meets it in a standard of the test guideline, with the standard's own
 * coverage (as the server has it from the last check) and the package's static snippets.
 */
function inStandard(textWithCursor: string, format: 'yaml' | 'markdown' = 'yaml', locale: Locale = 'en', others: Doc[] = [testGuideline]) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const uri = format === 'markdown' ? 'file:///ws/std.md' : 'file:///ws/std.yaml';
  const workspace = workspaceWith(...others, { uri, text });
  const analysis = workspace.analyze(uri);
  const result = complete({
    text, offset, format, locale,
    catalog: analysis.catalog,
    coverage: analysis.coverage,
    guidelineIds: () => workspace.guidelineIds(),
    standardIds: () => [],
    templates: loadSnippetTemplates(repoRoot).templates[format],
    clauseIds: () => (analysis.model?.kind === 'standard' ? analysis.model.clauses.flatMap((c) => (c.id ? [c.id.value] : [])) : []),
  });
  const sorted = [...result.suggestions].sort((a, b) => a.sortText.localeCompare(b.sortText));
  return {
    text, offset, start: result.start, sorted,
    /** Each row as the list shows it: label with its detail, then its description. */
    rows: sorted.map((s) => `${s.label}${s.labelDetail ?? ''} | ${s.labelDescription ?? ''}`),
  };
}

/** The text once a suggestion is accepted with every placeholder at its default. */
function accept(at: ReturnType<typeof inStandard>, suggestion: Suggestion): string {
  const inserted = suggestion.snippet ? snippetDefaults(suggestion.insertText) : suggestion.insertText;
  return at.text.slice(0, at.start) + inserted + at.text.slice(at.offset);
}

const financeHead = ['kijun: standard', 'guideline: test-g', 'id: std-1', 'title: テスト基準', 'sector: 金融', 'class: 3', 'clauses:'];
const financeMd = ['---', 'kijun: standard', 'guideline: test-g', 'id: std-md', 'title: テスト基準', 'sector: 金融', 'class: 3', '---'];

describe('completion of covers: what applies to the standard, uncovered first', () => {
  it('YAML: uncovered must-consider, uncovered reference, covered; items of other sectors last, marked not applicable; rows read without focus', () => {
    const at = inStandard(lines(...financeHead, '  - {id: S-1, title: 責任者, covers: [A-1]}', '  - id: S-2', '    title: 次', '    covers: [|]'));
    assert.deepStrictEqual(at.rows, [
      'B For finance | Ⅱ · must-consider · uncovered',
      'C Continuity | Ⅲ · must-consider · uncovered',
      'A-2 Note | Ⅰ2 · reference · uncovered',
      'A Organisation | Ⅰ · must-consider · covered',
      'A-1 Officer | Ⅰ1 · must-consider · covered',
      'C-1 For medical | not applicable · Ⅲ1 · must-consider',
    ]);
    assert.deepStrictEqual(at.sorted.map((s) => s.kind), ['item', 'item', 'item', 'item', 'item', 'item']);
    assert.deepStrictEqual(at.sorted.map((s) => s.insertText), ['B', 'C', 'A-2', 'A', 'A-1', 'C-1']);
  });

  it('Japanese: titles, obligations, coverage and the not-applicable marker in Japanese', () => {
    const at = inStandard(lines(...financeHead, '  - {id: S-1, title: 責任者, covers: [A-1]}', '  - id: S-2', '    title: 次', '    covers: [|]'), 'yaml', 'ja');
    assert.deepStrictEqual(at.rows, [
      'B 金融向け | Ⅱ · 要検討事項 · 未対応',
      'C 継続 | Ⅲ · 要検討事項 · 未対応',
      'A-2 参考 | Ⅰ2 · 参考事項 · 未対応',
      'A 体制 | Ⅰ · 要検討事項 · 対応済み',
      'A-1 責任者 | Ⅰ1 · 要検討事項 · 対応済み',
      'C-1 医療向け | 対象外 · Ⅲ1 · 要検討事項',
    ]);
  });

  it('Markdown: the same order on a covers line, the entries already on the line left out', () => {
    const at = inStandard(lines(...financeMd, '## S-1 責任者', 'covers: A-1', '', '## S-2 次', '対応指針: B、|'), 'markdown');
    assert.deepStrictEqual(at.rows, [
      'C Continuity | Ⅲ · must-consider · uncovered',
      'A-2 Note | Ⅰ2 · reference · uncovered',
      'A Organisation | Ⅰ · must-consider · covered',
      'A-1 Officer | Ⅰ1 · must-consider · covered',
      'C-1 For medical | not applicable · Ⅲ1 · must-consider',
    ]);
  });

  it('before the first check (no coverage yet): ranked by the sector and sub-sector of the header', () => {
    const guideline = {
      uri: 'file:///ws/sub.yaml',
      text: testGuideline.text.replace('      - {id: finance.banking, label: 銀行}', '      - {id: finance.banking, label: 銀行}\n      - {id: finance.insurance, label: 保険}')
        .concat('  - {id: D, label: Ⅳ, title: 銀行向け, title-en: For banks, obligation: reference, level: concrete, sectors: [銀行]}\n'),
    };
    const text = lines('kijun: standard', 'guideline: test-g', 'sector: 金融', 'subsector: 保険', 'clauses:', '  - {id: S-1, covers: []}');
    const workspace = workspaceWith(guideline);
    const rows = (body: string) => {
      const result = complete({ text: body, offset: body.indexOf('[]') + 1, format: 'yaml', locale: 'en', catalog: workspace.catalog('test-g'), guidelineIds: () => [], standardIds: () => [] });
      return [...result.suggestions].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((s) => `${s.label} | ${s.labelDescription}`);
    };
    assert.deepStrictEqual(rows(text), [
      'A | Ⅰ · must-consider', 'A-1 | Ⅰ1 · must-consider', 'A-2 | Ⅰ2 · reference', 'B | Ⅱ · must-consider', 'C | Ⅲ · must-consider',
      'C-1 | not applicable · Ⅲ1 · must-consider', 'D | not applicable · Ⅳ · reference',
    ]);
    // A standard of the banking sub-sector: the item for banks applies too.
    assert.deepStrictEqual(rows(text.replace('subsector: 保険', 'subsector: 銀行')).slice(-2), ['D | Ⅳ · reference', 'C-1 | not applicable · Ⅲ1 · must-consider']);
  });

  it('no snippet inside a value: a covers list, a sector, a title offer values only (or nothing)', () => {
    const cases = [
      lines(...financeHead, '  - id: S-1', '    title: 責任者', '    covers: [|]'),
      lines('kijun: standard', 'guideline: test-g', 'sector: |'),
      lines(...financeHead, '  - id: S-1', '    title: |'),
    ];
    for (const text of cases) assert.deepStrictEqual(inStandard(text).sorted.filter((s) => s.kind === 'snippet').map((s) => s.label), [], text);
    assert.deepStrictEqual(inStandard(lines(...financeHead, '  - id: S-1', '    title: |')).rows, []);
  });
});

describe('completion of snippets: where they belong, for items of any guideline', () => {
  const coveredA = '  - {id: S-1, title: 責任者, covers: [A-1]}';

  it('a new clause in YAML: one clause snippet per item the standard does not cover, uncovered must-consider first; then the generic clause and the keys', () => {
    const at = inStandard(lines(...financeHead, coveredA, '  - |'));
    assert.deepStrictEqual(at.rows, [
      'B For finance | Ⅱ · must-consider · uncovered',
      'C Continuity | Ⅲ · must-consider · uncovered',
      'A-2 Note | Ⅰ2 · reference · uncovered',
      'kijun-clause | Clause of a safety standard, with the guideline items it covers',
      'id | ', 'title | ', 'covers | ', 'threats | ', 'text | ',
    ]);
    const b = at.sorted[0];
    assert.strictEqual(b.kind, 'snippet');
    assert.strictEqual(b.detail, 'New clause covering B');
    assert.strictEqual(b.insertText, 'id: ${1:S-2}\n    title: ${2:金融向け}\n    covers: [B]\n    text: ${3:（本文を記載）}');
    // Accepted, the clause is valid and covers B: only C is left uncovered.
    const withB = accept(at, b);
    assert.strictEqual(withB, lines(...financeHead, coveredA, '  - id: S-2', '    title: 金融向け', '    covers: [B]', '    text: （本文を記載）'));
    assert.deepStrictEqual(check({ uri: 'file:///ws/std.yaml', text: withB }, [testGuideline]).map((f) => `${f.code} ${f.message}`), [
      'coverage.uncovered-reference Reference item A-2 Ⅰ2 "Note" is not covered.',
      'coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.',
    ]);
    // The generic clause loses its own dash: the list entry has one already.
    assert.strictEqual(snippetDefaults(at.sorted[3].insertText), 'id: S-1\n    title: 条項の見出し\n    covers: [G-II-1-1]\n    threats: [intentional]\n    text: |\n      本文を記載する。');
  });

  it('clause snippets of a workspace guideline with items of its own, in Japanese', () => {
    const own = {
      uri: 'file:///ws/team-guideline.yaml',
      text: lines('kijun: guideline', 'id: team-g', 'title: 社内指針', 'sectors:', '  - {id: logistics, label: 物流}', 'threats:', '  - {id: intentional, label: 意図的要因}', 'items:',
        '  - {id: T-1, label: 第1項, title: 「鍵」の管理, obligation: must-consider, level: abstract}',
        '  - {id: T-2, label: 第2項, title: "委託先: 監査", obligation: reference, level: concrete}'),
    };
    const at = inStandard(lines('kijun: standard', 'guideline: team-g', 'id: s', 'title: 物流基準', 'sector: 物流', 'class: 4', 'clauses:', '  - |'), 'yaml', 'ja', [own]);
    assert.deepStrictEqual(at.rows.slice(0, 3), ['T-1 「鍵」の管理 | 第1項 · 要検討事項 · 未対応', 'T-2 委託先: 監査 | 第2項 · 参考事項 · 未対応', 'kijun-clause | 条項（対応する指針項目と脅威）']);
    assert.strictEqual(at.sorted[0].detail, 'T-1 に対応する条項を追加');
    assert.strictEqual(at.sorted[1].insertText, 'id: ${1:S-1}\n    title: ${2:"委託先: 監査"}\n    covers: [T-2]\n    text: ${3:（本文を記載）}');
    const accepted = accept(at, at.sorted[1]);
    const analysis = workspaceWith(own, { uri: 'file:///ws/std.yaml', text: accepted }).analyze('file:///ws/std.yaml');
    assert.deepStrictEqual(analysis.findings.map((f) => f.code), ['coverage.uncovered']);
    assert.deepStrictEqual(analysis.model?.kind === 'standard' && analysis.model.clauses.map((c) => [c.id?.value, c.title?.value, c.covers.map((x) => x.value)]), [['S-1', '委託先: 監査', ['T-2']]]);
  });

  it('a new heading in Markdown: the clause snippets at the level typed, which insert a valid clause', () => {
    const at = inStandard(lines(...financeMd, '## S-1 責任者', 'covers: A-1', '', '### |'), 'markdown');
    assert.strictEqual(at.text.slice(at.start, at.offset), '### ');
    assert.deepStrictEqual(at.rows.slice(0, 4), [
      'B For finance | Ⅱ · must-consider · uncovered',
      'C Continuity | Ⅲ · must-consider · uncovered',
      'A-2 Note | Ⅰ2 · reference · uncovered',
      'kijun-clause | Clause heading with the guideline items it covers and its threats',
    ]);
    assert.strictEqual(at.sorted[1].insertText, '### ${1:S-2} ${2:継続}\ncovers: C\n\n${3:（本文を記載）}');
    assert.strictEqual(at.sorted[1].filterText, '### C Ⅲ Continuity');
    const withC = accept(at, at.sorted[1]);
    assert.ok(withC.endsWith('covers: A-1\n\n### S-2 継続\ncovers: C\n\n（本文を記載）\n'), withC);
    assert.deepStrictEqual(check({ uri: 'file:///ws/std.md', text: withC }, [testGuideline]).map((f) => `${f.code} ${f.message}`), [
      'coverage.uncovered-reference Reference item A-2 Ⅰ2 "Note" is not covered.',
      'coverage.uncovered Must-consider item B Ⅱ "For finance" is neither covered by a clause nor excluded.',
    ]);
    // Not on a heading that already has text, nor in a document that is not a standard.
    assert.deepStrictEqual(inStandard(lines(...financeMd, '## S-1 責任|'), 'markdown').rows, []);
    assert.deepStrictEqual(inStandard(lines('---', 'kijun: action-plan', 'guideline: test-g', '---', '## |'), 'markdown').rows, []);
  });

  it('a new exclusion: one exclusion snippet per open item, with a tab stop on the reason', () => {
    const at = inStandard(lines(...financeHead, coveredA, 'exclusions:', '  - |'), 'yaml', 'ja');
    assert.deepStrictEqual(at.rows.slice(0, 4), ['B 金融向け | Ⅱ · 要検討事項 · 未対応', 'C 継続 | Ⅲ · 要検討事項 · 未対応', 'A-2 参考 | Ⅰ2 · 参考事項 · 未対応', 'kijun-exclusion | 除外（規定する必要がない項目とその理由）']);
    assert.strictEqual(at.sorted[1].detail, 'C を除外（規定する必要がない理由を記載）');
    assert.strictEqual(at.sorted[1].insertText, 'item: C\n    reason: ${1:（理由を記載）}');
    const withC = accept(at, at.sorted[1]);
    assert.deepStrictEqual(check({ uri: 'file:///ws/std.yaml', text: withC }, [testGuideline]).map((f) => `${f.range} ${f.code}`), [
      '2:12-2:18 coverage.uncovered-reference', '2:12-2:18 coverage.uncovered', '11:13-11:20 exclusion.placeholder-reason',
    ]);
  });

  it('file templates only in an empty file: the skeletons of the format, and nothing of them elsewhere', () => {
    assert.deepStrictEqual(inStandard('|').rows, [
      'kijun | ',
      'kijun-standard | Kijun safety standard skeleton: guideline, sector, class, clauses, exclusions',
      'kijun-guideline | Kijun guideline skeleton: sectors, threat types and items',
      'kijun-plan | Kijun action plan skeleton: period, principle, sectors, threats, information sharing, measures, evaluation',
    ]);
    assert.deepStrictEqual(inStandard('\n  kij|\n', 'markdown', 'ja').rows, ['kijun-standard | 安全基準等の雛形（フロントマター・表題・最初の条項）', 'kijun-plan | 行動計画の雛形（フロントマターと本文）']);
    assert.deepStrictEqual(inStandard('|', 'yaml').sorted.map((s) => s.snippet ?? false), [false, true, true, true]);
    // At the top level of a document that has content, inside a plan's sector list: no skeleton.
    assert.deepStrictEqual(inStandard(lines('kijun: standard', '|')).sorted.filter((s) => s.kind === 'snippet'), []);
    assert.deepStrictEqual(inStandard(lines('# メモ', '|')).rows, ['kijun | ']);
    assert.deepStrictEqual(inStandard(lines(...planHead, 'sectors:', '  - |')).sorted.filter((s) => s.kind === 'snippet'), []);
  });
});

describe('Japanese throughout: English names of data only for English readers', () => {
  it('a sector completed and hovered in Japanese shows its Japanese label and id, not its English name', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: t', 'sector: 金融', 'class: 3');
    const workspace = workspaceWith({ uri: 'file:///ws/s.yaml', text });
    const offset = text.indexOf('金融');
    const detail = (locale: Locale) => complete({ text, offset, format: 'yaml', locale, catalog: workspace.catalog('nisc-2008'), guidelineIds: () => [], standardIds: () => [] })
      .suggestions.find((s) => s.label === '金融')?.detail;
    assert.strictEqual(detail('ja'), 'finance');
    assert.strictEqual(detail('en'), 'finance — Financial Services');
    assert.match(hoverText(workspace, 'file:///ws/s.yaml', offset + 1, 'ja')!.markdown, /^\*\*金融\*\*\n\n`finance` · nisc-2008\n\n/);
    assert.match(hoverText(workspace, 'file:///ws/s.yaml', offset + 1, 'en')!.markdown, /^\*\*金融\*\* — Financial Services\n\n`finance` · nisc-2008\n\n/);
  });
});
