import { Report } from './report';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * Information findings, and findings the baseline accepts, become notices; the coverage summary is left to the
 * text format.
 */
export function githubReport(report: Report): string {
  const escapeData = (v: string): string => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (v: string): string => escapeData(v).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
  const lines = report.files.flatMap((file) => file.findings.map((f) =>
    `::${f.baselined ? 'notice' : command[f.severity]} file=${escapeProperty(file.path)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`kijun ${f.code}`)}::${escapeData(f.message)}`));
  for (const s of report.skipped) lines.push(`::${s.failing ? 'error' : 'notice'} file=${escapeProperty(s.path)},title=${escapeProperty(`kijun ${s.reason}`)}::${escapeData(s.message)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
