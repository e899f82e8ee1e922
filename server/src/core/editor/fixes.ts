import { PLACEHOLDER_REASONS } from '../analysis/checks/standard';
import { Replacement } from '../findings';
import { findFrontMatter } from '../parsing/markdown';
import { ParsedDocument } from '../parsing/parse';
import { child, entry, TreeNode } from '../parsing/tree';
import { Workspace } from '../analysis/workspace';

/**
 * Edits behind the coverage quick fixes: a clause stub that covers an item, or an exclusion with
 * a reason placeholder. They are computed from the parsed document and inserted where a person
 * would put them, with the indentation of the surrounding list. Nothing is applied here.
 */

export function addClauseEdit(workspace: Workspace, uri: string, itemId: string): Replacement | undefined {
  const parsed = workspace.parsed(uri);
  const model = workspace.model(uri);
  const item = workspace.catalogFor(uri)?.item(itemId);
  if (!parsed?.root || model?.kind !== 'standard' || !item) return undefined;
  const id = nextClauseId(model.clauses.map((c) => c.id?.value).filter((v): v is string => !!v));
  const title = item.title?.value ?? item.id.value;
  if (parsed.format === 'markdown') {
    const text = parsed.text;
    const level = parsed.markdownClauses.length ? parsed.markdownClauses[parsed.markdownClauses.length - 1].level : 2;
    const trimmed = text.slice(0, endOfContent(text));
    // After an unclosed code fence the new heading would be code: close the fence first.
    const fence = openFenceAtEnd(text) ? `\n${openFenceAtEnd(text)}` : '';
    return withLineEnds(text, {
      span: { start: trimmed.length, end: text.length },
      newText: `${fence}\n\n${'#'.repeat(level)} ${id} ${title}\ncovers: ${item.id.value}\n\n${PLACEHOLDER_TEXT}\n`,
    });
  }
  return appendListEntry(parsed, 'clauses', [`id: ${id}`, `title: ${yamlString(title)}`, `covers: [${item.id.value}]`, `text: ${PLACEHOLDER_TEXT}`]);
}

export function addExclusionEdit(workspace: Workspace, uri: string, itemId: string): Replacement | undefined {
  const parsed = workspace.parsed(uri);
  const item = workspace.catalogFor(uri)?.item(itemId);
  if (!parsed?.root || !item) return undefined;
  return appendListEntry(parsed, 'exclusions', [`item: ${item.id.value}`, `reason: ${PLACEHOLDER_REASONS[0]}`]);
}

/** The body text a new clause starts with: to be replaced by the author. */
export const PLACEHOLDER_TEXT = '（本文を記載）';

function yamlString(value: string): string {
  return /^[\w\u3000-\u9fff\uff00-\uffef（）・、。「」]+$/.test(value) && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ? value : JSON.stringify(value);
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

/** Increments the number at the end of the last clause id (S-1.9 → S-1.10), avoiding ids in use. */
export function nextClauseId(existing: string[]): string {
  const taken = new Set(existing);
  const last = existing[existing.length - 1] ?? '';
  // The digits at the end, found by hand: `/^(.*?)(\d+)$/` is quadratic on a long id of digits.
  let digits = last.length;
  while (digits > 0 && last.charCodeAt(digits - 1) >= 48 && last.charCodeAt(digits - 1) <= 57) digits--;
  const numbered = digits < last.length;
  const prefix = numbered ? last.slice(0, digits) : 'S-';
  // A bigint: the number of a long id (pasted digits) stays exact instead of becoming "Infinity".
  let n = numbered ? BigInt(last.slice(digits)) + 1n : 1n;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The fence characters of a code block that the text leaves open at its end, if any. */
function openFenceAtEnd(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    // `[^]*`, not `.*$`: a line with U+2028 would make `.*$` fail and retry every shorter fence (quadratic).
    const m = /^[ ]{0,3}(`{3,}|~{3,})([^]*)/.exec(line);
    if (!m) continue;
    if (!open) open = m[1];
    else if (m[1][0] === open[0] && m[1].length >= open.length && m[2].trim() === '') open = undefined;
  }
  return open;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Appends a mapping to the top-level list `key`: after its last element (same indentation), or
 * as a new key at the end of the YAML (the front matter, in Markdown).
 */
function appendListEntry(parsed: ParsedDocument, key: string, lines: string[]): Replacement | undefined {
  const edit = appendListEntryLf(parsed, key, lines);
  return edit && withLineEnds(parsed.text, edit);
}

/** Inserted text follows the document's line ends (CRLF files stay CRLF). */
function withLineEnds(text: string, edit: Replacement): Replacement {
  return text.includes('\r\n') ? { ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') } : edit;
}

function appendListEntryLf(parsed: ParsedDocument, key: string, lines: string[]): Replacement | undefined {
  const text = parsed.text;
  const root = parsed.root as TreeNode;
  const list = child(root, key);
  const element = (indent: string): string => lines.map((l, i) => `${indent}${i === 0 ? '- ' : '  '}${l}`).join('\n');
  if (list?.kind === 'seq' && list.items.length > 0 && text.charCodeAt(list.span.start) !== 91 /* [ */) {
    const last = list.items[list.items.length - 1];
    const lineStart = lineStartOf(text, last.span.start);
    const dash = text.slice(lineStart, last.span.start).indexOf('-');
    const indent = ' '.repeat(Math.max(0, dash));
    // The element's span may run past its last line; insert right after its last character.
    let end = last.span.end;
    while (end > last.span.start && /\s/.test(text[end - 1])) end--;
    return { span: { start: end, end }, newText: `\n${element(indent)}` };
  }
  const keyEntry = entry(root, key);
  if (keyEntry) {
    // `key:` with nothing (or `~`, `null`), or an empty flow list: replace the value with a block list.
    if ((keyEntry.value.kind === 'scalar' && keyEntry.value.value === null) || (keyEntry.value.kind === 'seq' && keyEntry.value.items.length === 0)) {
      const colon = text.indexOf(':', keyEntry.keySpan.end);
      if (colon < 0) return undefined;
      const start = colon + 1;
      const end = Math.max(start, keyEntry.value.span.start >= start ? keyEntry.value.span.end : start);
      return { span: { start, end }, newText: `\n${element('  ')}` };
    }
    return undefined;
  }
  const frontMatter = parsed.format === 'markdown' ? findFrontMatter(text) : undefined;
  const at = frontMatter ? frontMatter.content.end : text.length;
  const before = text.slice(0, at);
  const gap = before.length === 0 || before.endsWith('\n') ? '' : '\n';
  return { span: { start: at, end: at }, newText: `${gap}${key}:\n${element('  ')}\n` };
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
