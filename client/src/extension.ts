import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  BundledGuidelineRequest, BundledScheme, CoverageNotification, CoverageParams, FindReferencesCommand, SelectCommand, ShowCoverageCommand,
} from '../../server/src/lsp/protocol';
// The message catalogue is plain data and functions: the client shows its few texts from it too.
import { Locale, renderText } from '../../server/src/core/messages';
import { CoverageTreeProvider } from './coverageTree';
import { CoverageList } from './coverageList';

/**
 * The thin client: starts the language server, shows the active standard's coverage in the status
 * bar, and serves the bundled guidelines as read-only documents. No analysis happens here.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; coverageTree: CoverageTreeProvider; coverageList: CoverageList }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved buffers only: a git diff's older side (scheme git:) is not a second copy of the document.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: BundledScheme },
    ],
    synchronize: {
      configurationSection: 'kijun',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md,markdown}'),
    },
    // The server's texts follow VS Code's display language (kijun.locale: auto), as vscode.env.language reports it.
    initializationOptions: { bundledScheme: BundledScheme, locale: vscode.env.language, commands: [SelectCommand] },
    middleware: {
      // VS Code's own Markdown support lists every heading in the outline, the clauses included: a second
      // list of the same clauses from Kijun would only put the outline one group level deeper.
      provideDocumentSymbols: (document, token, next) => (document.languageId === 'markdown' ? [] : next(document, token)),
    },
  };
  client = new LanguageClient('kijun', 'Kijun', serverOptions, clientOptions);
  const languageClient = client;

  // Bundled guidelines open read-only: a content provider's documents cannot be edited.
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(BundledScheme, {
    provideTextDocumentContent: async (uri) =>
      (await languageClient.sendRequest<string | null>(BundledGuidelineRequest.method, { uri: uri.toString() })) ?? '',
  }));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = ShowCoverageCommand;
  context.subscriptions.push(status);
  const coverage = new Map<string, CoverageParams>();
  // The client's own texts follow the same language as the server's messages: kijun.locale, else the editor's.
  const locale = (): Locale => {
    const setting = vscode.workspace.getConfiguration('kijun').get<string>('locale', 'auto');
    return (setting === 'auto' ? vscode.env.language.startsWith('ja') : setting === 'ja') ? 'ja' : 'en';
  };
  const updateStatus = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const current = uri ? coverage.get(uri) : undefined;
    if (!current?.mustConsider) {
      status.hide();
      return;
    }
    const c = current.mustConsider;
    const done = c.covered + c.excluded;
    status.text = `${done === c.total ? '$(pass)' : '$(warning)'} Kijun ${done}/${c.total}`;
    status.tooltip = renderText('client.status-tooltip', { done, total: c.total, excluded: c.excluded, guideline: current.guideline }, locale());
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateStatus));

  const coverageList = new CoverageList(languageClient, locale);
  context.subscriptions.push(coverageList);

  context.subscriptions.push(vscode.commands.registerCommand(FindReferencesCommand, (uri: string, position: { line: number; character: number }) =>
    vscode.commands.executeCommand('editor.action.findReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character))));

  // After a quick fix: its placeholder selected, so that the author types the clause's text or the exclusion's reason.
  context.subscriptions.push(vscode.commands.registerCommand(SelectCommand, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
    const selection = languageClient.protocol2CodeConverter.asRange(range);
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }));

  context.subscriptions.push(vscode.commands.registerCommand('kijun.restartServer', async () => {
    await languageClient.restart();
    void vscode.window.showInformationMessage(renderText('client.restarted', {}, locale()));
  }));

  // Registered before start(): the first checks (of the documents already open) notify as soon as the
  // server is initialized, before start() resolves; a handler added afterwards would miss them.
  // The Kijun Coverage view follows the same notifications (one handler each: a client keeps one per method).
  const coverageTree = new CoverageTreeProvider(languageClient, locale);
  coverageTree.register(context);
  context.subscriptions.push(client.onNotification(CoverageNotification.method, (params: CoverageParams) => {
    coverage.set(params.uri, params);
    updateStatus();
    coverageTree.coverageChanged();
  }));
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((document) => coverage.delete(document.uri.toString())));
  await client.start();
  return { client, coverageTree, coverageList };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
