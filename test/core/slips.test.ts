import * as assert from 'assert';
import { Finding } from '../../server/src/core';
import { check, lines, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/**
 * Typing slips Japanese authors make in YAML. Each used to give a cascade of unrelated errors (or
 * none, and lost content); each now gives one finding on the offending characters, saying what to
 * type instead, with a quick fix, and the rest of the document is read as the author meant.
 */
const uri = 'file:///ws/std.yaml';
const standard = (text: string) => ({ uri, text });

function findings(text: string): Finding[] {
  return workspaceWith(standard(text), testGuideline).analyze(uri).findings;
}

/** The text after applying a finding's replacement, as the quick fix does. */
function fixed(text: string, finding: Finding): string {
  const r = finding.replacement!;
  return text.slice(0, r.span.start) + r.newText + text.slice(r.span.end);
}

describe('typing slips: a full-width colon after a key', () => {
  it('syntax.full-width-colon: "title：…" is one finding on the colon (it used to be two unrelated errors), and the title is read', () => {
    const text = completeStandard().replace('title: テスト基準', 'title：テスト基準');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.full-width-colon',
      range: '4:6-4:7',
      severity: 'error',
      message: 'The full-width colon "：" after "title" does not end a key in YAML: type a half-width colon and a space (": ") instead.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '「title」の後の全角のコロン「：」は YAML ではキーの区切りになりません。半角のコロンと空白（「: 」）を入力してください。',
    ]);
    const [slip] = findings(text);
    assert.deepStrictEqual(slip.replacement, { span: { start: text.indexOf('：'), end: text.indexOf('：') + 1 }, newText: ': ' });
    assert.strictEqual(fixed(text, slip), completeStandard());
  });

  it('inside a clause, and before a space: the fix is the colon alone; a word the schema does not know counts where the parser fails', () => {
    const text = completeStandard().replace('    title: 責任者', '    title ： 責任者').replace('    title: 金融', '    titel：金融');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      {
        code: 'syntax.full-width-colon',
        range: '9:11-9:12',
        severity: 'error',
        message: 'The full-width colon "：" after "title" does not end a key in YAML: type a half-width colon and a space (": ") instead.',
      },
      { code: 'schema.required', range: '11:5-11:12', severity: 'error', message: 'Missing required key "title" in clause S-2.' },
      { code: 'schema.unknown-key', range: '12:5-12:10', severity: 'error', message: 'Unknown key "titel" in clause S-2. Did you mean "title"?' },
      {
        code: 'syntax.full-width-colon',
        range: '12:10-12:11',
        severity: 'error',
        message: 'The full-width colon "：" after "titel" does not end a key in YAML: type a half-width colon and a space (": ") instead.',
      },
    ]);
    assert.deepStrictEqual(findings(text).filter((f) => f.code === 'syntax.full-width-colon').map((f) => f.replacement?.newText), [':', ': ']);
  });

  it('a full-width colon in a value, in a block scalar or in a continued line is Japanese prose, not a slip', () => {
    const text = completeStandard([
      '  - id: S-4',
      '    title: 注意：重要',
      '    text: |',
      '      title：本文の一行',
      '      covers：これも本文',
      '  - id: S-5',
      '    title: 複数行の',
      '      text：続き',
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline]), []);
    const clauses = workspaceWith(standard(text), testGuideline).analyze(uri).model;
    assert.deepStrictEqual(clauses?.kind === 'standard' ? clauses.clauses.slice(3).map((c) => c.title?.value) : [], ['注意：重要', '複数行の text：続き']);
  });
});

describe('typing slips: indentation with U+3000 or tabs', () => {
  it('syntax.ideographic-space-indent: two ideographic spaces before a clause key are read as the four columns they show (it used to be three errors)', () => {
    const text = completeStandard().replace('    title: 責任者', '\u3000\u3000title: 責任者');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.ideographic-space-indent',
      range: '9:1-9:3',
      severity: 'error',
      message: 'YAML cannot be indented with full-width spaces (U+3000): indent this line with half-width spaces instead.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      'YAML のインデントに全角スペースは使えません。この行を半角スペースで字下げしてください。',
    ]);
    const [slip] = findings(text);
    assert.deepStrictEqual(slip.replacement, { span: { start: text.indexOf('\u3000'), end: text.indexOf('\u3000') + 2 }, newText: '    ', title: { key: 'action.indent-with-spaces', args: {} } });
    assert.strictEqual(fixed(text, slip), completeStandard());
  });

  it('four ideographic spaces where four columns are meant: the parser saw a top-level key and said nothing of the clause', () => {
    const text = completeStandard().replace('    covers: [A-1, A-2]', '\u3000\u3000\u3000\u3000covers: [A-1, A-2]');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.ideographic-space-indent',
      range: '10:1-10:5',
      severity: 'error',
      message: 'YAML cannot be indented with full-width spaces (U+3000): indent this line with half-width spaces instead.',
    }]);
    assert.strictEqual(fixed(text, findings(text)[0]), completeStandard());
  });

  it('an ideographic space indenting a paragraph inside a block scalar is text, not a slip', () => {
    const text = completeStandard(['    text: |', '      \u3000本文は全角スペースで字下げする。', '      \u3000二段落目。']);
    assert.deepStrictEqual(check(standard(text), [testGuideline]), []);
  });

  it('syntax.tab-indent: a clause indented with tabs is one finding for its three lines (it used to be six errors, one a false duplicate key)', () => {
    const text = completeStandard().replace('  - id: S-2\n    title: 金融\n    covers: [B]\n', '\t- id: S-2\n\t  title: 金融\n\t  covers: [B]\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.tab-indent',
      range: '11:1-13:2',
      severity: 'error',
      message: 'YAML cannot be indented with tabs: indent these 3 lines with spaces instead.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      'YAML のインデントにタブは使えません。これらの 3 行を半角スペースで字下げしてください。',
    ]);
    const [slip] = findings(text);
    assert.deepStrictEqual(slip.replacement?.newText, '  - id: S-2\n    title: 金融\n    ');
    assert.strictEqual(fixed(text, slip), completeStandard());
  });

  it('a tab where the sibling key stands four columns in is read as four columns', () => {
    const text = completeStandard().replace('    title: 責任者\n    covers: [A-1, A-2]', '\ttitle: 責任者\n\tcovers: [A-1, A-2]');
    assert.deepStrictEqual(check(standard(text), [testGuideline]).map((f) => `${f.code} ${f.range}`), ['syntax.tab-indent 9:1-10:2']);
    assert.strictEqual(fixed(text, findings(text)[0]), completeStandard());
  });
});

describe('typing slips: a flow list left open', () => {
  it('syntax.unclosed-bracket: one finding at the "[" (it used to be six errors), and the clause after it is read', () => {
    const text = completeStandard().replace('    covers: [A-1, A-2]', '    covers: [A-1, A-2');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.unclosed-bracket',
      range: '10:13-10:14',
      severity: 'error',
      message: 'This "[" is never closed: type "]" after "A-2", where it ends.',
    }]);
    const [slip] = findings(text);
    const end = text.indexOf('A-2') + 3;
    assert.deepStrictEqual(slip.replacement, { span: { start: end, end }, newText: ']', title: { key: 'action.insert', args: { text: ']' } } });
    assert.strictEqual(fixed(text, slip), completeStandard());
  });

  it('a list inside an open mapping needs both closers, in order; a list running over lines ends where its last line ends', () => {
    const nested = completeStandard().replace('  - id: S-3\n    title: 継続\n    covers: [C]\n', '  - {id: S-3, title: 継続, covers: [C\n');
    assert.deepStrictEqual(check(standard(nested), [testGuideline]), [{
      code: 'syntax.unclosed-bracket',
      range: '15:34-15:35',
      severity: 'error',
      message: 'This "[" is never closed: type "]}" after "[C", where it ends.',
    }]);
    assert.deepStrictEqual(check(standard(nested), [testGuideline], 'ja').map((f) => f.message), ['この「[」が閉じられていません。終わりの「[C」の後に「]}」を入力してください。']);
    const multiLine = completeStandard().replace('    covers: [A-1, A-2]', '    covers: [A-1,\n      A-2').replace('  - id: S-2', '  - id: S-2');
    const slip = findings(multiLine)[0];
    assert.deepStrictEqual([slip.code, fixed(multiLine, slip)], ['syntax.unclosed-bracket', completeStandard().replace('    covers: [A-1, A-2]', '    covers: [A-1,\n      A-2]')]);
  });

  it('a closed flow list over several lines is no slip', () => {
    const text = completeStandard().replace('    covers: [A-1, A-2]', '    covers: [A-1,\n      A-2]');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), []);
  });
});

describe('typing slips: a line indented to no level', () => {
  const head = ['kijun: standard', 'guideline: test-g', 'id: std-1', 'title: テスト基準', 'sector: 金融', 'class: 3', 'clauses:'];
  const clean = lines(...head, '  - id: B-4.1', '    title: 責任者', '    covers: [A-1, A-2]', '  - id: B-4.2', '    title: 金融', '    covers: [B]', '  - id: B-4.3', '    title: 継続', '    covers: [C]');

  it('syntax.misindented: a clause one space off is one finding naming the line, not a list dumped as a key', () => {
    const text = clean.replace('  - id: B-4.2', ' - id: B-4.2');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.misindented',
      range: '11:2-11:13',
      severity: 'error',
      message: 'The line "- id: B-4.2" is indented by 1 space, which lines up with no line above it, so YAML cannot tell what it belongs to. Indent it by 2 spaces, like the list entries above it.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '行「- id: B-4.2」の字下げ（半角スペース 1 個）は上のどの行とも揃っていないため、YAML では何に属するかを読み取れません。上のリストの要素と同じく、半角スペース 2 個で字下げしてください。',
    ]);
    const [slip] = findings(text);
    assert.deepStrictEqual(slip.replacement, { span: { start: text.indexOf(' - id: B-4.2'), end: text.indexOf(' - id: B-4.2') + 1 }, newText: '  ', title: { key: 'action.reindent', args: { column: 2 } } });
    assert.strictEqual(fixed(text, slip), clean);
  });

  it('a whole clause shifted together moves together: one finding for its three lines, and the next clause is left alone', () => {
    const text = clean.replace('  - id: B-4.2\n    title: 金融\n    covers: [B]', '   - id: B-4.2\n     title: 金融\n     covers: [B]');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'syntax.misindented',
      range: '11:4-11:15',
      severity: 'error',
      message: 'The line "- id: B-4.2" is indented by 3 spaces, which lines up with no line above it, so YAML cannot tell what it belongs to. Indent it by 2 spaces, like the list entries above it. The 2 lines below it, which belong to it, move with it.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '行「- id: B-4.2」の字下げ（半角スペース 3 個）は上のどの行とも揃っていないため、YAML では何に属するかを読み取れません。上のリストの要素と同じく、半角スペース 2 個で字下げしてください。この行に属する下の 2 行も一緒に字下げします。',
    ]);
    assert.strictEqual(fixed(text, findings(text)[0]), clean);
  });

  it('a key between two levels goes to the deeper one; a key only the top level has goes to the top level', () => {
    const covers = clean.replace('    covers: [B]', '   covers: [B]');
    assert.deepStrictEqual(check(standard(covers), [testGuideline]), [{
      code: 'syntax.misindented',
      range: '13:4-13:15',
      severity: 'error',
      message: 'The line "covers: [B]" is indented by 3 spaces, which lines up with no line above it, so YAML cannot tell what it belongs to. Indent it by 4 spaces, like the keys above it.',
    }]);
    assert.strictEqual(fixed(covers, findings(covers)[0]), clean);

    const withExclusions = `${clean}exclusions:\n  - item: A-2\n    reason: 参考事項のため\n`;
    const exclusions = withExclusions.replace('exclusions:', ' exclusions:');
    assert.deepStrictEqual(check(standard(exclusions), [testGuideline]).map((f) => `${f.code} ${f.range} ${f.message}`), [
      'syntax.misindented 17:2-17:13 The line "exclusions:" is indented by 1 space, which lines up with no line above it, so YAML cannot tell what it belongs to. Start it at the beginning of the line, like the document\'s top-level keys.',
      'exclusion.covered 18:11-18:14 A-2 is excluded, but clause B-4.1 covers it; remove the exclusion or the clause\'s reference.',
    ]);
    assert.deepStrictEqual(check(standard(exclusions), [testGuideline], 'ja')[0].message,
      '行「exclusions:」の字下げ（半角スペース 1 個）は上のどの行とも揃っていないため、YAML では何に属するかを読み取れません。文書の最上位のキーと同じく、行頭から記載してください。');
    assert.strictEqual(fixed(exclusions, findings(exclusions)[0]), withExclusions);
  });

  it('a list entry under an open key lines up with the key (a compact list) when it falls short of the entries', () => {
    const text = lines(...head, '  - id: B-4.1', '    title: 責任者', '    covers:', '   - A-1', '    - A-2', '  - {id: B-4.2, title: 金融, covers: [B]}', '  - {id: B-4.3, title: 継続, covers: [C]}');
    assert.deepStrictEqual(check(standard(text), [testGuideline]).map((f) => `${f.code} ${f.range} ${f.message}`), [
      'syntax.misindented 11:4-11:9 The line "- A-1" is indented by 3 spaces, which lines up with no line above it, so YAML cannot tell what it belongs to. Indent it by 4 spaces, like the list entries above it.',
    ]);
    assert.strictEqual(fixed(text, findings(text)[0]), text.replace('   - A-1', '    - A-1'));
  });

  it('the key of a list read as a key is named by its first line as written', () => {
    const text = lines('kijun: standard', 'guideline: test-g', 'id: std-1', 'title: テスト基準', 'sector: 金融', 'class: 3', '? [a, b]', ': 1', 'clauses:', '  - {id: S-1, title: 責任者, covers: [A-1, A-2, B, C]}');
    assert.deepStrictEqual(check(standard(text), [testGuideline]).map((f) => `${f.code} ${f.message}`), ['schema.unknown-key Unknown key "[a, b]".']);
  });

  it('lines inside a block scalar, a plain value continued on the next line and a valid document are never slips', () => {
    const prose = lines(...head, '  - id: B-4.1', '    title: 責任者', '    covers: [A-1, A-2, B, C]', '    text: |', '      本文: 字下げした段落', '         さらに字下げ', '  - id: B-4.2', '    title: 長い表題の', '      続き', '    covers: [B]');
    assert.deepStrictEqual(check(standard(prose), [testGuideline]), []);
    assert.deepStrictEqual(check(standard(clean), [testGuideline]), []);
  });
});
