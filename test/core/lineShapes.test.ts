import * as assert from 'assert';
import fc from 'fast-check';
import { cursorContext, headerValue, LineIndex } from '../../server/src/core';
import { LINE_BLANK, LINE_DASH } from '../../server/src/core/text';

/**
 * Line shapes (LineIndex.lineShape) let completion walk up the structure of a long document without
 * reading its lines: they are carried from one version's index to the next by difference, and the cursor
 * and header readers give the same answers with them as without.
 */

/** Texts made of the characters that decide a line's shape, and the text of YAML lines. */
const yamlish = fc.array(fc.constantFrom(' ', '  ', '- ', '-', '#', '\n', '\r\n', 'a', 'id', ':', ': ', 'clauses:', 'covers: [', 'subsector: 銀行', '案', '\t', '"'), { maxLength: 80 }).map((parts) => parts.join(''));

function shapes(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineShape(line));
}

describe('line shapes', () => {
  it('say the indentation, blank and comment lines, and list dashes', () => {
    const text = 'kijun: standard\n\n  # note\nclauses:\n  - id: S-1\n    title: 目的\n  -\n   \r\n';
    assert.deepStrictEqual(shapes(new LineIndex(text)), [0, LINE_BLANK, 2 | LINE_BLANK, 0, 2 | LINE_DASH, 4, 2 | LINE_DASH, 3 | LINE_BLANK, LINE_BLANK]);
  });

  it('carried to the next version by difference equal those read afresh (125 random sequences of up to 8 edits)', () => {
    fc.assert(
      fc.property(yamlish, fc.array(fc.tuple(fc.nat(), fc.nat(4), yamlish), { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let index = new LineIndex(initial);
        index.lineShapes();
        for (const [at, length, insert] of edits) {
          const text = index.text;
          const start = at % (text.length + 1);
          const oldEnd = Math.min(text.length, start + length);
          const next = text.slice(0, start) + insert + text.slice(oldEnd);
          index = LineIndex.afterChange(index, next, { start, oldEnd, newEnd: start + insert.length });
          assert.deepStrictEqual(shapes(index), shapes(new LineIndex(next)), JSON.stringify(next));
        }
      }),
      { numRuns: 125, seed: 20261201 },
    );
  });

  it('give the cursor context and header values that reading the text gives (random texts and offsets)', () => {
    fc.assert(
      fc.property(yamlish, fc.nat(), (text, at) => {
        const offset = at % (text.length + 1);
        const lines = new LineIndex(text);
        assert.deepStrictEqual(cursorContext(text, offset, 'yaml', lines), cursorContext(text, offset, 'yaml'));
        // In a Markdown file's front matter the walk stops at the front matter's first line.
        const markdown = `---\n${text}\n---\n本文\n`;
        const inFront = offset + '---\n'.length;
        assert.deepStrictEqual(cursorContext(markdown, inFront, 'markdown', new LineIndex(markdown)), cursorContext(markdown, inFront, 'markdown'));
        // Past the first 4 KiB, where the header reader searches the rest of the text.
        const long = `kijun: standard\n${'# padding\n'.repeat(420)}${text}`;
        assert.strictEqual(headerValue(long, 'subsector', new LineIndex(long)), headerValue(long, 'subsector'));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('find the owner of a clause 20,000 clauses down, and a header key after the clauses', () => {
    const clause = (i: number): string => `  - id: S-${i}\n    title: 条項\n    covers: [G-I]\n\n`;
    const clauses = Array.from({ length: 20_000 }, (_, i) => clause(i)).join('');
    const text = `kijun: standard\nsector: 金融\nclauses:\n${clauses}  - id: S-last\n    covers: [\nsubsector: 銀行\n`;
    const offset = text.indexOf('covers: [\nsub') + 'covers: ['.length;
    const lines = new LineIndex(text);
    assert.deepStrictEqual(cursorContext(text, offset, 'yaml', lines), { kind: 'value', path: ['clauses', '*'], key: 'covers', prefix: '', start: offset, siblings: [] });
    assert.strictEqual(headerValue(text, 'subsector', lines), '銀行');
    // A header key that is written only inside a clause's text is no header key.
    assert.strictEqual(headerValue(text.replace('\nsubsector: 銀行', '\n    subsector: 銀行'), 'subsector', new LineIndex(text.replace('\nsubsector: 銀行', '\n    subsector: 銀行'))), undefined);
  });
});
