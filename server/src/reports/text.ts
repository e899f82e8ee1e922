import { Locale, renderText } from '../core';
import { Report } from './report';

/** `path:line:col severity code message` per finding (marked when the baseline accepts it), what was not checked, the coverage of each standard, totals. */
export function textReport(report: Report, locale: Locale): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const mark = f.baselined ? ` ${renderText('cli.baselined', {}, locale)}` : '';
      out.push(`${file.path}:${f.line}:${f.column} ${renderText(`severity.${f.severity}`, {}, locale)} ${f.code} ${f.message}${mark}`);
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
