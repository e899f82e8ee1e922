import { Catalog, fieldList, fieldWords, GuidelineDiff, ItemDef, Locale, NormativeField, renderText, shownField, snapshotOf } from '../core';

/**
 * `kijun diff`: what changed from one edition of a guideline to another (`core/analysis/editions.ts`), as data
 * (the JSON), as text and as Markdown (for a pull request or the notes of a revision).
 */

export interface DiffItem {
  id: string;
  label: string;
  title: string;
  obligation: string;
  level: string;
  provisional?: true;
  fingerprint: string;
}

export interface DiffChange {
  id: string;
  label: string;
  title: string;
  fields: NormativeField[];
  /** The changed parts before and after, as written (title, text), in the report's language (obligation, level), or as ids (sectors). */
  before: Partial<Record<NormativeField, string>> & { fingerprint: string };
  after: Partial<Record<NormativeField, string>> & { fingerprint: string };
}

export interface DiffReport {
  from: string;
  to: string;
  /** Whether the newer edition declares that it supersedes the older one. */
  supersedes: boolean;
  /**
   * Whether the newer edition has provisional items (Kijun's own, not the guideline's): then an item "removed" may
   * be one that Kijun's provisional list does not carry, not one the guideline is known to drop. Said in the report.
   */
  provisionalItems: boolean;
  added: DiffItem[];
  removed: DiffItem[];
  replaced: { kind: string; provisional: boolean; before: DiffItem[]; after: DiffItem[] }[];
  changed: DiffChange[];
  summary: { added: number; removed: number; replaced: number; changed: number };
}

function diffItem(item: ItemDef, catalog: Catalog, locale: Locale): DiffItem {
  return {
    id: item.id.value,
    label: item.label?.value ?? '',
    title: (locale === 'en' ? item.titleEn : undefined) ?? item.title?.value ?? '',
    obligation: item.obligation ?? '',
    level: item.level ?? '',
    ...(item.provisional ? { provisional: true as const } : {}),
    fingerprint: catalog.fingerprint(item),
  };
}

export function buildDiffReport(diff: GuidelineDiff, locale: Locale): DiffReport {
  const { before, after } = diff;
  return {
    from: before.id,
    to: after.id,
    supersedes: diff.supersedes,
    provisionalItems: after.uniqueItems.some((i) => i.provisional),
    added: diff.added.map((i) => diffItem(i, after, locale)),
    removed: diff.removed.map((i) => diffItem(i, before, locale)),
    replaced: diff.replaced.map((g) => ({
      kind: g.kind,
      provisional: g.provisional,
      before: g.before.map((i) => diffItem(i, before, locale)),
      after: g.after.map((i) => diffItem(i, after, locale)),
    })),
    changed: diff.changed.map((c) => {
      const { id, label, title } = diffItem(c.after, after, locale);
      const old = snapshotOf(c.before, before);
      const now = snapshotOf(c.after, after);
      const parts = (snapshot: typeof old) => Object.fromEntries(c.fields.map((f) => [f, shownField(snapshot, f, locale)]));
      return { id, label, title, fields: c.fields, before: { ...parts(old), fingerprint: old.fingerprint }, after: { ...parts(now), fingerprint: now.fingerprint } };
    }),
    summary: { added: diff.added.length, removed: diff.removed.length, replaced: diff.replaced.length, changed: diff.changed.length },
  };
}

/** How an item is named in the text and Markdown forms: id (in code in Markdown), label, title, and the provisional mark. */
function named(item: Pick<DiffItem, 'id' | 'label' | 'title' | 'provisional'>, locale: Locale, code: boolean): string {
  const id = code ? `\`${item.id}\`` : item.id;
  const name = [id, item.label, item.title].filter(Boolean).join(' ');
  return item.provisional ? renderText('diff.provisional-item', { item: name }, locale) : name;
}

function groupLine(group: DiffReport['replaced'][number], locale: Locale, code: boolean): string {
  const sides = (items: DiffItem[]) => items.map((i) => named(i, locale, code)).join(', ');
  return renderText('diff.group', {
    before: sides(group.before),
    after: sides(group.after),
    kind: group.kind,
    reading: group.provisional ? renderText('mark.kijun-reading', {}, locale) : undefined,
  }, locale);
}

function heading(report: DiffReport, locale: Locale): string {
  return renderText('diff.title', { from: report.from, to: report.to, supersedes: report.supersedes ? 'yes' : undefined }, locale);
}

function changeLine(change: DiffChange, field: NormativeField, locale: Locale): string {
  return renderText('hover.change-line', { field: fieldWords[field][locale], before: change.before[field] ?? '', after: change.after[field] ?? '' }, locale);
}

function changedItem(change: DiffChange, locale: Locale, code: boolean): string {
  return renderText('diff.fields', { item: named(change, locale, code), fields: fieldList(change.fields) }, locale);
}

type Section = 'diff.added' | 'diff.removed' | 'diff.replaced' | 'diff.changed';

/** The four sections in order, each with its lines, as `line(kind, text)` and `detail(text)` format them. */
function sections(report: DiffReport, locale: Locale, code: boolean): { key: Section; count: number; lines: { text: string; details: string[] }[] }[] {
  return [
    { key: 'diff.added', count: report.added.length, lines: report.added.map((i) => ({ text: named(i, locale, code), details: [] })) },
    { key: 'diff.removed', count: report.removed.length, lines: report.removed.map((i) => ({ text: named(i, locale, code), details: [] })) },
    { key: 'diff.replaced', count: report.replaced.length, lines: report.replaced.map((g) => ({ text: groupLine(g, locale, code), details: [] })) },
    { key: 'diff.changed', count: report.changed.length, lines: report.changed.map((c) => ({ text: changedItem(c, locale, code), details: c.fields.map((f) => changeLine(c, f, locale)) })) },
  ];
}

const textMarks: Record<Section, string> = { 'diff.added': '+', 'diff.removed': '-', 'diff.replaced': '*', 'diff.changed': '~' };

export function diffText(report: DiffReport, locale: Locale): string {
  const out = [heading(report, locale), ...(report.provisionalItems ? [renderText('diff.provisional-note', { to: report.to }, locale)] : [])];
  for (const section of sections(report, locale, false)) {
    out.push('', renderText(section.key, { count: section.count }, locale));
    for (const line of section.lines) out.push(`  ${textMarks[section.key]} ${line.text}`, ...line.details.map((d) => `      ${d}`));
  }
  out.push('', renderText('diff.summary', { ...report.summary }, locale));
  return `${out.join('\n')}\n`;
}

export function diffMarkdown(report: DiffReport, locale: Locale): string {
  const out = [`## ${heading(report, locale)}`, ...(report.provisionalItems ? ['', renderText('diff.provisional-note', { to: report.to }, locale)] : [])];
  for (const section of sections(report, locale, true)) {
    out.push('', `### ${renderText(section.key, { count: section.count }, locale)}`, '');
    if (section.lines.length === 0) out.push(`- ${renderText('diff.none', {}, locale)}`);
    for (const line of section.lines) out.push(`- ${line.text}`, ...line.details.map((d) => `  - ${d}`));
  }
  out.push('', renderText('diff.summary', { ...report.summary }, locale));
  return `${out.join('\n')}\n`;
}
