import { atxHeadingText, clauseHeadingParts } from '../parsing/clauseId';
import { findFrontMatter } from '../parsing/markdown';
import { readKeyLine, separatorOf } from '../parsing/markdownKeys';
import { DocumentFormat } from '../parsing/parse';

/**
 * Where the cursor is, read from the lines around it only, never from a parse of the whole
 * document: completion must stay fast on standards of thousands of clauses, and must work on
 * the half-typed, often invalid text it is asked about.
 */
export type CursorContext =
  | {
      kind: 'value';
      /** Keys from the root down to the map holding `key`; `*` stands for a list element. */
      path: string[];
      key: string;
      /** The text typed so far for this value, and where it starts. */
      prefix: string;
      start: number;
      /** Other values already in the same list, so that they are not offered again. */
      siblings: string[];
      /** On a new list entry (`- ` and what is typed after it): the column its keys start at. */
      entryColumn?: number;
    }
  | { kind: 'key'; path: string[]; prefix: string; start: number }
  /** A Markdown heading line being started (`## ` and at most one word): `start` is the line's start. */
  | { kind: 'heading'; hashes: string; prefix: string; start: number }
  | { kind: 'none' };

/**
 * How far up the ancestor scan may look. The scan reads only the indentation of lines deeper
 * than the one it looks for, so even this bound costs well under a millisecond.
 */
const MAX_LINES_UP = 200_000;

interface LineInfo {
  indent: number;
  dash: boolean;
  /** Column where the key (or the list element's content) starts. */
  contentIndent: number;
  key?: string;
  /** Text after `key:`. */
  rest?: string;
}

const LINE = /^( *)(- +)?(?:([^\s:#'"{}[\],&*!|>][^:#]*?|"[^"]*"|'[^']*') *:(?= |$))?(.*)$/;

function readLine(line: string): LineInfo | undefined {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const indent = m[1].length;
  const dash = m[2] !== undefined;
  const contentIndent = indent + (m[2]?.length ?? 0);
  const key = m[3]?.replace(/^["']|["']$/g, '');
  return { indent, dash, contentIndent, key, rest: key !== undefined ? m[4].replace(/^ +/, '') : undefined };
}

export function cursorContext(text: string, offset: number, format: DocumentFormat): CursorContext {
  let floor = 0;
  if (format === 'markdown') {
    const frontMatter = findFrontMatter(text);
    if (!frontMatter || offset < frontMatter.content.start) return { kind: 'none' };
    if (offset > frontMatter.content.end) return markdownBodyContext(text, offset, frontMatter.whole.end);
    floor = frontMatter.content.start;
  }
  return yamlContext(text, offset, floor);
}

function markdownBodyContext(text: string, offset: number, floor: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const heading = /^ {0,3}(#{1,6})(?:[ \t]+\S*)?$/.exec(text.slice(lineStart, offset));
  if (heading && restOfLineIsBlank(text, offset)) {
    return { kind: 'heading', hashes: heading[1], prefix: text.slice(lineStart, offset), start: lineStart };
  }
  const keyLine = readKeyLine(text.slice(lineStart, offset));
  if (!keyLine?.key || !underClauseHeading(text, lineStart, floor)) return { kind: 'none' };
  // `covers: [A-1, A-|`: the bracket opens the list, it is not part of a value.
  const parts = keyLine.value.replace(/^[ \t]*[[［]/, '').split(separatorOf(keyLine.key));
  const prefix = parts[parts.length - 1].trimStart().replace(/^[`"']/, '');
  return {
    kind: 'value',
    path: ['clauses', '*'],
    key: keyLine.key,
    prefix,
    start: offset - prefix.length,
    siblings: parts.slice(0, -1).map((p) => p.trim()).filter(Boolean),
  };
}

function restOfLineIsBlank(text: string, offset: number): boolean {
  const newline = text.indexOf('\n', offset);
  return text.slice(offset, newline < 0 ? text.length : newline).trim() === '';
}

/**
 * Whether the line starting at `lineStart` belongs to the key lines directly under a clause heading:
 * above it, past blank lines, other key lines and one-line comments, stands a clause heading (`## S-1 …`,
 * or a text line underlined with `---`/`===`). Reads a few lines up, never the whole document.
 */
function underClauseHeading(text: string, lineStart: number, floor: number): boolean {
  let end = lineStart - 1;
  let underlined = false;
  for (let steps = 0; end >= floor && steps < 50; steps++) {
    const start = Math.max(floor, text.lastIndexOf('\n', end - 1) + 1);
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    // The line above an underline is the text of a setext heading.
    if (underlined) return line.trim() !== '' && clauseHeadingParts(line.trim()) !== undefined;
    if (line.trim() === '' || readKeyLine(line)?.key || /^\s*<!--.*-->\s*$/.test(line)) continue;
    if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) {
      underlined = true;
      continue;
    }
    const heading = atxHeadingText(line);
    return heading !== undefined && clauseHeadingParts(heading) !== undefined;
  }
  return false;
}

/** `- {key: value, key: |` or `{key: |`: the key inside a flow mapping, and the path of that mapping. */
function flowMapContext(mapPath: string[], value: string, offset: number): CursorContext {
  const inner = /(?:[{,] *)([\w-]+) *: *([^,{}]*)$/.exec(value);
  if (!inner) {
    const typing = /(?:[{,] *)([\w-]*)$/.exec(value);
    return typing ? { kind: 'key', path: mapPath, prefix: typing[1], start: offset - typing[1].length } : { kind: 'none' };
  }
  const prefix = inner[2].replace(/^["']/, '');
  return { kind: 'value', path: mapPath, key: inner[1], prefix, start: offset - prefix.length, siblings: [] };
}

function yamlContext(text: string, offset: number, floor: number): CursorContext {
  const lineStart = Math.max(floor, text.lastIndexOf('\n', offset - 1) + 1);
  const before = text.slice(lineStart, offset);
  if (before.includes('#') && !/["']/.test(before)) return { kind: 'none' };

  // A flow mapping as a list element: `- {threat: intentional, info: |`.
  const flowElement = /^( *)- +(\{.*)$/.exec(before);
  if (flowElement) {
    return flowMapContext([...ancestors(text, lineStart, floor, flowElement[1].length, true), '*'], flowElement[2], offset);
  }
  // `key: value` or `- key: value` with the cursor in the value.
  const keyed = /^( *)(- +)?([^\s:#'"{}[\],][^:#]*?) *: *(.*)$/.exec(before);
  if (keyed) {
    const indent = keyed[1].length;
    const path = keyed[2]
      ? [...ancestors(text, lineStart, floor, indent, true), '*']
      : ancestors(text, lineStart, floor, indent, false);
    return valueContext(path, keyed[3], keyed[4], offset);
  }
  // `- value` or `- ` in a list: a value of the list's key, or the first key of a new mapping.
  const listed = /^( *)- +([^:]*)$/.exec(before);
  if (listed) {
    const owner = ancestors(text, lineStart, floor, listed[1].length, true);
    const key = owner[owner.length - 1];
    if (key === undefined || key === '*') return { kind: 'none' };
    const prefix = listed[2];
    const entryColumn = before.length - prefix.length;
    return { kind: 'value', path: owner.slice(0, -1), key, prefix, start: offset - prefix.length, siblings: [], entryColumn };
  }
  // A key being typed.
  const bare = /^( *)([\w-]*)$/.exec(before);
  if (bare) {
    const path = ancestors(text, lineStart, floor, bare[1].length, false);
    return { kind: 'key', path, prefix: bare[2], start: offset - bare[2].length };
  }
  return { kind: 'none' };
}

function valueContext(path: string[], key: string, value: string, offset: number): CursorContext {
  // Flow collections: `covers: [A, B` or `- {item: X, reason: …`.
  if (value.startsWith('{')) return flowMapContext([...path, key], value, offset);
  if (value.startsWith('[')) {
    const parts = value.slice(1).split(',');
    const prefix = parts[parts.length - 1].trimStart().replace(/^["']/, '');
    return { kind: 'value', path, key, prefix, start: offset - prefix.length, siblings: parts.slice(0, -1).map((p) => p.trim().replace(/^["']|["']$/g, '')) };
  }
  const prefix = value.replace(/^["']/, '');
  return { kind: 'value', path, key, prefix, start: offset - prefix.length, siblings: [] };
}

/**
 * The keys of the maps enclosing a line whose content starts at `column`, found by walking up to
 * lines of smaller indentation. With `listOwner`, the line is a list element and the walk first
 * looks for the key that owns the list (which may stand at the same indentation).
 */
function ancestors(text: string, lineStart: number, floor: number, column: number, listOwner: boolean): string[] {
  const path: string[] = [];
  let target = column;
  let lookingForListOwner = listOwner;
  let end = lineStart - 1;
  for (let steps = 0; end >= floor && steps < MAX_LINES_UP; steps++) {
    const start = Math.max(floor, text.lastIndexOf('\n', end - 1) + 1);
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    if (indent > target) {
      end = start - 1;
      continue;
    }
    const info = readLine(text.slice(start, end).replace(/\r$/, ''));
    end = start - 1;
    if (!info) continue;
    if (lookingForListOwner) {
      if (info.dash && info.indent === target) continue; // a sibling element of the same list
      if (info.key !== undefined && info.contentIndent <= target && (info.rest ?? '') === '') {
        path.unshift(info.key);
        lookingForListOwner = false;
        if (info.dash) {
          path.unshift('*');
          target = info.indent;
          lookingForListOwner = true;
        } else target = info.indent;
        continue;
      }
      if (info.contentIndent < target) return path; // something else encloses the list: give up there
      continue;
    }
    if (info.dash && info.contentIndent === target) {
      // A sibling key in the same list element: the element's list is the next ancestor.
      path.unshift('*');
      target = info.indent;
      lookingForListOwner = true;
      continue;
    }
    if (info.contentIndent < target && info.key !== undefined) {
      path.unshift(info.key);
      if (info.dash) {
        path.unshift('*');
        target = info.indent;
        lookingForListOwner = true;
      } else target = info.indent;
      if (target === 0 && !lookingForListOwner) return path;
    }
  }
  return path;
}
