import { Document, isMap, isSeq } from 'yaml';
import { Catalog } from './catalog';
import { CoverageReport, SuspectLink } from './coverage';
import { changedFields, NormativeContent, NormativeField, normativeText } from './fingerprint';
import { ClauseModel, ItemDef, ItemSnapshot, ReviewModel, StandardModel } from './model';
import { Locale, renderText } from '../messages';
import { Located, normalizeName } from '../text';
import { ClauseMemo } from './checks/context';
import { Lineage } from './lineage';

/**
 * Reviewed links (README, "Reviewed links"). A standard's review record (`kijun: review`, kept beside the
 * standard as `<name>.review.yaml`) says, for each clause and each item it covers, the fingerprint of the item
 * when the author last reviewed the clause against it. A link is
 * - reviewed: the item's fingerprint is still the recorded one;
 * - suspect: the item's normative content has changed since (its fingerprint differs): `coverage.suspect`;
 * - unreviewed: nothing is recorded for it (a new clause, a standard without a record), which says nothing changed.
 */

export type LinkState = 'reviewed' | 'suspect' | 'unreviewed';

/** The key of a link: clause id and item id, compared after NFKC. */
function linkKey(clause: string, item: string): string {
  return `${normalizeName(clause)}\u0000${normalizeName(item)}`;
}

const recordIndexes = new WeakMap<ReviewModel, Map<string, string>>();

/** The recorded fingerprint of each link of a record (the first, when a link is listed twice), built once per version of the record. */
function recordIndex(record: ReviewModel): Map<string, string> {
  let index = recordIndexes.get(record);
  if (!index) {
    index = new Map();
    for (const link of record.links) {
      if (!link.clause || !link.item || !link.reviewed) continue;
      const key = linkKey(link.clause.value, link.item.value);
      if (!index.has(key)) index.set(key, link.reviewed.value);
    }
    recordIndexes.set(record, index);
  }
  return index;
}

/** The fingerprint recorded for a clause's link to an item, if any. */
export function recordedFingerprint(record: ReviewModel | undefined, clause: string, item: string): string | undefined {
  return record ? recordIndex(record).get(linkKey(clause, item)) : undefined;
}

/** A link of a standard (a clause, an item it covers) with its review state. */
export interface LinkReview {
  clause: ClauseModel;
  /** The clause's first `covers` entry naming the item. */
  reference: Located;
  item: ItemDef;
  state: LinkState;
  /** The recorded fingerprint, for a reviewed or suspect link. */
  reviewed?: string;
}

/** A clause's links, worked out once per clause, catalog and record (an edit elsewhere leaves the clause as it is). */
interface ClauseLinks {
  /** The clause id's normalised form: links of two clauses with one id are compared only then. */
  clauseKey: string;
  links: KeyedLink[];
}

type KeyedLink = LinkReview & { key: string };

const clauseLinks = new ClauseMemo<ClauseLinks>();

function linksOfClause(clause: ClauseModel, id: Located, catalog: Catalog, record: ReviewModel | undefined): ClauseLinks {
  const seen = new Set<string>();
  const links: KeyedLink[] = [];
  for (const reference of clause.covers) {
    const item = catalog.item(reference.value);
    const key = item && linkKey(id.value, item.id.value);
    if (!item || !key || seen.has(key)) continue;
    seen.add(key);
    const reviewed = recordedFingerprint(record, id.value, item.id.value);
    const state: LinkState = reviewed === undefined ? 'unreviewed' : reviewed === catalog.fingerprint(item) ? 'reviewed' : 'suspect';
    links.push({ key, clause, reference, item, state, ...(reviewed !== undefined ? { reviewed } : {}) });
  }
  return { clauseKey: normalizeName(id.value), links };
}

/**
 * Every link of the standard (each clause with an id, each item of the catalog it covers, once), in document order,
 * with its state. Each clause's links are kept with the clause, so that an edit costs one pass over the clauses.
 */
export function reviewLinks(standard: StandardModel, catalog: Catalog, record: ReviewModel | undefined): LinkReview[] {
  const clauseKeys = new Set<string>();
  // The keys of the links so far, from the first clause whose id repeats another's (clause.duplicate-id) on.
  let linkKeys: Set<string> | undefined;
  const links: KeyedLink[] = [];
  for (const clause of standard.clauses) {
    const id = clause.id;
    if (!id) continue;
    const own = clauseLinks.get(clause, [catalog, record], () => linksOfClause(clause, id, catalog, record));
    if (clauseKeys.has(own.clauseKey)) linkKeys ??= new Set(links.map((l) => l.key));
    clauseKeys.add(own.clauseKey);
    for (const link of own.links) {
      if (linkKeys?.has(link.key)) continue;
      linkKeys?.add(link.key);
      links.push(link);
    }
  }
  return links;
}

/** The clauses that have suspect links, with those links: kept up to date by difference from version to version. */
type SuspectIndex = Map<ClauseModel, KeyedLink[]>;

function updateSuspectIndex(index: SuspectIndex, removed: readonly ClauseModel[], added: readonly ClauseModel[], catalog: Catalog, record: ReviewModel): void {
  for (const clause of removed) index.delete(clause);
  for (const clause of added) {
    const id = clause.id;
    if (!id) continue;
    const own = clauseLinks.get(clause, [catalog, record], () => linksOfClause(clause, id, catalog, record));
    const suspect = own.links.filter((l) => l.state === 'suspect');
    if (suspect.length > 0) index.set(clause, suspect);
  }
}

/**
 * The suspect links of a standard, in document order. With the standard's lineage, an edit looks at the clauses it
 * touched only (`Lineage.aggregate`); the few suspect links are then sorted, and a link of a clause whose id repeats
 * an earlier one's counts once, as in `reviewLinks`.
 */
function suspectLinkReviews(standard: StandardModel, catalog: Catalog, record: ReviewModel, lineage: Lineage | undefined): KeyedLink[] {
  const build = (clauses: readonly ClauseModel[]): SuspectIndex => {
    const index: SuspectIndex = new Map();
    updateSuspectIndex(index, [], clauses, catalog, record);
    return index;
  };
  const index = lineage
    ? lineage.aggregate('suspect-links', standard.clauses, [catalog, record], build, (state, removed, added) => updateSuspectIndex(state, removed, added, catalog, record))
    : build(standard.clauses);
  const seen = new Set<string>();
  return [...index.values()].flat().sort((a, b) => a.reference.span.start - b.reference.span.start).filter((l) => !seen.has(l.key) && !!seen.add(l.key));
}

/**
 * Adds the suspect links to a coverage report: all of them on the report, and on each item's entry those of its
 * covering clauses. With the standard's lineage, in time proportional to the edit and the suspect links.
 */
export function markSuspectLinks(report: CoverageReport, standard: StandardModel, catalog: Catalog, record: ReviewModel | undefined, lineage?: Lineage): CoverageReport {
  if (!record || record.links.length === 0) return report;
  const suspect: SuspectLink[] = suspectLinkReviews(standard, catalog, record, lineage)
    .map((l) => ({ clause: l.clause, item: l.item, reference: l.reference, reviewed: l.reviewed!, snapshot: record.snapshots.get(l.reviewed!) }));
  if (suspect.length === 0) return report;
  const byItem = new Map<ItemDef, SuspectLink[]>();
  for (const link of suspect) byItem.set(link.item, [...(byItem.get(link.item) ?? []), link]);
  const items = report.items.map((entry) => (byItem.has(entry.item) ? { ...entry, suspect: byItem.get(entry.item) } : entry));
  return { ...report, items, suspect };
}

/** A recorded item's normative content, normalised as fingerprints are, to compare with the item's current content. */
function snapshotContent(snapshot: ItemSnapshot): NormativeContent {
  return {
    title: normativeText(snapshot.title),
    text: normativeText(snapshot.text),
    obligation: snapshot.obligation ?? '',
    level: snapshot.level ?? '',
    sectors: snapshot.sectors === 'all' ? 'all' : [...new Set(snapshot.sectors)].sort(),
  };
}

/** What changed in an item since it was recorded as `snapshot`. */
export function changesSince(snapshot: ItemSnapshot, catalog: Catalog, item: ItemDef): NormativeField[] {
  return changedFields(snapshotContent(snapshot), catalog.content(item));
}

/** What changed in an item since its link was reviewed (undefined when the record keeps no copy of it). */
export function changesSinceReview(link: SuspectLink, catalog: Catalog, item: ItemDef): NormativeField[] | undefined {
  return link.snapshot ? changesSince(link.snapshot, catalog, item) : undefined;
}

/** One link of a record as Kijun writes it. */
export interface RecordLink {
  clause: string;
  item: string;
  reviewed: string;
}

/** The item as a record keeps it: its written title and text (to show later what changed), normalised obligation, level and sectors. */
export function snapshotOf(item: ItemDef, catalog: Catalog): ItemSnapshot {
  const content = catalog.content(item);
  return {
    fingerprint: catalog.fingerprint(item),
    guideline: catalog.id,
    id: item.id.value,
    title: item.title?.value,
    obligation: content.obligation,
    level: content.level,
    sectors: content.sectors,
    text: item.text,
  };
}

/** Every current link of a standard as it would be recorded now (`reviewLinks`, with the items' current fingerprints). */
export function currentLinks(standard: StandardModel, catalog: Catalog): { link: RecordLink; item: ItemDef; clause: ClauseModel }[] {
  return reviewLinks(standard, catalog, undefined).map(({ clause, item }) => ({
    link: { clause: clause.id!.value, item: item.id.value, reviewed: catalog.fingerprint(item) },
    item,
    clause,
  }));
}

/** The links a record holds, as written (complete ones only), for keeping them when one link is marked reviewed. */
export function recordedLinks(record: ReviewModel | undefined): RecordLink[] {
  return (record?.links ?? []).flatMap((l) => (l.clause && l.item && l.reviewed ? [{ clause: l.clause.value, item: l.item.value, reviewed: l.reviewed.value }] : []));
}

/**
 * Replaces or adds one link in a list of links (`mark reviewed`): the others stay as they are, in their order;
 * a new link goes at the end.
 */
export function withLink(links: RecordLink[], link: RecordLink): RecordLink[] {
  const key = linkKey(link.clause, link.item);
  const index = links.findIndex((l) => linkKey(l.clause, l.item) === key);
  return index < 0 ? [...links, link] : links.map((l, i) => (i === index ? link : l));
}

/**
 * The text of a review record: a header that says what the file is (in both languages, whoever writes it),
 * the standard's id, one line per link, and a copy of each item a link was reviewed against (its snapshot,
 * the first one kept per fingerprint). Deterministic, so that accepting twice writes the same file.
 */
export function reviewRecordText(standardId: string, links: RecordLink[], snapshots: ItemSnapshot[], newline = '\n'): string {
  const used = new Set(links.map((l) => l.reviewed));
  const kept = new Map<string, ItemSnapshot>();
  for (const snapshot of snapshots) if (used.has(snapshot.fingerprint) && !kept.has(snapshot.fingerprint)) kept.set(snapshot.fingerprint, snapshot);
  const document = new Document({
    kijun: 'review',
    standard: standardId,
    links,
    items: [...kept.values()].sort((a, b) => compare(a.id ?? '', b.id ?? '') || compare(a.fingerprint, b.fingerprint)).map(snapshotEntry),
  });
  const linkList = document.get('links');
  if (isSeq(linkList)) for (const node of linkList.items) if (isMap(node)) node.flow = true;
  const sectors = document.get('items');
  if (isSeq(sectors)) {
    for (const node of sectors.items) {
      const list = isMap(node) ? node.get('sectors', true) : undefined;
      if (isSeq(list)) list.flow = true;
    }
  }
  document.commentBefore = ['en', 'ja'].map((locale) => ` ${renderText('review.header', {}, locale as Locale)}`).join('\n');
  const text = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return newline === '\n' ? text : text.replace(/\n/g, newline);
}

function snapshotEntry(snapshot: ItemSnapshot): Record<string, unknown> {
  const entry: Record<string, unknown> = { fingerprint: snapshot.fingerprint };
  for (const key of ['guideline', 'id', 'title', 'obligation', 'level'] as const) if (snapshot[key] !== undefined) entry[key] = snapshot[key];
  entry.sectors = snapshot.sectors;
  if (snapshot.text !== undefined) entry.text = snapshot.text;
  return entry;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where the review record of a standard is written when it has none yet: beside it, `<name>.review.yaml`. */
export function reviewRecordPath(standardPath: string): string {
  return `${standardPath.replace(/\.(?:ya?ml|md|markdown)$/i, '')}.review.yaml`;
}
