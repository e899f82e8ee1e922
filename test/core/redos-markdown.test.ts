import * as assert from 'assert';
import { Workspace } from '../../server/src/core';
import { lines, show } from '../helpers';
import { testGuideline } from '../fixtures';
import { timed } from './util';

/**
 * The Markdown reader on lines made to make a regex backtrack: runs of 100,000 spaces or fence characters
 * where a heading, a key line or a code fence is read. The old line scanner was quadratic on the first, fourth
 * and last of these; the clause-heading reader that came with the CommonMark parser took 19 s on the first
 * (its heading-text and setext-join regexes were quadratic; test/core/redos.test.ts finds such regexes in
 * general). The bound is a hang guard on a shared machine, not a speed target: a linear read of these inputs
 * takes well under a second. Each test also asserts what was read, and that nothing but coverage was said.
 */
const HANG_GUARD_MS = 5_000;
const RUN = 100_000;
const uri = 'file:///ws/md.md';

interface Read {
  clauses: { id?: string; title?: string; covers: string[] }[];
  /** Findings other than coverage: these clauses cover none of the test guideline's items, which is not the point. */
  findings: string[];
}

function readTimed(body: string): Read {
  const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', '---', body);
  const workspace = new Workspace();
  workspace.set(testGuideline.uri, testGuideline.text, 'yaml');
  const { result, ms } = timed(() => {
    workspace.set(uri, text, 'markdown');
    return workspace.analyze(uri);
  });
  assert.ok(ms < HANG_GUARD_MS, `analysis took ${ms} ms`);
  const clauses = result.model?.kind === 'standard' ? result.model.clauses : [];
  return {
    clauses: clauses.map((c) => ({ id: c.id?.value, title: c.title?.value, covers: c.covers.map((r) => r.value) })),
    findings: result.findings.filter((f) => !f.code.startsWith('coverage.')).map((f) => `${show(f, text).range} ${f.code}`),
  };
}

describe('Markdown reader on adversarial lines (no ReDoS)', function () {
  this.timeout(60_000);

  it('an ATX heading with a long run of spaces inside its text: the title keeps them', () => {
    assert.deepStrictEqual(readTimed(`## S-1 a${' '.repeat(RUN)}b`), {
      clauses: [{ id: 'S-1', title: `a${' '.repeat(RUN)}b`, covers: [] }],
      findings: [],
    });
  });

  it('an ATX heading ending in a long run of spaces, a closing run of "#" and more spaces: all cut from the title', () => {
    assert.deepStrictEqual(readTimed(`## S-1 目的${' '.repeat(RUN)}##${' '.repeat(RUN)}`), {
      clauses: [{ id: 'S-1', title: '目的', covers: [] }],
      findings: [],
    });
  });

  it('a setext heading with long runs of spaces around its line end: its lines are joined by one space', () => {
    assert.deepStrictEqual(readTimed(lines(`S-1 目的${' '.repeat(RUN)}`, `${' '.repeat(RUN)}続き`, '---')), {
      clauses: [{ id: 'S-1', title: '目的 続き', covers: [] }],
      findings: [],
    });
  });

  it('a covers: line of spaces ending in U+2028 covers nothing', () => {
    assert.deepStrictEqual(readTimed(lines('## S-1 a', `covers: ${' '.repeat(RUN)}\u2028`)), {
      clauses: [{ id: 'S-1', title: 'a', covers: [] }],
      findings: [],
    });
  });

  it('a covers: line whose item is followed by a long run of spaces covers the item', () => {
    assert.deepStrictEqual(readTimed(lines('## S-1 a', `covers: A-1${' '.repeat(RUN)}`)), {
      clauses: [{ id: 'S-1', title: 'a', covers: ['A-1'] }],
      findings: [],
    });
  });

  it('a line of 100,000 backticks ending in U+2028 opens a code block: the heading after it is code', () => {
    assert.deepStrictEqual(readTimed(lines(`\`\`\`${'`'.repeat(RUN)}\u2028`, '## S-1 a')), { clauses: [], findings: [] });
  });
});
