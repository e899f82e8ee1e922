import { GuidelineModel, ItemDef, SectorDef, ThreatDef } from './model';
import { closest, closestMatch, normalizeName } from '../text';
import { contentFingerprint, NormativeContent, normativeContent } from './fingerprint';

export type SubsectorDef = SectorDef['subsectors'][number];
export type ThreatExampleDef = ThreatDef['examples'][number];

/** An item of this edition that replaces an item of the superseded one, and whether that correspondence is Kijun's reading. */
export interface ItemReplacement {
  item: ItemDef;
  provisional: boolean;
}

export interface ThreatMatch {
  threat: ThreatDef;
  example?: ThreatExampleDef;
}

/** The part of the critical infrastructure a standard is written for: a sector, optionally one of its sub-sectors. */
export interface SectorScope {
  sector?: string;
  subsector?: string;
}

/** See `Catalog.referenceChangesSince`. */
export interface ReferenceChanges {
  names: Set<string>;
  threatRemoved: boolean;
}

/** The sectors an item names: whole sectors, and sub-sectors (each with its sector). */
interface ItemSectors {
  sectors: Set<string>;
  subsectors: Map<string, string>;
}

/**
 * A guideline made ready for lookups: names normalised once, items indexed by id and parent.
 * Built from a guideline document of the workspace or from a bundled guideline.
 *
 * Every walk over the item hierarchy is iterative and memoised, so that a guideline whose items
 * form a long `parent:` chain (or a cycle, which the guideline rules report) costs time linear in
 * its size and never overflows the stack. An item id that is repeated counts once: the first
 * definition is the item, later ones are duplicates (`item.duplicate-id`) and their children
 * belong to the first.
 */
export class Catalog {
  readonly id: string;
  private readonly sectorIndex = new Map<string, SectorDef>();
  private readonly threatIndex = new Map<string, ThreatMatch>();
  private readonly itemIndex = new Map<string, ItemDef>();
  private readonly childIndex = new Map<ItemDef, ItemDef[]>();
  private readonly parentIndex = new Map<ItemDef, ItemDef>();
  /** For each item, the sectors it names, or undefined for all. */
  private readonly itemSectors = new Map<ItemDef, ItemSectors | undefined>();
  private readonly applicability = new Map<string, Map<ItemDef, boolean>>();
  /** Items with no parent (or a parent that does not resolve), first definitions only. */
  readonly roots: ItemDef[] = [];
  /** The first definition of every item id, in document order: the items coverage is about. */
  readonly uniqueItems: ItemDef[] = [];

  constructor(
    readonly model: GuidelineModel,
    /** Where the guideline comes from: a workspace document's URI, or `bundled:<id>`. */
    readonly uri: string,
    readonly bundled: boolean,
  ) {
    this.id = model.id?.value ?? '';
    for (const sector of model.sectors) {
      for (const name of [sector.id.value, sector.label.value, ...sector.aliases]) {
        const key = normalizeName(name);
        if (!this.sectorIndex.has(key)) this.sectorIndex.set(key, sector);
      }
    }
    for (const threat of model.threats) {
      for (const name of [threat.id.value, threat.label.value, ...threat.aliases]) this.addThreat(name, { threat });
      for (const example of threat.examples) {
        for (const name of [example.id.value, example.label.value, ...example.aliases]) this.addThreat(name, { threat, example });
      }
    }
    for (const item of model.items) {
      const key = normalizeName(item.id.value);
      if (this.itemIndex.has(key)) continue;
      this.itemIndex.set(key, item);
      this.uniqueItems.push(item);
    }
    for (const item of model.items) {
      const own = this.canonical(item);
      const written = item.nestedIn ?? (item.parent ? this.item(item.parent.value) : undefined);
      const parent = written && this.canonical(written);
      if (parent && parent !== own) {
        // A duplicate's children join the first definition; the duplicate itself is not an item of its own.
        if (own === item) this.parentIndex.set(item, parent);
        const siblings = this.childIndex.get(parent) ?? [];
        if (own === item) siblings.push(item);
        this.childIndex.set(parent, siblings);
      } else if (own === item) {
        this.roots.push(item);
      }
      if (own === item) this.itemSectors.set(item, item.sectors === 'all' ? undefined : this.resolveSectors(item.sectors.map((s) => s.value)));
    }
  }

  private addThreat(name: string, match: ThreatMatch): void {
    const key = normalizeName(name);
    if (!this.threatIndex.has(key)) this.threatIndex.set(key, match);
  }

  private resolveSectors(names: string[]): ItemSectors {
    const result: ItemSectors = { sectors: new Set(), subsectors: new Map() };
    for (const name of names) {
      const sector = this.findSector(name);
      if (sector) {
        result.sectors.add(sector.id.value);
        continue;
      }
      const sub = this.findSubsector(undefined, name);
      if (sub) result.subsectors.set(sub.subsector.id.value, sub.sector.id.value);
      else result.sectors.add(name); // unknown: reported by the guideline rules; matches nothing
    }
    return result;
  }

  get title(): string {
    return this.model.title?.value ?? this.id;
  }

  get sectors(): SectorDef[] {
    return this.model.sectors;
  }

  get threats(): ThreatDef[] {
    return this.model.threats;
  }

  /** Every item as written, duplicates included, in document order. */
  get items(): ItemDef[] {
    return this.model.items;
  }

  findSector(name: string): SectorDef | undefined {
    return this.sectorIndex.get(normalizeName(name));
  }

  /** The sector a mistyped name most likely means, and that sector's name in the form that was typed. */
  suggestSector(name: string): { sector: SectorDef; name: string } | undefined {
    const match = closestMatch(name, this.model.sectors, (s) => [s.id.value, s.label.value, ...s.aliases]);
    if (!match) return undefined;
    const sector = match.candidate;
    // A mistyped alias is answered with the label: aliases are accepted, the label is preferred.
    return { sector, name: match.name === sector.id.value ? sector.id.value : sector.label.value };
  }

  findSubsector(sector: SectorDef | undefined, name: string): { sector: SectorDef; subsector: SubsectorDef } | undefined {
    const key = normalizeName(name);
    const pool = sector ? [sector] : this.model.sectors;
    for (const s of pool) {
      for (const sub of s.subsectors) {
        if ([sub.id.value, sub.label.value, ...sub.aliases].some((n) => normalizeName(n) === key)) return { sector: s, subsector: sub };
      }
    }
    return undefined;
  }

  suggestSubsector(sector: SectorDef | undefined, name: string): SubsectorDef | undefined {
    const pool = (sector ? [sector] : this.model.sectors).flatMap((s) => s.subsectors);
    return closest(name, pool, (s) => [s.id.value, s.label.value, ...s.aliases]);
  }

  findThreat(name: string): ThreatMatch | undefined {
    return this.threatIndex.get(normalizeName(name));
  }

  suggestThreat(name: string): string | undefined {
    const candidates = this.model.threats.flatMap((t) => [t.id.value, ...t.examples.map((e) => e.id.value)]);
    return closest(name, candidates, (c) => [c]);
  }

  /** The item with this id (its first definition), compared after NFKC. */
  item(id: string): ItemDef | undefined {
    return this.itemIndex.get(normalizeName(id));
  }

  /** The first definition of an item's id: the item itself, unless it is a duplicate. */
  canonical(item: ItemDef): ItemDef {
    // Asked for every item on every coverage walk: each item's answer is kept (the catalog never changes).
    let first = this.canonicals.get(item);
    if (!first) this.canonicals.set(item, (first = this.itemIndex.get(normalizeName(item.id.value)) ?? item));
    return first;
  }

  /** The id of the guideline this edition supersedes (`supersedes:`), if it names one other than itself. */
  get supersedes(): string | undefined {
    const id = this.model.supersedes?.value;
    return id && id !== this.id ? id : undefined;
  }

  /** The items of this edition whose `replaces:` name the item id of the superseded edition, in document order. */
  replacementsOf(oldId: string): ItemReplacement[] {
    if (!this.replacementIndex) {
      this.replacementIndex = new Map();
      for (const item of this.uniqueItems) {
        for (const replaced of item.replaces) {
          const key = normalizeName(replaced.id.value);
          const list = this.replacementIndex.get(key) ?? [];
          if (!list.some((r) => r.item === item)) list.push({ item, provisional: replaced.provisional });
          this.replacementIndex.set(key, list);
        }
      }
    }
    return this.replacementIndex.get(normalizeName(oldId)) ?? [];
  }

  private replacementIndex?: Map<string, ItemReplacement[]>;

  /** The item's normative content (title, text, obligation, level, sectors), normalised: `fingerprint.ts`. */
  content(item: ItemDef): NormativeContent {
    const own = this.canonical(item);
    let content = this.contents.get(own);
    if (!content) this.contents.set(own, (content = normativeContent(own, this)));
    return content;
  }

  /** The item's fingerprint, computed once per catalog (so once per version of the guideline, not per keystroke of a standard). */
  fingerprint(item: ItemDef): string {
    const own = this.canonical(item);
    let fingerprint = this.fingerprints.get(own);
    if (!fingerprint) this.fingerprints.set(own, (fingerprint = contentFingerprint(this.content(own))));
    return fingerprint;
  }

  private readonly contents = new Map<ItemDef, NormativeContent>();
  private readonly fingerprints = new Map<ItemDef, string>();
  private readonly canonicals = new Map<ItemDef, ItemDef>();

  /**
   * What changed since `earlier` (the catalog of the guideline's previous version) for the covers and threats
   * a standard of `scope` writes: the names (normalised) of the items that resolve differently (to no item, to
   * an item of another id or label, or of another applicability to the scope), and whether a threat name known
   * before is no longer known. A clause whose names are all known and none of them changed reads the same
   * against both catalogs (`checks/standard.ts`). Once per pair of catalogs and scope.
   */
  referenceChangesSince(earlier: Catalog, scope: SectorScope): ReferenceChanges {
    let byScope = this.changesSince.get(earlier);
    if (!byScope) this.changesSince.set(earlier, (byScope = new Map()));
    const scopeKey = `${scope.sector ?? ''}\u0000${scope.subsector ?? ''}`;
    let changes = byScope.get(scopeKey);
    if (changes) return changes;
    const answer = (catalog: Catalog, name: string): string => {
      const item = catalog.itemIndex.get(name);
      return item ? `${item.id.value}\u0000${item.label?.value ?? ''}\u0000${catalog.applies(item, scope)}` : '';
    };
    const names = new Set<string>();
    for (const catalog of [earlier, this]) {
      for (const name of catalog.itemIndex.keys()) if (!names.has(name) && answer(earlier, name) !== answer(this, name)) names.add(name);
    }
    const threatRemoved = [...earlier.threatIndex.keys()].some((name) => !this.threatIndex.has(name));
    byScope.set(scopeKey, (changes = { names, threatRemoved }));
    return changes;
  }

  private readonly changesSince = new WeakMap<Catalog, Map<string, ReferenceChanges>>();

  suggestItem(id: string): ItemDef | undefined {
    // When the guideline is edited, every unknown id of every open standard is suggested for again: once per catalog.
    return remembered(this.itemSuggestions, id, () => closest(id, this.uniqueItems, (i) => [i.id.value]));
  }

  private readonly itemSuggestions = new Map<string, ItemDef | undefined>();

  children(item: ItemDef): ItemDef[] {
    return this.childIndex.get(this.canonical(item)) ?? [];
  }

  parentOf(item: ItemDef): ItemDef | undefined {
    return this.parentIndex.get(this.canonical(item));
  }

  /**
   * Whether the item applies to a standard of this sector (and sub-sector): its own `sectors:` and
   * every ancestor's include the sector, or a sub-sector of it (then a standard of another sub-sector
   * is out of scope; a standard of the whole sector is in). Without a sector, only items for all apply.
   */
  applies(item: ItemDef, scope: SectorScope | string | undefined): boolean {
    const { sector, subsector } = typeof scope === 'string' || scope === undefined ? { sector: scope, subsector: undefined } : scope;
    const key = `${sector ?? ''}\u0000${subsector ?? ''}`;
    let memo = this.applicability.get(key);
    if (!memo) this.applicability.set(key, (memo = new Map()));
    return this.memoisedUp(this.canonical(item), memo, true, (current, parentValue) =>
      parentValue && this.ownScopeIncludes(current, sector, subsector));
  }

  private ownScopeIncludes(item: ItemDef, sector: string | undefined, subsector: string | undefined): boolean {
    const named = this.itemSectors.get(item);
    if (!named) return true;
    if (sector === undefined) return false;
    if (named.sectors.has(sector)) return true;
    for (const [sub, ofSector] of named.subsectors) {
      if (ofSector === sector && (subsector === undefined || subsector === sub)) return true;
    }
    return false;
  }

  /**
   * Computes a value that depends on the item and its parent's value, from the root down, memoised:
   * the chain is walked up once, iteratively, until a memoised ancestor, the root or a cycle
   * (whose members then start from `rootValue`), and filled in on the way down.
   */
  memoisedUp<T>(item: ItemDef, memo: Map<ItemDef, T>, rootValue: T, step: (item: ItemDef, parentValue: T) => T): T {
    const known = memo.get(item);
    if (known !== undefined) return known;
    const chain: ItemDef[] = [];
    const onChain = new Set<ItemDef>();
    let current: ItemDef | undefined = item;
    while (current && !memo.has(current) && !onChain.has(current)) {
      onChain.add(current);
      chain.push(current);
      current = this.parentOf(current);
    }
    let value = current && memo.has(current) ? (memo.get(current) as T) : rootValue;
    for (let i = chain.length - 1; i >= 0; i--) {
      value = step(chain[i], value);
      memo.set(chain[i], value);
    }
    return value;
  }

  /**
   * The unique items with every descendant before its ancestors (children first), for bottom-up
   * computations; items caught in a parent cycle come last, in document order.
   */
  bottomUp(): ItemDef[] {
    return (this.bottomUpCache ??= this.computeBottomUp());
  }

  /**
   * Whether the item hangs in (or off) a parent cycle, so that no root leads to it: coverage then treats
   * it as a leaf, since its hierarchy means nothing until the guideline's `item.cycle` error is fixed.
   */
  detached(item: ItemDef): boolean {
    this.bottomUp();
    return this.detachedItems.has(this.canonical(item));
  }

  private bottomUpCache?: ItemDef[];
  private readonly detachedItems = new Set<ItemDef>();

  private computeBottomUp(): ItemDef[] {
    const order: ItemDef[] = [];
    const placed = new Set<ItemDef>();
    const stack: { item: ItemDef; next: number }[] = [];
    for (const root of this.roots) {
      stack.push({ item: root, next: 0 });
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const children = this.children(top.item);
        if (top.next < children.length) {
          const child = children[top.next++];
          if (!placed.has(child)) stack.push({ item: child, next: 0 });
          continue;
        }
        stack.pop();
        if (!placed.has(top.item)) {
          placed.add(top.item);
          order.push(top.item);
        }
      }
    }
    for (const item of this.uniqueItems) {
      if (placed.has(item)) continue;
      this.detachedItems.add(item);
      order.push(item);
    }
    return order;
  }
}

/** Suggestions a catalog remembers, by the name as written; forgotten wholesale past this many (names typed one keystroke at a time). */
const REMEMBERED_NAMES = 10_000;

function remembered<V>(memo: Map<string, V>, name: string, compute: () => V): V {
  if (memo.has(name)) return memo.get(name)!;
  if (memo.size >= REMEMBERED_NAMES) memo.clear();
  const value = compute();
  memo.set(name, value);
  return value;
}
