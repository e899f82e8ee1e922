import { Document, parseDocument as parseYaml, YAMLError } from 'yaml';
import { finding, Finding, unknownName } from '../findings';
import { ChunkCache, chunkable, parseInChunks } from './chunks';
import { attachClauses, findFrontMatter, MarkdownClause, readMarkdownBody, tomlFrontMatter } from './markdown';
import { Bilingual } from '../messages';
import { closest, Span, utf8Length } from '../text';
import { child, entry, TreeNode, YamlTreeBuilder } from './tree';

export type DocumentFormat = 'yaml' | 'markdown';
export const documentKinds = ['guideline', 'standard', 'action-plan'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Files larger than this are reported, not parsed: no real standard comes near it. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

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
  chunks: ChunkCache;
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
export function parseDocument(text: string, format: DocumentFormat, previousChunks?: ChunkCache, options: { chunking?: boolean } = {}): ParsedDocument {
  const result: ParsedDocument = { format, text, isKijun: false, findings: [], markdownClauses: [], chunks: new Map() };
  // Cheap first test: workspaces hold many YAML and Markdown files that are not ours.
  if (!text.includes('kijun')) return result;
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only long texts need counting.
  const size = text.length * 3 > MAX_DOCUMENT_BYTES ? utf8Length(text) : text.length;
  if (size > MAX_DOCUMENT_BYTES) {
    result.isKijun = true;
    result.findings.push(finding('input.too-large', 'error', { start: 0, end: 0 }, { size, limit: MAX_DOCUMENT_BYTES }));
    return result;
  }
  const nul = text.indexOf('\u0000');
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
  const root = parseYamlTree(text.slice(yamlSpan.start, yamlSpan.end), yamlSpan.start, yamlFindings, previousChunks, options.chunking === false ? undefined : result.chunks);
  const kindEntry = entry(root, 'kijun');
  if (!root || !kindEntry) {
    // A syntax error can hide the `kijun:` key (a stray line above it while typing): the file is still
    // ours, and its syntax errors must stay visible instead of every diagnostic vanishing.
    const yamlText = text.slice(yamlSpan.start, yamlSpan.end);
    if (yamlFindings.length > 0 && /^\ufeff?kijun[ \t]*:[ \t]*["']?(?:guideline|standard|action-plan)\b/m.test(yamlText)) {
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
    result.findings.push(unknownName('document.unknown-kind', kindEntry.value.span, { value }, closest(value, documentKinds, (k) => [k])));
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

/** A Markdown file without YAML front matter is not ours, unless its TOML front matter names a Kijun kind: that gets a finding. */
function tomlFrontMatterResult(result: ParsedDocument): ParsedDocument {
  const opening = tomlFrontMatter(result.text);
  if (opening) {
    result.isKijun = true;
    result.findings.push(finding('markdown.front-matter-toml', 'error', opening));
  }
  return result;
}

function parseYamlTree(source: string, base: number, findings: Finding[], previous?: ChunkCache, next?: ChunkCache): TreeNode | undefined {
  if (next && chunkable(source)) {
    const chunkFindings: Finding[] = [];
    const tree = parseInChunks(source, base, chunkFindings, previous, next, (chunk) => {
      const relative: Finding[] = [];
      return { tree: parseWhole(chunk, 0, relative), findings: relative };
    });
    if (tree) {
      findings.push(...chunkFindings);
      return tree;
    }
    next.clear();
  }
  return parseWhole(source, base, findings);
}

function parseWhole(source: string, base: number, findings: Finding[]): TreeNode | undefined {
  let doc: Document;
  try {
    doc = parseYaml(source, { prettyErrors: false, uniqueKeys: true, strict: false });
  } catch (error) {
    // The parser recurses on nesting; a pathological depth overflows the stack. That is input, not a bug.
    findings.push(finding('input.too-deep', 'error', { start: base, end: base }, { limit: 'the parser' }));
    return undefined;
  }
  // One mistake can make the parser report the same error many times over: keep one per place, and at most 100.
  const seen = new Set<string>();
  for (const error of doc.errors) {
    // The tree builder reports excessive depth itself, once, where its limit is crossed.
    if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message)) continue;
    const result = yamlErrorFinding(error, source, base);
    const key = `${result.code}:${result.span.start}:${result.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(result);
    if (seen.size >= MAX_SYNTAX_FINDINGS) break;
  }
  const tree = new YamlTreeBuilder(doc, base, findings, source).build(doc.contents);
  return tree;
}

const yamlProblems: Record<string, Bilingual> = {
  BAD_INDENT: { en: 'the indentation does not match the surrounding lines.', ja: 'インデントが前後の行と合っていません。' },
  MISSING_CHAR: { en: 'a closing quote or bracket is missing.', ja: '閉じ引用符または閉じ括弧がありません。' },
  BLOCK_AS_IMPLICIT_KEY: { en: 'a block value cannot be used as a key.', ja: 'ブロックをキーとして使うことはできません。' },
  MULTILINE_IMPLICIT_KEY: { en: 'a key must fit on one line; is a ":" missing or misplaced?', ja: 'キーは 1 行に収める必要があります。「:」の位置を確認してください。' },
  TAB_AS_INDENT: { en: 'tabs cannot be used for indentation.', ja: 'インデントにタブは使えません。' },
  UNEXPECTED_TOKEN: { en: 'unexpected content here.', ja: 'ここに予期しない記述があります。' },
  BAD_SCALAR_START: { en: 'a plain value cannot start with this character; quote the value.', ja: 'この文字で値を始めることはできません。値を引用符で囲んでください。' },
  MULTIPLE_DOCS: { en: 'a file holds one document; remove the extra "---".', ja: '1 つのファイルには 1 つの文書だけを記載します。余分な「---」を削除してください。' },
  BAD_ALIAS: { en: 'this alias names no anchor.', ja: 'このエイリアスに対応するアンカーがありません。' },
  BAD_DQ_ESCAPE: { en: 'invalid escape sequence in a double-quoted value.', ja: '二重引用符の値に不正なエスケープがあります。' },
  KEY_OVER_1024_CHARS: { en: 'a key longer than 1024 characters.', ja: '1024 文字を超えるキーです。' },
};

const MAX_SYNTAX_FINDINGS = 100;

function yamlErrorFinding(error: YAMLError, source: string, base: number): Finding {
  const local = Math.min(error.pos?.[0] ?? 0, source.length);
  const localEnd = Math.min(Math.max(local, error.pos?.[1] ?? 0), source.length);
  // A zero-width error at the very end gets the last character, so it can be seen and stays inside the text.
  const at = (start: number, end: number): Span => {
    if (end > start) return { start: base + start, end: base + end };
    if (start < source.length) return { start: base + start, end: base + start + 1 };
    return { start: base + Math.max(0, start - 1), end: base + start };
  };
  if (error.code === 'DUPLICATE_KEY') {
    // The parser marks only the key's first character; the finding covers the whole key.
    const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n#]*?)[ \t]*:/.exec(source.slice(local))?.[1] ?? source.slice(local, localEnd);
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
  const code = error.code === 'MISSING_CHAR' && /indicator|indent/i.test(message) ? 'BAD_INDENT' : error.code;
  const problem = yamlProblems[code] ?? {
    en: `${code.toLowerCase().replace(/_/g, ' ')}.`,
    ja: `${code.toLowerCase().replace(/_/g, ' ')}（YAML の構文に誤りがあります）。`,
  };
  return finding('syntax.yaml', 'error', at(local, localEnd), { problem });
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
