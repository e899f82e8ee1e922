import { Span } from '../text';
import { MarkdownClause } from './markdownClauses';
import { TreeNode } from './tree';

export { readMarkdownBody } from './markdownClauses';
export type { MarkdownBody, MarkdownClause } from './markdownClauses';

/** Where the YAML front matter of a Markdown document lies. */
export interface FrontMatter {
  /** The YAML text between the fences. */
  content: Span;
  /** From the opening fence to the end of the closing fence's line. */
  whole: Span;
  closed: boolean;
}

export function findFrontMatter(text: string): FrontMatter | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return undefined;
  const contentStart = start + open[0].length;
  const fence = /^(?:---|\.\.\.)[ \t]*$/gm;
  fence.lastIndex = contentStart;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    // A match must begin a line (the /m flag also allows the position right after contentStart).
    if (m.index !== contentStart && text.charCodeAt(m.index - 1) !== 10) continue;
    let end = m.index + m[0].length;
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    return { content: { start: contentStart, end: m.index }, whole: { start, end }, closed: true };
  }
  return { content: { start: contentStart, end: text.length }, whole: { start, end: text.length }, closed: false };
}

/**
 * TOML front matter (`+++` lines, as Hugo writes it) that names a Kijun kind: Kijun reads YAML front
 * matter only, so the document would otherwise be silently not checked. Returns the opening `+++`.
 */
export function tomlFrontMatter(text: string): Span | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^\+\+\+[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return undefined;
  const contentStart = start + open[0].length;
  const close = /^\+\+\+[ \t]*$/m.exec(text.slice(contentStart));
  const content = text.slice(contentStart, close ? contentStart + close.index : text.length);
  return /^kijun[ \t]*=/m.test(content) ? { start, end: start + 3 } : undefined;
}

/** Adds the clauses read from the body to the front matter's tree, after any listed there. */
export function attachClauses(root: TreeNode, clauses: MarkdownClause[]): void {
  if (root.kind !== 'map' || clauses.length === 0) return;
  const items = clauses.map((c) => c.node);
  const span = { start: clauses[0].heading.start, end: clauses[clauses.length - 1].section.end };
  const index = root.entries.findIndex((e) => e.key === 'clauses');
  const existing = index >= 0 ? root.entries[index] : undefined;
  if (existing && existing.value.kind === 'seq') {
    // A new entry and list: the front matter's may be shared with the previous version's parse.
    root.entries[index] = { ...existing, value: { kind: 'seq', span: existing.value.span, items: [...existing.value.items, ...items] } };
  } else if (!existing) {
    root.entries.push({ key: 'clauses', keySpan: clauses[0].heading, value: { kind: 'seq', span, items } });
  }
}
