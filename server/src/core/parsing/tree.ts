import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YamlNode, YAMLMap } from 'yaml';
import { finding, Finding } from '../findings';
import { Span } from '../text';
import { yamlProblems } from './problems';

/**
 * The located tree: the document's content as plain maps, lists and scalars, every node knowing
 * its source span. YAML documents and Markdown documents (front matter plus clauses read from
 * headings) both become this tree, so schema validation and every rule see one shape.
 */
export type TreeNode = MapNode | SeqNode | ScalarNode;

export interface MapEntry {
  key: string;
  keySpan: Span;
  value: TreeNode;
}

export interface MapNode {
  kind: 'map';
  span: Span;
  entries: MapEntry[];
  /** A clause read from a Markdown heading: the heading's marker and id (`## S-1`), so that a missing title is asked for there. */
  heading?: string;
}

export interface SeqNode {
  kind: 'seq';
  span: Span;
  items: TreeNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  span: Span;
  value: ScalarValue;
  /** A number's text as written (`3.10` stays `3.10` where it names something, e.g. a clause). */
  raw?: string;
}

export const MAX_DEPTH = 100;
export const MAX_NODES = 200_000;

export function entry(map: TreeNode | undefined, key: string): MapEntry | undefined {
  if (map?.kind !== 'map') return undefined;
  return map.entries.find((e) => e.key === key);
}

export function child(map: TreeNode | undefined, key: string): TreeNode | undefined {
  return entry(map, key)?.value;
}

/** The plain JavaScript value of a node, as ajv validates it; `instead` may give the value of some nodes itself. */
export function toPlain(node: TreeNode, instead?: (node: TreeNode) => unknown): unknown {
  const given = instead?.(node);
  if (given !== undefined) return given;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((item) => toPlain(item, instead));
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const e of node.entries) {
        if (!Object.prototype.hasOwnProperty.call(result, e.key)) result[e.key] = toPlain(e.value, instead);
      }
      return result;
    }
  }
}

/**
 * Finds the node a JSON pointer (as ajv reports it in `instancePath`) designates, and the map
 * entry that holds it when there is one.
 */
export function resolvePointer(root: TreeNode, pointer: string): { node: TreeNode; holder?: MapEntry } | undefined {
  let node: TreeNode = root;
  let holder: MapEntry | undefined;
  if (pointer === '') return { node };
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.kind === 'map') {
      const found = entry(node, segment);
      if (!found) return undefined;
      holder = found;
      node = found.value;
    } else if (node.kind === 'seq') {
      const item = node.items[Number(segment)];
      if (!item) return undefined;
      holder = undefined;
      node = item;
    } else {
      return undefined;
    }
  }
  return { node, holder };
}

/** Converts the `yaml` package's AST (offsets shifted by `base`) into the located tree. */
export class YamlTreeBuilder {
  private nodeCount = 0;
  private aliasLimitReported = false;
  private depthLimitReported = false;
  /** The outermost alias being expanded: where an alias bomb is reported. */
  private expandingAlias?: Span;
  /** While the entries a merge key brings in are converted: the span they all take, the alias's. */
  private pinnedSpan?: Span;

  constructor(
    private readonly doc: Document,
    private readonly base: number,
    private readonly findings: Finding[],
    /** The text the offsets point into (without `base`), to keep numbers as written. */
    private readonly source?: string,
    /** Maps offsets of `source` to the document's, when `source` is a repaired copy (see slips.ts). */
    private readonly toOriginal: (offset: number) => number = (offset) => offset,
  ) {}

  build(node: unknown): TreeNode | undefined {
    if (node === null || node === undefined) return undefined;
    return this.convert(node as YamlNode, 0, undefined);
  }

  private spanOf(node: YamlNode | Alias, fallback?: Span): Span {
    if (this.pinnedSpan) return this.pinnedSpan;
    const range = node.range;
    if (!range) return fallback ?? { start: this.base, end: this.base };
    return { start: this.base + this.toOriginal(range[0]), end: this.base + this.toOriginal(range[1]) };
  }

  private convert(node: YamlNode, depth: number, spanOverride: Span | undefined): TreeNode {
    const span = this.pinnedSpan ?? spanOverride ?? this.spanOf(node);
    // Only what aliases expand counts against the budget: a long document is not an alias bomb.
    if (this.expandingAlias !== undefined && ++this.nodeCount > MAX_NODES) {
      if (!this.aliasLimitReported) {
        this.aliasLimitReported = true;
        this.findings.push(finding('input.alias-limit', 'error', this.expandingAlias ?? span, { limit: MAX_NODES }));
      }
      return { kind: 'scalar', span, value: null };
    }
    if (depth > MAX_DEPTH) {
      if (!this.depthLimitReported) {
        this.depthLimitReported = true;
        this.findings.push(finding('input.too-deep', 'error', span, { limit: MAX_DEPTH }));
      }
      return { kind: 'scalar', span, value: null };
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) {
        this.findings.push(finding('syntax.yaml', 'error', span, { problem: yamlProblems.BAD_ALIAS }));
        return { kind: 'scalar', span, value: null };
      }
      // The alias's own span: a finding inside repeated content points at where it is used.
      const outermost = this.expandingAlias === undefined;
      if (outermost) this.expandingAlias = span;
      try {
        return this.convert(target as YamlNode, depth + 1, span);
      } finally {
        if (outermost) this.expandingAlias = undefined;
      }
    }
    if (isScalar(node)) {
      const value = node.value;
      const plain: ScalarValue =
        value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? value
          : value instanceof Date
            ? node.source ?? value.toISOString().slice(0, 10)
            : typeof value === 'bigint'
              ? Number(value)
              : String(value);
      if (typeof plain === 'number' && this.source !== undefined && node.range) {
        return { kind: 'scalar', span, value: plain, raw: this.source.slice(node.range[0], node.range[1]).trim() };
      }
      return { kind: 'scalar', span, value: plain };
    }
    if (isSeq(node)) {
      const items: TreeNode[] = [];
      for (const item of node.items) {
        if (item === null || item === undefined) continue;
        items.push(this.convert(item as YamlNode, depth + 1, undefined));
      }
      return { kind: 'seq', span, items };
    }
    if (isMap(node)) return this.convertMap(node, depth, span);
    return { kind: 'scalar', span, value: null };
  }

  /**
   * A mapping, with the entries its merge keys (`<<: *base`, `<<: [*a, *b]`) bring in: a key written
   * in the mapping wins over a merged one, and an earlier merge source over a later one, as YAML's
   * merge type says. Merged entries take the alias's span, so what is wrong in them is shown where
   * they are used.
   */
  private convertMap(node: YAMLMap, depth: number, span: Span): MapNode {
    const written = new Set<string>();
    for (const pair of node.items) if (isPair(pair) && !isMergeKey(pair.key)) written.add(this.keyOf(pair.key as YamlNode | null));
    const entries: MapEntry[] = [];
    const merged = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        for (const e of this.mergedEntries(pair.value as YamlNode | null, depth, span)) {
          if (written.has(e.key) || merged.has(e.key)) continue;
          merged.add(e.key);
          entries.push(e);
        }
        continue;
      }
      const keyNode = pair.key as YamlNode | null;
      const keySpan = keyNode ? this.spanOf(keyNode, span) : span;
      const valueNode = pair.value as YamlNode | null;
      const value: TreeNode = valueNode
        ? this.convert(valueNode, depth + 1, undefined)
        : { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null };
      entries.push({ key: this.keyOf(keyNode), keySpan, value });
    }
    return { kind: 'map', span, entries };
  }

  /**
   * A key's name. A list or mapping used as a key (a misplaced line makes the parser read one) is
   * named by the first line of its text, as the author wrote it, not by a dump of its content, and
   * never converted to a value: `String()` of a collection resolves its aliases (an alias bomb in a key)
   * and its merge keys (which throws on an invalid one).
   */
  private keyOf(keyNode: YamlNode | null): string {
    if (!keyNode) return '';
    if (isScalar(keyNode)) return String(keyNode.value);
    const range = keyNode.range;
    const written = range && this.source ? this.source.slice(range[0], range[1]).trim().split(/\r?\n/)[0].trim() : '';
    if (!written) return isAlias(keyNode) ? `*${keyNode.source}` : '…';
    return written.length > 32 ? `${written.slice(0, 31)}…` : written;
  }

  /** The entries one merge key's value brings in: an alias of a mapping, a mapping, or a list of them. */
  private mergedEntries(value: YamlNode | null, depth: number, mapSpan: Span): MapEntry[] {
    const sources = value && isSeq(value) ? (value.items as YamlNode[]) : [value];
    const entries: MapEntry[] = [];
    for (const source of sources) {
      const target = source && isAlias(source) ? source.resolve(this.doc) : source;
      if (!source || !target || !isMap(target)) {
        const at = source ? this.spanOf(source, mapSpan) : mapSpan;
        this.findings.push(finding(source && isAlias(source) && !target ? 'syntax.yaml' : 'syntax.merge-value', 'error', at,
          source && isAlias(source) && !target ? { problem: yamlProblems.BAD_ALIAS } : {}));
        continue;
      }
      if (!isAlias(source)) {
        const converted = this.convert(source, depth + 1, undefined);
        if (converted.kind === 'map') entries.push(...converted.entries);
        continue;
      }
      const aliasSpan = this.spanOf(source);
      const outermost = this.expandingAlias === undefined;
      const outerPin = this.pinnedSpan;
      if (outermost) this.expandingAlias = aliasSpan;
      this.pinnedSpan = aliasSpan;
      try {
        const converted = this.convert(target as YamlNode, depth + 1, aliasSpan);
        if (converted.kind === 'map') entries.push(...converted.entries);
      } finally {
        this.pinnedSpan = outerPin;
        if (outermost) this.expandingAlias = undefined;
      }
    }
    return entries;
  }
}

/** A `<<` key, which the parser (with `merge: true`) reads as a merge key rather than a text. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}
