import { Catalog } from './catalog';
import { changedFields, NormativeField } from './fingerprint';
import { ItemDef } from './model';

/**
 * What a revision of the guideline changes (README, "Editions"): the items of one edition compared with those
 * of another. Items are the same item when they have the same id (after NFKC); an item of the newer edition
 * that `replaces:` items of the older one takes their place (renamed, merged or split). Computed once per pair
 * of catalogs, which are themselves computed once per version of a guideline.
 */

/** How the items of a replacement group correspond: one for one, one into several, several into one, or several into several. */
export type ReplacementKind = 'renamed' | 'split' | 'merged' | 'regrouped';

export interface ReplacementGroup {
  kind: ReplacementKind;
  /** The items of the older edition, in its order. */
  before: ItemDef[];
  /** The items of the newer edition that replace them, in its order (an item that keeps its id is among them). */
  after: ItemDef[];
  /** Some correspondence of the group is Kijun's reading (`{item: …, provisional: true}`), not the guideline's. */
  provisional: boolean;
}

export interface ItemChange {
  before: ItemDef;
  after: ItemDef;
  /** The parts of the normative content that differ, in the order title, text, obligation, level, sectors. */
  fields: NormativeField[];
}

export interface GuidelineDiff {
  before: Catalog;
  after: Catalog;
  /** Whether the newer edition declares that it supersedes the older one. */
  supersedes: boolean;
  added: ItemDef[];
  removed: ItemDef[];
  replaced: ReplacementGroup[];
  changed: ItemChange[];
}

const diffs = new WeakMap<Catalog, WeakMap<Catalog, GuidelineDiff>>();

/** The difference between two editions, memoised per pair of catalogs. */
export function diffGuidelines(before: Catalog, after: Catalog): GuidelineDiff {
  let byBefore = diffs.get(after);
  if (!byBefore) diffs.set(after, (byBefore = new WeakMap()));
  let diff = byBefore.get(before);
  if (!diff) byBefore.set(before, (diff = computeDiff(before, after)));
  return diff;
}

function computeDiff(before: Catalog, after: Catalog): GuidelineDiff {
  const groups = replacementGroups(before, after);
  const inGroupBefore = new Set(groups.flatMap((g) => g.before));
  const inGroupAfter = new Set(groups.flatMap((g) => g.after));
  const changed: ItemChange[] = [];
  for (const item of after.uniqueItems) {
    const previous = before.item(item.id.value);
    if (!previous) continue;
    const fields = changedFields(before.content(previous), after.content(item));
    if (fields.length > 0) changed.push({ before: previous, after: item, fields });
  }
  return {
    before,
    after,
    supersedes: after.supersedes === before.id,
    added: after.uniqueItems.filter((item) => !before.item(item.id.value) && !inGroupAfter.has(item)),
    removed: before.uniqueItems.filter((item) => !after.item(item.id.value) && !inGroupBefore.has(item)),
    replaced: groups,
    changed,
  };
}

/**
 * The replacement groups: the connected parts of the graph whose edges go from an old item to each new item
 * that replaces it, and from an old item that is replaced to the new item of the same id, if it keeps one (a
 * split that keeps the original id). `replaces:` entries naming no item of the older edition are left out here
 * (the guideline's `edition.replaces-unknown` says so).
 */
function replacementGroups(before: Catalog, after: Catalog): ReplacementGroup[] {
  const parent = new Map<ItemDef, ItemDef>();
  const find = (item: ItemDef): ItemDef => {
    let root = item;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let current = item; current !== root;) {
      const next = parent.get(current)!;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  const join = (a: ItemDef, b: ItemDef): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  };
  const provisionalRoots = new Set<ItemDef>();
  const provisionalItems: ItemDef[] = [];
  for (const item of after.uniqueItems) {
    for (const replaced of item.replaces) {
      const old = before.item(replaced.id.value);
      if (!old) continue;
      join(old, item);
      const kept = after.item(old.id.value);
      if (kept) join(old, kept);
      if (replaced.provisional) provisionalItems.push(item);
    }
  }
  for (const item of provisionalItems) provisionalRoots.add(find(item));
  const byRoot = new Map<ItemDef, ReplacementGroup>();
  const oldItems = new Set(before.uniqueItems);
  for (const item of [...before.uniqueItems, ...after.uniqueItems]) {
    if (!parent.has(item)) continue;
    const root = find(item);
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { kind: 'renamed', before: [], after: [], provisional: provisionalRoots.has(root) }));
    // An item of both catalogs' uniqueItems is only possible when both are the same catalog: count it as old.
    if (oldItems.has(item) && !group.before.includes(item)) group.before.push(item);
    else if (!oldItems.has(item)) group.after.push(item);
  }
  const groups = [...byRoot.values()];
  for (const group of groups) {
    const many = (items: ItemDef[]) => items.length > 1;
    group.kind = many(group.before) ? (many(group.after) ? 'regrouped' : 'merged') : many(group.after) ? 'split' : 'renamed';
  }
  return groups;
}

/** What a newer edition says about one of its items, for hover: changed (how), replacing (what), new, or unchanged. */
export type ItemEditionNote =
  | { kind: 'changed'; change: ItemChange }
  | { kind: 'replaces'; group: ReplacementGroup }
  | { kind: 'new' }
  | { kind: 'unchanged' };

export function editionNote(diff: GuidelineDiff, item: ItemDef): ItemEditionNote {
  const group = diff.replaced.find((g) => g.after.includes(item));
  if (group) return { kind: 'replaces', group };
  const change = diff.changed.find((c) => c.after === item);
  if (change) return { kind: 'changed', change };
  return diff.before.item(item.id.value) ? { kind: 'unchanged' } : { kind: 'new' };
}
