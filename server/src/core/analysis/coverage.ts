import { Catalog, SectorScope } from './catalog';
import { ClauseModel, ExclusionModel, ItemDef, ItemSnapshot, StandardModel } from './model';
import { Located } from '../text';
import { Lineage } from './lineage';

/**
 * The coverage rule (format.md; README "Coverage"; ARCHITECTURE.md "Coverage"). For each guideline
 * item that applies to the standard's sector and sub-sector:
 *
 * - covered: a clause names it in `covers`; or it has at least one applicable *deciding* child and
 *   every one of them is covered or excluded (and not all are excluded);
 * - excluded: it or an ancestor is excluded (規定する必要がない), or every deciding child is excluded;
 * - partial: some deciding children are covered, excluded or partial, but not all;
 * - uncovered: otherwise.
 *
 * The deciding children of a must-consider item are its applicable must-consider children:
 * reference items (参考事項) never decide a must-consider parent, either way. The deciding
 * children of a reference item are all its applicable children. Covering a parent does not cover
 * its children. A provisional item (Kijun's own suggestion) counts as a reference item unless the
 * team makes provisional items binding.
 *
 * Findings name the cause, not the cascade: an uncovered must-consider item is reported only when
 * no must-consider descendant of it is uncovered (an uncovered reference item, when no descendant
 * is uncovered). The tallies count the items a standard decides on: those with no deciding
 * children (the leaves) and those a clause covers directly, so a parent complete through its
 * children is not counted twice.
 */

export type ItemStatus = 'covered' | 'partial' | 'excluded' | 'uncovered';

export type Obligation = 'must-consider' | 'reference';

export interface ItemCoverage {
  item: ItemDef;
  /** The obligation coverage applies: the item's own, or reference for a provisional item that is not binding. */
  obligation: Obligation;
  status: ItemStatus;
  /** Clauses that name this item in `covers`. Empty for an item covered through its children. */
  coveredBy: ClauseModel[];
  /** The exclusion that applies: the item's own, or an excluded ancestor's. */
  exclusion?: ExclusionModel;
  /** For an item with deciding children: how many are covered or excluded, of how many. */
  children?: { done: number; total: number };
  /** Whether the item counts in the tallies: it has no deciding children, or a clause covers it directly. */
  counted: boolean;
  /** An uncovered item that is the cause, not a consequence: it is reported (see the rule above). */
  reported: boolean;
  /**
   * The covering clauses whose link to the item is suspect: reviewed against the item when its normative content
   * was different (README, "Reviewed links"; `review.ts`). A state of the links, beside the item's status: a
   * suspect link still covers the item.
   */
  suspect?: SuspectLink[];
}

/** A clause's link to an item that has changed since the clause was reviewed against it. */
export interface SuspectLink {
  clause: ClauseModel;
  item: ItemDef;
  /** The clause's `covers` entry naming the item, where `coverage.suspect` is reported. */
  reference: Located;
  /** The fingerprint the item had when the link was reviewed. */
  reviewed: string;
  /** The item as it was then, when the review record keeps it. */
  snapshot?: ItemSnapshot;
}

export interface Tally {
  total: number;
  covered: number;
  excluded: number;
  uncovered: number;
}

export interface CoverageReport {
  guidelineId: string;
  sectorId?: string;
  subsectorId?: string;
  /** Every item that applies to the standard's sector, in guideline order (a repeated id once). */
  items: ItemCoverage[];
  /** Counted must-consider items (leaves and items covered directly). */
  mustConsider: Tally;
  /** Counted reference items. */
  reference: Tally;
  /** Every suspect link of the standard, in document order (absent when none is), those of items that do not apply included. */
  suspect?: SuspectLink[];
}

export interface CoverageOptions {
  /** `binding` makes provisional items (Kijun's own suggestions) count with their own obligation. */
  provisional?: 'advisory' | 'binding';
}

/** The obligation coverage applies to an item under the options. */
export function effectiveObligation(item: ItemDef, options: CoverageOptions = {}): Obligation {
  if (item.obligation !== 'must-consider') return 'reference';
  return item.provisional && options.provisional !== 'binding' ? 'reference' : 'must-consider';
}

/**
 * The items a clause names, resolved in a catalog: kept with the clause's model (which an edit
 * elsewhere leaves as it is), so that the coverage of a long standard is rebuilt from each clause's
 * contribution without looking its names up again.
 */
const resolvedCovers = new WeakMap<ClauseModel, { catalog: Catalog; items: ItemDef[] }>();

function coveredItems(clause: ClauseModel, catalog: Catalog): ItemDef[] {
  const known = resolvedCovers.get(clause);
  if (known?.catalog === catalog) return known.items;
  const items: ItemDef[] = [];
  for (const reference of clause.covers) {
    const item = catalog.item(reference.value);
    if (item && !items.includes(item)) items.push(item);
  }
  resolvedCovers.set(clause, { catalog, items });
  return items;
}

/** The clauses that name each item, in the order they stand in the document. */
function coveringIndex(clauses: readonly ClauseModel[], catalog: Catalog): Map<ItemDef, ClauseModel[]> {
  const index = new Map<ItemDef, ClauseModel[]>();
  for (const clause of clauses) {
    for (const item of coveredItems(clause, catalog)) {
      const list = index.get(item);
      if (list) list.push(clause);
      else index.set(item, [clause]);
    }
  }
  return index;
}

/** A clause's contribution removed, another's added where it stands (the spans say where, as they are now). */
function updateCoveringIndex(index: Map<ItemDef, ClauseModel[]>, catalog: Catalog, removed: readonly ClauseModel[], added: readonly ClauseModel[]): void {
  updateSortedIndex(index, removed, added, (clause) => coveredItems(clause, catalog));
}

/**
 * The covering index kept in the lineage. Besides the index for the catalog (updated by difference while the
 * catalog stays), the clauses are kept by the names they write in `covers`, whatever the catalog: an edit of
 * the guideline makes a new catalog, and the index of each standard is then made from its few distinct names
 * instead of every clause's lookups (the guideline's own rule asks for the coverage of every standard).
 */
function keptCoveringIndex(lineage: Lineage, clauses: readonly ClauseModel[], catalog: Catalog): Map<ItemDef, ClauseModel[]> {
  const byName = clausesByName(lineage, clauses);
  return lineage.aggregate('covering-clauses', clauses, [catalog], () => coveringIndexFromNames(byName, catalog), (index, removed, added) => updateCoveringIndex(index, catalog, removed, added));
}

/** The clauses that write each name in `covers` (as written), in document order, kept in the lineage by difference. */
export function clausesByName(lineage: Lineage, clauses: readonly ClauseModel[]): Map<string, ClauseModel[]> {
  return lineage.aggregate('covers-by-name', clauses, [], coversByName, (index, removed, added) => updateSortedIndex(index, removed, added, namesOf));
}

/** The distinct names a clause writes in `covers`. */
function namesOf(clause: ClauseModel): string[] {
  const names: string[] = [];
  for (const reference of clause.covers) if (!names.includes(reference.value)) names.push(reference.value);
  return names;
}

/** The clauses that write each name in `covers`, in document order. */
function coversByName(clauses: readonly ClauseModel[]): Map<string, ClauseModel[]> {
  const index = new Map<string, ClauseModel[]>();
  for (const clause of clauses) {
    for (const name of namesOf(clause)) {
      const list = index.get(name);
      if (list) list.push(clause);
      else index.set(name, [clause]);
    }
  }
  return index;
}

/** Removes the clauses that left and inserts those that came, where they stand (by their spans as they are now). */
function updateSortedIndex<K>(index: Map<K, ClauseModel[]>, removed: readonly ClauseModel[], added: readonly ClauseModel[], keysOf: (clause: ClauseModel) => K[]): void {
  for (const clause of removed) {
    for (const key of keysOf(clause)) {
      const list = index.get(key)!;
      list.splice(list.indexOf(clause), 1);
      if (list.length === 0) index.delete(key);
    }
  }
  for (const clause of added) {
    for (const key of keysOf(clause)) {
      const list = index.get(key);
      if (list) list.splice(insertionPoint(list, clause), 0, clause);
      else index.set(key, [clause]);
    }
  }
}

/** Where a clause goes in a list in document order. */
function insertionPoint(list: readonly ClauseModel[], clause: ClauseModel): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].span.start < clause.span.start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `coveringIndex` from the clauses by name: the names that resolve to one item merged in document order, each clause once. */
function coveringIndexFromNames(byName: Map<string, ClauseModel[]>, catalog: Catalog): Map<ItemDef, ClauseModel[]> {
  const index = new Map<ItemDef, ClauseModel[]>();
  for (const [name, clauses] of byName) {
    const item = catalog.item(name);
    if (!item) continue;
    const list = index.get(item);
    index.set(item, list ? mergeInOrder(list, clauses) : clauses.slice());
  }
  return index;
}

function mergeInOrder(a: readonly ClauseModel[], b: readonly ClauseModel[]): ClauseModel[] {
  const merged: ClauseModel[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i].span.start <= b[j].span.start) ? a[i++] : b[j++];
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** For each item of the catalog that the standard's clauses name in `covers`, those clauses (each once), in document order. */
export function clausesByItem(standard: StandardModel, catalog: Catalog): Map<ItemDef, ClauseModel[]> {
  return coveringIndex(standard.clauses, catalog);
}

/**
 * The coverage of one standard. With a lineage (the previous version's derived data), the index of
 * covering clauses is updated by the difference: the contribution of the clauses an edit touched is
 * removed and re-added, the rest is kept.
 */
export function computeCoverage(standard: StandardModel, catalog: Catalog, scope: SectorScope | string | undefined, options: CoverageOptions = {}, lineage?: Lineage): CoverageReport {
  const sectorScope: SectorScope = typeof scope === 'string' || scope === undefined ? { sector: scope, subsector: undefined } : scope;
  const coveringClauses = lineage ? keptCoveringIndex(lineage, standard.clauses, catalog) : coveringIndex(standard.clauses, catalog);
  const exclusionOf = exclusionLookup(standard, catalog);
  return coverageOf(coveringClauses, catalog, sectorScope, options, exclusionOf);
}

/** A standard taking part in a union coverage, with the sector scope it is written for. */
export interface CoverageMember {
  standard: StandardModel;
  scope: SectorScope;
}

/**
 * The coverage of a scope (a sector) by several standards together: is every item that applies to the
 * scope covered by some standard? The rule above, with these inputs: an item is named by the clauses
 * of the members it applies to (a clause naming an item outside its own standard's scope does not
 * count), and excluded when every member it applies to excludes it (or an ancestor of it) — when no
 * member applies, nothing excludes it. With one member whose scope is the scope, this is
 * `computeCoverage`.
 */
export function computeUnionCoverage(members: CoverageMember[], catalog: Catalog, scope: SectorScope, options: CoverageOptions = {}): CoverageReport {
  const coveringClauses = new Map<ItemDef, ClauseModel[]>();
  for (const member of members) {
    for (const [item, clauses] of coveringIndex(member.standard.clauses, catalog)) {
      if (!catalog.applies(item, member.scope)) continue;
      const list = coveringClauses.get(item);
      if (list) list.push(...clauses);
      else coveringClauses.set(item, [...clauses]);
    }
  }
  const memberExclusions = members.map((member) => ({ scope: member.scope, exclusionOf: exclusionLookup(member.standard, catalog) }));
  const exclusionFor = (item: ItemDef): ExclusionModel | undefined => {
    let first: ExclusionModel | undefined;
    for (const member of memberExclusions) {
      if (!catalog.applies(item, member.scope)) continue;
      const exclusion = member.exclusionOf(item);
      if (!exclusion) return undefined;
      first ??= exclusion;
    }
    return first;
  };
  return coverageOf(coveringClauses, catalog, scope, options, exclusionFor);
}

/** The rule above, given which clauses name each item and which exclusion applies to each. */
function coverageOf(coveringClauses: Map<ItemDef, ClauseModel[]>, catalog: Catalog, scope: SectorScope, options: CoverageOptions,
  exclusionFor: (item: ItemDef) => ExclusionModel | undefined): CoverageReport {
  const results = new Map<ItemDef, ItemCoverage>();
  /** Whether an uncovered item of the kind that matters lies at or below the item (filled bottom-up). */
  const uncoveredMustBelow = new Map<ItemDef, boolean>();
  const uncoveredBelow = new Map<ItemDef, boolean>();
  for (const item of catalog.bottomUp()) {
    if (!catalog.applies(item, scope)) continue;
    const obligation = effectiveObligation(item, options);
    const children = catalog.detached(item) ? [] : catalog.children(item).filter((c) => results.has(c));
    const deciding = children.filter((c) => obligation === 'reference' || results.get(c)!.obligation === 'must-consider');
    // A copy: the index is the next version's too.
    const coveredBy = coveringClauses.get(item)?.slice() ?? [];
    const exclusion = exclusionFor(item);
    let status: ItemStatus;
    let progress: ItemCoverage['children'];
    if (deciding.length > 0) {
      const states = deciding.map((c) => results.get(c)!.status);
      const done = states.filter((s) => s === 'covered' || s === 'excluded').length;
      progress = { done, total: deciding.length };
    }
    if (coveredBy.length > 0) status = 'covered';
    else if (exclusion) status = 'excluded';
    else if (!progress) status = 'uncovered';
    else {
      const states = deciding.map((c) => results.get(c)!.status);
      if (progress.done === progress.total) status = states.every((s) => s === 'excluded') ? 'excluded' : 'covered';
      else status = states.some((s) => s !== 'uncovered') ? 'partial' : 'uncovered';
    }
    const mustBelow = children.some((c) => uncoveredMustBelow.get(c));
    const anyBelow = children.some((c) => uncoveredBelow.get(c));
    const uncovered = status === 'uncovered';
    uncoveredMustBelow.set(item, mustBelow || (uncovered && obligation === 'must-consider'));
    uncoveredBelow.set(item, anyBelow || uncovered);
    results.set(item, {
      item,
      obligation,
      status,
      coveredBy,
      exclusion: status === 'excluded' ? exclusion : undefined,
      ...(progress ? { children: progress } : {}),
      counted: deciding.length === 0 || coveredBy.length > 0,
      reported: uncovered && !(obligation === 'must-consider' ? mustBelow : anyBelow),
    });
  }

  const items: ItemCoverage[] = [];
  const mustConsider: Tally = { total: 0, covered: 0, excluded: 0, uncovered: 0 };
  const reference: Tally = { total: 0, covered: 0, excluded: 0, uncovered: 0 };
  for (const item of catalog.uniqueItems) {
    const result = results.get(item);
    if (!result) continue;
    items.push(result);
    if (!result.counted) continue;
    const tally = result.obligation === 'must-consider' ? mustConsider : reference;
    tally.total++;
    // A counted item is never partial: it has no deciding children, or a clause covers it.
    if (result.status !== 'partial') tally[result.status]++;
  }
  return { guidelineId: catalog.id, sectorId: scope.sector, subsectorId: scope.subsector, items, mustConsider, reference };
}

/** The exclusion that applies to an item in one standard: its own, else its nearest excluded ancestor's. */
function exclusionLookup(standard: StandardModel, catalog: Catalog): (item: ItemDef) => ExclusionModel | undefined {
  const ownExclusions = new Map<ItemDef, ExclusionModel>();
  for (const exclusion of standard.exclusions) {
    const item = exclusion.item && catalog.item(exclusion.item.value);
    if (item && !ownExclusions.has(item)) ownExclusions.set(item, exclusion);
  }
  // Memoised per item (null: none), so that a deep hierarchy is walked once.
  const memo = new Map<ItemDef, ExclusionModel | null>();
  return (item) => catalog.memoisedUp<ExclusionModel | null>(item, memo, null, (current, inherited) => ownExclusions.get(current) ?? inherited) ?? undefined;
}

/** One item's coverage as plain data, for reports (the CLI's JSON, the editor's coverage list). */
export interface CoverageRow {
  id: string;
  label: string;
  title: string;
  obligation: Obligation;
  provisional: boolean;
  /** For a concrete measure from the seed's p28 table: how its sector standard goes beyond the guideline (vocabulary `relation`). */
  relation?: string;
  status: ItemStatus;
  coveredBy: string[];
  excludedBecause?: string;
  children?: { done: number; total: number };
  counted: boolean;
  /** An uncovered item reported as the cause (the others are uncovered because of their children). */
  reported: boolean;
  /** The covering clauses whose link is suspect (the item changed since they were reviewed against it); absent when none is. */
  suspect?: string[];
}

export function coverageRows(report: CoverageReport, locale: 'ja' | 'en'): CoverageRow[] {
  return report.items.map((entry) => ({
    id: entry.item.id.value,
    label: entry.item.label?.value ?? '',
    title: (locale === 'en' ? entry.item.titleEn : undefined) ?? entry.item.title?.value ?? '',
    obligation: entry.obligation,
    provisional: entry.item.provisional,
    ...(entry.item.relation ? { relation: entry.item.relation } : {}),
    status: entry.status,
    coveredBy: entry.coveredBy.map((clause) => clause.id?.value ?? ''),
    ...(entry.exclusion?.reason ? { excludedBecause: entry.exclusion.reason.value } : {}),
    ...(entry.children ? { children: entry.children } : {}),
    counted: entry.counted,
    reported: entry.reported,
    ...(entry.suspect?.length ? { suspect: entry.suspect.map((link) => link.clause.id?.value ?? '') } : {}),
  }));
}
