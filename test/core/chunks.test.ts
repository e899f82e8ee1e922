import * as assert from 'assert';
import { parseDocument } from '../../server/src/core';
import { CHUNKING_THRESHOLD } from '../../server/src/core/parsing/chunks';
import { toPlain } from '../../server/src/core/parsing/tree';
import { readRepoFile } from '../helpers';

/** A long standard: the finance example's header and many generated clauses, some of them wrong. */
function longStandard(clauses: number, mistakes: Record<number, string> = {}): string {
  const header = readRepoFile('examples/finance/fisc-anzen-taisaku.yaml').split('\nclauses:\n')[0];
  let text = `${header}\nclauses:\n`;
  for (let i = 1; i <= clauses; i++) {
    text += mistakes[i] ?? `  - id: S-${i}\n    title: 条項${i}\n    covers: [G-II-1-1]\n    threats: [intentional]\n    text: |\n      本文${i}。\n\n      二段落目。\n`;
  }
  return `${text}exclusions:\n  - item: G-II-4-3\n    reason: 制御系システムを保有しないため\n`;
}

const mistakes = {
  10: '  - id: S-10\n    titel: 誤記\n    covers: [G-II-1-1]\n',
  40: '  - id: S-40\n    title: 重複\n    title: 重複\n',
  50: '  - id: S-10\n    title: 同じID\n    covers: [G-Z]\n',
};

function summary(text: string, chunking: boolean) {
  const parsed = parseDocument(text, 'yaml', undefined, { chunking });
  return {
    findings: parsed.findings.map((f) => `${f.code} ${f.span.start}-${f.span.end} ${JSON.stringify(f.args)}`),
    plain: parsed.root ? toPlain(parsed.root) : undefined,
    chunks: parsed.chunks.size,
  };
}

describe('incremental (chunked) parsing', () => {
  it('gives the same tree and findings as parsing the whole text', () => {
    for (const text of [longStandard(300), longStandard(300, mistakes)]) {
      assert.ok(text.length > CHUNKING_THRESHOLD);
      const chunked = summary(text, true);
      const whole = summary(text, false);
      assert.ok(chunked.chunks > 300, `chunks: ${chunked.chunks}`);
      assert.strictEqual(whole.chunks, 0);
      assert.deepStrictEqual(chunked.plain, whole.plain);
      assert.deepStrictEqual(chunked.findings, whole.findings);
    }
  });

  it('keeps an unclosed quote inside its clause: same finding, and the clauses after it are still read', () => {
    const text = longStandard(300, { 20: '  - id: S-20\n    title: "閉じていない\n    covers: [G-II-1-1]\n' });
    const chunked = summary(text, true);
    const whole = summary(text, false);
    assert.deepStrictEqual(chunked.findings, whole.findings);
    const clauses = (chunked.plain as { clauses: { id: string }[] }).clauses;
    assert.strictEqual(clauses.length, 300);
    assert.strictEqual((whole.plain as { clauses: unknown[] }).clauses.length, 20);
  });

  it('gives the same findings and tree as the whole parse for typing slips, each one finding', () => {
    const cases: [string, string, number][] = [
      ['full-width colon', longStandard(300, { 20: '  - id: S-20\n    title：条項20\n    covers: [G-II-1-1]\n' }), 1],
      ['open list', longStandard(300, { 20: '  - id: S-20\n    title: 条項20\n    covers: [G-II-1-1\n' }), 1],
      ['U+3000 at the start of a line', longStandard(300, { 20: '  - id: S-20\n\u3000\u3000title: 条項20\n' }), 1],
      ['U+3000 after spaces', longStandard(300, { 20: '  - id: S-20\n  \u3000title: 条項20\n' }), 1],
      ['tabs', longStandard(300, { 20: '\t- id: S-20\n\t  title: 条項20\n' }), 1],
      ['U+3000 and "：" in a block scalar (no slip)', longStandard(300, { 20: '  - id: S-20\n    title: 条項20\n    text: |\n      \u3000本文：説明。\n' }), 0],
    ];
    for (const [name, text, count] of cases) {
      const chunked = summary(text, true);
      const whole = summary(text, false);
      assert.deepStrictEqual(chunked.findings, whole.findings, name);
      assert.deepStrictEqual(chunked.plain, whole.plain, name);
      assert.strictEqual(whole.findings.length, count, `${name}: ${whole.findings.join('; ')}`);
    }
  });

  it('re-parses only the chunk an edit touches', () => {
    const text = longStandard(500);
    const first = parseDocument(text, 'yaml');
    const edited = text.replace('title: 条項250\n', 'title: 条項二五〇\n');
    const second = parseDocument(edited, 'yaml', first.chunks);
    const reused = [...second.chunks.values()].filter((chunk) => [...first.chunks.values()].includes(chunk));
    assert.strictEqual(second.chunks.size - reused.length, 1);
    const clauses = (toPlain(second.root!) as { clauses: { title: string }[] }).clauses;
    assert.strictEqual(clauses[249].title, '条項二五〇');
    assert.strictEqual(clauses.length, 500);
  });

  it('falls back to the whole-text parser where a chunk does not parse as one list element', () => {
    const text = longStandard(300, { 30: '  - id: S-30\n    title: 字下げ\n   本文\n' });
    const chunked = summary(text, true);
    assert.strictEqual(chunked.chunks, 0);
    assert.deepStrictEqual(chunked, summary(text, false));
    assert.strictEqual(chunked.findings.length, 1);
  });

  it('a misindented key inside one clause is the same single finding in its chunk as in the whole text', () => {
    const text = longStandard(300, { 30: '  - id: S-30\n    title: 字下げ\n   covers: [G-II-1-1]\n' });
    const chunked = summary(text, true);
    assert.ok(chunked.chunks > 300, `chunks: ${chunked.chunks}`);
    const whole = summary(text, false);
    assert.deepStrictEqual(chunked.findings, whole.findings);
    assert.deepStrictEqual(chunked.plain, whole.plain);
    assert.deepStrictEqual(chunked.findings.map((f) => f.split(' ')[0]), ['syntax.misindented']);
  });

  it('falls back to the whole-text parser for anchors, aliases, several documents and a top-level merge key', () => {
    const base = longStandard(300);
    for (const text of [
      base.replace('title: 条項5\n', 'title: &t 条項5\n').replace('title: 条項6\n', 'title: *t\n'),
      `${base}---\nkijun: standard\n`,
      // A merge key at the top level brings entries into the root, which the chunks cannot see.
      `<<: {publisher: 統合}\n${base}`,
    ]) {
      assert.strictEqual(parseDocument(text, 'yaml').chunks.size, 0);
    }
  });
});

describe('incremental parsing of long Markdown front matter', () => {
  it('clauses from headings are added to a fresh list: versions sharing chunks do not accumulate them', () => {
    const exclusions = Array.from({ length: 800 }, (_, i) => `  - {item: X-${i}, reason: 理由${i}}`).join('\n');
    const text = `---\nkijun: standard\nguideline: nisc-2008\nclauses: [{id: F-1, title: 前付け}, {id: F-2, title: 前付け2}]\nexclusions:\n${exclusions}\n---\n## S-1 見出し\ncovers: G-I\n`;
    let parsed = parseDocument(text, 'markdown');
    assert.ok(parsed.chunks.size > 0);
    for (let i = 0; i < 3; i++) {
      parsed = parseDocument(text.replace('見出し', `見出し${i}`), 'markdown', parsed.chunks);
      const clauses = (toPlain(parsed.root!) as { clauses: { id: string }[] }).clauses.map((c) => c.id);
      assert.deepStrictEqual(clauses, ['F-1', 'F-2', 'S-1']);
    }
  });
});
