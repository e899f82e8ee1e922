import { Catalog, SectorScope } from '../analysis/catalog';
import { CoverageReport, ItemCoverage, ItemStatus } from '../analysis/coverage';
import { ItemDef } from '../analysis/model';
import { Locale, renderText } from '../messages';

/**
 * Where a guideline item stands for the document being edited, as completion ranks and shows it:
 * whether it applies to the standard's sector (and sub-sector), its coverage, and the words a
 * completion row shows beside its id without being focused.
 */
export interface ItemChoice {
  item: ItemDef;
  /** False for an item of another sector (or sub-sector) than the standard's. */
  applies: boolean;
  /** The item's coverage in the standard, when known. */
  status?: ItemStatus;
  /** Rank in the list: uncovered must-consider items first, items that do not apply last. */
  rank: number;
  /** The item's title in the user's language. */
  title: string;
  /** The official label, the obligation, the coverage and the markers, as one line. */
  facts: string;
}

/** What ranks a standard's items: its coverage as last computed, else its sector and sub-sector. */
export interface ItemScope {
  catalog: Catalog;
  coverage?: CoverageReport;
  /** The sector and sub-sector ids, for documents whose coverage is not known (yet). */
  scope?: SectorScope;
  /** False outside a standard (a guideline's `parent:`): there every item applies and none is covered. */
  sectorBound: boolean;
}

/**
 * Every item of the catalog with its standing, in guideline order. Coverage is matched by item id,
 * so that a report computed against an earlier version of the guideline still ranks the items.
 */
export function itemChoices({ catalog, coverage, scope, sectorBound }: ItemScope, locale: Locale): ItemChoice[] {
  const known = coverage && coverage.guidelineId === catalog.id ? new Map(coverage.items.map((c) => [c.item.id.value, c])) : undefined;
  return catalog.uniqueItems.map((item) => {
    const entry = known?.get(item.id.value);
    const applies = !sectorBound || (known ? entry !== undefined : catalog.applies(item, scope));
    return choice(item, applies, entry, locale);
  });
}

function choice(item: ItemDef, applies: boolean, entry: ItemCoverage | undefined, locale: Locale): ItemChoice {
  const status = applies ? entry?.status : undefined;
  const mustConsider = (entry?.obligation ?? (item.obligation === 'must-consider' && !item.provisional ? 'must-consider' : 'reference')) === 'must-consider';
  const rank = !applies ? 4 : status === 'uncovered' ? (mustConsider ? 0 : 1) : status === 'partial' ? 2 : status === undefined ? 2 : 3;
  const obligation = item.obligation === 'must-consider' || item.obligation === 'reference' ? renderText(`obligation.${item.obligation}`, {}, locale) : undefined;
  const facts = [
    applies ? undefined : renderText('status.not-applicable', {}, locale),
    item.label?.value,
    obligation,
    item.provisional ? renderText('mark.provisional', {}, locale) : undefined,
    status ? renderText(`status.${status}`, {}, locale) : undefined,
  ].filter(Boolean).join(' · ');
  const title = (locale === 'en' ? item.titleEn : undefined) ?? item.title?.value ?? item.titleEn ?? '';
  return { item, applies, status, rank, title, facts };
}

/** Items a new clause or exclusion could be for: those that apply and that no clause covers or exclusion excludes yet. */
export function openChoices(choices: ItemChoice[]): ItemChoice[] {
  return choices.filter((c) => c.applies && c.status !== 'covered' && c.status !== 'excluded');
}
