import { GuidelineModel, ItemDef, SectorDef, ThreatDef } from './model';
import { closest, closestMatch, normalizeName } from '../text';

export type SubsectorDef = SectorDef['subsectors'][number];
export type ThreatExampleDef = ThreatDef['examples'][number];

export interface ThreatMatch {
  threat: ThreatDef;
  example?: ThreatExampleDef;
}

/**
 * A guideline made ready for lookups: names normalised once, items indexed by id and parent.
 * Built from a guideline document of the workspace or from a bundled guideline.
 */
export class Catalog {
  readonly id: string;
  private readonly sectorIndex = new Map<string, SectorDef>();
  private readonly threatIndex = new Map<string, ThreatMatch>();
  private readonly itemIndex = new Map<string, ItemDef>();
  private readonly childIndex = new Map<string, ItemDef[]>();
  /** For each item, the sector ids it applies to, or undefined for all. */
  private readonly itemSectors = new Map<ItemDef, Set<string> | undefined>();
  readonly roots: ItemDef[] = [];

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
        for (const name of [example.id.value, example.label.value]) this.addThreat(name, { threat, example });
      }
    }
    for (const item of model.items) {
      const key = normalizeName(item.id.value);
      if (!this.itemIndex.has(key)) this.itemIndex.set(key, item);
    }
    for (const item of model.items) {
      const parentKey = item.parent ? normalizeName(item.parent.value) : undefined;
      if (parentKey && this.itemIndex.has(parentKey)) {
        const siblings = this.childIndex.get(parentKey) ?? [];
        siblings.push(item);
        this.childIndex.set(parentKey, siblings);
      } else {
        this.roots.push(item);
      }
      this.itemSectors.set(item, item.sectors === 'all'
        ? undefined
        : new Set(item.sectors.map((s) => this.findSector(s.value)?.id.value ?? s.value)));
    }
  }

  private addThreat(name: string, match: ThreatMatch): void {
    const key = normalizeName(name);
    if (!this.threatIndex.has(key)) this.threatIndex.set(key, match);
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

  item(id: string): ItemDef | undefined {
    return this.itemIndex.get(normalizeName(id));
  }

  suggestItem(id: string): ItemDef | undefined {
    return closest(id, this.model.items, (i) => [i.id.value]);
  }

  children(item: ItemDef): ItemDef[] {
    return this.childIndex.get(normalizeName(item.id.value)) ?? [];
  }

  parentOf(item: ItemDef): ItemDef | undefined {
    return item.parent ? this.item(item.parent.value) : undefined;
  }

  /** Whether the item applies to the sector: its own list, and every ancestor's, include it. */
  applies(item: ItemDef, sectorId: string | undefined): boolean {
    const seen = new Set<ItemDef>();
    for (let current: ItemDef | undefined = item; current && !seen.has(current); current = this.parentOf(current)) {
      seen.add(current);
      const sectors = this.itemSectors.get(current);
      if (sectors && (sectorId === undefined || !sectors.has(sectorId))) return false;
    }
    return true;
  }
}
