import * as assert from 'assert';
import { parseDocument } from '../../server/src/core';
import { lines } from '../helpers';
import { timed } from './util';

/**
 * KEPT OUT OF THE SUITE (its name does not end in `.test.ts`) until the CommonMark parser replaces the Markdown
 * line scanner (`server/src/core/parsing/markdown.ts`): these cannot pass before, and the scanner is being
 * rewritten by another engineer. Each is a reproducer of a regex of that scanner that backtracks quadratically;
 * run them with `npx tsc -b && npx mocha --no-config --timeout 0 out/test/core/redos-markdown.pending.js`.
 * When the new parser lands: rename this file to `redos-markdown.test.ts` and remove `PENDING_REPLACEMENT`
 * from `redos.test.ts`.
 */
const HANG_GUARD_MS = 2_000;
const RUN = 100_000;

function parseTimed(body: string): number {
  const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', '---', body);
  return timed(() => parseDocument(text, 'markdown')).ms;
}

describe('Markdown line scanner on adversarial lines (pending the CommonMark parser)', function () {
  this.timeout(10 * 60_000);

  it('HEADING: a heading with a long run of spaces inside its text', () => {
    // `(.*?)(?:[ \t]+#+)?[ \t]*$` retries the run of spaces at every position of it.
    assert.ok(parseTimed(`## S-1 a${' '.repeat(RUN)}b`) < HANG_GUARD_MS);
  });

  it('KEY_LINE: a covers: line of spaces ending in U+2028', () => {
    // `[ \t]*(.*)$`: `.` stops at U+2028, `$` fails, and every split of the spaces is retried.
    assert.ok(parseTimed(lines('## S-1 a', `covers: ${' '.repeat(RUN)}\u2028`)) < HANG_GUARD_MS);
  });

  it('the fence regex: a line of backticks ending in U+2028', () => {
    // `(`{3,}|~{3,})(.*)$`: the same, over the fence characters.
    assert.ok(parseTimed(`\`\`\`${'`'.repeat(RUN)}\u2028`) < HANG_GUARD_MS);
  });
});
