import { finding, Finding } from '../findings';
import { closest, LineIndex, Span } from '../text';
import { clauseHeadingParts } from './clauseId';
import { MarkdownBlock, markdownStructure } from './markdownBlocks';
import { bulletTextStart, ClauseKey, clauseKeys, KeyLine, readKeyLine, readValues, ValueEnding } from './markdownKeys';
import { MapEntry, MapNode, ScalarNode, SeqNode } from './tree';

/** A clause read from a heading, with the span of its whole section (heading to the next heading). */
export interface MarkdownClause {
  node: MapNode;
  heading: Span;
  section: Span;
  level: number;
}

export interface MarkdownBody {
  clauses: MarkdownClause[];
  /** What closes a code fence or comment left open at the end of the text (see `MarkdownStructure`). */
  openAtEnd?: string;
}

/**
 * Reads the clauses of a Markdown body: every top-level heading (ATX or setext, any level) whose
 * text begins with a clause id (`clauseId.ts`), and the `covers:`/`threats:` lines directly under
 * it. A key line that is not read (after prose, under a heading that is no clause, in a quote…)
 * is reported, saying why; nothing is dropped in silence. Code and HTML comments hold nothing.
 */
export function readMarkdownBody(text: string, bodyStart: number, findings: Finding[]): MarkdownBody {
  const lines = new LineIndex(text);
  const firstLine = lines.positionAt(bodyStart).line;
  const reader = new BodyReader(text, lines, firstLine, findings);
  const structure = markdownStructure(text.slice(bodyStart), {
    lineAt: (offset) => lines.positionAt(bodyStart + offset).line - firstLine,
    text: (line) => reader.lineText(line),
  });
  for (const block of structure.blocks) reader.read(block);
  return { clauses: reader.clauses, openAtEnd: structure.openAtEnd };
}

/** Where a key line that is not read stands; the message says why, and what to write. */
export type UnreadPlace = 'after-prose' | 'not-a-clause' | 'before-heading' | 'quote' | 'setext' | 'code';

type Section = { kind: 'start' } | { kind: 'clause'; clause: MarkdownClause; id: string } | { kind: 'heading'; text: string };

type KeyEntry = MapEntry & { value: SeqNode };

/**
 * A key line whose values go on below it: after a separator (`covers: A-1,`) on the next line
 * or list item; after no value at all (`covers:`) in the list items that follow.
 */
interface Pending {
  entry: KeyEntry;
  key: ClauseKey;
  mode: 'line' | 'items';
}

class BodyReader {
  readonly clauses: MarkdownClause[] = [];
  private section: Section = { kind: 'start' };
  private readingKeys = false;
  private pending?: Pending;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    /** The document line of the body's first line. */
    private readonly firstLine: number,
    private readonly findings: Finding[],
  ) {}

  lineStart(bodyLine: number): number {
    return this.lines.lineStart(this.firstLine + bodyLine);
  }

  lineText(bodyLine: number): string {
    return this.text.slice(this.lineStart(bodyLine), this.lines.lineEnd(this.firstLine + bodyLine));
  }

  read(block: MarkdownBlock): void {
    if (block.kind === 'heading' && block.container === 'none') return this.heading(block);
    // Comments are not shown: they neither hold key lines nor end those under a heading.
    if (block.kind === 'comment') return;
    if (block.kind === 'paragraph') return this.paragraph(block);
    if (block.kind === 'code' && this.readingKeys) this.reportKeyLines(block.start, block.end, 'code');
    this.stopReading();
  }

  private stopReading(): void {
    this.readingKeys = false;
    this.pending = undefined;
  }

  private heading(block: MarkdownBlock): void {
    this.stopReading();
    const start = this.lineStart(block.start);
    if (this.section.kind === 'clause') this.section.clause.section.end = start;
    const { raw, base } = this.headingText(block);
    const parts = clauseHeadingParts(raw);
    if (!parts) {
      this.section = { kind: 'heading', text: raw.split(/\r?\n|\r/)[0] };
      // `covers: A-1` right above a `---` line is a setext heading: the author meant a key line and a rule.
      if (block.setext) this.reportKeyLines(block.start, block.end - 1, 'setext');
      return;
    }
    const id = raw.slice(parts.id.start, parts.id.end);
    const idSpan = { start: base + parts.id.start, end: base + parts.id.end };
    const entries: MapEntry[] = [{ key: 'id', keySpan: idSpan, value: scalar(id, idSpan) }];
    if (parts.title) {
      const titleSpan = { start: base + parts.title.start, end: base + parts.title.end };
      const title = joinLines(raw.slice(parts.title.start, parts.title.end));
      entries.push({ key: 'title', keySpan: titleSpan, value: scalar(title, titleSpan) });
    }
    const level = block.level ?? 1;
    const headingSpan = { start, end: this.lines.lineEnd(this.firstLine + block.end - 1) };
    const clause: MarkdownClause = {
      node: { kind: 'map', span: headingSpan, entries, heading: block.setext ? id : `${'#'.repeat(level)} ${id}` },
      heading: headingSpan,
      section: { start, end: this.text.length },
      level,
    };
    this.clauses.push(clause);
    this.section = { kind: 'clause', clause, id };
    this.readingKeys = true;
  }

  /** A heading's text as written, and its offset: part of the line for `## …`, the lines above the underline for setext. */
  private headingText(block: MarkdownBlock): { raw: string; base: number } {
    const first = this.lineText(block.start);
    const lineStart = this.lineStart(block.start);
    if (!block.setext) {
      const afterMarker = /^ {0,3}#{1,6}/.exec(first)?.[0].length ?? 0;
      const text = block.text ?? '';
      const at = first.indexOf(text, afterMarker);
      return { raw: text, base: lineStart + (at < 0 ? afterMarker : at) };
    }
    const start = lineStart + (first.length - first.trimStart().length);
    const end = Math.max(start, this.lines.lineEnd(this.firstLine + block.end - 2));
    return { raw: this.text.slice(start, end).trimEnd(), base: start };
  }

  private paragraph(block: MarkdownBlock): void {
    for (let line = block.start; line < block.end; line++) {
      const lineText = this.lineText(line);
      const keyLine = readKeyLine(lineText);
      const clause = this.readingKeys && this.section.kind === 'clause' && block.container !== 'quote' ? this.section.clause : undefined;
      if (clause && this.readKeyData(clause, line, lineText, keyLine, block.container === 'list')) continue;
      this.stopReading();
      if (keyLine?.key) this.reportUnread(line, keyLine, block.container === 'quote' ? 'quote' : this.placeOfProse());
    }
  }

  /** Reads a line under a clause heading as key data; false when it is prose (which ends the key lines). */
  private readKeyData(clause: MarkdownClause, line: number, lineText: string, keyLine: KeyLine | undefined, inList: boolean): boolean {
    const base = this.lineStart(line);
    const bullet = inList ? bulletTextStart(lineText) : undefined;
    const pending = this.pending;
    if (pending && !keyLine && (pending.mode === 'line' || bullet !== undefined)) {
      const from = bullet ?? lineText.length - lineText.trimStart().length;
      const ending = this.addValues(pending.entry, pending.key, lineText.slice(from), base + from);
      this.pending = pending.mode === 'items' && bullet !== undefined ? pending : ending === 'separator' ? { ...pending, mode: 'line' } : undefined;
      return true;
    }
    if (!keyLine) return false;
    if (keyLine.key) {
      this.addKeyLine(clause, keyLine, keyLine.key, base);
      return true;
    }
    const suggestion = closest(keyLine.rawKey, Object.keys(clauseKeys), (k) => [k]);
    if (!suggestion) return false;
    // A misspelt key: said so, and the key lines below it are still read.
    const keySpan = { start: base + keyLine.keyStart, end: base + keyLine.keyStart + keyLine.rawKey.length };
    this.findings.push(finding('markdown.unknown-key', 'warning', keySpan, { key: keyLine.rawKey, suggestion }, {
      replacement: { span: keySpan, newText: suggestion },
    }));
    this.pending = undefined;
    return true;
  }

  private addKeyLine(clause: MarkdownClause, keyLine: KeyLine, key: ClauseKey, base: number): void {
    const keySpan = { start: base + keyLine.keyStart, end: base + keyLine.keyStart + keyLine.rawKey.length };
    const valueStart = base + keyLine.valueStart;
    let entry = clause.node.entries.find((e): e is KeyEntry => e.key === key && e.value.kind === 'seq');
    if (!entry) {
      entry = { key, keySpan, value: { kind: 'seq', span: { start: valueStart, end: valueStart }, items: [] } };
      clause.node.entries.push(entry);
    }
    const ending = this.addValues(entry, key, keyLine.value, valueStart);
    this.pending = ending === 'separator' ? { entry, key, mode: 'line' } : ending === 'empty' ? { entry, key, mode: 'items' } : undefined;
  }

  private addValues(entry: KeyEntry, key: ClauseKey, value: string, valueStart: number): ValueEnding {
    const { values, ending } = readValues(value, valueStart, key);
    entry.value.items.push(...values);
    if (values.length) entry.value.span = { start: entry.value.span.start, end: values[values.length - 1].span.end };
    return ending;
  }

  private placeOfProse(): UnreadPlace {
    return this.section.kind === 'clause' ? 'after-prose' : this.section.kind === 'heading' ? 'not-a-clause' : 'before-heading';
  }

  /** Reports each key line among body lines [start, end). */
  private reportKeyLines(start: number, end: number, place: UnreadPlace): void {
    for (let line = start; line < end; line++) {
      const keyLine = readKeyLine(this.lineText(line));
      if (keyLine?.key) this.reportUnread(line, keyLine, place);
    }
  }

  private reportUnread(line: number, keyLine: KeyLine, place: UnreadPlace): void {
    const start = this.lineStart(line) + keyLine.keyStart;
    this.findings.push(finding('markdown.unattached-key', 'warning', { start, end: start + keyLine.rawKey.length }, {
      key: keyLine.rawKey,
      place,
      clause: this.section.kind === 'clause' ? this.section.id : '',
      heading: this.section.kind === 'heading' ? this.section.text : '',
    }));
  }
}

function scalar(value: string, span: Span): ScalarNode {
  return { kind: 'scalar', span, value };
}

/**
 * The lines of a setext heading's text joined by one space, without the blanks around each line end. By
 * hand: the regex it replaces (blanks, a line end, blanks) retried a long run of spaces at each of its
 * positions, which is quadratic.
 */
function joinLines(text: string): string {
  const lines = text.split(/\r?\n|\r/);
  if (lines.length === 1) return text;
  return lines.map((line, i) => {
    let start = 0;
    let end = line.length;
    if (i > 0) while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
    if (i < lines.length - 1) while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    return line.slice(start, end);
  }).join(' ');
}
