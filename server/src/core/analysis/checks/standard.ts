import { Catalog } from '../catalog';
import { finding, Finding, unknownName } from '../../findings';
import { Bilingual } from '../../messages';
import { ItemDef, PlanModel, SectorDef, StandardModel } from '../model';
import { DocumentFormat } from '../../parsing/parse';
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

const clauseReferences: StandardRule = {
  name: 'covers and threats of clauses',
  check({ model, catalog, parsed }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const sector = standardSector(model, catalog);
    for (const clause of model.clauses) {
      for (const reference of clause.covers) {
        const item = catalog.item(reference.value);
        if (!item) {
          findings.push(unknownName('covers.unknown-item', reference.span, { value: reference.value, guideline: catalog.id }, catalog.suggestItem(reference.value)?.id.value));
        } else if (sector && !catalog.applies(item, sector.id.value)) {
          findings.push(finding('covers.not-applicable', 'warning', reference.span, {
            item: item.id.value,
            label: item.label?.value ?? '',
            sector: sector.label.value,
          }, { itemId: item.id.value }));
        }
      }
      for (const threat of clause.threats) {
        if (catalog.findThreat(threat.value)) continue;
        findings.push(threatsJoinedByIdeographicComma(threat, catalog, parsed.format)
          ?? unknownName('threat.unknown', threat.span, { value: threat.value, guideline: catalog.id }, catalog.suggestThreat(threat.value)));
      }
    }
    return findings;
  },
};

/**
 * 「意図的要因、災害」: several threats joined by 「、」, which cannot separate threats because threat
 * labels contain it (大規模な操作・設定ミス、バグ、…). Reported when the pieces group into known threats.
 */
function threatsJoinedByIdeographicComma(threat: Located, catalog: Catalog, format: DocumentFormat): Finding | undefined {
  const pieces = threat.value.split('、');
  if (pieces.length < 2 || pieces.length > MAX_JOINED_PIECES) return undefined;
  const threats = groupIntoThreats(pieces, catalog);
  if (!threats) return undefined;
  const suggestion = threats.join(', ');
  return finding('threat.ideographic-comma', 'error', threat.span, { value: threat.value, guideline: catalog.id, suggestion, format },
    format === 'markdown' ? { replacement: { span: threat.span, newText: suggestion } } : {});
}

const MAX_JOINED_PIECES = 20;

/** Groups consecutive pieces into known threats, the longest group first, so a label that contains 「、」 stays whole. */
function groupIntoThreats(pieces: string[], catalog: Catalog): string[] | undefined {
  // fromHere[i]: a grouping of pieces[i…] into known threats, if there is one.
  const fromHere: (string[] | undefined)[] = [];
  fromHere[pieces.length] = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    for (let j = pieces.length; j > i; j--) {
      const rest = fromHere[j];
      const name = pieces.slice(i, j).join('、').trim();
      if (rest && name && catalog.findThreat(name)) {
        fromHere[i] = [name, ...rest];
        break;
      }
    }
  }
  return fromHere[0];
}

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
  check({ model, coverage: report }) {
    if (!report) return [];
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
