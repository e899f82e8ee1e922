import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lines } from '../helpers';
import { kijun } from '../cli/harness';
import { flawedFiles, flawedStandard } from './fixtures';
import { TempFolders } from './harness';

interface Outcome { '@_type': string; '@_message': string; '#text': string }
interface TestCase { '@_name': string; '@_classname': string; failure?: Outcome; error?: Outcome; skipped?: { '@_message': string }; 'system-out'?: string }
interface TestSuite { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testcase: TestCase[] }
interface TestSuites { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testsuite: TestSuite[] }

/** Runs `kijun check --format junit`, checks the XML is well formed, and parses it back. */
async function junit(args: string[], cwd: string): Promise<{ code: number; suites: TestSuites }> {
  const result = await kijun(['check', '--format', 'junit', ...args], cwd);
  assert.strictEqual(XMLValidator.validate(result.stdout), true, result.stdout);
  assert.ok(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '), result.stdout);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase', processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: true });
  return { code: result.code, suites: parser.parse(result.stdout).testsuites as TestSuites };
}

const counts = (s: TestSuite | TestSuites): string => `tests=${s['@_tests']} failures=${s['@_failures']} errors=${s['@_errors']} skipped=${s['@_skipped']}`;

describe('kijun check --format junit', () => {
  const temp = new TempFolders();
  after(() => temp.remove());

  it('one suite per document, one test case per finding: errors fail, other findings pass with their text', async () => {
    const folder = temp.make({ ...flawedFiles, 'clean.yaml': flawedStandard.replace('id: std-1', 'id: std-2').replace('intentinal', 'intentional').replace('covers: []', 'covers: [C]') });
    const { code, suites } = await junit(['--locale', 'en'], folder);
    assert.strictEqual(code, 1);
    assert.strictEqual(suites['@_name'], 'kijun check');
    assert.strictEqual(counts(suites), 'tests=5 failures=1 errors=0 skipped=0');
    assert.deepStrictEqual(suites.testsuite.map((s) => `${s['@_name']} ${counts(s)}`), [
      'clean.yaml tests=1 failures=0 errors=0 skipped=0',
      'std.yaml tests=2 failures=1 errors=0 skipped=0',
      'test-guideline.yaml tests=2 failures=0 errors=0 skipped=0',
    ]);
    assert.deepStrictEqual(suites.testsuite[0].testcase, [{ '@_name': 'no findings', '@_classname': 'clean.yaml' }]);
    assert.deepStrictEqual(suites.testsuite[1].testcase, [
      {
        '@_name': 'coverage.uncovered: Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.',
        '@_classname': 'std.yaml',
        'system-out': 'std.yaml:2:12-2:18 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.',
      },
      {
        '@_name': 'threat.unknown: Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
        '@_classname': 'std.yaml',
        failure: {
          '@_type': 'threat.unknown',
          '@_message': 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
          '#text': 'std.yaml:14:15-14:25 error threat.unknown Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?',
        },
      },
    ]);
    // clean.yaml covers C, so the guideline says A-2 and C-1 (medical only) are covered by neither standard.
    assert.deepStrictEqual(suites.testsuite[2].testcase.map((c) => [c['@_classname'], c['system-out']]), [
      ['test-guideline.yaml', 'test-guideline.yaml:31:14-31:17 info coverage.not-covered-in-workspace No standard in the workspace covers A-2 (2 standard(s) follow this guideline).'],
      ['test-guideline.yaml', 'test-guideline.yaml:40:14-40:17 info coverage.not-covered-in-workspace No standard in the workspace covers C-1 (2 standard(s) follow this guideline).'],
    ]);
  });

  it('--fail-on warning makes warnings failures; baselined findings are skipped; --max-warnings and unreadable files have cases of their own', async () => {
    const folder = temp.make(flawedFiles);
    const warning = await junit(['--fail-on', 'warning', 'std.yaml', 'test-guideline.yaml'], folder);
    assert.strictEqual(warning.code, 1);
    assert.deepStrictEqual(warning.suites.testsuite[0].testcase.map((c) => c.failure?.['@_type']), ['coverage.uncovered', 'threat.unknown']);

    await kijun(['check', '--write-baseline', 'baseline.json'], folder);
    fs.writeFileSync(path.join(folder, 'std.yaml'), flawedStandard.replace('    covers: [B]\n', '    covers: []\n'));
    fs.writeFileSync(path.join(folder, 'sjis.yaml'), Buffer.from('kijun: standard\ntitle: \x88\xc0\x91\x53\n', 'latin1'));
    const { code, suites } = await junit(['--baseline', 'baseline.json', '--max-warnings', '0', '--locale', 'en'], folder);
    assert.strictEqual(code, 2);
    const std = suites.testsuite.find((s) => s['@_name'] === 'std.yaml')!;
    assert.strictEqual(counts(std), 'tests=3 failures=0 errors=0 skipped=2');
    assert.deepStrictEqual(std.testcase.map((c) => [c['@_name'].split(':')[0], c.skipped?.['@_message'].split(':')[0] ?? c['system-out']?.split(' ')[0]]), [
      ['coverage.uncovered', 'std.yaml:2:12-2:18'],
      ['coverage.uncovered', 'in the baseline'],
      ['threat.unknown', 'in the baseline'],
    ]);
    assert.strictEqual(std.testcase[1].skipped!['@_message'], 'in the baseline: std.yaml:2:12-2:18 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.');
    const run = suites.testsuite.find((s) => s['@_name'] === 'kijun')!;
    assert.strictEqual(counts(run), 'tests=2 failures=1 errors=1 skipped=0');
    const shiftJis = 'the file is saved in Shift_JIS, and Kijun reads UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding "UTF-8")';
    assert.deepStrictEqual(run.testcase, [
      { '@_name': `sjis.yaml: not checked: ${shiftJis}`, '@_classname': 'sjis.yaml', error: { '@_type': 'file.shift-jis', '@_message': shiftJis, '#text': shiftJis } },
      {
        '@_name': '--max-warnings 0',
        '@_classname': 'kijun',
        failure: { '@_type': 'max-warnings', '@_message': '1 warning(s) not in the baseline, more than --max-warnings 0', '#text': '1 warning(s) not in the baseline, more than --max-warnings 0' },
      },
    ]);
  });

  it('escapes markup and line ends, and replaces characters XML cannot carry, so that the text parses back as it was', async () => {
    const folder = temp.make({
      ...flawedFiles,
      'std.yaml': `${flawedStandard}"<a & b>": "x"\n"tab\\there\\u0001": y\n`,
    });
    const { suites } = await junit(['--locale', 'ja'], folder);
    const messages = suites.testsuite[0].testcase.map((c) => c.failure?.['@_message']).filter((m): m is string => m !== undefined);
    assert.deepStrictEqual(messages.filter((m) => m.includes('定義されていません')), [
      'キー「<a & b>」は定義されていません。',
      'キー「tab\there\ufffd」は定義されていません。',
    ]);
    assert.strictEqual(suites.testsuite[0].testcase[0]['system-out'], 'std.yaml:2:12-2:18 警告 coverage.uncovered 要検討事項 C Ⅲ「継続」に対応する条項も除外（規定する必要がない）もありません。');
  });

  it('a document with no findings is one passing test case, in the run\'s language', async () => {
    const folder = temp.make({ 'g.yaml': lines('kijun: guideline', 'id: g', 'title: 指針', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items: []') });
    const { code, suites } = await junit(['--locale', 'ja'], folder);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(suites.testsuite, [{ '@_name': 'g.yaml', '@_tests': '1', '@_failures': '0', '@_errors': '0', '@_skipped': '0', testcase: [{ '@_name': '指摘なし', '@_classname': 'g.yaml' }] }]);
  });
});
