import { finding, Finding } from '../findings';
import { MapEntry, MapNode, SeqNode, TreeNode } from './tree';

/**
 * Incremental parsing of long YAML documents. A standard of thousands of clauses is, in practice,
 * a few top-level keys and one long block list; re-parsing all of it on every keystroke costs
 * about 0.1 s per thousand clauses. So the text is cut into chunks (each top-level key, and each
 * element of a long top-level list), every chunk is parsed on its own, and the parse of a chunk
 * whose text did not change is reused from the previous version: an edit re-parses one clause.
 *
 * Only plain documents are cut: anchors, aliases, tabs, directives, several documents, a line that
 * starts with an ideographic space (U+3000, a slip that would start a top-level block), a merge key
 * at the top level, or a root that is not a block mapping send the text to the whole-document
 * parser, which is always right.
 */

/** A chunk parsed on its own, with offsets relative to the chunk's start. */
export interface ParsedChunk {
  tree?: TreeNode;
  findings: Finding[];
  /** The tree moved to where the chunk last stood: an edit elsewhere that keeps its offset reuses it. */
  placed?: { at: number; tree: TreeNode };
}

/** Parses of the previous version's chunks, keyed by their text. */
export type ChunkCache = Map<string, ParsedChunk>;

/** Below this size the whole-document parse is fast enough, and simpler. */
export const CHUNKING_THRESHOLD = 16 * 1024;

const UNSAFE = /(?:^|[\s[{,])[&*!][^\s,\]}]|^(?:---|\.\.\.|%)|^\t|^[ ]*\t|^[?:](?:[ \t]|$)|^\u3000|^<</m;
const TOP_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(?:#.*)?$/;

export function chunkable(source: string): boolean {
  if (source.length < CHUNKING_THRESHOLD || UNSAFE.test(source)) return false;
  // The first significant line must be a top-level key.
  const first = /^(?:[ \t]*(?:#.*)?\r?\n)*(\S)/.exec(source);
  return !!first && first[1] !== '-' && first[1] !== '[' && first[1] !== '{' && first[1] !== '"' && first[1] !== "'";
}

/**
 * Parses `source` chunk by chunk with `parseChunk`, reusing `previous` where a chunk's text is
 * unchanged, and records the chunks used in `next`. Returns undefined when the text's shape is
 * not one it can cut safely; the caller then parses the whole text.
 */
export function parseInChunks(
  source: string,
  base: number,
  findings: Finding[],
  previous: ChunkCache | undefined,
  next: ChunkCache,
  parseChunk: (text: string) => ParsedChunk,
): TreeNode | undefined {
  const starts = lineStarts(source);
  const lineEnd = (i: number): number => (i + 1 < starts.length ? starts[i + 1] : source.length);
  // Top-level blocks: a line at column 0 that is neither blank, a comment, nor a list item starts one.
  const blocks: { first: number; last: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const c = source.charCodeAt(starts[i]);
    const continues = Number.isNaN(c) || c === 32 /* space */ || c === 35 /* # */ || c === 45 /* - */ || c === 13 || c === 10;
    if (continues) {
      if (blocks.length > 0) blocks[blocks.length - 1].last = i;
      continue;
    }
    blocks.push({ first: i, last: i });
  }
  if (blocks.length === 0) return undefined;

  /** The chunk's tree placed at `at`: reused when the chunk has not moved, else a shifted copy. */
  const place = (start: number, end: number): { parsed: ParsedChunk; tree?: TreeNode; at: number } => {
    const text = source.slice(start, end);
    const parsed = next.get(text) ?? previous?.get(text) ?? parseChunk(text);
    next.set(text, parsed);
    const at = base + start;
    if (parsed.tree && parsed.placed?.at !== at) parsed.placed = { at, tree: shift(parsed.tree, at) };
    return { parsed, tree: parsed.placed?.tree, at };
  };
  const root: MapNode = { kind: 'map', span: { start: base + starts[blocks[0].first], end: base + source.length }, entries: [] };
  const seenKeys = new Set<string>();

  for (const block of blocks) {
    const start = starts[block.first];
    const key = TOP_KEY.exec(source.slice(start, lineEnd(block.first)).replace(/\r?\n$/, '').replace(/\r$/, ''));
    const elements = key ? listElements(source, starts, block.first + 1, block.last) : undefined;
    let entries: MapEntry[];
    if (key && elements && elements.length > 1) {
      const items: TreeNode[] = [];
      for (const element of elements) {
        const { parsed, tree, at } = place(element.start, element.end);
        addFindings(findings, parsed.findings, at);
        if (tree?.kind !== 'seq' || tree.items.length !== 1) return undefined; // not one list element after all
        items.push(tree.items[0]);
      }
      const keySpan = { start: base + start, end: base + start + key[1].length };
      const dash = base + source.indexOf('-', elements[0].start);
      const value: SeqNode = { kind: 'seq', span: { start: dash, end: items[items.length - 1].span.end }, items };
      entries = [{ key: key[1], keySpan, value }];
    } else {
      const { parsed, tree, at } = place(start, lineEnd(block.last));
      addFindings(findings, parsed.findings, at);
      if (!tree) continue;
      if (tree.kind !== 'map') return undefined;
      entries = tree.entries;
    }
    for (const entry of entries) {
      if (seenKeys.has(entry.key)) {
        findings.push(finding('syntax.duplicate-key', 'error', entry.keySpan, { key: entry.key }));
        continue;
      }
      seenKeys.add(entry.key);
      root.entries.push(entry);
    }
  }
  return root;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0 && i + 1 < source.length; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The elements of a block list that forms the body of lines first..last: each starts with `- `
 * at one indentation, every other significant line is deeper. Undefined when the body is not that.
 */
function listElements(source: string, starts: number[], first: number, last: number): { start: number; end: number }[] | undefined {
  let indent = -1;
  const elements: { start: number; end: number }[] = [];
  const end = (i: number): number => (i + 1 < starts.length ? starts[i + 1] : source.length);
  for (let i = first; i <= last; i++) {
    let column = 0;
    while (source.charCodeAt(starts[i] + column) === 32) column++;
    const at = starts[i] + column;
    const c = source.charCodeAt(at);
    if (Number.isNaN(c) || c === 10 || c === 13 || c === 35 /* # */) {
      if (elements.length) elements[elements.length - 1].end = end(i);
      continue;
    }
    const dash = c === 45 && (source.charCodeAt(at + 1) === 32 || source.charCodeAt(at + 1) === 10 || source.charCodeAt(at + 1) === 13 || at + 1 === source.length);
    if (indent < 0) {
      if (!dash) return undefined;
      indent = column;
    }
    if (column === indent && dash) elements.push({ start: starts[i], end: end(i) });
    else if (column > indent && elements.length) elements[elements.length - 1].end = end(i);
    else return undefined;
  }
  return elements;
}

function addFindings(into: Finding[], from: Finding[], delta: number): void {
  for (const f of from) {
    into.push({
      ...f,
      span: { start: f.span.start + delta, end: f.span.end + delta },
      ...(f.replacement ? { replacement: { ...f.replacement, span: { start: f.replacement.span.start + delta, end: f.replacement.span.end + delta } } } : {}),
    });
  }
}

/** A copy of a chunk's tree with every span moved by `delta` (cached trees are shared between versions). */
export function shift(node: TreeNode, delta: number): TreeNode {
  const span = { start: node.span.start + delta, end: node.span.end + delta };
  switch (node.kind) {
    case 'scalar':
      return node.raw === undefined ? { kind: 'scalar', span, value: node.value } : { kind: 'scalar', span, value: node.value, raw: node.raw };
    case 'seq':
      return { kind: 'seq', span, items: node.items.map((i) => shift(i, delta)) };
    case 'map':
      return {
        kind: 'map',
        span,
        entries: node.entries.map((e) => ({ key: e.key, keySpan: { start: e.keySpan.start + delta, end: e.keySpan.end + delta }, value: shift(e.value, delta) })),
      };
  }
}
