import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageArgs, messageCodes, renderMessage } from '../../server/src/core';

/** Sample arguments covering every placeholder the catalogue uses. */
const sample: MessageArgs = {
  value: 'X-9',
  problem: { en: 'unexpected content here.', ja: 'ここに予期しない記述があります。' },
  suggestion: 'X-1',
  key: 'title',
  where: { en: 'clause S-1', ja: '条項 S-1 ' },
  expected: { en: 'a text', ja: '文字列' },
  actual: { en: 'a number', ja: '数値' },
  allowed: 'must-consider, reference',
  format: { en: 'document id', ja: '文書 ID' },
  rule: { en: 'use ASCII letters.', ja: '半角英数字を使ってください。' },
  detail: 'must match',
  min: '1',
  max: '4',
  size: 9000000,
  limit: 100,
  id: 'std-1',
  other: 'file:///ws/b.yaml',
  guideline: 'nisc-2008',
  known: 'nisc-2007, nisc-2008, nisc-2024',
  sector: '金融',
  item: 'G-I',
  label: 'Ⅰ',
  title: { en: 'Purpose', ja: '目的' },
  firstLine: 12,
  clause: 'S-1',
  reason: '（理由を記載）',
  path: 'A → B → A',
  standards: 2,
  threat: '意図的要因',
  threats: '意図的要因、災害',
  example: '内部不正',
  route: { en: '③ within a CEPTOAR (its own rules)', ja: '③ CEPTOAR内（各CEPTOARの情報取り扱いルール）' },
  channel: { en: 'newsletter', ja: 'ニュースレター' },
  responder: { en: 'to be handled by society as a whole', ja: '社会全体で対応が望まれる脅威' },
  info: 'B',
  year: 2012,
  from: 2009,
  to: 2011,
  lines: 2,
  open: '[',
  close: ']',
  after: 'A-2',
  bundledTitle: '重要インフラにおける情報セキュリティ確保に係る「安全基準等」策定にあたっての指針',
  winner: { en: 'this document', ja: 'この文書' },
  list: 'A-1, A-2',
  documentsFrom: 'workspace',
  subsectorKey: 'subsector',
  text: '- id: B-4.2',
  written: 1,
  column: 2,
  like: 'entries',
};

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('message catalogue', () => {
  it('every code renders a non-empty message in each language, and the two differ', () => {
    assert.ok(messageCodes.length > 30);
    for (const code of messageCodes) {
      const en = renderMessage(code, sample, 'en');
      const ja = renderMessage(code, sample, 'ja');
      assert.ok(en.trim().length > 0, code);
      assert.ok(ja.trim().length > 0, code);
      assert.notStrictEqual(en, ja, code);
      assert.ok(japanese.test(ja), `${code}: the Japanese message has no Japanese: ${ja}`);
      for (const message of [en, ja]) {
        assert.ok(!/undefined|\[object Object\]|NaN/.test(message), `${code}: ${message}`);
      }
    }
  });

  it('different codes render different messages', () => {
    for (const locale of ['en', 'ja'] as const) {
      const seen = new Map<string, string>();
      for (const code of messageCodes) {
        const message = renderMessage(code, sample, locale);
        assert.strictEqual(seen.get(message), undefined, `${code} and ${seen.get(message)} render the same ${locale} message`);
        seen.set(message, code);
      }
    }
  });

  it('a suggestion is rendered as "did you mean" in each language, and left out when absent', () => {
    const suggesting = messageCodes.filter((code) => renderMessage(code, sample, 'en').includes('Did you mean'));
    assert.deepStrictEqual(suggesting.sort(), [
      'covers.unknown-item',
      'document.unknown-kind',
      'exclusion.unknown-item',
      'guideline.unknown',
      'item.unknown-parent',
      'markdown.unknown-key',
      'plan.sharing-subtype-unknown',
      'plan.threat-example-unknown',
      'schema.unknown-key',
      'sector.unknown',
      'subsector.unknown',
      'threat.unknown',
    ]);
    for (const code of suggesting) {
      assert.ok(renderMessage(code, sample, 'ja').includes('「X-1」の誤りではありませんか。'), code);
      const without = { ...sample, suggestion: undefined };
      assert.ok(!renderMessage(code, without, 'en').includes('Did you mean'), code);
      assert.ok(!renderMessage(code, without, 'ja').includes('誤りではありませんか'), code);
    }
  });

  it('every finding code is exercised by at least one test file', () => {
    const testRoot = path.resolve(__dirname, '../../..', 'test');
    const sources: { file: string; text: string }[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
        } else if (entry.name.endsWith('.test.ts') && entry.name !== 'messages.test.ts') {
          sources.push({ file: path.relative(testRoot, full), text: fs.readFileSync(full, 'utf8') });
        }
      }
    };
    walk(testRoot);
    assert.ok(sources.length >= 8, `only ${sources.length} test files under ${testRoot}`);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const untested = messageCodes.filter((code) => {
      const pattern = new RegExp(`(?<![\\w.-])${escape(code)}(?![\\w-])`);
      return !sources.some((s) => pattern.test(s.text));
    });
    assert.deepStrictEqual(untested, [], 'codes that no test file mentions');
  });
});
