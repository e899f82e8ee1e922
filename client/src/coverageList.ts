import * as vscode from 'vscode';
import type { CodeAction as LspCodeAction } from 'vscode-languageclient';
import { LanguageClient } from 'vscode-languageclient/node';
import { Locale, renderText } from '../../server/src/core/messages';
import {
  CoverageReportRequest, CoverageReportRow as ReportRow, ItemFixesRequest, OpenCoverageItemCommand, ShowCoverageCommand,
} from '../../server/src/lsp/protocol';

/** Uncovered items first, then partial ones, excluded, covered; must-consider before reference within each. */
const statusOrder: Record<string, number> = { uncovered: 0, partial: 1, excluded: 2, covered: 3 };

const icons: Record<string, string> = { covered: '$(pass)', excluded: '$(circle-slash)', partial: '$(circle-large-outline)', uncovered: '$(warning)' };

/**
 * "Show coverage of this standard": the items of its guideline that apply, uncovered first. Picking
 * an uncovered (or partial) item offers its quick fixes — a clause that covers it, an exclusion —
 * and picking any other goes to its definition in the guideline.
 */
export class CoverageList implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<void>();
  /** Fires when one of the list's pickers is on screen (the real-editor tests wait for it). */
  readonly onDidShow = this.shown.event;
  private readonly disposables: vscode.Disposable[] = [this.shown];

  constructor(private readonly client: LanguageClient, private readonly locale: () => Locale) {
    this.disposables.push(
      vscode.commands.registerCommand(ShowCoverageCommand, (uri?: string) => this.show(uri ?? vscode.window.activeTextEditor?.document.uri.toString())),
      vscode.commands.registerCommand(OpenCoverageItemCommand, (uri: string, item: string) => this.open(uri, item)),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async report(uri: string): Promise<ReportRow[] | undefined> {
    const report = await this.client.sendRequest<{ items: ReportRow[] } | null>(CoverageReportRequest.method, { uri });
    return report?.items;
  }

  private async show(uri: string | undefined): Promise<void> {
    if (!uri) return;
    const rows = await this.report(uri);
    if (!rows) {
      void vscode.window.showInformationMessage(renderText('client.not-a-standard', {}, this.locale()));
      return;
    }
    const sorted = rows.map((row, index) => ({ row, index })).sort((a, b) =>
      statusOrder[a.row.status] - statusOrder[b.row.status]
      || (a.row.obligation === b.row.obligation ? 0 : a.row.obligation === 'must-consider' ? -1 : 1)
      || a.index - b.index);
    const picked = await this.pick(sorted.map(({ row }) => ({
      label: `${icons[row.status] ?? ''} ${row.id} ${row.label}`.trim(),
      description: row.title,
      detail: this.detail(row),
      row,
    })), renderText('client.coverage-title', {}, this.locale()));
    if (picked) await this.act(uri, picked.row);
  }

  /** What picking an item does, by item id (also a command, so that other views can offer the same). */
  private async open(uri: string, item: string): Promise<void> {
    const row = (await this.report(uri))?.find((r) => r.id === item);
    if (row) await this.act(uri, row);
  }

  private async act(uri: string, row: ReportRow): Promise<void> {
    if (row.status === 'uncovered' || row.status === 'partial') await this.offerFixes(uri, row);
    else await this.goToDefinition(row);
  }

  private async offerFixes(uri: string, row: ReportRow): Promise<void> {
    const actions = await this.client.sendRequest<LspCodeAction[]>(ItemFixesRequest.method, { uri, item: row.id });
    const definition = { label: renderText('client.go-to-definition', {}, this.locale()), action: undefined as LspCodeAction | undefined };
    const picked = await this.pick([...actions.map((action) => ({ label: action.title, action })), definition],
      `${row.id} ${row.label} ${row.title}`.trim());
    if (!picked) return;
    if (!picked.action) return this.goToDefinition(row);
    const converter = this.client.protocol2CodeConverter;
    if (picked.action.edit && !(await vscode.workspace.applyEdit(await converter.asWorkspaceEdit(picked.action.edit)))) return;
    const command = picked.action.command;
    if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  private async goToDefinition(row: ReportRow): Promise<void> {
    if (!row.definition) return;
    const range = this.client.protocol2CodeConverter.asRange(row.definition.range);
    await vscode.window.showTextDocument(vscode.Uri.parse(row.definition.uri), { selection: range, preview: true });
  }

  /** A row's second line, in the user's language: obligation, coverage, provisional, the clauses covering it. */
  private detail(row: ReportRow): string {
    const locale = this.locale();
    return [
      renderText(`obligation.${row.obligation}`, {}, locale),
      renderText(`status.${row.status}`, {}, locale),
      row.children && row.status === 'partial' ? renderText('client.children-done', row.children, locale) : undefined,
      row.provisional ? renderText('mark.provisional', {}, locale) : undefined,
      row.coveredBy.length ? renderText('client.covered-by', { clauses: row.coveredBy.join(', ') }, locale) : undefined,
    ].filter(Boolean).join(' · ');
  }

  /** A quick pick that says when it is shown; resolves with the accepted entry, or undefined when dismissed. */
  private pick<T extends vscode.QuickPickItem>(items: T[], title: string): Promise<T | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = title;
    quickPick.items = items;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    return new Promise((resolve) => {
      let accepted: T | undefined;
      quickPick.onDidAccept(() => {
        accepted = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        resolve(accepted);
      });
      quickPick.show();
      this.shown.fire();
    });
  }
}
