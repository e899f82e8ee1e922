import { PLACEHOLDER_REASONS } from '../analysis/checks/standard';
import { Replacement } from '../findings';
import { findFrontMatter } from '../parsing/markdown';
import { ParsedDocument } from '../parsing/parse';
import { Span } from '../text';
import { child, entry, TreeNode } from '../parsing/tree';
import { Workspace } from '../analysis/workspace';
import { PLACEHOLDER_TEXT, yamlScalar } from './snippets';

export { PLACEHOLDER_TEXT };

/**
 * Edits behind the coverage quick fixes: a clause stub that covers an item, or an exclusion with
 * a reason placeholder. They are computed from the parsed document and written the way the
 * document already writes its entries — the indentation and the blank lines between entries of
 * the list, block or flow mappings in YAML; in Markdown the heading level, the key word (`covers:`
 * or `対応指針:`) and the blank lines of the last clause — and they say which part of the new text
 * to select once applied: the placeholder the author replaces first. Nothing is applied here.
 */

/** A quick fix's edit and, within its new text, the placeholder to select once it is applied. */
export interface StubEdit extends Replacement {
  select?: Span;
}

export function addClauseEdit(workspace: Workspace, uri: string, itemId: string): StubEdit | undefined {
  const parsed = workspace.parsed(uri);
  const model = workspace.model(uri);
  const item = workspace.catalogFor(uri)?.item(itemId);
  if (!parsed?.root || model?.kind !== 'standard' || !item) return undefined;
  const id = nextClauseId(model.clauses.map((c) => c.id?.value).filter((v): v is string => !!v));
  const title = item.title?.value ?? item.id.value;
  if (parsed.format === 'markdown' && parsed.markdownClauses.length > 0) return markdownClauseStub(parsed, id, title, item.id.value);
  if (parsed.format === 'markdown') {
    const text = parsed.text;
    const trimmed = text.slice(0, endOfContent(text));
    // After an unclosed code fence or comment the new heading would be code or comment: close it first.
    const close = parsed.markdownOpenAtEnd ? `\n${parsed.markdownOpenAtEnd}` : '';
    return selecting(text, { span: { start: trimmed.length, end: text.length }, newText: `${close}\n\n## ${id} ${title}\ncovers: ${item.id.value}\n\n${PLACEHOLDER_TEXT}\n` }, PLACEHOLDER_TEXT);
  }
  const edit = appendListEntry(parsed, 'clauses', [['id', yamlScalar(id)], ['title', yamlScalar(title)], ['covers', `[${item.id.value}]`], ['text', PLACEHOLDER_TEXT]]);
  return edit && selecting(parsed.text, edit, PLACEHOLDER_TEXT);
}

export function addExclusionEdit(workspace: Workspace, uri: string, itemId: string): StubEdit | undefined {
  const parsed = workspace.parsed(uri);
  const item = workspace.catalogFor(uri)?.item(itemId);
  if (!parsed?.root || !item) return undefined;
  const edit = appendListEntry(parsed, 'exclusions', [['item', item.id.value], ['reason', PLACEHOLDER_REASONS[0]]]);
  return edit && selecting(parsed.text, edit, PLACEHOLDER_REASONS[0]);
}

/**
 * A new clause section after the last one, written like it: its heading level, the blank lines
 * before its heading and between the heading and its key lines, and its key word for covers.
 */
function markdownClauseStub(parsed: ParsedDocument, id: string, title: string, itemId: string): StubEdit {
  const text = parsed.text;
  const clauses = parsed.markdownClauses;
  const last = clauses[clauses.length - 1];
  const covers = last.node.entries.find((e) => e.key === 'covers');
  const keyWord = covers && covers.keySpan.end <= covers.value.span.start ? text.slice(covers.keySpan.start, covers.keySpan.end) : 'covers';
  const headingGap = covers ? blankLinesBetween(text, last.heading.end, covers.keySpan.start) : 0;
  const previousEnd = clauses.length > 1 ? clauses[clauses.length - 2].section.end : last.heading.start;
  const sectionGap = Math.max(1, blankLinesBetween(text, trimmedEnd(text, previousEnd, 0), last.heading.start));
  const trimmed = trimmedEnd(text, text.length, 0);
  // After an unclosed code fence or comment the new heading would be code or comment: close it first.
  const close = parsed.markdownOpenAtEnd ? `\n${parsed.markdownOpenAtEnd}` : '';
  const newText = `${close}\n${'\n'.repeat(sectionGap)}${'#'.repeat(last.level)} ${id} ${title}\n${'\n'.repeat(headingGap)}${keyWord}: ${itemId}\n\n${PLACEHOLDER_TEXT}\n`;
  return selecting(text, { span: { start: trimmed, end: text.length }, newText }, PLACEHOLDER_TEXT);
}

/** The number of blank lines between the line that ends at or before `from` and the line of `to`. */
function blankLinesBetween(text: string, from: number, to: number): number {
  const between = text.slice(from, lineStartOf(text, to));
  return Math.max(0, (between.match(/\n/g)?.length ?? 0) - 1);
}

/** `end` moved back over trailing white space, not before `floor`. */
function trimmedEnd(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}

/** The edit with its line ends made the document's, and the last occurrence of `placeholder` in it selected. */
function selecting(text: string, edit: Replacement, placeholder: string): StubEdit {
  const own = withLineEnds(text, edit);
  const at = own.newText.lastIndexOf(placeholder);
  return at < 0 ? own : { ...own, select: { start: at, end: at + placeholder.length } };
}

/**
 * The end of a text without its final line ends. Scanned by hand: `/(\r?\n)+$/` retries every run of
 * line ends in the text and is quadratic on a long one (test/core/redos.test.ts).
 */
function endOfContent(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end -= text.charCodeAt(end - 2) === 13 ? 2 : 1;
  return end;
}

/** Increments the number at the end of the last clause id (S-1.9 → S-1.10, 第3条 → 第4条), avoiding ids in use. */
export function nextClauseId(existing: string[]): string {
  const taken = new Set(existing);
  const last = existing[existing.length - 1] ?? '';
  const suffix = last.endsWith('条') ? '条' : '';
  const body = last.slice(0, last.length - suffix.length);
  // The digits at the end, found by hand: `/^(.*?)(\d+)$/` is quadratic on a long id of digits.
  let digits = body.length;
  while (digits > 0 && body.charCodeAt(digits - 1) >= 48 && body.charCodeAt(digits - 1) <= 57) digits--;
  const numbered = digits < body.length;
  const prefix = numbered ? body.slice(0, digits) : 'S-';
  const end = numbered ? suffix : '';
  // A bigint: the number of a long id (pasted digits) stays exact instead of becoming "Infinity".
  let n = numbered ? BigInt(body.slice(digits)) + 1n : 1n;
  while (taken.has(`${prefix}${n}${end}`)) n++;
  return `${prefix}${n}${end}`;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Inserted text follows the document's line ends (CRLF files stay CRLF). */
function withLineEnds(text: string, edit: Replacement): Replacement {
  return text.includes('\r\n') ? { ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') } : edit;
}

/**
 * Appends a mapping of `pairs` to the top-level list `key`, written like its last entry: after it
 * at the same indentation, with as many blank lines as stand between the entries before it, as a
 * flow mapping (`- {item: …, reason: …}`) when that is how it is written. Without the list, the key
 * is added at the end of the YAML (the front matter, in Markdown).
 */
function appendListEntry(parsed: ParsedDocument, key: string, pairs: [string, string][]): Replacement | undefined {
  const text = parsed.text;
  const root = parsed.root as TreeNode;
  const list = child(root, key);
  const block = (indent: string, keyColumn: number): string =>
    pairs.map(([k, v], i) => (i === 0 ? `${indent}- ${k}: ${v}` : `${' '.repeat(keyColumn)}${k}: ${v}`)).join('\n');
  if (list?.kind === 'seq' && list.items.length > 0 && text.charCodeAt(list.span.start) !== 91 /* [ */) {
    const items = list.items;
    const last = items[items.length - 1];
    const lineStart = lineStartOf(text, last.span.start);
    const dash = Math.max(0, text.slice(lineStart, last.span.start).indexOf('-'));
    const indent = ' '.repeat(dash);
    // The element's span may run past its last line; insert right after its last character.
    const end = trimmedEnd(text, last.span.end, last.span.start);
    const gap = items.length > 1 ? blankLinesBetween(text, trimmedEnd(text, items[items.length - 2].span.end, 0), last.span.start) : 0;
    const entryText = text.charCodeAt(last.span.start) === 123 /* { */
      ? `${indent}- {${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`
      : block(indent, last.kind === 'map' && last.entries.length > 0 ? last.entries[0].keySpan.start - lineStart : dash + 2);
    return { span: { start: end, end }, newText: `\n${'\n'.repeat(gap)}${entryText}` };
  }
  const keyEntry = entry(root, key);
  if (keyEntry) {
    // `key:` with nothing (or `~`, `null`), or an empty flow list: replace the value with a block list.
    if ((keyEntry.value.kind === 'scalar' && keyEntry.value.value === null) || (keyEntry.value.kind === 'seq' && keyEntry.value.items.length === 0)) {
      const colon = text.indexOf(':', keyEntry.keySpan.end);
      if (colon < 0) return undefined;
      const start = colon + 1;
      const end = Math.max(start, keyEntry.value.span.start >= start ? keyEntry.value.span.end : start);
      return { span: { start, end }, newText: `\n${block('  ', 4)}` };
    }
    return undefined;
  }
  const frontMatter = parsed.format === 'markdown' ? findFrontMatter(text) : undefined;
  const at = frontMatter ? frontMatter.content.end : text.length;
  const before = text.slice(0, at);
  const gap = before.length === 0 || before.endsWith('\n') ? '' : '\n';
  return { span: { start: at, end: at }, newText: `${gap}${key}:\n${block('  ', 4)}\n` };
}

/**
 * Removes the exclusion of an item (for an item a clause covers anyway): its whole list element, or
 * the whole `exclusions:` key when it was the only one, so that the document stays valid.
 */
export function removeExclusionEdit(workspace: Workspace, uri: string, itemId: string): Replacement | undefined {
  const parsed = workspace.parsed(uri);
  const model = workspace.model(uri);
  const catalog = workspace.catalogFor(uri);
  if (!parsed?.root || model?.kind !== 'standard') return undefined;
  const target = catalog?.item(itemId);
  const exclusion = target && model.exclusions.find((e) => e.item && catalog?.item(e.item.value) === target);
  if (!exclusion) return undefined;
  const text = parsed.text;
  const list = entry(parsed.root, 'exclusions');
  const lineEndAfter = (offset: number): number => {
    const newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length : newline + 1;
  };
  if (list && list.value.kind === 'seq' && list.value.items.length === 1 && text.charCodeAt(list.value.span.start) !== 91 /* [ */) {
    // The only exclusion: remove the key with its list.
    return { span: { start: lineStartOf(text, list.keySpan.start), end: lineEndAfter(Math.max(exclusion.span.end - 1, list.keySpan.end)) }, newText: '' };
  }
  if (text.charCodeAt(list?.value.span.start ?? 0) === 91) return undefined; // a flow list: left to the author
  return { span: { start: lineStartOf(text, exclusion.span.start), end: lineEndAfter(Math.max(exclusion.span.start, exclusion.span.end - 1)) }, newText: '' };
}
