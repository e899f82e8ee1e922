import { finding, Finding, unknownName } from '../../findings';
import { StandardModel } from '../model';
import { timingPhrases } from '../../messages';
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

const threatIllustration: PlanRule = {
  name: 'every threat kind illustrated',
  check({ model, catalog }) {
    if (!catalog || model.threats.length === 0 && model.sharing.length === 0 && !model.hasThreatsKey) return [];
    const illustrated = new Set(model.threats.map((t) => t.threat && catalog.findThreat(t.threat.value)?.threat).filter(Boolean));
    return catalog.threats
      .filter((threat) => !illustrated.has(threat))
      .map((threat) => finding('plan.threat-not-illustrated', 'warning', model.threatsAnchor ?? model.anchor, { threat: threat.label.value, guideline: catalog.id }));
  },
};

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
  planStandards,
  planThreats,
  threatIllustration,
  informationSharing,
  schedule,
];

