import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { interfaceTextKeys, messageCodes, renderMessage, renderText } from '../../server/src/core';
import { repoRoot } from '../helpers';

/** Every TypeScript file under a folder of the repository, sub-folders included. */
function sources(dir: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...sources(relative));
    else if (entry.name.endsWith('.ts')) result.push(relative);
  }
  return result;
}

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The interface texts (CLI, quick fixes, lenses, hovers, completion, status bar, notifications) come from the catalogue, in both languages. */
describe('interface texts', () => {
  const sample = {
    command: 'x', flag: '--x', value: 'v', path: 'a.yaml', reason: 'EACCES', detail: 'd', covered: 3, total: 4, excluded: 1, uncovered: 'G-1', files: 2,
    errors: 1, warnings: 2, information: 3, text: '金融', item: 'G-1', label: 'Ⅰ1', title: { ja: '目的', en: 'Purpose' }, clauses: 2, standards: 1, names: '金融',
    source: 'seed p1', guideline: 'nisc-2008', done: 2, column: 2, state: { ja: '未対応', en: 'uncovered' },
  };

  it('every text renders in Japanese and in English, differently; the Japanese one is Japanese', () => {
    for (const key of interfaceTextKeys) {
      const ja = renderText(key, sample, 'ja');
      const en = renderText(key, sample, 'en');
      assert.ok(ja && en && ja !== en, key);
      assert.match(ja, japanese, `${key}: ${ja}`);
    }
  });

  it('the words the editor shows around data: completion rows, the coverage list, quick fixes, status and notifications', () => {
    const ja = (key: Parameters<typeof renderText>[0], args = {}) => renderText(key, args, 'ja');
    assert.deepStrictEqual([ja('obligation.must-consider'), ja('obligation.reference'), ja('mark.provisional'), ja('status.not-applicable')], ['要検討事項', '参考事項', '暫定・Kijun補足', '対象外']);
    assert.deepStrictEqual(['uncovered', 'partial', 'excluded', 'covered'].map((s) => ja(`status.${s}` as 'status.covered')), ['未対応', '一部対応', '除外', '対応済み']);
    assert.strictEqual(ja('client.covered-by', { clauses: 'S-1, S-2' }), '対応する条項: S-1, S-2');
    assert.strictEqual(ja('client.children-done', { done: 2, total: 3 }), '子項目 3 件中 2 件に対応');
    assert.strictEqual(ja('client.restarted'), 'Kijun: 言語サーバーを再起動しました。');
    assert.strictEqual(ja('server.indexed', { files: 12 }), '12 件のファイルを読み込みました');
    assert.strictEqual(ja('action.add-clause', { item: 'G-II-3-4-2-B', label: 'Ⅱ3.(4)②イ', title: '情報漏えい防止' }), 'G-II-3-4-2-B（Ⅱ3.(4)②イ 情報漏えい防止）を対応させる条項を追加');
    assert.strictEqual(renderText('action.add-clause', { item: 'G-II-3-4-2-B', label: 'Ⅱ3.(4)②イ', title: 'Leakage' }, 'en'), 'Add a clause covering G-II-3-4-2-B (Ⅱ3.(4)②イ Leakage)');
    assert.strictEqual(ja('action.reindent', { column: 0 }), '行頭から記載');
    assert.strictEqual(ja('action.reindent', { column: 4 }), '半角スペース 4 個で字下げ');
  });

  it('data that carries corner brackets of its own is quoted without another pair', () => {
    const bracketed = { ...sample, title: '「安全基準等」で規定が望まれる項目', value: '「安全基準等」', heading: '「総則」', sector: '金融', label: 'Ⅱ', item: 'G-II' };
    assert.strictEqual(renderMessage('coverage.uncovered', bracketed, 'ja'), '要検討事項 G-II Ⅱ「安全基準等」で規定が望まれる項目に対応する条項も除外（規定する必要がない）もありません。');
    assert.strictEqual(renderMessage('coverage.uncovered', { ...bracketed, title: '目的' }, 'ja'), '要検討事項 G-II Ⅱ「目的」に対応する条項も除外（規定する必要がない）もありません。');
    for (const code of messageCodes) {
      const ja = renderMessage(code, bracketed, 'ja');
      assert.ok(!/「「|」」/.test(ja), `${code}: ${ja}`);
    }
    for (const key of interfaceTextKeys) assert.ok(!/「「|」」/.test(renderText(key, bracketed, 'ja')), key);
  });

  it('no user-facing text is chosen by a locale test outside the catalogue', () => {
    const offenders: string[] = [];
    for (const file of ['server/src/lsp', 'server/src/cli', 'server/src/core', 'server/src/reports', 'client/src'].flatMap(sources)) {
      if (file.endsWith('messages.ts')) continue;
      const source = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      if (/locale(\(\))? === 'ja' \?/.test(source)) offenders.push(file);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('the client speaks the server\'s language: kijun.locale, and with auto VS Code\'s display language as vscode.env.language reports it', () => {
    const client = fs.readFileSync(path.join(repoRoot, 'client/src/extension.ts'), 'utf8');
    assert.match(client, /setting === 'auto' \? vscode\.env\.language\.startsWith\('ja'\)/);
    assert.match(client, /initializationOptions: \{[^}]*locale: vscode\.env\.language/);
  });
});
