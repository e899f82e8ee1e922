import { Catalog, SectorScope } from '../catalog';
import { clausesByName } from '../coverage';
import { finding, Finding, Replacement, unknownName } from '../../findings';
import { ParsedDocument } from '../../parsing/parse';
import { Bilingual } from '../../messages';
import { ClauseModel, ItemDef, PlanModel, SectorDef, StandardModel } from '../model';
import { DocumentFormat } from '../../parsing/parse';
import { closest, Located, normalizeName } from '../../text';
import { ClauseMemo, lineNumber, RuleContext, StandardRule, WorkspaceView } from './context';
import { editionReference, suspectLinks } from './editions';

/** Reasons that only hold the place of one (the quick fix inserts the first). */
export const PLACEHOLDER_REASONS = ['（理由を記載）', '理由を記載', 'TODO', 'TBD', '...', '…'];

/**
 * A reason in the form placeholders are compared in: NFKC (half- and full-width alike), case-folded,
 * without one pair of enclosing brackets, so that `(理由を記載)`, `todo` and `ＴＯＤＯ` are placeholders too.
 */
function placeholderKey(reason: string): string {
  const key = reason.normalize('NFKC').trim().toLowerCase();
  const enclosed = /^[(\[【「<](.*)[)\]】」>]$/.exec(key);
  return enclosed ? enclosed[1].trim() : key;
}

const placeholderKeys = new Set(PLACEHOLDER_REASONS.map(placeholderKey));

export function isPlaceholderReason(reason: string): boolean {
  return placeholderKeys.has(placeholderKey(reason));
}

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
  return [unknownName('guideline.unknown', model.guideline.span, { value: model.guideline.value, known: known.join(', '), documentsFrom: workspace.documentsFrom }, suggestion)];
}

const guidelineReference: StandardRule = { name: 'guideline reference', check: checkGuidelineReference };

/**
 * A sector name that does not resolve. A sub-sector named as a sector says whose it is (`銀行` is a
 * sub-sector of 金融), with the sector as its replacement; anything else is unknown, with a suggestion.
 */
export function unresolvedSector(catalog: Catalog, sector: Located, options: { subsectorKey?: string; replacement?: Replacement } = {}): Finding {
  const asSubsector = catalog.findSubsector(undefined, sector.value);
  if (!asSubsector) return unknownName('sector.unknown', sector.span, { value: sector.value, guideline: catalog.id }, catalog.suggestSector(sector.value)?.name);
  const label = asSubsector.sector.label.value;
  return finding('sector.is-subsector', 'error', sector.span, { value: sector.value, sector: label, subsectorKey: options.subsectorKey },
    { replacement: options.replacement ?? { span: sector.span, newText: label } });
}

/**
 * For a standard without a `subsector:`, the fix of `sector: 銀行` keeps the sub-sector: it writes
 * `sector: 金融` and `subsector: 銀行` on the next line, when the key stands alone on its line.
 */
function sectorAndSubsector(text: string, model: StandardModel, catalog: Catalog): Replacement | undefined {
  const sector = model.sector;
  const match = sector && catalog.findSubsector(undefined, sector.value);
  if (!sector || !match || model.subsector) return undefined;
  const lineStart = text.lastIndexOf('\n', sector.span.start - 1) + 1;
  const lineEnd = /\r?\n|$/.exec(text.slice(sector.span.end))!.index + sector.span.end;
  if (!/^sector[ \t]*:[ \t]*$/.test(text.slice(lineStart, sector.span.start)) || !/^[ \t]*(?:#.*)?$/.test(text.slice(sector.span.end, lineEnd))) return undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const owner = match.sector.label.value;
  const subsector = match.subsector.label.value;
  return { span: sector.span, newText: `${owner}${newline}subsector: ${subsector}`, title: { key: 'action.sector-and-subsector', args: { sector: owner, subsector } } };
}

const sectorNames: StandardRule = {
  name: 'sector and sub-sector names',
  check({ model, catalog, parsed }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const sector = standardSector(model, catalog);
    if (model.sector && !sector) {
      findings.push(unresolvedSector(catalog, model.sector, { subsectorKey: 'subsector', replacement: sectorAndSubsector(parsed.text, model, catalog) }));
    }
    if (model.subsector) {
      const match = catalog.findSubsector(sector, model.subsector.value);
      const elsewhere = !match && sector ? catalog.findSubsector(undefined, model.subsector.value) : undefined;
      if (elsewhere && sector) {
        findings.push(finding('subsector.other-sector', 'error', model.subsector.span, {
          value: model.subsector.value,
          sector: sector.label.value,
          actual: elsewhere.sector.label.value,
        }));
      } else if (!match && (sector || !model.sector)) {
        findings.push(unknownName('subsector.unknown', model.subsector.span, { value: model.subsector.value, sector: sector?.label.value ?? '' },
          catalog.suggestSubsector(sector, model.subsector.value)?.label.value));
      }
    }
    return findings;
  },
};

/** A clause id in the form ids are compared in, computed once per clause. */
const clauseIdKeys = new ClauseMemo<string>();

/** The clauses by their id's normalised form, kept up to date by difference; with the keys used more than once. */
interface ClauseIdIndex {
  byKey: Map<string, ClauseModel[]>;
  repeated: Set<string>;
}

function clauseIdIndex(clauses: readonly ClauseModel[]): ClauseIdIndex {
  const index: ClauseIdIndex = { byKey: new Map(), repeated: new Set() };
  updateClauseIdIndex(index, [], clauses);
  return index;
}

function updateClauseIdIndex(index: ClauseIdIndex, removed: readonly ClauseModel[], added: readonly ClauseModel[]): void {
  for (const clause of removed) {
    if (!clause.id) continue;
    const key = clauseIdKeys.get(clause, [], () => normalizeName(clause.id!.value));
    const list = index.byKey.get(key)!;
    list.splice(list.indexOf(clause), 1);
    if (list.length === 0) index.byKey.delete(key);
    if (list.length < 2) index.repeated.delete(key);
  }
  for (const clause of added) {
    if (!clause.id) continue;
    const key = clauseIdKeys.get(clause, [], () => normalizeName(clause.id!.value));
    const list = index.byKey.get(key);
    if (!list) index.byKey.set(key, [clause]);
    else {
      list.push(clause);
      index.repeated.add(key);
    }
  }
}

const clauseIds: StandardRule = {
  name: 'duplicate clause ids',
  check(context) {
    const clauses = context.model.clauses;
    const index = context.lineage
      ? context.lineage.aggregate('clause-ids', clauses, [], clauseIdIndex, updateClauseIdIndex)
      : clauseIdIndex(clauses);
    const findings: Finding[] = [];
    for (const key of index.repeated) {
      // The first in the text is the original; the spans are where the clauses stand now.
      const [first, ...others] = [...index.byKey.get(key)!].sort((a, b) => a.id!.span.start - b.id!.span.start);
      const firstLine = lineNumber(context, first.id!.span.start);
      for (const clause of others) findings.push(finding('clause.duplicate-id', 'error', clause.id!.span, { id: clause.id!.value, firstLine }));
    }
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

/**
 * `covers: G-II-3-1, G-II-4-1` is one YAML text, not two entries: said as such, with the list as the
 * fix. Markdown clause lines are comma-separated lists already, and are not concerned.
 */
export function textNotList(parsed: ParsedDocument, key: string, reference: Located): Finding | undefined {
  // Item ids contain neither spaces nor 「、」; threat labels may contain 「、」 (and are not split on it).
  const parts = reference.value.split(key === 'threats' ? /[,，;；]+/ : /[\s,、，;；]+/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2 || parsed.markdownClauses.some((c) => c.section.start <= reference.span.start && reference.span.end <= c.section.end)) return undefined;
  // What precedes the text tells a value (`covers: …`) from an element of a flow list (`[…, …]`) or of a block list (`- …`).
  const before = parsed.text.slice(Math.max(0, reference.span.start - 200), reference.span.start).trimEnd().slice(-1);
  const list = parts.join(', ');
  const newText = before === ':' ? `[${list}]` : before === '[' || before === ',' ? list : undefined;
  return finding('clause.text-not-list', 'error', reference.span, { key, value: reference.value, list }, newText ? { replacement: { span: reference.span, newText } } : {});
}

/** Each clause's findings on its covers and threats, for the catalog and sector they were made against. */
const referenceFindings = new ClauseMemo<Finding[]>();

const clauseReferences: StandardRule = {
  name: 'covers and threats of clauses',
  check({ model, catalog, parsed, lineage, workspace }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const scope = standardScope(model, catalog);
    const sectorName = scopeName(model, catalog);
    // Markdown clauses are read afresh each version, and what precedes a value is read from the text: only YAML clauses are kept.
    // The superseded edition is part of the key: an entry naming one of its items is said to be replaced or removed.
    const previous = catalog.supersedes ? workspace.catalog(catalog.supersedes) : undefined;
    const key = [catalog, previous, scope.sector, scope.subsector, sectorName, parsed.format];
    const ofClause = (clause: ClauseModel): Finding[] => (parsed.format === 'yaml'
      ? referenceFindings.get(clause, key, () => clauseReferenceFindings(clause, catalog, scope, sectorName, parsed, workspace))
      : clauseReferenceFindings(clause, catalog, scope, sectorName, parsed, workspace));
    // An edit of the guideline makes a new catalog. A clause found clean before stays clean when none of its
    // names changed meaning: only the clauses that name an item that changed (found from the names, not by
    // looking at every clause) and those with findings are checked again.
    const carry = (previousKey: readonly unknown[]) => {
      const earlier = previousKey[0];
      if (!lineage || !(earlier instanceof Catalog) || previousKey.length !== key.length || previousKey.some((k, i) => i > 0 && k !== key[i])) return undefined;
      const changes = catalog.referenceChangesSince(earlier, scope);
      const naming = new Set<ClauseModel>();
      if (changes.names.size > 0) {
        for (const [name, clauses] of clausesByName(lineage, model.clauses)) if (changes.names.has(normalizeName(name))) for (const clause of clauses) naming.add(clause);
      }
      return (clause: ClauseModel, before: Finding[]) => before.length === 0 && !naming.has(clause) && !(changes.threatRemoved && clause.threats.length > 0);
    };
    const perClause = lineage && parsed.format === 'yaml' ? lineage.map('clause-references', model.clauses, key, ofClause, carry) : model.clauses.map(ofClause);
    for (const own of perClause) for (const f of own) findings.push(f);
    return findings;
  },
};

function clauseReferenceFindings(clause: ClauseModel, catalog: Catalog, scope: SectorScope, sectorName: string | undefined, parsed: ParsedDocument, workspace: WorkspaceView): Finding[] {
  const findings: Finding[] = [];
  for (const reference of clause.covers) {
    const item = catalog.item(reference.value);
    const several = item ? undefined : textNotList(parsed, 'covers', reference);
    if (several) findings.push(several);
    else if (!item) {
      // An item of the edition the guideline supersedes is named as such (replaced or removed), not as unknown.
      findings.push(editionReference('covers', reference, catalog, workspace, parsed)
        ?? unknownName('covers.unknown-item', reference.span, { value: reference.value, guideline: catalog.id }, catalog.suggestItem(reference.value)?.id.value));
    } else if (sectorName && !catalog.applies(item, scope)) {
      findings.push(finding('covers.not-applicable', 'warning', reference.span, {
        item: item.id.value,
        label: item.label?.value ?? '',
        sector: sectorName,
      }, { itemId: item.id.value }));
    }
  }
  for (const threat of clause.threats) {
    if (catalog.findThreat(threat.value)) continue;
    const joined = threatsJoinedByIdeographicComma(threat, catalog, parsed.format);
    const several = joined ? undefined : textNotList(parsed, 'threats', threat);
    findings.push(joined ?? several
      ?? unknownName('threat.unknown', threat.span, { value: threat.value, guideline: catalog.id }, catalog.suggestThreat(threat.value)));
  }
  return findings;
}

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
    let coveringClauses: Map<string, ClauseModel> | undefined;
    for (const exclusion of model.exclusions) {
      if (!exclusion.item) continue;
      const item = catalog?.item(exclusion.item.value);
      const name = item?.id.value ?? exclusion.item.value;
      const reason = exclusion.reason?.value.trim() ?? '';
      if (reason === '') {
        findings.push(finding('exclusion.missing-reason', 'error', exclusion.reason?.span ?? exclusion.item.span, { item: name }, { itemId: item?.id.value }));
      } else if (isPlaceholderReason(reason) && exclusion.reason) {
        // A placeholder (left by the quick fix or a snippet) keeps the document valid but is a reminder.
        findings.push(finding('exclusion.placeholder-reason', 'warning', exclusion.reason.span, { item: name, reason }, { itemId: item?.id.value }));
      }
      if (catalog && !item) {
        findings.push(editionReference('exclusion', exclusion.item, catalog, context.workspace, context.parsed)
          ?? unknownName('exclusion.unknown-item', exclusion.item.span, { value: exclusion.item.value, guideline: catalog.id }, catalog.suggestItem(exclusion.item.value)?.id.value));
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
      const coveringClause = (coveringClauses ??= firstClauseCovering(model.clauses)).get(key);
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

/** Each clause's covers in the form names are compared in, computed once per clause. */
const coverKeys = new ClauseMemo<string[]>();

/** The first clause that names each item (by its normalised name), built once per check. */
function firstClauseCovering(clauses: ClauseModel[]): Map<string, ClauseModel> {
  const first = new Map<string, ClauseModel>();
  for (const clause of clauses) {
    const keys = coverKeys.get(clause, [], () => clause.covers.map((r) => normalizeName(r.value)));
    for (const key of keys) if (!first.has(key)) first.set(key, clause);
  }
  return first;
}

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

export const standardRules: StandardRule[] = [guidelineReference, sectorNames, clauseIds, clauseReferences, exclusions, coverage, suspectLinks];

export type { RuleContext };
