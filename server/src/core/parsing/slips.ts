import actionPlanSchema from '../../../../schemas/action-plan.schema.json';
import guidelineSchema from '../../../../schemas/guideline.schema.json';
import standardSchema from '../../../../schemas/standard.schema.json';
import { MessageArgs } from '../messages';
import { Span } from '../text';

/**
 * Typing slips that the `yaml` package misreports. A full-width colon after a key, an indentation
 * typed with the ideographic space U+3000 (the space bar in a Japanese input method) or with tabs,
 * and a flow list left open each make the parser report several unrelated errors, or none, and
 * lose the content around them. This pre-pass finds such slips in the source, says what to type
 * instead, and repairs a copy of the source so that the parse of the copy gives the tree the author
 * meant: the slip is one finding, and the cascade that would follow from it does not appear.
 *
 * The scan reads the source line by line, as YAML's block structure does, so that text which is
 * content (block scalars, quoted and plain scalars running over several lines, flow collections)
 * is never taken for a slip: `：` in Japanese prose and U+3000 indenting a paragraph are legitimate.
 */

/** One change to the source: `newText` replaces `span`. */
export interface Edit {
  span: Span;
  newText: string;
}

export type SlipKind = 'full-width-colon' | 'tab-indent' | 'ideographic-space-indent' | 'unclosed-bracket' | 'misindented';

export interface Slip {
  kind: SlipKind;
  /** The offending characters. */
  span: Span;
  /** The changes that repair it, in source order. */
  edits: Edit[];
  args: MessageArgs;
}

/** A source with its slips repaired, and the way back from offsets in the repaired text. */
export interface RepairedSource {
  text: string;
  toOriginal(offset: number): number;
}

/** Keys the schemas define: only these count as a key before a full-width colon. */
const KNOWN_KEYS = new Set<string>();
collectKeys(guidelineSchema);
collectKeys(standardSchema);
collectKeys(actionPlanSchema);

function collectKeys(schema: unknown): void {
  if (Array.isArray(schema)) schema.forEach(collectKeys);
  else if (schema && typeof schema === 'object') {
    for (const [name, value] of Object.entries(schema)) {
      if (name === 'properties' && value && typeof value === 'object') for (const key of Object.keys(value)) KNOWN_KEYS.add(key);
      collectKeys(value);
    }
  }
}

/**
 * Keys that only the top level of a document has: a misindented line with one of them was meant
 * at the top level, whatever the lines above it are.
 */
const TOP_LEVEL_ONLY_KEYS = topLevelOnlyKeys([guidelineSchema, standardSchema, actionPlanSchema]);

function topLevelOnlyKeys(roots: unknown[]): Set<string> {
  const top = new Set<string>();
  const nested = new Set<string>();
  for (const root of roots) {
    const properties = (root as { properties?: Record<string, unknown> }).properties ?? {};
    for (const key of Object.keys(properties)) top.add(key);
    const collectNested = (schema: unknown): void => {
      if (Array.isArray(schema)) schema.forEach(collectNested);
      else if (schema && typeof schema === 'object') {
        for (const [name, value] of Object.entries(schema)) {
          if (name === 'properties' && value && typeof value === 'object' && schema !== root) for (const key of Object.keys(value)) nested.add(key);
          collectNested(value);
        }
      }
    };
    for (const [name, value] of Object.entries(root as object)) if (name !== 'properties') collectNested(value);
    for (const value of Object.values(properties)) collectNested(value);
  }
  return new Set([...top].filter((key) => !nested.has(key)));
}

/** Tabs are expanded to the first of these tab stops that fits the surrounding structure. */
const TAB_WIDTHS = [2, 4, 8];
/** An ideographic space is two columns wide on screen; authors who align by eye mean two spaces. */
const IDEOGRAPHIC_WIDTHS = [2, 1, 0];

/** More brackets left open than a person leaves by mistake. */
const MAX_OPEN_BRACKETS = 8;

/** Cheap test for the one slip the parser may accept without an error (U+3000 before a key at column 0). */
const MAY_HIDE_SLIP = /^[ \t]*\u3000/m;

/** Whether the source should be scanned: the parse reported errors, or a slip may hide without one. */
export function worthScanning(source: string, parseErrors: number): boolean {
  return parseErrors > 0 || MAY_HIDE_SLIP.test(source);
}

const FULL_WIDTH_KEY = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*：/;
const QUOTED_KEY = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR = /^[|>][0-9+-]*[ \t]*(?:#.*)?$/;

interface Level {
  column: number;
  kind: 'dash' | 'key';
}

interface LineShape {
  /** Offsets of the `- ` markers, relative to the content's start. */
  dashes: number[];
  key?: { start: number; end: number; name: string; colon: number; fullWidth: boolean };
  /** Where the value starts, relative to the content's start. */
  value: number;
}

interface FlowState {
  /** Openers not yet closed: the bracket and its offset. */
  open: { char: string; at: number }[];
  /** Continuation lines must be indented further than this column. */
  parent: number;
  /** End of the last content of the collection (before a comment). */
  lastContent: number;
  quote?: string;
}

/** What the scan needs to know of the parser's errors. */
export interface ParseError {
  message: string;
  pos?: [number, number];
}

/** Finds the slips of a YAML source. Offsets are relative to the source. */
export function findSlips(source: string, parseErrors: readonly ParseError[]): Slip[] {
  const unclosedFlowReported = parseErrors.some((e) => /end with an? [\]}]|(?:Expected|Missing) .*[\]}]/.test(e.message));
  const linesWithErrors = new Set(parseErrors.map((e) => source.lastIndexOf('\n', (e.pos?.[0] ?? 0) - 1) + 1));
  return new SlipScanner(source, unclosedFlowReported, linesWithErrors).scan();
}

class SlipScanner {
  private readonly slips: Slip[] = [];
  private levels: Level[] = [];
  /** The previous line ends in a key or dash with no value: the next line may be deeper. */
  private opened?: Level;
  /** Inside a block scalar: content lines are blank or indented further than this column. */
  private blockScalar?: number;
  /** After a plain scalar: lines indented further than this column continue it. */
  private plain?: number;
  /** The plain scalar is the value of a key or list entry (not a stray line, after which the structure is unclear). */
  private plainIsValue = false;
  /** Inside a quoted scalar running over lines. */
  private quoted?: string;
  private flow?: FlowState;
  /** The indentation slip of the previous significant line, which this line's may join. */
  private previousIndentSlip?: Slip;
  private joinable?: Slip;
  /** A misindented line being re-indented: the lines deeper than its written column move with it. */
  private shift?: { column: number; delta: number; slip: Slip };
  /** Start of the previous significant line: the parser may report a misindented line on the line above it. */
  private previousLineStart = -1;

  constructor(
    private readonly source: string,
    /** Whether the parser found a flow collection left open: only then is one reported. */
    private readonly unclosedFlowReported: boolean,
    /** Starts of the lines the parser reported errors on: there any key may precede a full-width colon. */
    private readonly linesWithErrors: Set<number>,
  ) {}

  scan(): Slip[] {
    const source = this.source;
    for (let start = 0; start < source.length;) {
      const newline = source.indexOf('\n', start);
      const next = newline < 0 ? source.length : newline + 1;
      let end = newline < 0 ? source.length : newline;
      if (source.charCodeAt(end - 1) === 13) end--;
      this.line(start, source.slice(start, end));
      start = next;
    }
    if (this.flow) this.unclosedFlow();
    return this.slips;
  }

  private line(start: number, text: string): void {
    const blank = /^[ \t]*$/.test(text);
    const spaces = this.shifted(start, text, blank);
    const significant = !blank && !/^[ \t\u3000]*#/.test(text);
    const previousLineStart = this.previousLineStart;
    if (significant) {
      this.joinable = this.previousIndentSlip;
      this.previousIndentSlip = undefined;
      this.previousLineStart = start;
    }
    if (this.blockScalar !== undefined) {
      if (blank || spaces > this.blockScalar) return;
      this.blockScalar = undefined;
    }
    if (this.quoted) {
      if (closingQuote(text, 0, this.quoted) >= 0) this.quoted = undefined;
      return;
    }
    if (this.flow) {
      if (blank) return;
      if (spaces > this.flow.parent || /^[\]}]/.test(text.slice(spaces))) {
        this.scanFlow(start, text, spaces);
        return;
      }
      this.unclosedFlow();
    }
    if (blank || /^[ \t\u3000]*#/.test(text)) return;
    const errorsNear = this.linesWithErrors.has(start) || this.linesWithErrors.has(previousLineStart);
    // A plain scalar never continues with "key: value": where the parser fails there, the line is a misindented key.
    const keyAfterValue = this.plainIsValue && errorsNear && /^ *[^\s-][^:#]*:(?:[ \t]|$)/.test(text);
    if (this.plain !== undefined && spaces > this.plain && !keyAfterValue) return;
    this.plain = undefined;
    if (/^(?:---|\.\.\.)(?:[ \t]|$)|^%/.test(text)) {
      this.levels = [];
      this.opened = undefined;
      this.shift = undefined;
      return;
    }
    this.blockLine(start, text, spaces, errorsNear);
  }

  /**
   * The column a line's indentation of spaces stands for: as written, or moved with the misindented
   * line above it whose block it belongs to (that move is one more edit of the same slip). Each key
   * or dash below the misindented line decides for itself: one that lines up as written ends the
   * block; one that lines up only once moved belongs to it.
   */
  private shifted(start: number, text: string, blank: boolean): number {
    const written = /^ */.exec(text)![0].length;
    const shift = this.shift;
    if (!shift || blank) return written;
    if (written <= shift.column || /^ *[\t\u3000]/.test(text)) {
      this.shift = undefined;
      return written;
    }
    const inScalar = (this.blockScalar !== undefined && written + shift.delta > this.blockScalar) || this.quoted !== undefined || this.flow !== undefined;
    if (!inScalar) {
      const shape = lineShape(text.slice(written), false);
      const dash = shape.dashes.length > 0;
      if ((dash || shape.key) && (this.fitsStructure(written, dash) || !this.fitsStructure(written + shift.delta, dash))) {
        this.shift = undefined;
        return written;
      }
    }
    const column = written + shift.delta;
    shift.slip.edits.push({ span: { start, end: start + written }, newText: ' '.repeat(column) });
    shift.slip.args = { ...shift.slip.args, lines: shift.slip.edits.length };
    return column;
  }

  /** A line of the block structure: its indentation, dashes, key and the kind of its value. */
  private blockLine(start: number, text: string, spaces: number, errorsNear: boolean): void {
    const anyKey = this.linesWithErrors.has(start);
    let indent = /^[ \t\u3000]*/.exec(text)![0];
    let shape = lineShape(text.slice(indent.length), anyKey);
    let column: number;
    const slipped = /[\t\u3000]/.test(indent) && (shape.dashes.length > 0 || shape.key !== undefined);
    if (slipped) {
      column = this.fitIndentation(indent, shape);
      this.indentSlip(start, indent, column);
    } else {
      indent = /^ */.exec(text)![0];
      shape = lineShape(text.slice(indent.length), anyKey);
      column = spaces;
      const structural = shape.dashes.length > 0 || shape.key !== undefined;
      if (structural && errorsNear && !this.shift && !this.fitsStructure(column, shape.dashes.length > 0)) {
        column = this.misindented(start, text, column, shape) ?? column;
      }
    }
    const contentStart = start + indent.length;
    if (shape.key?.fullWidth) this.fullWidthColon(contentStart + shape.key.colon, shape.key.name);

    const first = shape.dashes.length > 0 ? column + shape.dashes[0] : column + (shape.key?.start ?? 0);
    this.levels = this.levels.filter((l) => l.column < first || (l.column === first && l.kind === 'key' && shape.dashes.length > 0));
    for (const dash of shape.dashes) this.levels.push({ column: column + dash, kind: 'dash' });
    if (shape.key) this.levels.push({ column: column + shape.key.start, kind: 'key' });
    const parent = this.levels.length > 0 ? this.levels[this.levels.length - 1].column : column;

    // What follows the key or dash decides how the next lines are read.
    const valueText = text.slice(indent.length + shape.value);
    const value = valueText.replace(/^[ \t]*(?:[&!][^\s]*[ \t]*)*/, '');
    const valueOffset = start + indent.length + shape.value + (valueText.length - value.length);
    this.opened = undefined;
    if (value === '' || value.startsWith('#')) this.opened = this.levels[this.levels.length - 1];
    else if (BLOCK_SCALAR.test(value)) this.blockScalar = parent;
    else if (value[0] === '[' || value[0] === '{') {
      this.flow = { open: [], parent, lastContent: valueOffset };
      this.scanFlow(start, text, valueOffset - start);
    } else if (value[0] === '"' || value[0] === "'") {
      if (closingQuote(value, 1, value[0]) < 0) this.quoted = value[0];
    } else if (value[0] !== '*') {
      this.plain = parent;
      this.plainIsValue = shape.key !== undefined || shape.dashes.length > 0;
    }
  }

  /**
   * The column an indentation with tabs or ideographic spaces was meant to reach: the first width
   * that puts the line where the structure above allows it (beside an open key or dash, or
   * deeper than a key that opens a block). When none fits, the first width is taken.
   */
  private fitIndentation(indent: string, shape: LineShape): number {
    const dash = shape.dashes.length > 0;
    const fits = (column: number): boolean => {
      if (this.levels.length === 0) return column === 0;
      if (this.levels.some((l) => l.column === column && l.kind === (dash ? 'dash' : 'key'))) return true;
      const opened = this.opened;
      return !!opened && (column > opened.column || (dash && column === opened.column && opened.kind === 'key'));
    };
    let fallback: number | undefined;
    for (const tab of indent.includes('\t') ? TAB_WIDTHS : [TAB_WIDTHS[0]]) {
      for (const ideographic of indent.includes('\u3000') ? IDEOGRAPHIC_WIDTHS : [IDEOGRAPHIC_WIDTHS[0]]) {
        const column = expandIndentation(indent, tab, ideographic);
        fallback ??= column;
        if (fits(column)) return column;
      }
    }
    return fallback ?? indent.length;
  }

  /** Whether a line indented with spaces to `column` lines up with the structure above it, as YAML requires. */
  private fitsStructure(column: number, dash: boolean): boolean {
    if (this.levels.length === 0) return true;
    const opened = this.opened;
    if (opened && (column > opened.column || (dash && opened.kind === 'key' && column === opened.column))) return true;
    return this.levels.some((l) => l.column === column && l.kind === (dash ? 'dash' : 'key'));
  }

  /**
   * A line that lines up with nothing above it: the column it was meant at is the nearest level of
   * its kind (list entries for a dash, keys for a key; beside or below an open key), the deeper one
   * first, since an author who indents a line means it to belong to something. A key that only the
   * top level has goes to the top level. Returns the column, or undefined when nothing fits.
   */
  private misindented(start: number, text: string, column: number, shape: LineShape): number | undefined {
    const dash = shape.dashes.length > 0;
    const top = !dash && shape.key !== undefined && TOP_LEVEL_ONLY_KEYS.has(shape.key.name);
    const candidates = this.levels.filter((l) => l.kind === (dash ? 'dash' : 'key')).map((l) => l.column);
    if (this.opened) candidates.push(dash && this.opened.kind === 'key' ? this.opened.column : this.opened.column + 2);
    const deeper = candidates.filter((c) => c > column);
    const shallower = candidates.filter((c) => c < column);
    const target = top ? this.levels[0].column
      : deeper.length > 0 ? Math.min(...deeper) : shallower.length > 0 ? Math.max(...shallower) : undefined;
    if (target === undefined || target === column) return undefined;
    // The line as written: a line inside a block that moves already would not be checked here.
    const written = /^ */.exec(text)![0].length;
    const content = text.trim();
    const slip: Slip = {
      kind: 'misindented',
      span: { start: start + written, end: start + text.trimEnd().length },
      edits: [{ span: { start, end: start + written }, newText: ' '.repeat(target) }],
      args: { text: content.length > 32 ? `${content.slice(0, 31)}…` : content, written, column: target, like: top ? 'top' : dash ? 'entries' : 'keys', lines: 1 },
    };
    this.slips.push(slip);
    this.shift = { column: written, delta: target - written, slip };
    return target;
  }

  private indentSlip(lineStart: number, indent: string, column: number): void {
    const kind: SlipKind = indent.includes('\t') ? 'tab-indent' : 'ideographic-space-indent';
    const first = lineStart + indent.search(/[\t\u3000]/);
    const last = lineStart + Math.max(indent.lastIndexOf('\t'), indent.lastIndexOf('\u3000')) + 1;
    const edit: Edit = { span: { start: lineStart, end: lineStart + indent.length }, newText: ' '.repeat(column) };
    const previous = this.joinable;
    if (previous && previous.kind === kind) {
      // Consecutive lines indented the same wrong way are one slip: one finding, one quick fix.
      previous.span = { start: previous.span.start, end: last };
      previous.edits.push(edit);
      previous.args = { lines: previous.edits.length };
      this.previousIndentSlip = previous;
      return;
    }
    const slip: Slip = { kind, span: { start: first, end: last }, edits: [edit], args: { lines: 1 } };
    this.slips.push(slip);
    this.previousIndentSlip = slip;
  }

  private fullWidthColon(at: number, key: string): void {
    const next = this.source[at + 1];
    const spaced = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    this.slips.push({ kind: 'full-width-colon', span: { start: at, end: at + 1 }, edits: [{ span: { start: at, end: at + 1 }, newText: spaced ? ':' : ': ' }], args: { key } });
  }

  /** Follows a flow collection through one line, from `from`; it may stay open for the next lines. */
  private scanFlow(lineStart: number, text: string, from: number): void {
    const flow = this.flow!;
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (flow.quote) {
        const close = closingQuote(text, i, flow.quote);
        if (close < 0) {
          flow.lastContent = lineStart + text.length;
          return;
        }
        flow.quote = undefined;
        i = close;
        flow.lastContent = lineStart + i + 1;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return;
      flow.lastContent = lineStart + i + 1;
      if (c === '"' || c === "'") {
        if (/[[{,:]/.test(previousSignificant(text, i) ?? ',')) flow.quote = c;
      } else if (c === '[' || c === '{') flow.open.push({ char: c, at: lineStart + i });
      else if (c === ']' || c === '}') {
        flow.open.pop();
        if (flow.open.length === 0) {
          this.flow = undefined;
          return;
        }
      }
    }
  }

  /** The flow collection ended without its closing brackets: they belong after its last content. */
  private unclosedFlow(): void {
    const flow = this.flow!;
    this.flow = undefined;
    // An open quote is the real problem there; the parser's own finding points at it. Dozens of open
    // brackets are no typing slip but hostile input, which the depth limit reports.
    if (flow.quote || flow.open.length === 0 || flow.open.length > MAX_OPEN_BRACKETS || !this.unclosedFlowReported) return;
    const innermost = flow.open[flow.open.length - 1];
    const close = flow.open.map((o) => (o.char === '[' ? ']' : '}')).reverse().join('');
    const lineStart = this.source.lastIndexOf('\n', flow.lastContent - 1) + 1;
    const after = trailingWord(this.source, Math.max(lineStart, innermost.at), flow.lastContent);
    this.slips.push({
      kind: 'unclosed-bracket',
      span: { start: innermost.at, end: innermost.at + 1 },
      edits: [{ span: { start: flow.lastContent, end: flow.lastContent }, newText: close }],
      args: { open: innermost.char, close, after: after.length > 24 ? `…${after.slice(-24)}` : after },
    });
  }
}

/**
 * The dashes, key and value of a line's content. A word before a full-width colon counts as a key
 * when the schemas define it, or with `anyKey` (the parser failed on this line, so it is no prose).
 */
function lineShape(content: string, anyKey: boolean): LineShape {
  const dashes: number[] = [];
  let i = 0;
  while (content[i] === '-' && (i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (content[i] === ' ' || content[i] === '\t') i++;
  }
  const rest = content.slice(i);
  const fullWidth = FULL_WIDTH_KEY.exec(rest);
  if (fullWidth && (anyKey || KNOWN_KEYS.has(fullWidth[1]))) {
    const colon = i + fullWidth[0].length - 1;
    return { dashes, key: { start: i, end: i + fullWidth[1].length, name: fullWidth[1], colon, fullWidth: true }, value: colon + 1 };
  }
  const quoted = QUOTED_KEY.exec(rest);
  const key = quoted ? { name: quoted[1], colon: quoted[0].length - 1 } : plainKey(rest);
  if (key) {
    const colon = i + key.colon;
    return { dashes, key: { start: i, end: i + key.name.length, name: key.name, colon, fullWidth: false }, value: colon + 1 };
  }
  return { dashes, value: i };
}

/** The non-blank characters that end `text[start, end)` (found by hand: `/\S*$/` is quadratic on a long word before a blank). */
function trailingWord(text: string, start: number, end: number): string {
  let from = end;
  while (from > start && !/\s/.test(text[from - 1])) from--;
  return text.slice(from, end);
}

/**
 * A plain key at the start of `rest`: a first character that starts no other YAML construct (a `-` only
 * before a non-blank), then the text up to the first colon followed by a blank or the end of the line, its
 * trailing blanks left out. Read by hand: the lazy regex it replaces was quadratic on a long line of spaces.
 */
function plainKey(rest: string): { name: string; colon: number } | undefined {
  const first = rest[0];
  if (first === undefined || (first === '-' ? rest[1] === undefined || /\s/.test(rest[1]) : /[\s#'"[\]{},&*!|>%@`:：]/.test(first))) return undefined;
  let colon = 1;
  for (; colon < rest.length; colon++) {
    const c = rest[colon];
    if (c === '\n') return undefined;
    if (c === ':' && (colon + 1 === rest.length || rest[colon + 1] === ' ' || rest[colon + 1] === '\t')) break;
  }
  if (colon >= rest.length) return undefined;
  let end = colon;
  while (end > 1 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  return { name: rest.slice(0, end), colon };
}

/** The column an indentation reaches with the given tab stop and width of an ideographic space. */
function expandIndentation(indent: string, tab: number, ideographic: number): number {
  let column = 0;
  for (const c of indent) {
    if (c === '\t') column = (Math.floor(column / tab) + 1) * tab;
    else if (c === '\u3000') column += ideographic;
    else column++;
  }
  return column;
}

/** Offset of the quote that closes one opened before `from`, or -1 when the line does not close it. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function previousSignificant(text: string, before: number): string | undefined {
  for (let i = before - 1; i >= 0; i--) if (text[i] !== ' ' && text[i] !== '\t') return text[i];
  return undefined;
}

/** Applies the slips' edits to the source. */
export function repairSlips(source: string, slips: Slip[]): RepairedSource {
  const edits = slips.flatMap((s) => s.edits).sort((a, b) => a.span.start - b.span.start);
  const map = new OffsetMap();
  let text = '';
  let copied = 0;
  for (const edit of edits) {
    text += source.slice(copied, edit.span.start);
    map.add(text.length, text.length + edit.newText.length, edit.span.start, edit.span.end);
    text += edit.newText;
    copied = edit.span.end;
  }
  text += source.slice(copied);
  return { text, toOriginal: (offset) => map.toOriginal(offset) };
}

/** The text that replaces the whole range of a slip's edits, for a quick fix that applies them at once. */
export function combinedEdit(source: string, edits: Edit[]): Edit {
  let newText = '';
  let copied = edits[0].span.start;
  for (const edit of edits) {
    newText += source.slice(copied, edit.span.start) + edit.newText;
    copied = edit.span.end;
  }
  return { span: { start: edits[0].span.start, end: copied }, newText };
}

/** Maps offsets of a repaired text back to the source: every edit is a segment of each. */
class OffsetMap {
  private readonly segments: { repairedStart: number; repairedEnd: number; originalStart: number; originalEnd: number }[] = [];

  add(repairedStart: number, repairedEnd: number, originalStart: number, originalEnd: number): void {
    this.segments.push({ repairedStart, repairedEnd, originalStart, originalEnd });
  }

  toOriginal(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.segments[mid].repairedStart <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0) return offset;
    const s = this.segments[found];
    if (offset >= s.repairedEnd) return offset - s.repairedEnd + s.originalEnd;
    return s.originalStart + Math.min(offset - s.repairedStart, s.originalEnd - s.originalStart);
  }
}
