import { Document, parseDocument as parseYaml, YAMLError } from 'yaml';
import { finding, Finding, unknownName } from '../findings';
import { ChunkLayout, parseInChunks, TextFacts } from './chunks';
import { attachClauses, findFrontMatter, MarkdownClause, readMarkdownBody, tomlFrontMatter } from './markdown';
import { yamlProblems } from './problems';
import { changeFits, closest, normalizeName, Span, TextChange, utf8Length } from '../text';
import { vocabulary } from '../vocabulary';
import { readPlainYaml } from './plainYaml';
import { combinedEdit, findSlips, repairSlips, Slip, worthScanning } from './slips';
import { child, entry, TreeNode, YamlTreeBuilder } from './tree';

export type DocumentFormat = 'yaml' | 'markdown';
export const documentKinds = ['guideline', 'standard', 'action-plan', 'review'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * The most of a document that is analysed: 16 MiB, about 33,000 clauses of the usual size, where the
 * largest real standards have hundreds and the bench's largest (20,000 clauses) is 9.5 MiB. It bounds
 * hostile input: the parse takes about a second per 3 MiB and its trees some 40 bytes of memory per
 * byte, so a larger text would hold the editor for many seconds and the server's memory past 1 GB.
 * A longer document is analysed up to the last clause that starts within the limit, and said so.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export interface ParsedDocument {
  format: DocumentFormat;
  text: string;
  /** False when the file is not a Kijun document (no top-level `kijun:`): it is then left alone. */
  isKijun: boolean;
  kind?: DocumentKind;
  root?: TreeNode;
  findings: Finding[];
  /** Markdown only: clauses read from the headings, with their sections. */
  markdownClauses: MarkdownClause[];
  /** Markdown only: what closes a code fence or comment that the body leaves open at its end (```, -->). */
  markdownOpenAtEnd?: string;
  /** The chunk parses of this version, for the next version to reuse (long documents only). */
  chunks: ChunkLayout;
  /** Over the size limit: only the text before the limit was analysed (`input.too-large` says up to which line). */
  truncated?: boolean;
}

export function formatOf(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return undefined;
}

/**
 * Parses a document's text into the located tree. Never throws: unreadable input, syntax errors
 * and hostile constructs become findings, and as much of the tree as can be recovered is kept.
 */
export function parseDocument(text: string, format: DocumentFormat, previousChunks?: ChunkLayout, options: ParseOptions = {}): ParsedDocument {
  const result: ParsedDocument = { format, text, isKijun: false, findings: [], markdownClauses: [], chunks: ChunkLayout.empty() };
  // Cheap first test: workspaces hold many YAML and Markdown files that are not ours. It ignores case and
  // width, so that a misspelt key (`Kijun:`, `ｋｉｊｕｎ:`) is reported instead of the file being left alone.
  if (!mentionsKijun.test(text)) return result;
  // Whether the text has a CR or a NUL anywhere: from the previous version's answer and the inserted text when
  // the edit is known (a search of 10 MiB for a character that is not there takes some 10 ms a keystroke).
  const known = knownFacts(text, previousChunks?.textFacts, options.change);
  // A lone CR ends a line for the author (old Mac tools write them) but not for the YAML parser: it becomes an
  // LF, which has the same length, so every offset stays exact (LineIndex counts a lone CR as a line break too).
  // `result.text` keeps the text as given. Most texts have no CR at all, which `includes` finds fastest.
  const carriageReturn = known ? known.carriageReturn : text.includes('\r');
  if (carriageReturn && loneCarriageReturn.test(text)) text = text.replace(/\r(?!\n)/g, '\n');
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only long texts need counting.
  const size = text.length * 3 > MAX_DOCUMENT_BYTES ? utf8Length(text) : text.length;
  if (size > MAX_DOCUMENT_BYTES) return truncatedResult(text, format, size, options);
  const nul = known && !known.nul ? -1 : text.indexOf('\u0000');
  if (nul >= 0) {
    result.isKijun = true;
    result.findings.push(finding('input.binary', 'error', { start: nul, end: nul + 1 }));
    return result;
  }

  let yamlSpan: Span = { start: 0, end: text.length };
  let bodyStart: number | undefined;
  if (format === 'markdown') {
    const frontMatter = findFrontMatter(text);
    if (!frontMatter) return tomlFrontMatterResult(result);
    if (!frontMatter.closed) {
      result.findings.push(finding('syntax.front-matter', 'error', { start: frontMatter.whole.start, end: frontMatter.whole.start + 3 }));
    }
    yamlSpan = frontMatter.content;
    bodyStart = frontMatter.whole.end;
  }

  const yamlFindings: Finding[] = [];
  const yamlTree = parseYamlTree(text.slice(yamlSpan.start, yamlSpan.end), yamlSpan.start, yamlFindings, options.chunking === false ? undefined : { previous: previousChunks, change: options.change });
  const root = yamlTree.root;
  if (yamlTree.layout) {
    result.chunks = yamlTree.layout;
    result.chunks.textFacts = { length: text.length, carriageReturn };
  }
  const kindEntry = entry(root, 'kijun');
  // A top-level `kijun:` holding a mapping is some tool's own configuration, not a document kind: not ours.
  if (!root || !kindEntry || kindEntry.value.kind === 'map') {
    const yamlText = text.slice(yamlSpan.start, yamlSpan.end);
    const misspelt = kindEntry ? undefined : misspeltKijunKey(yamlText, yamlSpan.start);
    if (misspelt) {
      result.isKijun = true;
      result.findings = [misspelt];
      result.markdownClauses = [];
      return result;
    }
    // A syntax error can hide the `kijun:` key (a stray line above it while typing): the file is still
    // ours, and its syntax errors must stay visible instead of every diagnostic vanishing.
    if (!kindEntry && yamlFindings.length > 0 && /^\ufeff?kijun[ \t]*:[ \t]*["']?(?:guideline|standard|action-plan)\b/m.test(yamlText)) {
      result.isKijun = true;
      result.findings = [...result.findings.filter((f) => f.code === 'syntax.front-matter'), ...yamlFindings];
    } else result.findings = [];
    return result;
  }
  result.isKijun = true;
  result.root = root;
  result.findings.push(...yamlFindings);

  const kindValue = kindEntry.value.kind === 'scalar' ? kindEntry.value.value : undefined;
  if (typeof kindValue === 'string' && (documentKinds as readonly string[]).includes(kindValue)) {
    result.kind = kindValue as DocumentKind;
  } else {
    const value = String(kindValue ?? '');
    result.findings.push(unknownName('document.unknown-kind', kindEntry.value.span, { value }, suggestKind(value)));
  }
  // Headings are clauses in a standard only; in a Markdown guideline or plan the body is prose.
  if (bodyStart !== undefined && result.kind === 'standard') {
    const body = readMarkdownBody(text, bodyStart, result.findings);
    result.markdownClauses = body.clauses;
    result.markdownOpenAtEnd = body.openAtEnd;
    attachClauses(root, result.markdownClauses);
  }
  return result;
}

/**
 * A document over the size limit: what stands before the last line that starts a clause (or a key, a
 * heading) within the limit is analysed as if it were the whole document, and the finding says so;
 * coverage, which the rest could change, is not computed (`truncated`).
 */
function truncatedResult(text: string, format: DocumentFormat, size: number, options: ParseOptions): ParsedDocument {
  const end = analysableEnd(text, offsetOfByte(text, MAX_DOCUMENT_BYTES));
  const head = parseDocument(text.slice(0, end), format, undefined, { chunking: options.chunking });
  const lines = lineCount(text, end);
  const result: ParsedDocument = { ...head, text, isKijun: true, truncated: true };
  // The facts describe the head that was parsed, not this text.
  result.chunks.textFacts = undefined;
  result.findings = [finding('input.too-large', 'error', { start: 0, end: 0 }, { size, limit: MAX_DOCUMENT_BYTES, lines }), ...head.findings];
  return result;
}

/**
 * Whether `text` has a CR and a NUL, known without searching it: the previous version (which had no NUL, or
 * it would not have been cut into chunks) said whether it had a CR, and the edit says what was inserted.
 * Undefined when the edit is not known or does not fit the previous version's length.
 */
function knownFacts(text: string, previous: TextFacts | undefined, change: TextChange | undefined): { carriageReturn: boolean; nul: boolean } | undefined {
  if (!previous || !change || !changeFits(change, previous.length, text.length)) return undefined;
  const inserted = text.slice(change.start, change.newEnd);
  return { carriageReturn: previous.carriageReturn || inserted.includes('\r'), nul: inserted.includes('\u0000') };
}

/** The offset of the first UTF-16 unit whose UTF-8 encoding would end after `bytes` bytes. */
function offsetOfByte(text: string, bytes: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const width = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : 3;
    if (count + width > bytes) return i;
    count += width;
    if (width === 4) i++;
  }
  return text.length;
}

/**
 * Where the analysed part ends: at the start of the last line before `limit` that begins a list
 * element (`- `, `  - `), a top-level key or a heading, so that no clause is cut in two; at the
 * start of the line holding `limit` when no such line is near.
 */
function analysableEnd(text: string, limit: number): number {
  const lineStart = text.lastIndexOf('\n', limit - 1) + 1;
  const floor = Math.max(0, lineStart - 1024 * 1024);
  for (let at = lineStart; at > floor; at = text.lastIndexOf('\n', at - 2) + 1) {
    if (/^(?: {0,2}- |[^\s#-])/.test(text.slice(at, at + 4)) || /^#{1,6} /.test(text.slice(at, at + 7))) return at;
    if (at === 0) break;
  }
  return lineStart;
}

/** The number of lines that text[0, end) holds, when `end` is a line start (or the end). */
function lineCount(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return end >= text.length && !text.endsWith('\n') ? lines + 1 : lines;
}

/** A Markdown file without YAML front matter is not ours, unless its TOML front matter names a Kijun kind: that gets a finding. */
function tomlFrontMatterResult(result: ParsedDocument): ParsedDocument {
  const opening = tomlFrontMatter(result.text);
  if (opening) {
    result.isKijun = true;
    result.findings.push(finding('markdown.front-matter-toml', 'error', opening));
  }
  return result;
}

const mentionsKijun = /kijun|ｋｉｊｕｎ/i;
const loneCarriageReturn = /\r(?!\n)/;

/**
 * A top-level key written to be `kijun:` that YAML reads as another key: other letter case (`Kijun:`),
 * full-width letters (`ｋｉｊｕｎ:`) or a full-width colon (`kijun：`, which turns the line into a plain text).
 * Only with a document kind as its value, where the intent is clear: a Japanese configuration file may
 * well have a `Kijun:` (基準) key of its own. The finding's replacement is `kijun:`.
 */
function misspeltKijunKey(yamlText: string, base: number): Finding | undefined {
  const line = /^(\ufeff?)([^\s:：#"']{5})([ \t]*[:：])[ \t\u3000]*["']?([^\s"'#]+)/gm;
  for (let m = line.exec(yamlText); m; m = line.exec(yamlText)) {
    const [, bom, key, colon, value] = m;
    const exact = key === 'kijun' && colon.trim() === ':';
    if (exact || normalizeName(key) !== 'kijun' || !(documentKinds as readonly string[]).includes(normalizeName(value))) continue;
    const start = base + m.index + bom.length;
    const span = { start, end: start + key.length + colon.length };
    return finding('document.misspelt-kijun-key', 'error', span, { key: `${key}${colon}` }, { replacement: { span, newText: 'kijun:' } });
  }
  return undefined;
}

/** The kind a mistyped `kijun:` value means; the Japanese names (安全基準等, 指針, 行動計画) count as spellings of it. */
function suggestKind(value: string): DocumentKind | undefined {
  return closest(value, documentKinds, (kind) => [kind, vocabulary.kijun[kind].ja]);
}

export interface ParseOptions {
  /** False: parse the YAML whole, never in chunks (tests compare both ways). */
  chunking?: boolean;
  /** Which part of the text differs from the version `previousChunks` came from, when the caller knows it. */
  change?: TextChange;
}

function parseYamlTree(source: string, base: number, findings: Finding[], chunking?: { previous?: ChunkLayout; change?: TextChange }): { root?: TreeNode; layout?: ChunkLayout } {
  if (chunking) {
    const chunkFindings: Finding[] = [];
    const chunked = parseInChunks(source, base, chunkFindings, chunking.previous, parseChunk, chunking.change);
    if (chunked) {
      findings.push(...chunkFindings);
      return { root: chunked.tree, layout: chunked.layout };
    }
  }
  return { root: parseWhole(source, base, findings) };
}

/**
 * One chunk of a long document, offsets from 0: by the plain reader when the chunk has the plain shape
 * it reads exactly (nearly every clause of a standard), else by the `yaml` package.
 */
function parseChunk(chunk: string): { tree?: TreeNode; findings: Finding[] } {
  const plain = readPlainYaml(chunk);
  if (plain) return { tree: plain, findings: [] };
  const findings: Finding[] = [];
  return { tree: parseWhole(chunk, 0, findings), findings };
}

/** Exported for the plain reader's differential test, which compares the two on the same chunk. */
export function parseWhole(source: string, base: number, findings: Finding[]): TreeNode | undefined {
  const parsed = parseRepairingSlips(source);
  if (!parsed) {
    // The parser recurses on nesting; a pathological depth overflows the stack. That is input, not a bug.
    findings.push(finding('input.too-deep', 'error', { start: base, end: base }, { limit: 'the parser' }));
    return undefined;
  }
  const { doc, text, toOriginal, slips } = parsed;
  const own = slips.map((slip) => slipFinding(slip, source, base));
  // One mistake can make the parser report the same error many times over: keep one per place, and at most 100.
  const seen = new Set<string>();
  for (const error of doc.errors) {
    // The tree builder reports excessive depth itself, once, where its limit is crossed.
    if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message)) continue;
    const result = yamlErrorFinding(error, text, base, toOriginal);
    const key = `${result.code}:${result.span.start}:${result.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    own.push(result);
    if (seen.size >= MAX_SYNTAX_FINDINGS) break;
  }
  const tree = new YamlTreeBuilder(doc, base, own, text, toOriginal).build(doc.contents);
  // Slip findings and the parser's come from two passes: in source order, a chunk's findings match the whole text's.
  if (slips.length > 0) own.sort((a, b) => a.span.start - b.span.start);
  findings.push(...own);
  return tree;
}

/** A parse, of the source or of its copy with the typing slips repaired (`text`), and the way back to the source's offsets. */
interface SourceParse {
  doc: Document;
  text: string;
  toOriginal: (offset: number) => number;
  /** The slips repaired, each to be one finding. */
  slips: Slip[];
}

/**
 * Typing slips (a full-width colon, tabs or U+3000 in the indentation, a line indented to no level, an open flow list) make the
 * parser report a cascade: the repaired copy is parsed instead, and each slip is one finding.
 */
function parseRepairingSlips(source: string): SourceParse | undefined {
  const doc = parseYamlSource(source);
  if (!doc) return undefined;
  const plain: SourceParse = { doc, text: source, toOriginal: (offset) => offset, slips: [] };
  const slips = worthScanning(source, doc.errors.length) ? findSlips(source, doc.errors) : [];
  if (slips.length === 0) return plain;
  const repaired = repairSlips(source, slips);
  const again = parseYamlSource(repaired.text);
  // A repair that leaves the parser more to complain about was a wrong guess: the plain parse stands.
  if (!again || again.errors.length > doc.errors.length) return plain;
  return { doc: again, text: repaired.text, toOriginal: repaired.toOriginal, slips };
}

function parseYamlSource(source: string): Document | undefined {
  try {
    return parseYaml(source, { prettyErrors: false, uniqueKeys: true, strict: false, merge: true });
  } catch {
    return undefined;
  }
}

const slipCodes = {
  'full-width-colon': 'syntax.full-width-colon',
  'tab-indent': 'syntax.tab-indent',
  'ideographic-space-indent': 'syntax.ideographic-space-indent',
  'unclosed-bracket': 'syntax.unclosed-bracket',
  misindented: 'syntax.misindented',
} as const;

/** A slip as a finding: on the offending characters, with the repair as a quick fix. */
function slipFinding(slip: Slip, source: string, base: number): Finding {
  const edit = combinedEdit(source, slip.edits);
  const title = slip.kind === 'unclosed-bracket' ? { key: 'action.insert' as const, args: { text: edit.newText } }
    : slip.kind === 'full-width-colon' ? undefined
      : slip.kind === 'misindented' ? { key: 'action.reindent' as const, args: { column: slip.args.column } }
        : { key: 'action.indent-with-spaces' as const, args: {} };
  return finding(slipCodes[slip.kind], 'error', { start: base + slip.span.start, end: base + slip.span.end }, slip.args, {
    replacement: { span: { start: base + edit.span.start, end: base + edit.span.end }, newText: edit.newText, ...(title ? { title } : {}) },
  });
}


const MAX_SYNTAX_FINDINGS = 100;

/**
 * A parser error as a finding. `source` is the text that was parsed (the repaired copy, when there
 * were slips); `toOriginal` maps its offsets back to the document's.
 */
function yamlErrorFinding(error: YAMLError, source: string, base: number, toOriginal: (offset: number) => number): Finding {
  const local = Math.min(error.pos?.[0] ?? 0, source.length);
  const localEnd = Math.min(Math.max(local, error.pos?.[1] ?? 0), source.length);
  const mapped = (start: number, end: number): Span => ({ start: base + toOriginal(start), end: base + toOriginal(end) });
  // A zero-width error at the very end gets the last character, so it can be seen and stays inside the text.
  const at = (start: number, end: number): Span => {
    if (end > start) return mapped(start, end);
    if (start < source.length) return mapped(start, start + 1);
    return mapped(Math.max(0, start - 1), start);
  };
  if (error.code === 'DUPLICATE_KEY') {
    // The parser marks only the key's first character; the finding covers the whole key.
    const key = keyTextAt(source, local) ?? source.slice(local, localEnd);
    return finding('syntax.duplicate-key', 'error', at(local, local + key.length), { key: key.replace(/^["']|["']$/g, '') });
  }
  const message = error.message;
  // An unclosed quote or flow collection is reported where it ends; the author needs to see where it opens.
  const quote = /missing closing (["'])quote/i.exec(message) ?? (/^(["'])/.test(source.slice(local)) && error.code === 'MISSING_CHAR' ? ['', source[local]] : null);
  if (quote) {
    const open = source.lastIndexOf(quote[1], Math.max(0, localEnd - 1));
    return finding('syntax.yaml', 'error', at(open >= 0 ? open : local, (open >= 0 ? open : local) + 1), { problem: yamlProblems.MISSING_CHAR });
  }
  const bracket = /end with an? ([\]}])/.exec(message) ?? /(?:Expected|Missing) .*?([\]}])/.exec(message);
  if (bracket) {
    const open = unclosedBracket(source, local, bracket[1] === ']' ? '[' : '{', bracket[1]);
    if (open !== undefined) return finding('syntax.yaml', 'error', at(open, open + 1), { problem: yamlProblems.MISSING_CHAR });
  }
  const code = error.code === 'MISSING_CHAR' && /indicator|indent/i.test(message) ? 'BAD_INDENT'
    : error.code === 'MISSING_CHAR' && /implicit map keys need to be followed by map values/i.test(message) ? 'IMPLICIT_KEY'
      : error.code;
  const problem = yamlProblems[code] ?? {
    en: `${code.toLowerCase().replace(/_/g, ' ')}.`,
    ja: `${code.toLowerCase().replace(/_/g, ' ')}（YAML の構文に誤りがあります）。`,
  };
  return finding('syntax.yaml', 'error', at(local, localEnd), { problem });
}

/**
 * The text of the key that starts at `at` and ends before blanks and a colon on the same line: quoted (with
 * its quotes) or plain. Read by hand: the lazy regex it replaces was quadratic on a long line of spaces.
 */
function keyTextAt(source: string, at: number): string | undefined {
  const colonAfter = (from: number): boolean => {
    let i = from;
    while (source[i] === ' ' || source[i] === '\t') i++;
    return source[i] === ':';
  };
  const quote = source[at];
  if (quote === '"' || quote === "'") {
    let close = at + 1;
    while (close < source.length && source[close] !== quote && source[close] !== '\n') close++;
    if (source[close] === quote && colonAfter(close + 1)) return source.slice(at, close + 1);
  }
  let stop = at;
  while (stop < source.length && source[stop] !== ':' && source[stop] !== '\n' && source[stop] !== '#') stop++;
  if (source[stop] !== ':') return undefined;
  let end = stop;
  while (end > at && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  return source.slice(at, end);
}

/** The opening bracket, before `position`, that no closing bracket matches. */
function unclosedBracket(source: string, position: number, open: string, close: string): number | undefined {
  let depth = 0;
  const floor = Math.max(0, position - 1_000_000);
  for (let i = Math.min(position, source.length) - 1; i >= floor; i--) {
    const c = source[i];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** The value of a top-level key, when it is a scalar. */
export function topLevelString(root: TreeNode | undefined, key: string): string | undefined {
  const node = child(root, key);
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}
