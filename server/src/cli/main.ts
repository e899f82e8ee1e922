import * as fs from 'fs';
import * as path from 'path';
import {
  CoverageReport, CoverageRow, coverageRows, DocumentAnalysis, Finding, formatOf, InterfaceText, LineIndex, Locale, MessageArgs, renderMessage, renderText, Workspace,
} from '../core';
import { loadBundledGuidelines, localeFromEnvironment } from '../node/bundled';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const formats = ['text', 'json', 'github'] as const;

interface Options {
  paths: string[];
  format: (typeof formats)[number];
  locale: Locale;
  /** The lowest severity that makes the run fail (exit 1). */
  failOn: 'error' | 'warning';
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
  const options: Options = { paths: [], format: 'text', locale: localeFromEnvironment(env), failOn: 'error' };
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
    } else if (flag === '--locale') {
      const v = value();
      if (v !== 'ja' && v !== 'en') throw new UsageError('cli.bad-locale', { value: v });
      options.locale = v;
    } else if (flag.startsWith('-')) throw new UsageError('cli.unknown-option', { flag });
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** Every YAML or Markdown file under the given paths; folders are walked, skipping dot folders and node_modules. */
function collectFiles(paths: string[], cwd: string): string[] {
  const files = new Set<string>();
  const walk = (absolute: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      // Links found inside folders are not followed (a link to a parent would loop); a link named explicitly is.
      stat = explicit ? fs.statSync(absolute) : fs.lstatSync(absolute);
      if (stat.isSymbolicLink()) return;
    } catch {
      throw new UsageError('cli.no-such-path', { path: path.relative(cwd, absolute) || absolute });
    }
    if (stat.isDirectory()) {
      const base = path.basename(absolute);
      if (!explicit && (base.startsWith('.') || base === 'node_modules')) return;
      for (const name of fs.readdirSync(absolute).sort()) walk(path.join(absolute, name), false);
    } else if (formatOf(absolute) || explicit) {
      files.add(absolute);
    }
  };
  for (const p of paths) walk(path.resolve(cwd, p), true);
  return [...files];
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

  let files: string[];
  try {
    files = collectFiles(options.paths, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${renderText(error.key, error.args, locale)}\n`);
    return EXIT_USAGE;
  }

  const workspace = new Workspace(loadBundledGuidelines(), { documentsFrom: 'paths' });
  const displayPaths = new Map<string, string>();
  for (const file of files) {
    const format = formatOf(file);
    const display = path.relative(io.cwd, file) || file;
    if (!format) {
      io.stderr(`kijun: ${renderText('cli.not-yaml-or-markdown', { path: display }, locale)}\n`);
      return EXIT_USAGE;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr(`kijun: ${renderText('cli.unreadable', { path: display, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, locale)}\n`);
      return EXIT_USAGE;
    }
    if (workspace.set(display, text, format)) displayPaths.set(display, file);
  }

  const analyses = [...displayPaths.keys()].map((uri) => workspace.analyze(uri));
  const report = buildReport(analyses, workspace, options.locale);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : options.format === 'github' ? githubReport(report) : textReport(report, options.locale));
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

export interface Report {
  files: { path: string; kind?: string; findings: ReportFinding[] }[];
  coverage: ReportCoverage[];
  summary: { files: number; errors: number; warnings: number; information: number };
}

function buildReport(analyses: DocumentAnalysis[], workspace: Workspace, locale: Locale): Report {
  const report: Report = { files: [], coverage: [], summary: { files: analyses.length, errors: 0, warnings: 0, information: 0 } };
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
  if (report.coverage.length > 0) out.push('');
  for (const c of report.coverage) {
    const uncovered = c.items.filter((i) => i.obligation === 'must-consider' && i.status === 'uncovered').map((i) => i.id);
    out.push(renderText('cli.coverage', {
      path: c.path,
      covered: c.mustConsider.covered + c.mustConsider.excluded,
      total: c.mustConsider.total,
      excluded: c.mustConsider.excluded,
      uncovered: uncovered.join(', ') || undefined,
    }, locale));
  }
  out.push('', renderText('cli.totals', { ...report.summary }, locale));
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
    return EXIT_USAGE;
  });
}
