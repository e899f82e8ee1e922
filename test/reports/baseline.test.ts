import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace } from '../../server/src/core';
import { applyBaseline, buildReport, fingerprintOf, Report } from '../../server/src/reports';
import { keyPath } from '../../server/src/reports/baseline';
import { lines } from '../helpers';
import { testGuideline } from '../fixtures';
import { kijun } from '../cli/harness';
import { flawedFiles, flawedStandard } from './fixtures';
import { TempFolders } from './harness';

/** The standard with a second typo (line 10, in clause S-1): one finding more than the baseline has. */
const withNewTypo = flawedStandard.replace('    title: 責任者\n', '    title: 責任者\n    threats: [disastr]\n');

/** The report of a run over the given documents (the test guideline beside them), as the CLI builds it. */
function reportOf(docs: Record<string, string>): Report {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries({ 'test-guideline.yaml': testGuideline.text, ...docs })) workspace.set(uri, text, uri.endsWith('.md') ? 'markdown' : 'yaml');
  return buildReport(workspace.uris().map((uri) => workspace.analyze(uri)), workspace, [], 'en');
}

const fingerprintsOf = (report: Report, file: string): Record<string, string> =>
  Object.fromEntries(report.files.find((f) => f.path === file)!.findings.map((f) => [`${f.code}@${f.line}`, f.fingerprint]));

describe('fingerprints', () => {
  it('do not change when lines move or clauses are reordered, and differ between findings', () => {
    const before = fingerprintsOf(reportOf({ 'std.yaml': flawedStandard }), 'std.yaml');
    assert.deepStrictEqual(Object.keys(before), ['coverage.uncovered@2', 'threat.unknown@14']);
    const moved = `# 草案\n\n${flawedStandard.replace('  - id: S-1\n    title: 責任者\n    covers: [A-1]\n', '').replace('exclusions:', '  - id: S-1\n    title: 責任者\n    covers: [A-1]\nexclusions:')}`;
    const after = fingerprintsOf(reportOf({ 'std.yaml': moved }), 'std.yaml');
    assert.deepStrictEqual(Object.keys(after), ['coverage.uncovered@4', 'threat.unknown@13']);
    assert.deepStrictEqual(Object.values(after), Object.values(before));
    assert.notStrictEqual(before['coverage.uncovered@2'], before['threat.unknown@14']);
  });

  it('change with the subject: the offending text, the item, the clause it is in, the document', () => {
    const base = fingerprintsOf(reportOf({ 'std.yaml': flawedStandard }), 'std.yaml')['threat.unknown@14'];
    const otherTypo = fingerprintsOf(reportOf({ 'std.yaml': flawedStandard.replace('intentinal', 'intentonal') }), 'std.yaml')['threat.unknown@14'];
    const otherClause = fingerprintsOf(reportOf({ 'std.yaml': flawedStandard.replace('id: S-2', 'id: S-9') }), 'std.yaml')['threat.unknown@14'];
    const otherFile = fingerprintsOf(reportOf({ 'other.yaml': flawedStandard.replace('id: std-1', 'id: std-2') }), 'other.yaml')['threat.unknown@14'];
    assert.strictEqual(new Set([base, otherTypo, otherClause, otherFile]).size, 4);
    // Coverage findings of one standard share their span (the `guideline:` value): the item tells them apart.
    const twoGaps = reportOf({ 'std.yaml': flawedStandard.replace('    covers: [B]\n', '    covers: []\n') });
    const coverage = twoGaps.files.find((f) => f.path === 'std.yaml')!.findings.filter((f) => f.code === 'coverage.uncovered');
    assert.deepStrictEqual(coverage.map((f) => `${f.line}:${f.column}`), ['2:12', '2:12']);
    assert.notStrictEqual(coverage[0].fingerprint, coverage[1].fingerprint);
  });

  it('ignore arguments that are line numbers or counts of other documents', () => {
    const duplicate = lines('kijun: standard', 'guideline: test-g', 'id: d', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
      '  - {id: S-1, title: a, covers: [A-1]}', '  - {id: S-1, title: b, covers: [B]}');
    const shifted = duplicate.replace('clauses:\n', 'clauses:\n  - {id: S-0, title: z, covers: [C]}\n');
    const first = reportOf({ 'd.yaml': duplicate }).files.find((f) => f.path === 'd.yaml')!.findings.find((f) => f.code === 'clause.duplicate-id')!;
    const second = reportOf({ 'd.yaml': shifted }).files.find((f) => f.path === 'd.yaml')!.findings.find((f) => f.code === 'clause.duplicate-id')!;
    assert.deepStrictEqual([first.message, second.message], [
      'Clause id "S-1" is used more than once (first at line 8).',
      'Clause id "S-1" is used more than once (first at line 9).',
    ]);
    assert.strictEqual(first.fingerprint, second.fingerprint);
    const oneStandard = reportOf({ 'std.yaml': flawedStandard }).files.find((f) => f.path === 'test-guideline.yaml')!.findings;
    const twoStandards = reportOf({ 'std.yaml': flawedStandard, 'b.yaml': flawedStandard.replace('id: std-1', 'id: std-2') })
      .files.find((f) => f.path === 'test-guideline.yaml')!.findings;
    assert.deepStrictEqual(twoStandards.map((f) => f.message.replace('2 standard(s)', '1 standard(s)')), oneStandard.map((f) => f.message));
    assert.deepStrictEqual(twoStandards.map((f) => f.fingerprint), oneStandard.map((f) => f.fingerprint));
  });

  it('locate a finding by keys and list entries named by id, in YAML and in Markdown', () => {
    const workspace = new Workspace();
    workspace.set('test-guideline.yaml', testGuideline.text, 'yaml');
    workspace.set('std.yaml', flawedStandard, 'yaml');
    const markdown = lines('---', 'kijun: standard', 'guideline: test-g', 'id: m', 'title: t', 'sector: 金融', 'class: 3', '---', '', '## S-1 責任者', 'covers: A-1', 'threats: intentinal', '', '本文');
    workspace.set('std.md', markdown, 'markdown');
    assert.deepStrictEqual(keyPath(workspace.parsed('std.yaml')!.root, flawedStandard.indexOf('intentinal')), ['clauses', '[id=S-2]', 'threats', '[#0]']);
    assert.deepStrictEqual(keyPath(workspace.parsed('std.yaml')!.root, flawedStandard.indexOf('該当なし')), ['exclusions', '[item=A-2]', 'reason']);
    assert.deepStrictEqual(keyPath(workspace.parsed('std.md')!.root, markdown.indexOf('intentinal')), ['clauses', '[id=S-1]', 'threats', '[#0]']);
    const finding = workspace.analyze('std.md').findings.find((f) => f.code === 'threat.unknown')!;
    assert.match(fingerprintOf(finding, { path: 'std.md', text: markdown, root: workspace.parsed('std.md')!.root }), /^[0-9a-f]{32}$/);
  });
});

describe('baselines', () => {
  it('a fingerprint listed twice accepts two findings; a third is new; entries left over are counted as stale', () => {
    const report = reportOf({ 'std.yaml': flawedStandard });
    const threat = report.files.find((f) => f.path === 'std.yaml')!.findings.find((f) => f.code === 'threat.unknown')!;
    // Three findings with one fingerprint (as when the same mistake is made three times where nothing tells them apart).
    const std = report.files.find((f) => f.path === 'std.yaml')!;
    std.findings = [threat, { ...threat, line: 20 }, { ...threat, line: 30 }];
    const entry = { fingerprint: threat.fingerprint, path: 'std.yaml', code: 'threat.unknown', message: threat.message };
    const gone = { fingerprint: 'f'.repeat(32), path: 'std.yaml', code: 'sector.unknown', message: 'fixed since' };
    applyBaseline(report, [entry, entry, gone], 'b.json');
    assert.deepStrictEqual(std.findings.map((f) => [f.line, f.baselined]), [[14, true], [20, true], [30, undefined]]);
    // The guideline's three information findings are not in this baseline either.
    assert.deepStrictEqual(report.baseline, { path: 'b.json', matched: 2, new: 4, stale: 1 });
  });
});

describe('kijun check --baseline, --write-baseline, --max-warnings', () => {
  const temp = new TempFolders();
  after(() => temp.remove());

  it('--write-baseline writes every finding, sorted, and the run passes although it has errors', async () => {
    const folder = temp.make(flawedFiles);
    const written = await kijun(['check', '--write-baseline', 'kijun-baseline.json'], folder);
    assert.strictEqual(written.code, 0);
    assert.strictEqual(written.stderr, 'kijun: wrote the baseline "kijun-baseline.json": 5 finding(s)\n');
    const json = JSON.parse((await kijun(['check', '--format', 'json'], folder)).stdout) as Report;
    const fp = (file: string, line: number): string => json.files.find((f) => f.path === file)!.findings.find((f) => f.line === line)!.fingerprint;
    const baseline = JSON.parse(fs.readFileSync(path.join(folder, 'kijun-baseline.json'), 'utf8'));
    const guideline = [[31, 'A-2'], [33, 'C'], [40, 'C-1']].map(([line, item]) => ({
      fingerprint: fp('test-guideline.yaml', line as number), path: 'test-guideline.yaml', code: 'coverage.not-covered-in-workspace',
      message: `No standard in the workspace covers ${item} (1 standard(s) follow this guideline).`,
    })).sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    assert.deepStrictEqual(baseline, {
      kijunBaseline: 1,
      findings: [
        { fingerprint: fp('std.yaml', 2), path: 'std.yaml', code: 'coverage.uncovered', message: 'Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.' },
        { fingerprint: fp('std.yaml', 14), path: 'std.yaml', code: 'threat.unknown', message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
        ...guideline,
      ],
    });
    const ja = await kijun(['check', '--write-baseline', 'b2.json', '--locale', 'ja'], folder);
    assert.strictEqual(ja.stderr, 'kijun: ベースライン「b2.json」を書き出しました: 指摘 5 件\n');
  });

  it('a finding that moved stays baselined (exit 0); a new one fails the run (exit 1), in English and Japanese', async () => {
    const folder = temp.make(flawedFiles);
    await kijun(['check', '--write-baseline', 'baseline.json'], folder);
    const baseline = fs.readFileSync(path.join(folder, 'baseline.json'), 'utf8');
    const moved = temp.make({ ...flawedFiles, 'std.yaml': `# 改訂中\n${flawedStandard}`, 'baseline.json': baseline });
    const passing = await kijun(['check', '--baseline', 'baseline.json', '--fail-on', 'warning'], moved);
    assert.strictEqual(passing.code, 0);
    assert.strictEqual(passing.stderr, 'kijun: 5 finding(s) in the baseline "baseline.json" do not fail the run; 0 new\n');
    assert.ok(passing.stdout.startsWith([
      'std.yaml:3:12 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded. (in the baseline)',
      'std.yaml:15:15 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"? (in the baseline)',
    ].join('\n')), passing.stdout);

    const fresh = temp.make({ ...flawedFiles, 'std.yaml': withNewTypo, 'baseline.json': baseline });
    const failing = await kijun(['check', '--baseline', 'baseline.json'], fresh);
    assert.strictEqual(failing.code, 1);
    assert.strictEqual(failing.stderr, 'kijun: 5 finding(s) in the baseline "baseline.json" do not fail the run; 1 new\n');
    assert.ok(failing.stdout.includes('\nstd.yaml:10:15 error threat.unknown Unknown threat "disastr" in guideline test-g. Did you mean "disaster"?\n'), failing.stdout);
    const ja = await kijun(['check', '--baseline', 'baseline.json', '--locale', 'ja'], fresh);
    assert.strictEqual(ja.code, 1);
    assert.strictEqual(ja.stderr, 'kijun: ベースライン「baseline.json」にある指摘 5 件は失敗として扱いません。新しい指摘 1 件\n');
    assert.ok(ja.stdout.includes('std.yaml:15:15 エラー threat.unknown 脅威「intentinal」は指針 test-g にありません。「intentional」の誤りではありませんか。 （ベースラインに記録済み）\n'), ja.stdout);
  });

  it('in the JSON, baselined findings are marked and the outcome is recorded; GitHub annotations make them notices', async () => {
    const folder = temp.make(flawedFiles);
    await kijun(['check', '--write-baseline', 'baseline.json'], folder);
    fs.writeFileSync(path.join(folder, 'std.yaml'), withNewTypo);
    const json = JSON.parse((await kijun(['check', '--format', 'json', '--baseline', 'baseline.json'], folder)).stdout) as Report;
    assert.deepStrictEqual(json.baseline, { path: 'baseline.json', matched: 5, new: 1, stale: 0 });
    assert.deepStrictEqual(json.files.find((f) => f.path === 'std.yaml')!.findings.map((f) => `${f.line} ${f.code} ${f.baselined ?? false}`), [
      '2 coverage.uncovered true',
      '10 threat.unknown false',
      '15 threat.unknown true',
    ]);
    const github = await kijun(['check', '--format', 'github', '--baseline', 'baseline.json'], folder);
    assert.strictEqual(github.code, 1);
    assert.deepStrictEqual(github.stdout.trimEnd().split('\n').filter((l) => l.includes(' file=std.yaml,')).map((l) => l.slice(0, l.indexOf(' file=')) + l.slice(l.indexOf(',line='), l.indexOf(',col='))), [
      '::notice,line=2',
      '::error,line=10',
      '::notice,line=15',
    ]);
  });

  it('says how many baseline entries no longer match (fixed findings)', async () => {
    const folder = temp.make(flawedFiles);
    await kijun(['check', '--write-baseline', 'baseline.json'], folder);
    fs.writeFileSync(path.join(folder, 'std.yaml'), flawedStandard.replace('intentinal', 'intentional'));
    const result = await kijun(['check', '--baseline', 'baseline.json'], folder);
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stderr, 'kijun: 4 finding(s) in the baseline "baseline.json" do not fail the run; 0 new; 1 baseline entry no longer matches (fixed: run --write-baseline to drop them)\n');
    const ja = await kijun(['check', '--baseline', 'baseline.json', '--locale', 'ja'], folder);
    assert.strictEqual(ja.stderr, 'kijun: ベースライン「baseline.json」にある指摘 4 件は失敗として扱いません。新しい指摘 0 件。ベースラインの 1 件は一致する指摘がなくなりました（解消済み。--write-baseline で削除できます）\n');
  });

  it('a baseline that is missing or not a baseline is a usage error (exit 2), in English and Japanese', async () => {
    const folder = temp.make({ ...flawedFiles, 'broken.json': '{"kijunBaseline": 1, "findings": [', 'other.json': '{"findings": []}\n', 'future.json': '{"kijunBaseline": 2, "findings": []}\n' });
    const cases: [string, string, string][] = [
      ['missing.json', 'kijun: cannot read the baseline "missing.json": ENOENT', 'kijun: ベースライン「missing.json」を読み込めません: ENOENT'],
      ['broken.json', 'kijun: "broken.json" is not a Kijun baseline (it is not JSON); write one with --write-baseline', 'kijun: 「broken.json」は Kijun のベースラインではありません（JSON ではありません）。--write-baseline で作成してください'],
      ['other.json', 'kijun: "other.json" is not a Kijun baseline (it has no "kijunBaseline" and "findings" with fingerprints); write one with --write-baseline',
        'kijun: 「other.json」は Kijun のベースラインではありません（「kijunBaseline」と、フィンガープリントを持つ「findings」がありません）。--write-baseline で作成してください'],
      ['future.json', 'kijun: "future.json" is not a Kijun baseline (it is of a baseline version this Kijun does not read); write one with --write-baseline',
        'kijun: 「future.json」は Kijun のベースラインではありません（この Kijun が読めない版のベースラインです）。--write-baseline で作成してください'],
    ];
    for (const [file, en, ja] of cases) {
      const result = await kijun(['check', '--baseline', file], folder);
      assert.deepStrictEqual([result.code, result.stdout, result.stderr], [2, '', `${en}\n`], file);
      assert.strictEqual((await kijun(['check', '--baseline', file, '--locale', 'ja'], folder)).stderr, `${ja}\n`, file);
    }
    const unwritable = await kijun(['check', '--write-baseline', 'no-such-folder/b.json'], folder);
    assert.deepStrictEqual([unwritable.code, unwritable.stderr], [2, 'kijun: cannot write the baseline "no-such-folder/b.json": ENOENT\n']);
  });

  it('--max-warnings N: more than N warnings fail the run; with a baseline, only the new ones count', async () => {
    const twoGaps = flawedStandard.replace('intentinal', 'intentional').replace('    covers: [B]\n', '    covers: []\n');
    const folder = temp.make({ ...flawedFiles, 'std.yaml': twoGaps });
    const run = (...args: string[]) => kijun(['check', 'std.yaml', 'test-guideline.yaml', ...args], folder);
    assert.deepStrictEqual([(await run('--max-warnings', '2')).code, (await run('--max-warnings', '2')).stderr], [0, '']);
    const over = await run('--max-warnings', '1');
    assert.deepStrictEqual([over.code, over.stderr], [1, 'kijun: 2 warning(s), more than --max-warnings 1\n']);
    assert.strictEqual((await run('--max-warnings=0', '--locale', 'ja')).stderr, 'kijun: 警告が 2 件あり、--max-warnings 0 を超えています\n');
    // Both warnings in the baseline: none counts. A third gap is new and over the limit of 0.
    await run('--write-baseline', 'baseline.json');
    assert.strictEqual((await run('--baseline', 'baseline.json', '--max-warnings', '0')).code, 0);
    fs.writeFileSync(path.join(folder, 'std.yaml'), twoGaps.replace('    covers: [A-1]\n', '    covers: []\n'));
    const fresh = await run('--baseline', 'baseline.json', '--max-warnings', '0');
    assert.strictEqual(fresh.code, 1);
    assert.strictEqual(fresh.stderr, [
      // New: the warning for A-1, and the guideline's information that no standard covers A-1, nor so A.
      'kijun: 6 finding(s) in the baseline "baseline.json" do not fail the run; 3 new',
      'kijun: 1 warning(s) not in the baseline, more than --max-warnings 0',
      '',
    ].join('\n'));
    assert.strictEqual((await run('--baseline', 'baseline.json', '--max-warnings', '0', '--locale', 'ja')).stderr.split('\n')[1],
      'kijun: ベースラインにない警告が 1 件あり、--max-warnings 0 を超えています');
  });

  it('bad values of the new options are usage errors (exit 2)', async () => {
    const folder = temp.make(flawedFiles);
    const cases: [string[], string][] = [
      [['--max-warnings', 'many'], 'kijun: --max-warnings must be a whole number, 0 or more, not "many"'],
      [['--max-warnings', '-1'], 'kijun: --max-warnings must be a whole number, 0 or more, not "-1"'],
      [['--baseline', 'a.json', '--write-baseline', 'b.json'], 'kijun: use either --baseline or --write-baseline, not both'],
      [['--baseline'], 'kijun: --baseline needs a value'],
    ];
    for (const [args, message] of cases) {
      const result = await kijun(['check', ...args], folder);
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.ok(result.stderr.startsWith(`${message}\n\nUsage: kijun check`), result.stderr);
    }
    const ja = await kijun(['check', '--max-warnings', 'x', '--locale', 'ja'], folder);
    assert.ok(ja.stderr.startsWith('kijun: --max-warnings には 0 以上の整数を指定してください（「x」が指定されています）\n'), ja.stderr);
    const both = await kijun(['check', '--baseline', 'a', '--write-baseline', 'b', '--locale', 'ja'], folder);
    assert.ok(both.stderr.startsWith('kijun: --baseline と --write-baseline はどちらか一方だけを指定してください\n'), both.stderr);
  });

  it('a file that cannot be read still exits 2 with a baseline that accepts everything else', async () => {
    const folder = temp.make(flawedFiles);
    await kijun(['check', '--write-baseline', 'baseline.json'], folder);
    fs.writeFileSync(path.join(folder, 'sjis.yaml'), Buffer.from([0x6b, 0x69, 0x6a, 0x75, 0x6e, 0x3a, 0x20, 0x73, 0x74, 0x61, 0x6e, 0x64, 0x61, 0x72, 0x64, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0x88, 0xc0, 0x91, 0x53, 0x0a]));
    const result = await kijun(['check', '--baseline', 'baseline.json'], folder);
    assert.strictEqual(result.code, 2);
    assert.ok(result.stdout.includes('sjis.yaml: not checked: the file is saved in Shift_JIS'), result.stdout);
  });
});
