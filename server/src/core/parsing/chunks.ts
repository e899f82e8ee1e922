import { finding, Finding } from '../findings';
import { changedRange, changeFits, lineStartShape, Span, TextChange } from '../text';
import { MapEntry, MapNode, SeqNode, TreeNode } from './tree';

/**
 * Incremental parsing of long YAML documents. A standard of thousands of clauses is, in practice,
 * a few top-level keys and one long block list; re-parsing all of it on every keystroke costs
 * about 0.1 s per thousand clauses. So the text is cut into chunks (each top-level key, and each
 * element of a long top-level list), every chunk is parsed on its own, and the parse of a chunk
 * whose text did not change is reused from the previous version: an edit re-parses one clause.
 *
 * The cut itself is incremental too: the previous version's layout (its segments and their parses)
 * is compared with the new text from both ends, and when the edit lies inside the elements of one
 * list only those elements are cut again; the segments after it keep their parses, and their trees
 * move by the edit's length at the cost of one assignment each (`ChunkSpan`). Any other edit (a new
 * top-level key, a changed key line, an element out of step with its list) cuts the whole text again,
 * reusing every parse whose text is unchanged.
 *
 * Only plain documents are cut: anchors, aliases, tabs, directives, several documents, a line that
 * starts with an ideographic space (U+3000, a slip that would start a top-level block), a merge key
 * at the top level, or a root that is not a block mapping send the text to the whole-document
 * parser, which is always right.
 */

/**
 * A chunk parsed on its own. Its tree's spans are `ChunkSpan`s, relative to the chunk: `at` says where the
 * chunk stands now, and moving the chunk is setting `at`.
 */
export interface ParsedChunk {
  tree?: TreeNode;
  /** Findings with offsets relative to the chunk's start. */
  findings: Finding[];
  /** The document offset of the chunk's first character, which its tree's spans add to their own offsets. */
  at: number;
}

/**
 * One piece of the YAML text. The segments of a layout cover the text without gaps: the lines before
 * the first top-level key (`lead`: blank or comment lines), a top-level block parsed as one chunk
 * (`block`), the key line of a long list (`list-head`), and each element of that list (`element`).
 */
interface Segment {
  kind: 'lead' | 'block' | 'list-head' | 'element';
  start: number;
  end: number;
  text: string;
  /** `list-head`: the key, and the column of its elements' dashes. */
  key?: string;
  indent?: number;
  /** `element`: the head of its list. */
  head?: Segment;
  /** `block` and `element`. */
  parsed?: ParsedChunk;
}

/**
 * The chunks of one version, handed to the next. A chunk's tree belongs to one version at a time:
 * the next version moves it in place when the chunk moves, so a layout can be taken over only once.
 */
export class ChunkLayout {
  private taken = false;
  /** What the parse learnt of the whole text these chunks come from, for the next version (parse.ts). */
  textFacts?: TextFacts;

  constructor(
    /** The YAML text the segments cut. */
    readonly source: string,
    readonly base: number,
    private readonly segments: Segment[],
  ) {}

  static empty(): ChunkLayout {
    return new ChunkLayout('', 0, []);
  }

  /** The number of chunks parsed (blocks and list elements). */
  get size(): number {
    return this.segments.filter((s) => s.parsed).length;
  }

  values(): ParsedChunk[] {
    return this.segments.flatMap((s) => (s.parsed ? [s.parsed] : []));
  }

  /** The segments, for the next version; undefined once taken (a second taker parses afresh). */
  take(): Segment[] | undefined {
    if (this.taken || this.segments.length === 0) return undefined;
    this.taken = true;
    return this.segments;
  }
}

/** Facts about a whole document's text that the next version can update from its edit instead of searching for them. */
export interface TextFacts {
  length: number;
  carriageReturn: boolean;
}

/** Below this size the whole-document parse is fast enough, and simpler. */
export const CHUNKING_THRESHOLD = 16 * 1024;

const UNSAFE = /(?:^|[\s[{,])[&*!][^\s,\]}]|^(?:---|\.\.\.|%)|^\t|^[ ]*\t|^[?:](?:[ \t]|$)|^\u3000|^<</m;
const TOP_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(?:#.*)?$/;
const BLANK_OR_COMMENT_LINES = /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*$/;

/**
 * Parses `source` chunk by chunk with `parseChunk` (which parses a text on its own, offsets from 0),
 * reusing the previous version's layout where the text is unchanged. `change`, when the caller knows
 * it, says which part of the text differs from the previous version's; without it the two texts are
 * compared. Returns undefined when the text's shape is not one it can cut safely; the caller then
 * parses the whole text.
 */
export function parseInChunks(
  source: string,
  base: number,
  findings: Finding[],
  previous: ChunkLayout | undefined,
  parseChunk: (text: string) => { tree?: TreeNode; findings: Finding[] },
  change?: TextChange,
): { tree: TreeNode; layout: ChunkLayout } | undefined {
  if (source.length < CHUNKING_THRESHOLD) return undefined;
  const old = previous?.take();
  const parse = (text: string, at: number): ParsedChunk | undefined => {
    // A chunk that is not plain YAML makes the whole text unfit for cutting.
    if (UNSAFE.test(text)) return undefined;
    const result = parseChunk(text);
    const chunk: ParsedChunk = { tree: undefined, findings: result.findings, at };
    if (result.tree) chunk.tree = anchoredTree(result.tree, chunk);
    return chunk;
  };
  let segments: Segment[] | undefined | 'unsafe';
  if (old && previous) {
    segments = recutEdited(previous, old, source, base, parse, change);
    if (segments === undefined) segments = cutAll(source, base, parse, reusableParses(old));
  } else {
    segments = cutAll(source, base, parse, new Map());
  }
  if (segments === undefined || segments === 'unsafe') return undefined;
  const tree = assemble(segments, source, base, findings);
  return tree ? { tree, layout: new ChunkLayout(source, base, segments) } : undefined;
}

type ParseChunk = (text: string, at: number) => ParsedChunk | undefined;

/** The previous version's parses by text, each to be used once (a chunk belongs to one version at a time). */
function reusableParses(segments: Segment[]): Map<string, ParsedChunk[]> {
  const byText = new Map<string, ParsedChunk[]>();
  for (const segment of segments) {
    if (!segment.parsed) continue;
    const list = byText.get(segment.text);
    if (list) list.push(segment.parsed);
    else byText.set(segment.text, [segment.parsed]);
  }
  return byText;
}

/** A previous parse of `text` moved to `at`, or a new parse. */
function parseOrReuse(text: string, at: number, parse: ParseChunk, reuse: Map<string, ParsedChunk[]>): ParsedChunk | undefined {
  const earlier = reuse.get(text)?.pop();
  if (!earlier) return parse(text, at);
  moveChunk(earlier, at);
  return earlier;
}

/** Its tree's spans follow (`ChunkSpan`): nothing derived from the tree is touched. */
function moveChunk(parsed: ParsedChunk, at: number): void {
  parsed.at = at;
}

/** The whole text cut into segments; undefined when it cannot be cut, 'unsafe' when a piece is not plain YAML. */
function cutAll(source: string, base: number, parse: ParseChunk, reuse: Map<string, ParsedChunk[]>): Segment[] | undefined | 'unsafe' {
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
  const segments: Segment[] = [];
  const firstStart = starts[blocks[0].first];
  // The first significant line must be a top-level key, not a list, a flow collection or a quoted key.
  if (!BLANK_OR_COMMENT_LINES.test(source.slice(0, firstStart)) || /["'[{]/.test(source[firstStart])) return undefined;
  if (firstStart > 0) {
    const lead: Segment = { kind: 'lead', start: 0, end: firstStart, text: source.slice(0, firstStart) };
    if (UNSAFE.test(lead.text)) return 'unsafe';
    segments.push(lead);
  }
  for (const block of blocks) {
    const start = starts[block.first];
    const end = lineEnd(block.last);
    const key = TOP_KEY.exec(source.slice(start, lineEnd(block.first)).replace(/\r?\n$/, '').replace(/\r$/, ''));
    const elements = key ? listElements(source, starts, block.first + 1, block.last) : undefined;
    if (key && elements && elements.elements.length > 1) {
      const headEnd = elements.elements[0].start;
      const head: Segment = { kind: 'list-head', start, end: headEnd, text: source.slice(start, headEnd), key: key[1], indent: elements.indent };
      if (UNSAFE.test(head.text)) return 'unsafe';
      segments.push(head);
      for (const element of elements.elements) {
        const text = source.slice(element.start, element.end);
        const parsed = parseOrReuse(text, base + element.start, parse, reuse);
        if (!parsed) return 'unsafe';
        segments.push({ kind: 'element', start: element.start, end: element.end, text, head, parsed });
      }
    } else {
      const text = source.slice(start, end);
      const parsed = parseOrReuse(text, base + start, parse, reuse);
      if (!parsed) return 'unsafe';
      segments.push({ kind: 'block', start, end, text, parsed });
    }
  }
  return segments;
}

/**
 * The new layout when the edit lies inside the elements of one list: those elements (and their
 * neighbours, which an edit can merge or split) are cut again, the segments after them move.
 * Undefined when the edit is of another kind (the caller cuts the whole text), 'unsafe' when the
 * new text of a chunk is not plain YAML.
 */
function recutEdited(previous: ChunkLayout, old: Segment[], source: string, base: number, parse: ParseChunk, change?: TextChange): Segment[] | undefined | 'unsafe' {
  const range = sourceChange(previous, source, base, change);
  const delta = source.length - previous.source.length;
  // The previous layout is taken: its segments are this version's now, and move in place.
  const move = (segments: Segment[], by: number, from = 0, to = segments.length): void => {
    for (let i = from; i < to; i++) {
      const segment = segments[i];
      segment.start += by;
      segment.end += by;
      if (segment.parsed) moveChunk(segment.parsed, base + segment.start);
    }
  };
  if (range.start === range.oldEnd && range.start === range.newEnd) {
    // The same text (only the version changed, or an edit outside the YAML): every segment stays, moved if the YAML did.
    if (base !== previous.base) move(old, 0);
    return old;
  }
  let first = segmentAt(old, Math.max(0, range.start - 1));
  let last = segmentAt(old, Math.min(range.oldEnd, previous.source.length - 1));
  if (first < 0 || last < 0) return undefined;
  const head = old[first].head;
  if (!head) return undefined;
  // One more element on each side: deleting a dash merges an element into the one before it.
  if (first > 0 && old[first - 1].head === head) first--;
  if (last + 1 < old.length && old[last + 1].head === head) last++;
  for (let i = first; i <= last; i++) if (old[i].head !== head) return undefined;
  const regionStart = old[first].start;
  const regionEnd = old[last].end + delta;
  if (regionEnd < regionStart || regionEnd < range.newEnd) return undefined;
  const region = source.slice(regionStart, regionEnd);
  const elements = elementsOf(region, head.indent!);
  if (!elements) return undefined;
  // A list of one element is no longer cut (see cutAll). Its elements stand together, so another one is a neighbour of the region.
  const othersInList = (first > 0 && old[first - 1].head === head) || (last + 1 < old.length && old[last + 1].head === head);
  if (elements.length + (othersInList ? 1 : 0) <= 1) return undefined;
  const reuse = reusableParses(old.slice(first, last + 1));
  const recut: Segment[] = [];
  for (const element of elements) {
    const start = regionStart + element.start;
    const text = region.slice(element.start, element.end);
    const parsed = parseOrReuse(text, base + start, parse, reuse);
    if (!parsed) return 'unsafe';
    recut.push({ kind: 'element', start, end: regionStart + element.end, text, head, parsed });
  }
  if (base !== previous.base) move(old, 0, 0, first);
  move(old, delta, last + 1);
  // A new array: the previous layout keeps the list of its own segments (its trees have moved, its list has not).
  return old.slice(0, first).concat(recut, old.slice(last + 1));
}

/** The part of the YAML text that differs from the previous version's, as offsets into the source. */
function sourceChange(previous: ChunkLayout, source: string, base: number, change?: TextChange): TextChange {
  const oldLength = previous.source.length;
  if (change && base === previous.base) {
    const start = change.start - base;
    const oldEnd = change.oldEnd - base;
    const newEnd = change.newEnd - base;
    // An edit after the YAML (the Markdown body) leaves it as it was.
    if (start >= oldLength && oldLength === source.length) return { start: oldLength, oldEnd: oldLength, newEnd: oldLength };
    const relative = { start, oldEnd, newEnd };
    if (changeFits(relative, oldLength, source.length)) return relative;
  }
  return changedRange(previous.source, source);
}

/** The index of the segment holding `offset`. */
function segmentAt(segments: Segment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid].end <= offset) low = mid + 1;
    else if (segments[mid].start > offset) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** The root mapping from the segments' trees, and the chunks' findings moved to where the chunks stand. */
function assemble(segments: Segment[], source: string, base: number, findings: Finding[]): TreeNode | undefined {
  const firstBlock = segments.find((s) => s.kind !== 'lead');
  const root: MapNode = { kind: 'map', span: { start: base + (firstBlock?.start ?? 0), end: base + source.length }, entries: [] };
  const seenKeys = new Set<string>();
  const add = (entries: MapEntry[]): void => {
    for (const entry of entries) {
      if (seenKeys.has(entry.key)) {
        findings.push(finding('syntax.duplicate-key', 'error', entry.keySpan, { key: entry.key }));
        continue;
      }
      seenKeys.add(entry.key);
      root.entries.push(entry);
    }
  };
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'lead') continue;
    if (segment.kind === 'block') {
      const { tree } = segment.parsed!;
      addFindings(findings, segment.parsed!.findings, base + segment.start);
      if (!tree) continue;
      if (tree.kind !== 'map') return undefined;
      add(tree.entries);
      continue;
    }
    // A list: its head, then its elements, each of which must be one element of a list.
    const items: TreeNode[] = [];
    let j = i + 1;
    for (; j < segments.length && segments[j].head === segment; j++) {
      const element = segments[j];
      const { tree, findings: own } = element.parsed!;
      // Run for each of 20,000 clauses on every edit: most chunks have no findings, and an empty loop is not free.
      if (own.length > 0) addFindings(findings, own, base + element.start);
      if (tree?.kind !== 'seq' || tree.items.length !== 1) return undefined; // not one list element after all
      items.push(tree.items[0]);
    }
    const keySpan = { start: base + segment.start, end: base + segment.start + segment.key!.length };
    const dash = base + source.indexOf('-', segments[i + 1].start);
    const value: SeqNode = { kind: 'seq', span: { start: dash, end: items[items.length - 1].span.end }, items };
    add([{ key: segment.key!, keySpan, value }]);
    i = j - 1;
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
function listElements(source: string, starts: number[], first: number, last: number): { indent: number; elements: { start: number; end: number }[] } | undefined {
  let indent = -1;
  const elements: { start: number; end: number }[] = [];
  const end = (i: number): number => (i + 1 < starts.length ? starts[i + 1] : source.length);
  for (let i = first; i <= last; i++) {
    const line = lineStartShape(source, starts[i]);
    if (line.blank) {
      if (elements.length) elements[elements.length - 1].end = end(i);
      continue;
    }
    if (indent < 0) {
      if (!line.dash) return undefined;
      indent = line.indent;
    }
    if (line.indent === indent && line.dash) elements.push({ start: starts[i], end: end(i) });
    else if (line.indent > indent && elements.length) elements[elements.length - 1].end = end(i);
    else return undefined;
  }
  return { indent, elements };
}

/**
 * The elements of a region that starts with an element of a list whose dashes stand at `indent`,
 * as offsets into the region; undefined when a line of the region does not fit the list.
 */
function elementsOf(region: string, indent: number): { start: number; end: number }[] | undefined {
  const starts = lineStarts(region);
  const found = listElements(region, starts, 0, starts.length - 1);
  if (!found || found.indent !== indent || found.elements.length === 0 || found.elements[0].start !== 0) return undefined;
  return found.elements;
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

/**
 * A span of a chunk's tree: its offsets are relative to the chunk, and read as document offsets through the
 * chunk's `at`. Moving a chunk is then one assignment whatever its size, and everything derived from its tree
 * that holds these spans (a clause's model, its schema errors, the findings a lineage keeps) follows it.
 * Read-only: a span of a tree is never written, only read.
 */
class ChunkSpan implements Span {
  constructor(private readonly chunk: ParsedChunk, private readonly relativeStart: number, private readonly relativeEnd: number) {}

  get start(): number {
    return this.chunk.at + this.relativeStart;
  }

  get end(): number {
    return this.chunk.at + this.relativeEnd;
  }

  /** A report, a worker's answer or a test sees the document offsets, as of a plain span. */
  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/** A copy of a chunk's tree (offsets from the chunk's start) whose spans are the chunk's `ChunkSpan`s. Done once per chunk parse. */
function anchoredTree(node: TreeNode, chunk: ParsedChunk): TreeNode {
  const own = (from: Span): Span => new ChunkSpan(chunk, from.start, from.end);
  const span = own(node.span);
  switch (node.kind) {
    case 'scalar':
      return node.raw === undefined ? { kind: 'scalar', span, value: node.value } : { kind: 'scalar', span, value: node.value, raw: node.raw };
    case 'seq':
      return { kind: 'seq', span, items: node.items.map((item) => anchoredTree(item, chunk)) };
    case 'map':
      return {
        kind: 'map',
        span,
        entries: node.entries.map((e) => ({ key: e.key, keySpan: own(e.keySpan), value: anchoredTree(e.value, chunk) })),
        ...(node.heading !== undefined ? { heading: node.heading } : {}),
      };
  }
}
