import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CoverageHtmlRequest, CoverageScopeParams, CoverageTreeNode, CoverageTreeRequest, WorkspaceChangedNotification } from '../../server/src/lsp/protocol';
import { Locale, renderText } from '../../server/src/core/messages';

export const CoverageViewId = 'kijun.coverage';
/** The context key the view's title buttons read: which scope the view shows. */
const ScopeContextKey = 'kijun.coverageScope';
/** Coverage notifications come after every check, so per keystroke: the view asks again at most this often. */
const REFRESH_DELAY_MS = 300;

/**
 * The "Kijun Coverage" view: the tree the server builds (guideline → items with their state → covering
 * clauses), for the workspace's standards or the active one; the client only shows it. Refreshed when a
 * document is checked (`coverageChanged`), when the workspace changes on disk and when the active editor changes, while the view
 * is visible (when hidden, at the next showing). Also the HTML report, in a webview that follows the same scope.
 */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageTreeNode> {
  private scope: CoverageScopeParams['scope'] = 'workspace';
  private roots: CoverageTreeNode[] = [];
  /** The nodes under each node, by its id, in the order the server sent them. */
  private readonly children = new Map<string, CoverageTreeNode[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private view?: vscode.TreeView<CoverageTreeNode>;
  private report?: vscode.WebviewPanel;
  private timer?: NodeJS.Timeout;
  private stale = true;
  /** The document the one-standard scope shows: the active editor's, or the last one while another kind of editor is active. */
  private lastStandard?: string;

  constructor(private readonly client: LanguageClient, private readonly locale: () => Locale) {}

  /** Creates the view and its commands; everything is disposed with the extension. */
  register(context: vscode.ExtensionContext): void {
    this.view = vscode.window.createTreeView(CoverageViewId, { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', ScopeContextKey, this.scope);
    context.subscriptions.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(({ visible }) => { if (visible && this.stale) this.refreshSoon(0); }),
      this.client.onNotification(WorkspaceChangedNotification.method, () => this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => { if (this.scope === 'standard') this.refreshSoon(); }),
      vscode.commands.registerCommand('kijun.coverageTree.showWorkspace', () => this.setScope('workspace')),
      vscode.commands.registerCommand('kijun.coverageTree.showActiveStandard', () => this.setScope('standard')),
      vscode.commands.registerCommand('kijun.coverageTree.refresh', () => this.refresh()),
      vscode.commands.registerCommand('kijun.openCoverageReport', () => this.openReport()),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  getTreeItem(node: CoverageTreeNode): vscode.TreeItem {
    const collapsible = !this.children.has(node.id) ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'guideline' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    item.iconPath = iconOf(node);
    if (node.location) {
      const { start, end } = node.location.range;
      item.command = {
        command: 'vscode.open',
        title: node.label,
        arguments: [vscode.Uri.parse(node.location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
      };
    }
    return item;
  }

  getChildren(node?: CoverageTreeNode): CoverageTreeNode[] {
    return node ? this.children.get(node.id) ?? [] : this.roots;
  }

  /** Asks the server for the tree now (and the report, when it is open). */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.stale = false;
    const params = this.params();
    const nodes = await this.client.sendRequest<CoverageTreeNode[]>(CoverageTreeRequest.method, params);
    this.roots = [];
    this.children.clear();
    for (const node of nodes) {
      if (node.parent === undefined) {
        this.roots.push(node);
        continue;
      }
      const siblings = this.children.get(node.parent) ?? [];
      siblings.push(node);
      this.children.set(node.parent, siblings);
    }
    this.changed.fire();
    if (this.report) this.report.webview.html = await this.reportHtml(params);
  }

  /**
   * A document was checked (kijun/coverage). The extension's own handler calls this: a language client keeps one
   * handler per notification, so a second registration would replace the status bar's.
   */
  coverageChanged(): void {
    this.refreshSoon();
  }

  private refreshSoon(delay = REFRESH_DELAY_MS): void {
    if (!this.view?.visible && !this.report) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    // A failed request (the server restarting) leaves the tree as it was until the next change.
    this.timer = setTimeout(() => { this.refresh().catch(() => { this.stale = true; }); }, delay);
  }

  private async setScope(scope: CoverageScopeParams['scope']): Promise<void> {
    this.scope = scope;
    await vscode.commands.executeCommand('setContext', ScopeContextKey, scope);
    await this.refresh();
  }

  private params(): CoverageScopeParams {
    if (this.scope === 'workspace') return { scope: 'workspace' };
    const active = vscode.window.activeTextEditor?.document;
    if (active && (active.languageId === 'yaml' || active.languageId === 'markdown')) this.lastStandard = active.uri.toString();
    return { scope: 'standard', ...(this.lastStandard ? { uri: this.lastStandard } : {}) };
  }

  private async openReport(): Promise<void> {
    const title = renderText('client.report-title', {}, this.locale());
    if (!this.report) {
      // No scripts: the report's filter is CSS only, and its Content-Security-Policy allows inline styles alone.
      this.report = vscode.window.createWebviewPanel('kijun.coverageReport', title, vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
      this.report.onDidDispose(() => { this.report = undefined; });
    }
    this.report.title = title;
    this.report.webview.html = await this.reportHtml(this.params());
    this.report.reveal();
  }

  private async reportHtml(params: CoverageScopeParams): Promise<string> {
    const html = await this.client.sendRequest<string | null>(CoverageHtmlRequest.method, params);
    return html ?? `<!DOCTYPE html><meta charset="utf-8"><p>${renderText('client.not-a-standard', {}, this.locale())}</p>`;
  }

  /** For the real-editor tests: the report's HTML as last shown, and the tree as last received. */
  get testState(): { roots: CoverageTreeNode[]; reportHtml?: string } {
    return { roots: this.roots, ...(this.report ? { reportHtml: this.report.webview.html } : {}) };
  }
}

/** An icon per state, each of its own shape (not colour alone): check, half circle, slash, warning, dash. */
function iconOf(node: CoverageTreeNode): vscode.ThemeIcon {
  switch (node.kind) {
    case 'guideline':
      return new vscode.ThemeIcon('book');
    case 'clause':
      return new vscode.ThemeIcon('symbol-key');
    case 'message':
      return new vscode.ThemeIcon('info');
    default:
      switch (node.state) {
        case 'covered':
          return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        case 'partial':
          return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
        case 'excluded':
          return new vscode.ThemeIcon('circle-slash');
        case 'uncovered':
          return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        default:
          return new vscode.ThemeIcon('dash');
      }
  }
}
