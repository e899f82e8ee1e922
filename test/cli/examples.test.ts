import * as assert from 'assert';
import { run } from '../../server/src/cli/main';
import { repoRoot } from '../helpers';

/**
 * The main job: `kijun check examples`. Each deliberate mistake of the examples (marked MISTAKE: in
 * the files) must be found where it is, and the complete examples must stay clean. Reviewed by hand
 * against the comments in the example files, not regenerated.
 */
describe('the shipped examples (kijun check examples)', () => {
  it('reports exactly the deliberate mistakes and the realistic gaps', async () => {
    let out = '';
    const code = await run(['check', 'examples', '--format', 'json', '--locale', 'en'], {
      stdout: (t) => { out += t; }, stderr: () => undefined, cwd: repoRoot, env: {},
    });
    assert.strictEqual(code, 1);
    const report = JSON.parse(out) as { files: { path: string; findings: { line: number; column: number; code: string }[] }[]; coverage: { path: string; mustConsider: unknown }[] };
    const found = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.code}`)]));
    const uncovered = (line: number, n: number, reference = 0) => [
      ...Array(n).fill(`${line}:12 coverage.uncovered`),
      ...Array(reference).fill(`${line}:12 coverage.uncovered-reference`),
    ];
    assert.deepStrictEqual(found, {
      'examples/action-plan/dai2ji-koudou-keikaku.yaml': [
        '28:72 plan.standard-class-mismatch',
        '75:17 plan.standard-unknown',
        '82:1 plan.threat-not-illustrated',
        '88:14 threat.unknown',
        '93:41 plan.sharing-timing',
        '109:16 plan.schedule-outside-period',
      ],
      'examples/finance/fisc-anzen-taisaku.yaml': uncovered(8, 1),
      'examples/medical/iryo-joho-anzen.md': [],
      'examples/with-mistakes/butsuryu-draft.yaml': [
        ...uncovered(4, 6, 1),
        '7:9 sector.unknown',
        '21:28 threat.unknown',
        '25:5 schema.required',
        '26:5 schema.unknown-key',
        '45:9 clause.duplicate-id',
        '61:24 covers.unknown-item',
        '67:11 exclusion.missing-reason',
        '68:11 exclusion.covered',
      ],
    });
    assert.deepStrictEqual(report.coverage.map((c) => [c.path, c.mustConsider]), [
      // Counted: the 12 must-consider leaves of nisc-2008 and Ⅱ3.(4)②ア, which each of these covers directly.
      ['examples/finance/fisc-anzen-taisaku.yaml', { total: 13, covered: 11, excluded: 1, uncovered: 1 }],
      ['examples/medical/iryo-joho-anzen.md', { total: 13, covered: 13, excluded: 0, uncovered: 0 }],
      ['examples/with-mistakes/butsuryu-draft.yaml', { total: 13, covered: 6, excluded: 1, uncovered: 6 }],
    ]);
  });
});

describe('CLI texts follow the locale', () => {
  it('usage errors, coverage lines and totals in Japanese', async () => {
    let err = '';
    const code = await run(['check', '--locale', 'ja', '--format', 'xml'], { stdout: () => undefined, stderr: (t) => { err += t; }, cwd: repoRoot, env: {} });
    assert.strictEqual(code, 2);
    assert.ok(err.startsWith('kijun: --format には text・json・github・sarif・junit のいずれかを指定してください（「xml」が指定されています）\n\n使い方: kijun check'), err);
    let out = '';
    await run(['check', 'examples/finance', 'guidelines', '--locale', 'ja'], { stdout: (t) => { out += t; }, stderr: () => undefined, cwd: repoRoot, env: {} });
    const tail = out.trimEnd().split('\n').slice(-3);
    assert.deepStrictEqual(tail, [
      'examples/finance/fisc-anzen-taisaku.yaml: 要検討事項 13 件中 12 件に対応または除外（うち除外 1 件）。未対応: G-II-1-3',
      '',
      '3 件の文書を検査: エラー 0 件、警告 1 件、情報 18 件',
    ]);
  });
});

describe('CLI options for gating a pull request', () => {
  const capture = async (argv: string[]) => {
    let out = '';
    const code = await run(argv, { stdout: (t) => { out += t; }, stderr: () => undefined, cwd: repoRoot, env: {} });
    return { code, out };
  };

  it('--fail-on warning fails on coverage warnings; the default fails on errors only', async () => {
    assert.strictEqual((await capture(['check', 'examples/finance'])).code, 0);
    assert.strictEqual((await capture(['check', 'examples/finance', '--fail-on', 'warning'])).code, 1);
    assert.strictEqual((await capture(['check', 'examples/medical', '--fail-on', 'warning'])).code, 0);
    assert.strictEqual((await capture(['check', 'examples/finance', '--fail-on', 'info'])).code, 2);
  });

  it('--format github prints one annotation per finding, escaped', async () => {
    const { code, out } = await capture(['check', 'examples/with-mistakes', '--format', 'github', '--locale', 'en']);
    assert.strictEqual(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.strictEqual(lines.length, 15);
    assert.ok(lines.includes('::error file=examples/with-mistakes/butsuryu-draft.yaml,line=7,col=9,endLine=7,endColumn=11,title=kijun sector.unknown::Unknown sector "物留" in guideline nisc-2008. Did you mean "物流"?'), out);
    assert.deepStrictEqual(lines.filter((l) => l.startsWith('::notice')), [
      '::notice file=examples/with-mistakes/butsuryu-draft.yaml,line=4,col=12,endLine=4,endColumn=21,title=kijun coverage.uncovered-reference::Reference item G-III-1 Ⅲ(1) "Review of this guideline" is not covered.',
    ]);
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=kijun [a-z.-]+::/.test(l)), out);
  });
});
