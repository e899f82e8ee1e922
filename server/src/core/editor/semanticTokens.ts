import { DocumentKind, ParsedDocument } from '../parsing/parse';
import { TreeNode } from '../parsing/tree';
import { Span } from '../text';
import { vocabulary } from '../vocabulary';

/**
 * Highlighting of Kijun's structure, from the document's parse (the one the workspace holds for
 * diagnostics; nothing is parsed again): clause ids, guideline item ids and references, sector and
 * threat names, enumerated values and keys. Only Kijun documents have any; a plain YAML or Markdown
 * file keeps its editor's own highlighting, untouched.
 *
 * The token kinds are LSP's standard ones, so that every colour theme colours them: a clause id is
 * a `class`, a guideline item an `interface`, a sector, threat or enumerated value an `enumMember`,
 * a key a `keyword` (as YAML themes colour keys), the document kind (`kijun: standard`) a `keyword`.
 * A definition (the id of a clause, an item, a sector or threat in a guideline) has the modifier
 * `declaration`.
 */
export const semanticTokenTypes = ['class', 'interface', 'enumMember', 'keyword'] as const;
export const semanticTokenModifiers = ['declaration'] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export interface SemanticToken {
  span: Span;
  type: SemanticTokenType;
  declaration: boolean;
}

/** What a value at a path is, by document kind: the last keys of its path (`*` for a list element). */
const valueRules: Record<DocumentKind, { path: string[]; type: SemanticTokenType; declaration?: boolean }[]> = {
  standard: [
    { path: ['clauses', '*', 'id'], type: 'class', declaration: true },
    { path: ['clauses', '*', 'covers', '*'], type: 'interface' },
    { path: ['clauses', '*', 'covers'], type: 'interface' },
    { path: ['clauses', '*', 'threats', '*'], type: 'enumMember' },
    { path: ['exclusions', '*', 'item'], type: 'interface' },
    { path: ['sector'], type: 'enumMember' },
    { path: ['subsector'], type: 'enumMember' },
  ],
  guideline: [
    { path: ['items', '*', 'id'], type: 'interface', declaration: true },
    { path: ['items', '*', 'parent'], type: 'interface' },
    { path: ['items', '*', 'sectors', '*'], type: 'enumMember' },
    { path: ['items', '*', 'threats', '*'], type: 'enumMember' },
    { path: ['sectors', '*', 'id'], type: 'enumMember', declaration: true },
    { path: ['subsectors', '*', 'id'], type: 'enumMember', declaration: true },
    { path: ['threats', '*', 'id'], type: 'enumMember', declaration: true },
    { path: ['examples', '*', 'id'], type: 'enumMember', declaration: true },
  ],
  'action-plan': [
    { path: ['sectors', '*', 'sector'], type: 'enumMember' },
    { path: ['services', '*', 'subsector'], type: 'enumMember' },
    { path: ['threats', '*', 'threat'], type: 'enumMember' },
    { path: ['information-sharing', '*', 'threat'], type: 'enumMember' },
  ],
};

/**
 * The tokens of a Kijun document, in text order, optionally only those within `range`. The walk
 * skips every subtree outside the range, and finds the first list entry in the range by bisection,
 * so that a request for the visible lines of a standard of 20,000 clauses reads those clauses only.
 */
export function semanticTokens(parsed: ParsedDocument, range?: Span): SemanticToken[] {
  if (!parsed.isKijun || !parsed.kind || !parsed.root) return [];
  return new TokenWalk(parsed, range).run(parsed.root);
}

/** The tokens of a whole document's list (in text order) that lie within `range`. */
export function tokensInRange(tokens: SemanticToken[], range: Span): SemanticToken[] {
  return tokens.slice(firstEndingAfter(tokens, range.start), firstStartingAfter(tokens, range.end));
}

class TokenWalk {
  private readonly tokens: SemanticToken[] = [];
  /** Keys from the root to the node being read; `*` for a list element. Mutated in place: no copies per node. */
  private readonly path: string[] = [];
  private readonly rules: { path: string[]; type: SemanticTokenType; declaration?: boolean }[];

  constructor(private readonly parsed: ParsedDocument, private readonly range: Span | undefined) {
    this.rules = valueRules[parsed.kind!];
  }

  /** Whether the tokens came in text order without overlapping, as they do unless merge keys brought entries in. */
  private ordered = true;
  private lastEnd = 0;

  run(root: TreeNode): SemanticToken[] {
    this.visit(root);
    const tokens = this.tokens;
    if (this.ordered) return tokens;
    // Merged entries share their alias's span: keep one token per place, in text order.
    tokens.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const kept: SemanticToken[] = [];
    for (const token of tokens) if (kept.length === 0 || token.span.start >= kept[kept.length - 1].span.end) kept.push(token);
    return kept;
  }

  private add(span: Span, type: SemanticTokenType, declaration = false): void {
    const range = this.range;
    if (span.end <= span.start || (range && (span.end <= range.start || span.start >= range.end))) return;
    const text = this.parsed.text;
    // A value brought in by an alias takes the alias's span: the alias is not an item, a sector or a key.
    if (text.charCodeAt(span.start) === 42 /* * */) return;
    // Editors take a token on one line only; none of ours is meant to run over lines.
    for (let i = span.start; i < span.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return;
    }
    if (span.start < this.lastEnd) this.ordered = false;
    this.lastEnd = Math.max(this.lastEnd, span.end);
    this.tokens.push({ span, type, declaration });
  }

  private visit(node: TreeNode): void {
    const range = this.range;
    const path = this.path;
    // The root is never skipped: in Markdown its span is the front matter, the clauses lie below it.
    if (range && path.length > 0 && (node.span.end < range.start || node.span.start > range.end)) return;
    if (node.kind === 'seq') {
      const items = node.items;
      path.push('*');
      for (let i = range ? firstItemEndingAfter(items, range.start) : 0; i < items.length; i++) {
        if (range && items[i].span.start > range.end) break;
        this.visit(items[i]);
      }
      path.pop();
    } else if (node.kind === 'map') {
      for (const entry of node.entries) {
        // A key written before its value; entries made by the Markdown reader (a clause's id and title,
        // the list of clauses) or brought in by a merge key have no key text of their own.
        if (entry.keySpan.end <= entry.value.span.start) this.add(entry.keySpan, 'keyword');
        path.push(entry.key);
        this.visit(entry.value);
        path.pop();
      }
    } else if (node.value !== null && node.value !== '') {
      this.scalar(node.span, String(node.value));
    }
  }

  private scalar(span: Span, value: string): void {
    const path = this.path;
    for (const rule of this.rules) if (endsWith(path, rule.path)) return this.add(span, rule.type, rule.declaration);
    const key = path[path.length - 1] === '*' ? path[path.length - 2] : path[path.length - 1];
    if (path.length === 1 && key === 'kijun') this.add(span, 'keyword');
    else if (key && vocabulary[key]?.[value]) this.add(span, 'enumMember');
  }
}

function endsWith(path: string[], suffix: string[]): boolean {
  const offset = path.length - suffix.length;
  if (offset < 0) return false;
  for (let i = 0; i < suffix.length; i++) if (path[offset + i] !== suffix[i]) return false;
  return true;
}

/** The first index in `0..length` for which `before` no longer holds (it holds for a prefix of the indices). */
function firstNotBefore(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first list item whose span ends at or after `offset` (items are in text order). */
function firstItemEndingAfter(items: TreeNode[], offset: number): number {
  return firstNotBefore(items.length, (i) => items[i].span.end < offset);
}

function firstEndingAfter(tokens: SemanticToken[], offset: number): number {
  return firstNotBefore(tokens.length, (i) => tokens[i].span.end <= offset);
}

function firstStartingAfter(tokens: SemanticToken[], offset: number): number {
  return firstNotBefore(tokens.length, (i) => tokens[i].span.start < offset);
}
