import { pathToFileURL } from 'url';
import * as path from 'path';
import { renderText, WorkspaceOptions } from '../../core';
import { packageRoot, packageVersion } from '../../node/bundled';
import { assembleReport, buildReport, githubReport, junitReport, Report, sarifReport, textReport, verdict } from '../../reports';
import { AnalysisOptions, analysisFlags, analysisOptions, oneOf, parseFlags, UsageError } from '../arguments';
import { useBaseline, writeBaseline } from '../baseline';
import { admitRead, analyseAll, ReadInputs, readFiles } from '../inputs';
import { analyseInWorkers, defaultJobs } from '../parallel';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../io';
import { monitored, RunMonitor } from '../progress';

const formats = ['text', 'json', 'github', 'sarif', 'junit'] as const;

export interface CheckOptions extends AnalysisOptions {
  format: (typeof formats)[number];
  /** The lowest severity that makes the run fail (exit 1). */
  failOn: 'error' | 'warning';
  /** Only findings not in this baseline file fail the run. */
  baseline?: string;
  /** Write every finding of the run to this file as the new baseline. */
  writeBaseline?: string;
  /** More warnings than this (outside the baseline) fail the run. */
  maxWarnings?: number;
  /** Threads that analyse the documents (1: this one only); by default from the cores and the size of the run. */
  jobs?: number;
}

export function parseCheckArguments(args: string[], env: NodeJS.ProcessEnv): CheckOptions | 'help' {
  const parsed = parseFlags(args, {
    '--format': 'value', '--fail-on': 'value', '--baseline': 'value', '--write-baseline': 'value', '--max-warnings': 'value', '--jobs': 'value', ...analysisFlags,
  });
  if (parsed.help) return 'help';
  const text = (flag: string): string | undefined => {
    const value = parsed.values.get(flag);
    return typeof value === 'string' ? value : undefined;
  };
  const maxWarnings = text('--max-warnings');
  if (maxWarnings !== undefined && !/^[0-9]+$/.test(maxWarnings)) throw new UsageError('cli.bad-max-warnings', { value: maxWarnings });
  const jobs = text('--jobs');
  if (jobs !== undefined && !/^[1-9][0-9]{0,2}$/.test(jobs)) throw new UsageError('cli.bad-jobs', { value: jobs });
  if (text('--baseline') !== undefined && text('--write-baseline') !== undefined) throw new UsageError('cli.baseline-and-write');
  return {
    ...analysisOptions(parsed, env),
    format: oneOf(parsed, '--format', formats, 'text', 'cli.bad-format'),
    failOn: oneOf(parsed, '--fail-on', ['error', 'warning'] as const, 'error', 'cli.bad-fail-on'),
    baseline: text('--baseline'),
    writeBaseline: text('--write-baseline'),
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    jobs: jobs === undefined ? undefined : Number(jobs),
  };
}

/** `kijun check`: every finding of the documents under the paths, then the coverage of each standard. */
export function check(options: CheckOptions, io: CliIo): Promise<number> {
  return monitored(io, options.locale, options.verbose, (monitor) => checkMonitored(options, io, monitor));
}

async function checkMonitored(options: CheckOptions, io: CliIo, monitor: RunMonitor): Promise<number> {
  monitor.phase('read');
  const workspace = { coverage: { provisional: options.provisional } };
  const read = await readFiles({ ...options, workspace, onProgress: monitor.inputs }, io.cwd);
  monitor.phase('analyse');
  const report = await analysedReport(read, options, workspace, monitor);
  // What the gate says besides the report goes to stderr, so that the machine formats stay clean on stdout.
  const notes: string[] = [];
  if (options.writeBaseline !== undefined) notes.push(writeBaseline(report, options.writeBaseline, io.cwd, options.locale));
  else if (options.baseline !== undefined) {
    useBaseline(report, options.baseline, io.cwd);
    const b = report.baseline!;
    notes.push(renderText('cli.baseline-summary', { path: b.path, matched: b.matched, fresh: b.new, stale: b.stale }, options.locale));
  }
  const gate = { failOn: options.failOn, maxWarnings: options.maxWarnings };
  const outcome = verdict(report, gate);
  if (outcome.tooManyWarnings) {
    notes.push(renderText('cli.max-warnings-exceeded', { warnings: outcome.warnings, max: options.maxWarnings, baseline: report.baseline ? 'yes' : undefined }, options.locale));
  }
  monitor.phase('output');
  io.stdout(render(report, options, outcome, io.cwd));
  for (const note of notes) io.stderr(`kijun: ${note}\n`);
  if (report.skipped.some((s) => s.failing)) return EXIT_USAGE;
  return outcome.failing > 0 || outcome.tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** Every document analysed, in one thread or several (the same report either way). */
async function analysedReport(read: ReadInputs, options: CheckOptions, workspace: WorkspaceOptions, monitor: RunMonitor): Promise<Report> {
  const jobs = options.jobs ?? defaultJobs(read);
  if (jobs > 1) {
    const { inputs, parts } = await analyseInWorkers(read, { jobs, locale: options.locale, workspace, onAnalysed: (done, total) => monitor.analysed(done, total) });
    return assembleReport(parts, inputs.skipped);
  }
  const inputs = admitRead(read);
  return buildReport(analyseAll(inputs, monitor), inputs.workspace, inputs.skipped, options.locale);
}

function render(report: Report, options: CheckOptions, outcome: ReturnType<typeof verdict>, cwd: string): string {
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'github':
      return githubReport(report);
    case 'sarif':
      return sarifReport(report, {
        locale: options.locale,
        version: packageVersion(),
        srcRoot: folderUri(cwd),
        bundledRoot: folderUri(path.join(packageRoot(), 'guidelines')),
      });
    case 'junit':
      return junitReport(report, { failOn: options.failOn, maxWarnings: options.maxWarnings }, outcome, options.locale);
    case 'text':
      return textReport(report, options.locale);
  }
}

/** A folder as a `file:` URI ending in `/`, as SARIF's base URIs must. */
function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
