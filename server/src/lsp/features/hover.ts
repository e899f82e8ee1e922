import { MarkupKind } from 'vscode-languageserver/node';
import { hoverText } from '../../core';
import { ready, ServerContext } from '../context';
import { toOffset, toRange } from '../convert';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(({ textDocument, position }) => {
    const current = ready(context, textDocument.uri);
    if (!current) return null;
    const hover = hoverText(context.workspace(), textDocument.uri, toOffset(current.lines, position), context.locale());
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(current.lines, hover.span) };
  });
}
