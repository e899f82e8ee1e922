import { Range, SemanticTokens, SemanticTokensBuilder, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver/node';
import { LineIndex, ParsedDocument, SemanticToken, semanticTokenModifiers, semanticTokens, semanticTokenTypes, tokensInRange } from '../../core';
import { ready, ServerContext } from '../context';
import { toOffset } from '../convert';

/** The token kinds, in the order the encoded tokens refer to them. */
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] };

/**
 * Highlighting of Kijun documents (`core/editor/semanticTokens.ts`): the whole document, as an edit
 * of the previous result (a keystroke changes a few numbers, not the megabytes of a long standard),
 * or the visible range only. A document that is not Kijun's gets no answer (null), so that its
 * editor's own highlighting, or another extension's, stays as it is.
 */
export function registerSemanticTokens(context: ServerContext): void {
  const builders = new Map<string, SemanticTokensBuilder>();
  /** The whole document's tokens of the parse they were computed from: a range request of the same version reads them. */
  const computed = new Map<string, { parsed: ParsedDocument; tokens: SemanticToken[] }>();

  /** The document's tokens (within `range`), pushed into `builder`; false when it is not a Kijun document. */
  function build(uri: string, builder: SemanticTokensBuilder, range?: Range): boolean {
    const current = ready(context, uri);
    const parsed = context.workspace().parsed(uri);
    if (!current || !parsed?.isKijun) return false;
    const cached = computed.get(uri);
    let tokens: SemanticToken[];
    if (range) {
      const span = { start: toOffset(current.lines, range.start), end: toOffset(current.lines, range.end) };
      tokens = cached?.parsed === parsed ? tokensInRange(cached.tokens, span) : semanticTokens(parsed, span);
    } else {
      tokens = cached?.parsed === parsed ? cached.tokens : semanticTokens(parsed);
      computed.set(uri, { parsed, tokens });
    }
    push(builder, current.lines, tokens);
    return true;
  }

  const { semanticTokens: requests } = context.connection.languages;
  requests.on(({ textDocument }): SemanticTokens | null => {
    const builder = new SemanticTokensBuilder();
    if (!build(textDocument.uri, builder)) return null;
    builders.set(textDocument.uri, builder);
    return builder.build();
  });
  requests.onDelta(({ textDocument, previousResultId }): SemanticTokens | SemanticTokensDelta | null => {
    const builder = builders.get(textDocument.uri) ?? new SemanticTokensBuilder();
    builder.previousResult(previousResultId);
    if (!build(textDocument.uri, builder)) return null;
    builders.set(textDocument.uri, builder);
    return builder.buildEdits();
  });
  requests.onRange(({ textDocument, range }): SemanticTokens | null => {
    const builder = new SemanticTokensBuilder();
    return build(textDocument.uri, builder, range) ? builder.build() : null;
  });
  context.documents.onDidClose(({ document }) => {
    builders.delete(document.uri);
    computed.delete(document.uri);
  });
}

/** Tokens in text order, their positions found in one sweep down the lines (no search per token). */
function push(builder: SemanticTokensBuilder, lines: LineIndex, tokens: SemanticToken[]): void {
  let line = 0;
  let next = lines.lineCount > 1 ? lines.lineStart(1) : Number.POSITIVE_INFINITY;
  for (const token of tokens) {
    while (token.span.start >= next) {
      line++;
      next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : Number.POSITIVE_INFINITY;
    }
    builder.push(line, token.span.start - lines.lineStart(line), token.span.end - token.span.start, semanticTokenTypes.indexOf(token.type), token.declaration ? 1 : 0);
  }
}
