import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection, Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams,
  StreamMessageReader, StreamMessageWriter, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import { repoRoot } from '../helpers';

/**
 * Drives the real language server in-process over a pair of streams, as an editor would:
 * initialize, open, edit, request. Diagnostics are awaited as events, never with sleeps.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** What the server wrote to its log (window/logMessage), in order. */
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  /** Whether the client says it shows work-done progress (`window.workDoneProgress`); set before `initialize`. */
  workDoneProgress = false;
  /** Called when the server creates a work-done progress token, after the client has answered. */
  onProgressCreated?: (token: string | number) => void;
  /** The server's `$/progress` notifications, in order. */
  readonly progress: { token: string | number; value: { kind: string; title?: string; cancellable?: boolean; message?: string; percentage?: number } }[] = [];
  private indexedCount = 0;
  private indexWaiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  /** The raw streams, for tests that write protocol frames themselves (several messages in one chunk). */
  readonly toServer = new PassThrough();
  readonly toClient = new PassThrough();

  constructor() {
    const { toServer, toClient } = this;
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection, { packageRoot: repoRoot, dependentsDelay: 5 });
    this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('kijun/coverage', (params: unknown) => {
      this.notifications.push({ method: 'kijun/coverage', params });
      for (const waiter of this.notificationWaiters.splice(0)) waiter();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      if (/\bindexed \d+ file|\d+ 件のファイルを読み込みました/.test(params.message)) this.indexedCount++;
      for (const resolve of this.indexWaiters.splice(0)) resolve();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      // The answer is written when this returns; what the test does with the token comes after it.
      if (this.onProgressCreated) setTimeout(() => this.onProgressCreated!(params.token), 0);
      return null;
    });
    this.connection.onNotification('$/progress', (params: TestClient['progress'][number]) => {
      this.progress.push(params);
      for (const resolve of this.indexWaiters.splice(0)) resolve();
    });
    this.connection.listen();
  }

  /** `textDocument`: the client's text document capabilities (what it can show of completion items, for one). */
  async initialize(folder?: string | string[], locale = 'en', initializationOptions: object = {}, textDocument: object = {}): Promise<InitializeResult> {
    const folders = folder === undefined ? [] : ([] as string[]).concat(folder);
    const result = (await this.connection.sendRequest('initialize', {
      processId: null,
      locale,
      rootUri: folders.length ? pathToFileURL(folders[0]).toString() : null,
      workspaceFolders: folders.length ? folders.map((f, i) => ({ uri: pathToFileURL(f).toString(), name: `ws${i}` })) : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument,
        window: { workDoneProgress: this.workDoneProgress },
      },
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  private notificationWaiters: (() => void)[] = [];

  /** The first `kijun/coverage` notification (received or to come) whose params satisfy `accept`. */
  async coverageNotification<P>(accept: (params: P) => boolean): Promise<P> {
    for (;;) {
      const found = this.notifications.find((n) => n.method === 'kijun/coverage' && accept(n.params as P));
      if (found) return found.params as P;
      await new Promise<void>((resolve) => this.notificationWaiters.push(resolve));
    }
  }

  /** Resolves once the server's work-done progress has ended (at least once). */
  async whenProgressEnded(): Promise<void> {
    while (!this.progress.some((p) => p.value.kind === 'end')) await new Promise<void>((resolve) => this.indexWaiters.push(resolve));
  }

  /** Resolves with the first line of the server's log that satisfies `accept` (written or to come). */
  async whenLogged(accept: (line: string) => boolean): Promise<string> {
    for (;;) {
      const line = this.logs.find(accept);
      if (line !== undefined) return line;
      await new Promise<void>((resolve) => this.indexWaiters.push(resolve));
    }
  }

  /** Resolves once the server has finished indexing the workspace folders (at least once). */
  async whenIndexed(): Promise<void> {
    while (this.indexedCount === 0) await new Promise<void>((resolve) => this.indexWaiters.push(resolve));
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  /** Waits until the diagnostics for `uri` satisfy `accept` (the latest published ones count too). */
  diagnosticsWhere(uri: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const latest = this.published.get(uri)?.at(-1);
    if (latest && accept(latest.diagnostics)) return Promise.resolve(latest.diagnostics);
    return this.nextDiagnostics(uri, (p) => accept(p.diagnostics)).then((p) => p.diagnostics);
  }

  async open(uri: string, text: string, languageId = uri.endsWith('.md') ? 'markdown' : 'yaml'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, (p) => p.version === 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, () => true);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return (await published).diagnostics;
  }

  /** Every diagnostics notification published for `uri` so far, in order. */
  publishedFor(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
  }
}

/** A temporary workspace folder with the given files (relative path → text). */
export function tempWorkspace(files: Record<string, string>): { folder: string; uri: (relative: string) => string; write: (relative: string, text: string) => string; dispose: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-ws-'));
  const write = (relative: string, text: string): string => {
    const file = path.join(folder, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return pathToFileURL(file).toString();
  };
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  return {
    folder,
    uri: (relative) => pathToFileURL(path.join(folder, relative)).toString(),
    write,
    dispose: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * For each test of the enclosing `describe`: a temporary workspace of `files` and a server initialized on it and
 * done indexing; both shut down and removed after the test. Read `client` and `ws` inside the tests.
 */
export function serverPerTest(files: Record<string, string>): { client: TestClient; ws: ReturnType<typeof tempWorkspace> } {
  const current = {} as { client: TestClient; ws: ReturnType<typeof tempWorkspace> };
  beforeEach(async () => {
    current.ws = tempWorkspace(files);
    current.client = new TestClient();
    await current.client.initialize(current.ws.folder);
    await current.client.whenIndexed();
  });
  afterEach(async () => {
    await current.client.shutdown();
    current.ws.dispose();
  });
  return current;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const offsets = (position: { line: number; character: number }): number => {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
    return offset + position.character;
  };
  const sorted = [...edits].sort((a, b) => offsets(b.range.start) - offsets(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsets(edit.range.start)) + edit.newText + result.slice(offsets(edit.range.end));
  return result;
}
