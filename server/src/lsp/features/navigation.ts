import { Location } from 'vscode-languageserver/node';
import { ItemDef, itemReferences, Span, symbolAt, Workspace } from '../../core';
import { ready, ServerContext } from '../context';
import { toOffset, toRange } from '../convert';

/** A location in a workspace document or a bundled guideline, when its text is known. */
export function locationIn(workspace: Workspace, uri: string, span: Span): Location | undefined {
  const lines = workspace.lines(uri);
  return lines ? Location.create(uri, toRange(lines, span)) : undefined;
}

/** Go to definition (from a reference into the guideline) and find references (the clauses covering an item). */
export function registerNavigation(context: ServerContext): void {
  const { connection } = context;

  connection.onDefinition(({ textDocument, position }) => {
    const workspace = context.workspace();
    const current = ready(context, textDocument.uri);
    const model = workspace.model(textDocument.uri);
    const catalog = workspace.catalogFor(textDocument.uri);
    if (!current || !model || !catalog) return null;
    const symbol = symbolAt(model, toOffset(current.lines, position));
    if (!symbol) return null;
    const at = (span: Span | undefined): Location | null => (span ? locationIn(workspace, catalog.uri, span) ?? null : null);
    switch (symbol.kind) {
      case 'item-reference':
        return at(catalog.item(symbol.name.value)?.id.span);
      case 'sector':
        return at(catalog.findSector(symbol.name.value)?.id.span);
      case 'subsector':
        return at(catalog.findSubsector(undefined, symbol.name.value)?.subsector.id.span);
      case 'threat': {
        const match = catalog.findThreat(symbol.name.value);
        return at(match && (match.example ?? match.threat).id.span);
      }
      default:
        return null;
    }
  });

  connection.onReferences(({ textDocument, position, context: request }) => {
    const workspace = context.workspace();
    const current = ready(context, textDocument.uri);
    const model = workspace.model(textDocument.uri);
    const catalog = workspace.catalogFor(textDocument.uri);
    if (!current || !model || !catalog) return [];
    const symbol = symbolAt(model, toOffset(current.lines, position));
    let item: ItemDef | undefined;
    if (symbol?.kind === 'item-definition') item = symbol.item;
    else if (symbol?.kind === 'item-reference') item = catalog.item(symbol.name.value);
    if (!item) return [];
    const result: Location[] = [];
    if (request.includeDeclaration) {
      const declaration = locationIn(workspace, catalog.uri, item.id.span);
      if (declaration) result.push(declaration);
    }
    for (const reference of itemReferences(workspace, catalog.id, item.id.value)) {
      const found = locationIn(workspace, reference.uri, reference.span);
      if (found) result.push(found);
    }
    return result;
  });
}
