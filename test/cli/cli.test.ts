import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lines, repoRoot } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';
import { environmentWithLang, kijun } from './harness';

/**
 * A standard with one error (a threat typo, line 14), one coverage gap (C) and an excluded reference item.
 * The guideline then reports A-2 (excluded, not covered), C and C-1 (medical only) as covered by no standard.
 */
const flawedStandard = completeStandard(['exclusions:', '  - {item: A-2, reason: 該当なし}'])
  .replace('    covers: [A-1, A-2]', '    covers: [A-1]')
  .replace('covers: [C]', 'covers: []')
  .replace('threats: [intentional]', 'threats: [intentinal]');

describe('cli', () => {
  let tmp: string;
  let flawed: string;
  let clean: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-cli-'));
    flawed = path.join(tmp, 'flawed');
    clean = path.join(tmp, 'clean');
    fs.mkdirSync(flawed);
    fs.mkdirSync(clean);
    fs.mkdirSync(path.join(flawed, '.hidden'));
    fs.writeFileSync(path.join(flawed, 'test-guideline.yaml'), testGuideline.text);
    fs.writeFileSync(path.join(flawed, 'std.yaml'), flawedStandard);
    fs.writeFileSync(path.join(flawed, 'other.yaml'), 'foo: bar\n'); // not a Kijun document: not counted
    fs.writeFileSync(path.join(flawed, 'notes.txt'), 'kijun'); // not YAML or Markdown: skipped when walking a folder
    fs.writeFileSync(path.join(flawed, '.hidden', 'broken.yaml'), 'kijun: standrd\n'); // dot folders are skipped
    fs.writeFileSync(path.join(clean, 'test-guideline.yaml'), testGuideline.text);
    fs.writeFileSync(path.join(clean, 'std.yaml'), completeStandard());
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A folder of its own under the run's temporary folder, with the given files. */
  let folders = 0;
  function tempFolder(files: Record<string, string>): string {
    const folder = path.join(tmp, `case-${++folders}`);
    fs.mkdirSync(folder);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    return folder;
  }

  it('text output: one line per finding as "path:line:col severity code message", then coverage and a summary', async () => {
    const result = await kijun(['check'], flawed);
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(result.stdout, [
      'std.yaml:2:12 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.',
      'std.yaml:14:15 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
      'test-guideline.yaml:31:14 info coverage.not-covered-in-workspace No standard in the workspace covers A-2 (1 standard(s) follow this guideline).',
      'test-guideline.yaml:33:9 info coverage.not-covered-in-workspace No standard in the workspace covers C (1 standard(s) follow this guideline).',
      'test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
      '',
      'std.yaml: 2 of 3 must-consider items covered or excluded (0 excluded); uncovered: C',
      '',
      'Checked 2 document(s): 1 error(s), 1 warning(s), 3 information',
      '',
    ].join('\n'));
    assert.strictEqual(result.code, 1);
  });

  it('--locale ja: the same report in Japanese', async () => {
    const result = await kijun(['check', '--locale', 'ja', '.'], flawed);
    assert.strictEqual(result.stdout, [
      'std.yaml:2:12 警告 coverage.uncovered 要検討事項 C Ⅲ「継続」に対応する条項も除外（規定する必要がない）もありません。',
      'std.yaml:14:15 エラー threat.unknown 脅威「intentinal」は指針 test-g にありません。「intentional」の誤りではありませんか。',
      'test-guideline.yaml:31:14 情報 coverage.not-covered-in-workspace ワークスペース内のどの安全基準等も A-2 に対応していません（この指針に準拠する安全基準等: 1 件）。',
      'test-guideline.yaml:33:9 情報 coverage.not-covered-in-workspace ワークスペース内のどの安全基準等も C に対応していません（この指針に準拠する安全基準等: 1 件）。',
      'test-guideline.yaml:40:14 情報 coverage.not-covered-in-workspace ワークスペース内のどの安全基準等も C-1 に対応していません（この指針に準拠する安全基準等: 1 件）。',
      '',
      'std.yaml: 要検討事項 3 件中 2 件に対応または除外（うち除外 0 件）。未対応: C',
      '',
      '2 件の文書を検査: エラー 1 件、警告 1 件、情報 3 件',
      '',
    ].join('\n'));
    assert.strictEqual(result.code, 1);
  });

  it('the default locale comes from LANG; --locale overrides it', async () => {
    const ja = await kijun(['check'], flawed, { LANG: 'ja_JP.UTF-8' });
    assert.ok(ja.stdout.includes('std.yaml: 要検討事項 3 件中 2 件に対応または除外（うち除外 0 件）。未対応: C\n'), ja.stdout);
    const en = await kijun(['check', '--locale=en'], flawed, { LANG: 'ja_JP.UTF-8' });
    assert.ok(en.stdout.includes('std.yaml: 2 of 3 must-consider items covered or excluded (0 excluded); uncovered: C\n'), en.stdout);
  });

  it('--format json: files, coverage and summary with exact values', async () => {
    const result = await kijun(['check', '--format', 'json', 'std.yaml', 'test-guideline.yaml'], flawed);
    assert.strictEqual(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.deepStrictEqual(report.summary, { files: 2, errors: 1, warnings: 1, information: 3 });
    assert.deepStrictEqual(report.files.map((f: { path: string; kind: string }) => [f.path, f.kind]), [['std.yaml', 'standard'], ['test-guideline.yaml', 'guideline']]);
    // The fingerprint is what a baseline matches (test/reports/baseline.test.ts checks how it behaves).
    const { fingerprint, ...threatFinding } = report.files[0].findings[1];
    assert.match(fingerprint, /^[0-9a-f]{32}$/);
    assert.deepStrictEqual(threatFinding, {
      line: 14,
      column: 15,
      endLine: 14,
      endColumn: 25,
      severity: 'error',
      code: 'threat.unknown',
      message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
    });
    assert.deepStrictEqual(report.files[1].findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`), [
      'coverage.not-covered-in-workspace@31',
      'coverage.not-covered-in-workspace@33',
      'coverage.not-covered-in-workspace@40',
    ]);
    assert.deepStrictEqual(report.coverage, [{
      path: 'std.yaml',
      standard: 'std-1',
      guideline: 'test-g',
      // Counted: the leaves A-1, B and C (C-1 is for 医療 only); A is complete through A-1 and not counted again.
      mustConsider: { total: 3, covered: 2, excluded: 0, uncovered: 1 },
      reference: { total: 1, covered: 0, excluded: 1, uncovered: 0 },
      items: [
        { id: 'A', label: 'Ⅰ', title: 'Organisation', obligation: 'must-consider', provisional: false, status: 'covered', coveredBy: [], children: { done: 1, total: 1 }, counted: false, reported: false },
        { id: 'A-1', label: 'Ⅰ1', title: 'Officer', obligation: 'must-consider', provisional: false, status: 'covered', coveredBy: ['S-1'], counted: true, reported: false },
        { id: 'A-2', label: 'Ⅰ2', title: 'Note', obligation: 'reference', provisional: false, status: 'excluded', coveredBy: [], excludedBecause: '該当なし', counted: true, reported: false },
        { id: 'B', label: 'Ⅱ', title: 'For finance', obligation: 'must-consider', provisional: false, status: 'covered', coveredBy: ['S-2'], counted: true, reported: false },
        { id: 'C', label: 'Ⅲ', title: 'Continuity', obligation: 'must-consider', provisional: false, status: 'uncovered', coveredBy: [], counted: true, reported: true },
      ],
    }]);
  });

  it('--format json --locale ja: messages and item titles in Japanese', async () => {
    const result = await kijun(['check', '--format=json', '--locale', 'ja'], flawed);
    const report = JSON.parse(result.stdout);
    assert.deepStrictEqual(report.coverage[0].items.map((i: { title: string }) => i.title), ['体制', '責任者', '参考', '金融向け', '継続']);
    assert.strictEqual(report.files[0].findings[0].message, '要検討事項 C Ⅲ「継続」に対応する条項も除外（規定する必要がない）もありません。');
  });

  it('exit status 0 for a clean standard (information does not count)', async () => {
    const result = await kijun(['check'], clean);
    assert.strictEqual(result.code, 0);
    assert.ok(result.stdout.includes('std.yaml: 3 of 3 must-consider items covered or excluded (0 excluded)\n'), result.stdout);
    assert.ok(result.stdout.endsWith('Checked 2 document(s): 0 error(s), 0 warning(s), 1 information\n'), result.stdout);
  });

  it('exit status 2 for bad usage, with the reason on stderr and nothing on stdout', async () => {
    const cases: [string[], string][] = [
      [['chek'], 'kijun: unknown command "chek"'],
      [[], 'kijun: missing command'],
      [['check', '--bogus'], 'kijun: unknown option "--bogus"'],
      [['check', '--format', 'xml'], 'kijun: --format must be text, json, github, sarif or junit, not "xml"'],
      [['check', '--locale', 'fr'], 'kijun: --locale must be ja or en, not "fr"'],
      [['check', '--format'], 'kijun: --format needs a value'],
      [['check', '--provisional', 'maybe'], 'kijun: --provisional must be advisory or binding, not "maybe"'],
    ];
    for (const [argv, message] of cases) {
      const result = await kijun(argv, flawed);
      assert.strictEqual(result.code, 2, argv.join(' '));
      assert.strictEqual(result.stdout, '', argv.join(' '));
      assert.ok(result.stderr.startsWith(`${message}\n`), `${argv.join(' ')}: ${result.stderr}`);
      assert.ok(result.stderr.includes('Usage: kijun check'), argv.join(' '));
    }
  });

  it('--provisional binding: provisional guideline items count as must-consider', async () => {
    // nisc-2008's sub-items (Kijun補足 柱n-m) are provisional; a guideline of our own here keeps the test independent of that data.
    const folder = tempFolder({
      'g.yaml': lines('kijun: guideline', 'id: prov-g', 'title: 暫定', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
        '  - {id: K, label: Ⅱ1, title: 柱, title-en: Pillar, obligation: must-consider, level: abstract}',
        '  - {id: K-1, label: Ⅱ1補足, title: 補足, title-en: Supplement, obligation: must-consider, level: abstract, provisional: true, parent: K}'),
      'std.yaml': lines('kijun: standard', 'guideline: prov-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [K]}'),
    });
    const advisory = await kijun(['check', '--fail-on', 'warning', '--locale', 'en'], folder);
    assert.strictEqual(advisory.code, 0);
    assert.ok(advisory.stdout.includes('std.yaml:2:12 info coverage.uncovered-provisional Provisional item K-1 Ⅱ1補足 "Supplement" (Kijun\'s own suggestion, not the guideline\'s) is not covered.\n'), advisory.stdout);
    assert.ok(advisory.stdout.includes('std.yaml: 1 of 1 must-consider items covered or excluded (0 excluded)\n'), advisory.stdout);
    const binding = await kijun(['check', '--fail-on', 'warning', '--provisional', 'binding', '--locale', 'ja'], folder);
    assert.strictEqual(binding.code, 1);
    assert.ok(binding.stdout.includes('std.yaml:2:12 警告 coverage.uncovered 要検討事項 K-1 Ⅱ1補足「補足」に対応する条項も除外（規定する必要がない）もありません。\n'), binding.stdout);
    assert.ok(binding.stdout.includes('std.yaml: 要検討事項 2 件中 1 件に対応または除外（うち除外 0 件）。未対応: K-1\n'), binding.stdout);
  });

  it('exit status 2 for a missing path and for a non-YAML file named explicitly', async () => {
    const missing = await kijun(['check', 'std.yaml', 'nothere'], flawed);
    assert.deepStrictEqual(missing, { code: 2, stdout: '', stderr: 'kijun: cannot check "nothere": no such file or folder\n' });
    const text = await kijun(['check', 'notes.txt'], flawed);
    assert.deepStrictEqual(text, { code: 2, stdout: '', stderr: 'kijun: cannot check "notes.txt": not a YAML or Markdown file (.yaml, .yml, .md, .markdown)\n' });
    const ja = await kijun(['check', 'notes.txt', '--locale', 'ja'], flawed);
    assert.deepStrictEqual(ja, { code: 2, stdout: '', stderr: 'kijun: 「notes.txt」を検査できません: YAML または Markdown のファイル（.yaml、.yml、.md、.markdown）ではありません\n' });
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await kijun(['check', '--help'], flawed);
    assert.strictEqual(result.code, 0);
    assert.ok(result.stdout.startsWith('Usage: kijun check [options] [paths or folders…]'));
    assert.strictEqual(result.stderr, '');
  });

  it('checks the examples from the repository root: the coverage summary of each standard', async () => {
    const result = await kijun(['check', 'examples'], repoRoot);
    assert.strictEqual(result.code, 1);
    const summaries = result.stdout.split('\n').filter((l) => /^examples\/\S+: \d+ of \d+ must-consider/.test(l));
    // Only the causes are listed as uncovered: Ⅱ and 柱3 are incomplete because of these (partial). Kijun's
    // provisional sub-items are not must-consider by default, so they are neither counted nor listed here.
    assert.deepStrictEqual(summaries, [
      'examples/finance/fisc-anzen-taisaku.yaml: 7 of 7 must-consider items covered or excluded (0 excluded)',
      'examples/medical/iryo-joho-anzen.md: 7 of 7 must-consider items covered or excluded (0 excluded)',
      'examples/with-mistakes/butsuryu-draft.yaml: 4 of 7 must-consider items covered or excluded (0 excluded); uncovered: G-II-2, G-II-3-4-2-B, G-II-3-4-2-C',
    ]);
  });

  it('bin/kijun.js, spawned: "check examples" exits 1 and prints the sector.unknown line of the draft', () => {
    const child = spawnSync(process.execPath, ['bin/kijun.js', 'check', 'examples'], { cwd: repoRoot, env: environmentWithLang('C'), encoding: 'utf8', timeout: 60000 });
    assert.strictEqual(child.status, 1, child.stderr);
    const line = 'examples/with-mistakes/butsuryu-draft.yaml:7:9 error sector.unknown Unknown sector "物留" in guideline nisc-2008. Did you mean "物流"?';
    assert.ok(child.stdout.split('\n').includes(line), child.stdout);
  });
});
