import { Catalog } from '../analysis/catalog';
import { CoverageReport } from '../analysis/coverage';
import { cursorContext } from './cursor';
import { Locale, renderText } from '../messages';
import { DocumentFormat, DocumentKind } from '../parsing/parse';
import { documentKindOf, headerValue } from '../parsing/header';
import { resolveRef, SchemaNode, schemas } from '../analysis/schema';
import { normalizeName } from '../text';
import { vocabulary } from '../vocabulary';

export type SuggestionKind = 'key' | 'enum' | 'sector' | 'threat' | 'item' | 'document';

/** A completion candidate, free of protocol types; the server turns it into a CompletionItem. */
export interface Suggestion {
  label: string;
  insertText: string;
  kind: SuggestionKind;
  detail?: string;
  documentation?: string;
  sortText: string;
  filterText?: string;
}

export interface CompletionRequest {
  text: string;
  offset: number;
  format: DocumentFormat;
  locale: Locale;
  /** The guideline the document follows, as last resolved. */
  catalog?: Catalog;
  /** The document's coverage as last computed, to offer uncovered items first. */
  coverage?: CoverageReport;
  /** Ids of the workspace's guideline documents and bundled guidelines (asked only where needed). */
  guidelineIds: () => string[];
  /** Ids of the workspace's standards, with their sectors, for plans (asked only where needed). */
  standardIds: () => { id: string; sector?: string; title?: string }[];
}

export interface CompletionResult {
  /** Where the typed prefix starts: the suggestions replace text from here to the cursor. */
  start: number;
  suggestions: Suggestion[];
}

export function complete(request: CompletionRequest): CompletionResult {
  const context = cursorContext(request.text, request.offset, request.format);
  if (context.kind === 'none') return { start: request.offset, suggestions: [] };
  const kind = documentKindOf(request.text);
  if (context.kind === 'key') {
    if (!kind) return { start: context.start, suggestions: context.path.length === 0 ? [keySuggestion('kijun', 'Document kind. 文書の種類。', 0)] : [] };
    return { start: context.start, suggestions: keySuggestions(kind, context.path) };
  }
  const { key, path } = context;
  const siblings = new Set(context.siblings.map(normalizeName));
  const notTaken = (s: Suggestion): boolean => !siblings.has(normalizeName(s.insertText));
  let suggestions: Suggestion[];
  if (key === 'kijun' && path.length === 0) suggestions = enumSuggestions('kijun', request.locale);
  else if (!kind) suggestions = [];
  else {
    const schemaNode = schemaAt(kind, [...path, key]);
    const elements = schemaNode && schemaType(schemaNode) === 'array' ? itemsSchema(schemaNode) : undefined;
    // A list element that starts a new mapping: offer the mapping's keys (not where an element may also be a name).
    if (elements && !Array.isArray(elements.anyOf) && schemaType(resolve(kind, elements)) === 'object') {
      return { start: context.start, suggestions: keySuggestions(kind, [...path, key, '*']) };
    }
    suggestions = valueSuggestions(kind, path, key, request, schemaNode).filter(notTaken);
  }
  return { start: context.start, suggestions };
}

function valueSuggestions(kind: DocumentKind, path: string[], key: string, request: CompletionRequest, schemaNode: SchemaNode | undefined): Suggestion[] {
  const { catalog, locale } = request;
  const inItem = kind === 'guideline' && path.includes('items');
  switch (key) {
    case 'guideline':
      if (path.length === 0) return request.guidelineIds().map((id, i) => ({ label: id, insertText: id, kind: 'document', sortText: pad(i) }));
      break;
    case 'sector':
    case 'sectors':
      if (kind === 'guideline' && !inItem) return [];
      return catalog ? sectorSuggestions(catalog, kind === 'guideline', locale) : [];
    case 'subsector': {
      if (!catalog) return [];
      const sector = catalog.findSector(headerValue(request.text, 'sector') ?? '');
      return (sector ? [sector] : catalog.sectors).flatMap((s) => s.subsectors).map((sub, i) => ({
        label: sub.label.value,
        insertText: sub.label.value,
        kind: 'sector' as const,
        detail: sub.id.value,
        documentation: sub.description,
        sortText: pad(i),
        filterText: `${sub.label.value} ${sub.id.value}`,
      }));
    }
    case 'threats':
    case 'threat':
      if (kind === 'guideline' && !inItem) return [];
      return catalog ? threatSuggestions(catalog, key === 'threats' && kind !== 'guideline', locale) : [];
    case 'covers':
    case 'item':
    case 'parent':
      return catalog ? itemSuggestions(catalog, request.coverage, locale) : [];
    case 'standards':
      return standardSuggestions(request, path);
  }
  // Enumerated values only where the schema enumerates them (a plan service's `level` is free text), and `class` 1–4.
  if (vocabulary[key] && schemaNode && (Array.isArray(schemaNode.enum) || 'const' in schemaNode || key === 'class')) return enumSuggestions(key, locale);
  return [];
}

function sectorSuggestions(catalog: Catalog, insertIds: boolean, locale: Locale): Suggestion[] {
  return catalog.sectors.map((sector, i) => ({
    label: sector.label.value,
    insertText: insertIds ? sector.id.value : sector.label.value,
    kind: 'sector',
    detail: `${sector.id.value}${sector.labelEn ? ` — ${sector.labelEn}` : ''}`,
    documentation: sector.description ?? renderText('completion.sector-of', { guideline: catalog.id }, locale),
    sortText: pad(i),
    filterText: `${sector.label.value} ${sector.id.value} ${sector.aliases.join(' ')}`,
  }));
}

/** Threat kinds, each followed by its examples, so that the list reads grouped by kind. */
function threatSuggestions(catalog: Catalog, withExamples: boolean, locale: Locale): Suggestion[] {
  const result: Suggestion[] = [];
  catalog.threats.forEach((threat, i) => {
    const direction = threat.direction ? vocabulary.direction[threat.direction]?.[locale] : undefined;
    result.push({
      label: threat.id.value,
      insertText: threat.id.value,
      kind: 'threat',
      detail: threat.label.value,
      documentation: [direction, threat.description].filter(Boolean).join('\n\n') || undefined,
      sortText: `${pad(i)}-0`,
      filterText: `${threat.id.value} ${threat.label.value}`,
    });
    if (!withExamples) return;
    threat.examples.forEach((example, j) => {
      const responder = example.responder ? vocabulary.responder[example.responder]?.[locale] : undefined;
      result.push({
        label: example.id.value,
        insertText: example.id.value,
        kind: 'threat',
        detail: `${threat.label.value} › ${example.label.value}`,
        documentation: responder,
        sortText: `${pad(i)}-1-${pad(j)}`,
        filterText: `${example.id.value} ${example.label.value}`,
      });
    });
  });
  return result;
}

/**
 * Guideline items, the uncovered must-consider ones first (as coverage counts them: a provisional item is
 * must-consider only when provisional items are binding), then other uncovered ones, then the rest.
 */
function itemSuggestions(catalog: Catalog, coverage: CoverageReport | undefined, locale: Locale): Suggestion[] {
  const entries = new Map(coverage?.items.map((c) => [c.item, c]));
  const provisionalMark = renderText('mark.provisional', {}, locale);
  return catalog.items.map((item, i) => {
    const entry = entries.get(item);
    const itemStatus = entry?.status;
    const mustConsider = (entry?.obligation ?? (item.provisional ? 'reference' : item.obligation)) === 'must-consider';
    const rank = itemStatus === 'uncovered' ? (mustConsider ? 0 : 1) : itemStatus === undefined && coverage ? 3 : 2;
    const obligation = item.obligation ? vocabulary.obligation[item.obligation]?.ja : undefined;
    const marks = [obligation, item.provisional ? provisionalMark : undefined].filter(Boolean).join('・');
    const title = locale === 'en' ? item.titleEn ?? item.title?.value : item.title?.value;
    const state = itemStatus ? renderText(`status.${itemStatus}`, {}, locale) : undefined;
    return {
      label: item.id.value,
      insertText: item.id.value,
      kind: 'item',
      detail: [item.label?.value, title, marks ? `（${marks}）` : undefined, state ? `[${state}]` : undefined].filter(Boolean).join(' '),
      documentation: item.text,
      sortText: `${rank}-${pad(i)}`,
      filterText: `${item.id.value} ${item.label?.value ?? ''} ${item.title?.value ?? ''}`,
    };
  });
}

/**
 * The workspace's standards for a plan sector's `standards:`, that sector's first (the sector named by the
 * list element around the cursor, compared after resolving both names in the guideline).
 */
function standardSuggestions(request: CompletionRequest, path: string[]): Suggestion[] {
  const { catalog } = request;
  const sectorName = path[path.length - 1] === '*' ? elementValue(request.text, request.offset, 'standards', 'sector') : undefined;
  const sectorOf = (name: string | undefined) => (name ? catalog?.findSector(name)?.id.value ?? normalizeName(name) : undefined);
  const wanted = sectorOf(sectorName);
  return request.standardIds().map((s, i) => ({
    label: s.id,
    insertText: s.id,
    kind: 'document' as const,
    detail: [s.sector, s.title].filter(Boolean).join(' — '),
    sortText: `${wanted !== undefined && sectorOf(s.sector) === wanted ? 0 : 1}-${pad(i)}`,
  }));
}

/** How far `elementValue` looks up and down: a plan sector's entry is a few dozen lines at most. */
const ELEMENT_LINES = 200;

/**
 * The value of `key:` in the list element whose mapping holds the key `owner:` around the offset (the
 * `sector:` of the `- sector: 金融` entry whose `standards:` the cursor is in), read line by line from the
 * cursor outwards, never from the whole text: completion must stay fast on long documents.
 */
function elementValue(text: string, offset: number, owner: string, key: string): string | undefined {
  const lineAt = (start: number): string => {
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  };
  const previous = (start: number): number => (start === 0 ? -1 : text.lastIndexOf('\n', start - 2) + 1);
  const ownerLine = new RegExp(`^( *(?:- +)?)${owner} *:`);
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  let column = -1;
  // Up to the owner's key, then to the first line of the element that holds it.
  for (let steps = 0; start >= 0 && steps < ELEMENT_LINES; steps++, start = previous(start)) {
    const line = lineAt(start);
    if (column < 0) {
      const m = ownerLine.exec(line);
      if (m) column = m[1].length;
    }
    if (column >= 0 && /^ *- +/.exec(line)?.[0].length === column) break;
  }
  if (column < 0 || start < 0) return undefined;
  const keyLine = new RegExp(`^ *(?:- +)?${key} *: *["']?([^"'#]*?)["']? *(?:#.*)?$`);
  for (let steps = 0, at = start; at < text.length && steps < ELEMENT_LINES; steps++) {
    const line = lineAt(at);
    const indent = line.length - line.trimStart().length;
    if (steps > 0 && line.trim() !== '' && !line.trimStart().startsWith('#') && indent < column) return undefined;
    const m = keyLine.exec(line);
    if (m && (steps === 0 || indent === column)) return m[1] || undefined;
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  return undefined;
}

function enumSuggestions(key: string, locale: Locale): Suggestion[] {
  return Object.entries(vocabulary[key] ?? {}).map(([value, words], i) => ({
    label: value,
    insertText: value,
    kind: 'enum',
    detail: words.ja,
    documentation: locale === 'en' ? words.en : undefined,
    sortText: pad(i),
    filterText: `${value} ${words.ja}`,
  }));
}

function keySuggestion(key: string, description: string | undefined, i: number): Suggestion {
  return { label: key, insertText: `${key}: `, kind: 'key', documentation: description, sortText: pad(i) };
}

function keySuggestions(kind: DocumentKind, path: string[]): Suggestion[] {
  const node = schemaAt(kind, path);
  const properties = node && (node.properties as Record<string, Record<string, unknown>> | undefined);
  if (!properties) return [];
  const required = new Set((node.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([key, schema], i) => ({
    ...keySuggestion(key, resolve(kind, schema).description as string | undefined ?? schema.description as string | undefined, i),
    // Required keys first.
    sortText: `${required.has(key) ? 0 : 1}-${pad(i)}`,
  }));
}


/** The schema behind `$ref`s; of an anyOf, the branch with structure (a mapping or list) when there is one. */
function resolve(kind: DocumentKind, node: SchemaNode): SchemaNode {
  const current = resolveRef(schemas[kind] as SchemaNode, node);
  if (Array.isArray(current.anyOf)) {
    const structured = (current.anyOf as SchemaNode[]).map((b) => resolve(kind, b)).find((b) => b.properties || b.items);
    if (structured) return structured;
  }
  return current;
}

function schemaType(node: SchemaNode): string | undefined {
  return Array.isArray(node.type) ? (node.type as string[])[0] : (node.type as string | undefined) ?? (node.properties ? 'object' : undefined);
}

function itemsSchema(node: SchemaNode): SchemaNode | undefined {
  return node.items as SchemaNode | undefined;
}

/** The schema of the node at a path of keys and `*` (list element), or undefined. */
export function schemaAt(kind: DocumentKind, path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolve(kind, schemas[kind] as SchemaNode);
  for (const segment of path) {
    if (!node) return undefined;
    if (segment === '*') node = node.items ? resolve(kind, node.items as SchemaNode) : undefined;
    else {
      const properties = node.properties as Record<string, SchemaNode> | undefined;
      node = properties?.[segment] ? resolve(kind, properties[segment]) : undefined;
    }
  }
  return node;
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}
