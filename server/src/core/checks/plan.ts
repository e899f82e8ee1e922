import { finding, Finding } from '../findings';
import { StandardModel } from '../model';
import { PlanRule } from './context';
import { checkGuidelineReference, standardSector } from './standard';

const planSectors: PlanRule = {
  name: 'plan sectors against the guideline',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const present = new Set<string>();
    for (const entry of model.sectors) {
      if (!entry.sector) continue;
      const sector = catalog.findSector(entry.sector.value);
      if (sector) {
        present.add(sector.id.value);
        continue;
      }
      const suggestion = catalog.suggestSector(entry.sector.value)?.name;
      findings.push(finding('sector.unknown', 'error', entry.sector.span, { value: entry.sector.value, guideline: catalog.id, suggestion },
        suggestion ? { replacement: { span: entry.sector.span, newText: suggestion } } : {}));
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
          findings.push(finding('plan.standard-unknown', 'error', reference.id.span, { id: reference.id.value }));
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
      const suggestion = catalog.suggestThreat(row.threat.value);
      findings.push(finding('threat.unknown', 'error', row.threat.span, { value: row.threat.value, guideline: catalog.id, suggestion },
        suggestion ? { replacement: { span: row.threat.span, newText: suggestion } } : {}));
    }
    return findings;
  },
};

export const planRules: PlanRule[] = [
  { name: 'guideline reference', check: checkGuidelineReference },
  planSectors,
  planStandards,
  planThreats,
];

