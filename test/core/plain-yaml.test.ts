import * as assert from 'assert';
import fc from 'fast-check';
import { generateStandard, loadVocabulary } from '../../bench/generate';
import { Finding, parseDocument } from '../../server/src/core';
import { parseInChunks } from '../../server/src/core/parsing/chunks';
import { parseWhole } from '../../server/src/core/parsing/parse';
import { readPlainYaml } from '../../server/src/core/parsing/plainYaml';
import { TreeNode } from '../../server/src/core/parsing/tree';
import { readRepoFile, repoRoot } from '../helpers';

/**
 * The plain reader (`core/parsing/plainYaml.ts`) must give exactly the tree the `yaml` package gives
 * through `parseWhole` — or decline. These tests compare the two on generated chunks, on mutations of
 * them, and on every chunk of the example documents and of the bench's standards, and check that the
 * reader accepts the common shape (otherwise it saves nothing). The property tests run with fixed seeds;
 * PLAIN_RUNS and PLAIN_SEED run them longer or with another seed (`PLAIN_RUNS=40000 PLAIN_SEED=<n>`:
 * 40,000 generated and 80,000 mutated chunks for each of the seeds 1 to 20 found no disagreement).
 */

/** The `yaml` package's tree for a chunk, and whether it came with findings. */
function yamlTree(text: string): { tree?: TreeNode; findings: Finding[] } {
  const findings: Finding[] = [];
  const tree = parseWhole(text, 0, findings);
  return { tree, findings };
}

/** Whenever the plain reader gives a tree, it is the `yaml` package's, from a parse with no finding. Returns whether it read the text. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const reference = yamlTree(text);
  assert.deepStrictEqual(reference.findings, [], `the plain reader read a text the parser reports on: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(plain, reference.tree, `trees differ for ${JSON.stringify(text)}`);
  return true;
}

/** The chunk texts `parseInChunks` cuts a document into (a lead of comment lines makes a short example long enough to be cut). */
function chunksOf(text: string): string[] {
  const padded = text.length < 16 * 1024 ? `${'# padding so that the text is cut into chunks\n'.repeat(400)}${text}` : text;
  const chunks: string[] = [];
  parseInChunks(padded, 0, [], undefined, (chunk) => {
    chunks.push(chunk);
    return yamlTree(chunk);
  });
  return chunks;
}

// ---- A grammar of chunks close to the accepted shape -------------------------------------------------

const keys = ['id', 'title', 'covers', 'threats', 'text', 'class', 'note', 'a', 'b_c', 'x.y', 'k-1', '_k', 'Id', 'null', 'True', 'e', 'id'];
const plainWords = [
  'S-2.1', 'セキュリティ管理体制', 'abc def', 'G-II-1', 'intentional', '3', '-5', '+7', '010', '0x1F', '0o17', '1e3', '.5', '3.10', '.inf', '-.inf', '.nan',
  'null', 'Null', '~', 'true', 'False', 'TRUE', 'yes', '2008-03', '2008-03-01', '2008-03-01T10:00:00Z', 'a: b', 'a:b', 'a #b', 'a#b', 'http://x.example/a',
  '金融：概要', 'a, b', 'x [y] {z}', '案 ', 'ｋｉｊｕｎ', '全角　空白', '12345678901234567890', '0', '-0', '1_000', 'on', 'off', 'a\u3000',
  // Texts that start like a number: a letter, a space or a Japanese character makes them texts.
  '4つの柱 1', '3章 概要', '1. 目的', '2008年版', '-案', '.x案', '1e3 案', '0x1F案', '+1 (2)', '3.1 節', '1-2', '10:30',
];
const specialPieces = [
  '-', '?', ':', ',', '[', ']', '{', '}', '#', '&a', '*a', '!t', '|', '>', "'", '"', '%', '@', '`', '\t', ' ', '  ', '\n', '\n\n', ': ', ' #', '\\',
  '\r', '\r\n', '\u3000', '：', 'null', 'true', '2008-03-01', '0x1F', '1e3', '.5', '- ', '---', '...', '案', '\ufeff', '<<: ', '~', '0', '\u00a0',
];

const word = fc.oneof(
  fc.constantFrom(...plainWords),
  fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '9', '-', '.', ' ', '案', '条', 'の', '、', '。', '：', '_', '/', '(', ')'), minLength: 1, maxLength: 12 }),
);

type Value =
  | { kind: 'plain' | 'double' | 'single'; text: string }
  | { kind: 'flow'; items: string[] }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'map'; entries: [string, Value][] }
  | { kind: 'seq'; items: Value[] };

const { value: valueArb } = fc.letrec<{ value: Value; map: Value; seq: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('plain' as const), text: word }),
    fc.record({ kind: fc.constantFrom('double' as const, 'single' as const), text: fc.oneof(word, fc.constant(''), fc.constant("it's"), fc.constant('a\\nb')) }),
    fc.record({ kind: fc.constant('flow' as const), items: fc.array(word, { maxLength: 4 }) }),
    fc.record({
      kind: fc.constant('block' as const),
      header: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '| # c', '>1-'),
      lines: fc.array(fc.oneof(word, fc.constant(''), fc.constant('  more indented'), fc.constant('# not a comment')), { minLength: 0, maxLength: 5 }),
    }),
    tie('map'),
    tie('seq'),
  ),
  map: fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(fc.constantFrom(...keys), tie('value')), { minLength: 1, maxLength: 4 }) }),
  seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
}));

interface Style {
  /** Extra spaces after an inline value, a trailing comment, blank lines after an entry. */
  trailing: string;
  blank: string;
}
const styleArb = fc.record({ trailing: fc.constantFrom('', '', '', '  ', ' # note', '#x'), blank: fc.constantFrom('', '', '', '\n', '\n\n', '  \n', '# comment\n') });

/** Renders a value after `key:` (or `- `) at the given indentation; returns the text after the indicator. */
function renderValue(value: Value, indent: number, style: Style): string {
  const pad = ' '.repeat(indent);
  switch (value.kind) {
    case 'plain':
      return ` ${value.text}${style.trailing}\n`;
    case 'double':
      return ` "${value.text}"${style.trailing}\n`;
    case 'single':
      return ` '${value.text}'${style.trailing}\n`;
    case 'flow':
      return ` [${value.items.join(', ')}]${style.trailing}\n`;
    case 'block':
      return ` ${value.header}\n${value.lines.map((l) => (l === '' ? '\n' : `${pad}  ${l}\n`)).join('')}`;
    case 'map':
      return `\n${renderMap(value.entries, indent + 2, style)}`;
    case 'seq':
      return `\n${renderSeq(value.items, indent + 2, style)}`;
  }
}

function renderMap(entries: [string, Value][], indent: number, style: Style): string {
  return entries.map(([key, value]) => `${' '.repeat(indent)}${key}:${renderValue(value, indent, style)}${style.blank}`).join('');
}

function renderSeq(items: Value[], indent: number, style: Style): string {
  return items.map((item) => {
    const pad = ' '.repeat(indent);
    if (item.kind === 'map') {
      // A mapping inside a list element starts on the dash's line.
      const inner = renderMap(item.entries, indent + 2, style);
      return `${pad}- ${inner.slice(indent + 2)}${style.blank}`;
    }
    return `${pad}-${renderValue(item, indent, style)}${style.blank}`;
  }).join('');
}

/** What may follow a chunk's content: blank lines and comment lines at several depths (the comments before the next clause). */
const trailerArb = fc.constantFrom('', '', '\n', '# c\n', '  # c\n', '   # c\n', '    # c\n', '\n  # c\n\n', '      # c\n', '\n# c\n# d\n');

/** A chunk: a list element holding a mapping (a clause), or a top-level key's block. */
const chunkArb = fc.oneof(
  fc.tuple(fc.array(fc.tuple(fc.constantFrom(...keys), valueArb), { minLength: 1, maxLength: 6 }), styleArb, fc.constantFrom(0, 2), trailerArb)
    .map(([entries, style, indent, trailer]) => renderSeq([{ kind: 'map', entries }], indent, style) + trailer),
  fc.tuple(fc.constantFrom(...keys), valueArb, styleArb, trailerArb).map(([key, value, style, trailer]) => renderMap([[key, value]], 0, style) + trailer),
);

/** A clause chunk of the bench's shape, with values the reader reads (the base of most mutations). */
const cleanWord = fc.constantFrom('S-2.1', 'セキュリティ管理体制', 'G-II-1', 'G-II-1-1', 'intentional', 'abc def', '金融機関は、年に一回以上見直す。', 'x');
const clauseArb = fc.tuple(cleanWord, cleanWord, fc.array(cleanWord, { maxLength: 3 }), fc.constantFrom('|', '|-', '|+', '>', '>-'), fc.array(fc.oneof(cleanWord, fc.constant('')), { minLength: 1, maxLength: 4 }), trailerArb)
  .map(([id, title, covers, header, lines, trailer]) => `  - id: ${id}\n    title: ${title}\n    covers: [${covers.join(', ')}]\n    text: ${header}\n${lines.map((l) => (l ? `      ${l}\n` : '\n')).join('')}${trailer}`);

/** A chunk with random pieces inserted and spans deleted. */
const mutatedArb = fc.tuple(fc.oneof(chunkArb, clauseArb, clauseArb), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...specialPieces), word), fc.nat(3)), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let result = text;
    for (const [at, insert, remove] of edits) {
      const position = result.length === 0 ? 0 : at % (result.length + 1);
      result = result.slice(0, position) + insert + result.slice(position + remove);
    }
    return result;
  });

describe('the plain YAML reader', () => {
  it('gives the yaml package\'s tree, or declines, on generated chunks', () => {
    let read = 0;
    fc.assert(fc.property(chunkArb, (text) => {
      if (agrees(text)) read++;
    }), { numRuns: Number(process.env.PLAIN_RUNS ?? 3000), seed: Number(process.env.PLAIN_SEED ?? 1313) });
    // The grammar is close to the accepted shape: a good share must be read, or the test says little.
    assert.ok(read > 250, `read ${read} of 3000`);
  });

  it('gives the yaml package\'s tree, or declines, on mutated chunks', () => {
    const runs = Number(process.env.PLAIN_RUNS ?? 3000) * 2;
    let read = 0;
    fc.assert(fc.property(mutatedArb, (text) => {
      if (agrees(text)) read++;
    }), { numRuns: runs, seed: Number(process.env.PLAIN_SEED ?? 1313) + 1 });
    // Many mutations make a chunk unreadable; those that do not are where a wrong agreement would show.
    assert.ok(read > runs / 25, `read ${read} of ${runs}`);
  });

  it('reads every chunk of the bench\'s generated standards, exactly', () => {
    const vocabulary = loadVocabulary(repoRoot);
    for (const [clauses, seed] of [[1000, 42], [300, 7]]) {
      const chunks = chunksOf(generateStandard(clauses, vocabulary, { seed }).text);
      assert.ok(chunks.length > clauses, `${chunks.length} chunks`);
      const declined = chunks.filter((chunk) => !agrees(chunk));
      assert.deepStrictEqual(declined, []);
    }
  });

  it('a long standard parsed in chunks (through the plain reader) has the whole parse\'s tree, every span included', () => {
    const { text } = generateStandard(1000, loadVocabulary(repoRoot), { seed: 3 });
    const chunked = parseDocument(text, 'yaml');
    const whole = parseDocument(text, 'yaml', undefined, { chunking: false });
    assert.ok(chunked.chunks.size > 1000, `${chunked.chunks.size} chunks`);
    // A chunk's spans are ChunkSpans (relative to the chunk, read as document offsets): compared as the offsets they read.
    const offsets = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    assert.deepStrictEqual(offsets(chunked.root), offsets(whole.root));
    assert.deepStrictEqual(chunked.findings, whole.findings);
  });

  it('agrees on every chunk of the example documents and the bundled guidelines, and reads every chunk of the example standards', () => {
    const standards = ['examples/finance/fisc-anzen-taisaku.yaml', 'examples/migration/suido-joho-kitei.yaml', 'examples/with-mistakes/butsuryu-draft.yaml'];
    for (const file of standards) {
      const chunks = chunksOf(readRepoFile(file));
      assert.deepStrictEqual(chunks.filter((chunk) => !agrees(chunk)), [], file);
    }
    // Guidelines and action plans use flow mappings and comments inside their entries: only agreement is asked.
    for (const file of ['examples/action-plan/dai2ji-koudou-keikaku.yaml', 'guidelines/nisc-2007.yaml', 'guidelines/nisc-2008.yaml', 'guidelines/nisc-2024.yaml']) {
      for (const chunk of chunksOf(readRepoFile(file))) agrees(chunk);
    }
  });

  it('reads a clause chunk: kinds, values, spans and key spans', () => {
    const text = '  - id: S-2.1\n    title: セキュリティ管理体制\n    covers: [G-II-1, G-II-1-1]\n    threats: [intentional, unintentional]\n    text: |\n      役員の中から\n      障害時に\n\n';
    const scalar = (start: number, end: number, value: string) => ({ kind: 'scalar', span: { start, end }, value });
    assert.deepStrictEqual(readPlainYaml(text), {
      kind: 'seq', span: { start: 2, end: 145 }, items: [{
        kind: 'map', span: { start: 4, end: 145 }, entries: [
          { key: 'id', keySpan: { start: 4, end: 6 }, value: scalar(8, 13, 'S-2.1') },
          { key: 'title', keySpan: { start: 18, end: 23 }, value: scalar(25, 35, 'セキュリティ管理体制') },
          { key: 'covers', keySpan: { start: 40, end: 46 }, value: { kind: 'seq', span: { start: 48, end: 66 }, items: [scalar(49, 55, 'G-II-1'), scalar(57, 65, 'G-II-1-1')] } },
          { key: 'threats', keySpan: { start: 71, end: 78 }, value: { kind: 'seq', span: { start: 80, end: 108 }, items: [scalar(81, 92, 'intentional'), scalar(94, 107, 'unintentional')] } },
          // A clipped literal ends after its last line's break; the blank line after it is not part of it.
          { key: 'text', keySpan: { start: 113, end: 117 }, value: scalar(119, 145, '役員の中から\n障害時に\n') },
        ],
      }],
    });
    assert.ok(agrees(text));
  });

  it('reads top-level blocks: an integer keeps its text as written, a quoted date stays a text, a folded text is joined', () => {
    assert.deepStrictEqual(readPlainYaml('class: 3\n'), {
      kind: 'map', span: { start: 0, end: 9 }, entries: [{ key: 'class', keySpan: { start: 0, end: 5 }, value: { kind: 'scalar', span: { start: 7, end: 8 }, value: 3, raw: '3' } }],
    });
    assert.deepStrictEqual(readPlainYaml('published: "2008-03"\n'), {
      kind: 'map', span: { start: 0, end: 21 }, entries: [{ key: 'published', keySpan: { start: 0, end: 9 }, value: { kind: 'scalar', span: { start: 11, end: 20 }, value: '2008-03' } }],
    });
    // The comment before the next top-level key belongs to this block's chunk; it changes no span.
    const folded = 'description: >-\n  金融機関等の業界標準。\n  運用の対策を定める。\n\n  二段落目。\n\n# 条項\n';
    assert.deepStrictEqual(readPlainYaml(folded), {
      kind: 'map', span: { start: 0, end: 52 }, entries: [{
        key: 'description', keySpan: { start: 0, end: 11 },
        value: { kind: 'scalar', span: { start: 13, end: 52 }, value: '金融機関等の業界標準。 運用の対策を定める。\n二段落目。' },
      }],
    });
    for (const text of ['class: 3\n', 'published: "2008-03"\n', folded]) assert.ok(agrees(text));
  });

  it('reads a list under a key, a single-quoted text with a comment after it, and kept trailing lines', () => {
    const text = "exclusions:\n  - item: G-II-4-3\n    reason: '対象外'  # 理由\n    note: |+\n      末尾\n\n";
    assert.deepStrictEqual(readPlainYaml(text), {
      kind: 'map', span: { start: 0, end: 78 }, entries: [{
        key: 'exclusions', keySpan: { start: 0, end: 10 },
        value: {
          kind: 'seq', span: { start: 14, end: 78 }, items: [{
            kind: 'map', span: { start: 16, end: 78 }, entries: [
              { key: 'item', keySpan: { start: 16, end: 20 }, value: { kind: 'scalar', span: { start: 22, end: 30 }, value: 'G-II-4-3' } },
              { key: 'reason', keySpan: { start: 35, end: 41 }, value: { kind: 'scalar', span: { start: 43, end: 48 }, value: '対象外' } },
              // `|+` keeps the blank line after its text: in its value and in its span.
              { key: 'note', keySpan: { start: 59, end: 63 }, value: { kind: 'scalar', span: { start: 65, end: 78 }, value: '末尾\n\n' } },
            ],
          }],
        },
      }],
    });
    assert.ok(agrees(text));
  });

  it('reads a text that starts with a digit but holds a letter, a space or a Japanese character (a guideline\'s 「4つの柱」) as a text', () => {
    assert.deepStrictEqual(readPlainYaml('title: 4つの柱 1\nlabel: 3章\n'), {
      kind: 'map', span: { start: 0, end: 24 }, entries: [
        { key: 'title', keySpan: { start: 0, end: 5 }, value: { kind: 'scalar', span: { start: 7, end: 13 }, value: '4つの柱 1' } },
        { key: 'label', keySpan: { start: 14, end: 19 }, value: { kind: 'scalar', span: { start: 21, end: 23 }, value: '3章' } },
      ],
    });
    // Letters, digits, dots, signs and underscores only: a number form is possible, and the parser decides.
    assert.strictEqual(readPlainYaml('label: 1-2\n'), undefined);
  });

  it('declines what it does not read exactly, which the yaml package then parses', () => {
    const declined: [string, string][] = [
      ['a number other than a decimal integer', 'class: 3.10\n'],
      ['a hexadecimal number', 'class: 0x1F\n'],
      ['a date written plain (a text in YAML 1.2, but left to the parser)', 'published: 2008-03-01\n'],
      ['an anchor', '  - id: &a S-1\n'],
      ['an alias', '  - id: *a\n'],
      ['a tag', 'class: !!str 3\n'],
      ['a plain text over two lines', '  - title: 一行目\n      二行目\n'],
      ['a quoted text over two lines', '  - title: "一行目\n      二行目"\n'],
      ['an escape in double quotes', 'title: "a\\tb"\n'],
      ['a doubled single quote', "title: 'it''s'\n"],
      ['a colon and space inside a plain text', 'title: 基準: 概要\n'],
      ['a flow mapping', '  - {id: S-1}\n'],
      ['a nested flow list', 'covers: [[a], b]\n'],
      ['a quoted key', '"id": S-1\n'],
      ['a repeated key', '  - id: S-1\n    id: S-2\n'],
      ['a key with nothing after it', '  - id: S-1\n    title:\n'],
      ['an indentation indicator', 'text: |2\n   本文\n'],
      ['a more-indented line in a folded text', 'text: >\n  本文\n    字下げ\n'],
      ['a tab', '  - id:\tS-1\n'],
      ['a CR', '  - id: S-1\r\n'],
      ['U+3000 in the indentation', '  - id: S-1\n\u3000\u3000title: 条項\n'],
      ['a full-width colon after a key', '  - id: S-1\n    title：条項\n'],
      ['a comment line inside the chunk', '  - id: S-1\n    # 注記\n    title: 条項\n'],
      ['a comment deeper than the chunk after it', '  - id: S-1\n      # 注記\n'],
      ['a line indented to no level', '  - id: S-1\n   title: 条項\n'],
      ['a document marker', '---\nid: S-1\n'],
      ['a byte order mark', '\ufeffkijun: standard\n'],
    ];
    for (const [why, text] of declined) assert.strictEqual(readPlainYaml(text), undefined, why);
  });
});
