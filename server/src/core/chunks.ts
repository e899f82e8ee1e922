import { finding, Finding } from './findings';
import { MapEntry, MapNode, SeqNode, TreeNode } from './tree';

/**
 * Incremental parsing of long YAML documents. A standard of thousands of clauses is, in practice,
 * a few top-level keys and one long block list; re-parsing all of it on every keystroke costs
 * about 0.1 s per thousand clauses. So the text is cut into chunks (each top-level key, and each
 * element of a long top-level list), every chunk is parsed on its own, and the parse of a chunk
 * whose text did not change is reused from the previous version: an edit re-parses one clause.
 *
 * Only plain documents are cut: anchors, aliases, tabs, directives, several documents or a root
 * that is not a block mapping send the text to the whole-document parser, which is always right.
 */

/** A chunk parsed on its own, with offsets relative to the chunk's start. */
export interface ParsedChunk {
  tree?: TreeNode;
  findings: Finding[];
}

/** Parses of the previous version's chunks, keyed by their text. */
export type ChunkCache = Map<string, ParsedChunk>;

/** Below this size the whole-document parse is fast enough, and simpler. */
export const CHUNKING_THRESHOLD = 16 * 1024;

const UNSAFE = /(?:^|[\s[{,])[&*!][^\s,\]}]|^(?:---|\.\.\.|%)|^\t|^[ ]*\t/m;
const TOP_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(?:#.*)?$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

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
  const lines = splitLines(source);
  // Top-level blocks: a line at column 0 that is neither blank, a comment, nor a list item starts one.
  const blocks: { first: number; last: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].text[0];
    if (c === undefined || c === ' ' || c === '#' || c === '-' || c === '\r') {
      if (blocks.length === 0) continue; // leading comments and blank lines
      blocks[blocks.length - 1].last = i;
      continue;
    }
    blocks.push({ first: i, last: i });
  }
  if (blocks.length === 0) return undefined;

  const use = (text: string): ParsedChunk => {
    const parsed = next.get(text) ?? previous?.get(text) ?? parseChunk(text);
    next.set(text, parsed);
    return parsed;
  };
  const root: MapNode = { kind: 'map', span: { start: base + lines[blocks[0].first].start, end: base + source.length }, entries: [] };
  const seenKeys = new Set<string>();

  for (const block of blocks) {
    const header = lines[block.first];
    const start = header.start;
    const end = lines[block.last].end;
    const key = TOP_KEY.exec(header.text.replace(/\r$/, ''));
    const elements = key ? listElements(lines, block.first + 1, block.last) : undefined;
    let entries: MapEntry[];
    if (key && elements && elements.length > 1) {
      const items: TreeNode[] = [];
      for (const element of elements) {
        const text = source.slice(element.start, element.end);
        const parsed = use(text);
        addFindings(findings, parsed.findings, base + element.start);
        const seq = parsed.tree;
        if (seq?.kind !== 'seq' || seq.items.length !== 1) return undefined; // not one list element after all
        items.push(shift(seq.items[0], base + element.start));
      }
      const keySpan = { start: base + start, end: base + start + key[1].length };
      const dash = base + source.indexOf('-', elements[0].start);
      const value: SeqNode = { kind: 'seq', span: { start: dash, end: items[items.length - 1].span.end }, items };
      entries = [{ key: key[1], keySpan, value }];
    } else {
      const parsed = use(source.slice(start, end));
      addFindings(findings, parsed.findings, base + start);
      if (!parsed.tree) continue;
      if (parsed.tree.kind !== 'map') return undefined;
      entries = (shift(parsed.tree, base + start) as MapNode).entries;
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

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    lines.push({ start, end: Math.min(end + 1, source.length), text: source.slice(start, end) });
    if (end >= source.length) break;
    start = end + 1;
  }
  return lines;
}

/**
 * The elements of a block list that forms the body of lines first..last: each starts with `- `
 * at one indentation, every other significant line is deeper. Undefined when the body is not that.
 */
function listElements(lines: Line[], first: number, last: number): { start: number; end: number }[] | undefined {
  let indent = -1;
  const elements: { start: number; end: number }[] = [];
  for (let i = first; i <= last; i++) {
    const text = lines[i].text.replace(/\r$/, '');
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (elements.length) elements[elements.length - 1].end = lines[i].end;
      continue;
    }
    const lineIndent = text.length - trimmed.length;
    if (indent < 0) {
      if (!trimmed.startsWith('- ') && trimmed !== '-') return undefined;
      indent = lineIndent;
    }
    if (lineIndent === indent && (trimmed.startsWith('- ') || trimmed === '-')) {
      elements.push({ start: lines[i].start, end: lines[i].end });
    } else if (lineIndent > indent && elements.length) {
      elements[elements.length - 1].end = lines[i].end;
    } else {
      return undefined;
    }
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
      return { kind: 'scalar', span, value: node.value };
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
