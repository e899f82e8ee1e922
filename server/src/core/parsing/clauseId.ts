/**
 * Clause ids as standards write them, and which heading texts begin with one. The Markdown reader
 * (which headings are clauses) and completion (is the cursor under a clause heading?) share this
 * definition, and so does highlighting (the semantic tokens of `core/editor/semanticTokens.ts` come
 * from the parsed clauses); `schemas/standard.schema.json` (`clauseId`) restates it as a pattern for
 * YAML ids, and tests hold the two together.
 *
 * The accepted forms:
 * - letters and digits joined by single "." or "-": `S-1.1`, `3.2.1`, `1.2`, with at least one digit;
 *   full-width letters, digits, "．" and "－" too (`ＳＢ－１`), compared after NFKC;
 * - up to three kanji before the digits, as FISC numbers its criteria: `運1`, `技12`, `設1-2`;
 * - an article number: `第1条`, `第十二条`, `第3条の2`.
 */

const DIGIT = '0-9\\uFF10-\\uFF19';
const ALNUM = `A-Za-z${DIGIT}\\uFF21-\\uFF3A\\uFF41-\\uFF5A`;
const JOINER = '.\\-\\uFF0E\\uFF0D';
/** CJK ideographs (the unified block, extension A, compatibility ideographs) and the repetition mark 々. */
const KANJI = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3005';
const NUMBER = `(?:[${DIGIT}]+|[〇一二三四五六七八九十百千]+)`;
const SEGMENTS = `[${ALNUM}]+(?:[${JOINER}][${ALNUM}]+)*`;

const ID_FORMS = [
  `第${NUMBER}条(?:の${NUMBER})*`,
  `[${KANJI}]{1,3}[${DIGIT}]+(?:[${JOINER}][${ALNUM}]+)*`,
  SEGMENTS,
].join('|');

/** Emphasis around the id (`**S-4** 目的`) or around the whole heading (`**S-4 目的**`). */
const EMPHASIS = '\\*\\*|__|\\*|_';
const SPACE = '[ \\t\\u00A0\\u3000]';

/**
 * A heading text that begins with a clause id: the id, then the end of the text, white space, a
 * colon or a full stop (`S-1: 目的`, `S-2．目的`; a trailing "." is punctuation, not part of the
 * id), or an opening bracket that begins the title (`第1条（目的）`).
 */
// The id is matched inside a lookahead and then consumed by a back-reference: that makes it atomic,
// so that `S-1.1目的` is no clause rather than the clause `S-1` titled `1目的`.
const HEADING_ID = new RegExp(`^(${EMPHASIS})?(?=(${ID_FORMS}))\\2(\\1)?(?=$|${SPACE}|[:：.．（(【「［\\[])[:：.．]?${SPACE}*`, 'u');
const HAS_DIGIT = new RegExp(`[${DIGIT}]|^第`, 'u');

/** Where the id and the title lie in a heading's text (offsets into that text). */
export interface HeadingParts {
  id: { start: number; end: number };
  /** Absent when the heading holds the id alone. */
  title?: { start: number; end: number };
}

/** The clause id and title of a heading text, or undefined when the text does not begin with a clause id. */
export function clauseHeadingParts(text: string): HeadingParts | undefined {
  const m = HEADING_ID.exec(text);
  if (!m || !HAS_DIGIT.test(m[2])) return undefined;
  const emphasis = m[1];
  const idStart = emphasis?.length ?? 0;
  const id = { start: idStart, end: idStart + m[2].length };
  let titleEnd = text.length;
  if (emphasis && m[3] === undefined) {
    // The emphasis opens before the id and closes at the end of the heading: `**S-4 目的**`.
    if (!text.endsWith(emphasis) || text.length - emphasis.length < m[0].length) return undefined;
    titleEnd -= emphasis.length;
  }
  while (titleEnd > m[0].length && /\s/.test(text[titleEnd - 1])) titleEnd--;
  return titleEnd > m[0].length ? { id, title: { start: m[0].length, end: titleEnd } } : { id };
}

/** The text of an ATX heading line (`## S-1 目的 ##` gives `S-1 目的`), or undefined for any other line. */
export function atxHeadingText(line: string): string | undefined {
  // The opening run, then a blank or the end. The rest is trimmed by hand: a lazy text before optional
  // blanks, or blanks before a closing run, was quadratic on a long line of spaces (test/core/redos.test.ts).
  const m = /^ {0,3}#{1,6}(?=[ \t]|$)/.exec(line);
  if (!m || /[\n\r\u2028\u2029]/.test(line)) return undefined;
  let start = m[0].length;
  let end = line.length;
  while (start < end && isBlank(line[start])) start++;
  while (end > start && isBlank(line[end - 1])) end--;
  // A closing run of "#" needs a blank before it (or is all there is), as in CommonMark.
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || isBlank(line[hashes - 1]))) end = hashes;
  return line.slice(start, end).trim();
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t';
