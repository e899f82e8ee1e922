import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import actionPlanSchema from '../../../../schemas/action-plan.schema.json';
import guidelineSchema from '../../../../schemas/guideline.schema.json';
import reviewSchema from '../../../../schemas/review.schema.json';
import standardSchema from '../../../../schemas/standard.schema.json';
import { finding, Finding, unknownName } from '../findings';
import { Bilingual, formatRules, MessageArg, words } from '../messages';
import { DocumentKind } from '../parsing/parse';
import { closest, Span } from '../text';
import { entry, MapEntry, resolvePointer, toPlain, TreeNode } from '../parsing/tree';
import { Lineage } from './lineage';

export const schemas: Record<DocumentKind, object> = {
  guideline: guidelineSchema,
  standard: standardSchema,
  'action-plan': actionPlanSchema,
  review: reviewSchema,
};

/**
 * The long list of a kind whose elements are validated one by one: a standard's clauses. Each
 * clause's errors are kept with its tree node, which an edit elsewhere leaves as it is (chunks.ts),
 * so an edit validates the clause it touched and the few keys around the list, not 20,000 clauses.
 */
const elementLists: Partial<Record<DocumentKind, { key: string; definition: string }>> = {
  standard: { key: 'clauses', definition: 'clause' },
};

interface Validators {
  /** The whole document, its element list taking any elements (they are validated on their own). */
  root: ValidateFunction;
  element?: ValidateFunction;
}

/** Compiled once per process: compiling is the expensive part of ajv, validating is cheap. */
let validators: Record<DocumentKind, Validators> | undefined;

function getValidators(): Record<DocumentKind, Validators> {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    const compile = (kind: DocumentKind): Validators => {
      const schema = schemas[kind] as SchemaNode;
      const list = elementLists[kind];
      if (!list) return { root: ajv.compile(schema) };
      const { $id: _id, ...rest } = schema;
      const properties = rest.properties as Record<string, SchemaNode>;
      // The element list's own keywords (its type) stay; only its items are left to the element validator.
      const root = { ...rest, properties: { ...properties, [list.key]: { ...properties[list.key], items: true } } };
      const element = { definitions: rest.definitions, $ref: `#/definitions/${list.definition}` };
      return { root: ajv.compile(root), element: ajv.compile(element) };
    };
    validators = { guideline: compile('guideline'), standard: compile('standard'), 'action-plan': compile('action-plan'), review: compile('review') };
  }
  return validators;
}

/**
 * Compiles the schema validators now rather than at the first document's check (about 0.3 s): a front end
 * that starts before any document is opened (the language server) calls it while it waits for one.
 */
export function prepareValidators(): void {
  getValidators();
}

/** Each element node's schema errors, with paths from the element; kept while the node lives. */
const elementErrors = new WeakMap<TreeNode, ErrorObject[]>();

function errorsOf(validate: ValidateFunction, node: TreeNode): ErrorObject[] {
  let errors = elementErrors.get(node);
  if (!errors) {
    errors = validate(toPlain(node)) ? [] : [...(validate.errors ?? [])];
    elementErrors.set(node, errors);
  }
  return errors;
}

/** The schema errors of a document: of its root (elements aside), then of each element, paths from the root. */
function documentErrors(kind: DocumentKind, root: TreeNode, lineage?: Lineage): ErrorObject[] {
  const { root: validateRoot, element } = getValidators()[kind];
  const list = elementLists[kind];
  const elements = list && root.kind === 'map' ? entry(root, list.key)?.value : undefined;
  if (!list || !element || elements?.kind !== 'seq') return validateRoot(toPlain(root)) ? [] : [...(validateRoot.errors ?? [])];
  // The root's plain value with each element as null: the element list keeps its length and type, nothing more is built.
  const plain = toPlain(root, (node) => (node === elements ? new Array<null>(elements.items.length).fill(null) : undefined));
  const errors = validateRoot(plain) ? [] : [...(validateRoot.errors ?? [])];
  const perElement = lineage
    ? lineage.map('element-errors', elements.items, [kind], (item) => errorsOf(element, item))
    : elements.items.map((item) => errorsOf(element, item));
  for (let index = 0; index < perElement.length; index++) {
    const own = perElement[index];
    if (own.length === 0) continue;
    const prefix = `/${list.key}/${index}`;
    for (const error of own) errors.push({ ...error, instancePath: `${prefix}${error.instancePath}` });
  }
  return errors;
}

/** Validates the tree against the kind's JSON Schema; each ajv error becomes a finding on its node. */
export function validateSchema(kind: DocumentKind, root: TreeNode, lineage?: Lineage): Finding[] {
  const rawErrors = documentErrors(kind, root, lineage);
  if (rawErrors.length === 0) return [];
  const errors = selectAnyOfErrors(rawErrors, root, schemas[kind] as SchemaNode);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const result = toFinding(error, root, schemas[kind] as SchemaNode);
    if (!result) continue;
    const key = `${result.code}:${result.span.start}:${result.span.end}:${JSON.stringify(result.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(result);
  }
  return findings;
}

export type SchemaNode = Record<string, unknown>;

/** Follows `$ref`s to `#/definitions/…` of the root schema. */
export function resolveRef(rootSchema: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; typeof current.$ref === 'string' && guard < 10; guard++) {
    const name = (current.$ref as string).replace('#/definitions/', '');
    current = ((rootSchema.definitions as Record<string, SchemaNode>) ?? {})[name] ?? {};
  }
  return current;
}

function kindOf(node: TreeNode): string[] {
  if (node.kind === 'map') return ['object'];
  if (node.kind === 'seq') return ['array'];
  const v = node.value;
  if (v === null) return ['null'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

function branchAccepts(branch: SchemaNode, node: TreeNode): boolean {
  if ('const' in branch) return node.kind === 'scalar' && node.value === branch.const;
  const types = branch.type === undefined ? (branch.properties ? ['object'] : branch.items ? ['array'] : []) : ([] as string[]).concat(branch.type as string | string[]);
  return types.some((t) => kindOf(node).includes(t));
}

/**
 * ajv reports an anyOf failure together with every branch's errors. When the value's type picks
 * one branch (a list where "all or a list" is allowed), that branch's errors say what is wrong;
 * otherwise the anyOf error alone does ("must be all or a list").
 */
function selectAnyOfErrors(errors: ErrorObject[], root: TreeNode, rootSchema: SchemaNode): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const node = resolvePointer(root, anyOf.instancePath)?.node;
    const branches = (anyOf.schema as SchemaNode[]) ?? [];
    const belongsTo = (error: ErrorObject, i: number): boolean => {
      if (error === anyOf || !error.instancePath.startsWith(anyOf.instancePath)) return false;
      if (error.schemaPath.startsWith(`${anyOf.schemaPath}/${i}/`)) return true;
      const ref = branches[i].$ref;
      return typeof ref === 'string' && error.schemaPath.startsWith(`${ref}/`);
    };
    const accepting = node ? branches.map((b, i) => (branchAccepts(resolveRef(rootSchema, b), node) ? i : -1)).filter((i) => i >= 0) : [];
    for (const error of errors) {
      branches.forEach((_, i) => {
        if (belongsTo(error, i) && !(accepting.length === 1 && accepting[0] === i)) dropped.add(error);
      });
    }
    if (accepting.length === 1 && errors.some((e) => belongsTo(e, accepting[0]))) dropped.add(anyOf);
  }
  return errors.filter((e) => !dropped.has(e));
}

function toFinding(error: ErrorObject, root: TreeNode, rootSchema: SchemaNode): Finding | undefined {
  const located = resolvePointer(root, error.instancePath);
  if (!located) return undefined;
  const { node, holder } = located;
  const segments = error.instancePath.split('/').slice(1);
  const key = keyName(segments);
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      // A clause read from a Markdown heading is told where its title goes.
      const heading = node.kind === 'map' ? node.heading : undefined;
      return finding('schema.required', 'error', requiredSpan(node, holder, root), { key: missing, where: describeOwner(root, segments, true), heading });
    }
    case 'additionalProperties': {
      const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
      const unknownEntry = entry(node, unknown);
      const span = unknownEntry?.keySpan ?? node.span;
      const known = Object.keys((parentSchema.properties as object) ?? {});
      return unknownName('schema.unknown-key', span, { key: unknown, where: describeOwner(root, segments, true) }, suggestKey(unknown, known));
    }
    case 'type':
      return finding('schema.type', 'error', node.span, {
        key,
        expected: typeList(error.schema as string | string[]),
        actual: actualType(node),
      });
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (error.schema as unknown[]) : [error.schema];
      return finding('schema.enum', 'error', node.span, { key, allowed: allowed.map(String).join(', ') });
    }
    case 'anyOf':
      return finding('schema.type', 'error', node.span, { key, expected: anyOfExpectation((error.schema as SchemaNode[]).map((b) => resolveRef(rootSchema, b))), actual: actualType(node) });
    case 'pattern': {
      const format = String(parentSchema['x-kijun-format'] ?? 'document-id');
      return finding('schema.format', 'error', node.span, {
        value: node.kind === 'scalar' ? String(node.value) : '',
        format: (words as Record<string, Bilingual>)[format] ?? format,
        rule: formatRules[format] ?? { en: `it must match ${error.schema}.`, ja: `${error.schema} に一致する必要があります。` },
      });
    }
    case 'minimum':
    case 'maximum':
      return finding('schema.range', 'error', node.span, {
        key,
        min: String(parentSchema.minimum ?? '-∞'),
        max: String(parentSchema.maximum ?? '∞'),
      });
    case 'minLength':
      return finding('schema.empty', 'error', node.span, { key });
    case 'minItems':
      return finding('schema.min-items', 'error', holder?.keySpan ?? node.span, { key, min: String(error.schema) });
    default:
      return finding('schema.invalid', 'error', node.span, { key, detail: error.message ?? error.keyword });
  }
}

/** A missing key is reported where its map is named: the key holding the map, or the map's first line. */
function requiredSpan(node: TreeNode, holder: MapEntry | undefined, root: TreeNode): Span {
  if (holder) return holder.keySpan;
  if (node.kind === 'map' && node.entries.length > 0) {
    if (node === root) return entry(root, 'kijun')?.keySpan ?? node.entries[0].keySpan;
    const first = node.entries[0];
    return { start: first.keySpan.start, end: first.value.span.end };
  }
  return node.span;
}

const containerWords: Record<string, Bilingual> = {
  clauses: words.clause,
  exclusions: words.exclusion,
  items: words.item,
  sectors: words.sector,
  subsectors: words.subsector,
  threats: words.threat,
  examples: words.example,
};

/**
 * The Japanese names authors give keys (the Markdown clause lines accept 対応指針 and 脅威), with
 * the English keys YAML uses for them; a suggestion is made only where that key is allowed.
 */
const japaneseKeys: Record<string, string[]> = {
  対応指針: ['covers'],
  脅威: ['threats'],
  分野: ['sector', 'sectors'],
  業種: ['subsector', 'subsectors'],
  指針: ['guideline'],
  条項: ['clauses'],
  除外: ['exclusions'],
  理由: ['reason'],
  本文: ['text'],
};

function suggestKey(unknown: string, known: string[]): string | undefined {
  const english = japaneseKeys[unknown.normalize('NFKC').trim()]?.find((k) => known.includes(k));
  return english ?? closest(unknown, known, (k) => [k]);
}

/**
 * Names the offending value in a message: the key, or a list position counted from 1 in words
 * ("the 2nd entry of "covers"", 「covers」の 2 番目の要素), since `covers[1]` reads as the
 * second element to a programmer and as the first to everyone else.
 */
function keyName(segments: string[]): Bilingual {
  let i = segments.length - 1;
  while (i >= 0 && /^\d+$/.test(segments[i])) i--;
  if (i < 0) return words.document;
  let name: Bilingual = { en: `"${segments[i]}"`, ja: `「${segments[i]}」` };
  for (const index of segments.slice(i + 1)) {
    const position = Number(index) + 1;
    name = { en: `the ${ordinal(position)} entry of ${name.en}`, ja: `${name.ja}の ${position} 番目の要素` };
  }
  return name;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * Names the list element that holds the offending node ("clause S-1.1"), so that a message
 * still says where it is when read outside the editor.
 */
function describeOwner(root: TreeNode, segments: string[], includeLast = false): Bilingual | undefined {
  const limit = includeLast ? segments.length : segments.length - 1;
  let node: TreeNode | undefined = root;
  let owner: Bilingual | undefined;
  for (let i = 0; i < limit && node; i++) {
    const segment = segments[i];
    if (node.kind === 'map') node = entry(node, segment)?.value;
    else if (node.kind === 'seq') {
      node = node.items[Number(segment)];
      const container = containerWords[segments[i - 1] ?? ''];
      if (container && node?.kind === 'map') {
        const idNode = entry(node, 'id')?.value ?? entry(node, 'item')?.value ?? entry(node, 'sector')?.value;
        owner = idNode?.kind === 'scalar' && idNode.value !== null
          ? { en: `${container.en} ${String(idNode.value)}`, ja: `${container.ja} ${String(idNode.value)} ` }
          : { en: `the ${ordinal(Number(segment) + 1)} ${container.en}`, ja: `${Number(segment) + 1} 番目の${container.ja}` };
      }
    } else node = undefined;
  }
  return owner;
}

function typeList(types: string | string[]): Bilingual {
  const list = Array.isArray(types) ? types : [types];
  const named = list.map((t) => (words as Record<string, Bilingual>)[t] ?? { en: t, ja: t });
  return { en: named.map((n) => n.en).join(words.or.en), ja: named.map((n) => n.ja).join(words.or.ja) };
}

function anyOfExpectation(branches: object[]): Bilingual {
  const parts = branches.map((branch) => {
    const b = branch as Record<string, unknown>;
    if ('const' in b) return { en: `"${String(b.const)}"`, ja: `「${String(b.const)}」` };
    if (typeof b.type === 'string' || Array.isArray(b.type)) return typeList(b.type as string | string[]);
    if (b.properties) return words.object;
    return { en: 'a valid value', ja: '正しい値' };
  });
  return { en: parts.map((p) => p.en).join(words.or.en), ja: parts.map((p) => p.ja).join(words.or.ja) };
}

function actualType(node: TreeNode): MessageArg {
  if (node.kind === 'map') return words.object;
  if (node.kind === 'seq') return words.array;
  const value = node.value;
  if (value === null) return words.null;
  if (typeof value === 'number') return Number.isInteger(value) ? words.integer : words.number;
  if (typeof value === 'boolean') return words.boolean;
  return words.string;
}
