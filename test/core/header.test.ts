import * as assert from 'assert';
import { documentKindOf, headerValue } from '../../server/src/core';
import { check, lines } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/** A standard as a YAML dumper writes it: keys sorted, so the long clause list comes before `guideline` and `sector`. */
function dumped(lineEnd = '\n'): string {
  const clauses = Array.from({ length: 120 }, (_, i) => `- covers:${lineEnd}  - G-II-1-1${lineEnd}  id: S-${i}${lineEnd}  title: 条項${i}`);
  return ['class: 3', 'clauses:', ...clauses, 'guideline: nisc-2008', 'id: sorted', 'kijun: standard', 'sector: 金融', 'title: 整列された基準'].join(lineEnd) + lineEnd;
}

describe('header values (read without parsing the document)', () => {
  it('finds the header keys wherever they are in a YAML document, not only in its first 4 KiB', () => {
    const text = dumped();
    assert.ok(text.indexOf('guideline:') > 4096, 'the fixture puts the header after 4 KiB');
    assert.strictEqual(headerValue(text, 'guideline'), 'nisc-2008');
    assert.strictEqual(headerValue(text, 'sector'), '金融');
    assert.strictEqual(documentKindOf(text), 'standard');
    // A key inside a clause (indented) is not the header.
    assert.strictEqual(headerValue(text, 'covers'), undefined);
  });

  it('also with CRLF and with CR-only line ends', () => {
    for (const lineEnd of ['\r\n', '\r']) {
      const text = dumped(lineEnd);
      assert.strictEqual(headerValue(text, 'guideline'), 'nisc-2008', JSON.stringify(lineEnd));
      assert.strictEqual(headerValue(text, 'sector'), '金融', JSON.stringify(lineEnd));
      assert.strictEqual(documentKindOf(text), 'standard', JSON.stringify(lineEnd));
    }
  });

  it('in Markdown, only the front matter is the header: a prose line of the body is not', () => {
    const text = lines('---', 'kijun: standard', 'guideline: nisc-2008', 'id: m', 'title: t', 'class: 3', '---', '# 本文', 'sector: 物流', '', '## S-1 目的');
    assert.strictEqual(headerValue(text, 'guideline'), 'nisc-2008');
    assert.strictEqual(headerValue(text, 'sector'), undefined);
    assert.strictEqual(headerValue(lines('---', 'kijun: standard', 'sector: 金融', '---', 'sector: 物流'), 'sector'), '金融');
  });

  it('reads a key written with the full-width colon (a typing slip the parser repairs): a guideline so written is still one', () => {
    assert.strictEqual(headerValue(lines('kijun：guideline', 'id: g'), 'kijun'), 'guideline');
    assert.strictEqual(documentKindOf(lines('kijun：　guideline', 'id: g')), 'guideline');
    const guideline = { uri: testGuideline.uri, text: testGuideline.text.replace('kijun: guideline', 'kijun：guideline') };
    const standard = { uri: 'file:///ws/std.yaml', text: completeStandard() };
    assert.deepStrictEqual(check(standard, [guideline]), []);
  });
});
