import { finding, Finding, unknownName } from '../../findings';
import { ItemDef } from '../model';
import { closest, Located, normalizeName } from '../../text';
import { forEachDuplicate, GuidelineRule, lineNumber } from './context';
import { unresolvedSector } from './standard';
import { editionReferences } from './editions';

const duplicateIds: GuidelineRule = {
  name: 'duplicate ids',
  check(context) {
    const findings: Finding[] = [];
    forEachDuplicate(context.model.items.map((i) => i.id), (id, first) =>
      findings.push(finding('item.duplicate-id', 'error', id.span, { id: id.value, firstLine: lineNumber(context, first.span.start) })));
    // Sectors, sub-sectors, threats, examples and sub-types share one namespace: a clause's name must resolve to one of them.
    const terms = [
      ...context.model.sectors.flatMap((s) => [s.id, ...s.subsectors.map((sub) => sub.id)]),
      ...context.model.threats.flatMap((t) => [t.id, ...t.examples.map((e) => e.id), ...t.subtypes.map((st) => st.id)]),
    ];
    forEachDuplicate(terms, (id, first) =>
      findings.push(finding('term.duplicate-id', 'error', id.span, { id: id.value, firstLine: lineNumber(context, first.span.start) })));
    return findings;
  },
};

const itemHierarchy: GuidelineRule = {
  name: 'item parents and cycles',
  check({ model, catalog }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const item of model.items) {
      if (item.parent && !catalog.item(item.parent.value)) {
        const suggestion = closest(item.parent.value, model.items, (i) => [i.id.value])?.id.value;
        findings.push(finding('item.unknown-parent', 'error', item.parent.span, { value: item.parent.value, suggestion }));
      }
    }
    // Follow parent links from every item, marking each item once: an item met again on the walk that
    // reached it closes a cycle, reported once, on its first member. Linear in the number of items.
    const state = new Map<ItemDef, 'on-walk' | 'done'>();
    for (const start of catalog.uniqueItems) {
      const walk: ItemDef[] = [];
      let current: ItemDef | undefined = start;
      while (current && !state.has(current)) {
        state.set(current, 'on-walk');
        walk.push(current);
        current = catalog.parentOf(current);
      }
      if (current && state.get(current) === 'on-walk') {
        const cycle = walk.slice(walk.indexOf(current));
        const head = cycle.reduce((a, b) => (a.id.span.start <= b.id.span.start ? a : b));
        const ordered = [...cycle.slice(cycle.indexOf(head)), ...cycle.slice(0, cycle.indexOf(head)), head];
        findings.push(finding('item.cycle', 'error', (head.parent ?? head.id).span, { path: ordered.map((i) => i.id.value).join(' → ') }));
      }
      for (const item of walk) state.set(item, 'done');
    }
    return findings;
  },
};

const itemReferences: GuidelineRule = {
  name: 'sectors and threats named by items',
  check({ model, catalog, parsed }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    for (const item of model.items) {
      if (item.sectors !== 'all') {
        for (const sector of item.sectors) {
          // An item may be scoped to a sub-sector (`telecom.telecommunications`) as well as to a whole sector.
          if (catalog.findSector(sector.value) || catalog.findSubsector(undefined, sector.value)) continue;
          findings.push(normalizeName(sector.value) === 'all' ? allInList(parsed.text, sector, item.sectors.length) : unresolvedSector(catalog, sector));
        }
      }
      for (const threat of item.threats) {
        if (catalog.findThreat(threat.value)) continue;
        findings.push(unknownName('threat.unknown', threat.span, { value: threat.value, guideline: catalog.id }, catalog.suggestThreat(threat.value)));
      }
    }
    return findings;
  },
};

/** `sectors: [all]`: "all" is the value itself, not a sector name; `[all]` alone is replaced by `all`. */
function allInList(text: string, sector: Located, listLength: number): Finding {
  const open = /\[[ \t]*$/.exec(text.slice(Math.max(0, sector.span.start - 20), sector.span.start));
  const close = /^[ \t]*\]/.exec(text.slice(sector.span.end, sector.span.end + 20));
  const replacement = listLength === 1 && open && close
    ? { span: { start: sector.span.start - open[0].length, end: sector.span.end + close[0].length }, newText: 'all' }
    : undefined;
  return finding('sector.all-in-list', 'error', sector.span, {}, replacement ? { replacement } : {});
}

const workspaceCoverage: GuidelineRule = {
  name: 'items no standard of the workspace covers',
  check({ model, catalog, workspace, unreadFollowers }) {
    if (!catalog || !model.id) return [];
    const { standards, covered, unread } = workspace.followersCoverage(catalog, unreadFollowers);
    // While some followers are unread, an item none of the others covers may well be covered by them: say nothing yet.
    if (standards === 0 || unread > 0) return [];
    return catalog.uniqueItems
      .filter((item) => !covered.has(item.id.value))
      .map((item) => finding('coverage.not-covered-in-workspace', 'information', item.id.span, {
        item: item.id.value,
        standards,
      }, { itemId: item.id.value }));
  },
};

export const guidelineRules: GuidelineRule[] = [duplicateIds, itemHierarchy, itemReferences, workspaceCoverage, editionReferences];
