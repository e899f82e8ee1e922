import * as assert from 'assert';
import { parseDocument } from '../../server/src/core';
import { check, lines, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';
import { analyze, only } from './util';

const uri = 'file:///ws/std.yaml';
const mdUri = 'file:///ws/std.md';
const standard = (text: string) => ({ uri, text });
const markdown = (text: string) => ({ uri: mdUri, text });

/** The head of a finance standard of the test guideline, with a typo in the sector (line 5) to show later checks still run. */
const head = [
  'kijun: standard',
  'guideline: test-g',
  'id: std-1',
  'title: テスト基準',
  'sector: 金触',
  'class: 3',
  'clauses:',
];
const sectorTypo = {
  code: 'sector.unknown',
  range: '5:9-5:11',
  severity: 'error',
  message: 'Unknown sector "金触" in guideline test-g. Did you mean "金融"?',
};

describe('syntax: YAML errors', () => {
  it('syntax.misindented: a list item indented to no level is one finding on its line; the rest of the file is still checked', () => {
    const text = lines(
      ...head,
      '  - id: S-1',
      '    title: 責任者',
      '    covers: [A-1, A-2]',
      '   - id: S-2',
      '    title: 金融',
      '    covers: [B]',
      '  - {id: S-3, title: 継続, covers: [C]}',
    );
    const findings = analyze(standard(text), [testGuideline]).findings;
    // Read as the author meant (S-2 an entry of the list): no cascade, and nothing uncovered.
    assert.deepStrictEqual(only(['syntax.', 'sector.unknown', 'coverage.', 'schema.'], findings, text), [
      sectorTypo,
      {
        code: 'syntax.misindented',
        range: '11:4-11:13',
        severity: 'error',
        message: 'The line "- id: S-2" is indented by 3 spaces, which lines up with no line above it, so YAML cannot tell what it belongs to. Indent it by 2 spaces, like the list entries above it.',
      },
    ]);
    assert.deepStrictEqual(only(['syntax.misindented'], findings, text, 'ja')[0].message,
      '行「- id: S-2」の字下げ（半角スペース 3 個）は上のどの行とも揃っていないため、YAML では何に属するかを読み取れません。上のリストの要素と同じく、半角スペース 2 個で字下げしてください。');
  });

  it('syntax.yaml: a line the parser cannot place is reported in words; no message claims a missing quote or bracket', () => {
    const text = lines(...head, '  - id: S-1', '    title: 責任者', '    covers: [A-1, A-2]', '    本文', '  - {id: S-3, title: 継続, covers: [C]}');
    const findings = analyze(standard(text), [testGuideline]).findings;
    assert.deepStrictEqual(only(['syntax.'], findings, text), [{
      code: 'syntax.yaml',
      range: '11:5-11:7',
      severity: 'error',
      message: 'YAML syntax error: a line here must be a key followed by a colon and a space ("key: value") or a list entry ("- value").',
    }]);
    assert.deepStrictEqual(only(['syntax.'], findings, text, 'ja').map((f) => f.message),
      ['YAML の構文エラー: この行は「キー: 値」（コロンの後に空白）またはリストの要素（「- 値」）の形で記載してください。']);
  });

  it('syntax.unclosed-bracket: an unclosed bracket is reported at the opening bracket, and the clauses after it are still read', () => {
    const text = lines(
      ...head,
      '  - id: S-1',
      '    title: 責任者',
      '    covers: [A-1, A-2',
      '  - {id: S-2, title: 金融, covers: [B]}',
      '  - {id: S-3, title: 継続, covers: [C]}',
    );
    const analysis = analyze(standard(text), [testGuideline]);
    assert.deepStrictEqual(only(['syntax.', 'sector.unknown'], analysis.findings, text), [
      sectorTypo,
      {
        code: 'syntax.unclosed-bracket',
        range: '10:13-10:14',
        severity: 'error',
        message: 'This "[" is never closed: type "]" after "A-2", where it ends.',
      },
    ]);
    assert.strictEqual(only(['syntax.'], analysis.findings, text, 'ja')[0].message, 'この「[」が閉じられていません。終わりの「A-2」の後に「]」を入力してください。');
    // S-1's list is recovered and S-2, S-3 are read: nothing is left uncovered.
    assert.deepStrictEqual(only(['coverage.'], analysis.findings, text), []);
    const clauses = analysis.model?.kind === 'standard' ? analysis.model.clauses.map((c) => c.id?.value) : [];
    assert.deepStrictEqual(clauses, ['S-1', 'S-2', 'S-3']);
  });

  it('syntax.yaml: an unclosed quote is reported at the opening quote, not at the end of the file', () => {
    const text = lines(
      ...head,
      '  - id: S-1',
      '    title: "責任者',
      '    covers: [A-1, A-2]',
    );
    const findings = analyze(standard(text), [testGuideline]).findings;
    assert.deepStrictEqual(only(['syntax.', 'sector.unknown'], findings, text), [
      sectorTypo,
      {
        code: 'syntax.yaml',
        range: '9:12-9:13',
        severity: 'error',
        message: 'YAML syntax error: a closing quote or bracket is missing.',
      },
    ]);
    assert.strictEqual(only(['syntax.yaml'], findings, text, 'ja')[0].message, 'YAML の構文エラー: 閉じ引用符または閉じ括弧がありません。');
  });

  it('syntax.tab-indent: a tab used for indentation', () => {
    const text = lines(
      'kijun: standard',
      'guideline: test-g',
      'id: std-1',
      'title: テスト基準',
      'sector: 金融',
      'class: 3',
      'clauses:',
      '\t- {id: S-1, title: 責任者, covers: [A-1, A-2]}',
    );
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', (f) => f.code.startsWith('syntax')), [{
      code: 'syntax.tab-indent',
      range: '8:1-8:2',
      severity: 'error',
      message: 'YAML cannot be indented with tabs: indent this line with spaces instead.',
    }]);
    assert.strictEqual(check(standard(text), [testGuideline], 'ja', (f) => f.code.startsWith('syntax'))[0].message,
      'YAML のインデントにタブは使えません。この行を半角スペースで字下げしてください。');
  });

  it('syntax.yaml: a key without its colon says so (it used to claim a missing quote or bracket)', () => {
    const text = completeStandard() + lines('exclusions');
    const syntax = (locale: 'en' | 'ja') => check(standard(text), [testGuideline], locale, (f) => f.code === 'syntax.yaml');
    assert.deepStrictEqual(syntax('en'), [{
      code: 'syntax.yaml',
      range: '18:1-18:11',
      severity: 'error',
      message: 'YAML syntax error: a line here must be a key followed by a colon and a space ("key: value") or a list entry ("- value").',
    }]);
    assert.deepStrictEqual(syntax('ja').map((f) => f.message), ['YAML の構文エラー: この行は「キー: 値」（コロンの後に空白）またはリストの要素（「- 値」）の形で記載してください。']);
  });

  it('syntax.yaml: a second document in the file', () => {
    const text = completeStandard() + lines('---', 'kijun: standard');
    const shown = check(standard(text), [testGuideline], 'en', (f) => f.code.startsWith('syntax'));
    assert.deepStrictEqual(shown.map((f) => [f.code, f.range.split('-')[0], f.message]), [
      ['syntax.yaml', '18:1', 'YAML syntax error: a file holds one document; remove the extra "---".'],
    ]);
  });

  it('syntax.duplicate-key: names the key and marks the whole second occurrence', () => {
    const text = completeStandard().replace('title: テスト基準\n', 'title: テスト基準\ntitle: 別名\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.duplicate-key',
      range: '5:1-5:6',
      severity: 'error',
      message: 'The key "title" appears twice in the same mapping.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja')[0].message, '同じマッピングの中でキー「title」が重複しています。');
  });

  it('syntax.duplicate-key: inside a clause', () => {
    const text = completeStandard().replace('    covers: [B]\n', '    covers: [B]\n    covers: [A-1]\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.duplicate-key',
      range: '14:5-14:11',
      severity: 'error',
      message: 'The key "covers" appears twice in the same mapping.',
    }]);
  });

  it('syntax.duplicate-key: in Markdown front matter, at document offsets', () => {
    const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'id: std-2', 'title: x', 'sector: 金融', 'class: 3', '---');
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'en', (f) => f.code.startsWith('syntax')), [{
      code: 'syntax.duplicate-key',
      range: '5:1-5:3',
      severity: 'error',
      message: 'The key "id" appears twice in the same mapping.',
    }]);
  });
});

describe('syntax: document kind', () => {
  it('document.unknown-kind: suggests the closest kind, with a replacement, and checks nothing else', () => {
    const text = completeStandard().replace('kijun: standard', 'kijun: standrd');
    const workspace = workspaceWith(standard(text), testGuideline);
    const findings = workspace.analyze(uri).findings;
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'document.unknown-kind',
      range: '1:8-1:15',
      severity: 'error',
      message: 'Unknown document kind "standrd": use guideline, standard or action-plan (or review, in the review records Kijun writes). Did you mean "standard"?',
    }]);
    assert.deepStrictEqual(findings[0].replacement, { span: { start: 7, end: 14 }, newText: 'standard' });
    assert.strictEqual(
      check(standard(text), [testGuideline], 'ja')[0].message,
      '文書の種類「standrd」は不明です。guideline・standard・action-plan のいずれかを指定してください（Kijun が書き出す確認記録では review）。「standard」の誤りではありませんか。',
    );
  });

  it('document.unknown-kind: no suggestion when nothing is close', () => {
    const text = lines('kijun: manual', 'id: x');
    assert.deepStrictEqual(check(standard(text)), [{
      code: 'document.unknown-kind',
      range: '1:8-1:14',
      severity: 'error',
      message: 'Unknown document kind "manual": use guideline, standard or action-plan (or review, in the review records Kijun writes).',
    }]);
    assert.strictEqual(workspaceWith(standard(text)).analyze(uri).findings[0].replacement, undefined);
  });

  it('document.unknown-kind: in Markdown front matter', () => {
    const text = lines('---', 'title: x', 'kijun: guidline', '---', '# 見出し');
    assert.deepStrictEqual(check(markdown(text)), [{
      code: 'document.unknown-kind',
      range: '3:8-3:16',
      severity: 'error',
      message: 'Unknown document kind "guidline": use guideline, standard or action-plan (or review, in the review records Kijun writes). Did you mean "guideline"?',
    }]);
  });
});

describe('syntax: files that are not Kijun documents', () => {
  it('a YAML file without a top-level kijun key is left alone, even with syntax errors', () => {
    for (const text of [
      lines('title: 議事録', 'items: [a, b'),
      lines('meta:', '  kijun: standard', 'title: kijun'),
      lines('- kijun: standard'),
      '',
    ]) {
      const workspace = workspaceWith();
      workspace.set(uri, text, 'yaml');
      assert.strictEqual(workspace.isKijun(uri), false, text);
      assert.deepStrictEqual(workspace.analyze(uri), { uri, isKijun: false, findings: [] }, text);
      assert.strictEqual(parseDocument(text, 'yaml').isKijun, false, text);
    }
  });

  it('a Markdown file without front matter is ignored, even when it looks like a standard', () => {
    const text = lines('# kijun: standard', '', '## S-1 責任者', 'covers: A-1', '', '```yaml', 'kijun: standard', '```');
    const workspace = workspaceWith();
    workspace.set(mdUri, text, 'markdown');
    assert.strictEqual(workspace.isKijun(mdUri), false);
    assert.deepStrictEqual(workspace.analyze(mdUri), { uri: mdUri, isKijun: false, findings: [] });
  });

  it('a Markdown file whose front matter has no kijun key is ignored', () => {
    const text = lines('---', 'title: ブログ記事', 'tags: [kijun]', '---', '## 1.1 はじめに', 'covers: G-I');
    assert.deepStrictEqual(workspaceWith(markdown(text)).analyze(mdUri), { uri: mdUri, isKijun: false, findings: [] });
  });
});

describe('syntax: Markdown front matter', () => {
  it('syntax.front-matter: an unterminated front matter is reported on its opening fence; its YAML is still checked', () => {
    const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'sector: 金触', '', '# 見出し');
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'en', (f) => !f.code.startsWith('coverage')), [
      { code: 'syntax.front-matter', range: '1:1-1:4', severity: 'error', message: 'The front matter starting here is never closed with a "---" line.' },
      { code: 'schema.required', range: '2:1-2:6', severity: 'error', message: 'Missing required key "title".' },
      { code: 'schema.required', range: '2:1-2:6', severity: 'error', message: 'Missing required key "class".' },
      { code: 'sector.unknown', range: '5:9-5:11', severity: 'error', message: 'Unknown sector "金触" in guideline test-g. Did you mean "金融"?' },
    ]);
    assert.strictEqual(
      check(markdown(text), [testGuideline], 'ja', (f) => f.code === 'syntax.front-matter')[0].message,
      'ここから始まるフロントマターが「---」の行で閉じられていません。',
    );
  });

  it('front matter closed with "..." or with CRLF line ends is accepted', () => {
    const dots = lines('---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'title: x', 'sector: 金融', 'class: 3', '...', '## S-1 全部', 'covers: A-1, A-2, B, C');
    assert.deepStrictEqual(check(markdown(dots), [testGuideline]), []);
    const crlf = dots.replace('...', '---').replace(/\n/g, '\r\n');
    assert.deepStrictEqual(check(markdown(crlf), [testGuideline]), []);
  });

  it('syntax.unclosed-bracket: an unclosed brace inside front matter is located in the whole document, at the brace', () => {
    const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'title: x', 'sector: 金融', 'class: 3', 'exclusions:', '  - {item: A-2, reason: なし', '---', '## S-1 全部', 'covers: A-1, B, C');
    // The flow mapping opened on line 9 is never closed: the finding points at its opening brace.
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'en', (f) => f.code.startsWith('syntax')), [{
      code: 'syntax.unclosed-bracket',
      range: '9:5-9:6',
      severity: 'error',
      message: 'This "{" is never closed: type "}" after "なし", where it ends.',
    }]);
    const fix = workspaceWith(markdown(text), testGuideline).analyze(mdUri).findings.find((f) => f.code === 'syntax.unclosed-bracket')?.replacement;
    assert.deepStrictEqual(fix, { span: { start: text.indexOf('なし') + 2, end: text.indexOf('なし') + 2 }, newText: '}', title: { key: 'action.insert', args: { text: '}' } } });
  });
});
