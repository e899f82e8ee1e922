import * as assert from 'assert';
import { run } from '../../server/src/cli/main';
import { parse } from 'yaml';
import { readRepoFile, repoRoot } from '../helpers';

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
    const coverage = (line: number, codes: [string, number][]) => codes.flatMap(([code, n]) => Array(n).fill(`${line}:12 ${code}`));
    assert.deepStrictEqual(found, {
      'examples/action-plan/dai2ji-koudou-keikaku.yaml': [
        '29:72 plan.standard-class-mismatch',
        '69:17 plan.standard-unknown',
        // The typo spilover leaves ④ without any illustration: one warning for the kind, none per responder.
        '77:1 plan.threat-not-illustrated',
        '81:97 plan.threat-example-misplaced',
        '84:14 threat.unknown',
        '89:41 plan.sharing-timing',
        '106:16 plan.schedule-outside-period',
      ],
      // The realistic gap is a provisional item (Kijun's suggestion): information, not a warning.
      'examples/finance/fisc-anzen-taisaku.yaml': coverage(10, [['coverage.uncovered-provisional', 1]]),
      'examples/medical/iryo-joho-anzen.md': [],
      'examples/with-mistakes/butsuryu-draft.yaml': [
        // In guideline order: G-II-1-3 (provisional), G-II-2 (B-3.1 names only its provisional sub-item), G-II-2-2 and
        // G-II-3-1 (provisional), G-II-3-4-2-B and -C, G-II-4-3 (provisional), G-III-1 (reference).
        ...coverage(4, [['coverage.uncovered-provisional', 1], ['coverage.uncovered', 1], ['coverage.uncovered-provisional', 2],
          ['coverage.uncovered', 2], ['coverage.uncovered-provisional', 1], ['coverage.uncovered-reference', 1]]),
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
      // Counted: the must-consider leaves of nisc-2008 (柱1, 柱2, 柱4, Ⅱ3.(4)②ア(イ), イ, ウ; Kijun's provisional
      // sub-items are reference items by default) and Ⅱ3.(4)②ア, which each of these covers directly.
      ['examples/finance/fisc-anzen-taisaku.yaml', { total: 7, covered: 7, excluded: 0, uncovered: 0 }],
      ['examples/medical/iryo-joho-anzen.md', { total: 7, covered: 7, excluded: 0, uncovered: 0 }],
      ['examples/with-mistakes/butsuryu-draft.yaml', { total: 7, covered: 4, excluded: 0, uncovered: 3 }],
    ]);
  });

  it('with --provisional binding, Kijun\'s sub-items count as must-consider: the finance gap becomes a warning', async () => {
    let out = '';
    const code = await run(['check', 'examples/finance', '--provisional', 'binding', '--format', 'json', '--locale', 'en'], {
      stdout: (t) => { out += t; }, stderr: () => undefined, cwd: repoRoot, env: {},
    });
    assert.strictEqual(code, 0);
    const report = JSON.parse(out) as { files: { findings: { line: number; column: number; code: string; message: string }[] }[]; coverage: { mustConsider: unknown }[] };
    assert.deepStrictEqual(report.files[0].findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`), [
      '10:12 coverage.uncovered Must-consider item G-II-1-3 Kijun補足 柱1-3 "Securing resources" is neither covered by a clause nor excluded.',
    ]);
    // Counted: the provisional leaves too, and the pillars a clause covers directly; G-II-4-3 is excluded.
    assert.deepStrictEqual(report.coverage[0].mustConsider, { total: 16, covered: 14, excluded: 1, uncovered: 1 });
  });

  it('the example plan follows the paper: council set up before the plan, 物流\'s three laws, no invented CEPTOAR names', () => {
    const text = readRepoFile('examples/action-plan/dai2ji-koudou-keikaku.yaml');
    const plan = parse(text) as {
      period: { from: number };
      sectors: { sector: string; ceptoar?: string; ceptoars?: string[]; services: { law?: string }[] }[];
      measures: { schedule?: { year: number; activity: string }[] }[];
    };
    // The CEPTOAR council was to be set up by the end of FY2008 (p33): the plan (from FY2009) supports it, it does not create it.
    const activities = plan.measures.flatMap((m) => m.schedule ?? []).filter((s) => s.activity.includes('セプターカウンシル'));
    assert.deepStrictEqual(activities.map((a) => [a.year, /創設|設置/.test(a.activity)]), [[2009, false]]);
    assert.ok(plan.period.from > 2008);
    // p11: 物流's services rest on three laws, each cited on its own.
    const logistics = plan.sectors.find((s) => s.sector === '物流')!;
    assert.deepStrictEqual(logistics.services.map((s) => s.law), ['貨物利用運送事業法', '貨物自動車運送事業法', '倉庫業法']);
    // The paper names no CEPTOAR, so neither does the example.
    assert.deepStrictEqual(plan.sectors.filter((s) => s.ceptoar !== undefined || s.ceptoars !== undefined), []);
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
      'examples/finance/fisc-anzen-taisaku.yaml: 要検討事項 7 件中 7 件に対応または除外（うち除外 0 件）',
      '',
      '4 件の文書を検査: エラー 0 件、警告 0 件、情報 17 件',
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
    // The finance example's only gap is a provisional item: information, which --fail-on warning lets pass, until
    // provisional items are made binding.
    assert.strictEqual((await capture(['check', 'examples/finance', '--fail-on', 'warning'])).code, 0);
    assert.strictEqual((await capture(['check', 'examples/finance', '--fail-on', 'warning', '--provisional', 'binding'])).code, 1);
    assert.strictEqual((await capture(['check', 'examples/with-mistakes', '--fail-on', 'warning'])).code, 1);
    assert.strictEqual((await capture(['check', 'examples/medical', '--fail-on', 'warning'])).code, 0);
    assert.strictEqual((await capture(['check', 'examples/finance', '--fail-on', 'info'])).code, 2);
  });

  it('--format github prints one annotation per finding, escaped', async () => {
    const { code, out } = await capture(['check', 'examples/with-mistakes', '--format', 'github', '--locale', 'en']);
    assert.strictEqual(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.strictEqual(lines.length, 16);
    assert.ok(lines.includes('::error file=examples/with-mistakes/butsuryu-draft.yaml,line=7,col=9,endLine=7,endColumn=11,title=kijun sector.unknown::Unknown sector "物留" in guideline nisc-2008. Did you mean "物流"?'), out);
    const notice = (code: string, message: string) => `::notice file=examples/with-mistakes/butsuryu-draft.yaml,line=4,col=12,endLine=4,endColumn=21,title=kijun ${code}::${message}`;
    const provisional = (item: string) => notice('coverage.uncovered-provisional', `Provisional item ${item} (Kijun's own suggestion, not the guideline's) is not covered.`);
    assert.deepStrictEqual(lines.filter((l) => l.startsWith('::notice')), [
      provisional('G-II-1-3 Kijun補足 柱1-3 "Securing resources"'),
      provisional('G-II-2-2 Kijun補足 柱2-2 "Handling of information (storage, removal, disposal)"'),
      provisional('G-II-3-1 Kijun補足 柱3-1 "Risk assessment and definition of requirements"'),
      provisional('G-II-4-3 Kijun補足 柱4-3 "Protection of control systems"'),
      notice('coverage.uncovered-reference', 'Reference item G-III-1 Ⅲ(1) "Review of this guideline" is not covered.'),
    ]);
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=kijun [a-z.-]+::/.test(l)), out);
  });
});
