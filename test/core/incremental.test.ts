import * as assert from 'assert';
import { coverageRows, DocumentAnalysis, LineIndex, Workspace } from '../../server/src/core';
import { CHUNKING_THRESHOLD } from '../../server/src/core/parsing/chunks';
import { child, ScalarNode, SeqNode } from '../../server/src/core/parsing/tree';
import { readRepoFile, show } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';
import { prng } from './util';

/**
 * The differential test of the incremental path (chunks.ts, lineage.ts, LineIndex.afterChange): a
 * workspace that follows a long standard through hundreds of random edits must, after each of them,
 * say exactly what a fresh workspace says about the same text.
 */

const uri = 'file:///ws/long.yaml';

/** A long standard of the test guideline: clauses covering real and unknown items, a duplicate id, an exclusion. */
function longStandard(clauses: number): string {
  const [head] = completeStandard().split('\nclauses:\n');
  const body = Array.from({ length: clauses }, (_, i) => {
    const covers = ['A-1', 'A-2', 'B', 'C', 'Z-9'][i % 5];
    const id = i === 40 ? 'S-7' : `S-${i + 1}`;
    return `  - id: ${id}\n    title: 条項${i + 1}\n    covers: [${covers}]\n    threats: [intentional]\n    text: |\n      本文${i + 1}。\n`;
  }).join('');
  return `${head}\nclauses:\n${body}exclusions:\n  - item: C\n    reason: 対象外\n`;
}

/** Everything an analysis says, in a form two analyses can be compared in. */
function summary(analysis: DocumentAnalysis, text: string): unknown {
  return {
    findings: analysis.findings.map((f) => ({ ...show(f, text), replacement: f.replacement && { ...f.replacement.span, newText: f.replacement.newText } })),
    coverage: analysis.coverage && coverageRows(analysis.coverage, 'en'),
    clauses: analysis.model?.kind === 'standard' ? analysis.model.clauses.map((c) => [c.id?.value, c.span.start, c.span.end, c.covers.map((r) => r.span.start)]) : [],
  };
}

/** What a fresh workspace holding these YAML documents (URI and text) says about the one at `of`, as `summary`. */
function freshSummary(documents: string[][], of: string): unknown {
  const fresh = new Workspace();
  for (const [u, t] of documents) fresh.set(u, t, 'yaml');
  return summary(fresh.analyze(of), documents.find(([u]) => u === of)![1]);
}

function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));
}

const pieces = ['案', 'a', ' ', ':', '-', '[', ']', ',', '#', '\n', '\n  - id: S-900\n    title: 追加\n', '&x ', '*x', '\t', '\r\n', 'B', '  '];

/** A random edit: typing, deleting, a new clause at a line start, a line removed or repeated. */
function randomEdit(text: string, random: () => number): { start: number; end: number; insert: string } {
  const at = Math.floor(random() * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  const kind = random();
  if (kind < 0.4) return { start: at, end: at, insert: pieces[Math.floor(random() * pieces.length)] };
  if (kind < 0.7) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 4)), insert: '' };
  if (kind < 0.8) return { start: lineStart, end: lineStart, insert: `  - id: S-${Math.floor(random() * 500)}\n    title: 新\n    covers: [A-1]\n` };
  if (kind < 0.9) return { start: lineStart, end: lineEnd, insert: '' };
  return { start: lineStart, end: lineStart, insert: text.slice(lineStart, lineEnd) };
}

function run(seed: number, edits: number, compareEvery: number, tellChanges: boolean): number {
  const random = prng(seed);
  const workspace = new Workspace();
  workspace.set(testGuideline.uri, testGuideline.text, 'yaml');
  let text = longStandard(250);
  assert.ok(text.length > CHUNKING_THRESHOLD);
  workspace.set(uri, text, 'yaml', 1);
  let compared = 0;
  for (let i = 0; i < edits; i++) {
    const edit = randomEdit(text, random);
    text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
    const change = { start: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length };
    workspace.set(uri, text, 'yaml', i + 2, tellChanges ? change : undefined);
    // Versions analysed, and versions skipped (edits that arrive together): both must leave the next one right.
    const analysis = random() < 0.8 ? workspace.analyze(uri) : undefined;
    if (analysis && (i % compareEvery === 0 || i === edits - 1)) {
      assert.deepStrictEqual(summary(analysis, text), freshSummary([[testGuideline.uri, testGuideline.text], [uri, text]], uri), `seed ${seed}, after edit ${i + 1} (${JSON.stringify(edit)})`);
      assert.deepStrictEqual(lineStarts(workspace.lines(uri)!), lineStarts(new LineIndex(text)), `line index, seed ${seed}, edit ${i + 1}`);
      compared++;
    }
    // Now and then the text goes back to a clean long standard, so that edits keep reaching the fast path.
    if (i % 50 === 49) {
      text = longStandard(250 + (i % 7));
      workspace.set(uri, text, 'yaml', i + 2.5);
    }
  }
  return compared;
}

describe('incremental analysis equals a fresh analysis (differential)', () => {
  it('after each of 200 random edits told as changes (as the editor tells them)', function () {
    this.timeout(120_000);
    assert.ok(run(20250101, 200, 5, true) > 25);
  });

  it('after each of 200 random edits found by comparing the texts', function () {
    this.timeout(120_000);
    assert.ok(run(20250202, 200, 5, false) > 25);
  });

  it('an edit inside one clause of a long standard re-parses that clause and moves the rest', () => {
    const workspace = new Workspace();
    workspace.set(testGuideline.uri, testGuideline.text, 'yaml');
    const text = longStandard(300);
    workspace.set(uri, text, 'yaml', 1);
    const before = workspace.analyze(uri);
    const at = text.indexOf('title: 条項100\n') + 'title: 条項100'.length;
    const edited = `${text.slice(0, at)}案${text.slice(at)}`;
    workspace.set(uri, edited, 'yaml', 2, { start: at, oldEnd: at, newEnd: at + 1 });
    const after = workspace.analyze(uri);
    const clausesOf = (a: DocumentAnalysis) => (a.model?.kind === 'standard' ? a.model.clauses : []);
    // The clauses before the edit are the same objects, those after it too (moved by one), the edited one is new.
    const [old, now] = [clausesOf(before), clausesOf(after)];
    assert.strictEqual(now.length, 300);
    assert.deepStrictEqual(now.map((c, i) => c === old[i]), now.map((_, i) => i !== 99));
    assert.strictEqual(now[100].span.start, edited.indexOf('id: S-101\n'));
    assert.deepStrictEqual(summary(after, edited), freshSummary([[testGuideline.uri, testGuideline.text], [uri, edited]], uri));
  });

  it('an edit told as a change that brings in a lone CR, or a NUL, is seen (the next version does not search the text for them)', () => {
    const workspace = new Workspace();
    workspace.set(testGuideline.uri, testGuideline.text, 'yaml');
    let text = longStandard(300);
    workspace.set(uri, text, 'yaml', 1);
    workspace.analyze(uri);
    const at = text.indexOf('title: 条項100\n') + 'title: 条項100'.length;
    const steps: [string, string[]][] = [
      ['案', []],
      // A lone CR ends the title's line: the rest of it ("\n" after it) leaves an empty line, nothing else changes.
      ['\r', []],
      ['\u0000', ['input.binary']],
    ];
    let version = 1;
    for (const [insert, codes] of steps) {
      text = `${text.slice(0, at)}${insert}${text.slice(at)}`;
      workspace.set(uri, text, 'yaml', ++version, { start: at, oldEnd: at, newEnd: at + insert.length });
      const analysis = workspace.analyze(uri);
      assert.deepStrictEqual(summary(analysis, text), freshSummary([[testGuideline.uri, testGuideline.text], [uri, text]], uri), JSON.stringify(insert));
      assert.deepStrictEqual([...new Set(analysis.findings.map((f) => f.code))].filter((c) => c.startsWith('input.')), codes);
    }
    // The NUL stands where the three were typed, before the CR and 案: line 603, after "    title: 条項100".
    assert.deepStrictEqual(workspace.analyze(uri).findings.map((f) => show(f, text)), [{
      code: 'input.binary',
      range: '603:17-603:18',
      severity: 'error',
      message: 'The file contains a NUL character, so it is not a text document; it was not checked.',
    }]);
  });

  it('a burst of 150 typed characters set without a check in between (as the server applies a burst) is parsed once, from the chunks of the version before it', () => {
    // The bundled nisc-2008 as a workspace document: 40,000 characters, its items cut into chunks.
    const guidelineUri = 'file:///ws/guidelines/nisc-2008.yaml';
    const text = readRepoFile('guidelines/nisc-2008.yaml');
    assert.ok(text.length > CHUNKING_THRESHOLD);
    const workspace = new Workspace();
    workspace.set(guidelineUri, text, 'yaml', 1);
    workspace.analyze(guidelineUri);
    const itemsOf = () => (child(workspace.parsed(guidelineUri)!.root, 'items') as SeqNode).items;
    const before = itemsOf();
    const secondSpan = before[1].span;
    const secondStart = text.indexOf('\n  - id: G-II\n') + '\n  - '.length;
    assert.strictEqual(secondSpan.start, secondStart);
    // Typed at the end of the first item's title (G-I, one of the three top-level items), one character per version, as an editor sends them.
    let edited = text;
    let at = text.indexOf('\n', text.indexOf('title: ', text.indexOf('\n  - id: G-I\n')));
    for (let n = 0; n < 150; n++) {
      edited = `${edited.slice(0, at)}案${edited.slice(at)}`;
      workspace.set(guidelineUri, edited, 'yaml', 2 + n, { start: at, oldEnd: at, newEnd: at + 1 });
      at++;
    }
    const after = workspace.analyze(guidelineUri);
    // Only the edited item was parsed again: every other item is the very node of version 1, moved in place.
    const now = itemsOf();
    assert.deepStrictEqual(now.map((item) => (child(item, 'id') as ScalarNode).value), ['G-I', 'G-II', 'G-III']);
    assert.deepStrictEqual(now.map((item, i) => item === before[i]), [false, true, true]);
    // Moved by setting its chunk's offset: the very span object of version 1 now reads the offsets of the last version.
    assert.strictEqual(now[1].span, secondSpan);
    assert.deepStrictEqual([secondSpan.start, edited.indexOf('\n  - id: G-II\n') + '\n  - '.length], [secondStart + 150, secondStart + 150]);
    assert.deepStrictEqual(summary(after, edited), freshSummary([[guidelineUri, edited]], guidelineUri));
    assert.ok(workspace.model(guidelineUri)?.kind === 'guideline' && workspace.catalog('nisc-2008')?.item('G-I')?.title?.value.endsWith('案'.repeat(150)));
  });
});

describe('a standard checked again after an edit of its guideline equals a fresh analysis', () => {
  // Each edit changes what some of the standards' names mean (or nothing they name): the findings carried over
  // from the previous catalog for the clauses none of whose names changed must be exactly a fresh check's.
  // The last column: how many findings of the finance standard name (in their arguments) the value shown, after the edit.
  const edits: [string, string, string, string, number][] = [
    ['an item id renamed (its clauses now name an unknown item)', '{id: B, label: Ⅱ', '{id: B2, label: Ⅱ', 'covers.unknown-item B', 50],
    ['renamed back', '{id: B2, label: Ⅱ', '{id: B, label: Ⅱ', 'covers.unknown-item B', 0],
    ['an item label changed', '{id: A-1, label: Ⅰ1,', '{id: A-1, label: Ⅰ一,', 'covers.not-applicable A-1', 0],
    ['an item moved to another sector', 'level: abstract, sectors: [finance]}', 'level: abstract, sectors: [medical]}', 'covers.not-applicable B', 50],
    ['a parent given a sector (its children follow it)', '    title-en: Organisation\n', '    title-en: Organisation\n    sectors: [medical]\n', 'covers.not-applicable A-1', 50],
    ['an item added that a clause named while unknown', '      - {id: C-1,', '      - {id: Z-9, label: Z, title: 追加, title-en: Added, obligation: reference, level: concrete}\n      - {id: C-1,', 'covers.unknown-item Z-9', 0],
    ['a threat renamed', '  - id: intentional\n', '  - id: intentional2\n', 'threat.unknown intentional', 250],
    ['prose only (no name changes meaning)', 'title: 体制', 'title: 体制の案', 'threat.unknown intentional', 250],
    ['the threat back', '  - id: intentional2\n', '  - id: intentional\n', 'threat.unknown intentional', 0],
  ];

  it('for each kind of guideline edit, in two sectors', () => {
    const finance = longStandard(250);
    const medical = finance.replace('sector: 金融', 'sector: 医療').replace('id: std-1', 'id: std-2');
    assert.notStrictEqual(medical, finance);
    const standards = [['file:///ws/finance.yaml', finance], ['file:///ws/medical.yaml', medical]];
    const workspace = new Workspace();
    let guideline = testGuideline.text;
    workspace.set(testGuideline.uri, guideline, 'yaml', 1);
    for (const [u, t] of standards) workspace.set(u, t, 'yaml', 1);
    for (const [u] of standards) workspace.analyze(u);
    const counted: number[] = [];
    edits.forEach(([what, from, to, shown], i) => {
      assert.ok(guideline.includes(from), what);
      guideline = guideline.replace(from, to);
      workspace.set(testGuideline.uri, guideline, 'yaml', i + 2);
      for (const [u, t] of standards) assert.deepStrictEqual(summary(workspace.analyze(u), t), freshSummary([[testGuideline.uri, guideline], ...standards], u), `${what}: ${u}`);
      const [code, value] = shown.split(' ');
      counted.push(workspace.analyze(standards[0][0]).findings.filter((f) => f.code === code && Object.values(f.args).includes(value)).length);
    });
    assert.deepStrictEqual(counted, edits.map((edit) => edit[4]));
  });
});
