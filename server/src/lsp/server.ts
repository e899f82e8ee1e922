import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind, Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocumentContentChangeEvent, TextDocuments,
  TextDocumentsConfiguration, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageReport, Locale, prepareValidators, renderText, TextChange, Workspace, WorkspaceOptions } from '../core';
import { loadBundledGuidelines, loadSnippetTemplates, packageRoot } from '../node/bundled';
import { ServerContext } from './context';
import { AcceptReviewsKind, registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
import { registerCoverageRequests } from './features/coverage';
import { registerCoverageTree } from './features/coverageTree';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerNavigation } from './features/navigation';
import { registerSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { defaultSettings, sanitizeSettings, Settings } from './settings';
import { guardRequests } from './requests';
import { registerWorkspaceSync } from './workspaceSync';

export { sanitizeSettings } from './settings';
export type { Settings } from './settings';

export interface ServerOptions {
  /** Folder holding `guidelines/` (defaults to the package this file belongs to). */
  packageRoot?: string;
  /** Delay before re-checking the other open documents after an edit (ms). */
  dependentsDelay?: number;
}

/**
 * How the editor's documents follow its changes, each change kept in `changes` as offsets. A change whose
 * version is not newer than the document's is out of order (a client bug, or a duplicated message): applying
 * it again would corrupt the server's copy of the text, so it is ignored and logged, and the diagnostics stay
 * those of the current version.
 */
function inOrderUpdates(log: (message: string) => void, changes: Map<string, TextChange | undefined>): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(document, contentChanges, version) {
      if (version <= document.version) {
        changes.delete(document.uri);
        log(`ignored a change of ${document.uri} with version ${version}: the document is already at version ${document.version}`);
        return document;
      }
      changes.set(document.uri, singleChange(document, contentChanges));
      return TextDocument.update(document, contentChanges, version);
    },
  };
}

/**
 * The language server: adapts the core's Workspace to LSP. It holds no rules; it keeps the
 * workspace in step with the editor and the disk (`workspaceSync.ts`) and registers one file of
 * `features/` per LSP feature, each turning the core's findings, suggestions and edits into
 * protocol objects.
 */
export function startServer(rawConnection: Connection, options: ServerOptions = {}): void {
  let shuttingDown = false;
  const log = (message: string) => rawConnection.console.log(`[kijun] ${message}`);
  const connection = guardRequests(rawConnection, { shuttingDown: () => shuttingDown, log });
  // The editor sends each edit as a range: kept as offsets, so that the core compares nothing to find it.
  const changes = new Map<string, TextChange | undefined>();
  const documents = new TextDocuments(inOrderUpdates(log, changes));
  const root = options.packageRoot ?? packageRoot();
  let workspace = new Workspace();
  let settings: Settings = defaultSettings;
  let clientLocale: Locale = 'en';
  let hasConfiguration = false;
  let hasWorkspaceFolders = false;
  let bundledScheme: 'file' | 'kijun-bundled' = 'file';
  let indexedOnce = false;
  const bundledTexts = new Map<string, string>();
  const snippets = loadSnippetTemplates(root);
  let completionCapabilities = { labelDetails: false, snippets: false };

  const context: ServerContext = {
    connection,
    documents,
    workspace: () => workspace,
    settings: () => settings,
    locale: () => (settings.locale === 'auto' ? clientLocale : settings.locale),
    indexedOnce: () => indexedOnce,
    bundledTexts,
    lastCoverage: new Map<string, CoverageReport | undefined>(),
    snippetTemplates: snippets.templates,
    clientCapabilities: () => completionCapabilities,
    clientCommands: new Set<string>(),
    log,
    takeChange(uri) {
      const change = changes.get(uri);
      changes.delete(uri);
      return change;
    },
  };

  /** Bundled guidelines under the URIs the client can open: `kijun-bundled:` documents (read-only) or files of the package. */
  function createWorkspace(): Workspace {
    const bundled = loadBundledGuidelines(root).map(({ uri, text }) => {
      const name = uri.replace(/^bundled:/, '');
      const bundledUri = bundledScheme === 'kijun-bundled'
        ? `kijun-bundled:/${name}`
        : pathToFileURL(path.join(root, 'guidelines', name)).toString();
      bundledTexts.set(bundledUri, text);
      return { uri: bundledUri, text };
    });
    return new Workspace(bundled, workspaceOptions());
  }

  const diagnostics = registerDiagnostics(context, options.dependentsDelay ?? 60);
  const sync = registerWorkspaceSync(context, diagnostics, () => { indexedOnce = true; });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    const completionItem = params.capabilities.textDocument?.completion?.completionItem;
    completionCapabilities = { labelDetails: !!completionItem?.labelDetailsSupport, snippets: !!completionItem?.snippetSupport };
    const init = (params.initializationOptions ?? {}) as { bundledScheme?: string; locale?: string; commands?: unknown };
    if (Array.isArray(init.commands)) for (const command of init.commands) if (typeof command === 'string') context.clientCommands.add(command);
    if (init.bundledScheme === 'kijun-bundled') bundledScheme = 'kijun-bundled';
    // The client's display language as it reports it (`ja`, `ja-JP`, `en-us`…): Japanese or, for any other, English.
    if (typeof init.locale === 'string' && init.locale !== '') clientLocale = init.locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    let folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    sync.setFolders(folders);
    workspace = createWorkspace();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', ',', '[', '、', '-', '#'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, AcceptReviewsKind] },
        codeLensProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kijun-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    for (const problem of snippets.problems) context.log(renderText('server.snippets-not-read', { detail: problem }, context.locale()));
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kijun' });
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        sync.setFolders(sync.folders().filter((f) => !event.removed.some((r) => r.uri === f)).concat(event.added.map((a) => a.uri)));
        void sync.index();
      });
    }
    void loadSettings().then(() => sync.index());
    // The schema validators are compiled while the editor has nothing to ask yet, not in the first document's check.
    setImmediate(() => prepareValidators());
  });

  async function loadSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      applySettings(sanitizeSettings(await connection.workspace.getConfiguration({ section: 'kijun' })));
    } catch (error) {
      context.log(`could not read settings: ${String(error)}`);
    }
  }

  function applySettings(next: Settings): void {
    settings = next;
    workspace.setOptions(workspaceOptions());
  }

  // A guideline's followers not parsed yet are read in the background (features/followers.ts), not in its check.
  const workspaceOptions = (): WorkspaceOptions => ({ coverage: { provisional: settings.provisionalItems }, unreadFollowers: 'count' });

  // Editors send a configuration change right after starting, and on every edit of any setting: the folders
  // are walked again only when the guideline folders changed; otherwise the open documents are checked again.
  connection.onDidChangeConfiguration(async (change) => {
    const folders = settings.guidelineFolders.join('\n');
    if (hasConfiguration) await loadSettings();
    else applySettings(sanitizeSettings((change.settings as { kijun?: unknown } | null)?.kijun));
    if (settings.guidelineFolders.join('\n') !== folders) await sync.index();
    else diagnostics.revalidateAll();
  });

  connection.onShutdown(() => {
    // Work still pending (a check scheduled, the indexing of a folder) is dropped: nothing is published after the answer.
    shuttingDown = true;
    diagnostics.stop();
    sync.stop();
  });

  registerCompletion(context);
  registerHover(context);
  registerNavigation(context);
  registerSymbols(context);
  registerCodeActions(context);
  registerCodeLens(context);
  registerCoverageRequests(context);
  registerCoverageTree(context);
  registerSemanticTokens(context);

  documents.listen(connection);
  connection.listen();
}

/** One ranged change as offsets into the text before and after it; several changes, or a whole new text, as none. */
function singleChange(document: TextDocument, contentChanges: TextDocumentContentChangeEvent[]): TextChange | undefined {
  if (contentChanges.length !== 1) return undefined;
  const change = contentChanges[0];
  if (!('range' in change)) return undefined;
  const start = document.offsetAt(change.range.start);
  const oldEnd = document.offsetAt(change.range.end);
  return { start, oldEnd, newEnd: start + change.text.length };
}
