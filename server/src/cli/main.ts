import * as fs from 'fs';
import * as path from 'path';
import {
  CoverageReport, DocumentAnalysis, Finding, formatOf, LineIndex, Locale, renderMessage, Workspace,
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

const usage = `Usage: kijun check [options] [paths or folders…]

Checks Kijun documents (guidelines, safety standards, action plans; YAML or Markdown) and
prints every finding, then the guideline coverage of each standard.

Options:
  --format text|json   output format (default: text)
  --locale ja|en       language of messages (default: from LANG / LC_ALL)
  -h, --help           show this help

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  locale: Locale;
}

class UsageError extends Error {}

function parseArguments(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const options: Options = { paths: [], format: 'text', locale: localeFromEnvironment(env) };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
      options.format = v;
    } else if (flag === '--locale') {
      const v = value();
      if (v !== 'ja' && v !== 'en') throw new UsageError(`--locale must be ja or en, not "${v}"`);
      options.locale = v;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"`);
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
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(`cannot read "${path.relative(cwd, absolute) || absolute}": no such file or folder`);
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
  let options: Options | 'help';
  try {
    options = parseArguments(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${error.message}\n\n${usage}\n`);
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
    io.stderr(`kijun: ${error.message}\n`);
    return EXIT_USAGE;
  }

  const workspace = new Workspace(loadBundledGuidelines());
  const displayPaths = new Map<string, string>();
  for (const file of files) {
    const format = formatOf(file);
    const display = path.relative(io.cwd, file) || file;
    if (!format) {
      io.stderr(`kijun: "${display}" is not a YAML or Markdown file (.yaml, .yml, .md)\n`);
      return EXIT_USAGE;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr(`kijun: cannot read "${display}": ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return EXIT_USAGE;
    }
    if (workspace.set(display, text, format)) displayPaths.set(display, file);
  }

  const analyses = [...displayPaths.keys()].map((uri) => workspace.analyze(uri));
  const report = buildReport(analyses, workspace, options.locale);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : textReport(report, options.locale));
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
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
  items: { id: string; label: string; title: string; obligation: string; status: string; coveredBy: string[]; excludedBecause?: string }[];
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
        items: c.items.map((entry) => ({
          id: entry.item.id.value,
          label: entry.item.label?.value ?? '',
          title: locale === 'en' ? entry.item.titleEn ?? entry.item.title?.value ?? '' : entry.item.title?.value ?? '',
          obligation: entry.item.obligation ?? '',
          status: entry.status,
          coveredBy: entry.coveredBy.map((clause) => clause.id?.value ?? ''),
          ...(entry.exclusion?.reason ? { excludedBecause: entry.exclusion.reason.value } : {}),
        })),
      });
    }
  }
  return report;
}

const severityWords: Record<Locale, Record<Finding['severity'], string>> = {
  en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
  ja: { error: 'エラー', warning: '警告', information: '情報', hint: 'ヒント' },
};

function textReport(report: Report, locale: Locale): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      out.push(`${file.path}:${f.line}:${f.column} ${severityWords[locale][f.severity]} ${f.code} ${f.message}`);
    }
  }
  if (report.coverage.length > 0) out.push('');
  for (const c of report.coverage) {
    const uncovered = c.items.filter((i) => i.obligation === 'must-consider' && i.status === 'uncovered').map((i) => i.id);
    const covered = c.mustConsider.covered + c.mustConsider.excluded;
    if (locale === 'ja') {
      out.push(`${c.path}: 要検討事項 ${c.mustConsider.total} 件中 ${covered} 件に対応（うち除外 ${c.mustConsider.excluded} 件）`
        + (uncovered.length ? `。未対応: ${uncovered.join(', ')}` : ''));
    } else {
      out.push(`${c.path}: covered ${covered}/${c.mustConsider.total} must-consider items (${c.mustConsider.excluded} excluded)`
        + (uncovered.length ? `; uncovered: ${uncovered.join(', ')}` : ''));
    }
  }
  const s = report.summary;
  out.push('');
  out.push(locale === 'ja'
    ? `${s.files} 件の文書を検査: エラー ${s.errors} 件、警告 ${s.warnings} 件、情報 ${s.information} 件`
    : `Checked ${s.files} document(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.information} information`);
  return `${out.join('\n')}\n`;
}

export function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  }).catch((error: unknown) => {
    process.stderr.write(`kijun: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT_USAGE;
  });
}
