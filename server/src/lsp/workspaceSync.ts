import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { FileChangeType } from 'vscode-languageserver/node';
import { MAX_DOCUMENT_BYTES, renderText } from '../core';
import { isCandidatePath, NotReadReason, notReadText, readableInside, readDocument, walkDocuments } from '../node/files';
import { formatFor, ServerContext } from './context';
import { DiagnosticsScheduler } from './features/diagnostics';

/**
 * Keeps the core's workspace in step with the editor (open documents: their text wins) and the
 * disk (every other Kijun document of the workspace folders and `kijun.guidelineFolders`).
 */
export interface WorkspaceSync {
  /** Reads every Kijun document of the folders, yielding often so that requests are served meanwhile. */
  index(): Promise<void>;
  /** The workspace folders changed. */
  setFolders(folders: string[]): void;
  folders(): string[];
  /** The client asked to shut down: indexing stops at the next file, and the disk is no longer read. */
  stop(): void;
}

export function registerWorkspaceSync(context: ServerContext, diagnostics: DiagnosticsScheduler, onIndexed: () => void): WorkspaceSync {
  const { connection, documents } = context;
  let folders: string[] = [];
  let indexing: Promise<void> | undefined;
  let indexAgain = false;
  let stopped = false;

  /** Logs, in the user's language, why a file or folder is not read: nothing is left out in silence. */
  function notRead(file: string, reason: NotReadReason, details: { other?: string; detail?: string } = {}): void {
    const locale = context.locale();
    context.log(renderText('server.not-read', { path: file, reason: notReadText(reason, details, locale) }, locale));
  }

  async function loadFromDisk(uri: string): Promise<void> {
    const workspace = context.workspace();
    const format = formatFor(uri);
    if (!format || !uri.startsWith('file:') || stopped) return;
    const file = fileURLToPath(uri);
    // The walk's rule for links holds for single files too (a watched file, a closed editor's file): a link
    // whose real target lies outside the folders is not read, so that nothing outside them enters the workspace.
    if (!(await readableInside(file, indexedRoots()))) {
      workspace.delete(uri);
      return;
    }
    const read = await readDocument(file, format, { maxBytes: MAX_DOCUMENT_BYTES });
    if (documents.get(uri) || stopped) return; // opened meanwhile: the editor's text wins
    if (read.kind === 'not-read') {
      // A file that is gone is simply no longer part of the workspace; any other reason is said in the log.
      if (read.isKijun && read.detail !== 'ENOENT') notRead(file, read.reason, read);
      workspace.delete(uri);
    } else workspace.put(uri, read.text, format, -1); // parsed when an analysis first needs it
  }

  /** The workspace folders, and the guideline folders of the settings (a relative one under each workspace folder). */
  function indexedFolders(): [string[], string[]] {
    const roots = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
    const extra = context.settings().guidelineFolders.flatMap((g) => (path.isAbsolute(g) ? [g] : roots.map((r) => path.join(r, g))));
    return [roots, extra];
  }

  function indexedRoots(): string[] {
    return indexedFolders().flat();
  }

  function index(): Promise<void> {
    if (indexing) {
      indexAgain = true;
      return indexing;
    }
    indexing = (async () => {
      do {
        indexAgain = false;
        await indexOnce();
      } while (indexAgain);
      indexing = undefined;
    })().catch((error) => {
      indexing = undefined;
      context.log(`indexing failed: ${String(error)}`);
    });
    return indexing;
  }

  /**
   * One pass over the folders, shown in the editor as work-done progress that the user can cancel
   * (what was read by then stays). Files are read without being parsed (a standard is parsed when an
   * analysis needs it), and the loop yields to the event loop every few files, so that an open
   * document's diagnostics and the user's requests are never held up behind it.
   */
  async function indexOnce(): Promise<void> {
    const workspace = context.workspace();
    const [roots, extra] = indexedFolders();
    const locale = context.locale();
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(renderText('server.indexing', {}, locale), 0, undefined, true);
    const files: string[] = [];
    // The same walk as the CLI's, except that a link is followed only into the folders walked.
    for await (const entry of walkDocuments([...roots, ...extra], { followLinks: 'into-roots' })) {
      if (stopped) break;
      if (entry.kind === 'skipped') {
        // Dot folders, node_modules and duplicates are skipped by rule, and would only fill the log.
        if (!['hidden', 'node-modules', 'duplicate'].includes(entry.reason)) notRead(entry.path, entry.reason, entry);
        continue;
      }
      files.push(entry.path);
    }
    const seen = new Set<string>();
    let count = 0;
    let cancelled = false;
    for (const file of files) {
      if (progress?.token.isCancellationRequested || stopped) {
        cancelled = true;
        break;
      }
      const uri = pathToFileURL(file).toString();
      seen.add(uri);
      if (documents.get(uri)) continue; // the editor's text wins over the disk's
      await loadFromDisk(uri);
      if (++count % 10 === 0) {
        progress?.report(Math.round((100 * count) / files.length), renderText('server.indexing-count', { count, total: files.length }, locale));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // What is no longer under a folder (a removed guideline folder, a file deleted meanwhile) leaves the workspace.
    if (!cancelled) for (const uri of workspace.uris()) if (uri.startsWith('file:') && !seen.has(uri) && !documents.get(uri)) workspace.delete(uri);
    progress?.done();
    // After shutdown nothing more is published: what was read stays unused.
    if (stopped) return;
    context.log(renderText(cancelled ? 'server.indexing-cancelled' : 'server.indexed', { files: count }, locale));
    onIndexed();
    diagnostics.revalidateAll();
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (stopped) return;
    const workspace = context.workspace();
    for (const change of changes) {
      if (documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        workspace.delete(change.uri);
        // A deleted folder arrives as one event: drop what was under it.
        for (const uri of workspace.uris()) if (uri.startsWith(`${change.uri}/`)) workspace.delete(uri);
      } else if (isWatchedCandidate(change.uri)) await loadFromDisk(change.uri);
    }
    diagnostics.revalidateAll();
  });

  /** A changed file is read when the walk would read it (not in a dot folder or node_modules); a link's target is reported under its own path. */
  function isWatchedCandidate(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    return indexedRoots().some((root) => isCandidatePath(file, root));
  }

  documents.onDidChangeContent(({ document }) => {
    const format = formatFor(document.uri, document.languageId);
    if (!format) return;
    try {
      context.workspace().set(document.uri, document.getText(), format, document.version, context.takeChange(document.uri));
    } catch (error) {
      // A throw of the core is a bug; the check that follows meets it again, clears the diagnostics and logs it.
      context.log(`reading ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    diagnostics.validateSoon(document.uri);
  });

  documents.onDidClose(({ document }) => {
    diagnostics.forget(document.uri);
    // Back to what the disk says; the closed editor's unsaved text is not the workspace's.
    context.workspace().delete(document.uri);
    void loadFromDisk(document.uri).then(() => diagnostics.revalidateOthers(document.uri));
  });

  return {
    index,
    folders: () => folders,
    stop() {
      stopped = true;
    },
    setFolders(next) {
      const workspace = context.workspace();
      const removed = folders.filter((f) => !next.includes(f));
      folders = next;
      // Documents of a removed folder leave the workspace (unless open in the editor).
      for (const folder of removed) {
        for (const uri of workspace.uris()) if (uri.startsWith(`${folder}/`) && !documents.get(uri)) workspace.delete(uri);
      }
    },
  };
}
