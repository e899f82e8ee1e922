import * as path from 'path';
import {
  CoverageReport, CoverageRow, coverageRows, DocumentAnalysis, Finding, InterfaceText, LineIndex, Locale, MessageArgs, renderMessage, renderText, Workspace,
} from '../core';
import { loadBundledGuidelines, localeFromEnvironment } from '../node/bundled';
import { NotReadReason, notReadText, readDocument, walkDocuments, WalkEntry } from '../node/files';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit statuses (README, "The CLI"; `kijun --help`). A higher one wins when several apply. */
export const EXIT_OK = 0;
/** Failing findings: errors, or warnings with `--fail-on warning`. */
export const EXIT_FINDINGS = 1;
/** Bad usage, or a file that was to be checked and could not be read. */
export const EXIT_USAGE = 2;
/** A bug in Kijun: the run threw. */
export const EXIT_INTERNAL = 3;

const formats = ['text', 'json', 'github'] as const;

interface Options {
  paths: string[];
  format: (typeof formats)[number];
  locale: Locale;
  /** The lowest severity that makes the run fail (exit 1). */
  failOn: 'error' | 'warning';
  /** Whether provisional guideline items (Kijun's own suggestions) count with their own obligation. */
  provisional: 'advisory' | 'binding';
  /** Also list what the folder walk skipped: files that are not Kijun documents, dot folders, node_modules, duplicates. */
  verbose: boolean;
}

/** A usage mistake, reported with a catalogue text (so in the user's language). */
class UsageError extends Error {
  constructor(readonly key: InterfaceText, readonly args: MessageArgs = {}) {
    super(key);
  }
}

/** The locale for messages, read before the arguments are validated (a usage error needs it too). */
function requestedLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return localeFromEnvironment(env);
}

function parseArguments(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'check') throw command ? new UsageError('cli.unknown-command', { command }) : new UsageError('cli.missing-command');
  const options: Options = { paths: [], format: 'text', locale: localeFromEnvironment(env), failOn: 'error', provisional: 'advisory', verbose: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError('cli.needs-value', { flag });
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format') {
      const v = value();
      if (!(formats as readonly string[]).includes(v)) throw new UsageError('cli.bad-format', { value: v });
      options.format = v as Options['format'];
    } else if (flag === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'warning') throw new UsageError('cli.bad-fail-on', { value: v });
      options.failOn = v;
    } else if (flag === '--provisional') {
      const v = value();
      if (v !== 'advisory' && v !== 'binding') throw new UsageError('cli.bad-provisional', { value: v });
      options.provisional = v;
    } else if (flag === '--locale') {
      const v = value();
      if (v !== 'ja' && v !== 'en') throw new UsageError('cli.bad-locale', { value: v });
      options.locale = v;
    } else if (arg === '--verbose') options.verbose = true;
    else if (flag.startsWith('-')) throw new UsageError('cli.unknown-option', { flag });
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** The documents read into the workspace (by display path), and what was not checked. */
interface Inputs {
  workspace: Workspace;
  documents: string[];
  skipped: ReportSkipped[];
}

/**
 * Reads every candidate under the given paths (`walkDocuments`, the same walk as the language server's)
 * into one workspace. Nothing is left out in silence: a path named on the command line that cannot be
 * checked is a usage error; a Kijun document that cannot be read (unreadable, Shift_JIS) fails the run; a
 * file named explicitly that is not a Kijun document, and a link loop or a broken link found in a folder,
 * are listed; the rest of what the walk skips (dot folders, node_modules, other YAML files) with `--verbose`.
 */
async function readInputs(options: Options, cwd: string): Promise<Inputs> {
  const display = (file: string): string => path.relative(cwd, file) || '.';
  const entries: WalkEntry[] = [];
  for await (const entry of walkDocuments(options.paths.map((p) => path.resolve(cwd, p)))) entries.push(entry);
  const unusable = entries.find((e) => e.kind === 'skipped' && e.explicit && e.reason !== 'duplicate');
  if (unusable?.kind === 'skipped') {
    throw new UsageError('cli.cannot-check', { path: display(unusable.path), reason: notReadText(unusable.reason, { ...unusable, other: unusable.other && display(unusable.other) }, options.locale) });
  }

  const inputs: Inputs = { workspace: new Workspace(loadBundledGuidelines(), { coverage: { provisional: options.provisional } }), documents: [], skipped: [] };
  const note = (file: string, reason: NotReadReason, failing: boolean, details: { other?: string; detail?: string } = {}): void => {
    const other = details.other && display(details.other);
    inputs.skipped.push({ path: display(file), reason, failing, message: notReadText(reason, { ...details, other }, options.locale) });
  };
  for (const entry of entries) {
    if (entry.kind === 'skipped') {
      const listed = entry.reason === 'loop' || entry.reason === 'broken-link' || entry.reason === 'unreadable' || options.verbose;
      if (listed) note(entry.path, entry.reason, entry.reason === 'unreadable', entry);
      continue;
    }
    const read = await readDocument(entry.path, entry.format);
    if (read.kind === 'not-read') {
      // A Kijun document that cannot be read fails the run; another file named explicitly is only listed.
      if (read.isKijun || entry.explicit || options.verbose) note(entry.path, read.reason, read.isKijun, read);
    } else if (inputs.workspace.set(display(entry.path), read.text, entry.format)) inputs.documents.push(display(entry.path));
    else if (entry.explicit || options.verbose) note(entry.path, 'not-kijun', false);
  }
  return inputs;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const locale = requestedLocale(argv, io.env);
  const usage = renderText('cli.usage', {}, locale);
  let options: Options | 'help';
  try {
    options = parseArguments(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${renderText(error.key, error.args, locale)}\n\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }

  let inputs: Inputs;
  try {
    inputs = await readInputs(options, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${renderText(error.key, error.args, locale)}\n`);
    return EXIT_USAGE;
  }

  const analyses = inputs.documents.map((uri) => inputs.workspace.analyze(uri));
  const report = buildReport(analyses, inputs.workspace, inputs.skipped, options.locale);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : options.format === 'github' ? githubReport(report) : textReport(report, options.locale));
  if (report.skipped.some((s) => s.failing)) return EXIT_USAGE;
  const failing = report.summary.errors + (options.failOn === 'warning' ? report.summary.warnings : 0);
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export interface ReportFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

export interface ReportCoverage {
  path: string;
  standard: string;
  guideline: string;
  mustConsider: CoverageReport['mustConsider'];
  reference: CoverageReport['reference'];
  items: CoverageRow[];
}

/** A path that was not checked, and why. */
export interface ReportSkipped {
  path: string;
  reason: NotReadReason;
  /** The path was to be checked and could not be read: the run exits with status 2. */
  failing: boolean;
  message: string;
}

export interface Report {
  files: { path: string; kind?: string; findings: ReportFinding[] }[];
  skipped: ReportSkipped[];
  coverage: ReportCoverage[];
  summary: { files: number; errors: number; warnings: number; information: number };
}

function buildReport(analyses: DocumentAnalysis[], workspace: Workspace, skipped: ReportSkipped[], locale: Locale): Report {
  const report: Report = { files: [], skipped, coverage: [], summary: { files: analyses.length, errors: 0, warnings: 0, information: 0 } };
  for (const analysis of analyses) {
    const lines = workspace.lines(analysis.uri) ?? new LineIndex('');
    report.files.push({
      path: analysis.uri,
      kind: analysis.model?.kind,
      findings: analysis.findings.map((f) => {
        const start = lines.positionAt(f.span.start);
        const end = lines.positionAt(f.span.end);
        if (f.severity === 'error') report.summary.errors++;
        else if (f.severity === 'warning') report.summary.warnings++;
        else report.summary.information++;
        return {
          line: start.line + 1,
          column: start.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          severity: f.severity,
          code: f.code,
          message: renderMessage(f.code, f.args, locale),
        };
      }),
    });
    if (analysis.coverage && analysis.model?.kind === 'standard') {
      const c = analysis.coverage;
      report.coverage.push({
        path: analysis.uri,
        standard: analysis.model.id?.value ?? '',
        guideline: c.guidelineId,
        mustConsider: c.mustConsider,
        reference: c.reference,
        items: coverageRows(c, locale),
      });
    }
  }
  return report;
}

function textReport(report: Report, locale: Locale): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      out.push(`${file.path}:${f.line}:${f.column} ${renderText(`severity.${f.severity}`, {}, locale)} ${f.code} ${f.message}`);
    }
  }
  for (const s of report.skipped) out.push(renderText(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message }, locale));
  if (report.coverage.length > 0) out.push('');
  for (const c of report.coverage) {
    const uncovered = c.items.filter((i) => i.obligation === 'must-consider' && i.reported).map((i) => i.id);
    out.push(renderText('cli.coverage', {
      path: c.path,
      done: c.mustConsider.covered + c.mustConsider.excluded,
      total: c.mustConsider.total,
      excluded: c.mustConsider.excluded,
      uncovered: uncovered.join(', ') || undefined,
    }, locale));
  }
  if (out.length > 0) out.push('');
  out.push(renderText('cli.totals', { ...report.summary }, locale));
  return `${out.join('\n')}\n`;
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * Information findings become notices; the coverage summary is left to the text format.
 */
function githubReport(report: Report): string {
  const escapeData = (v: string): string => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (v: string): string => escapeData(v).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
  const lines = report.files.flatMap((file) => file.findings.map((f) =>
    `::${command[f.severity]} file=${escapeProperty(file.path)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`kijun ${f.code}`)}::${escapeData(f.message)}`));
  for (const s of report.skipped) lines.push(`::${s.failing ? 'error' : 'notice'} file=${escapeProperty(s.path)},title=${escapeProperty(`kijun ${s.reason}`)}::${escapeData(s.message)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`kijun: ${renderText('cli.internal-error', { detail }, localeFromEnvironment())}\n`);
    return EXIT_INTERNAL;
  });
}
