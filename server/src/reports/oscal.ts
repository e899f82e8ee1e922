import { createHash } from 'crypto';
import { Catalog, ClauseModel, clausesByItem, ItemDef, Locale, ParsedDocument, renderText, StandardModel } from '../core';

/**
 * OSCAL 1.0.6 JSON (NIST's Open Security Controls Assessment Language) of Kijun documents (README, "OSCAL").
 *
 * A guideline becomes a **catalog**: every item a control, its sub-items its controls (as OSCAL nests control
 * enhancements; a guideline has no level that is not itself an item a standard can cover, so no groups), with the
 * official numbering as the `label` prop, obligation, level, sectors, threats and `provisional`/`unconfirmed`
 * as props in Kijun's namespace, the item's text as its statement part, and its source as a back-matter citation
 * the control links to.
 *
 * A standard becomes a **component definition**: one component (type `standard`) whose implemented requirements
 * are the guideline items its clauses cover, each with one statement per covering clause (the clause id as a
 * prop, its id, title and text as the description); the items it excludes (規定する必要がない) with their
 * reasons are the component's remarks. The guideline is a back-matter resource, pointing at its catalog as
 * `kijun export --output-dir` names it.
 *
 * Identifiers: an item id is the control id, with `_` put before an id that starts with a digit (OSCAL ids
 * start with a letter or `_`). UUIDs are version 5, derived from the documents' ids, so that an export can be
 * repeated and compared; the document's own UUID also depends on its text, as OSCAL asks for a new one per
 * revision.
 */

/** The namespace of Kijun's own props, the prefix of the project's schema ids. */
export const KIJUN_NS = 'https://kijun.dev/ns/oscal';
export const OSCAL_VERSION = '1.0.6';

/** How deep the item hierarchy may be nested in the export (JSON writers recurse), as deep as Kijun reads YAML. */
export const MAX_EXPORT_DEPTH = 100;

export interface OscalOptions {
  locale: Locale;
  /** When the document was last changed (the file's modification time), ISO 8601 with a time zone. */
  lastModified: string;
}

/** The file name `kijun export --output-dir` gives a document's export. */
export function oscalFileName(kind: 'guideline' | 'standard', id: string): string {
  return `${id}.${kind === 'guideline' ? 'catalog' : 'component-definition'}.json`;
}

interface Prop {
  name: string;
  ns?: string;
  value: string;
}

interface Resource {
  uuid: string;
  title?: string;
  citation?: { text: string };
  props?: Prop[];
  'document-ids'?: { scheme: string; identifier: string }[];
  rlinks?: { href: string; 'media-type': string }[];
}

/**
 * The catalog of a guideline, or the depth of its item hierarchy when that is deeper than the export nests.
 * The guideline is expected to be free of errors (the CLI exports only such documents).
 */
export function oscalCatalog(catalog: Catalog, text: string, options: OscalOptions): string | { tooDeep: number } {
  const model = catalog.model;
  const order = catalog.bottomUp();
  const depth = new Map<ItemDef, number>();
  for (const item of order) depth.set(item, 1 + Math.max(0, ...catalog.children(item).map((c) => depth.get(c) ?? 0)));
  const deepest = Math.max(0, ...catalog.roots.map((r) => depth.get(r) ?? 0));
  if (deepest > MAX_EXPORT_DEPTH) return { tooDeep: deepest };

  // Citations in document order (the guideline's own first), so that the back matter reads like the guideline.
  const sources = new SourceCitations(catalog.id, options.locale);
  const guidelineSource = model.source ? sources.link(model.source, [catalog.id]) : undefined;
  const sourceLinks = new Map(catalog.uniqueItems.flatMap((item) => (item.source ? [[item, sources.link(item.source, [item.id.value])] as const] : [])));
  const controls = new Map<ItemDef, object>();
  // Children before parents: each control is built once its sub-controls are.
  for (const item of order) {
    const children = catalog.children(item).map((c) => controls.get(c)).filter((c): c is object => c !== undefined);
    controls.set(item, control(item, catalog, sourceLinks.get(item), children));
  }
  const roots = catalog.roots.map((r) => controls.get(r)).filter((c): c is object => c !== undefined);
  const document = {
    catalog: {
      uuid: uuidV5(`catalog:${catalog.id}:${sha256(text)}`),
      metadata: {
        ...metadata(model.title?.value ?? catalog.id, model.edition, catalog.id, options),
        ...(model.titleEn ? { props: [kijunProp('title-en', model.titleEn)].filter(isProp) } : {}),
        ...(guidelineSource ? { links: [guidelineSource] } : {}),
        ...(model.description ? { remarks: model.description } : {}),
      },
      ...(roots.length ? { controls: roots } : {}),
      ...(sources.resources.length ? { 'back-matter': { resources: sources.resources } } : {}),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function control(item: ItemDef, catalog: Catalog, source: { href: string; rel: string } | undefined, children: object[]): object {
  const id = controlId(item.id.value);
  const props: (Prop | undefined)[] = [
    item.label ? prop('label', item.label.value) : undefined,
    item.titleEn ? kijunProp('title-en', item.titleEn) : undefined,
    item.obligation ? kijunProp('obligation', item.obligation) : undefined,
    item.level ? kijunProp('level', item.level) : undefined,
    ...(item.sectors === 'all' ? [kijunProp('sector', 'all')] : item.sectors.map((s) => kijunProp('sector', catalog.findSector(s.value)?.id.value ?? s.value))),
    ...item.threats.map((t) => {
      const match = catalog.findThreat(t.value);
      return kijunProp('threat', (match?.example ?? match?.threat)?.id.value ?? t.value);
    }),
    item.relation ? kijunProp('relation', item.relation) : undefined,
    item.provisional ? kijunProp('provisional', 'true') : undefined,
    item.unconfirmed ? kijunProp('unconfirmed', 'true') : undefined,
  ];
  const present = props.filter(isProp);
  return {
    id,
    title: item.title?.value ?? '',
    ...(present.length ? { props: present } : {}),
    ...(source ? { links: [source] } : {}),
    // Always a statement part, so that a component definition's statements have a part to refer to.
    parts: [{ id: statementId(id), name: 'statement', ...(item.text ? { prose: item.text } : {}) }],
    ...(children.length ? { controls: children } : {}),
  };
}

/** Back-matter citations of the `source:` texts, one resource per distinct text, named by the ids that cite it. */
class SourceCitations {
  readonly resources: Resource[] = [];
  private readonly byText = new Map<string, { resource: Resource; ids: string[] }>();

  constructor(private readonly guidelineId: string, private readonly locale: Locale) {}

  link(source: string, ids: string[]): { href: string; rel: string } {
    let entry = this.byText.get(source);
    if (!entry) {
      const resource: Resource = { uuid: uuidV5(`source:${this.guidelineId}:${source}`), citation: { text: source } };
      entry = { resource, ids: [] };
      this.byText.set(source, entry);
      this.resources.push(resource);
    }
    entry.ids.push(...ids);
    entry.resource.title = renderText('oscal.source-of', { items: entry.ids.join(', ') }, this.locale);
    return { href: `#${entry.resource.uuid}`, rel: 'reference' };
  }
}

/** A standard's markdown clauses' sections, for the prose under each heading. */
type MarkdownClauses = ParsedDocument['markdownClauses'];

/**
 * The component definition of a standard against the catalog of its guideline. The standard is expected to be
 * free of errors (the CLI exports only such documents).
 */
export function oscalComponentDefinition(standard: StandardModel, catalog: Catalog, parsed: ParsedDocument, options: OscalOptions): string {
  const id = standard.id?.value ?? '';
  const covering = clausesByItem(standard, catalog);
  const prose = clauseProse(parsed.text, parsed.markdownClauses);
  const requirements = catalog.uniqueItems.filter((item) => covering.has(item)).map((item) => {
    const cid = controlId(item.id.value);
    const clauses = covering.get(item)!;
    return {
      uuid: uuidV5(`implemented-requirement:${id}:${item.id.value}`),
      'control-id': cid,
      description: renderText('oscal.implemented-by', { clauses: clauses.map((c) => c.id?.value ?? '').join(', '), standard: id }, options.locale),
      statements: clauses.map((clause, index) => ({
        'statement-id': statementId(cid),
        uuid: uuidV5(`statement:${id}:${item.id.value}:${clause.id?.value ?? `#${index}`}`),
        description: [`${clause.id?.value ?? ''} ${clause.title?.value ?? ''}`.trim(), clause.text?.value ?? prose(clause)].filter(Boolean).join('\n\n'),
        ...(clause.id ? { props: [kijunProp('clause-id', clause.id.value)].filter(isProp) } : {}),
      })),
    };
  });
  const sector = standard.sector ? catalog.findSector(standard.sector.value) : undefined;
  const subsector = sector && standard.subsector ? catalog.findSubsector(sector, standard.subsector.value)?.subsector : undefined;
  const guidelineResource: Resource = {
    uuid: uuidV5(`guideline:${catalog.id}`),
    title: renderText('oscal.guideline-resource', { guideline: catalog.id, title: catalog.model.title?.value ?? '' }, options.locale),
    'document-ids': [{ scheme: `${KIJUN_NS}/document-id`, identifier: catalog.id }],
    rlinks: [{ href: oscalFileName('guideline', catalog.id), 'media-type': 'application/oscal.catalog+json' }],
  };
  const componentProps = [
    sector ? kijunProp('sector', sector.id.value) : undefined,
    subsector ? kijunProp('subsector', subsector.id.value) : undefined,
    standard.class ? kijunProp('class', String(standard.class.value)) : undefined,
    kijunProp('guideline', catalog.id),
    standard.publisher ? kijunProp('publisher', standard.publisher) : undefined,
    standard.titleEn ? kijunProp('title-en', standard.titleEn) : undefined,
  ].filter(isProp);
  const exclusions = exclusionRemarks(standard, catalog, options.locale);
  const description = renderText('oscal.component', {
    standard: id, sector: sector?.label.value ?? standard.sector?.value ?? '', class: standard.class?.value, guideline: catalog.id,
  }, options.locale);
  const document = {
    'component-definition': {
      uuid: uuidV5(`component-definition:${id}:${sha256(parsed.text)}`),
      metadata: metadata(standard.title?.value ?? id, standard.edition, id, options),
      components: [{
        uuid: uuidV5(`component:${id}`),
        type: 'standard',
        title: standard.title?.value ?? id,
        description: standard.description ? `${description}\n\n${standard.description}` : description,
        props: componentProps,
        ...(requirements.length ? {
          'control-implementations': [{
            uuid: uuidV5(`control-implementation:${id}:${catalog.id}`),
            source: `#${guidelineResource.uuid}`,
            description: renderText('oscal.control-implementation', { guideline: catalog.id, standard: id }, options.locale),
            'implemented-requirements': requirements,
          }],
        } : {}),
        ...(exclusions ? { remarks: exclusions } : {}),
      }],
      'back-matter': { resources: [guidelineResource] },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The standard's own exclusions as a Markdown list: item, label, title and reason (規定する必要がない). */
function exclusionRemarks(standard: StandardModel, catalog: Catalog, locale: Locale): string | undefined {
  const lines = standard.exclusions.flatMap((exclusion) => {
    const item = exclusion.item && catalog.item(exclusion.item.value);
    if (!item) return [];
    const title = (locale === 'en' ? item.titleEn : undefined) ?? item.title?.value ?? '';
    return [`- ${item.id.value} ${item.label?.value ?? ''} ${title}: ${exclusion.reason?.value ?? ''}`.replace(/ {2,}/g, ' ')];
  });
  return lines.length ? [renderText('oscal.exclusions', {}, locale), '', ...lines].join('\n') : undefined;
}

/**
 * The prose of a Markdown clause: its section (up to the next heading) after the heading and the `covers:` /
 * `threats:` lines directly under it. YAML clauses have none (they say `text:`).
 */
function clauseProse(text: string, sections: MarkdownClauses): (clause: ClauseModel) => string {
  const byHeading = new Map(sections.map((s) => [s.heading.start, s]));
  return (clause) => {
    const section = byHeading.get(clause.span.start);
    if (!section) return '';
    const keysEnd = Math.max(section.heading.end, ...[...clause.covers, ...clause.threats].map((v) => v.span.end));
    const lineEnd = text.indexOf('\n', keysEnd);
    return lineEnd < 0 || lineEnd >= section.section.end ? '' : text.slice(lineEnd + 1, section.section.end).trim();
  };
}

function metadata(title: string, edition: string | undefined, id: string, options: OscalOptions): object {
  return {
    title,
    'last-modified': options.lastModified,
    // OSCAL requires a version: the document's edition, else the time it was last changed.
    version: edition?.trim() || options.lastModified,
    'oscal-version': OSCAL_VERSION,
    'document-ids': [{ scheme: `${KIJUN_NS}/document-id`, identifier: id }],
  };
}

/** OSCAL ids start with a letter or `_`; Kijun's item ids may start with a digit. */
export function controlId(itemId: string): string {
  return /^[0-9]/.test(itemId) ? `_${itemId}` : itemId;
}

function statementId(controlIdentifier: string): string {
  return `${controlIdentifier}_smt`;
}

/** A prop in OSCAL's own namespace, its value on one line (OSCAL values have no line breaks or outer spaces). */
function prop(name: string, value: string): Prop | undefined {
  const line = value.replace(/\s+/g, ' ').trim();
  return line ? { name, value: line } : undefined;
}

function kijunProp(name: string, value: string): Prop | undefined {
  const p = prop(name, value);
  return p && { name, ns: KIJUN_NS, value: p.value };
}

function isProp(p: Prop | undefined): p is Prop {
  return p !== undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Kijun's namespace for name-based UUIDs (a fixed random UUID). */
const UUID_NAMESPACE = '57c4681f-7c24-48f6-b1f6-48dddfd739eb';

/** A version 5 UUID (RFC 4122: SHA-1 of the namespace and the name). */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
