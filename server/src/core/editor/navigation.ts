import { Catalog, ThreatMatch } from '../analysis/catalog';
import { Locale, renderText } from '../messages';
import { ClauseModel, DocumentModel, ItemDef } from '../analysis/model';
import { Located, Span } from '../text';
import { ScalarNode, TreeNode } from '../parsing/tree';
import { vocabulary } from '../vocabulary';
import { Workspace } from '../analysis/workspace';

/** What stands at a position of a document, as far as Kijun is concerned. */
export type SymbolAtPosition =
  | { kind: 'item-reference'; name: Located }
  | { kind: 'item-definition'; item: ItemDef }
  | { kind: 'sector'; name: Located }
  | { kind: 'subsector'; name: Located }
  | { kind: 'threat'; name: Located }
  | { kind: 'clause'; clause: ClauseModel; span: Span };

const inside = (span: Span, offset: number): boolean => offset >= span.start && offset <= span.end;

export function symbolAt(model: DocumentModel, offset: number): SymbolAtPosition | undefined {
  switch (model.kind) {
    case 'standard': {
      if (model.sector && inside(model.sector.span, offset)) return { kind: 'sector', name: model.sector };
      if (model.subsector && inside(model.subsector.span, offset)) return { kind: 'subsector', name: model.subsector };
      for (const exclusion of model.exclusions) {
        if (exclusion.item && inside(exclusion.item.span, offset)) return { kind: 'item-reference', name: exclusion.item };
      }
      for (const clause of model.clauses) {
        for (const name of clause.covers) if (inside(name.span, offset)) return { kind: 'item-reference', name };
        for (const name of clause.threats) if (inside(name.span, offset)) return { kind: 'threat', name };
        if (clause.id && inside(clause.id.span, offset)) return { kind: 'clause', clause, span: clause.id.span };
      }
      return undefined;
    }
    case 'guideline': {
      for (const item of model.items) {
        if (inside(item.id.span, offset)) return { kind: 'item-definition', item };
        if (item.parent && inside(item.parent.span, offset)) return { kind: 'item-reference', name: item.parent };
        if (item.sectors !== 'all') for (const name of item.sectors) if (inside(name.span, offset)) return { kind: 'sector', name };
        for (const name of item.threats) if (inside(name.span, offset)) return { kind: 'threat', name };
      }
      return undefined;
    }
    case 'action-plan': {
      for (const sector of model.sectors) if (sector.sector && inside(sector.sector.span, offset)) return { kind: 'sector', name: sector.sector };
      for (const row of [...model.threats, ...model.sharing]) if (row.threat && inside(row.threat.span, offset)) return { kind: 'threat', name: row.threat };
      return undefined;
    }
  }
}

/**
 * The lines that say how far a piece of bundled data can be trusted: provisional (Kijun's own suggestion),
 * 未確認 (not confirmed against a published source), and where it comes from.
 */
function trustLines(entry: { provisional?: boolean; unconfirmed: boolean; source?: string }, locale: Locale): string[] {
  const lines: string[] = [];
  if (entry.provisional) lines.push('', renderText('hover.provisional', {}, locale));
  if (entry.unconfirmed) lines.push('', renderText('hover.unconfirmed', {}, locale));
  if (entry.source) lines.push('', renderText('hover.source', { source: entry.source }, locale));
  return lines;
}

/** Markdown text describing a guideline item. */
export function describeItem(item: ItemDef, catalog: Catalog, locale: Locale): string {
  const obligation = item.obligation ? vocabulary.obligation[item.obligation] : undefined;
  const level = item.level ? vocabulary.level[item.level] : undefined;
  const provisional = item.provisional ? renderText('mark.provisional', {}, locale) : undefined;
  const title = item.title?.value ?? '';
  const lines = [
    `**${item.label?.value ?? ''} ${title}**${locale === 'en' && item.titleEn ? ` — ${item.titleEn}` : ''}`,
    '',
    `\`${item.id.value}\` · ${[obligation?.ja, level?.ja].filter(Boolean).join(' · ')}${provisional ? `（${provisional}）` : ''}${locale === 'en' && obligation ? ` (${obligation.en})` : ''} · ${catalog.id}`,
  ];
  if (item.sectors !== 'all') {
    const names = item.sectors.map((s) => catalog.findSector(s.value)?.label.value ?? catalog.findSubsector(undefined, s.value)?.subsector.label.value ?? s.value);
    lines.push('', renderText('hover.sectors', { names: names.join('、') }, locale));
  }
  if (item.text) lines.push('', item.text);
  const relation = item.relation ? vocabulary.relation[item.relation] : undefined;
  if (relation) lines.push('', renderText('hover.relation', { relation }, locale));
  lines.push(...trustLines(item, locale));
  return lines.join('\n');
}

/** Markdown text describing a threat kind, or one of its examples with its kind. */
function describeThreat({ threat, example }: ThreatMatch, locale: Locale): string {
  const direction = threat.direction ? vocabulary.direction[threat.direction]?.[locale] : undefined;
  if (example) {
    const responder = example.responder ? vocabulary.responder[example.responder]?.[locale] : undefined;
    const lines = [`**${example.label.value}**`, '', `\`${example.id.value}\` · ${threat.label.value}`];
    if (responder) lines.push('', responder);
    // An example without a source of its own comes from its kind's; so does its trust.
    lines.push(...trustLines({ unconfirmed: example.unconfirmed || threat.unconfirmed, source: example.source ?? threat.source }, locale));
    return lines.join('\n');
  }
  const lines = [`**${threat.label.value}**`, '', `\`${threat.id.value}\`${direction ? ` · ${direction}` : ''}`];
  if (threat.description) lines.push('', threat.description);
  if (threat.examples.length) lines.push('', renderText('hover.examples', { names: threat.examples.map((e) => e.label.value).join('、') }, locale));
  lines.push(...trustLines(threat, locale));
  return lines.join('\n');
}

/** The scalar at an offset and the key that holds it (a list's key for its elements). */
export function valueAt(root: TreeNode | undefined, offset: number): { key: string; node: ScalarNode } | undefined {
  let key = '';
  let node: TreeNode | undefined = root;
  while (node) {
    if (node.kind === 'scalar') return offset >= node.span.start && offset <= node.span.end ? { key, node } : undefined;
    let next: TreeNode | undefined;
    if (node.kind === 'map') {
      for (const e of node.entries) {
        if (offset >= e.value.span.start && offset <= e.value.span.end) {
          key = e.key;
          next = e.value;
          break;
        }
      }
    } else {
      next = node.items.find((i) => offset >= i.span.start && offset <= i.span.end);
    }
    node = next;
  }
  return undefined;
}

/** Hover for an enumerated value (class, obligation, info, timing…): its official Japanese wording. */
function enumHover(workspace: Workspace, uri: string, offset: number, locale: Locale): { markdown: string; span: Span } | undefined {
  const found = valueAt(workspace.parsed(uri)?.root, offset);
  if (!found || found.node.value === null) return undefined;
  const words = vocabulary[found.key]?.[String(found.node.value)];
  if (!words) return undefined;
  const lines = [`**${words.ja}**`, '', `\`${found.key}: ${String(found.node.value)}\``];
  if (locale === 'en') lines.push('', words.en);
  return { markdown: lines.join('\n'), span: found.node.span };
}

export function hoverText(workspace: Workspace, uri: string, offset: number, locale: Locale): { markdown: string; span: Span } | undefined {
  const model = workspace.model(uri);
  const catalog = workspace.catalogFor(uri);
  if (!model) return undefined;
  const symbol = symbolAt(model, offset);
  if (!symbol) return enumHover(workspace, uri, offset, locale);
  switch (symbol.kind) {
    case 'item-reference': {
      const item = catalog?.item(symbol.name.value);
      return item && catalog ? { markdown: describeItem(item, catalog, locale), span: symbol.name.span } : undefined;
    }
    case 'item-definition': {
      if (!catalog) return undefined;
      const references = itemReferences(workspace, catalog.id, symbol.item.id.value);
      const standards = new Set(references.map((r) => r.uri)).size;
      const usage = renderText('hover.usage', { clauses: references.length, standards }, locale);
      return { markdown: `${describeItem(symbol.item, catalog, locale)}\n\n${usage}`, span: symbol.item.id.span };
    }
    case 'sector': {
      const sector = catalog?.findSector(symbol.name.value);
      if (!sector || !catalog) return undefined;
      const subsectors = sector.subsectors.map((s) => s.label.value).join('、');
      const lines = [`**${sector.label.value}**${locale === 'en' && sector.labelEn ? ` — ${sector.labelEn}` : ''}`, '', `\`${sector.id.value}\` · ${catalog.id}`];
      if (sector.description) lines.push('', sector.description);
      if (subsectors) lines.push('', renderText('hover.subsectors', { names: subsectors }, locale));
      lines.push(...trustLines(sector, locale));
      return { markdown: lines.join('\n'), span: symbol.name.span };
    }
    case 'subsector': {
      const match = catalog?.findSubsector(undefined, symbol.name.value);
      if (!match) return undefined;
      const { sector, subsector } = match;
      const lines = [`**${subsector.label.value}** · ${sector.label.value}`, '', `\`${subsector.id.value}\``];
      if (subsector.description) lines.push('', subsector.description);
      // A sub-sector without a source of its own comes from its sector's.
      lines.push(...trustLines({ unconfirmed: subsector.unconfirmed, source: subsector.source ?? sector.source }, locale));
      return { markdown: lines.join('\n'), span: symbol.name.span };
    }
    case 'threat': {
      const match = catalog?.findThreat(symbol.name.value);
      if (!match) return undefined;
      return { markdown: describeThreat(match, locale), span: symbol.name.span };
    }
    case 'clause': {
      const covered = symbol.clause.covers.map((name) => {
        const item = catalog?.item(name.value);
        return item ? `- \`${item.id.value}\` ${item.label?.value ?? ''} ${item.title?.value ?? ''}` : `- \`${name.value}\` (?)`;
      });
      const head = `**${symbol.clause.id?.value ?? ''} ${symbol.clause.title?.value ?? ''}**`;
      const body = covered.length
        ? `${renderText('hover.covers', {}, locale)}\n${covered.join('\n')}`
        : renderText('hover.covers-nothing', {}, locale);
      return { markdown: `${head}\n\n${body}`, span: symbol.span };
    }
  }
}

interface CoveringReference {
  uri: string;
  span: Span;
  clause: ClauseModel;
  item: ItemDef;
}

/** Every `covers` entry, in the workspace's standards following the catalog, that names one of its items. */
function coveringReferences(workspace: Workspace, catalog: Catalog): CoveringReference[] {
  const result: CoveringReference[] = [];
  for (const { uri, model } of workspace.standards()) {
    if (model.guideline?.value !== catalog.id) continue;
    for (const clause of model.clauses) {
      for (const name of clause.covers) {
        const item = catalog.item(name.value);
        if (item) result.push({ uri, span: name.span, clause, item });
      }
    }
  }
  return result;
}

/** Every clause of the workspace's standards that names the item in `covers`. */
export function itemReferences(workspace: Workspace, guidelineId: string, itemId: string): { uri: string; span: Span; clause: ClauseModel }[] {
  const catalog = workspace.catalog(guidelineId);
  const target = catalog?.item(itemId);
  if (!catalog || !target) return [];
  return coveringReferences(workspace, catalog).filter((r) => r.item === target).map(({ uri, span, clause }) => ({ uri, span, clause }));
}

/** For each item of a guideline: the clauses covering it and the standards they belong to. */
export function guidelineUsage(workspace: Workspace, catalog: Catalog): Map<ItemDef, { clauses: number; standards: number }> {
  const usage = new Map<ItemDef, { clauses: number; standards: Set<string> }>();
  for (const { uri, item } of coveringReferences(workspace, catalog)) {
    const entry = usage.get(item) ?? { clauses: 0, standards: new Set<string>() };
    entry.clauses++;
    entry.standards.add(uri);
    usage.set(item, entry);
  }
  return new Map(catalog.items.map((item) => {
    const entry = usage.get(item);
    return [item, { clauses: entry?.clauses ?? 0, standards: entry?.standards.size ?? 0 }];
  }));
}
