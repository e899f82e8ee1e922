import { Catalog } from './catalog';
import { ClauseModel, ExclusionModel, ItemDef, StandardModel } from './model';

export type ItemStatus = 'covered' | 'excluded' | 'uncovered';

export interface ItemCoverage {
  item: ItemDef;
  status: ItemStatus;
  /** Clauses that name this item in `covers`. Empty for an item covered through its children. */
  coveredBy: ClauseModel[];
  /** The exclusion that applies: the item's own, or an excluded ancestor's. */
  exclusion?: ExclusionModel;
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
  /** Every item that applies to the standard's sector, in guideline order. */
  items: ItemCoverage[];
  mustConsider: Tally;
  reference: Tally;
}

/**
 * Coverage of a standard against its guideline (format.md): an item is covered when a clause
 * names it, or when all its applicable children are covered or excluded; covering a parent does
 * not cover its children. An excluded item excludes its descendants unless they are covered.
 */
export function computeCoverage(standard: StandardModel, catalog: Catalog, sectorId: string | undefined): CoverageReport {
  const coveringClauses = new Map<ItemDef, ClauseModel[]>();
  for (const clause of standard.clauses) {
    for (const reference of clause.covers) {
      const item = catalog.item(reference.value);
      if (!item) continue;
      const list = coveringClauses.get(item) ?? [];
      if (!list.includes(clause)) list.push(clause);
      coveringClauses.set(item, list);
    }
  }
  const ownExclusions = new Map<ItemDef, ExclusionModel>();
  for (const exclusion of standard.exclusions) {
    const item = exclusion.item && catalog.item(exclusion.item.value);
    if (item && !ownExclusions.has(item)) ownExclusions.set(item, exclusion);
  }

  const memo = new Map<ItemDef, ItemCoverage>();
  const visiting = new Set<ItemDef>();
  const exclusionFor = (item: ItemDef): ExclusionModel | undefined => {
    const seen = new Set<ItemDef>();
    for (let current: ItemDef | undefined = item; current && !seen.has(current); current = catalog.parentOf(current)) {
      seen.add(current);
      const found = ownExclusions.get(current);
      if (found) return found;
    }
    return undefined;
  };
  const evaluate = (item: ItemDef): ItemCoverage => {
    const known = memo.get(item);
    if (known) return known;
    const coveredBy = coveringClauses.get(item) ?? [];
    let status: ItemStatus;
    const exclusion = exclusionFor(item);
    if (coveredBy.length > 0) status = 'covered';
    else if (exclusion) status = 'excluded';
    else if (visiting.has(item)) status = 'uncovered'; // a cycle: the guideline check reports it
    else {
      visiting.add(item);
      const children = catalog.children(item).filter((c) => catalog.applies(c, sectorId));
      const allDone = children.length > 0 && children.every((c) => evaluate(c).status !== 'uncovered');
      visiting.delete(item);
      status = allDone ? 'covered' : 'uncovered';
    }
    const result: ItemCoverage = { item, status, coveredBy, exclusion: status === 'excluded' ? exclusion : undefined };
    memo.set(item, result);
    return result;
  };

  const items: ItemCoverage[] = [];
  const mustConsider: Tally = { total: 0, covered: 0, excluded: 0, uncovered: 0 };
  const reference: Tally = { total: 0, covered: 0, excluded: 0, uncovered: 0 };
  for (const item of catalog.items) {
    if (!catalog.applies(item, sectorId)) continue;
    const result = evaluate(item);
    items.push(result);
    const tally = item.obligation === 'must-consider' ? mustConsider : reference;
    tally.total++;
    tally[result.status]++;
  }
  return { guidelineId: catalog.id, sectorId, items, mustConsider, reference };
}

/** One item's coverage as plain data, for reports (the CLI's JSON, the editor's coverage list). */
export interface CoverageRow {
  id: string;
  label: string;
  title: string;
  obligation: string;
  status: ItemStatus;
  coveredBy: string[];
  excludedBecause?: string;
}

export function coverageRows(report: CoverageReport, locale: 'ja' | 'en'): CoverageRow[] {
  return report.items.map((entry) => ({
    id: entry.item.id.value,
    label: entry.item.label?.value ?? '',
    title: (locale === 'en' ? entry.item.titleEn : undefined) ?? entry.item.title?.value ?? '',
    obligation: entry.item.obligation ?? '',
    status: entry.status,
    coveredBy: entry.coveredBy.map((clause) => clause.id?.value ?? ''),
    ...(entry.exclusion?.reason ? { excludedBecause: entry.exclusion.reason.value } : {}),
  }));
}
