import * as fs from 'fs';
import * as path from 'path';
import { Locale, renderText } from '../core';
import { applyBaseline, baselineText, parseBaseline, Report } from '../reports';
import { inBothLanguages, UsageError } from './arguments';

/**
 * `--baseline FILE` and `--write-baseline FILE`: the file is read or written here; what it contains and how
 * findings match it is `reports/baseline.ts`. A baseline that cannot be read, or is not one, is a usage error
 * (exit status 2): a gate must not pass because its baseline went missing.
 */
export function useBaseline(report: Report, file: string, cwd: string): void {
  const resolved = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new UsageError('cli.baseline-unreadable', { path: file, detail: systemDetail(error) });
  }
  const entries = parseBaseline(text);
  if (!Array.isArray(entries)) {
    throw new UsageError('cli.baseline-invalid', { path: file, detail: inBothLanguages(`baseline.${entries.problem}`) });
  }
  applyBaseline(report, entries, file);
}

/** Writes every finding of the run as the new baseline, then applies it (so the run passes), and says so on stderr. */
export function writeBaseline(report: Report, file: string, cwd: string, locale: Locale): string {
  const text = baselineText(report);
  try {
    fs.writeFileSync(path.resolve(cwd, file), text);
  } catch (error) {
    throw new UsageError('cli.baseline-unwritable', { path: file, detail: systemDetail(error) });
  }
  const entries = parseBaseline(text);
  if (Array.isArray(entries)) applyBaseline(report, entries, file);
  return renderText('cli.baseline-written', { path: file, count: report.baseline?.matched ?? 0 }, locale);
}

/** The system's reason (ENOENT, EACCES…), which is the same in every language. */
function systemDetail(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
