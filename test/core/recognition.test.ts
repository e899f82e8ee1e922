import * as assert from 'assert';
import { parseDocument } from '../../server/src/core';
import { check, lines, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/** Which texts are Kijun documents, and how line ends and near misses of the `kijun:` key are read. */
describe('recognising a Kijun document', () => {
  const yaml = (text: string) => ({ uri: 'file:///ws/doc.yaml', text });
  const markdown = (text: string) => ({ uri: 'file:///ws/doc.md', text });

  describe('document.misspelt-kijun-key: a key meant as kijun: that YAML reads as another', () => {
    const message = (key: string) => ({
      en: `The key "${key}" is not read as "kijun:" (lower-case half-width letters and colon), so this document is not checked. Write "kijun:".`,
      ja: `キー「${key}」は「kijun:」（半角小文字と半角コロン）として読まれないため、この文書は検査されていません。「kijun:」と記載してください。`,
    });

    it('another letter case: "Kijun: standard" is reported on the key, in English and Japanese, and nothing else is checked', () => {
      // The sector is wrong too, but the document is not read as a standard until its key is right.
      const text = completeStandard().replace('kijun: standard', 'Kijun: standard').replace('sector: 金融', 'sector: 金触');
      for (const locale of ['en', 'ja'] as const) {
        assert.deepStrictEqual(check(yaml(text), [testGuideline], locale), [
          { code: 'document.misspelt-kijun-key', range: '1:1-1:7', severity: 'error', message: message('Kijun:')[locale] },
        ]);
      }
    });

    it('carries the replacement "kijun:" for the quick fix; applied, the document is checked as a standard', () => {
      const text = completeStandard().replace('kijun: standard', 'KIJUN: standard');
      const [misspelt] = workspaceWith(yaml(text)).analyze('file:///ws/doc.yaml').findings;
      assert.deepStrictEqual(misspelt.replacement, { span: { start: 0, end: 6 }, newText: 'kijun:' });
      const fixed = text.slice(0, misspelt.replacement!.span.start) + misspelt.replacement!.newText + text.slice(misspelt.replacement!.span.end);
      assert.strictEqual(fixed, completeStandard());
      assert.deepStrictEqual(check(yaml(fixed), [testGuideline]), []);
    });

    it('full-width letters, a full-width colon (the line is then plain text) and a quoted or capitalised kind', () => {
      const cases: [string, string, string][] = [
        ['ｋｉｊｕｎ: standard', '1:1-1:7', 'ｋｉｊｕｎ:'],
        ['Kijun : "action-plan"', '1:1-1:8', 'Kijun :'],
        ['KIJUN: Standard', '1:1-1:7', 'KIJUN:'],
      ];
      for (const [line, range, key] of cases) {
        const text = lines(line, 'id: doc-1', 'title: 文書');
        assert.deepStrictEqual(check(yaml(text)), [{ code: 'document.misspelt-kijun-key', range, severity: 'error', message: message(key).en }], line);
      }
      // A full-width colon after the key is a typing slip that Kijun repairs while reading: one finding on the
      // colon, and the document is checked as if it were fixed (here, for the keys a standard lacks).
      const slip = completeStandard().replace('kijun: standard', 'kijun： standard');
      assert.deepStrictEqual(check(yaml(slip), [testGuideline]).map((f) => `${f.code} ${f.range}`), ['syntax.full-width-colon 1:6-1:7']);
    });

    it('in Markdown front matter, on its line', () => {
      const text = lines('---', 'Kijun: standard', 'id: doc-1', '---', '', '## S-1 条項');
      assert.deepStrictEqual(check(markdown(text), [], 'ja'), [
        { code: 'document.misspelt-kijun-key', range: '2:1-2:7', severity: 'error', message: message('Kijun:').ja },
      ]);
    });

    it('a Kijun: key whose value is no document kind is some other file (基準 is an everyday Japanese word): left alone', () => {
      for (const text of [lines('Kijun: 100', 'name: 月次'), lines('KIJUN: standard-deviation'), lines('kijun_: standard')]) {
        const parsed = parseDocument(text, 'yaml');
        assert.deepStrictEqual({ isKijun: parsed.isKijun, findings: parsed.findings }, { isKijun: false, findings: [] }, text);
      }
    });
  });

  it('a top-level kijun: holding a mapping is a tool\'s own configuration: not ours, no document.unknown-kind', () => {
    for (const text of [lines('kijun:', '  enabled: true', '  rules: [a]'), lines('name: tool', 'kijun: {level: 2}')]) {
      const parsed = parseDocument(text, 'yaml');
      assert.deepStrictEqual({ isKijun: parsed.isKijun, findings: parsed.findings }, { isKijun: false, findings: [] }, text);
      assert.deepStrictEqual(check(yaml(text)), [], text);
    }
    // A kind that is a plain text, even an unknown one, still makes the file ours.
    assert.deepStrictEqual(check(yaml(lines('kijun: standrd'))), [{
      code: 'document.unknown-kind',
      range: '1:8-1:15',
      severity: 'error',
      message: 'Unknown document kind "standrd": use guideline, standard or action-plan (or review, in the review records Kijun writes). Did you mean "standard"?',
    }]);
  });

  describe('CR-only line ends (old Mac tools): the same findings as with LF', () => {
    const flawed = completeStandard().replace('sector: 金融', 'sector: 金触').replace('threats: [intentional]', 'threats: [intentinal]');
    const expected = [
      { code: 'sector.unknown', range: '5:9-5:11', severity: 'error', message: 'Unknown sector "金触" in guideline test-g. Did you mean "金融"?' },
      { code: 'threat.unknown', range: '14:15-14:25', severity: 'error', message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
    ];

    it('YAML', () => {
      assert.deepStrictEqual(check(yaml(flawed), [testGuideline]), expected);
      const cr = flawed.replace(/\n/g, '\r');
      assert.ok(!cr.includes('\n'));
      assert.deepStrictEqual(check(yaml(cr), [testGuideline]), expected);
      // The parsed document keeps the text as given.
      assert.strictEqual(parseDocument(cr, 'yaml').text, cr);
    });

    it('Markdown: front matter and clause headings', () => {
      const text = lines(
        '---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'title: テスト基準', 'sector: 金融', 'class: 3', '---', '',
        '## S-1 責任者', 'covers: A-1, A-2, Z-9', '',
        '## S-2 金融', 'covers: B', 'threats: intentinal', '',
        '## S-3 継続', 'covers: C',
      );
      const expectedMarkdown = [
        { code: 'covers.unknown-item', range: '11:19-11:22', severity: 'error', message: 'Guideline test-g has no item "Z-9".' },
        { code: 'threat.unknown', range: '15:10-15:20', severity: 'error', message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
      ];
      assert.deepStrictEqual(check(markdown(text), [testGuideline]), expectedMarkdown);
      assert.deepStrictEqual(check(markdown(text.replace(/\n/g, '\r')), [testGuideline]), expectedMarkdown);
    });

    it('mixed with CRLF: each lone CR is a line end, CRLF stays one', () => {
      const mixed = flawed.split('\n').map((line, i) => `${line}${i % 2 ? '\r' : '\r\n'}`).join('').replace(/\r\n?$/, '\n');
      assert.deepStrictEqual(check(yaml(mixed), [testGuideline]), expected);
    });
  });
});
