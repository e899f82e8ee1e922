import { CompletionItem, CompletionItemKind, MarkupKind, TextEdit } from 'vscode-languageserver/node';
import { complete, documentKindOf, headerValue, SuggestionKind } from '../../core';
import { formatFor, ready, ServerContext } from '../context';

const completionKinds: Record<SuggestionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  sector: CompletionItemKind.Module,
  threat: CompletionItemKind.Event,
  item: CompletionItemKind.Reference,
  document: CompletionItemKind.File,
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
    const result = complete({
      text,
      offset,
      format,
      locale: context.locale(),
      catalog,
      coverage: context.lastCoverage.get(document.uri),
      guidelineIds: () => workspace.guidelineIds(),
      standardIds: () => workspace.standards().flatMap(({ model }) => (model.id ? [{ id: model.id.value, sector: model.sector?.value, title: model.title?.value }] : [])),
    });
    // The end is where the cursor really is: a position past the line's end, or negative, is no range to send back.
    const range = { start: document.positionAt(result.start), end: document.positionAt(offset) };
    return result.suggestions.map((s): CompletionItem => ({
      label: s.label,
      kind: completionKinds[s.kind],
      detail: s.detail,
      documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
      sortText: s.sortText,
      filterText: s.filterText,
      textEdit: TextEdit.replace(range, s.insertText),
    }));
  });
}
