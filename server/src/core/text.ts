/** A half-open range of UTF-16 code-unit offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** A string value together with where it stands in the source. */
export interface Located<T = string> {
  value: T;
  span: Span;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** 0-based line and UTF-16 character, the same convention as LSP positions. */
export interface LineCol {
  line: number;
  character: number;
}

/**
 * Where two versions of a text differ: `start..oldEnd` of the old text became `start..newEnd` of the
 * new one; what lies before `start` and after the ends is the same in both.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The change between two texts, found from both ends. The texts are compared in blocks with the
 * engine's own string comparison (a block twice as long each time it matches), which reads a
 * 10 MiB text in a few milliseconds where a loop over its characters takes ten times as long.
 */
export function changedRange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  for (let step = 4096; prefix < shorter;) {
    const end = Math.min(shorter, prefix + step);
    if (after.startsWith(before.slice(prefix, end), prefix)) {
      prefix = end;
      step *= 2;
    } else if (end - prefix <= 64) {
      while (prefix < end && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
      break;
    } else step = (end - prefix) >> 1;
  }
  const room = shorter - prefix;
  let suffix = 0;
  for (let step = 4096; suffix < room;) {
    const end = Math.min(room, suffix + step);
    if (after.endsWith(before.slice(before.length - end, before.length - suffix), after.length - suffix)) {
      suffix = end;
      step *= 2;
    } else if (end - suffix <= 64) {
      while (suffix < end && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
      break;
    } else step = (end - suffix) >> 1;
  }
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * Whether `change` can describe how a text of `beforeLength` became one of `afterLength`: its offsets in order,
 * inside both texts, and the part after it as long in both. An editor's word that does not fit is not used.
 */
export function changeFits(change: TextChange, beforeLength: number, afterLength: number): boolean {
  return change.start >= 0 && change.start <= change.oldEnd && change.start <= change.newEnd
    && change.oldEnd <= beforeLength && change.newEnd <= afterLength && beforeLength - change.oldEnd === afterLength - change.newEnd;
}

/** `LineIndex.lineShape`: the indentation's bits, and the two flags. */
export const LINE_INDENT_MASK = 0x3fff;
export const LINE_BLANK = 0x4000;
export const LINE_DASH = 0x8000;

/**
 * How the line that starts at `start` begins: its indentation in spaces; whether it is blank or a comment (nothing
 * but spaces before a line break, the end of the text or `#`); whether its content is a list dash (`- `, or `-`
 * at the end of the line). The chunk cutter, the line index's shapes and the cursor's walk all read lines so.
 */
export function lineStartShape(text: string, start: number): { indent: number; blank: boolean; dash: boolean } {
  let at = start;
  while (text.charCodeAt(at) === 32) at++;
  const indent = at - start;
  const c = text.charCodeAt(at);
  if (Number.isNaN(c) || c === 10 || c === 13 || c === 35 /* # */) return { indent, blank: true, dash: false };
  const next = text.charCodeAt(at + 1);
  return { indent, blank: false, dash: c === 45 /* - */ && (next === 32 || next === 10 || next === 13 || Number.isNaN(next)) };
}

/** The index of the first element of the ascending `list` that is at least `value` (the length when none is). */
function firstAtLeast(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Maps offsets to line/column. Built once per text (or from the previous version's index and the
 * change, in time proportional to the number of lines rather than of characters); lookups are a
 * binary search so that converting thousands of findings stays cheap.
 */
export class LineIndex {
  /** Line starts in a typed array: the next version's index copies the unchanged parts as blocks of memory. */
  private readonly lineStarts: Int32Array;

  constructor(readonly text: string, lineStarts?: Int32Array) {
    this.lineStarts = lineStarts ?? Int32Array.from(LineIndex.scan(text, 0, text.length, [0]));
  }

  /** The line starts after a line break found in text[from, to), appended to `starts`. */
  private static scan(text: string, from: number, to: number, starts: number[]): number[] {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  /**
   * The index of `text`, which is `previous.text` with `change` applied. Line starts before the
   * change are kept, those after it move by the change's length, and only the changed characters
   * (and the one before them, which may be a CR that an inserted LF joins) are scanned. The kept
   * parts are found by binary search and copied as blocks; only the moved starts are added to one by one.
   */
  static afterChange(previous: LineIndex, text: string, change: TextChange): LineIndex {
    const old = previous.lineStarts;
    const delta = change.newEnd - change.oldEnd;
    // A line start L stands after a LF, or after a CR that no LF follows: it depends on the characters at L - 1 and L.
    // Those before the change stay where they were, those after it move by the change's length.
    const keptBefore = Math.max(1, firstAtLeast(old, change.start));
    const scanned = LineIndex.scan(text, Math.max(0, change.start - 1), change.newEnd, []);
    const last = scanned.length > 0 ? scanned[scanned.length - 1] : old[keptBefore - 1];
    let tail = firstAtLeast(old, change.oldEnd + 1);
    while (tail < old.length && old[tail] + delta <= last) tail++;
    const keptAfter = old.length - tail;
    const starts = new Int32Array(keptBefore + scanned.length + keptAfter);
    starts.set(old.subarray(0, keptBefore));
    starts.set(scanned, keptBefore);
    for (let i = 0, at = keptBefore + scanned.length; i < keptAfter; i++, at++) starts[at] = old[tail + i] + delta;
    const index = new LineIndex(text, starts);
    if (previous.shapesCache) index.shapesCache = LineIndex.carriedShapes(previous.shapesCache, index, keptBefore - 1, keptAfter);
    return index;
  }

  /**
   * The shapes of `index`'s lines from those of the previous version: the lines wholly before the change
   * (`before` of them) and the `after` lines that start after it keep their shapes; those between are read.
   */
  private static carriedShapes(old: Uint16Array, index: LineIndex, before: number, after: number): Uint16Array {
    const count = index.lineStarts.length;
    const shapes = new Uint16Array(count);
    shapes.set(old.subarray(0, before));
    if (after > 0) shapes.set(old.subarray(old.length - after), count - after);
    for (let line = before; line < count - after; line++) shapes[line] = index.readShape(line);
    return shapes;
  }

  private shapesCache?: Uint16Array;

  /**
   * The shape of a line: its indentation in spaces (at most `LINE_INDENT_MASK`), whether it is blank or a
   * comment (`LINE_BLANK`) and whether its content starts with a list dash (`LINE_DASH`). Read once per
   * text and then carried to the next version's index by difference, so that completion can walk up
   * the structure of a document of 20,000 clauses without reading its lines again.
   */
  lineShape(line: number): number {
    return this.lineShapes()[line];
  }

  /** Every line's shape (`lineShape`), for loops over many lines; not to be written to. */
  lineShapes(): Uint16Array {
    if (!this.shapesCache) {
      const shapes = new Uint16Array(this.lineStarts.length);
      for (let i = 0; i < shapes.length; i++) shapes[i] = this.readShape(i);
      this.shapesCache = shapes;
    }
    return this.shapesCache;
  }

  /** Every line's start, for loops over many lines; not to be written to. */
  lineStartList(): Int32Array {
    return this.lineStarts;
  }

  private readShape(line: number): number {
    const { indent, blank, dash } = lineStartShape(this.text, this.lineStarts[line]);
    const capped = Math.min(indent, LINE_INDENT_MASK);
    return blank ? capped | LINE_BLANK : dash ? capped | LINE_DASH : capped;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /**
   * The position of an offset. An offset between the CR and the LF of a line break (the end of a span that
   * covers the CR, as a parser error at an empty CRLF line does) is no position of the line: it becomes the
   * line's end, where an editor puts it too, rather than a character past the line.
   */
  positionAt(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  /** The offset of a position; one outside the text (a line past the end, a character past the line, negative) is clamped into it. */
  offsetAt(position: LineCol): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    return Math.max(start, Math.min(start + position.character, this.lineEnd(position.line)));
  }
}

/**
 * The form in which names are compared: NFKC (so half-width and full-width variants match),
 * trimmed, with runs of white space folded, and ASCII letters lower-cased.
 */
export function normalizeName(value: string): string {
  // Ids are mostly printable ASCII without spaces, which NFKC leaves as they are: skip the costly part.
  if (/^[\x21-\x7e]*$/.test(value)) return value.toLowerCase();
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so
 * that `titel` is one edit from `title`. Bounded: returns `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `value`, if it is close enough to be a plausible typo: within a third
 * of the longer string's length (at least 1 edit, at most 4). Candidates are compared normalised.
 * Also returns which of the candidate's names matched, so a suggestion can keep the form written.
 */
export function closestMatch<T>(value: string, candidates: Iterable<T>, keys: (c: T) => string[]): { candidate: T; name: string } | undefined {
  const wanted = normalizeName(value);
  if (wanted.length === 0) return undefined;
  let best: { candidate: T; name: string } | undefined;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const candidate of candidates) {
    for (const key of keys(candidate)) {
      const normalizedKey = normalizeName(key);
      const limit = Math.min(4, Math.max(1, Math.floor(Math.max(wanted.length, normalizedKey.length) / 3)));
      const distance = editDistance(wanted, normalizedKey, limit);
      if (distance <= limit && distance < bestDistance) {
        best = { candidate, name: key };
        bestDistance = distance;
      }
    }
  }
  return best;
}

export function closest<T>(value: string, candidates: Iterable<T>, keys: (c: T) => string[]): T | undefined {
  return closestMatch(value, candidates, keys)?.candidate;
}

/** Length of a string in UTF-8 bytes, without Node's Buffer (the core runs anywhere). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The text on one line: every run of white space that holds a line break becomes one space (other white space is
 * kept as written). Scanned by hand, in one pass: the regular expression `\s*\n\s*` backtracks quadratically on a
 * long run of spaces without a line break (test/core/redos.test.ts).
 */
export function joinLines(text: string): string {
  let result = '';
  let run = '';
  let runHasBreak = false;
  for (const char of text) {
    if (WHITE_SPACE.test(char)) {
      run += char;
      if (char === '\n') runHasBreak = true;
      continue;
    }
    result += runHasBreak ? ' ' : run;
    run = '';
    runHasBreak = false;
    result += char;
  }
  return result + (runHasBreak ? ' ' : run);
}

const WHITE_SPACE = /^\s$/u;
