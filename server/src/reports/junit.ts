import { Locale, renderText } from '../core';
import { failsRun, GateOptions, Verdict } from './gate';
import { Report, ReportFinding } from './report';

/**
 * JUnit XML, for the test dashboards of CI systems (GitLab, Jenkins, Azure Pipelines…). One test suite per
 * checked document and one test case per finding, named by its code and message (not its line, so that a
 * dashboard follows it when lines move); its class name is the document's path. A finding that fails the run
 * is a `failure`; one the baseline accepts is `skipped`; any other (information, or a warning without
 * `--fail-on warning`) passes, its text kept in `system-out`. A document without findings is one passing test
 * case. A last suite, `kijun`, holds the files that were not checked (an `error` when that fails the run,
 * else `skipped`) and `--max-warnings` when more warnings were found.
 */
export function junitReport(report: Report, gate: GateOptions, verdict: Verdict, locale: Locale): string {
  const suites: Suite[] = report.files.map((file) => ({
    name: file.path,
    cases: file.findings.length
      ? file.findings.map((f) => findingCase(file.path, f, gate, locale))
      : [{ name: renderText('junit.no-findings', {}, locale), classname: file.path }],
  }));
  const runCases: Case[] = report.skipped.map((s) => ({
    name: renderText(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message }, locale),
    classname: s.path,
    ...(s.failing ? { error: { type: `file.${s.reason}`, message: s.message, body: s.message } } : { skipped: s.message }),
  }));
  if (verdict.tooManyWarnings) {
    const message = renderText('cli.max-warnings-exceeded', { warnings: verdict.warnings, max: gate.maxWarnings, baseline: report.baseline ? 'yes' : undefined }, locale);
    runCases.push({ name: `--max-warnings ${gate.maxWarnings}`, classname: 'kijun', failure: { type: 'max-warnings', message, body: message } });
  }
  if (runCases.length) suites.push({ name: 'kijun', cases: runCases });

  const totals = count(suites.flatMap((s) => s.cases));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="kijun check" ${attributes(totals)}>`];
  for (const suite of suites) {
    out.push(`  <testsuite name="${xml(suite.name)}" ${attributes(count(suite.cases))}>`);
    for (const c of suite.cases) out.push(...caseLines(c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

interface Outcome {
  type: string;
  message: string;
  body: string;
}

interface Case {
  name: string;
  classname: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: string;
  output?: string;
}

interface Suite {
  name: string;
  cases: Case[];
}

function findingCase(path: string, f: ReportFinding, gate: GateOptions, locale: Locale): Case {
  const where = `${path}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  const line = `${where} ${renderText(`severity.${f.severity}`, {}, locale)} ${f.code} ${f.message}`;
  const name = `${f.code}: ${f.message}`;
  if (f.baselined) return { name, classname: path, skipped: `${renderText('report.in-baseline', {}, locale)}: ${line}` };
  if (failsRun(f, gate.failOn)) return { name, classname: path, failure: { type: f.code, message: f.message, body: line } };
  return { name, classname: path, output: line };
}

function count(cases: Case[]): { tests: number; failures: number; errors: number; skipped: number } {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  };
}

function attributes(totals: ReturnType<typeof count>): string {
  return `tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}"`;
}

function caseLines(c: Case): string[] {
  const open = `    <testcase name="${xml(c.name)}" classname="${xml(c.classname)}"`;
  const outcome = c.failure ? ['failure', c.failure] as const : c.error ? ['error', c.error] as const : undefined;
  if (outcome) {
    const [tag, o] = outcome;
    return [`${open}>`, `      <${tag} type="${xml(o.type)}" message="${xml(o.message)}">${xml(o.body)}</${tag}>`, '    </testcase>'];
  }
  if (c.skipped !== undefined) return [`${open}>`, `      <skipped message="${xml(c.skipped)}"/>`, '    </testcase>'];
  if (c.output !== undefined) return [`${open}>`, `      <system-out>${xml(c.output)}</system-out>`, '    </testcase>'];
  return [`${open}/>`];
}

/**
 * Text as XML character data or an attribute value: markup characters escaped, line ends kept as character
 * references (so attributes keep them), and characters XML 1.0 cannot carry replaced by U+FFFD.
 */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
