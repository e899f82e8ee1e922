import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, TextEdit } from 'vscode-languageserver/node';
import { complete, documentKindOf, headerValue, snippetDefaults, Suggestion, SuggestionKind } from '../../core';
import { formatFor, ready, ServerContext } from '../context';

const completionKinds: Record<SuggestionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  sector: CompletionItemKind.Module,
  threat: CompletionItemKind.Event,
  item: CompletionItemKind.Reference,
  document: CompletionItemKind.File,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(({ textDocument, position }) => {
    const document = context.documents.get(textDocument.uri);
    if (!document) return [];
    const format = formatFor(document.uri, document.languageId);
    if (!format) return [];
    const workspace = context.workspace();
    const text = document.getText();
    const offset = document.offsetAt(position);
    const guidelineId = headerValue(text, 'guideline');
    // A guideline document completes against itself (its sectors and threats); parsing it is cheap.
    const catalog = guidelineId ? workspace.catalog(guidelineId)
      : documentKindOf(text) === 'guideline' ? (ready(context, document.uri), workspace.catalogFor(document.uri)) : undefined;
    // The workspace's line index of this version, when it holds this version (it does once the change is applied).
    const lines = workspace.text(document.uri) === text ? workspace.lines(document.uri) : undefined;
    const result = complete({
      text,
      lines,
      offset,
      format,
      locale: context.locale(),
      catalog,
      coverage: context.lastCoverage.get(document.uri),
      guidelineIds: () => workspace.guidelineIds(),
      standardIds: () => workspace.standards().flatMap(({ model }) => (model.id ? [{ id: model.id.value, sector: model.sector?.value, title: model.title?.value }] : [])),
      templates: context.snippetTemplates[format],
      // The clauses as the workspace last parsed them (one version behind while typing): enough to number a new one.
      clauseIds: () => {
        const model = workspace.model(document.uri);
        return model?.kind === 'standard' ? model.clauses.flatMap((c) => (c.id ? [c.id.value] : [])) : [];
      },
    });
    // The end is where the cursor really is: a position past the line's end, or negative, is no range to send back.
    const range = { start: document.positionAt(result.start), end: document.positionAt(offset) };
    return result.suggestions.map((s) => completionItem(s, range, context.clientCapabilities()));
  });
}

/** The editor's completion abilities that change what is sent. */
export interface CompletionCapabilities {
  labelDetails: boolean;
  snippets: boolean;
}

function completionItem(s: Suggestion, range: TextEdit['range'], capabilities: CompletionCapabilities): CompletionItem {
  const details = s.labelDetail !== undefined || s.labelDescription !== undefined;
  // Without label details the title goes into the label, so that the row still reads without being focused.
  const label = capabilities.labelDetails || !s.labelDetail ? s.label : `${s.label}${s.labelDetail}`;
  const snippet = s.snippet === true && capabilities.snippets;
  return {
    label,
    ...(details && capabilities.labelDetails ? { labelDetails: { detail: s.labelDetail, description: s.labelDescription } } : {}),
    kind: completionKinds[s.kind],
    detail: capabilities.labelDetails || !s.labelDescription ? s.detail : [s.labelDescription, s.detail].filter(Boolean).join(' — '),
    documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
    sortText: s.sortText,
    filterText: s.filterText,
    textEdit: TextEdit.replace(range, s.snippet && !snippet ? snippetDefaults(s.insertText) : s.insertText),
    ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    // Snippet lines carry their whole indentation: the editor must not indent them again.
    ...(s.snippet ? { insertTextMode: InsertTextMode.asIs } : {}),
  };
}
