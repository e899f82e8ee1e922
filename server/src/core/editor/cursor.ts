import { atxHeadingText, clauseHeadingParts } from '../parsing/clauseId';
import { findFrontMatter } from '../parsing/markdown';
import { readKeyLine, separatorOf } from '../parsing/markdownKeys';
import { DocumentFormat } from '../parsing/parse';
import { LINE_BLANK, LINE_DASH, LINE_INDENT_MASK, LineIndex, lineStartShape } from '../text';

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
 * How many lines the ancestor scan may stop at and read. The lines it passes over (deeper ones, blank
 * ones, the other elements of a list whose owner it seeks) are judged on their indentation alone and
 * not counted: the scan ends at the text's start anyway.
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

/**
 * The parts of a YAML line, read by hand rather than with a regex: a lazy run before optional spaces and
 * a colon backtracks quadratically on a long line of spaces (test/core/redos.test.ts), and completion
 * reads the line being typed, which may be a pasted megabyte.
 */
interface LineParts {
  indent: number;
  /** Whether the content starts with a list dash (`- `). */
  dash: boolean;
  /** Column where the content after the indentation and the dash starts. */
  contentIndent: number;
}

function lineParts(line: string): LineParts {
  let at = 0;
  while (line.charCodeAt(at) === 32) at++;
  const indent = at;
  const dash = line.charCodeAt(at) === 45 /* - */ && line.charCodeAt(at + 1) === 32;
  if (dash) {
    at++;
    while (line.charCodeAt(at) === 32) at++;
  }
  return { indent, dash, contentIndent: at };
}

/**
 * A key starting at `at`: plain (its first character not one that starts another YAML construct, then
 * anything up to the first colon or `#`), or quoted with `quoted`. With `colonEndsKey`, the colon must be
 * followed by a space or the end of the line. Spaces before the colon are not part of the key.
 */
function keyAt(line: string, at: number, options: { notFirst: string; quoted: boolean; colonEndsKey: boolean }): { key: string; colon: number } | undefined {
  const first = line[at];
  if (first === undefined || /\s/.test(first)) return undefined;
  const endsKey = (colon: number): boolean => line[colon] === ':' && (!options.colonEndsKey || colon + 1 === line.length || line[colon + 1] === ' ');
  if (first === '"' || first === "'") {
    if (!options.quoted) return undefined;
    const close = line.indexOf(first, at + 1);
    if (close < 0) return undefined;
    let colon = close + 1;
    while (line.charCodeAt(colon) === 32) colon++;
    return endsKey(colon) ? { key: line.slice(at + 1, close), colon } : undefined;
  }
  if (options.notFirst.includes(first)) return undefined;
  let stop = at + 1;
  while (stop < line.length && line[stop] !== ':' && line[stop] !== '#') stop++;
  if (!endsKey(stop)) return undefined;
  let end = stop;
  while (end > at + 1 && line.charCodeAt(end - 1) === 32) end--;
  return { key: line.slice(at, end), colon: stop };
}

/** Spaces after `from`, skipped. */
function afterSpaces(line: string, from: number): number {
  let at = from;
  while (line.charCodeAt(at) === 32) at++;
  return at;
}

function readLine(line: string): LineInfo | undefined {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return undefined;
  const { indent, dash, contentIndent } = lineParts(line);
  const found = keyAt(line, contentIndent, { notFirst: ':#\'"{}[],&*!|>', quoted: true, colonEndsKey: true });
  return { indent, dash, contentIndent, key: found?.key, rest: found ? line.slice(afterSpaces(line, found.colon + 1)) : undefined };
}

/**
 * The context at `offset`. `lines`, when the caller has the line index of this very text (the server keeps
 * one per version, updated by difference), lets the walk up to the enclosing keys step from line start to
 * line start instead of searching for each line break: in a list of 20,000 clauses that walk passes some
 * 100,000 lines.
 */
export function cursorContext(text: string, offset: number, format: DocumentFormat, lines?: LineIndex): CursorContext {
  let floor = 0;
  if (format === 'markdown') {
    const frontMatter = findFrontMatter(text);
    if (!frontMatter || offset < frontMatter.content.start) return { kind: 'none' };
    if (offset > frontMatter.content.end) return markdownBodyContext(text, offset, frontMatter.whole.end);
    floor = frontMatter.content.start;
  }
  return yamlContext(text, offset, floor, lines?.text === text ? lines : undefined);
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

function yamlContext(text: string, offset: number, floor: number, lines: LineIndex | undefined): CursorContext {
  const lineStart = Math.max(floor, text.lastIndexOf('\n', offset - 1) + 1);
  const before = text.slice(lineStart, offset);
  if (before.includes('#') && !/["']/.test(before)) return { kind: 'none' };

  // A flow mapping as a list element: `- {threat: intentional, info: |`.
  const flowElement = /^( *)- +(\{.*)$/.exec(before);
  if (flowElement) {
    return flowMapContext([...ancestors(text, lines, lineStart, floor, flowElement[1].length, true), '*'], flowElement[2], offset);
  }
  // `key: value` or `- key: value` with the cursor in the value.
  const parts = lineParts(before);
  const keyed = keyAt(before, parts.contentIndent, { notFirst: ':#\'"{}[],', quoted: false, colonEndsKey: false });
  if (keyed) {
    const path = parts.dash
      ? [...ancestors(text, lines, lineStart, floor, parts.indent, true), '*']
      : ancestors(text, lines, lineStart, floor, parts.indent, false);
    return valueContext(path, keyed.key, before.slice(afterSpaces(before, keyed.colon + 1)), offset);
  }
  // `- value` or `- ` in a list: a value of the list's key, or the first key of a new mapping.
  if (parts.dash && !before.includes(':', parts.contentIndent)) {
    const owner = ancestors(text, lines, lineStart, floor, parts.indent, true);
    const key = owner[owner.length - 1];
    if (key === undefined || key === '*') return { kind: 'none' };
    const prefix = before.slice(parts.contentIndent);
    const entryColumn = before.length - prefix.length;
    return { kind: 'value', path: owner.slice(0, -1), key, prefix, start: offset - prefix.length, siblings: [], entryColumn };
  }
  // A key being typed.
  const bare = /^( *)([\w-]*)$/.exec(before);
  if (bare) {
    const path = ancestors(text, lines, lineStart, floor, bare[1].length, false);
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
function ancestors(text: string, lines: LineIndex | undefined, lineStart: number, floor: number, column: number, listOwner: boolean): string[] {
  const path: string[] = [];
  let target = column;
  let lookingForListOwner = listOwner;
  const above = linesAbove(text, lines, lineStart, floor);
  for (let steps = 0; steps < MAX_LINES_UP; steps++) {
    // Deeper lines, blank and comment lines, and, while the list's owner is sought, its other elements are passed
    // over on their shape alone: the owner of a clause in a list of 20,000 stands some 100,000 lines up.
    const line = above.next(target, lookingForListOwner);
    if (!line) break;
    const info = readLine(text.slice(line.start, line.end).replace(/\r$/, ''));
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

/**
 * The lines above the one starting at `lineStart`, nearest first, down to `floor`, that the walk must read:
 * `next(target, skipDashes)` passes over lines indented deeper than `target`, blank and comment lines, and with
 * `skipDashes` list elements at `target`, and returns the next line as its start and the end of its text (before
 * the LF; a CR before it is the caller's to drop). From the line index's shapes when there is one (a loop over
 * numbers), else by searching for each line break.
 */
function linesAbove(text: string, lines: LineIndex | undefined, lineStart: number, floor: number): { next(target: number, skipDashes: boolean): { start: number; end: number } | undefined } {
  if (lines) {
    let line = lines.positionAt(lineStart).line;
    const shapes = lines.lineShapes();
    const starts = lines.lineStartList();
    // Only the line that holds `floor`, and those before it, can end before it.
    const floorLine = floor > 0 ? lines.positionAt(floor).line : 0;
    return {
      // A loop over the shapes: it may pass 100,000 lines, and reads a line's text only when it stops there.
      next(target, skipDashes) {
        while (line > 0) {
          line--;
          const shape = shapes[line];
          // Most lines passed are deeper or blank: told from the shape alone, before anything else is read.
          if ((shape & LINE_BLANK) !== 0 && line > floorLine) continue;
          const shallowIndent = shape & LINE_INDENT_MASK;
          if (shallowIndent > target && shallowIndent !== LINE_INDENT_MASK && line > floorLine) continue;
          if (line <= floorLine && starts[line + 1] - 1 < floor) return undefined;
          const start = Math.max(floor, starts[line]);
          // The shape holds indentations up to its mask; a deeper one (a pasted run of spaces) is counted.
          const indent = shallowIndent === LINE_INDENT_MASK ? lineStartShape(text, start).indent : shallowIndent;
          if (passedOver(indent, (shape & LINE_BLANK) !== 0, (shape & LINE_DASH) !== 0, target, skipDashes)) continue;
          return { start, end: starts[line + 1] - 1 };
        }
        return undefined;
      },
    };
  }
  let end = lineStart - 1;
  return {
    next(target, skipDashes) {
      while (end >= floor) {
        // (At `end` 0 there is no earlier break: a search from -1 would find the LF at 0 again.)
        const start = Math.max(floor, end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0);
        const lineEnd = end;
        end = start - 1;
        const { indent, dash } = lineStartShape(text, start);
        // Without the index only a LF ends a line: a CR is a line end only right before it.
        const c = text.charCodeAt(start + indent);
        const blank = start + indent >= lineEnd || (c === 13 && start + indent + 1 >= lineEnd) || c === 35 /* # */;
        if (passedOver(indent, blank, dash, target, skipDashes)) continue;
        return { start, end: lineEnd };
      }
      return undefined;
    },
  };
}

/** Whether the walk up to the enclosing keys passes over a line (see `linesAbove`). */
function passedOver(indent: number, blank: boolean, dash: boolean, target: number, skipDashes: boolean): boolean {
  return blank || indent > target || (skipDashes && dash && indent === target);
}
