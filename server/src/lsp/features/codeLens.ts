import { CodeLens } from 'vscode-languageserver/node';
import { guidelineUsage, renderText } from '../../core';
import { ready, ServerContext } from '../context';
import { toRange } from '../convert';
import { FindReferencesCommand, ShowCoverageCommand } from '../protocol';

/** A standard's coverage at its top; on each guideline item, the clauses of the workspace that cover it. */
export function registerCodeLens(context: ServerContext): void {
  context.connection.onCodeLens(({ textDocument }) => {
    const current = ready(context, textDocument.uri);
    if (!current) return [];
    const workspace = context.workspace();
    const locale = context.locale();
    const analysis = workspace.analyze(textDocument.uri);
    const model = analysis.model;
    if (model?.kind === 'standard' && analysis.coverage) {
      const c = analysis.coverage.mustConsider;
      const title = renderText('lens.standard', { done: c.covered + c.excluded, total: c.total, excluded: c.excluded }, locale);
      const top = toRange(current.lines, { start: 0, end: 0 });
      const lenses: CodeLens[] = [{ range: top, command: { title, command: ShowCoverageCommand, arguments: [textDocument.uri] } }];
      // Suspect links are a state of their own: said beside the coverage, not counted in it.
      const suspect = analysis.coverage.suspect?.length ?? 0;
      if (suspect > 0) lenses.push({ range: top, command: { title: renderText('lens.suspect', { count: suspect }, locale), command: ShowCoverageCommand, arguments: [textDocument.uri] } });
      return lenses;
    }
    if (model?.kind === 'guideline' && analysis.catalog) {
      const usage = guidelineUsage(workspace, analysis.catalog);
      return model.items.map((item) => {
        const u = usage.get(item) ?? { clauses: 0, standards: 0 };
        const range = toRange(current.lines, item.id.span);
        const title = renderText(item.provisional ? 'lens.item-provisional' : 'lens.item', u, locale);
        const lens: CodeLens = { range, command: { title, command: FindReferencesCommand, arguments: [textDocument.uri, range.start] } };
        return lens;
      });
    }
    return [];
  });
}
