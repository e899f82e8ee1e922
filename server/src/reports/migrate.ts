import { fieldList, LineIndex, Locale, MigrationPlan, NotMigrated, renderText, Span } from '../core';

/**
 * `kijun migrate`: the plan of work for moving standards to a new edition of their guideline
 * (`core/editor/migration.ts`), as data (the JSON) and as text. Positions are 1-based lines and columns in the
 * standard as it reads once its `guideline:` names the new edition (the same lines as before).
 */

interface At {
  line: number;
  column: number;
}

export interface MigrationReportStandard {
  path: string;
  standard: string;
  from: string;
  to: string;
  rewrite: (At & { from: string; to: string[]; written?: string; provisional: boolean; exclusion: boolean })[];
  remove: (At & { item: string; exclusion: boolean })[];
  address: { item: string; label: string; title: string; mustConsider: boolean; provisional: boolean; new: boolean }[];
  suspect: (At & { clause: string; item: string; fields?: string[] })[];
  /** With --write: whether the file was written. */
  written?: boolean;
}

export interface MigrationReport {
  to: string;
  standards: MigrationReportStandard[];
  notMigrated: { path: string; reason: NotMigrated['reason']; guideline?: string }[];
  summary: { standards: number; rewrite: number; remove: number; address: number; suspect: number };
}

export function buildMigrationReport(to: string, plans: MigrationPlan[], notMigrated: NotMigrated[], locale: Locale): MigrationReport {
  const standards = plans.map((plan): MigrationReportStandard => {
    const lines = new LineIndex(plan.text);
    const at = (span: Span): At => {
      const p = lines.positionAt(span.start);
      return { line: p.line + 1, column: p.character + 1 };
    };
    return {
      path: plan.uri,
      standard: plan.standard,
      from: plan.from,
      to: plan.to,
      rewrite: plan.rewrite.map((r) => ({ ...at(r.span), from: r.from, to: r.to, ...(r.newText !== undefined ? { written: r.newText } : {}), provisional: r.provisional, exclusion: r.exclusion })),
      remove: plan.remove.map((r) => ({ ...at(r.span), item: r.item, exclusion: r.exclusion })),
      address: plan.address.map((a) => ({
        item: a.item.id.value,
        label: a.item.label?.value ?? '',
        title: (locale === 'en' ? a.item.titleEn : undefined) ?? a.item.title?.value ?? '',
        mustConsider: a.mustConsider,
        provisional: a.provisional,
        new: a.isNew,
      })),
      suspect: plan.suspect.map((s) => ({ ...at(s.span), clause: s.clause, item: s.item, ...(s.fields ? { fields: s.fields } : {}) })),
    };
  });
  const count = (pick: (s: MigrationReportStandard) => unknown[]) => standards.reduce((n, s) => n + pick(s).length, 0);
  return {
    to,
    standards,
    notMigrated: notMigrated.map((n) => ({ path: n.uri, reason: n.reason, ...(n.guideline ? { guideline: n.guideline } : {}) })),
    summary: { standards: standards.length, rewrite: count((s) => s.rewrite), remove: count((s) => s.remove), address: count((s) => s.address), suspect: count((s) => s.suspect) },
  };
}

export function migrationText(report: MigrationReport, locale: Locale): string {
  const out: string[] = [];
  for (const s of report.standards) {
    out.push(renderText(s.from === s.to ? 'migrate.standard-already' : 'migrate.standard', { path: s.path, standard: s.standard, from: s.from, to: s.to }, locale));
    const reading = (provisional: boolean) => (provisional ? renderText('mark.kijun-reading', {}, locale) : undefined);
    // The entries of the file in the order they stand, then the items to address.
    const placed: (At & { text: string })[] = [
      ...s.rewrite.map((r) => ({ ...r, text: renderText(r.written !== undefined ? 'migrate.rewrite' : 'migrate.choose', { from: r.from, to: r.to.join(', '), reading: reading(r.provisional) }, locale) })),
      ...s.remove.map((r) => ({ ...r, text: renderText('migrate.remove', { item: r.item, to: s.to }, locale) })),
      ...s.suspect.map((l) => ({ ...l, text: renderText('migrate.review', { clause: l.clause, item: l.item, fields: l.fields?.length ? fieldList(l.fields) : undefined }, locale) })),
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const p of placed) out.push(`  ${p.line}:${p.column} ${p.text}`);
    for (const a of s.address) {
      out.push(`  ${renderText(a.mustConsider ? 'migrate.address' : 'migrate.consider', {
        item: [a.item, a.label, a.title].filter(Boolean).join(' '),
        provisional: a.provisional ? renderText('mark.provisional', {}, locale) : undefined,
        new: a.new ? s.to : undefined,
      }, locale)}`);
    }
    if (placed.length === 0 && s.address.length === 0) out.push(`  ${renderText('migrate.nothing', {}, locale)}`);
  }
  for (const n of report.notMigrated) {
    out.push(renderText(n.reason === 'no-guideline' ? 'migrate.no-guideline' : 'migrate.not-superseded', { path: n.path, guideline: n.guideline, to: report.to }, locale));
  }
  if (out.length) out.push('');
  out.push(renderText('migrate.summary', { ...report.summary }, locale));
  return `${out.join('\n')}\n`;
}
