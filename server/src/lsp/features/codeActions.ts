import { CodeAction, CodeActionKind, TextEdit } from 'vscode-languageserver/node';
import { addClauseEdit, addExclusionEdit, InterfaceText, removeExclusionEdit, renderText, Replacement, Span } from '../../core';
import { ready, ServerContext } from '../context';
import { toDiagnostic, toOffset, toRange } from '../convert';

/** Quick fixes: a finding's replacement; a clause or an exclusion for an uncovered item; removing a pointless exclusion. */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(({ textDocument, range, context: request }) => {
    const current = ready(context, textDocument.uri);
    if (!current) return [];
    const workspace = context.workspace();
    const locale = context.locale();
    const uri = textDocument.uri;
    const analysis = workspace.analyze(uri);
    const start = toOffset(current.lines, range.start);
    const end = toOffset(current.lines, range.end);
    const actions: CodeAction[] = [];
    const edit = (span: Span, newText: string) => ({ changes: { [uri]: [TextEdit.replace(toRange(current.lines, span), newText)] } });
    for (const finding of analysis.findings) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const diagnostic = toDiagnostic(finding, current.lines, locale);
      const matching = request.diagnostics.filter((d) => d.code === finding.code && d.range.start.line === diagnostic.range.start.line
        && (!finding.itemId || (d.data as { itemId?: string } | undefined)?.itemId === finding.itemId));
      // Coverage findings of one standard share a span (its guideline reference): a fix belongs to the
      // diagnostic the editor asks about, never to every uncovered item at that place.
      if (isCoverageFinding(finding.code) && matching.length === 0) continue;
      const diagnostics = matching.length ? matching : [diagnostic];
      if (finding.replacement) {
        actions.push({
          title: finding.replacement.title
            ? renderText(finding.replacement.title.key, finding.replacement.title.args, locale)
            : renderText('action.replace', { text: finding.replacement.newText }, locale),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics,
          edit: edit(finding.replacement.span, finding.replacement.newText),
        });
      }
      if (isCoverageFinding(finding.code) && finding.itemId) {
        const fixes: [InterfaceText, Replacement | undefined][] = [
          ['action.add-clause', addClauseEdit(workspace, uri, finding.itemId)],
          ['action.exclude', addExclusionEdit(workspace, uri, finding.itemId)],
        ];
        for (const [title, fix] of fixes) {
          if (fix) actions.push({ title: renderText(title, { item: finding.itemId }, locale), kind: CodeActionKind.QuickFix, diagnostics, edit: edit(fix.span, fix.newText) });
        }
      }
      if ((finding.code === 'exclusion.covered' || finding.code === 'exclusion.not-applicable') && finding.itemId) {
        const fix = removeExclusionEdit(workspace, uri, finding.itemId);
        if (fix) actions.push({ title: renderText('action.remove-exclusion', { item: finding.itemId }, locale), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: edit(fix.span, fix.newText) });
      }
    }
    return actions;
  });
}

function isCoverageFinding(code: string): boolean {
  return code === 'coverage.uncovered' || code === 'coverage.uncovered-reference' || code === 'coverage.uncovered-provisional';
}
