import * as assert from 'assert';
import { addClauseEdit, cursorContext, LineIndex, parseDocument, schemas } from '../../server/src/core';
import { clauseHeadingParts } from '../../server/src/core/parsing/clauseId';
import { markdownStructure } from '../../server/src/core/parsing/markdownBlocks';
import { check, lines, workspaceWith } from '../helpers';
import { testGuideline } from '../fixtures';
import { clausesOf, frontMatter, markdown, mdUri } from './markdownUtil';

/** Issue 8 §2: the Markdown body read by a CommonMark parser (markdown-it), each case with exact codes, ranges and messages. */

const body = (...content: string[]) => lines(...frontMatter(), ...content);
const ids = (text: string) => clausesOf(text).map((c) => c.id);

describe('Markdown blocks as CommonMark reads them', () => {
  it('a paragraph that starts with a code span in triple backticks is no fence: the clauses after it are read', () => {
    const text = body('## S-1 手順', 'covers: A-1', '', '```kijun check``` を実行する。', '', '## S-2 続き', 'covers: A-2, B, C');
    assert.deepStrictEqual(clausesOf(text), [
      { id: 'S-1@9:4-9:7', title: '手順@9:8-9:10', covers: ['A-1@10:9-10:12'], threats: [] },
      { id: 'S-2@14:4-14:7', title: '続き@14:8-14:10', covers: ['A-2@15:9-15:12', 'B@15:14-15:15', 'C@15:17-15:18'], threats: [] },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('fences: a longer fence holds a shorter one, a tilde fence holds backticks, an indented ``` is code, an unclosed fence runs to the end', () => {
    const text = body(
      '````markdown', '```', '## S-1 例', '```', '````',
      '~~~', '```', '## S-2 例', '~~~',
      '', '    ```', '## S-3 本物', 'covers: A-1, A-2, B, C',
      '```', '## S-4 閉じていない囲みの中',
    );
    assert.deepStrictEqual(ids(text), ['S-3@20:4-20:7']);
    assert.deepStrictEqual(parseDocument(text, 'markdown').markdownOpenAtEnd, '```');
  });

  it('setext headings are clauses: a title underlined with "---" is level 2, with "===" level 1', () => {
    const text = body('S-1 責任者', '---', 'covers: A-1, A-2', '', '第2条　金融', '====', '対応指針: B, C');
    assert.deepStrictEqual(clausesOf(text), [
      { id: 'S-1@9:1-9:4', title: '責任者@9:5-9:8', covers: ['A-1@11:9-11:12', 'A-2@11:14-11:17'], threats: [] },
      { id: '第2条@13:1-13:4', title: '金融@13:5-13:7', covers: ['B@15:7-15:8', 'C@15:10-15:11'], threats: [] },
    ]);
    assert.deepStrictEqual(parseDocument(text, 'markdown').markdownClauses.map((c) => c.level), [2, 1]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('headings in a block quote or a list item are quoted or listed text, not clauses; key lines there are reported', () => {
    const text = body('> ## S-1 引用された条項', '> covers: A-1', '', '- ## S-2 箇条書きの中', '', '## S-3 本物', 'covers: A-1, A-2, B, C');
    assert.deepStrictEqual(ids(text), ['S-3@14:4-14:7']);
    const quote = 'This "covers:" line is not read: Markdown reads it as part of a block quote (">"), which is quoted text. Write it without ">", directly under the clause heading, with a blank line after any quote.';
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [
      { code: 'markdown.unattached-key', range: '10:3-10:9', severity: 'warning', message: quote },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), [
      'この「covers:」の行は読み取られません。Markdown では引用（「>」）の一部として扱われます。「>」を付けずに条項の見出しの直下に記載してください（引用の直後に書く場合は空行を挟んでください）。',
    ]);
  });

  it('HTML comments: a heading inside one is no clause, a key line inside one is neither read nor reported', () => {
    const text = body('<!--', '## S-1 旧条項', 'covers: A-1', '-->', '## S-2 現行', '<!-- covers: B -->', 'covers: A-1, A-2, B, C');
    assert.deepStrictEqual(clausesOf(text), [
      { id: 'S-2@13:4-13:7', title: '現行@13:8-13:10', covers: ['A-1@15:9-15:12', 'A-2@15:14-15:17', 'B@15:19-15:20', 'C@15:22-15:23'], threats: [] },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });
});

describe('Markdown clause headings as standards write them', () => {
  it('ids followed by a colon, a full stop, or in bold; full-width ids; article numbers; FISC-style ids', () => {
    const text = body(
      '## S-1: 目的', '## S-2．目的', '## **S-4** 太字', '### **S-5 全部太字**', '## ＳＢ－１ 全角', '## 第1条 目的', '## 第十二条　漢数字',
      '## 第3条の2（定義）', '## 運1 運用', '## 技12 技術', '## 1.2 Heading', '## 1. 総則',
    );
    assert.deepStrictEqual(clausesOf(text).map((c) => `${c.id} ${c.title}`), [
      'S-1@9:4-9:7 目的@9:9-9:11',
      'S-2@10:4-10:7 目的@10:8-10:10',
      'S-4@11:6-11:9 太字@11:12-11:14',
      'S-5@12:7-12:10 全部太字@12:11-12:15',
      'ＳＢ－１@13:4-13:8 全角@13:9-13:11',
      '第1条@14:4-14:7 目的@14:8-14:10',
      '第十二条@15:4-15:8 漢数字@15:9-15:12',
      '第3条の2@16:4-16:9 （定義）@16:9-16:13',
      '運1@17:4-17:6 運用@17:7-17:9',
      '技12@18:4-18:7 技術@18:8-18:10',
      '1.2@19:4-19:7 Heading@19:8-19:15',
      '1@20:4-20:5 総則@20:7-20:9',
    ]);
  });

  it('headings that do not begin with a clause id are not clauses', () => {
    const text = body('## 第1章 総則', '## S-1.1目的', '## 2024年度 改訂', '## Overview', '## S-x 数字がない', '## **S-6 閉じていない太字');
    assert.deepStrictEqual(ids(text), []);
    for (const heading of ['第1章 総則', 'S-1.1目的', '2024年度 改訂', 'Overview', '図 1']) assert.strictEqual(clauseHeadingParts(heading), undefined, heading);
  });

  it('clause ids are kept as written and compared after NFKC: ＳＢ－１ and SB-1 are the same id', () => {
    const text = body('## ＳＢ－１ 全角', 'covers: A-1, A-2', '## SB-1 半角', 'covers: B, C');
    assert.deepStrictEqual(ids(text), ['ＳＢ－１@9:4-9:8', 'SB-1@11:4-11:8']);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [
      { code: 'clause.duplicate-id', range: '11:4-11:8', severity: 'error', message: 'Clause id "SB-1" is used more than once (first at line 9).' },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), ['条項 ID「SB-1」が重複しています（最初の定義は 9 行目）。']);
  });

  it('a setext heading without a title is asked for one in the heading, without a "#" marker', () => {
    const text = body('S-1', '---', 'covers: A-1, A-2, B, C');
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [
      { code: 'schema.required', range: '9:1-9:4', severity: 'error', message: 'Missing required key "title" in clause S-1. Write the title after the id in the heading: "S-1 Title".' },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), [
      '条項 S-1 に必須のキー「title」がありません。見出しの ID の後に表題を記載してください（「S-1 表題」）。',
    ]);
  });

  it('the YAML clause id accepts the same forms as a heading: the schema pattern agrees with the heading reader', () => {
    const pattern = new RegExp((schemas.standard as { definitions: { clauseId: { pattern: string } } }).definitions.clauseId.pattern, 'u');
    const headingIds = ['S-1.1', '3.2.1', '1.2', 'ＳＢ－１', 'Ａ１．２', '運1', '技12', '設1-2', '第1条', '第十二条', '第3条の2', 'v2'];
    for (const id of headingIds) {
      const parts = clauseHeadingParts(`${id} 見出し`);
      assert.strictEqual(parts && `${id} 見出し`.slice(parts.id.start, parts.id.end), id, `heading ${id}`);
      assert.ok(pattern.test(id), `schema ${id}`);
    }
    for (const id of ['S 1', '第1章', '-1', '目的']) assert.ok(!pattern.test(id), `schema rejects ${id}`);
    const yaml = lines('kijun: standard', 'guideline: test-g', 'id: std-1', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
      '  - {id: 運1, title: 運用, covers: [A-1]}', '  - {id: 第3条の2, title: 定義, covers: [A-2]}', '  - {id: ＳＢ－１, title: 全角, covers: [B, C]}');
    assert.deepStrictEqual(check({ uri: 'file:///ws/std.yaml', text: yaml }, [testGuideline]), []);
  });
});

describe('Markdown key lines: nothing dropped without a word', () => {
  const all = 'covers: A-1, A-2, B, C';

  it('key lines are read past an HTML comment under the heading, and past a misspelt key (which is reported)', () => {
    const text = body('## S-1 責任者', '<!-- 注記 -->', 'threat: intentional', 'covers: A-1, A-2, B, C');
    assert.deepStrictEqual(clausesOf(text), [
      { id: 'S-1@9:4-9:7', title: '責任者@9:8-9:11', covers: ['A-1@12:9-12:12', 'A-2@12:14-12:17', 'B@12:19-12:20', 'C@12:22-12:23'], threats: [] },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [
      { code: 'markdown.unknown-key', range: '11:1-11:7', severity: 'warning', message: '"threat" is not a clause key, so this line is read as prose. Did you mean "threats"?' },
    ]);
  });

  it('list items and keys in emphasis directly under the heading are read', () => {
    const text = body('## S-1 責任者', '- covers: A-1, A-2', '- 脅威: 意図的要因', '', '**対応指針**: B', '**threats:** disaster', '* covers: C');
    assert.deepStrictEqual(clausesOf(text), [{
      id: 'S-1@9:4-9:7',
      title: '責任者@9:8-9:11',
      covers: ['A-1@10:11-10:14', 'A-2@10:16-10:19', 'B@13:11-13:12', 'C@15:11-15:12'],
      threats: ['意図的要因@11:7-11:12', 'disaster@14:14-14:22'],
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('values go on below a key line that ends with a separator, and in the list items below an empty key line', () => {
    const text = body('## S-1 責任者', 'covers: A-1,', '  A-2、', '  B', 'threats:', '- intentional', '- disaster', 'covers: C', '', '本文。');
    assert.deepStrictEqual(clausesOf(text), [{
      id: 'S-1@9:4-9:7',
      title: '責任者@9:8-9:11',
      covers: ['A-1@10:9-10:12', 'A-2@11:3-11:6', 'B@12:3-12:4', 'C@16:9-16:10'],
      threats: ['intentional@14:3-14:14', 'disaster@15:3-15:11'],
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('markdown.unattached-key: a key line after prose', () => {
    const text = body('## S-1 責任者', all, '責任者を置く。', 'threats: intentional');
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [{
      code: 'markdown.unattached-key', range: '12:1-12:8', severity: 'warning',
      message: 'This "threats:" line is not read: it follows prose in clause S-1, and only the lines directly under a clause heading are read. Move it up, directly under the heading.',
    }]);
  });

  it('markdown.unattached-key: a key line under a heading that is no clause, and before the first heading', () => {
    const text = body('対応指針: A-1', '## 第1章 総則', '- covers: A-2', '## S-1 全部', all);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [
      {
        code: 'markdown.unattached-key', range: '9:1-9:5', severity: 'warning',
        message: 'This "対応指針:" line is not read: it comes before the first heading, so it belongs to no clause. Move it directly under the heading of its clause.',
      },
      {
        code: 'markdown.unattached-key', range: '11:3-11:9', severity: 'warning',
        message: 'This "covers:" line is not read: the heading above it, "第1章 総則", is not a clause heading (one that begins with a clause id such as S-1, 3.2, 運1 or 第1条). Begin that heading with the clause id, or move this line under a clause heading.',
      },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), [
      'この「対応指針:」の行は読み取られません。最初の見出しより前にあるため、どの条項にも属しません。対応する条項の見出しの直下に移してください。',
      'この「covers:」の行は読み取られません。直前の見出し「第1章 総則」は条項の見出し（S-1、3.2、運1、第1条 のような条項 ID で始まる見出し）ではありません。見出しを条項 ID で始めるか、この行を条項の見出しの下に移してください。',
    ]);
  });

  it('markdown.unattached-key: key lines that a "---" below them turns into a heading', () => {
    const text = body('## S-1 全部', all, 'threats: intentional', '---', '本文。');
    assert.deepStrictEqual(ids(text), ['S-1@9:4-9:7']);
    const message = (key: string) => `This "${key}:" line is not read: the "---" or "===" line right below it makes Markdown read it as a heading. Leave a blank line before that line.`;
    const markdownOnly = (f: { code: string }) => f.code.startsWith('markdown.');
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'en', markdownOnly), [
      { code: 'markdown.unattached-key', range: '10:1-10:7', severity: 'warning', message: message('covers') },
      { code: 'markdown.unattached-key', range: '11:1-11:8', severity: 'warning', message: message('threats') },
    ]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja', markdownOnly).map((f) => f.message), [
      'この「covers:」の行は読み取られません。直後の「---」または「===」の行により、Markdown では見出しとして扱われます。その行の前に空行を入れてください。',
      'この「threats:」の行は読み取られません。直後の「---」または「===」の行により、Markdown では見出しとして扱われます。その行の前に空行を入れてください。',
    ]);
  });

  it('markdown.unattached-key: a key line indented into a code block under the heading', () => {
    const text = body('## S-1 全部', '', '    covers: A-1, A-2, B, C');
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'en', (f) => f.code.startsWith('markdown.')), [{
      code: 'markdown.unattached-key', range: '11:5-11:11', severity: 'warning',
      message: 'This "covers:" line is not read: it is indented by four spaces or more, so Markdown reads it as code. Remove the indentation.',
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja', (f) => f.code.startsWith('markdown.')).map((f) => f.message), [
      'この「covers:」の行は読み取られません。4 文字以上字下げされているため、Markdown ではコードとして扱われます。字下げを削除してください。',
    ]);
  });

  it('a line that looks like a misspelt key is prose after prose; among the key lines it is reported', () => {
    assert.deepStrictEqual(check(markdown(body('## S-1 全部', all, '', '本文。', 'cover: 本文の一部')), [testGuideline]), []);
    assert.deepStrictEqual(check(markdown(body('## S-1 全部', all, '', 'cover: A-1')), [testGuideline]), [
      { code: 'markdown.unknown-key', range: '12:1-12:6', severity: 'warning', message: '"cover" is not a clause key, so this line is read as prose. Did you mean "covers"?' },
    ]);
  });
});

describe('Markdown key line values', () => {
  it('"covers: [A, B]" is read as a list, also across lines; values may stand in backticks; a comment on the line is no value', () => {
    const text = body('## S-1 全部', 'covers: [A-1, `A-2`]', 'covers: B <!-- 金融のみ -->', 'threats: [intentional,', '  disaster]', 'covers: [C]');
    assert.deepStrictEqual(clausesOf(text), [{
      id: 'S-1@9:4-9:7',
      title: '全部@9:8-9:10',
      covers: ['A-1@10:10-10:13', 'A-2@10:16-10:19', 'B@11:9-11:10', 'C@14:10-14:11'],
      threats: ['intentional@12:11-12:22', 'disaster@13:3-13:11'],
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('threats split on commas only: a bundled threat label that contains 「、」 is one threat on a Markdown line', () => {
    const label = '大規模な操作・設定ミス、プログラム上の欠陥（バグ）、メンテナンス不備が予想される社会環境変化や制度改正';
    const text = lines('---', 'kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: t', 'sector: 金融', 'class: 3', '---', '## S-1 社会環境', `脅威: ${label}，災害や疾病によるIT障害への脅威`);
    assert.deepStrictEqual(clausesOf(text)[0].threats, [`${label}@10:5-10:56`, '災害や疾病によるIT障害への脅威@10:57-10:73']);
    assert.deepStrictEqual(check(markdown(text), [], 'en', (f) => f.code.startsWith('threat.')), []);
  });

  it('threat.ideographic-comma: threats joined by 「、」 on a Markdown line, with a fix that separates them with commas', () => {
    const text = body('## S-1 全部', 'covers: A-1, A-2, B, C', '脅威: 意図的要因、災害、intentional.dos');
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [{
      code: 'threat.ideographic-comma', range: '11:5-11:29', severity: 'error',
      message: '"意図的要因、災害、intentional.dos" is several threats of guideline test-g joined by "、". Separate threats with commas: "意図的要因, 災害, intentional.dos". "、" does not separate threats, because threat labels may contain it.',
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), [
      '「意図的要因、災害、intentional.dos」は指針 test-g の複数の脅威を「、」でつないだものです。脅威はカンマで区切ってください（「意図的要因, 災害, intentional.dos」）。脅威の名称には「、」を含むものがあるため、「、」では区切りません。',
    ]);
    const found = workspaceWith(markdown(text), testGuideline).analyze(mdUri).findings.find((f) => f.code === 'threat.ideographic-comma');
    const start = text.indexOf('意図的要因、');
    assert.deepStrictEqual(found?.replacement, { span: { start, end: start + '意図的要因、災害、intentional.dos'.length }, newText: '意図的要因, 災害, intentional.dos' });
  });

  it('threat.ideographic-comma in YAML says to list the threats, and offers no fix; pieces that are not all threats stay threat.unknown', () => {
    const yaml = lines('kijun: standard', 'guideline: test-g', 'id: std-1', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
      '  - {id: S-1, title: t, covers: [A-1, A-2, B, C], threats: [意図的要因、災害, 災害、不明]}');
    const doc = { uri: 'file:///ws/std.yaml', text: yaml };
    assert.deepStrictEqual(check(doc, [testGuideline]), [
      {
        code: 'threat.ideographic-comma', range: '8:61-8:69', severity: 'error',
        message: '"意図的要因、災害" is several threats of guideline test-g joined by "、". List them as separate entries: [意図的要因, 災害]. "、" does not separate threats, because threat labels may contain it.',
      },
      { code: 'threat.unknown', range: '8:71-8:76', severity: 'error', message: 'Unknown threat "災害、不明" in guideline test-g.' },
    ]);
    assert.deepStrictEqual(check(doc, [testGuideline], 'ja').map((f) => f.message)[0],
      '「意図的要因、災害」は指針 test-g の複数の脅威を「、」でつないだものです。脅威はリストの別々の要素として記載してください（[意図的要因, 災害]）。脅威の名称には「、」を含むものがあるため、「、」では区切りません。');
    assert.strictEqual(workspaceWith(doc, testGuideline).analyze(doc.uri).findings[0].replacement, undefined);
  });
});

describe('Markdown front matter in TOML', () => {
  it('markdown.front-matter-toml: "+++" front matter that names a Kijun kind is reported; other TOML front matter is not ours', () => {
    const text = lines('+++', 'kijun = "standard"', 'guideline = "test-g"', '+++', '## S-1 責任者', 'covers: A-1');
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), [{
      code: 'markdown.front-matter-toml', range: '1:1-1:4', severity: 'error',
      message: 'This front matter is TOML ("+++"); Kijun reads YAML front matter only, so the document is not checked. Put the header between "---" lines and write each key as "key: value", e.g. "kijun: standard".',
    }]);
    assert.deepStrictEqual(check(markdown(text), [testGuideline], 'ja').map((f) => f.message), [
      'このフロントマターは TOML（「+++」）です。Kijun が読むのは YAML のフロントマターだけのため、文書は検査されません。「---」の行で囲み、各キーを「kijun: standard」のように「キー: 値」の形で記載してください。',
    ]);
    const blog = lines('+++', 'title = "kijun について"', '+++', '本文');
    assert.deepStrictEqual(workspaceWith(markdown(blog)).analyze(mdUri), { uri: mdUri, isKijun: false, findings: [] });
  });
});

describe('Markdown editing: the cursor context and the clause quick fix', () => {
  const front = ['---', 'kijun: standard', 'guideline: test-g', '---'];
  const cursorAt = (text: string) => {
    const offset = text.indexOf('|');
    return { clean: text.slice(0, offset) + text.slice(offset + 1), offset };
  };

  it('a threats value may contain 「、」: only commas separate the values completion sees', () => {
    const { clean, offset } = cursorAt(lines(...front, '## S-1 目的', '脅威: 意図的要因、災|'));
    assert.deepStrictEqual(cursorContext(clean, offset, 'markdown'), {
      kind: 'value', path: ['clauses', '*'], key: 'threats', prefix: '意図的要因、災', start: offset - '意図的要因、災'.length, siblings: [],
    });
  });

  it('the clause quick fix closes a code fence or a comment left open at the end, and only a real one', () => {
    const fixed = (...content: string[]) => {
      const text = lines(...frontMatter(), '## S-1 責任者', 'covers: A-1, A-2, B', ...content);
      const workspace = workspaceWith(markdown(text), testGuideline);
      const edit = addClauseEdit(workspace, mdUri, 'C')!;
      return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    };
    const added = '## S-2 継続\ncovers: C\n\n（本文を記載）\n';
    assert.strictEqual(fixed('', '```yaml', 'a: 1'), lines(...frontMatter(), '## S-1 責任者', 'covers: A-1, A-2, B', '', '```yaml', 'a: 1', '```', '') + added);
    assert.strictEqual(fixed('<!-- 未完', '注記'), lines(...frontMatter(), '## S-1 責任者', 'covers: A-1, A-2, B', '<!-- 未完', '注記', '-->', '') + added);
    assert.strictEqual(fixed('', '```kijun check``` を実行する。'), lines(...frontMatter(), '## S-1 責任者', 'covers: A-1, A-2, B', '', '```kijun check``` を実行する。', '') + added);
    // The appended clause is read: the fix leaves nothing uncovered.
    const text = fixed('', '```yaml', 'a: 1');
    assert.deepStrictEqual(check(markdown(text), [testGuideline]), []);
  });

  it('the clause quick fix numbers the new clause after the last one: 第3条 is followed by 第4条', () => {
    const text = lines(...frontMatter(), '### 第3条 責任者', 'covers: A-1, A-2, B');
    const edit = addClauseEdit(workspaceWith(markdown(text), testGuideline), mdUri, 'C');
    assert.strictEqual(edit?.newText, '\n\n### 第4条 継続\ncovers: C\n\n（本文を記載）\n');
  });
});

describe('Markdown body parsed in sections', () => {
  const structure = (body: string, sections: boolean) => {
    const index = new LineIndex(body);
    const lines = { lineAt: (offset: number) => index.positionAt(offset).line, text: (line: number) => body.slice(index.lineStart(line), index.lineEnd(line)) };
    return markdownStructure(body, lines, { sections });
  };

  it('gives the blocks of a whole parse, where fences and HTML blocks hold "#" lines or run into the next heading', () => {
    const bodies = [
      lines('## S-1 a', 'covers: A', '```sh', '# コメント', '## S-2 囲みの中', '```', '## S-3 c'),
      lines('```', '# 1', '# 2', '# 3', '# 4', '# 5', 'open to the end'),
      lines('<div>', '## S-1 HTML ブロックの中', '', '## S-2 後'),
      lines('</details>', '## S-1 HTML ブロックの中', '## S-2 これも'),
      lines('<!--', '# コメントの中', '-->', '## S-3 後'),
      lines('<script>', '# x', '</script>', '## S-4 後', '<?php', '# y', '?>', '## S-5 後', '<!DOCTYPE html', '# z', '>', '## S-6'),
      lines('> 引用', '# 見出しは引用を終える', '- 箇条書き', '# 見出しはリストを終える', '    コード', '# 後'),
      lines('S-1 setext', '---', '#ハッシュタグは見出しではない', '## S-2\r', 'covers: A'),
      '## 改行で終わらない',
    ];
    for (const text of bodies) assert.deepStrictEqual(structure(text, true), structure(text, false), text);
    assert.strictEqual(structure(bodies[1], true).openAtEnd, '```');
  });
});
