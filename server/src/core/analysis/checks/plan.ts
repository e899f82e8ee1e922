import { Catalog } from '../catalog';
import { finding, Finding, unknownName } from '../../findings';
import { Bilingual, timingPhrases } from '../../messages';
import { PlanThreatRow, StandardModel, TermDef, ThreatDef } from '../model';
import { closestMatch, Located, normalizeName } from '../../text';
import { vocabulary } from '../../vocabulary';
import { lineNumber, PlanRule } from './context';
import { checkGuidelineReference, standardSector, unresolvedSector } from './standard';

const planSectors: PlanRule = {
  name: 'plan sectors against the guideline',
  check(context) {
    const { model, catalog } = context;
    if (!catalog) return [];
    const findings: Finding[] = [];
    const present = new Map<string, number>();
    for (const entry of model.sectors) {
      if (!entry.sector) continue;
      const sector = catalog.findSector(entry.sector.value);
      if (sector) {
        const first = present.get(sector.id.value);
        if (first !== undefined) {
          findings.push(finding('plan.duplicate-sector', 'error', entry.sector.span, { sector: sector.label.value, firstLine: lineNumber(context, first) }));
        } else present.set(sector.id.value, entry.sector.span.start);
        if (entry.standards.length === 0) {
          findings.push(finding('plan.sector-without-standard', 'warning', entry.sector.span, { sector: sector.label.value }));
        }
        continue;
      }
      findings.push(unresolvedSector(catalog, entry.sector));
    }
    for (const sector of catalog.sectors) {
      if (!present.has(sector.id.value)) {
        findings.push(finding('plan.sector-missing', 'warning', model.anchor, { sector: sector.label.value, guideline: catalog.id }));
      }
    }
    return findings;
  },
};

const planServices: PlanRule = {
  name: 'services: sub-sectors of their sector',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const entry of model.sectors) {
      // A sector that does not resolve is reported as such; its services' sub-sectors cannot be judged.
      const sector = entry.sector && catalog.findSector(entry.sector.value);
      if (!sector) continue;
      for (const service of entry.services) {
        if (!service.subsector || catalog.findSubsector(sector, service.subsector.value)) continue;
        findings.push(unknownName('subsector.unknown', service.subsector.span, { value: service.subsector.value, sector: sector.label.value },
          catalog.suggestSubsector(sector, service.subsector.value)?.label.value));
      }
    }
    return findings;
  },
};

const planStandards: PlanRule = {
  name: 'standards in force',
  check({ model, catalog, workspace }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const entry of model.sectors) {
      const sector = entry.sector && catalog.findSector(entry.sector.value);
      for (const reference of entry.standards) {
        if (!reference.id) continue;
        const standards = workspace.documentsWithId(reference.id.value).filter((d): d is { uri: string; model: StandardModel } => d.model.kind === 'standard');
        if (standards.length === 0) {
          findings.push(finding('plan.standard-unknown', 'error', reference.id.span, { id: reference.id.value, documentsFrom: workspace.documentsFrom }));
          continue;
        }
        const standard = standards[0].model;
        if (standard.guideline && standard.guideline.value !== catalog.id) {
          findings.push(finding('plan.standard-guideline-mismatch', 'error', reference.id.span, {
            id: reference.id.value,
            actual: standard.guideline.value,
            expected: catalog.id,
          }));
        }
        const standardSectorDef = standardSector(standard, catalog);
        if (sector && standardSectorDef && standardSectorDef !== sector) {
          findings.push(finding('plan.standard-sector-mismatch', 'error', reference.id.span, {
            id: reference.id.value,
            actual: standardSectorDef.label.value,
            expected: sector.label.value,
          }));
        }
        if (reference.class && standard.class && reference.class.value !== standard.class.value) {
          findings.push(finding('plan.standard-class-mismatch', 'error', reference.class.span, {
            id: reference.id.value,
            expected: reference.class.value,
            actual: standard.class.value,
          }));
        }
      }
    }
    return findings;
  },
};

const planThreats: PlanRule = {
  name: 'threat illustration and information sharing rows',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const row of [...model.threats, ...model.sharing]) {
      if (!row.threat || catalog.findThreat(row.threat.value)) continue;
      findings.push(unknownName('threat.unknown', row.threat.span, { value: row.threat.value, guideline: catalog.id }, catalog.suggestThreat(row.threat.value)));
    }
    return findings;
  },
};

/** The responders a threat kind's examples name, in the order of the seed's table (p17): society, then operator. */
function respondersOf(threat: ThreatDef): string[] {
  return Object.keys(vocabulary.responder).filter((r) => threat.examples.some((e) => e.responder === r));
}

/** The plan's illustration rows grouped by the threat kind they resolve to (a row naming an example counts for its kind). */
function rowsByKind(rows: PlanThreatRow[], catalog: Catalog): Map<ThreatDef, PlanThreatRow[]> {
  const byKind = new Map<ThreatDef, PlanThreatRow[]>();
  for (const row of rows) {
    const kind = row.threat && catalog.findThreat(row.threat.value)?.threat;
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
  }
  return byKind;
}

/**
 * Every threat kind of the guideline is illustrated (脅威の例示), for each responder its examples name: a kind
 * with examples for 社会全体 and for 個別の事業者 needs a row for each (seed p17). A plan without `threats:` at all
 * gets one warning, not one per kind; a kind with no row gets one warning, not one per responder.
 */
const threatIllustration: PlanRule = {
  name: 'every threat kind illustrated, for each responder',
  check({ model, catalog }) {
    if (!catalog || catalog.threats.length === 0) return [];
    if (!model.hasThreatsKey) {
      return [finding('plan.threats-missing', 'warning', model.anchor, { guideline: catalog.id, threats: catalog.threats.map((t) => t.label.value).join('、') })];
    }
    const byKind = rowsByKind(model.threats, catalog);
    const findings: Finding[] = [];
    for (const threat of catalog.threats) {
      const rows = byKind.get(threat);
      if (!rows) {
        findings.push(finding('plan.threat-not-illustrated', 'warning', model.threatsAnchor ?? model.anchor, { threat: threat.label.value, guideline: catalog.id }));
        continue;
      }
      const given = new Set(rows.map((r) => r.responder?.value));
      for (const responder of respondersOf(threat)) {
        if (given.has(responder)) continue;
        findings.push(finding('plan.responder-not-illustrated', 'warning', rows[0].threat!.span, {
          threat: threat.label.value,
          responder: vocabulary.responder[responder],
          guideline: catalog.id,
        }));
      }
    }
    return findings;
  },
};

/** How a term is listed in messages: its label. */
const labelOf = (term: TermDef): string => term.label.value;

/** Each row's direction is its kind's, and its examples are its kind's examples for its responder. */
const threatRows: PlanRule = {
  name: 'threat illustration rows: direction and examples',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const row of model.threats) {
      const kind = row.threat && catalog.findThreat(row.threat.value)?.threat;
      if (!kind) continue; // reported as threat.unknown
      const direction = row.direction?.value;
      if (row.direction && direction && kind.direction && direction !== kind.direction && vocabulary.direction[direction]) {
        findings.push(finding('plan.threat-direction', 'error', row.direction.span, {
          threat: kind.label.value,
          expected: vocabulary.direction[kind.direction],
          actual: vocabulary.direction[direction],
        }, { replacement: { span: row.direction.span, newText: kind.direction } }));
      }
      for (const example of row.examples) findings.push(...checkExample(example, row, kind, catalog));
    }
    return findings;
  },
};

/** An illustration's example must be one of its kind's examples, and one for the row's responder. */
function checkExample(example: Located, row: PlanThreatRow, kind: ThreatDef, catalog: Catalog): Finding[] {
  const match = catalog.findThreat(example.value);
  const responder = row.responder?.value;
  if (match?.example && match.threat === kind) {
    const own = match.example.responder;
    if (!responder || !own || own === responder || !vocabulary.responder[responder]) return [];
    return [finding('plan.threat-example-responder', 'warning', example.span, {
      example: match.example.label.value,
      expected: vocabulary.responder[own],
      actual: vocabulary.responder[responder],
    })];
  }
  if (match?.example) {
    return [finding('plan.threat-example-misplaced', 'warning', example.span, {
      example: match.example.label.value,
      threat: match.threat.label.value,
      expected: kind.label.value,
    })];
  }
  // Suggest among the examples for the row's responder (all of the kind's when it names none or none match).
  const forResponder = kind.examples.filter((e) => !responder || e.responder === responder);
  const pool = forResponder.length > 0 ? forResponder : kind.examples;
  const suggestion = closestMatch(example.value, pool, (e) => [e.label.value, ...e.aliases])?.candidate.label.value;
  return [finding('plan.threat-example-unknown', 'warning', example.span, {
    value: example.value,
    threat: kind.label.value,
    guideline: catalog.id,
    known: pool.map(labelOf).join('、'),
    suggestion,
  }, suggestion ? { replacement: { span: example.span, newText: suggestion } } : {})];
}

/** What the seed's information-sharing table says of each type: B is for alerts and outages, A.a and A.b for normal times. */
const sharingTiming: Record<string, string | undefined> = { 'A.a': 'normal', 'A.b': 'normal', 'A.c': undefined, B: 'alert' };

const informationSharing: PlanRule = {
  name: 'information sharing rows',
  check({ model }) {
    const findings: Finding[] = [];
    for (const row of model.sharing) {
      if (!row.info || !row.timing) continue;
      const expected = sharingTiming[row.info.value];
      if (expected && expected !== row.timing.value && timingPhrases[row.timing.value]) {
        findings.push(finding('plan.sharing-timing', 'error', row.timing.span, {
          info: row.info.value,
          expected: timingPhrases[expected],
          actual: timingPhrases[row.timing.value],
        }, { replacement: { span: row.timing.span, newText: expected } }));
      }
    }
    return findings;
  },
};

/**
 * The routes of the information-sharing system and what each carries, as the seed draws them: a. reporting and
 * b. provision under the implementation rules (実施細目) carry type B, and b. also urgent A.c (sharing table, p31);
 * ① NISC–所管省庁 runs under the implementation rules, ② 所管省庁–CEPTOAR by means agreed in advance, ③ within a
 * CEPTOAR by its own rules (route table, p34). Types A.a and A.b go by newsletter, web or CEPTOAR (p31), so of the
 * routes only ③ carries them. Kijun's reading of the two tables (README, "Action plans").
 */
const sharingRoutes: Record<string, { info: string[]; channels: string[] }> = {
  'operator-to-nisc': { info: ['B'], channels: ['implementation-rules'] },
  'nisc-to-operator': { info: ['B', 'A.c'], channels: ['implementation-rules'] },
  'nisc-ministry': { info: ['B', 'A.c'], channels: ['implementation-rules'] },
  'ministry-ceptoar': { info: ['B', 'A.c'], channels: ['ministry-ceptoar-means'] },
  'within-ceptoar': { info: ['A.a', 'A.b', 'A.c', 'B'], channels: ['ceptoar'] },
};

const orList = (values: string[], words: Record<string, Bilingual>): Bilingual => ({
  ja: values.map((v) => words[v]?.ja ?? v).join('、'),
  en: values.map((v) => words[v]?.en ?? v).join(' or '),
});

const sharingRoutesRule: PlanRule = {
  name: 'information sharing: routes, channels and sub-types',
  check({ model, catalog }) {
    const findings: Finding[] = [];
    for (const row of model.sharing) {
      const route = row.route && sharingRoutes[row.route.value];
      if (route && row.route && row.info && vocabulary.info[row.info.value] && !route.info.includes(row.info.value)) {
        findings.push(finding('plan.sharing-route', 'error', row.info.span, {
          route: vocabulary.route[row.route.value],
          info: row.info.value,
          allowed: route.info.join(', '),
        }));
      }
      if (route && row.route && row.channel && vocabulary.channel[row.channel.value] && !route.channels.includes(row.channel.value)) {
        const replacement = route.channels.length === 1 ? { replacement: { span: row.channel.span, newText: route.channels[0] } } : {};
        findings.push(finding('plan.sharing-channel', 'error', row.channel.span, {
          route: vocabulary.route[row.route.value],
          channel: vocabulary.channel[row.channel.value],
          expected: orList(route.channels, vocabulary.channel),
        }, replacement));
      }
      if (catalog && row.subtype && row.threat) findings.push(...checkSubtype(row.subtype, row.threat.value, catalog));
    }
    return findings;
  },
};

/**
 * A sharing row's sub-type is one the guideline names for its threat kind: a sub-type of the sharing table (seed
 * p31) or one of the kind's examples. A kind that names neither accepts any sub-type.
 */
function checkSubtype(subtype: Located, threatName: string, catalog: Catalog): Finding[] {
  const kind = catalog.findThreat(threatName)?.threat;
  if (!kind) return [];
  const named = [...kind.subtypes, ...kind.examples];
  if (named.length === 0) return [];
  const wanted = normalizeName(subtype.value);
  if (named.some((t) => [t.id.value, t.label.value, ...t.aliases].some((n) => normalizeName(n) === wanted))) return [];
  const shown = kind.subtypes.length > 0 ? kind.subtypes : kind.examples;
  const suggestion = closestMatch(subtype.value, named, (t) => [t.label.value, ...t.aliases])?.candidate.label.value;
  return [finding('plan.sharing-subtype-unknown', 'warning', subtype.span, {
    value: subtype.value,
    threat: kind.label.value,
    known: shown.map(labelOf).join('、'),
    suggestion,
  }, suggestion ? { replacement: { span: subtype.span, newText: suggestion } } : {})];
}

const schedule: PlanRule = {
  name: 'period and schedule',
  check({ model }) {
    const from = model.period?.from;
    const to = model.period?.to;
    if (!from || !to) return [];
    if (to.value < from.value) return [finding('plan.period-reversed', 'error', to.span, { from: from.value, to: to.value })];
    const findings: Finding[] = [];
    for (const measure of model.measures) {
      for (const step of measure.schedule) {
        if (step.year && (step.year.value < from.value || step.year.value > to.value)) {
          findings.push(finding('plan.schedule-outside-period', 'error', step.year.span, { year: step.year.value, from: from.value, to: to.value }));
        }
      }
    }
    return findings;
  },
};

export const planRules: PlanRule[] = [
  { name: 'guideline reference', check: checkGuidelineReference },
  planSectors,
  planServices,
  planStandards,
  planThreats,
  threatIllustration,
  threatRows,
  informationSharing,
  sharingRoutesRule,
  schedule,
];

