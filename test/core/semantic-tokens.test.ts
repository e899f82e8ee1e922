import * as assert from 'assert';
import { parseDocument, semanticTokens, tokensInRange } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { lines, readRepoFile } from '../helpers';

/** Each token as `line:column type[ declaration] "text"` (1-based), for exact comparisons. */
function shown(text: string, format: 'yaml' | 'markdown' = 'yaml', range?: { start: number; end: number }): string[] {
  const parsed = parseDocument(text, format);
  return semanticTokens(parsed, range).map((t) => {
    const before = text.slice(0, t.span.start);
    const line = before.split('\n').length;
    const column = t.span.start - before.lastIndexOf('\n');
    return `${line}:${column} ${t.type}${t.declaration ? ' declaration' : ''} ${JSON.stringify(text.slice(t.span.start, t.span.end))}`;
  });
}

describe('semantic tokens: Kijun structure, in Kijun documents only', () => {
  it('a YAML standard: keys, the kind, the sector, clause ids, item references, threats', () => {
    const text = completeStandard().concat(lines('exclusions:', '  - {item: C-1, reason: 医療向けのため}'));
    assert.deepStrictEqual(shown(text), [
      '1:1 keyword "kijun"', '1:8 keyword "standard"', '2:1 keyword "guideline"', '3:1 keyword "id"', '4:1 keyword "title"',
      '5:1 keyword "sector"', '5:9 enumMember "金融"', '6:1 keyword "class"', '6:8 enumMember "3"', '7:1 keyword "clauses"',
      '8:5 keyword "id"', '8:9 class declaration "S-1"', '9:5 keyword "title"', '10:5 keyword "covers"', '10:14 interface "A-1"', '10:19 interface "A-2"',
      '11:5 keyword "id"', '11:9 class declaration "S-2"', '12:5 keyword "title"', '13:5 keyword "covers"', '13:14 interface "B"',
      '14:5 keyword "threats"', '14:15 enumMember "intentional"',
      '15:5 keyword "id"', '15:9 class declaration "S-3"', '16:5 keyword "title"', '17:5 keyword "covers"', '17:14 interface "C"',
      '18:1 keyword "exclusions"', '19:6 keyword "item"', '19:12 interface "C-1"', '19:17 keyword "reason"',
    ]);
  });

  it('a Markdown standard: the front matter, clause ids in headings, key lines with item references and threats; not the prose', () => {
    const text = lines('---', 'kijun: standard', 'guideline: test-g', 'sector: 金融', '---', '# 表題', '', '## 1.2 見出し', '**対応指針**: A-1、A-2', '脅威: intentional', '',
      '本文 covers: B は読まない。', '', '### **第3条** 目的', '- covers: [B]');
    assert.deepStrictEqual(shown(text, 'markdown'), [
      '2:1 keyword "kijun"', '2:8 keyword "standard"', '3:1 keyword "guideline"', '4:1 keyword "sector"', '4:9 enumMember "金融"',
      '8:4 class declaration "1.2"', '9:3 keyword "対応指針"', '9:11 interface "A-1"', '9:15 interface "A-2"', '10:1 keyword "脅威"', '10:5 enumMember "intentional"',
      '14:7 class declaration "第3条"', '15:3 keyword "covers"', '15:12 interface "B"',
    ]);
  });

  it('none in a plain Markdown file, however Kijun-like its headings, nor in a plain YAML file', () => {
    assert.deepStrictEqual(shown(lines('# Notes', '', '## 1.2 Heading', 'covers: G-II-1-1', 'threats: disaster'), 'markdown'), []);
    assert.deepStrictEqual(shown(lines('---', 'title: ブログ', '---', '## 1.2 Heading', 'covers: A-1'), 'markdown'), []);
    assert.deepStrictEqual(shown(lines('services:', '  web:', '    image: nginx', 'sector: 金融')), []);
    // A kijun: mapping is another tool's configuration, not a Kijun document.
    assert.deepStrictEqual(shown(lines('kijun:', '  covers: A-1')), []);
  });

  it('a guideline: item ids as declarations, parents, sectors and threats of items, sector and threat ids, enumerated values', () => {
    const items = shown(testGuideline.text).filter((t) => !t.includes(' keyword '));
    assert.deepStrictEqual(items, [
      '5:9 enumMember declaration "finance"', '8:14 enumMember declaration "finance.banking"', '9:9 enumMember declaration "medical"',
      '11:9 enumMember declaration "government"', '14:9 enumMember declaration "intentional"', '16:16 enumMember "received"',
      '18:14 enumMember declaration "intentional.dos"', '18:64 enumMember "operator"', '19:9 enumMember declaration "disaster"', '21:16 enumMember "received"',
      '23:9 interface declaration "A"', '27:17 enumMember "must-consider"', '28:12 enumMember "abstract"',
      '30:14 interface declaration "A-1"', '30:73 enumMember "must-consider"', '30:95 enumMember "abstract"',
      '31:14 interface declaration "A-2"', '31:69 enumMember "reference"', '31:87 enumMember "concrete"',
      '32:10 interface declaration "B"', '32:71 enumMember "must-consider"', '32:93 enumMember "abstract"', '32:113 enumMember "finance"',
      '33:9 interface declaration "C"', '37:17 enumMember "must-consider"', '38:12 enumMember "abstract"',
      '40:14 interface declaration "C-1"', '40:78 enumMember "must-consider"', '40:100 enumMember "abstract"', '40:120 enumMember "医療"',
    ]);
  });

  it('a range gives the tokens of those lines only, the same as the whole document has there', () => {
    const text = readRepoFile('examples/finance/fisc-anzen-taisaku.yaml');
    const parsed = parseDocument(text, 'yaml');
    const all = semanticTokens(parsed);
    const start = text.indexOf('  - id: S-2');
    const range = { start, end: text.indexOf('\n', text.indexOf('covers:', start)) };
    const inRange = semanticTokens(parsed, range);
    assert.ok(inRange.length >= 4 && inRange.length < all.length / 4, `${inRange.length} of ${all.length}`);
    assert.deepStrictEqual(inRange, all.filter((t) => t.span.end > range.start && t.span.start < range.end));
    assert.deepStrictEqual(tokensInRange(all, range), inRange);
  });

  it('entries merged in by an alias (<<: *base) give no token at the alias: it is neither a key nor an item', () => {
    const text = lines('kijun: standard', 'guideline: test-g', 'sector: 金融', 'base: &base {covers: [A-1]}', 'clauses:', '  - <<: *base', '    id: S-1');
    assert.deepStrictEqual(shown(text).slice(5), ['4:1 keyword "base"', '4:14 keyword "covers"', '5:1 keyword "clauses"', '7:5 keyword "id"', '7:9 class declaration "S-1"']);
  });
});
