import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatOf } from '../../server/src/core';
import { lines, repoRoot } from '../helpers';
import { shiftJisFile, utf16be, utf16le } from '../encodings';
import { completeStandard, testGuideline } from '../fixtures';
import { environmentWithLang, kijun, VERBOSE_TIMING } from './harness';

/** A temporary folder with the given files (relative path → text, or bytes written as they are). */
function folderWith(files: Record<string, string | Buffer>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-inputs-'));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    fs.writeFileSync(path.join(folder, relative), content);
  }
  return folder;
}


/** A standard with one error: a threat typo on line 14. */
const flawedStandard = completeStandard().replace('threats: [intentional]', 'threats: [intentinal]');
const flawedReport = (file: string): string => [
  `${file}:14:15 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?`,
  'test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
  '',
  `${file}: 3 of 3 must-consider items covered or excluded (0 excluded)`,
  '',
  'Checked 2 document(s): 1 error(s), 0 warning(s), 1 information',
  '',
].join('\n');

const notKijun = {
  en: 'skipped: not a Kijun document (no top-level "kijun:" naming the document kind)',
  ja: 'スキップ: Kijun の文書ではありません（最上位に文書の種類を示す「kijun:」がありません）',
};
const savedInShiftJis = {
  en: 'the file is saved in Shift_JIS, and Kijun reads UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding "UTF-8")',
  ja: 'ファイルが Shift_JIS で保存されています。Kijun は UTF-8 の文書を検査します。UTF-8 で保存し直してください（例: メモ帳の「名前を付けて保存」で文字コード「UTF-8」を選ぶ）',
};
const totals = (files: number, errors = 0, warnings = 0, information = 0): string =>
  `Checked ${files} document(s): ${errors} error(s), ${warnings} warning(s), ${information} information`;

describe('cli: no file is skipped in silence', () => {
  const folders: string[] = [];
  const make = (files: Record<string, string | Buffer>): string => {
    const folder = folderWith(files);
    folders.push(folder);
    return folder;
  };

  after(() => {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  describe('a file named on the command line that is not analysed gets a line saying so and why', () => {
    it('not a Kijun document (also a top-level kijun: holding a mapping): a line each, exit 0', async () => {
      const folder = make({ 'other.yaml': 'foo: bar\n', 'tool.yaml': lines('kijun:', '  enabled: true', '  rules: [a, b]') });
      assert.deepStrictEqual(await kijun(['check', 'other.yaml', 'tool.yaml'], folder), {
        code: 0,
        stderr: '',
        stdout: [`other.yaml: ${notKijun.en}`, `tool.yaml: ${notKijun.en}`, '', totals(0), ''].join('\n'),
      });
      assert.deepStrictEqual(await kijun(['check', 'tool.yaml', '--locale', 'ja'], folder), {
        code: 0,
        stderr: '',
        stdout: [`tool.yaml: ${notKijun.ja}`, '', '0 件の文書を検査: エラー 0 件、警告 0 件、情報 0 件', ''].join('\n'),
      });
    });

    it('found by walking a folder, a file that is not ours stays silent; --verbose lists it', async () => {
      const folder = make({ 'other.yaml': 'foo: bar\n', 'tool.yaml': lines('kijun:', '  enabled: true') });
      assert.deepStrictEqual(await kijun(['check', '.'], folder), { code: 0, stderr: '', stdout: `${totals(0)}\n` });
      assert.deepStrictEqual(await kijun(['check', '.', '--verbose'], folder), {
        code: 0,
        stderr: VERBOSE_TIMING,
        stdout: [`other.yaml: ${notKijun.en}`, `tool.yaml: ${notKijun.en}`, '', totals(0), ''].join('\n'),
      });
    });

    it('"Kijun: standard" (wrong case) is a finding of the core with the replacement kijun:, as in the editor: exit 1', async () => {
      const folder = make({ 'std.yaml': completeStandard().replace('kijun: standard', 'Kijun: standard') });
      assert.deepStrictEqual(await kijun(['check', 'std.yaml'], folder), {
        code: 1,
        stderr: '',
        stdout: [
          'std.yaml:1:1 error document.misspelt-kijun-key The key "Kijun:" is not read as "kijun:" (lower-case half-width letters and colon), so this document is not checked. Write "kijun:".',
          '',
          totals(1, 1),
          '',
        ].join('\n'),
      });
      const ja = await kijun(['check', 'std.yaml', '--locale', 'ja'], folder);
      assert.strictEqual(ja.stdout.split('\n')[0], 'std.yaml:1:1 エラー document.misspelt-kijun-key キー「Kijun:」は「kijun:」（半角小文字と半角コロン）として読まれないため、この文書は検査されていません。「kijun:」と記載してください。');
      assert.strictEqual(ja.code, 1);
    });
  });

  describe('encodings and line ends: one decoder for the CLI and the server', () => {
    it('UTF-16 with a byte order mark (LE and BE) is decoded: the same report as UTF-8', async () => {
      for (const [encoding, bytes] of [['UTF-8', Buffer.from(flawedStandard)], ['UTF-16LE', utf16le(flawedStandard)], ['UTF-16BE', utf16be(flawedStandard)]] as const) {
        const folder = make({ 'test-guideline.yaml': testGuideline.text, 'std.yaml': bytes });
        assert.deepStrictEqual(await kijun(['check'], folder), { code: 1, stderr: '', stdout: flawedReport('std.yaml') }, encoding);
      }
    });

    it('a byte order mark does not shift the columns of the first line (UTF-8 and UTF-16 alike)', async () => {
      const text = 'kijun: standrd\n';
      const folder = make({ 'a.yaml': text, 'b.yaml': `\ufeff${text}`, 'c.yaml': utf16le(text), 'd.yaml': utf16be(text) });
      const message = 'error document.unknown-kind Unknown document kind "standrd": use guideline, standard or action-plan. Did you mean "standard"?';
      assert.deepStrictEqual(await kijun(['check'], folder), {
        code: 1,
        stderr: '',
        stdout: [`a.yaml:1:8 ${message}`, `b.yaml:1:8 ${message}`, `c.yaml:1:8 ${message}`, `d.yaml:1:8 ${message}`, '', totals(4, 4), ''].join('\n'),
      });
    });

    it('CR-only line ends: the same report as LF', async () => {
      const folder = make({ 'test-guideline.yaml': testGuideline.text.replace(/\n/g, '\r'), 'std.yaml': flawedStandard.replace(/\n/g, '\r') });
      assert.deepStrictEqual(await kijun(['check'], folder), { code: 1, stderr: '', stdout: flawedReport('std.yaml') });
    });

    it('Shift_JIS (as Excel and Windows tools write it) is detected and not analysed: a line saying to save as UTF-8, exit 2', async () => {
      const folder = make({
        'test-guideline.yaml': testGuideline.text,
        'std.yaml': completeStandard(),
        'sjis.yaml': shiftJisFile('shift-jis-standard.yaml'),
        'settings.yaml': shiftJisFile('shift-jis-settings.yaml'),
      });
      // The Kijun document in Shift_JIS is reported even when found by walking; the settings file, not ours, stays silent.
      const clean = [
        'test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
        `sjis.yaml: not checked: ${savedInShiftJis.en}`,
        '',
        'std.yaml: 3 of 3 must-consider items covered or excluded (0 excluded)',
        '',
        totals(2, 0, 0, 1),
        '',
      ];
      assert.deepStrictEqual(await kijun(['check'], folder), { code: 2, stderr: '', stdout: clean.join('\n') });
      const ja = await kijun(['check', 'sjis.yaml', '--locale', 'ja'], folder);
      assert.deepStrictEqual(ja, { code: 2, stderr: '', stdout: [`sjis.yaml: 検査していません: ${savedInShiftJis.ja}`, '', '0 件の文書を検査: エラー 0 件、警告 0 件、情報 0 件', ''].join('\n') });
      // Named explicitly, the settings file is listed, but it is not a Kijun document, so the run does not fail for it.
      assert.deepStrictEqual(await kijun(['check', 'settings.yaml'], folder), { code: 0, stderr: '', stdout: [`settings.yaml: skipped: ${savedInShiftJis.en}`, '', totals(0), ''].join('\n') });
    });

    it('Shift_JIS in the JSON report and as a GitHub annotation', async () => {
      const folder = make({ 'sjis.yaml': shiftJisFile('shift-jis-standard.yaml') });
      const json = await kijun(['check', '--format', 'json'], folder);
      assert.strictEqual(json.code, 2);
      assert.deepStrictEqual(JSON.parse(json.stdout).skipped, [{ path: 'sjis.yaml', reason: 'shift-jis', failing: true, message: savedInShiftJis.en }]);
      const github = await kijun(['check', '--format', 'github'], folder);
      assert.deepStrictEqual(github, {
        code: 2,
        stderr: '',
        stdout: '::error file=sjis.yaml,title=kijun shift-jis::the file is saved in Shift_JIS, and Kijun reads UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding "UTF-8")\n',
      });
    });

    it('another encoding that is not UTF-8 (Latin-1): not checked, save as UTF-8', async () => {
      const latin1 = Buffer.concat([Buffer.from('kijun: standard\nid: std-1\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
      const folder = make({ 'latin1.yaml': latin1 });
      assert.deepStrictEqual(await kijun(['check'], folder), {
        code: 2,
        stderr: '',
        stdout: ['latin1.yaml: not checked: the file is not UTF-8 text (nor UTF-16 with a byte order mark): save it as UTF-8', '', totals(0), ''].join('\n'),
      });
      const ja = await kijun(['check', '--locale', 'ja'], folder);
      assert.strictEqual(ja.stdout.split('\n')[0], 'latin1.yaml: 検査していません: ファイルが UTF-8 のテキスト（または BOM 付きの UTF-16）ではありません。UTF-8 で保存し直してください');
    });
  });

  describe('folders: the walk the language server uses too', () => {
    let folder: string;

    before(() => {
      folder = make({ 'shared/test-guideline.yaml': testGuideline.text, 'standards/std.yaml': completeStandard() });
      const link = (target: string, name: string) => fs.symlinkSync(target, path.join(folder, 'standards', name));
      link('../shared/test-guideline.yaml', 'test-guideline.yaml');
      link('.', 'self');
      link('b.yaml', 'a.yaml');
      link('a.yaml', 'b.yaml');
      link('missing.yaml', 'gone.yaml');
      link('std.yaml', 'again.yaml');
    });

    const linked = [
      'standards/test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
      'standards/a.yaml: skipped: a symbolic link loop: the links never reach a file',
      'standards/b.yaml: skipped: a symbolic link loop: the links never reach a file',
      'standards/gone.yaml: skipped: a symbolic link whose target does not exist',
      'standards/self: skipped: a symbolic link loop: it leads back to "standards"',
      '',
      'standards/std.yaml: 3 of 3 must-consider items covered or excluded (0 excluded)',
      '',
      totals(2, 0, 0, 1),
      '',
    ];

    it('follows links inside a checked folder (a linked guideline is read: no guideline.unknown); reports loops as loops and broken links', async () => {
      assert.deepStrictEqual(await kijun(['check', 'standards'], folder), { code: 0, stderr: '', stdout: linked.join('\n') });
    });

    it('reads a file reached twice once, under its own name; --verbose says so', async () => {
      const verbose = [...linked];
      verbose.splice(2, 0, 'standards/again.yaml: skipped: the same file or folder as "standards/std.yaml"');
      assert.deepStrictEqual(await kijun(['check', 'standards', '--verbose'], folder), { code: 0, stderr: VERBOSE_TIMING, stdout: verbose.join('\n') });
    });

    it('the loop messages in Japanese', async () => {
      const result = await kijun(['check', 'standards', '--locale', 'ja'], folder);
      assert.deepStrictEqual(result.stdout.split('\n').slice(1, 5), [
        'standards/a.yaml: スキップ: シンボリックリンクが循環しています（リンクをたどってもファイルに到達しません）',
        'standards/b.yaml: スキップ: シンボリックリンクが循環しています（リンクをたどってもファイルに到達しません）',
        'standards/gone.yaml: スキップ: リンク先が存在しないシンボリックリンクです',
        'standards/self: スキップ: シンボリックリンクが循環しています（「standards」に戻ります）',
      ]);
    });

    it('a link loop or a broken link named on the command line is a usage error (exit 2), not "no such file"', async () => {
      assert.deepStrictEqual(await kijun(['check', 'standards/a.yaml'], folder), {
        code: 2, stdout: '', stderr: 'kijun: cannot check "standards/a.yaml": a symbolic link loop: the links never reach a file\n',
      });
      assert.deepStrictEqual(await kijun(['check', 'standards/gone.yaml', '--locale', 'ja'], folder), {
        code: 2, stdout: '', stderr: 'kijun: 「standards/gone.yaml」を検査できません: リンク先が存在しないシンボリックリンクです\n',
      });
    });

    it('a link to a folder is walked under the link\'s path', async () => {
      const outer = make({ 'shared/test-guideline.yaml': testGuideline.text, 'standards/std.yaml': flawedStandard });
      fs.symlinkSync('../shared', path.join(outer, 'standards', 'common'));
      const result = await kijun(['check', 'standards'], outer);
      assert.deepStrictEqual(result.stdout.split('\n').slice(0, 2), [
        'standards/std.yaml:14:15 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
        'standards/common/test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
      ]);
      assert.strictEqual(result.code, 1);
    });

    it('dot files and folders and node_modules are skipped (as by the server), .markdown is read; --verbose lists the skipped ones', async () => {
      const markdownStandard = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md-1', 'title: 基準', 'sector: 金融', 'class: 3', '---', '', '## S-1 責任者', 'covers: A-1, Z-9');
      const tree = make({
        'test-guideline.yaml': testGuideline.text,
        'notes.markdown': markdownStandard,
        '.draft.yaml': 'kijun: standrd\n',
        '.github/workflows/ci.yml': 'kijun: standrd\n',
        'node_modules/pkg/x.yaml': 'kijun: standrd\n',
        '.gitignore': 'out/\n',
      });
      const walked = await kijun(['check', '--format', 'json'], tree);
      assert.deepStrictEqual(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path), ['notes.markdown', 'test-guideline.yaml']);
      assert.deepStrictEqual(JSON.parse(walked.stdout).skipped, []);
      const verbose = await kijun(['check', '--verbose'], tree);
      assert.deepStrictEqual(verbose.stdout.split('\n').filter((l) => l.includes(': skipped: ')), [
        '.draft.yaml: skipped: hidden (the name starts with ".")',
        '.github: skipped: hidden (the name starts with ".")',
        'node_modules: skipped: a node_modules folder',
      ]);
      const ja = await kijun(['check', '--verbose', '--locale', 'ja'], tree);
      assert.deepStrictEqual(ja.stdout.split('\n').filter((l) => l.includes(': スキップ: ')), [
        '.draft.yaml: スキップ: 隠しファイル・フォルダです（名前が「.」で始まります）',
        '.github: スキップ: 隠しファイル・フォルダです（名前が「.」で始まります）',
        'node_modules: スキップ: node_modules フォルダです',
      ]);
      // Named explicitly, a dot file is read.
      assert.deepStrictEqual(await kijun(['check', '.draft.yaml'], tree), {
        code: 1,
        stderr: '',
        stdout: ['.draft.yaml:1:8 error document.unknown-kind Unknown document kind "standrd": use guideline, standard or action-plan. Did you mean "standard"?', '', totals(1, 1), ''].join('\n'),
      });
    });
  });

  describe('exit statuses: 0, 1, 2 and 3 are distinct and documented', () => {
    it('--help lists .markdown with the other extensions, and every exit status, in English and Japanese', async () => {
      const en = (await kijun(['--help'], repoRoot)).stdout.split('\n');
      assert.ok(en.includes('Folders are walked for .yaml, .yml, .md and .markdown files (dot files and folders and'), en.join('\n'));
      assert.deepStrictEqual(en.slice(en.indexOf('Exit status:')), [
        'Exit status:',
        '  0  no errors',
        '  1  errors found (or warnings, with --fail-on warning; more than --max-warnings; with --baseline, only',
        '     findings not in the baseline count); export: a document with errors was not exported',
        '  2  bad usage, or a file that could not be read (also when there are findings)',
        '  3  internal error (a bug in Kijun: please report it)',
        '',
      ]);
      for (const extension of ['.yaml', '.yml', '.md', '.markdown']) assert.ok(formatOf(`a${extension}`), extension);
      const ja = (await kijun(['--help', '--locale', 'ja'], repoRoot)).stdout.split('\n');
      assert.ok(ja.includes('フォルダからは .yaml・.yml・.md・.markdown のファイルを読み込みます（「.」で始まるファイル・フォルダと'), ja.join('\n'));
      assert.deepStrictEqual(ja.slice(ja.indexOf('終了コード:')), [
        '終了コード:',
        '  0  エラーなし',
        '  1  エラーあり（--fail-on warning では警告ありも。--max-warnings を超える警告も。--baseline では',
        '     ベースラインにない指摘だけを数える）。export: エラーのある文書を書き出さなかった',
        '  2  使い方の誤り、または読み込めないファイルあり（指摘があっても 2）',
        '  3  内部エラー（Kijun の不具合です。報告してください）',
        '',
      ]);
    });

    it('an unreadable file wins over findings: exit 2', async () => {
      const folder = make({ 'test-guideline.yaml': testGuideline.text, 'std.yaml': flawedStandard, 'sjis.yaml': shiftJisFile('shift-jis-standard.yaml') });
      const result = await kijun(['check'], folder);
      assert.strictEqual(result.code, 2);
      assert.deepStrictEqual(result.stdout.split('\n').slice(0, 3), [
        'std.yaml:14:15 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
        'test-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (1 standard(s) follow this guideline).',
        `sjis.yaml: not checked: ${savedInShiftJis.en}`,
      ]);
    });

    it('bin/kijun.js, spawned: 2 for bad usage and for a Shift_JIS file, 3 for a crash ("internal error")', () => {
      const env = environmentWithLang('C');
      const spawn = (cwd: string, ...argv: string[]) => spawnSync(process.execPath, [path.join(cwd, 'bin', 'kijun.js'), ...argv], { cwd, env, encoding: 'utf8', timeout: 60000 });
      const usage = spawn(repoRoot, 'chek');
      assert.strictEqual(usage.status, 2);
      assert.ok(usage.stderr.startsWith('kijun: unknown command "chek"\n\nUsage: kijun check'), usage.stderr);

      const folder = make({ 'sjis.yaml': shiftJisFile('shift-jis-standard.yaml') });
      const sjis = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'kijun.js'), 'check', 'sjis.yaml'], { cwd: folder, env, encoding: 'utf8', timeout: 60000 });
      assert.deepStrictEqual({ status: sjis.status, stdout: sjis.stdout, stderr: sjis.stderr }, {
        status: 2, stderr: '', stdout: [`sjis.yaml: not checked: ${savedInShiftJis.en}`, '', totals(0), ''].join('\n'),
      });

      // A broken installation: the package without its bundled guidelines. Loading them throws, which is a bug, not a usage error.
      const broken = make({ 'package.json': '{}\n', 'std.yaml': completeStandard() });
      fs.cpSync(path.join(repoRoot, 'bin'), path.join(broken, 'bin'), { recursive: true });
      for (const part of ['server', 'schemas']) fs.cpSync(path.join(repoRoot, 'out', part), path.join(broken, 'out', part), { recursive: true });
      fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(broken, 'node_modules'));
      const crash = spawn(broken, 'check', 'std.yaml');
      assert.strictEqual(crash.status, 3, crash.stderr);
      assert.strictEqual(crash.stdout, '');
      assert.ok(crash.stderr.startsWith(`kijun: internal error: Error: Kijun's bundled guidelines were not found above ${path.join(broken, 'out', 'server', 'src', 'node')}\n`), crash.stderr);
    });
  });
});
