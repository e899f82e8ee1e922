import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver/node';
import { ItemDef, renderText, Span, vocabulary } from '../../core';
import { ready, ServerContext } from '../context';
import { toRange } from '../convert';

/** The outline of a document, and workspace symbols (clauses and guideline items). */
export function registerSymbols(context: ServerContext): void {
  const { connection } = context;

  connection.onDocumentSymbol(({ textDocument }) => {
    const workspace = context.workspace();
    const current = ready(context, textDocument.uri);
    const model = workspace.model(textDocument.uri);
    if (!current || !model) return [];
    const locale = context.locale();
    const symbol = (name: string, detail: string | undefined, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol => ({
      name: name || '?',
      detail,
      kind,
      range: toRange(current.lines, span),
      selectionRange: toRange(current.lines, selection),
      children,
    });
    switch (model.kind) {
      case 'standard':
        return [
          ...model.clauses.filter((c) => c.id).map((c) => symbol(c.id!.value, c.title?.value, SymbolKind.Struct, c.span, c.id!.span)),
          ...model.exclusions.filter((e) => e.item).map((e) => symbol(renderText('symbol.exclusion', { item: e.item!.value }, locale), e.reason?.value, SymbolKind.Constant, e.span, e.item!.span)),
        ];
      case 'guideline': {
        // The outline follows the document as written (items inside items), which is a tree whatever the
        // ids and `parent:` keys say: a repeated id or a parent cycle cannot make it loop.
        const build = (item: ItemDef): DocumentSymbol =>
          symbol(item.id.value, [item.label?.value, item.title?.value].filter(Boolean).join(' '), SymbolKind.Interface, item.span, item.id.span,
            item.nested.map(build));
        return [
          ...model.sectors.map((s) => symbol(s.label.value, s.id.value, SymbolKind.Enum, s.id.span, s.id.span,
            s.subsectors.map((sub) => symbol(sub.label.value, sub.id.value, SymbolKind.EnumMember, sub.id.span, sub.id.span)))),
          ...model.threats.map((t) => symbol(t.label.value, t.id.value, SymbolKind.Event, t.id.span, t.id.span)),
          ...model.topItems.map(build),
        ];
      }
      case 'action-plan': {
        // The plan's sections (its top-level keys), with the sectors and measures inside theirs.
        const root = workspace.parsed(textDocument.uri)?.root;
        if (root?.kind !== 'map') return [];
        return root.entries.map((e) => {
          const children = e.key === 'sectors'
            ? model.sectors.filter((s) => s.sector).map((s) => symbol(s.sector!.value, undefined, SymbolKind.Module, s.span, s.sector!.span))
            : e.key === 'measures'
              ? model.measures.filter((m) => m.measure).map((m) => symbol(m.measure!.value, vocabulary.measure[m.measure!.value]?.ja, SymbolKind.Event, m.span, m.measure!.span))
              : undefined;
          return symbol(e.key, undefined, SymbolKind.Namespace, { start: e.keySpan.start, end: e.value.span.end }, e.keySpan, children);
        });
      }
      case 'review':
        // A review record's links, named as the standard's clauses and items they join.
        return model.links.filter((l) => l.clause && l.item).map((l) => symbol(`${l.clause!.value} → ${l.item!.value}`, l.reviewed?.value, SymbolKind.Key, l.span, l.item!.span));
    }
  });

  connection.onWorkspaceSymbol(({ query }) => {
    const workspace = context.workspace();
    const wanted = query.toLowerCase();
    const result: SymbolInformation[] = [];
    const matches = (...names: (string | undefined)[]): boolean => names.some((n) => n?.toLowerCase().includes(wanted));
    for (const uri of workspace.uris()) {
      const model = workspace.model(uri);
      const lines = workspace.lines(uri);
      if (!model || !lines) continue;
      if (model.kind === 'standard') {
        for (const clause of model.clauses) {
          if (clause.id && matches(clause.id.value, clause.title?.value)) {
            result.push(SymbolInformation.create(`${clause.id.value} ${clause.title?.value ?? ''}`.trim(), SymbolKind.Struct, toRange(lines, clause.id.span), uri, model.id?.value));
          }
        }
      } else if (model.kind === 'guideline') {
        for (const item of model.items) {
          if (matches(item.id.value, item.label?.value, item.title?.value)) {
            result.push(SymbolInformation.create(`${item.id.value} ${item.title?.value ?? ''}`.trim(), SymbolKind.Interface, toRange(lines, item.id.span), uri, model.id?.value));
          }
        }
      }
      if (result.length >= 500) break;
    }
    return result;
  });
}
