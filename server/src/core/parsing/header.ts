import { documentKinds, DocumentKind } from './parse';
import { LineIndex } from '../text';

/**
 * Reads a top-level `key: value` of a document without parsing it: completion and the workspace
 * need the document's kind, guideline and sector on every request, and must stay fast on
 * standards of thousands of clauses. Authors put these keys at the top, but YAML dumpers sort
 * keys (`class, clauses, …, guideline, id, kijun, sector`), so after a quick look at the first
 * lines the whole text is searched with `indexOf`, line starts only. In Markdown only the front
 * matter counts: a prose line in the body that happens to read `sector: …` is not the header.
 */
export function headerValue(text: string, key: string, lines?: LineIndex): string | undefined {
  const limit = headerEnd(text);
  const head = text.slice(0, Math.min(limit, HEAD));
  const pattern = keyPattern(key);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(head); m; m = pattern.exec(head)) {
    const value = valueAfterKey(head, m.index + m[0].length);
    if (value !== null) return value || undefined;
  }
  if (limit <= HEAD) return undefined;
  // With the text's line index, only line starts are looked at: a key that is not there at all (most
  // standards have no `subsector:`) is then ruled out in a fraction of the time a search of every character takes.
  if (lines?.text === text) return headerValueAtLineStarts(text, key, lines, limit, pattern);
  // Only occurrences at the start of a line count (after LF, or CR in a file with CR-only line ends).
  for (let at = text.indexOf(key, HEAD - key.length); at >= 0 && at < limit; at = text.indexOf(key, at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    const value = valueOfLineAt(text, at, pattern);
    if (value !== null) return value || undefined;
  }
  return undefined;
}

function headerValueAtLineStarts(text: string, key: string, lines: LineIndex, limit: number, pattern: RegExp): string | undefined {
  const first = key.charCodeAt(0);
  const shapes = lines.lineShapes();
  const starts = lines.lineStartList();
  for (let line = lines.positionAt(HEAD - key.length).line; line < starts.length; line++) {
    // A top-level key's line is not indented, and is neither blank, a comment nor a list element.
    if (shapes[line] !== 0) continue;
    const at = starts[line];
    if (at >= limit) break;
    if (text.charCodeAt(at) !== first || at < HEAD - key.length || !text.startsWith(key, at)) continue;
    const value = valueOfLineAt(text, at, pattern);
    if (value !== null) return value || undefined;
  }
  return undefined;
}

export function documentKindOf(text: string): DocumentKind | undefined {
  const value = headerValue(text, 'kijun');
  return (documentKinds as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

/** The value of the `key:` line that starts at `at` (null when that line is not one). */
function valueOfLineAt(text: string, at: number, pattern: RegExp): string | null {
  const line = text.slice(at, lineEndAt(text, at));
  pattern.lastIndex = 0;
  const m = pattern.exec(line);
  return m && m.index === 0 ? valueAfterKey(line, m[0].length) : null;
}

function lineEndAt(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The first lines, where the header keys usually are. */
const HEAD = 4096;

const patterns = new Map<string, RegExp>();

/** `key:` (or `key：`) at the start of a line. The value is read by `valueAfterKey`, not by the regex. */
function keyPattern(key: string): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^\\ufeff?${key}[ \\t]*[:：]`, 'gm');
    patterns.set(key, pattern);
  }
  return pattern;
}

const isLineEnd = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * The value after `key:` that starts at `from`: blanks (U+3000 too), an optional quote, the text up to a
 * quote, `#` or the line's end, then only blanks and a comment. Null when the rest of the line is not of
 * that form. Read by hand: the regex it replaces (a lazy value before optional blanks) was quadratic on a
 * long line of spaces, and completion reads the header on every request.
 */
export function valueAfterKey(text: string, from: number): string | null {
  let at = from;
  while (isBlank(text[at]) || text[at] === '\u3000') at++;
  if (text[at] === '"' || text[at] === "'") at++;
  let end = at;
  while (!isLineEnd(text[end]) && text[end] !== '"' && text[end] !== "'" && text[end] !== '#') end++;
  if (text[end] !== '"' && text[end] !== "'") {
    // No closing quote: the blanks before a comment or the line's end are not part of the value.
    let trimmed = end;
    while (trimmed > at && isBlank(text[trimmed - 1])) trimmed--;
    return text.slice(at, trimmed);
  }
  let after = end + 1;
  while (isBlank(text[after])) after++;
  return isLineEnd(text[after]) || text[after] === '#' ? text.slice(at, end) : null;
}

/** Where the header may end: the closing fence of Markdown front matter, or the end of a YAML text. */
function headerEnd(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return text.length;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = start + 3;
  const m = close.exec(text);
  return m ? m.index + 1 : text.length;
}
