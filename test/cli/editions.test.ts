import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { reviewRecordEdit } from '../../server/src/core';
import { acme2030, acme2031, acmeStandard } from '../editionFixtures';
import { repoRoot, workspaceWith } from '../helpers';
import { kijun } from './harness';

/** kijun diff, kijun review and kijun migrate (README, "Editions and reviewed links"). */
describe('kijun diff, review and migrate', () => {
  let tmp: string;
  let folders = 0;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-editions-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A folder of its own with the two acme editions, the standard (following acme-2030) and the given files. */
  function folder(files: Record<string, string> = {}): string {
    const dir = path.join(tmp, `case-${++folders}`);
    fs.mkdirSync(dir);
    const all = { 'acme-2030.yaml': acme2030.text, 'acme-2031.yaml': acme2031.text, 'std.yaml': acmeStandard().text, ...files };
    for (const [name, text] of Object.entries(all)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }
  const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  describe('kijun diff', () => {
    it('lists each kind of change as text, from two guideline files', async () => {
      const result = await kijun(['diff', 'acme-2030.yaml', 'acme-2031.yaml'], folder());
      assert.deepStrictEqual([result.code, result.stderr], [0, '']);
      assert.strictEqual(result.stdout, [
        'Changes from acme-2030 to acme-2031 (acme-2031 supersedes acme-2030)',
        '',
        'Added: 1',
        '  + Z-8 Ⅷ 新設',
        '',
        'Removed: 2',
        '  - Z-7 Ⅶ 旧項目',
        '  - Z-9 Ⅸ 廃止予定',
        '',
        'Replaced: 3',
        '  * Z-3 Ⅲ 情報 → Z-3-a Ⅲ1 情報の分類, Z-3-b Ⅲ2 情報の取扱い (split)',
        '  * Z-4 Ⅳ 委託 → Z-40 Ⅳ 外部委託 (renamed; Kijun\'s reading, provisional)',
        '  * Z-5 Ⅴ 監視, Z-6 Ⅵ 記録 → Z-56 Ⅴ 監視と記録 (merged)',
        '',
        'Changed: 1',
        '  ~ Z-2 Ⅱ Continuity: text and obligation changed',
        '      text — before: 計画を作る。; now: 計画を作り、毎年見直す。',
        '      obligation — before: must-consider; now: reference',
        '',
        '1 added, 2 removed, 3 replaced, 1 changed',
        '',
      ].join('\n'));
    });

    it('as Markdown, in Japanese', async () => {
      const result = await kijun(['diff', 'acme-2030.yaml', 'acme-2031.yaml', '--format', 'md', '--locale', 'ja'], folder());
      assert.strictEqual(result.stdout, [
        '## acme-2030 から acme-2031 への変更（acme-2031 は acme-2030 の改定版）',
        '',
        '### 追加: 1 件',
        '',
        '- `Z-8` Ⅷ 新設',
        '',
        '### 削除: 2 件',
        '',
        '- `Z-7` Ⅶ 旧項目',
        '- `Z-9` Ⅸ 廃止予定',
        '',
        '### 置き換え: 3 件',
        '',
        '- `Z-3` Ⅲ 情報 → `Z-3-a` Ⅲ1 情報の分類, `Z-3-b` Ⅲ2 情報の取扱い（分割）',
        '- `Z-4` Ⅳ 委託 → `Z-40` Ⅳ 外部委託（名称変更。Kijun の解釈・暫定）',
        '- `Z-5` Ⅴ 監視, `Z-6` Ⅵ 記録 → `Z-56` Ⅴ 監視と記録（統合）',
        '',
        '### 変更: 1 件',
        '',
        '- `Z-2` Ⅱ 継続（本文、要検討事項・参考事項の別が変更）',
        '  - 本文 — 変更前: 計画を作る。 / 変更後: 計画を作り、毎年見直す。',
        '  - 要検討事項・参考事項の別 — 変更前: 要検討事項 / 変更後: 参考事項',
        '',
        '追加 1 件、削除 2 件、置き換え 3 件、変更 1 件',
        '',
      ].join('\n'));
    });

    it('as JSON, with each item\'s fingerprint and the changed values', async () => {
      const result = await kijun(['diff', 'acme-2030.yaml', 'acme-2031.yaml', '--format', 'json'], folder());
      const report = JSON.parse(result.stdout);
      assert.deepStrictEqual(Object.keys(report), ['from', 'to', 'supersedes', 'provisionalItems', 'added', 'removed', 'replaced', 'changed', 'summary']);
      assert.deepStrictEqual(report.added, [{ id: 'Z-8', label: 'Ⅷ', title: '新設', obligation: 'must-consider', level: 'abstract', fingerprint: report.added[0].fingerprint }]);
      assert.match(report.added[0].fingerprint, /^[0-9a-f]{8}$/);
      assert.deepStrictEqual(report.replaced.map((g: { kind: string; provisional: boolean; before: { id: string }[]; after: { id: string }[] }) => [g.kind, g.provisional, g.before.map((i) => i.id), g.after.map((i) => i.id)]), [
        ['split', false, ['Z-3'], ['Z-3-a', 'Z-3-b']],
        ['renamed', true, ['Z-4'], ['Z-40']],
        ['merged', false, ['Z-5', 'Z-6'], ['Z-56']],
      ]);
      assert.deepStrictEqual(report.changed, [{
        id: 'Z-2', label: 'Ⅱ', title: 'Continuity', fields: ['text', 'obligation'],
        before: { text: '計画を作る。', obligation: 'must-consider', fingerprint: '6804430f' },
        after: { text: '計画を作り、毎年見直す。', obligation: 'reference', fingerprint: report.changed[0].after.fingerprint },
      }]);
      assert.deepStrictEqual(report.summary, { added: 1, removed: 2, replaced: 3, changed: 1 });
    });

    it('takes the ids of bundled guidelines, and two versions of one guideline (the same id) from their files', async () => {
      const bundledDiff = await kijun(['diff', 'nisc-2008', 'nisc-2024'], folder());
      assert.strictEqual(bundledDiff.code, 0);
      assert.strictEqual(bundledDiff.stdout.split('\n')[0], 'Changes from nisc-2008 to nisc-2024 (nisc-2024 supersedes nisc-2008)');
      // Every item of nisc-2024 is Kijun's: the report says what that means for the items it calls removed.
      assert.strictEqual(bundledDiff.stdout.split('\n')[1], 'Note: the items of nisc-2024 marked provisional are Kijun\'s own, not the guideline\'s, and so are the replacements said to be Kijun\'s reading; an item removed may be one that Kijun\'s provisional list does not carry, not one the guideline is known to drop.');
      const bundledJa = await kijun(['diff', 'nisc-2008', 'nisc-2024', '--format', 'md', '--locale', 'ja'], folder());
      assert.deepStrictEqual(bundledJa.stdout.split('\n').slice(1, 3), ['', '注記: nisc-2024 の「暫定」の項目は指針ではなく Kijun による補足で、「Kijun の解釈」とある置き換えも同様です。削除とある項目は、指針で削除されたと確認できたものではなく、Kijun の暫定項目に含まれていないものの場合があります。']);
      assert.strictEqual(JSON.parse((await kijun(['diff', 'nisc-2008', 'nisc-2024', '--format', 'json'], folder())).stdout).provisionalItems, true);
      assert.strictEqual(bundledDiff.stdout.split('\n').at(-2), '12 added, 32 removed, 6 replaced, 0 changed');
      const dir = folder({ 'acme-2030-draft.yaml': acme2030.text.replace('title: 委託,', 'title: 業務委託,') });
      const versions = await kijun(['diff', 'acme-2030.yaml', 'acme-2030-draft.yaml'], dir);
      assert.deepStrictEqual(versions.stdout.split('\n').slice(0, 1).concat(versions.stdout.split('\n').slice(-6)), [
        'Changes from acme-2030 to acme-2030 (acme-2030 does not say that it supersedes acme-2030)',
        'Changed: 1',
        '  ~ Z-4 Ⅳ 業務委託: title changed',
        '      title — before: 委託; now: 業務委託',
        '',
        '0 added, 0 removed, 0 replaced, 1 changed',
        '',
      ]);
    });

    it('says what is wrong with its arguments (exit 2)', async () => {
      const dir = folder();
      const unknown = await kijun(['diff', 'nisc-2008', 'nope'], dir);
      assert.deepStrictEqual([unknown.code, unknown.stdout, unknown.stderr], [2, '', 'kijun: "nope" is neither a guideline file nor the id of a known guideline (nisc-2007, nisc-2008, nisc-2024)\n']);
      const standard = await kijun(['diff', 'std.yaml', 'acme-2031.yaml'], dir);
      assert.deepStrictEqual([standard.code, standard.stderr], [2, 'kijun: "std.yaml" is not a guideline document (kijun: guideline)\n']);
      const one = await kijun(['diff', 'nisc-2008', '--locale', 'ja'], dir);
      assert.strictEqual(one.code, 2);
      assert.ok(one.stderr.startsWith('kijun: 比較する 2 つの版を指定してください: kijun diff 旧 新（指針のファイルまたは ID）\n\n使い方: kijun check'), one.stderr);
      const format = await kijun(['diff', 'nisc-2008', 'nisc-2024', '--format', 'html'], dir);
      assert.ok(format.stderr.startsWith('kijun: --format must be text, md or json, not "html"\n'), format.stderr);
    });
  });

  describe('kijun review', () => {
    it('says how many links are reviewed; --accept writes the record beside the standard, and is idempotent', async () => {
      const dir = folder();
      const before = await kijun(['review'], dir);
      assert.deepStrictEqual([before.code, before.stdout], [0, 'std.yaml: 0 link(s) reviewed, 0 suspect, 6 not reviewed (no review record)\n']);
      assert.ok(!fs.existsSync(path.join(dir, 'std.review.yaml')), 'review without --accept writes nothing');
      const accepted = await kijun(['review', '--accept'], dir);
      assert.deepStrictEqual([accepted.code, accepted.stdout, accepted.stderr], [0, 'std.yaml: recorded 6 reviewed link(s) in std.review.yaml\n', '']);
      const expected = reviewRecordEdit(workspaceWith(acme2030, acmeStandard()), acmeStandard().uri)!.text;
      assert.strictEqual(read(dir, 'std.review.yaml'), expected);
      const again = await kijun(['review', '--accept', '--locale', 'ja'], dir);
      assert.strictEqual(again.stdout, 'std.yaml: std.review.yaml は最新です（確認済みの対応 6 件）\n');
      const after = await kijun(['review'], dir);
      assert.strictEqual(after.stdout, 'std.yaml: 6 link(s) reviewed, 0 suspect, 0 not reviewed (record: std.review.yaml)\n');
    });

    it('after a change of the guideline, review and check show the suspect link, even with only the standard and its guideline named', async () => {
      const dir = folder();
      await kijun(['review', '--accept'], dir);
      fs.writeFileSync(path.join(dir, 'acme-2030.yaml'), acme2030.text.replace('text: 計画を作る。', 'text: 計画を作り、毎年点検する。'));
      const status = await kijun(['review', 'std.yaml', 'acme-2030.yaml'], dir);
      assert.strictEqual(status.stdout, [
        'std.yaml: 5 link(s) reviewed, 1 suspect, 0 not reviewed (record: std.review.yaml)',
        '  suspect: S-1 → Z-2 (text changed since 6804430f)',
        '',
      ].join('\n'));
      const ja = await kijun(['review', '.', '--locale', 'ja'], dir);
      assert.strictEqual(ja.stdout, 'std.yaml: 確認済み 5 件、要確認 1 件、未確認 0 件（確認記録: std.review.yaml）\n  要確認: S-1 → Z-2（6804430f 以降に本文が変更）\n');
      const check = await kijun(['check', 'std.yaml', 'acme-2030.yaml'], dir);
      assert.deepStrictEqual(check.stdout.split('\n').filter((l) => l.includes('coverage.suspect')), [
        'std.yaml:10:19 warning coverage.suspect Clause S-1 was reviewed against Z-2 Ⅱ "Continuity" as it was then (6804430f); its text changed since (now a740e20b). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).',
      ]);
      assert.ok(check.stdout.includes('Checked 3 document(s)'), 'the record beside the standard is read with it');
      const json = JSON.parse((await kijun(['check', '.', '--format', 'json'], dir)).stdout);
      const row = json.coverage[0].items.find((i: { id: string }) => i.id === 'Z-2');
      assert.deepStrictEqual([row.status, row.suspect], ['covered', ['S-1']]);
      await kijun(['review', '--accept'], dir);
      assert.strictEqual((await kijun(['review'], dir)).stdout, 'std.yaml: 6 link(s) reviewed, 0 suspect, 0 not reviewed (record: std.review.yaml)\n');
    });

    it('does not overwrite a file that is not the standard\'s record, and says when a standard cannot be recorded (exit 1)', async () => {
      const dir = folder({ 'std.review.yaml': 'notes: mine\n' });
      const taken = await kijun(['review', '--accept'], dir);
      assert.deepStrictEqual([taken.code, taken.stdout], [1, 'std.yaml: not recorded: "std.review.yaml" exists and is not the review record of std\n']);
      assert.strictEqual(read(dir, 'std.review.yaml'), 'notes: mine\n');
      const alone = await kijun(['review', '--accept', 'std.yaml'], folder());
      assert.deepStrictEqual([alone.code, alone.stdout], [1, 'std.yaml: not recorded: the standard needs an id and a guideline that resolves (see kijun check std.yaml)\n']);
    });
  });

  describe('kijun migrate', () => {
    it('prints the plan of work without writing anything', async () => {
      const dir = folder();
      await kijun(['review', '--accept'], dir);
      const result = await kijun(['migrate', '--to', 'acme-2031'], dir);
      assert.deepStrictEqual([result.code, result.stderr], [0, '']);
      assert.strictEqual(result.stdout, [
        'std.yaml (std): acme-2030 → acme-2031',
        '  10:19 review clause S-1 against Z-2: its text and obligation changed',
        '  13:14 rewrite Z-3 → Z-3-a, Z-3-b',
        '  17:9 rewrite Z-4 → Z-40 (Kijun\'s reading, provisional)',
        '  18:9 remove Z-7: acme-2031 has no such item, and none replaces it',
        '  21:13 rewrite Z-6 → Z-56',
        '  23:11 rewrite Z-5 → Z-56',
        '  25:12 remove Z-9: acme-2031 has no such item, and none replaces it',
        '  address Z-8 Ⅷ 新設 (new in acme-2031)',
        '',
        'Plan for 1 standard(s): 4 entries to rewrite, 2 to remove, 1 item(s) to address or consider, 1 link(s) to review',
        '',
      ].join('\n'));
      assert.strictEqual(read(dir, 'std.yaml'), acmeStandard().text);
      const ja = await kijun(['migrate', '--to', 'acme-2031', '--locale', 'ja'], dir);
      assert.deepStrictEqual(ja.stdout.split('\n').slice(0, 3).concat(ja.stdout.split('\n').slice(-4)), [
        'std.yaml（std）: acme-2030 → acme-2031 への移行',
        '  10:19 見直し 条項 S-1（Z-2 の本文、要検討事項・参考事項の別が変更）',
        '  13:14 書き換え Z-3 → Z-3-a, Z-3-b',
        '  対応が必要 Z-8 Ⅷ 新設（acme-2031 で新設）',
        '',
        '安全基準等 1 件の作業: 書き換え 4 件、削除 2 件、対応・検討する項目 1 件、見直す対応 1 件',
        '',
      ]);
    });

    it('--write switches the guideline and rewrites the entries whose replacement is known, leaving a valid document', async () => {
      const dir = folder();
      const result = await kijun(['migrate', '--to', 'acme-2031', '--write'], dir);
      assert.strictEqual(result.code, 0);
      assert.strictEqual(result.stderr, 'kijun: std.yaml: migrated to acme-2031 (4 entries rewritten)\n');
      assert.strictEqual(read(dir, 'std.yaml'), acmeStandard().text
        .replace('guideline: acme-2030', 'guideline: acme-2031')
        .replace('covers: [Z-3]', 'covers: [Z-3-a, Z-3-b]')
        .replace('      - Z-4\n', '      - Z-40\n')
        .replace('covers: Z-6', 'covers: Z-56')
        .replace('item: Z-5', 'item: Z-56'));
      // What is left is what the author must decide: the removed items, the new one, and the merge of an excluded
      // item (Z-5) with a covered one (Z-6) into Z-56, now both excluded and covered.
      const check = await kijun(['check', '.'], dir);
      assert.deepStrictEqual(check.stdout.split('\n').filter((l) => /^std\.yaml:\d/.test(l)).map((l) => l.split(' ').slice(0, 3).join(' ')), [
        'std.yaml:2:12 warning coverage.uncovered',
        'std.yaml:18:9 error covers.removed-item',
        'std.yaml:23:11 warning exclusion.covered',
        'std.yaml:25:12 error exclusion.removed-item',
      ]);
      const plan = JSON.parse((await kijun(['migrate', '--to', 'acme-2031', '--format', 'json'], dir)).stdout);
      assert.deepStrictEqual(plan.standards[0].rewrite, []);
      assert.deepStrictEqual(plan.standards[0].remove, [{ line: 18, column: 9, item: 'Z-7', exclusion: false }, { line: 25, column: 12, item: 'Z-9', exclusion: true }]);
      assert.deepStrictEqual(plan.standards[0].address, [{ item: 'Z-8', label: 'Ⅷ', title: '新設', mustConsider: true, provisional: false, new: true }]);
      assert.deepStrictEqual(plan.summary, { standards: 1, rewrite: 0, remove: 2, address: 1, suspect: 0 });
    });

    it('leaves alone a standard of another guideline, and says which', async () => {
      const other = acmeStandard('nisc-2007').text.replace('id: std', 'id: old');
      const result = await kijun(['migrate', '--to', 'acme-2031', '--format', 'json', 'old.yaml', 'acme-2030.yaml', 'acme-2031.yaml'], folder({ 'old.yaml': other }));
      assert.deepStrictEqual(JSON.parse(result.stdout).notMigrated, [{ path: 'old.yaml', reason: 'not-superseded', guideline: 'nisc-2007' }]);
      const text = await kijun(['migrate', '--to', 'acme-2031', 'old.yaml', 'acme-2031.yaml'], folder({ 'old.yaml': other }));
      assert.strictEqual(text.stdout, 'old.yaml: not migrated: it follows nisc-2007, which acme-2031 does not supersede\n\nPlan for 0 standard(s): 0 entries to rewrite, 0 to remove, 0 item(s) to address or consider, 0 link(s) to review\n');
      const unknown = await kijun(['migrate', '--to', 'acme-2099'], folder());
      assert.deepStrictEqual([unknown.code, unknown.stderr], [2, 'kijun: unknown guideline "acme-2099" for --to; known guidelines: acme-2030, acme-2031, nisc-2007, nisc-2008, nisc-2024\n']);
      const missing = await kijun(['migrate'], folder());
      assert.ok(missing.stderr.startsWith('kijun: name the new edition: kijun migrate --to NEW [paths…]\n'), missing.stderr);
    });

    it('the shipped migration example: what is left of its move to nisc-2024', async () => {
      const result = await kijun(['migrate', '--to', 'nisc-2024', 'examples/migration'], repoRoot);
      assert.strictEqual(result.stdout, [
        'examples/migration/suido-joho-kitei.yaml (suido-joho-kitei): follows nisc-2024 already',
        '  27:14 rewrite G-II-3-1 → G24-2-1 (Kijun\'s reading, provisional)',
        '  33:9 rewrite G-II-3-4-2-A → G24-3 (Kijun\'s reading, provisional)',
        '  34:9 rewrite G-II-3-4-2-A-b → G24-3-1 (Kijun\'s reading, provisional)',
        '  39:14 remove P28-water-1: nisc-2024 has no such item, and none replaces it',
        '  43:14 rewrite G-II-3-4-2-C → G24-6-2 (Kijun\'s reading, provisional)',
        '  80:11 remove G-II-4-3: nisc-2024 has no such item, and none replaces it',
        '',
        'Plan for 1 standard(s): 4 entries to rewrite, 2 to remove, 0 item(s) to address or consider, 0 link(s) to review',
        '',
      ].join('\n'));
      // Its review record is the one `kijun review --accept` writes.
      const record = read(path.join(repoRoot, 'examples', 'migration'), 'suido-joho-kitei.review.yaml');
      assert.strictEqual((parse(record) as { links: unknown[] }).links.length, 10);
      assert.strictEqual((await kijun(['review', 'examples/migration'], repoRoot)).stdout,
        'examples/migration/suido-joho-kitei.yaml: 10 link(s) reviewed, 0 suspect, 0 not reviewed (record: examples/migration/suido-joho-kitei.review.yaml)\n');
    });

    it('kijun --help lists the three commands in both languages', async () => {
      const en = await kijun(['--help'], tmp);
      for (const line of ['       kijun diff [--format text|md|json] OLD NEW', '       kijun review [--accept] [paths or folders…]', '       kijun migrate --to NEW [--write] [--format text|json] [paths or folders…]']) {
        assert.ok(en.stdout.includes(`${line}\n`), line);
      }
      const ja = await kijun(['--help', '--locale', 'ja'], tmp);
      assert.ok(ja.stdout.includes('ファイルを書き換えるのは review --accept と migrate --write だけです。'));
    });
  });
});
