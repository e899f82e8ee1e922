import { MapEntry, MapNode, ScalarValue, SeqNode, TreeNode } from './tree';

/**
 * A fast reader for the plain shape that a standard's chunks nearly always have: block mappings with
 * plain keys, block lists of such mappings or of scalars, one-line plain and quoted scalars, one-line
 * flow lists of plain scalars, and literal or folded block scalars. The `yaml` package's parser is most
 * of the time of a long document's parse; this reader builds the same located tree (kinds, values, the
 * `raw` of numbers, spans, key spans, entry order) in one pass over the lines, without the parser's
 * token stream and document model.
 *
 * It is exact or it declines. It returns a tree only where the `yaml` package (as `parse.ts` calls it)
 * would build the same tree with no error, and so where the typing-slip scan would not run; anything
 * else (a comment line inside the chunk — those after its content are read —, anchors, aliases, tags,
 * escapes, multi-line plain or quoted scalars, numbers other than decimal integers, null or boolean
 * keys, repeated keys, empty values, tabs, CR, indentation it does not expect, …) makes it return
 * undefined, and the caller parses the text with `yaml`. Declining is always safe; the differential
 * test (`test/core/plain-yaml.test.ts`) checks the agreement on generated and mutated chunks.
 *
 * Spans follow the `yaml` package's ranges as `YamlTreeBuilder` reads them: a scalar's span is its
 * text (quotes included, a block scalar from its `|` or `>` to the end of its kept lines), a
 * collection's runs from its first key or dash to the end of its last value including what `yaml`
 * counts in that value's end (the rest of its line: spaces, a comment, the line break).
 */
export function readPlainYaml(text: string): TreeNode | undefined {
  if (!plainCharacters(text)) return undefined;
  const reader = new PlainReader(text);
  try {
    return reader.readRoot();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Thrown inside the reader to give the text up to the `yaml` package; never leaves `readPlainYaml`. */
const DECLINE = Symbol('decline');

function decline(): never {
  throw DECLINE;
}

/** Nesting deeper than this is left to the parser, which reports the tree builder's depth limit. */
const MAX_NESTING = 40;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/**
 * Whether every character is one the reader may accept: no control character but the line feed (so no
 * tab and no CR), no C1 control, no line or paragraph separator, no byte order mark or non-character,
 * and no U+3000 as the first character after a line's spaces (the typing slip `slips.ts` looks for even
 * when the parse reports no error).
 */
function plainCharacters(text: string): boolean {
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      lineStart = true;
      continue;
    }
    if (c < SPACE || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return false;
    if (c === 0x3000 && lineStart) return false;
    // Lone surrogates are left to the parser.
    if (c >= 0xd800 && c <= 0xdfff) {
      const high = c < 0xdc00;
      const next = text.charCodeAt(i + 1);
      if (!high || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
    if (c !== SPACE) lineStart = false;
  }
  return true;
}

/** A node read, with the end `yaml` gives its range past the node's text (`range[2]`). */
interface Read<T extends TreeNode = TreeNode> {
  node: T;
  after: number;
}

class PlainReader {
  /** Where each line starts, and one more entry: one past the last line's break (its end plus one when it has none). */
  private readonly starts: number[] = [];
  /** Each line's indentation (leading spaces), and -1 for a line that is empty or only spaces. */
  private readonly indents: number[] = [];
  /** The line being read. */
  private line = 0;

  constructor(private readonly text: string) {
    for (let start = 0; ;) {
      // A text ending in a line break has no last line of its own: the break closes the line before.
      if (start === text.length && this.starts.length > 0) {
        this.starts.push(start);
        break;
      }
      this.starts.push(start);
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      this.indents.push(i >= text.length || text.charCodeAt(i) === NEWLINE ? -1 : i - start);
      const newline = text.indexOf('\n', i);
      if (newline < 0) {
        this.starts.push(text.length + 1);
        break;
      }
      start = newline + 1;
    }
  }

  readRoot(): TreeNode | undefined {
    if (this.indents.length === 0 || this.indents[0] < 0) return undefined;
    const indent = this.indents[0];
    const root = this.isDashLine(0, indent) ? this.readSeq(indent, 0) : this.readMap(indent, this.starts[0] + indent, 0);
    // Comment lines after the root (the comments before the next clause, which the chunk of the clause
    // above holds) may only extend what `yaml` counts past the root (`range[2]`), which no span uses:
    // those at column 0 (the document's), and those no deeper than a root list or less deep than a root
    // mapping (whose last value may be a list at the mapping's own column). A deeper comment would
    // extend the span of the value above it: left to the parser.
    const deepest = root.node.kind === 'seq' ? indent : indent - 1;
    for (; this.line < this.lineCount; this.line++) {
      const lineIndent = this.indents[this.line];
      if (lineIndent < 0) continue;
      if ((lineIndent > deepest && lineIndent > 0) || this.text.charCodeAt(this.starts[this.line] + lineIndent) !== HASH) return undefined;
    }
    return root.node;
  }

  private get lineCount(): number {
    return this.indents.length;
  }

  /** The end of line `line` (its line break, or the text's end). */
  private lineEnd(line: number): number {
    return Math.min(this.starts[line + 1] - 1, this.text.length);
  }

  /** What `yaml` counts in the end of a value whose text ends the line `line`: the rest of the line and its break. */
  private afterLine(line: number): number {
    return Math.min(this.starts[line + 1], this.text.length);
  }

  private skipBlankLines(): void {
    while (this.line < this.lineCount && this.indents[this.line] < 0) this.line++;
  }

  private isDashLine(line: number, indent: number): boolean {
    const at = this.starts[line] + indent;
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    if (next === SPACE) return true;
    // A dash alone on its line is an empty element (or a nested block): the parser's to read.
    if (at + 1 >= this.lineEnd(line)) decline();
    return false;
  }

  /** A block mapping whose keys stand at column `indent`; its first key starts at `first` (on the current line). */
  private readMap(indent: number, first: number, depth: number): Read<MapNode> {
    if (depth > MAX_NESTING) decline();
    const entries: MapEntry[] = [];
    const keys = new Set<string>();
    let at = first;
    let after = first;
    for (;;) {
      const line = this.line;
      const end = this.lineEnd(line);
      const key = this.readKey(at, end);
      // A repeated key is an error the parser reports.
      if (keys.has(key.name)) decline();
      keys.add(key.name);
      const value = this.readValue(key.end + 1, end, indent, depth);
      entries.push({ key: key.name, keySpan: { start: at, end: key.end }, value: value.node });
      after = value.after;
      this.skipBlankLines();
      if (this.line >= this.lineCount) break;
      const next = this.indents[this.line];
      if (next < indent) break;
      // A deeper line here continues a scalar over lines or is misplaced, and a dash at the keys' column
      // is out of place (a list at that column is read as a key's value, above): the parser's to read.
      if (next > indent || this.isDashLine(this.line, indent)) decline();
      at = this.starts[this.line] + indent;
      // A comment line ends what this reader reads: only comments after the whole root are accepted (readRoot).
      if (this.text.charCodeAt(at) === HASH) break;
    }
    return { node: { kind: 'map', span: { start: first, end: after }, entries }, after };
  }

  /**
   * A plain key at `at`: `[A-Za-z_][A-Za-z0-9_.-]*` followed by a colon and a space or the line's end.
   * Keys the core schema reads as null or a boolean are declined: their name would be `String()` of that.
   */
  private readKey(at: number, end: number): { name: string; end: number } {
    const colon = this.keyColon(at, end);
    if (colon < 0) decline();
    const name = this.text.slice(at, colon);
    if (specialWords.has(name)) decline();
    return { name, end: colon };
  }

  /** Where the colon after a plain key that starts at `at` stands, or -1 when no plain key and colon start there. */
  private keyColon(at: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (!(isLetter(first) || first === 0x5f /* _ */)) return -1;
    let i = at + 1;
    while (i < end && isKeyCharacter(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== COLON) return -1;
    return i + 1 >= end || text.charCodeAt(i + 1) === SPACE ? i : -1;
  }

  /**
   * The value after a key's colon (at `from`, on the current line, which ends at `end`), for a
   * mapping at column `indent`. Leaves the current line at the first line after the value.
   */
  private readValue(from: number, end: number, indent: number, depth: number): Read {
    let at = from;
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    if (at < end) {
      const c = this.text.charCodeAt(at);
      if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.readBlockScalar(at, end, indent);
      const value = this.readInline(at, end, depth);
      this.line++;
      return value;
    }
    // Nothing after the colon: the value is the block on the next lines.
    this.line++;
    this.skipBlankLines();
    if (this.line >= this.lineCount) decline(); // an empty value: the parser's ranges for it are its own
    const next = this.indents[this.line];
    if (next >= indent && this.isDashLine(this.line, next)) return this.readSeq(next, depth + 1);
    if (next > indent) return this.readMap(next, this.starts[this.line] + next, depth + 1);
    return decline();
  }

  /** A block list whose dashes stand at column `indent`, starting on the current line. */
  private readSeq(indent: number, depth: number): Read<SeqNode> {
    if (depth > MAX_NESTING) decline();
    const items: TreeNode[] = [];
    const first = this.starts[this.line] + indent;
    let after = first;
    for (;;) {
      const line = this.line;
      const end = this.lineEnd(line);
      let at = this.starts[line] + indent + 2;
      while (at < end && this.text.charCodeAt(at) === SPACE) at++;
      if (at >= end) decline();
      let item: Read;
      // A list element holding a mapping (`- id: S-1`): the mapping's keys stand at the first key's column.
      if (this.keyColon(at, end) >= 0) {
        item = this.readMap(at - this.starts[line], at, depth + 1);
      } else {
        const c = this.text.charCodeAt(at);
        if (c === 0x7c || c === 0x3e) decline();
        item = this.readInline(at, end, depth);
        this.line++;
      }
      items.push(item.node);
      after = item.after;
      this.skipBlankLines();
      if (this.line >= this.lineCount) break;
      const next = this.indents[this.line];
      if (next < indent) break;
      if (next === indent && this.isDashLine(this.line, indent)) continue;
      if (next === indent) break; // the next key of the mapping this list is a value of
      decline();
    }
    return { node: { kind: 'seq', span: { start: first, end: after }, items }, after };
  }

  /** A scalar or flow list that starts at `at` and ends on its line (which ends at `end`). */
  private readInline(at: number, end: number, depth: number): Read {
    const c = this.text.charCodeAt(at);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) return this.readQuoted(at, end, c);
    if (c === 0x5b /* [ */) return this.readFlowSeq(at, end, depth);
    if (isIndicator(c)) decline();
    return this.readPlain(at, end);
  }

  /** The rest of a line after a value's text (at `from`) must be spaces, then possibly a comment after a space. */
  private restOfLine(from: number, end: number, line: number): number {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && !(this.text.charCodeAt(i) === HASH && i > from)) decline();
    return this.afterLine(line);
  }

  /** A one-line plain scalar in block context. */
  private readPlain(at: number, end: number): Read {
    const text = this.text;
    let last = at;
    let i = at;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break; // a comment
        continue;
      }
      // `: ` (or a colon ending the line) would make the line a mapping.
      if (c === COLON && (i + 1 >= end || text.charCodeAt(i + 1) === SPACE)) decline();
      last = i;
    }
    const source = text.slice(at, last + 1);
    const after = this.restOfLine(last + 1, end, this.line);
    return { node: scalar(source, at, last + 1), after };
  }

  /** A one-line quoted scalar without escapes: no backslash in double quotes, no doubled quote in single ones. */
  private readQuoted(at: number, end: number, quote: number): Read {
    const text = this.text;
    let i = at + 1;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) break;
      if (c === 0x5c /* \ */ && quote === 0x22) decline();
    }
    if (i >= end) decline(); // runs over lines, or unclosed
    if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) decline(); // '' is an escaped quote
    const after = this.restOfLine(i + 1, end, this.line);
    return { node: { kind: 'scalar', span: { start: at, end: i + 1 }, value: text.slice(at + 1, i) }, after };
  }

  /** A one-line flow list of plain scalars: `[a, b]`, `[]`. */
  private readFlowSeq(at: number, end: number, depth: number): Read {
    if (depth > MAX_NESTING) decline();
    const text = this.text;
    const items: TreeNode[] = [];
    let i = at + 1;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) !== 0x5d /* ] */) {
      for (;;) {
        const start = i;
        if (i >= end || isIndicator(text.charCodeAt(i))) decline();
        let last = i;
        for (; i < end; i++) {
          const c = text.charCodeAt(i);
          if (c === 0x2c /* , */ || c === 0x5d) break;
          // Brackets, braces, colons, quotes and comment signs inside a flow item are the parser's to read.
          if (c === 0x5b || c === 0x7b || c === 0x7d || c === COLON || c === HASH || c === 0x22 || c === 0x27) decline();
          if (c !== SPACE) last = i;
        }
        if (i >= end) decline();
        items.push(scalar(text.slice(start, last + 1), start, last + 1));
        if (text.charCodeAt(i) === 0x5d) break;
        i++;
        while (i < end && text.charCodeAt(i) === SPACE) i++;
        // A trailing comma (`[a, ]`) and an empty item are the parser's to read.
        if (i >= end || text.charCodeAt(i) === 0x5d || text.charCodeAt(i) === 0x2c) decline();
      }
    }
    const close = i + 1;
    const after = this.restOfLine(close, end, this.line);
    return { node: { kind: 'seq', span: { start: at, end: close }, items }, after };
  }

  /**
   * A literal (`|`, `|-`, `|+`) or folded (`>`, `>-`, `>+`) block scalar whose header is at `at`, the
   * value of a mapping at column `indent`. Its lines are those at least as indented as its first, which
   * must be deeper than the mapping; no blank line may hold spaces and no line precede the first with
   * blank lines, and a folded scalar has no more-indented line (the folding rules for those are the
   * parser's). The value and the span's end follow the `yaml` package's lexer and `resolveBlockScalar`.
   */
  private readBlockScalar(at: number, end: number, indent: number): Read {
    const text = this.text;
    const folded = text.charCodeAt(at) === 0x3e;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    let headerEnd = at + 1;
    const indicator = text.charCodeAt(headerEnd);
    if (indicator === DASH || indicator === 0x2b /* + */) {
      chomp = indicator === DASH ? -1 : 1;
      headerEnd++;
    }
    // Indentation indicators, comments or spaces after the header are the parser's to read.
    if (headerEnd !== end) decline();
    const header = this.line;
    const firstLine = header + 1;
    if (firstLine >= this.lineCount) decline();
    const contentIndent = this.indents[firstLine];
    if (contentIndent <= indent) decline(); // empty, or leading blank lines: the parser's
    let lastContent = firstLine;
    let line = firstLine + 1;
    for (; line < this.lineCount; line++) {
      const lineIndent = this.indents[line];
      if (lineIndent < 0) {
        if (this.lineEnd(line) > this.starts[line]) decline(); // a blank line holding spaces
        continue;
      }
      if (lineIndent < contentIndent) break;
      if (folded && lineIndent > contentIndent) decline();
      lastContent = line;
    }
    // The scalar's text: clipped and stripped ones end after their last content line, kept ones
    // take the blank lines after it too, up to the next content line or the text's end.
    const lastLine = chomp === 1 ? line - 1 : lastContent;
    const spanEnd = this.afterLine(lastLine);
    const parts: string[] = [];
    for (let l = firstLine; l <= lastContent; l++) parts.push(this.indents[l] < 0 ? '' : text.slice(this.starts[l] + contentIndent, this.lineEnd(l)));
    let value = folded ? foldLines(parts) : parts.join('\n');
    if (chomp === 0) value += '\n';
    else if (chomp === 1) {
      // resolveBlockScalar: one line break per line of the scalar's source after the last content line,
      // the source ending with the last line's break (an empty last piece) when the text has one.
      const trailing = lastLine - lastContent + (spanEnd > this.lineEnd(lastLine) ? 1 : 0);
      value += '\n'.repeat(trailing);
      if (!value.endsWith('\n')) value += '\n';
    }
    this.line = lastLine + 1;
    return { node: { kind: 'scalar', span: { start: at, end: spanEnd }, value }, after: spanEnd };
  }
}

/** Folded lines (none more indented), as `resolveBlockScalar` joins them: a space between lines, a blank line a break. */
function foldLines(lines: string[]): string {
  let value = '';
  let sep = '';
  for (const content of lines) {
    if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
    }
  }
  return value;
}

/** A plain scalar's node, resolved as the `yaml` package's core schema does; declines what it would not read as a text or a decimal integer. */
function scalar(source: string, start: number, end: number): TreeNode {
  const span = { start, end };
  const c = source.charCodeAt(0);
  if ((isDigit(c) || c === DASH || c === 0x2b /* + */ || c === 0x2e /* . */) && mayBeNumber(source)) {
    if (!isDecimalInteger(source)) decline();
    return { kind: 'scalar', span, value: parseInt(source, 10), raw: source };
  }
  const special = specialWords.get(source);
  if (special !== undefined) return { kind: 'scalar', span, value: special };
  if (c === 0x7e /* ~ */ && source.length === 1) return { kind: 'scalar', span, value: null };
  return { kind: 'scalar', span, value: source };
}

/**
 * Whether the core schema may read a plain scalar as a number (an integer, octal, hexadecimal, float, `.inf`):
 * every such form is letters, digits, `.`, `+`, `-` and `_`. A scalar with any other character (a space, a
 * Japanese letter: 「4つの柱」) is a text, however it starts.
 */
function mayBeNumber(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const letterOrDigit = isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!letterOrDigit && c !== 0x2e && c !== 0x2b && c !== DASH && c !== 0x5f /* _ */) return false;
  }
  return true;
}

/** `[-+]?[0-9]+`, the core schema's decimal integer. */
function isDecimalInteger(source: string): boolean {
  let i = source.charCodeAt(0) === DASH || source.charCodeAt(0) === 0x2b ? 1 : 0;
  if (i >= source.length) return false;
  for (; i < source.length; i++) if (!isDigit(source.charCodeAt(i))) return false;
  return true;
}

/** The plain words the core schema reads as null or a boolean. */
const specialWords = new Map<string, ScalarValue>([
  ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
]);

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isKeyCharacter(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x5f /* _ */ || c === 0x2e /* . */ || c === DASH;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that cannot start a plain scalar, or that give it a meaning the reader leaves to the parser. */
function isIndicator(c: number): boolean {
  switch (c) {
    case DASH: case 0x3f /* ? */: case COLON: case 0x2c /* , */: case 0x5b: case 0x5d: case 0x7b: case 0x7d:
    case HASH: case 0x26 /* & */: case 0x2a /* * */: case 0x21 /* ! */: case 0x7c: case 0x3e: case 0x27: case 0x22:
    case 0x25 /* % */: case 0x40 /* @ */: case 0x60 /* ` */: case SPACE:
      return true;
    default:
      return false;
  }
}
