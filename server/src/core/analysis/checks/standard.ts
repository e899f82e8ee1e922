import { Catalog, SectorScope } from '../catalog';
import { finding, Finding, unknownName } from '../../findings';
import { Bilingual } from '../../messages';
import { ItemDef, PlanModel, SectorDef, StandardModel } from '../model';
import { closest, Located, normalizeName } from '../../text';
import { forEachDuplicate, lineNumber, RuleContext, StandardRule } from './context';

/** Reasons that only hold the place of one (the quick fix inserts the first). */
export const PLACEHOLDER_REASONS = ['（理由を記載）', '理由を記載', 'TODO', 'TBD', '...', '…'];

export function itemTitle(item: ItemDef): Bilingual {
  const ja = item.title?.value ?? '';
  return { ja, en: item.titleEn ?? ja };
}

/** The sector of a standard, when its name resolves in the catalog. */
export function standardSector(model: StandardModel, catalog: Catalog | undefined): SectorDef | undefined {
  return model.sector && catalog?.findSector(model.sector.value);
}

/** The sector and sub-sector ids a standard is written for, as far as they resolve. */
export function standardScope(model: StandardModel, catalog: Catalog | undefined): SectorScope {
  const sector = standardSector(model, catalog);
  const subsector = sector && model.subsector ? catalog?.findSubsector(sector, model.subsector.value)?.subsector : undefined;
  return { sector: sector?.id.value, subsector: subsector?.id.value };
}

/** A standard or plan must name a guideline that resolves (workspace first, then bundled). */
export function checkGuidelineReference({ model, catalog, workspace }: RuleContext<StandardModel | PlanModel>): Finding[] {
  if (!model.guideline || catalog) return [];
  const known = workspace.guidelineIds();
  const suggestion = closest(model.guideline.value, known, (k) => [k]);
  return [unknownName('guideline.unknown', model.guideline.span, { value: model.guideline.value, known: known.join(', ') }, suggestion)];
}

const guidelineReference: StandardRule = { name: 'guideline reference', check: checkGuidelineReference };

const sectorNames: StandardRule = {
  name: 'sector and sub-sector names',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const sector = standardSector(model, catalog);
    if (model.sector && !sector) {
      const suggestion = catalog.suggestSector(model.sector.value);
      findings.push(unknownName('sector.unknown', model.sector.span, { value: model.sector.value, guideline: catalog.id }, suggestion?.name));
    }
    if (model.subsector) {
      const match = catalog.findSubsector(sector, model.subsector.value);
      if (!match && (sector || !model.sector)) {
        findings.push(unknownName('subsector.unknown', model.subsector.span, { value: model.subsector.value, sector: sector?.label.value ?? '' },
          catalog.suggestSubsector(sector, model.subsector.value)?.label.value));
      }
    }
    return findings;
  },
};

const clauseIds: StandardRule = {
  name: 'duplicate clause ids',
  check(context) {
    const findings: Finding[] = [];
    forEachDuplicate(context.model.clauses.flatMap((c) => (c.id ? [c.id] : [])), (id, first) =>
      findings.push(finding('clause.duplicate-id', 'error', id.span, { id: id.value, firstLine: lineNumber(context, first.span.start) })));
    return findings;
  },
};

/** How a standard's scope is named in messages: its sector's label, with the sub-sector's in brackets. */
function scopeName(model: StandardModel, catalog: Catalog): string | undefined {
  const sector = standardSector(model, catalog);
  if (!sector) return undefined;
  const subsector = model.subsector ? catalog.findSubsector(sector, model.subsector.value)?.subsector : undefined;
  return subsector ? `${sector.label.value}（${subsector.label.value}）` : sector.label.value;
}

const clauseReferences: StandardRule = {
  name: 'covers and threats of clauses',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const scope = standardScope(model, catalog);
    const sectorName = scopeName(model, catalog);
    for (const clause of model.clauses) {
      for (const reference of clause.covers) {
        const item = catalog.item(reference.value);
        if (!item) {
          findings.push(unknownName('covers.unknown-item', reference.span, { value: reference.value, guideline: catalog.id }, catalog.suggestItem(reference.value)?.id.value));
        } else if (sectorName && !catalog.applies(item, scope)) {
          findings.push(finding('covers.not-applicable', 'warning', reference.span, {
            item: item.id.value,
            label: item.label?.value ?? '',
            sector: sectorName,
          }, { itemId: item.id.value }));
        }
      }
      for (const threat of clause.threats) {
        if (!catalog.findThreat(threat.value)) findings.push(unknownName('threat.unknown', threat.span, { value: threat.value, guideline: catalog.id }, catalog.suggestThreat(threat.value)));
      }
    }
    return findings;
  },
};

const exclusions: StandardRule = {
  name: 'exclusions',
  check(context) {
    const { model, catalog } = context;
    const findings: Finding[] = [];
    const first = new Map<string, Located>();
    for (const exclusion of model.exclusions) {
      if (!exclusion.item) continue;
      const item = catalog?.item(exclusion.item.value);
      const name = item?.id.value ?? exclusion.item.value;
      const reason = exclusion.reason?.value.trim() ?? '';
      if (reason === '') {
        findings.push(finding('exclusion.missing-reason', 'error', exclusion.reason?.span ?? exclusion.item.span, { item: name }, { itemId: item?.id.value }));
      } else if (PLACEHOLDER_REASONS.includes(reason) && exclusion.reason) {
        // A placeholder (left by the quick fix or a snippet) keeps the document valid but is a reminder.
        findings.push(finding('exclusion.placeholder-reason', 'warning', exclusion.reason.span, { item: name, reason }, { itemId: item?.id.value }));
      }
      if (catalog && !item) {
        findings.push(unknownName('exclusion.unknown-item', exclusion.item.span, { value: exclusion.item.value, guideline: catalog.id }, catalog.suggestItem(exclusion.item.value)?.id.value));
        continue;
      }
      const key = normalizeName(name);
      const earlier = first.get(key);
      if (earlier) {
        findings.push(finding('exclusion.duplicate', 'warning', exclusion.item.span, { item: name, firstLine: lineNumber(context, earlier.span.start) }));
        continue;
      }
      first.set(key, exclusion.item);
      const sectorName = item && catalog ? scopeName(model, catalog) : undefined;
      if (item && catalog && sectorName && !catalog.applies(item, standardScope(model, catalog))) {
        // Nothing to justify: the item is not asked of this sector at all.
        findings.push(finding('exclusion.not-applicable', 'warning', exclusion.item.span, {
          item: item.id.value,
          label: item.label?.value ?? '',
          sector: sectorName,
        }, { itemId: item.id.value }));
        continue;
      }
      const coveringClause = model.clauses.find((c) => c.covers.some((r) => normalizeName(r.value) === key));
      if (coveringClause) {
        findings.push(finding('exclusion.covered', 'warning', exclusion.item.span, {
          item: name,
          clause: coveringClause.id?.value ?? '?',
        }, { itemId: item?.id.value }));
      }
    }
    return findings;
  },
};

const coverage: StandardRule = {
  name: 'coverage of guideline items',
  // With an unknown sector only the items for all sectors are known to apply; sector.unknown says why.
  // One finding per cause: an item incomplete only because of its children is partial, not reported.
  check({ model, catalog, coverage: report }) {
    if (!report || !catalog) return [];
    const findings: Finding[] = [];
    for (const entry of report.items) {
      if (!entry.reported) continue;
      const mustConsider = entry.obligation === 'must-consider';
      const code = mustConsider ? 'coverage.uncovered' : entry.item.provisional ? 'coverage.uncovered-provisional' : 'coverage.uncovered-reference';
      findings.push(finding(code, mustConsider ? 'warning' : 'information', model.anchor, {
        item: entry.item.id.value,
        label: entry.item.label?.value ?? '',
        title: itemTitle(entry.item),
      }, {
        itemId: entry.item.id.value,
        related: [{ uri: catalog.uri, span: entry.item.id.span, caption: { key: 'related.item-definition', args: { item: entry.item.id.value, guideline: catalog.id } } }],
      }));
    }
    return findings;
  },
};

export const standardRules: StandardRule[] = [guidelineReference, sectorNames, clauseIds, clauseReferences, exclusions, coverage];

export type { RuleContext };
