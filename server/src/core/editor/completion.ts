import { Catalog, SectorScope } from '../analysis/catalog';
import { CoverageReport } from '../analysis/coverage';
import { CursorContext, cursorContext } from './cursor';
import { nextClauseId } from './fixes';
import { itemChoices, ItemScope, openChoices } from './itemChoices';
import { Locale, renderText } from '../messages';
import { DocumentFormat, DocumentKind } from '../parsing/parse';
import { documentKindOf, headerValue, valueAfterKey } from '../parsing/header';
import { resolveRef, SchemaNode, schemas } from '../analysis/schema';
import { clauseSnippets, exclusionSnippets, SnippetSite, SnippetTemplate, templateSuggestions } from './snippets';
import { LineIndex, normalizeName } from '../text';
import { vocabulary } from '../vocabulary';

export type SuggestionKind = 'key' | 'enum' | 'sector' | 'threat' | 'item' | 'document' | 'snippet';

/** A completion candidate, free of protocol types; the server turns it into a CompletionItem. */
export interface Suggestion {
  label: string;
  /** Shown right after the label in the list, without focusing the row (an item's title). */
  labelDetail?: string;
  /** Shown at the row's end, without focusing it (an item's official label, obligation and coverage). */
  labelDescription?: string;
  insertText: string;
  /** The insert text is a snippet (`${1:…}` tab stops), whose lines carry their full indentation. */
  snippet?: boolean;
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
  /** The static snippets of the document's format (`snippets/kijun.<format>.json`), as the front end read them. */
  templates?: SnippetTemplate[];
  /** The line index of `text`, when the front end has it (it makes reading a long document's structure cheaper; the answer is the same). */
  lines?: LineIndex;
  /** The ids of the document's clauses as last parsed, to number a new clause (asked only where needed). */
  clauseIds?: () => string[];
}

export interface CompletionResult {
  /** Where the typed prefix starts: the suggestions replace text from here to the cursor. */
  start: number;
  suggestions: Suggestion[];
}

export function complete(request: CompletionRequest): CompletionResult {
  const blank = blankDocumentWord(request.text, request.offset);
  if (blank !== undefined) {
    // An empty file: the document skeletons (and, in YAML, the key that makes a file a Kijun document).
    const skeletons = templateSuggestions(request.templates ?? [], 'file', { kind: 'file' }, request.locale);
    const kijun = request.format === 'yaml' ? [keySuggestion('kijun', 'Document kind. 文書の種類。', 0)] : [];
    return { start: request.offset - blank.length, suggestions: [...kijun, ...skeletons] };
  }
  const context = cursorContext(request.text, request.offset, request.format, request.lines);
  if (context.kind === 'none') return { start: request.offset, suggestions: [] };
  const kind = documentKindOf(request.text);
  if (context.kind === 'heading') {
    const site: SnippetSite = { kind: 'heading', hashes: context.hashes };
    return { start: context.start, suggestions: kind === 'standard' ? clauseEntrySnippets(request, site) : [] };
  }
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
      const keys = keySuggestions(kind, [...path, key, '*']).map((k) => ({ ...k, sortText: `2-${k.sortText}` }));
      return { start: context.start, suggestions: [...entrySnippets(kind, context, request), ...keys] };
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
      const sector = catalog.findSector(headerValue(request.text, 'sector', request.lines) ?? '');
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
      return catalog ? itemSuggestions(itemScope(request, catalog, kind), locale) : [];
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
    // The English name is for English readers; a Japanese reader has the label itself.
    detail: `${sector.id.value}${locale === 'en' && sector.labelEn ? ` — ${sector.labelEn}` : ''}`,
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
 * Guideline items: those that apply to the standard's sector (and sub-sector) first — uncovered
 * must-consider items, then uncovered reference items, partial ones, then covered or excluded ones —
 * and last the items of other sectors, marked as not applicable. Each row shows the id with the
 * title, and the official label, obligation and coverage beside them.
 */
function itemSuggestions(scope: ItemScope, locale: Locale): Suggestion[] {
  return itemChoices(scope, locale).map((choice, i) => {
    const { item } = choice;
    return {
      label: item.id.value,
      labelDetail: choice.title ? ` ${choice.title}` : undefined,
      labelDescription: choice.facts,
      insertText: item.id.value,
      kind: 'item',
      detail: [item.label?.value, choice.title].filter(Boolean).join(' ') || undefined,
      documentation: item.text,
      sortText: `${choice.rank}-${pad(i)}`,
      filterText: `${item.id.value} ${item.label?.value ?? ''} ${item.title?.value ?? ''} ${item.titleEn ?? ''}`,
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
  // The value is read by `valueAfterKey`: a lazy value in the regex was quadratic on a long line of spaces.
  const keyLine = new RegExp(`^ *(?:- +)?${key} *:`);
  for (let steps = 0, at = start; at < text.length && steps < ELEMENT_LINES; steps++) {
    const line = lineAt(at);
    const indent = line.length - line.trimStart().length;
    if (steps > 0 && line.trim() !== '' && !line.trimStart().startsWith('#') && indent < column) return undefined;
    const m = keyLine.exec(line);
    if (m && (steps === 0 || indent === column)) {
      const value = valueAfterKey(line, m[0].length);
      if (value !== null) return value || undefined;
    }
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  return undefined;
}

/** How a document's items are ranked: a standard's by its coverage (or, until it is known, its sector). */
function itemScope(request: CompletionRequest, catalog: Catalog, kind: DocumentKind): ItemScope {
  if (kind !== 'standard') return { catalog, sectorBound: false };
  return { catalog, coverage: request.coverage, scope: headerScope(request.text, catalog, request.lines), sectorBound: true };
}

/** The sector and sub-sector a standard's header names, as ids of the catalog. */
function headerScope(text: string, catalog: Catalog, lines?: LineIndex): SectorScope {
  const sector = catalog.findSector(headerValue(text, 'sector', lines) ?? '');
  const subsectorName = sector ? headerValue(text, 'subsector', lines) : undefined;
  const subsector = sector && subsectorName ? catalog.findSubsector(sector, subsectorName)?.subsector : undefined;
  return { sector: sector?.id.value, subsector: subsector?.id.value };
}

/** Snippets at the start of a new list entry: a clause or exclusion per open item, the static entry snippets. */
function entrySnippets(kind: DocumentKind, context: Extract<CursorContext, { kind: 'value' }>, request: CompletionRequest): Suggestion[] {
  if (context.entryColumn === undefined) return [];
  const site: SnippetSite = { kind: 'yaml-entry', column: context.entryColumn };
  const topLevel = context.path.length === 0;
  if (kind === 'standard' && topLevel && context.key === 'clauses') return clauseEntrySnippets(request, site);
  if (kind === 'standard' && topLevel && context.key === 'exclusions') {
    const open = request.catalog ? openChoices(itemChoices(itemScope(request, request.catalog, kind), request.locale)) : [];
    return [...exclusionSnippets(open, site, request.locale), ...templateSuggestions(request.templates ?? [], 'exclusions', site, request.locale)];
  }
  if (kind === 'guideline' && context.key === 'items') return templateSuggestions(request.templates ?? [], 'items', site, request.locale);
  return [];
}

/** A clause snippet for every item of the standard's guideline it does not cover yet, then the generic clause. */
function clauseEntrySnippets(request: CompletionRequest, site: SnippetSite): Suggestion[] {
  const open = request.catalog ? openChoices(itemChoices(itemScope(request, request.catalog, 'standard'), request.locale)) : [];
  const id = nextClauseId(request.clauseIds?.() ?? []);
  return [...clauseSnippets(open, site, id, request.locale), ...templateSuggestions(request.templates ?? [], 'clauses', site, request.locale)];
}

/**
 * In a document with nothing in it but blanks and the word being typed at the cursor: that word
 * (possibly empty). Undefined in any other document.
 */
function blankDocumentWord(text: string, offset: number): string | undefined {
  const before = /^\s*([\w-]*)$/.exec(text.slice(0, offset));
  return before && text.slice(offset).trim() === '' ? before[1] : undefined;
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
