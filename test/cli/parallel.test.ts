import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lines, repoRoot } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';
import { kijun } from './harness';
import { defaultJobs } from '../../server/src/cli/parallel';
import { ReadInputs } from '../../server/src/cli/inputs';
import { Workspace } from '../../server/src/core';

/**
 * `kijun check --jobs N` analyses the standards in worker threads and the guidelines and action plans in the
 * main thread from the standards' summaries. Its report must be the single thread's, byte for byte and in the
 * same order, whatever the format and the language.
 */
describe('cli: check in worker threads', () => {
  let tmp: string;
  let folder: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-parallel-'));
    folder = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(folder, 'standards'), { recursive: true });
    const write = (name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);
    write('a-guideline.yaml', testGuideline.text);
    // The same id again, later in path order: a duplicate id, and its coverage is not the one the standards resolve to.
    write('z-guideline.yaml', testGuideline.text.replace('title: テスト指針', 'title: テスト指針（写し）'));
    write('standards/complete.yaml', completeStandard());
    // Same id as the one above: a duplicate id across threads.
    write('standards/copy.yaml', completeStandard().replace('title: テスト基準', 'title: 写し'));
    // The same item in two written forms (one full-width) in one clause, an unknown item, and a gap (C).
    write('standards/partial.yaml', completeStandard()
      .replace('id: std-1', 'id: std-2')
      .replace('covers: [A-1, A-2]', 'covers: [A-1, Ａ-1, A-9]')
      .replace('covers: [C]', 'covers: []'));
    // The rest of the examples, with a plan that names standards and a Markdown standard.
    for (const name of ['action-plan/dai2ji-koudou-keikaku.yaml', 'medical/iryo-joho-anzen.md', 'finance/fisc-anzen-taisaku.yaml', 'with-mistakes/butsuryu-draft.yaml']) {
      fs.mkdirSync(path.join(folder, path.dirname(name)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, 'examples', name), path.join(folder, name));
    }
    write('notes.yaml', 'foo: bar\n'); // not a Kijun document
    write('tool.yaml', 'kijun:\n  cache: true\n'); // a tool's own `kijun:` mapping: not ours either
  });

  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  // Every format, each in one language (the messages are rendered in the workers: both languages are seen).
  const cases: [string, string][] = [['text', 'en'], ['text', 'ja'], ['json', 'en'], ['sarif', 'ja'], ['junit', 'en'], ['github', 'ja']];
  for (const [format, locale] of cases) {
    it(`--format ${format} --locale ${locale}: --jobs 3 writes what --jobs 1 writes`, async () => {
      const args = ['check', '--format', format, '--locale', locale, '--verbose', 'ws'];
      const single = await kijun([...args, '--jobs', '1'], tmp);
      const parallel = await kijun([...args, '--jobs', '3'], tmp);
      assert.strictEqual(single.code, 1, single.stderr);
      assert.strictEqual(parallel.code, single.code);
      assert.strictEqual(parallel.stdout, single.stdout);
      assert.strictEqual(parallel.stderr, single.stderr);
    });
  }

  it('the report both write: duplicate ids across threads, the guideline\'s items no standard covers, the skipped files', async () => {
    const { stdout } = await kijun(['check', '--jobs', '2', '--verbose', 'ws'], tmp);
    const shown = stdout.split('\n');
    const expected = [
      'ws/a-guideline.yaml:2:5 warning document.duplicate-id Another document in the workspace also has the id "test-g": ws/z-guideline.yaml.',
      'ws/a-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (3 standard(s) follow this guideline).',
      'ws/standards/complete.yaml:3:5 warning document.duplicate-id Another document in the workspace also has the id "std-1": ws/standards/copy.yaml.',
      'ws/standards/copy.yaml:3:5 warning document.duplicate-id Another document in the workspace also has the id "std-1": ws/standards/complete.yaml.',
      'ws/standards/partial.yaml:10:24 error covers.unknown-item Guideline test-g has no item "A-9". Did you mean "A-1"?',
      'ws/z-guideline.yaml:40:14 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (3 standard(s) follow this guideline).',
      'ws/notes.yaml: skipped: not a Kijun document (no top-level "kijun:" naming the document kind)',
      'ws/tool.yaml: skipped: not a Kijun document (no top-level "kijun:" naming the document kind)',
      'Checked 9 document(s): 13 error(s), 11 warning(s), 9 information',
    ];
    for (const line of expected) assert.ok(shown.includes(line), `${line}\n---\n${stdout}`);
  });

  it('--jobs must be a whole number from 1: the reason, in English and in Japanese', async () => {
    const en = await kijun(['check', '--jobs', '0', 'ws'], tmp);
    assert.strictEqual(en.code, 2);
    assert.strictEqual(en.stdout, '');
    assert.ok(en.stderr.startsWith('kijun: --jobs must be a whole number from 1 to 999, not "0"\n'), en.stderr);
    const ja = await kijun(['check', '--jobs', 'two', '--locale', 'ja', 'ws'], tmp);
    assert.strictEqual(ja.code, 2);
    assert.ok(ja.stderr.startsWith('kijun: --jobs には 1 から 999 までの整数を指定してください（「two」が指定されています）\n'), ja.stderr);
  });

  it('a folder without standards: no worker is needed, and the report is the same', async () => {
    const only = path.join(tmp, 'only-guideline');
    fs.mkdirSync(only);
    fs.writeFileSync(path.join(only, 'g.yaml'), testGuideline.text);
    const single = await kijun(['check', '--jobs', '1', 'only-guideline'], tmp);
    const parallel = await kijun(['check', '--jobs', '2', 'only-guideline'], tmp);
    assert.strictEqual(parallel.stdout, single.stdout);
    assert.strictEqual(single.stdout, lines('Checked 1 document(s): 0 error(s), 0 warning(s), 0 information'));
  });
});

describe('cli: how many threads kijun check uses when --jobs does not say', () => {
  const inputs = (chars: number[]): ReadInputs => ({
    workspace: new Workspace(),
    steps: chars.map((n, i) => ({ file: { path: `s-${i}.yaml`, text: 'x'.repeat(n), format: 'yaml' as const, explicit: false } })),
    verbose: false,
    locale: 'en',
  });

  it('one below 2 million characters; on two cores or fewer, one; else a worker per core but one, at most 4', () => {
    assert.strictEqual(defaultJobs(inputs([1_000_000, 999_999]), 8), 1);
    assert.strictEqual(defaultJobs(inputs([1_000_000, 1_000_000]), 2), 1);
    assert.strictEqual(defaultJobs(inputs([1_000_000, 1_000_000]), 1), 1);
    assert.strictEqual(defaultJobs(inputs([1_000_000, 1_000_000]), 3), 2);
    assert.strictEqual(defaultJobs(inputs([1_000_000, 1_000_000]), 4), 3);
    assert.strictEqual(defaultJobs(inputs([1_000_000, 1_000_000]), 16), 4);
  });
});
