import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describeRule, messageCodes } from '../../server/src/core';
import { bundled, lines, repoRoot } from '../helpers';
import { kijun } from '../cli/harness';
import { flawedFiles, flawedStandard } from './fixtures';
import { TempFolders, validateSarif } from './harness';

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLocation { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: SarifRegion }; message?: { text: string } }
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number })[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
}
interface SarifRule { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: { tags: string[] } }
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; language: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; descriptor: { id: string }; locations: SarifLocation[] }[] }[];
    originalUriBaseIds: Record<string, { uri: string; description: { text: string } }>;
    columnKind: string;
    results: SarifResult[];
  }[];
}

async function sarif(args: string[], cwd: string): Promise<{ code: number; log: SarifLog; stderr: string }> {
  const result = await kijun(['check', '--format', 'sarif', ...args], cwd);
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.deepStrictEqual(validateSarif(log), [], 'valid against sarif-schema-2.1.0.json');
  return { code: result.code, log, stderr: result.stderr };
}

const fingerprints = (log: SarifLog): string[] => log.runs[0].results.map((r) => r.partialFingerprints['kijunFindingHash/v1']);

describe('kijun check --format sarif', () => {
  const temp = new TempFolders();
  after(() => temp.remove());

  it('is SARIF 2.1.0 valid against the official schema, with exact regions relative to %SRCROOT%', async () => {
    const folder = temp.make(flawedFiles);
    const { code, log, stderr } = await sarif(['--locale', 'en'], folder);
    assert.strictEqual(code, 1);
    assert.strictEqual(stderr, '');
    assert.strictEqual(log.version, '2.1.0');
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'Kijun');
    assert.strictEqual(run.tool.driver.language, 'en');
    assert.strictEqual(run.columnKind, 'utf16CodeUnits');
    assert.deepStrictEqual(run.invocations, [{ executionSuccessful: true }]);
    assert.deepStrictEqual(run.originalUriBaseIds, {
      '%SRCROOT%': { uri: `${pathToFileURL(folder).href}/`, description: { text: 'The folder kijun check ran in (the repository root in CI).' } },
      KIJUN_GUIDELINES: { uri: `${pathToFileURL(path.join(repoRoot, 'guidelines')).href}/`, description: { text: 'The guidelines bundled with Kijun.' } },
    });
    const at = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number): SarifLocation => ({
      physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine, startColumn, endLine, endColumn } },
    });
    const shown = run.results.map(({ partialFingerprints, ...rest }) => {
      assert.match(partialFingerprints['kijunFindingHash/v1'], /^[0-9a-f]{32}$/);
      return rest;
    });
    assert.deepStrictEqual(shown, [
      {
        ruleId: 'coverage.uncovered',
        ruleIndex: messageCodes.indexOf('coverage.uncovered'),
        level: 'warning',
        message: { text: 'Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.' },
        locations: [at('std.yaml', 2, 12, 2, 18)],
        relatedLocations: [{ id: 1, ...at('test-guideline.yaml', 33, 9, 33, 10), message: { text: 'C in guideline test-g' } }],
      },
      {
        ruleId: 'threat.unknown',
        ruleIndex: messageCodes.indexOf('threat.unknown'),
        level: 'error',
        message: { text: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
        locations: [at('std.yaml', 14, 15, 14, 25)],
      },
      ...[['A-2', 31, 14, 17], ['C', 33, 9, 10], ['C-1', 40, 14, 17]].map(([item, line, column, end]) => ({
        ruleId: 'coverage.not-covered-in-workspace',
        ruleIndex: messageCodes.indexOf('coverage.not-covered-in-workspace'),
        level: 'note',
        message: { text: `No standard in the workspace covers ${item} (1 standard(s) follow this guideline).` },
        locations: [at('test-guideline.yaml', line as number, column as number, line as number, end as number)],
      })),
    ]);
    // The fingerprints are the ones `--format json` and the baseline carry.
    const json = JSON.parse((await kijun(['check', '--format', 'json'], folder)).stdout) as { files: { findings: { fingerprint: string }[] }[] };
    assert.deepStrictEqual(fingerprints(log), json.files.flatMap((f) => f.findings.map((x) => x.fingerprint)));
  });

  it('lists every finding code as a rule, with short and full descriptions and help from the catalogue, in English and Japanese', async () => {
    const folder = temp.make(flawedFiles);
    for (const locale of ['en', 'ja'] as const) {
      const { log } = await sarif(['--locale', locale], folder);
      assert.strictEqual(log.runs[0].tool.driver.language, locale);
      assert.deepStrictEqual(log.runs[0].tool.driver.rules.map((r) => r.id), messageCodes);
      for (const rule of log.runs[0].tool.driver.rules) {
        const described = describeRule(rule.id as (typeof messageCodes)[number], locale);
        assert.deepStrictEqual(rule, {
          id: rule.id,
          shortDescription: { text: described.short },
          fullDescription: { text: described.full },
          help: { text: described.help, markdown: described.help },
          properties: { tags: [rule.id.split('.')[0]] },
        });
      }
    }
    const ja = (await sarif(['--locale', 'ja'], folder)).log;
    const threat = ja.runs[0].tool.driver.rules.find((r) => r.id === 'threat.unknown')!;
    assert.deepStrictEqual([threat.shortDescription.text, threat.fullDescription.text, threat.help.text], [
      '不明な脅威の種類または例',
      '脅威は指針の脅威の種類と例を ID か名称で指定します。',
      '提案された脅威か、入力補完が示す脅威を指定してください。',
    ]);
    assert.strictEqual(ja.runs[0].results[1].message.text, '脅威「intentinal」は指針 test-g にありません。「intentional」の誤りではありませんか。');
    assert.strictEqual(ja.runs[0].results[0].relatedLocations![0].message!.text, '指針 test-g の C');
  });

  it('every finding code has a short and a full description and help, in both languages, and they differ', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const code of messageCodes) {
      const en = describeRule(code, 'en');
      const ja = describeRule(code, 'ja');
      for (const part of ['short', 'full', 'help'] as const) {
        assert.ok(en[part].trim() && ja[part].trim(), `${code} ${part}`);
        assert.notStrictEqual(en[part], ja[part], `${code} ${part}`);
        assert.ok(japanese.test(ja[part]), `${code} ${part}: ${ja[part]}`);
      }
      assert.ok(!/\n/.test(en.short) && !/\n/.test(ja.short), `${code}: a short description is one line`);
    }
    assert.deepStrictEqual(describeRule('coverage.uncovered', 'en').short, 'A must-consider item neither covered nor excluded');
  });

  it('partialFingerprints stay the same when lines move, and the regions follow the lines', async () => {
    const before = await sarif([], temp.make(flawedFiles));
    // Two comment lines on top, and the clauses S-1 and S-2 swapped.
    const s1 = '  - id: S-1\n    title: 責任者\n    covers: [A-1]\n';
    const s2 = '  - id: S-2\n    title: 金融\n    covers: [B]\n    threats: [intentinal]\n';
    const moved = `# 改訂中\n# 第2版\n${flawedStandard.replace(s1 + s2, s2 + s1)}`;
    assert.notStrictEqual(moved.replace(/^# .*\n/gm, ''), flawedStandard);
    const after = await sarif([], temp.make({ ...flawedFiles, 'std.yaml': moved }));
    assert.deepStrictEqual(fingerprints(after.log), fingerprints(before.log));
    const threat = after.log.runs[0].results.find((r) => r.ruleId === 'threat.unknown')!;
    assert.deepStrictEqual(threat.locations[0].physicalLocation.region, { startLine: 13, startColumn: 15, endLine: 13, endColumn: 25 });
    const coverage = after.log.runs[0].results.find((r) => r.ruleId === 'coverage.uncovered')!;
    assert.deepStrictEqual(coverage.locations[0].physicalLocation.region, { startLine: 4, startColumn: 12, endLine: 4, endColumn: 18 });
  });

  it('percent-encodes paths, points bundled guidelines at KIJUN_GUIDELINES, and lists files not checked', async () => {
    const standard = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 金融', 'class: 3', 'clauses: []');
    const folder = temp.make({ '基準 一.yaml': standard, 'notes.yaml': 'foo: bar\n' });
    const { code, log } = await sarif(['基準 一.yaml', 'notes.yaml'], folder);
    assert.strictEqual(code, 0);
    // Only coverage findings: the bundled guideline's items, none covered (how many depends on the data).
    const results = log.runs[0].results;
    assert.ok(results.every((r) => /^coverage\.uncovered(-reference|-provisional)?$/.test(r.ruleId)), results.map((r) => r.ruleId).join());
    const uncovered = results.find((r) => r.ruleId === 'coverage.uncovered')!;
    assert.deepStrictEqual(uncovered.locations[0].physicalLocation, {
      artifactLocation: { uri: '%E5%9F%BA%E6%BA%96%20%E4%B8%80.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 21 },
    });
    // The related location is the item's definition in the bundled guideline (its line depends on the data).
    const nisc = bundled().find((g) => g.uri === 'bundled:nisc-2008.yaml')!.text.split('\n');
    const related = uncovered.relatedLocations![0];
    const line = related.physicalLocation.region!.startLine;
    assert.deepStrictEqual(related.physicalLocation.artifactLocation, { uri: 'nisc-2008.yaml', uriBaseId: 'KIJUN_GUIDELINES' });
    const itemId = related.message!.text.split(' ')[0];
    assert.strictEqual(related.message!.text, `${itemId} in guideline nisc-2008`);
    assert.ok(nisc[line - 1].includes(`id: ${itemId}`), nisc[line - 1]);
    assert.deepStrictEqual(log.runs[0].invocations, [{
      executionSuccessful: true,
      toolExecutionNotifications: [{
        level: 'note',
        message: { text: 'not a Kijun document (no top-level "kijun:" naming the document kind)' },
        descriptor: { id: 'file.not-kijun' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'notes.yaml', uriBaseId: '%SRCROOT%' } } }],
      }],
    }]);
  });

  it('with --baseline, each result says whether it is new or unchanged', async () => {
    const folder = temp.make(flawedFiles);
    assert.strictEqual((await kijun(['check', '--write-baseline', 'baseline.json'], folder)).code, 0);
    const typo = flawedStandard.replace('    title: 責任者\n', '    title: 責任者\n    threats: [disastr]\n');
    const changed = temp.make({ ...flawedFiles, 'std.yaml': typo, 'baseline.json': fs.readFileSync(path.join(folder, 'baseline.json'), 'utf8') });
    const { code, log } = await sarif(['--baseline', 'baseline.json', 'std.yaml', 'test-guideline.yaml'], changed);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(log.runs[0].results.map((r) => `${r.ruleId} ${r.baselineState}`), [
      'coverage.uncovered unchanged',
      'threat.unknown new',
      'threat.unknown unchanged',
      'coverage.not-covered-in-workspace unchanged',
      'coverage.not-covered-in-workspace unchanged',
      'coverage.not-covered-in-workspace unchanged',
    ]);
  });
});
