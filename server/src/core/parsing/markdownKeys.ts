import { Span } from '../text';
import { ScalarNode } from './tree';

/**
 * The `covers:` and `threats:` lines of Markdown clauses, one line at a time. The Markdown reader
 * and completion share these rules, so that what completion offers is what the checker reads.
 */

export type ClauseKey = 'covers' | 'threats';

/** The keys that may stand on the lines directly under a clause heading, with their Japanese aliases. */
export const clauseKeys: Record<string, ClauseKey> = {
  covers: 'covers',
  対応指針: 'covers',
  threats: 'threats',
  脅威: 'threats',
};

/**
 * Item ids never contain a comma of any kind, so `covers:` splits on all three. Threat labels of
 * the bundled guidelines contain 「、」 (大規模な操作・設定ミス、バグ、…), so `threats:` splits on
 * "," and "，" only; the threat check explains a 「、」 that joins several threats.
 */
const SEPARATORS: Record<ClauseKey, RegExp> = { covers: /[,、，]/, threats: /[,，]/ };

export function separatorOf(key: ClauseKey): RegExp {
  return SEPARATORS[key];
}

/** A line that has the shape `key: value`, after any quote markers, list bullet and emphasis. */
export interface KeyLine {
  /** The key as written, without emphasis, and where it starts in the line. */
  rawKey: string;
  keyStart: number;
  /** The clause key it names, when it names one (case-insensitive). */
  key?: ClauseKey;
  /** The text after the colon, and where it starts in the line. */
  value: string;
  valueStart: number;
  /** Whether the line begins a list item (`- covers: …`). */
  bullet: boolean;
}

const PREFIX = /^(?:[ \t]*>[ \t]?)*[ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
const EMPHASIS = '(\\*\\*|__|\\*|_)';
// `key:`, `**key**:` or `**key:**`, with an ASCII or full-width colon.
const KEY = new RegExp(`^${EMPHASIS}?([^\\s:：*_\`]{1,20})${EMPHASIS}?[ \\t]*[:：]${EMPHASIS}?[ \\t]*`);

/** Reads a line as `key: value`, or returns undefined when it has no such shape. */
export function readKeyLine(line: string): KeyLine | undefined {
  // Most lines of a standard are prose without a colon: the cheap test first (this runs on every paragraph line).
  if (!line.includes(':') && !line.includes('：')) return undefined;
  const prefix = PREFIX.exec(line)!;
  const m = KEY.exec(line.slice(prefix[0].length));
  if (!m) return undefined;
  const [, open, rawKey, closeBeforeColon, closeAfterColon] = m;
  if (!emphasisCloses(open, closeBeforeColon, closeAfterColon)) return undefined;
  const keyStart = prefix[0].length + (open?.length ?? 0);
  const valueStart = prefix[0].length + m[0].length;
  return {
    rawKey,
    keyStart,
    key: clauseKeys[rawKey] ?? clauseKeys[rawKey.toLowerCase()],
    value: line.slice(valueStart),
    valueStart,
    bullet: prefix[1] !== undefined,
  };
}

/** Emphasis closes once, as it opened: `**covers**:` or `**covers:**`, never half of it. */
function emphasisCloses(open: string | undefined, beforeColon: string | undefined, afterColon: string | undefined): boolean {
  if (!open) return !beforeColon && !afterColon;
  return (beforeColon === open && !afterColon) || (afterColon === open && !beforeColon);
}

/** Where a list item's text begins on a line (`- A-1`), or undefined when the line begins no list item. */
export function bulletTextStart(line: string): number | undefined {
  const prefix = PREFIX.exec(line)!;
  return prefix[1] === undefined ? undefined : prefix[0].length;
}

/**
 * How a key line ends: complete; with a separator or inside an open bracket (`covers: A-1,`,
 * `covers: [A-1, A-2`: the values go on on the next line); or with no value at all (`covers:`: the
 * values follow as list items).
 */
export type ValueEnding = 'complete' | 'separator' | 'empty';

/** The values of a key line, each with its span, and how the line ends. */
export function readValues(value: string, base: number, key: ClauseKey): { values: ScalarNode[]; ending: ValueEnding } {
  // Blanking (rather than cutting) comments, brackets and a trailing hard break keeps every offset.
  let text = value.includes('<!--') ? value.replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length)) : value;
  if (text.includes('\\')) text = text.replace(/\\[ \t]*$/, (c) => ' '.repeat(c.length));
  // `[A-1, A-2]`, also across lines (`[A-1,` … `A-2]`): the brackets enclose the list, they are no part of a value.
  const opening = /^[ \t]*[[［]/.exec(text);
  if (opening) text = `${' '.repeat(opening[0].length)}${text.slice(opening[0].length)}`;
  const closing = /[\]］][ \t]*$/.exec(text);
  if (closing) text = `${text.slice(0, closing.index)}${' '.repeat(closing[0].length)}`;
  const separator = separatorOf(key);
  const values: ScalarNode[] = [];
  let start = 0;
  for (const part of text.split(separator)) {
    const value = unquoted(part);
    if (value.text) {
      const at = base + start + value.offset;
      values.push({ kind: 'scalar', span: { start: at, end: at + value.text.length }, value: value.text });
    }
    start += part.length + 1;
  }
  const trimmed = text.trimEnd();
  const ending = closing ? 'complete' : opening || (trimmed !== '' && separator.test(trimmed[trimmed.length - 1])) ? 'separator' : trimmed === '' ? 'empty' : 'complete';
  return { values, ending };
}

/** A value without the spaces, backticks or quotes around it, and where it starts in `part`. */
function unquoted(part: string): { text: string; offset: number } {
  const trimmed = part.trim();
  let offset = part.indexOf(trimmed);
  let text = trimmed;
  const quoted = /^[`"']/.test(trimmed) ? /^([`"'])(.*)\1$/.exec(trimmed) : null;
  if (quoted && quoted[2].trim()) {
    text = quoted[2].trim();
    offset += 1 + quoted[2].indexOf(text);
  }
  return { text, offset };
}

export function spanOf(values: ScalarNode[], fallback: Span): Span {
  return values.length ? { start: values[0].span.start, end: values[values.length - 1].span.end } : fallback;
}
