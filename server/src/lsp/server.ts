import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionKind, Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocuments, TextDocumentsConfiguration,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageReport, Locale, Workspace } from '../core';
import { loadBundledGuidelines, packageRoot } from '../node/bundled';
import { ServerContext } from './context';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
import { registerCoverageRequests } from './features/coverage';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerNavigation } from './features/navigation';
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
 * How the editor's documents follow its changes. A change whose version is not newer than the document's is
 * out of order (a client bug, or a duplicated message): applying it again would corrupt the server's copy of
 * the text, so it is ignored and logged, and the diagnostics stay those of the current version.
 */
function inOrderUpdates(log: (message: string) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(document, changes, version) {
      if (version <= document.version) {
        log(`ignored a change of ${document.uri} with version ${version}: the document is already at version ${document.version}`);
        return document;
      }
      return TextDocument.update(document, changes, version);
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
  const documents = new TextDocuments(inOrderUpdates(log));
  const root = options.packageRoot ?? packageRoot();
  let workspace = new Workspace();
  let settings: Settings = defaultSettings;
  let clientLocale: Locale = 'en';
  let hasConfiguration = false;
  let hasWorkspaceFolders = false;
  let bundledScheme: 'file' | 'kijun-bundled' = 'file';
  let indexedOnce = false;
  const bundledTexts = new Map<string, string>();

  const context: ServerContext = {
    connection,
    documents,
    workspace: () => workspace,
    settings: () => settings,
    locale: () => (settings.locale === 'auto' ? clientLocale : settings.locale),
    indexedOnce: () => indexedOnce,
    bundledTexts,
    lastCoverage: new Map<string, CoverageReport | undefined>(),
    log,
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
    const init = (params.initializationOptions ?? {}) as { bundledScheme?: string; locale?: string };
    if (init.bundledScheme === 'kijun-bundled') bundledScheme = 'kijun-bundled';
    if (init.locale === 'ja' || init.locale === 'en') clientLocale = init.locale;
    let folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    sync.setFolders(folders);
    workspace = createWorkspace();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', ',', '[', '、', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kijun-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kijun' });
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        sync.setFolders(sync.folders().filter((f) => !event.removed.some((r) => r.uri === f)).concat(event.added.map((a) => a.uri)));
        void sync.index();
      });
    }
    void loadSettings().then(() => sync.index());
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

  const workspaceOptions = () => ({ coverage: { provisional: settings.provisionalItems } });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfiguration) await loadSettings();
    else applySettings(sanitizeSettings((change.settings as { kijun?: unknown } | null)?.kijun));
    await sync.index();
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

  documents.listen(connection);
  connection.listen();
}
