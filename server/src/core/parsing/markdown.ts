import { finding, Finding } from '../findings';
import { closest, Span } from '../text';
import { MapEntry, MapNode, ScalarNode, SeqNode, TreeNode } from './tree';

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

/** The keys that may stand on the lines directly under a clause heading, with their aliases. */
const clauseKeys: Record<string, 'covers' | 'threats'> = {
  covers: 'covers',
  対応指針: 'covers',
  threats: 'threats',
  脅威: 'threats',
};

/** An ATX heading (up to 3 spaces of indentation); a closing run of `#` needs a space before it. */
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const CLAUSE_ID = /^([A-Za-z0-9][A-Za-z0-9.\-]*)(?=[ \t\u3000]|$)/;
const KEY_LINE = /^[ \t]*([^\s:：]{1,20})[ \t]*[:：][ \t]*(.*)$/;

/** A clause read from a heading, with the span of its whole section (heading to the next heading). */
export interface MarkdownClause {
  node: MapNode;
  heading: Span;
  section: Span;
  level: number;
}

/**
 * Reads clauses from the Markdown body: every ATX heading whose text begins with an id that
 * contains a digit, and the `covers:`/`threats:` lines directly under it. Fenced code is skipped.
 */
export function readMarkdownClauses(text: string, bodyStart: number, findings: Finding[]): MarkdownClause[] {
  const clauses: MarkdownClause[] = [];
  let fence: string | undefined;
  let inComment = false;
  let current: MarkdownClause | undefined;
  let readingKeys = false;
  let offset = bodyStart;
  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(offset, contentEnd);
    const lineStart = offset;
    offset = lineEnd + 1;

    const fenceMatch = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fenceMatch) {
      // A closing fence repeats the opening character at least as often, with nothing after it.
      if (!fence) fence = fenceMatch[1];
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && fenceMatch[2].trim() === '') fence = undefined;
      readingKeys = false;
      continue;
    }
    if (fence) continue;
    // HTML comments hide what they contain, headings included.
    if (inComment || line.trimStart().startsWith('<!--')) {
      const closes = line.indexOf('-->', inComment ? 0 : line.indexOf('<!--') + 4);
      inComment = closes < 0;
      readingKeys = false;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      if (current) current.section.end = lineStart;
      current = undefined;
      readingKeys = false;
      const level = heading[1].length;
      const headingTextStart = lineStart + line.indexOf(heading[2], heading[1].length);
      const idMatch = CLAUSE_ID.exec(heading[2]);
      if (!idMatch || !/[0-9]/.test(idMatch[1])) continue;
      // A heading of the same or a higher level ends the previous clause; that is handled above.
      const id = idMatch[1];
      const idSpan = { start: headingTextStart, end: headingTextStart + id.length };
      const rest = heading[2].slice(id.length);
      const title = rest.trim();
      const headingSpan = { start: lineStart, end: contentEnd };
      const entries: MapEntry[] = [{ key: 'id', keySpan: idSpan, value: scalar(id, idSpan) }];
      if (title) {
        const titleStart = headingTextStart + id.length + rest.indexOf(title);
        const titleSpan = { start: titleStart, end: titleStart + title.length };
        entries.push({ key: 'title', keySpan: titleSpan, value: scalar(title, titleSpan) });
      }
      current = {
        node: { kind: 'map', span: headingSpan, entries },
        heading: headingSpan,
        section: { start: lineStart, end: text.length },
        level,
      };
      clauses.push(current);
      readingKeys = true;
      continue;
    }

    if (!current || !readingKeys) continue;
    if (line.trim() === '') continue;
    const keyLine = KEY_LINE.exec(line);
    if (!keyLine) {
      readingKeys = false;
      continue;
    }
    const rawKey = keyLine[1];
    const key = clauseKeys[rawKey] ?? clauseKeys[rawKey.toLowerCase()];
    const keyStart = lineStart + line.indexOf(rawKey);
    const keySpan = { start: keyStart, end: keyStart + rawKey.length };
    if (!key) {
      const suggestion = closest(rawKey, Object.keys(clauseKeys), (k) => [k]);
      if (suggestion) {
        findings.push(finding('markdown.unknown-key', 'warning', keySpan, { key: rawKey, suggestion }, {
          replacement: { span: keySpan, newText: suggestion },
        }));
      }
      readingKeys = false;
      continue;
    }
    const valueStart = lineStart + line.length - keyLine[2].length;
    const items = splitList(keyLine[2], valueStart);
    const list: SeqNode = {
      kind: 'seq',
      span: { start: valueStart, end: valueStart + keyLine[2].trimEnd().length },
      items,
    };
    const existing = current.node.entries.find((e) => e.key === key);
    if (existing && existing.value.kind === 'seq') existing.value.items.push(...items);
    else current.node.entries.push({ key, keySpan, value: list });
  }
  return clauses;
}

/** Splits `a, b、c` into located scalars (ASCII, ideographic and full-width commas). */
function splitList(value: string, base: number): ScalarNode[] {
  const result: ScalarNode[] = [];
  const part = /[^,、，]+/g;
  for (let m = part.exec(value); m; m = part.exec(value)) {
    const raw = m[0];
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = base + m.index + raw.indexOf(trimmed);
    result.push(scalar(trimmed, { start, end: start + trimmed.length }));
  }
  return result;
}

function scalar(value: string, span: Span): ScalarNode {
  return { kind: 'scalar', span, value };
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
