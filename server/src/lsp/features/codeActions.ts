import { CodeAction, CodeActionKind, Command, CreateFile, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import {
  addClauseEdit, addExclusionEdit, Finding, InterfaceText, itemTitle, LineIndex, Locale, removeExclusionEdit, renderText, reviewRecordEdit, Span, StubEdit,
  Workspace,
} from '../../core';
import { ready, ServerContext } from '../context';
import { toDiagnostic, toOffset, toRange } from '../convert';
import { ItemFixesRequest, SelectCommand } from '../protocol';

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
          edit: editOf(uri, current.lines, finding.replacement.span, finding.replacement.newText),
        });
      }
      for (const alternative of finding.alternatives ?? []) {
        actions.push({ title: renderText('action.replace', { text: alternative.newText }, locale), kind: CodeActionKind.QuickFix, diagnostics, edit: editOf(uri, current.lines, alternative.span, alternative.newText) });
      }
      if (finding.code === 'coverage.suspect') {
        const action = markReviewed(workspace, uri, finding, locale);
        if (action) actions.push({ ...action, diagnostics });
      }
      if (isCoverageFinding(finding.code) && finding.itemId) actions.push(...coverageFixes(context, uri, current.lines, finding.itemId).map((a) => ({ ...a, diagnostics })));
      if ((finding.code === 'exclusion.covered' || finding.code === 'exclusion.not-applicable') && finding.itemId) {
        const fix = removeExclusionEdit(workspace, uri, finding.itemId);
        if (fix) actions.push({ ...stubAction(context, uri, current.lines, 'action.remove-exclusion', finding.itemId, fix), isPreferred: true, diagnostics });
      }
    }
    // Source actions are asked for by kind (the editor's "Source Action…" menu); they are not fixes of a finding.
    if (request.only?.some((kind) => AcceptReviewsKind === kind || AcceptReviewsKind.startsWith(`${kind}.`))) {
      const action = acceptReviews(workspace, uri, locale);
      if (action) actions.push(action);
    }
    return actions;
  });

  // The coverage list's quick fixes for an item it shows (an uncovered item may have no diagnostic of its own).
  context.connection.onRequest(ItemFixesRequest.method, ({ uri, item }: { uri: string; item: string }) => {
    const current = ready(context, uri);
    return current ? coverageFixes(context, uri, current.lines, item) : [];
  });
}

/** For an item the standard does not cover: a clause that covers it, and an exclusion with a reason to write. */
function coverageFixes(context: ServerContext, uri: string, lines: LineIndex, itemId: string): CodeAction[] {
  const workspace = context.workspace();
  const fixes: [InterfaceText, StubEdit | undefined][] = [
    ['action.add-clause', addClauseEdit(workspace, uri, itemId)],
    ['action.exclude', addExclusionEdit(workspace, uri, itemId)],
  ];
  return fixes.flatMap(([title, fix]) => (fix ? [stubAction(context, uri, lines, title, itemId, fix)] : []));
}

/**
 * A fix titled by the item it is for (its id, official label and title), whose placeholder is
 * selected once applied, where the editor offers the command to do so.
 */
function stubAction(context: ServerContext, uri: string, lines: LineIndex, title: InterfaceText, itemId: string, fix: StubEdit): CodeAction {
  const item = context.workspace().catalogFor(uri)?.item(itemId);
  const args = { item: item?.id.value ?? itemId, label: item?.label?.value, title: item ? itemTitle(item) : undefined };
  const text = renderText(title, args, context.locale());
  const selection = fix.select && context.clientCommands.has(SelectCommand) ? rangeAfterEdit(lines, fix, fix.select) : undefined;
  return {
    title: text,
    kind: CodeActionKind.QuickFix,
    edit: editOf(uri, lines, fix.span, fix.newText),
    ...(selection ? { command: Command.create(text, SelectCommand, uri, selection) } : {}),
  };
}

function editOf(uri: string, lines: LineIndex, span: Span, newText: string) {
  return { changes: { [uri]: [TextEdit.replace(toRange(lines, span), newText)] } };
}

/** Where a part of an edit's new text stands once the edit is applied: the text before the edit does not move. */
function rangeAfterEdit(lines: LineIndex, fix: StubEdit, part: Span): Range {
  const origin = lines.positionAt(fix.span.start);
  const at = (offset: number) => {
    const before = fix.newText.slice(0, offset);
    const newlines = before.split('\n').length - 1;
    return newlines === 0
      ? { line: origin.line, character: origin.character + before.length }
      : { line: origin.line + newlines, character: before.length - before.lastIndexOf('\n') - 1 };
  };
  return { start: at(part.start), end: at(part.end) };
}

/**
 * "Mark reviewed": the review record with the current fingerprint of one link (`only`), or of every link of
 * the standard (the source action, as `kijun review --accept`). The record is Kijun's file, so its whole text is
 * replaced; a standard without one gets it created beside it.
 */
function reviewEdit(workspace: Workspace, uri: string, only?: { clause: string; item: string }): WorkspaceEdit | undefined {
  const record = reviewRecordEdit(workspace, uri, only);
  if (!record) return undefined;
  const recordLines = record.exists ? workspace.lines(record.uri) : undefined;
  if (recordLines) return { changes: { [record.uri]: [TextEdit.replace(toRange(recordLines, { start: 0, end: recordLines.text.length }), record.text)] } };
  return { documentChanges: [CreateFile.create(record.uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri: record.uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, record.text)])] };
}

function markReviewed(workspace: Workspace, uri: string, finding: Finding, locale: Locale): CodeAction | undefined {
  const clause = typeof finding.args.clause === 'string' ? finding.args.clause : undefined;
  const edit = clause && finding.itemId ? reviewEdit(workspace, uri, { clause, item: finding.itemId }) : undefined;
  if (!edit || !clause) return undefined;
  return { title: renderText('action.mark-reviewed', { clause, item: finding.itemId }, locale), kind: CodeActionKind.QuickFix, isPreferred: true, edit };
}

/** The source action of a standard: record every link reviewed, as `kijun review --accept` does. */
export const AcceptReviewsKind = `${CodeActionKind.Source}.kijun.acceptReviews`;

function acceptReviews(workspace: Workspace, uri: string, locale: Locale): CodeAction | undefined {
  const edit = workspace.model(uri)?.kind === 'standard' ? reviewEdit(workspace, uri) : undefined;
  return edit && { title: renderText('action.accept-reviews', {}, locale), kind: AcceptReviewsKind, edit };
}

function isCoverageFinding(code: string): boolean {
  return code === 'coverage.uncovered' || code === 'coverage.uncovered-reference' || code === 'coverage.uncovered-provisional';
}
