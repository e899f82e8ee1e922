import { Catalog } from '../catalog';
import { computeCoverage } from '../coverage';
import { finding, Finding } from '../findings';
import { Bilingual } from '../messages';
import { ItemDef, PlanModel, SectorDef, StandardModel } from '../model';
import { closest, Located, normalizeName } from '../text';
import { lineNumber, RuleContext, StandardRule } from './context';

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

/** A standard or plan must name a guideline that resolves (workspace first, then bundled). */
export function checkGuidelineReference({ model, catalog, workspace }: RuleContext<StandardModel | PlanModel>): Finding[] {
  if (!model.guideline || catalog) return [];
  const known = workspace.guidelineIds();
  const suggestion = closest(model.guideline.value, known, (k) => [k]);
  return [finding('guideline.unknown', 'error', model.guideline.span, {
    value: model.guideline.value,
    known: known.join(', '),
    suggestion,
  }, suggestion ? { replacement: { span: model.guideline.span, newText: suggestion } } : {})];
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
      findings.push(unknownName('sector.unknown', model.sector, catalog, suggestion?.name));
    }
    if (model.subsector) {
      const match = catalog.findSubsector(sector, model.subsector.value);
      if (!match && (sector || !model.sector)) {
        const suggestion = catalog.suggestSubsector(sector, model.subsector.value);
        findings.push(finding('subsector.unknown', 'error', model.subsector.span, {
          value: model.subsector.value,
          sector: sector?.label.value ?? '',
          suggestion: suggestion?.label.value,
        }, suggestion ? { replacement: { span: model.subsector.span, newText: suggestion.label.value } } : {}));
      }
    }
    return findings;
  },
};

function unknownName(code: 'sector.unknown' | 'threat.unknown', name: Located, catalog: Catalog, suggestion: string | undefined): Finding {
  return finding(code, 'error', name.span, { value: name.value, guideline: catalog.id, suggestion },
    suggestion ? { replacement: { span: name.span, newText: suggestion } } : {});
}

const clauseIds: StandardRule = {
  name: 'duplicate clause ids',
  check(context) {
    const first = new Map<string, Located>();
    const findings: Finding[] = [];
    for (const clause of context.model.clauses) {
      if (!clause.id) continue;
      const key = normalizeName(clause.id.value);
      const earlier = first.get(key);
      if (earlier) {
        findings.push(finding('clause.duplicate-id', 'error', clause.id.span, {
          id: clause.id.value,
          firstLine: lineNumber(context, earlier.span.start),
        }));
      } else first.set(key, clause.id);
    }
    return findings;
  },
};

const clauseReferences: StandardRule = {
  name: 'covers and threats of clauses',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const sector = standardSector(model, catalog);
    for (const clause of model.clauses) {
      for (const reference of clause.covers) {
        const item = catalog.item(reference.value);
        if (!item) {
          const suggestion = catalog.suggestItem(reference.value)?.id.value;
          findings.push(finding('covers.unknown-item', 'error', reference.span, { value: reference.value, guideline: catalog.id, suggestion },
            suggestion ? { replacement: { span: reference.span, newText: suggestion } } : {}));
        } else if (sector && !catalog.applies(item, sector.id.value)) {
          findings.push(finding('covers.not-applicable', 'warning', reference.span, {
            item: item.id.value,
            label: item.label?.value ?? '',
            sector: sector.label.value,
          }, { itemId: item.id.value }));
        }
      }
      for (const threat of clause.threats) {
        if (!catalog.findThreat(threat.value)) findings.push(unknownName('threat.unknown', threat, catalog, catalog.suggestThreat(threat.value)));
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
        const suggestion = catalog.suggestItem(exclusion.item.value)?.id.value;
        findings.push(finding('exclusion.unknown-item', 'error', exclusion.item.span, { value: exclusion.item.value, guideline: catalog.id, suggestion },
          suggestion ? { replacement: { span: exclusion.item.span, newText: suggestion } } : {}));
        continue;
      }
      const key = normalizeName(name);
      const earlier = first.get(key);
      if (earlier) {
        findings.push(finding('exclusion.duplicate', 'warning', exclusion.item.span, { item: name, firstLine: lineNumber(context, earlier.span.start) }));
        continue;
      }
      first.set(key, exclusion.item);
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
  check({ model, catalog }) {
    if (!catalog) return [];
    const sector = standardSector(model, catalog);
    // With an unknown sector only the items for all sectors are known to apply; sector.unknown says why.
    const report = computeCoverage(model, catalog, sector?.id.value);
    const findings: Finding[] = [];
    for (const entry of report.items) {
      if (entry.status !== 'uncovered') continue;
      const mustConsider = entry.item.obligation === 'must-consider';
      findings.push(finding(mustConsider ? 'coverage.uncovered' : 'coverage.uncovered-reference', mustConsider ? 'warning' : 'information', model.anchor, {
        item: entry.item.id.value,
        label: entry.item.label?.value ?? '',
        title: itemTitle(entry.item),
      }, { itemId: entry.item.id.value }));
    }
    return findings;
  },
};

export const standardRules: StandardRule[] = [guidelineReference, sectorNames, clauseIds, clauseReferences, exclusions, coverage];

export type { RuleContext };
