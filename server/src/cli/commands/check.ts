import { Locale } from '../../core';
import { localeFromEnvironment } from '../../node/bundled';
import { buildReport, githubReport, textReport } from '../../reports';
import { oneOf, parseFlags } from '../arguments';
import { analyseAll, readInputs } from '../inputs';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../io';
import { monitored, RunMonitor } from '../progress';

const formats = ['text', 'json', 'github'] as const;

export interface CheckOptions {
  paths: string[];
  format: (typeof formats)[number];
  locale: Locale;
  /** The lowest severity that makes the run fail (exit 1). */
  failOn: 'error' | 'warning';
  /** Whether provisional guideline items (Kijun's own suggestions) count with their own obligation. */
  provisional: 'advisory' | 'binding';
  verbose: boolean;
}

export function parseCheckArguments(args: string[], env: NodeJS.ProcessEnv): CheckOptions | 'help' {
  const parsed = parseFlags(args, { '--format': 'value', '--fail-on': 'value', '--provisional': 'value', '--locale': 'value', '--verbose': 'switch' });
  if (parsed.help) return 'help';
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    format: oneOf(parsed, '--format', formats, 'text', 'cli.bad-format'),
    failOn: oneOf(parsed, '--fail-on', ['error', 'warning'] as const, 'error', 'cli.bad-fail-on'),
    provisional: oneOf(parsed, '--provisional', ['advisory', 'binding'] as const, 'advisory', 'cli.bad-provisional'),
    locale: oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale'),
    verbose: parsed.values.get('--verbose') === true,
  };
}

/** `kijun check`: every finding of the documents under the paths, then the coverage of each standard. */
export function check(options: CheckOptions, io: CliIo): Promise<number> {
  return monitored(io, options.locale, options.verbose, (monitor) => checkMonitored(options, io, monitor));
}

async function checkMonitored(options: CheckOptions, io: CliIo, monitor: RunMonitor): Promise<number> {
  monitor.phase('read');
  const inputs = await readInputs({ ...options, workspace: { coverage: { provisional: options.provisional } }, onProgress: monitor.inputs }, io.cwd);
  monitor.phase('analyse');
  const analyses = analyseAll(inputs, monitor);
  const report = buildReport(analyses, inputs.workspace, inputs.skipped, options.locale);
  monitor.phase('output');
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : options.format === 'github' ? githubReport(report) : textReport(report, options.locale));
  if (report.skipped.some((s) => s.failing)) return EXIT_USAGE;
  const failing = report.summary.errors + (options.failOn === 'warning' ? report.summary.warnings : 0);
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}
