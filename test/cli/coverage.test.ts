import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROGRESS_AFTER_MS } from '../../server/src/cli/progress';
import { parseCsv, readWorkbook } from '../reports/readBack';
import { matrixFiles } from '../reports/matrixFixtures';
import { kijun, VERBOSE_TIMING } from './harness';

/** `kijun coverage` (README "Coverage reports"): the matrix in each format, to standard output or a file. */
describe('cli: kijun coverage', () => {
  let tmp: string;
  let folder: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-coverage-'));
    folder = path.join(tmp, 'ws');
    fs.mkdirSync(folder);
    for (const [name, text] of Object.entries(matrixFiles)) fs.writeFileSync(path.join(folder, name), text);
    fs.writeFileSync(path.join(folder, 'notes.md'), '# not ours\n');
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('Markdown on standard output by default; exit 0 even with gaps (a report, not a gate)', async () => {
    const result = await kijun(['coverage'], folder);
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.deepStrictEqual(lines.slice(0, 3), ['# Coverage matrix', '', '## Guideline 対応表テスト指針 (matrix-g)']);
    // The folder walk's order: bank.yaml, hospital.md, insurer.yaml.
    assert.strictEqual(lines[8], '| Item | No. | Title | Obligation | Level | Notes | bank | hospital | insurer | Across the columns |');
    assert.strictEqual(lines[10], '| A | Ⅰ | Organisation | must-consider | abstract |  | ✔ covered: through its sub-items (2 of 2) | ◐ partial: 1 of 2 sub-items | ◐ partial: 1 of 2 sub-items | ✔ 1 · ◐ 2 |');
  });

  it('--format json: the matrix as data, read back', async () => {
    const result = await kijun(['coverage', '--format', 'json', '--by', 'sector', '--locale', 'ja'], folder);
    assert.strictEqual(result.code, 0);
    const matrix = JSON.parse(result.stdout);
    assert.deepStrictEqual([matrix.by, matrix.locale, matrix.notes], ['sector', 'ja', []]);
    const [guideline] = matrix.guidelines;
    assert.deepStrictEqual(guideline.columns.map((c: { key: string; standards: { path: string }[] }) => `${c.key}: ${c.standards.map((s) => s.path).join(', ')}`), [
      'finance: bank.yaml, insurer.yaml',
      'medical: hospital.md',
    ]);
    const c = guideline.rows.find((r: { id: string }) => r.id === 'C');
    assert.deepStrictEqual(c.cells[0], {
      state: 'excluded',
      clauses: [],
      exclusions: [
        { standard: 'bank', reason: '対象業務がないため', location: { path: 'bank.yaml', line: 16, column: 5, endLine: 16, endColumn: 33 } },
        { standard: 'insurer', reason: '保険業務には該当しない', location: { path: 'insurer.yaml', line: 14, column: 5, endLine: 14, endColumn: 35 } },
      ],
    });
    assert.deepStrictEqual(c.cells[1].clauses, [{ standard: 'hospital', id: 'H-2', title: '継続計画', location: { path: 'hospital.md', line: 13, column: 4, endLine: 13, endColumn: 7 } }]);
  });

  it('--output FILE writes the file (its extension picks the format); what was not read and the notes go to standard error', async () => {
    fs.writeFileSync(path.join(folder, 'ghost.yaml'), 'kijun: standard\nguideline: ghost-g\nid: ghost\ntitle: 幽霊\nsector: 金融\nclass: 4\n');
    try {
      const result = await kijun(['coverage', 'notes.md', '.', '--output', 'out.csv'], folder);
      assert.deepStrictEqual(result, {
        code: 0,
        stdout: '',
        stderr: [
          'notes.md: skipped: not a Kijun document (no top-level "kijun:" naming the document kind)',
          'kijun: note: ghost.yaml: 1 error(s), so the coverage shown may be incomplete (kijun check lists them)',
          'kijun: note: ghost.yaml: guideline "ghost-g" not found; the standard is not in the matrix',
          '',
        ].join('\n'),
      });
      const csv = fs.readFileSync(path.join(folder, 'out.csv'), 'utf8');
      assert.strictEqual(csv.charCodeAt(0), 0xfeff);
      const records = parseCsv(csv.slice(1));
      assert.deepStrictEqual(records[0].slice(8, 11), ['bank 銀行の基準', 'hospital 病院の基準', 'insurer 保険の基準']);
      assert.deepStrictEqual(records.slice(-3), [
        ['Notes'],
        ['ghost.yaml: 1 error(s), so the coverage shown may be incomplete (kijun check lists them)'],
        ['ghost.yaml: guideline "ghost-g" not found; the standard is not in the matrix'],
      ]);
      const ja = await kijun(['coverage', '--output', 'out.html', '--locale', 'ja'], folder);
      assert.strictEqual(ja.stderr, [
        'kijun: 注記: ghost.yaml: エラーが 1 件あるため、対応状況が不完全な可能性があります（kijun check で確認できます）',
        'kijun: 注記: ghost.yaml: 指針「ghost-g」が見つからないため、この安全基準等は対応表にありません',
        '',
      ].join('\n'));
      assert.ok(fs.readFileSync(path.join(folder, 'out.html'), 'utf8').startsWith('<!DOCTYPE html>\n<html lang="ja">'));
    } finally {
      for (const name of ['ghost.yaml', 'out.csv', 'out.html']) fs.rmSync(path.join(folder, name), { force: true });
    }
  });

  it('XLSX: written to a file or a pipe (read back), never to a terminal', async () => {
    const file = path.join(tmp, 'matrix.xlsx');
    assert.deepStrictEqual(await kijun(['coverage', folder, '--output', file], tmp), { code: 0, stdout: '', stderr: '' });
    const workbook = await readWorkbook(fs.readFileSync(file));
    assert.deepStrictEqual(workbook.worksheets.map((s) => s.name), ['matrix-g']);
    assert.strictEqual(workbook.getWorksheet('matrix-g')!.getCell('H2').value, 'bank 銀行の基準');

    let piped: Uint8Array | undefined;
    const toPipe = await kijun(['coverage', '--format', 'xlsx'], folder, {}, { stdoutBytes: (data) => { piped = data; } });
    assert.deepStrictEqual(toPipe, { code: 0, stdout: '', stderr: '' });
    assert.deepStrictEqual((await readWorkbook(piped!)).worksheets.map((s) => s.name), ['matrix-g']);

    const terminal = { stdout: true, stderr: true };
    const refused = await kijun(['coverage', '--format', 'xlsx'], folder, {}, { terminal, stdoutBytes: () => assert.fail('binary written to a terminal') });
    assert.deepStrictEqual(refused, {
      code: 2,
      stdout: '',
      stderr: 'kijun: XLSX is binary and standard output is a terminal: give --output FILE.xlsx, or redirect the output to a file\n',
    });
    const refusedJa = await kijun(['coverage', '--format', 'xlsx', '--locale', 'ja'], folder, {}, { terminal });
    assert.strictEqual(refusedJa.stderr, 'kijun: XLSX はバイナリ形式のため端末には出力しません。--output ファイル名.xlsx を指定するか、出力をファイルにリダイレクトしてください\n');
  });

  it('usage errors: an unknown --format or --by, and a file that cannot be written, in English and Japanese', async () => {
    const badFormat = await kijun(['coverage', '--format', 'pdf'], folder);
    assert.strictEqual(badFormat.code, 2);
    assert.ok(badFormat.stderr.startsWith('kijun: --format must be md, html, csv, xlsx or json, not "pdf"\n\nUsage: kijun check'), badFormat.stderr);
    const badFormatJa = await kijun(['coverage', '--format', 'pdf', '--locale', 'ja'], folder);
    assert.ok(badFormatJa.stderr.startsWith('kijun: --format には md・html・csv・xlsx・json のいずれかを指定してください（「pdf」が指定されています）\n'), badFormatJa.stderr);
    const badBy = await kijun(['coverage', '--by', 'ministry'], folder);
    assert.ok(badBy.stderr.startsWith('kijun: --by must be standard or sector, not "ministry"\n'), badBy.stderr);
    const badByJa = await kijun(['coverage', '--by', 'ministry', '--locale', 'ja'], folder);
    assert.ok(badByJa.stderr.startsWith('kijun: --by には standard か sector を指定してください（「ministry」が指定されています）\n'), badByJa.stderr);
    const unwritable = await kijun(['coverage', '--output', 'missing/out.md'], folder);
    assert.deepStrictEqual(unwritable, { code: 2, stdout: '', stderr: 'kijun: cannot write "missing/out.md": ENOENT\n' });
    const unwritableJa = await kijun(['coverage', '--output', 'missing/out.md', '--locale', 'ja'], folder);
    assert.strictEqual(unwritableJa.stderr, 'kijun: 「missing/out.md」に書き込めません: ENOENT\n');
  });

  it('kijun --help lists the command and its options', async () => {
    const help = await kijun(['--help'], folder);
    assert.ok(help.stdout.includes('       kijun coverage [options] [paths or folders…]\n'));
    assert.ok(help.stdout.includes('  --by standard|sector       columns: each standard (default), or each sector (its standards together)\n'));
    const ja = await kijun(['--help', '--locale', 'ja'], folder);
    assert.ok(ja.stdout.includes('        kijun coverage [オプション] [ファイルまたはフォルダ…]\n'));
    assert.ok(ja.stdout.includes('  --output FILE              標準出力ではなく FILE に書き出す（XLSX は端末には出力しない）\n'));
  });
});

describe('cli: progress and timing', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-progress-'));
    for (const [name, text] of Object.entries(matrixFiles)) fs.writeFileSync(path.join(folder, name), text);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** A clock that moves 100 ms each time it is read, so that every progress step is shown once the run is long enough. */
  function steppingClock(): () => number {
    let now = 0;
    return () => (now += 100);
  }

  it('on a terminal, one progress line on standard error, rewritten in place and erased before the output; none when piped', async () => {
    const erase = '\u001b[K';
    const onTerminal = await kijun(['check', '--format', 'json'], folder, {}, { terminal: { stdout: true, stderr: true }, now: steppingClock() });
    // The first steps come before PROGRESS_AFTER_MS: a short run shows nothing of them.
    assert.strictEqual(PROGRESS_AFTER_MS, 250);
    assert.strictEqual(onTerminal.stderr, [
      `\rkijun: finding files… 2${erase}`,
      `\rkijun: finding files… 3${erase}`,
      `\rkijun: finding files… 4${erase}`,
      `\rkijun: reading 1 of 4 files${erase}`,
      `\rkijun: reading 2 of 4 files${erase}`,
      `\rkijun: reading 3 of 4 files${erase}`,
      `\rkijun: reading 4 of 4 files${erase}`,
      `\rkijun: checking 1 of 4 documents${erase}`,
      `\rkijun: checking 2 of 4 documents${erase}`,
      `\rkijun: checking 3 of 4 documents${erase}`,
      `\rkijun: checking 4 of 4 documents${erase}`,
      `\r${erase}`,
    ].join(''));
    assert.strictEqual(JSON.parse(onTerminal.stdout).summary.files, 4);
    const ja = await kijun(['coverage', '--locale', 'ja'], folder, {}, { terminal: { stdout: true, stderr: true }, now: steppingClock() });
    assert.ok(ja.stderr.includes(`\rkijun: ファイルを探しています… 4 件${erase}\rkijun: 読み込み中: 4 件中 1 件${erase}`), ja.stderr);
    assert.ok(ja.stderr.endsWith(`\rkijun: 検査中: 4 件中 4 件${erase}\r${erase}`), ja.stderr);
    // Piped (not a terminal): nothing but the report.
    const piped = await kijun(['check', '--format', 'json'], folder, {}, { terminal: { stdout: false, stderr: false }, now: steppingClock() });
    assert.strictEqual(piped.stderr, '');
  });

  it('--verbose prints the time of each phase, for every command', async () => {
    const check = await kijun(['check', '--verbose', '--format', 'json'], folder);
    assert.ok(check.stderr.endsWith(VERBOSE_TIMING), check.stderr);
    const coverage = await kijun(['coverage', '--verbose'], folder);
    assert.strictEqual(coverage.stderr, VERBOSE_TIMING);
    // With a clock that moves 100 ms at each reading (piped: progress reads no clock), each phase spans one
    // step; the total also spans the start and the end of the run.
    const timed = await kijun(['coverage', '--verbose', '--locale', 'ja'], folder, {}, { now: steppingClock() });
    assert.strictEqual(timed.stderr, 'kijun: 所要時間: 読み込み 100 ms、検査 100 ms、出力 100 ms（合計 500 ms）\n');
    const timedEn = await kijun(['check', '--verbose'], folder, {}, { now: steppingClock() });
    assert.strictEqual(timedEn.stderr, 'kijun: timing: reading 100 ms, checking 100 ms, output 100 ms; total 500 ms\n');
  });
});
