import { finding, Finding } from '../../findings';
import { StandardModel } from '../model';
import { normalizeName } from '../../text';
import { ReviewRule } from './context';

/**
 * Rules of a review record (`kijun: review`): it belongs to a standard that exists, it is that standard's only
 * record, and every link it keeps is still a link of the standard (README, "Reviewed links").
 */
const recordedStandard: ReviewRule = {
  name: 'the standard a review record belongs to',
  check({ uri, model, workspace }) {
    if (!model.standard) return [];
    const id = model.standard.value;
    if (!workspace.documentsWithId(id).some((d) => d.model.kind === 'standard')) {
      return [finding('review.unknown-standard', 'warning', model.standard.span, { value: id, documentsFrom: workspace.documentsFrom })];
    }
    const first = workspace.reviewRecords(id)[0];
    return first && first.uri !== uri ? [finding('review.duplicate', 'warning', model.standard.span, { standard: id, other: first.uri })] : [];
  },
};

const staleLinks: ReviewRule = {
  name: 'links the standard no longer has',
  check({ model, workspace }) {
    const standard = model.standard && workspace.documentsWithId(model.standard.value).find((d) => d.model.kind === 'standard')?.model as StandardModel | undefined;
    if (!standard) return [];
    const current = new Set<string>();
    for (const clause of standard.clauses) {
      if (!clause.id) continue;
      for (const reference of clause.covers) current.add(`${normalizeName(clause.id.value)}\u0000${normalizeName(reference.value)}`);
    }
    const findings: Finding[] = [];
    for (const link of model.links) {
      if (!link.clause || !link.item) continue;
      if (current.has(`${normalizeName(link.clause.value)}\u0000${normalizeName(link.item.value)}`)) continue;
      findings.push(finding('review.stale-link', 'information', link.span, { clause: link.clause.value, item: link.item.value, standard: standard.id?.value ?? '' }));
    }
    return findings;
  },
};

export const reviewRules: ReviewRule[] = [recordedStandard, staleLinks];
