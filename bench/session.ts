// A minimal LSP client for the bench: spawns a server over stdio in its own process group, speaks
// JSON-RPC through vscode-jsonrpc (re-exported by vscode-languageserver/node), times requests and
// notifications, samples peak memory, and always cleans the process up.

import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

export const now = (): number => performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface Publish { t: number; version?: number | null; count: number }

/** A `$/progress` notification of work-done progress (`begin`, `report`, `end`). */
export interface ProgressEvent { t: number; token: string | number; kind: string; cancellable?: boolean; percentage?: number; message?: string }

export interface SessionOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  rootUri: string;
  /** Answers workspace/configuration (nested by section: `{ yaml: {…} }`); pushed with didChangeConfiguration too. */
  settings?: Record<string, unknown>;
  /** Upper bound of every single wait (ms). */
  timeout: number;
  /** Tell the server that the client shows work-done progress (`window.workDoneProgress`). */
  workDoneProgress?: boolean;
}

const live = new Set<Session>();
/** Kills every server still running (process exit, signals, global budget). */
export function killAll(): void {
  for (const s of live) s.kill();
}
process.on('exit', killAll);

function lookup(settings: Record<string, unknown> | undefined, section: string | undefined): unknown {
  if (!settings) return null;
  if (!section) return settings;
  let cur: unknown = settings;
  for (const part of section.split('.')) {
    if (cur && typeof cur === 'object' && part in (cur as Record<string, unknown>)) cur = (cur as Record<string, unknown>)[part];
    else return null;
  }
  return cur ?? null;
}

export class Session {
  private child?: ChildProcess;
  private conn?: MessageConnection;
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private exitPromise?: Promise<never>;
  private memTimer?: NodeJS.Timeout;
  private readonly waiters = new Set<{ uri: string; pred: (p: Publish) => boolean; resolve: (p: Publish) => void }>();
  readonly publishes = new Map<string, Publish[]>();
  readonly progress: ProgressEvent[] = [];
  private readonly progressWaiters = new Set<{ pred: (p: ProgressEvent) => boolean; resolve: (p: ProgressEvent) => void }>();
  /** What the server wrote to its log (`window/logMessage`), in order. */
  readonly logs: string[] = [];
  /** When the `initialized` notification was sent. */
  initializedAt = 0;
  readonly stderrTail: string[] = [];
  peakRssKB = 0;
  phase = 'spawn';
  syncKind = 0;
  serverInfo?: { name: string; version?: string };

  constructor(readonly options: SessionOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<number> {
    const o = this.options;
    const child = spawn(o.command, o.args, { cwd: o.cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    this.child = child;
    live.add(this);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (e) => reject(new Error(`${o.name}: cannot start '${o.command}': ${e.message}`)));
    });
    this.exitPromise = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        live.delete(this);
        reject(new Error(`${o.name} exited (code ${code}, signal ${signal}) during '${this.phase}'`));
      });
    });
    this.exitPromise.catch(() => undefined);
    child.stdin!.on('error', () => undefined); // EPIPE after a crash is reported by 'exit'
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      for (const line of d.split('\n')) if (line.trim()) this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.splice(0, this.stderrTail.length - 20);
    });
    this.memTimer = setInterval(() => this.sampleMemory(), 250);

    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.conn = conn;
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number | null; diagnostics?: unknown[] }) => {
      const ev: Publish = { t: now(), version: p.version, count: Array.isArray(p.diagnostics) ? p.diagnostics.length : 0 };
      const list = this.publishes.get(p.uri) ?? [];
      list.push(ev);
      this.publishes.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(ev)) {
          this.waiters.delete(w);
          w.resolve(ev);
        }
      }
    });
    conn.onNotification('$/progress', (p: { token: string | number; value?: { kind?: string; cancellable?: boolean; percentage?: number; message?: string } }) => {
      const ev: ProgressEvent = { t: now(), token: p.token, kind: p.value?.kind ?? '?', cancellable: p.value?.cancellable, percentage: p.value?.percentage, message: p.value?.message };
      this.progress.push(ev);
      for (const w of [...this.progressWaiters]) {
        if (w.pred(ev)) {
          this.progressWaiters.delete(w);
          w.resolve(ev);
        }
      }
    });
    conn.onNotification('window/logMessage', (p: { message?: string }) => {
      if (typeof p?.message === 'string') this.logs.push(p.message);
    });
    conn.onNotification(() => undefined); // custom notifications
    conn.onRequest('workspace/configuration', (params: { items?: { section?: string }[] }) =>
      (params?.items ?? []).map((it) => lookup(o.settings, it.section)));
    conn.onRequest('workspace/workspaceFolders', () => [{ uri: o.rootUri, name: 'bench' }]);
    conn.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, …
    conn.listen();

    this.phase = 'initialize';
    const t0 = now();
    const init = await this.guard(conn.sendRequest('initialize', {
      processId: process.pid, // the server's watchdog ends it should the bench die
      clientInfo: { name: 'kijun-bench', version: '1' },
      locale: 'ja',
      rootUri: o.rootUri,
      workspaceFolders: [{ uri: o.rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: {
            contextSupport: true,
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true, labelDetailsSupport: true },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: !!o.workDoneProgress },
      },
      trace: 'off',
    }), 'initialize') as { capabilities?: { textDocumentSync?: number | { change?: number } }; serverInfo?: { name: string; version?: string } };
    const initMs = now() - t0;
    const sync = init?.capabilities?.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : sync?.change ?? 0;
    this.serverInfo = init?.serverInfo;
    this.initializedAt = now();
    await conn.sendNotification('initialized', {});
    if (o.settings) await conn.sendNotification('workspace/didChangeConfiguration', { settings: o.settings });
    return initMs;
  }

  /** Races a promise against the server's exit and the per-wait timeout. */
  guard<T>(promise: Promise<T>, what: string, timeout = this.options.timeout): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.options.name}: timeout after ${timeout} ms waiting for ${what}`)), timeout);
    });
    return Promise.race([promise, timedOut, this.exitPromise!]).finally(() => clearTimeout(timer));
  }

  /** The next publishDiagnostics for `uri` that satisfies `pred` (registered before the caller sends anything). */
  nextPublish(uri: string, pred: (p: Publish) => boolean, what: string): Promise<Publish> {
    let waiter!: { uri: string; pred: (p: Publish) => boolean; resolve: (p: Publish) => void };
    const p = new Promise<Publish>((resolve) => {
      waiter = { uri, pred, resolve };
      this.waiters.add(waiter);
    });
    return this.guard(p, what).finally(() => this.waiters.delete(waiter));
  }

  /** The next `$/progress` notification that satisfies `pred`, or the first one received already. */
  nextProgress(pred: (p: ProgressEvent) => boolean, what: string, timeout?: number): Promise<ProgressEvent> {
    const seen = this.progress.find(pred);
    if (seen) return Promise.resolve(seen);
    let waiter!: { pred: (p: ProgressEvent) => boolean; resolve: (p: ProgressEvent) => void };
    const p = new Promise<ProgressEvent>((resolve) => {
      waiter = { pred, resolve };
      this.progressWaiters.add(waiter);
    });
    return this.guard(p, what, timeout).finally(() => this.progressWaiters.delete(waiter));
  }

  /** Waits until no publishDiagnostics has arrived for `quietMs` (at most `maxMs`). */
  async quiet(uri: string, quietMs: number, maxMs = this.options.timeout): Promise<void> {
    const start = now();
    for (;;) {
      const list = this.publishes.get(uri) ?? [];
      const last = Math.max(list.length ? list[list.length - 1].t : start, start);
      if (now() - last >= quietMs || now() - start > maxMs) return;
      await this.guard(sleep(25), 'quiet period');
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn!.sendNotification(method, params);
  }

  request<T>(method: string, params: unknown, what = method): Promise<T> {
    return this.guard(this.conn!.sendRequest(method, params) as Promise<T>, what);
  }

  private sampleMemory(): void {
    const pid = this.child?.pid;
    if (!pid || this.exited) return;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      if (hwm) this.peakRssKB = Math.max(this.peakRssKB, +hwm[1]);
      return;
    } catch {
      /* no /proc: fall back to ps */
    }
    if (process.platform === 'win32') return;
    try {
      const kb = +execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim();
      if (kb > 0) this.peakRssKB = Math.max(this.peakRssKB, kb);
    } catch {
      /* gone */
    }
  }

  /** Peak resident set size so far (VmHWM, read now). */
  peakRssMB(): number {
    this.sampleMemory();
    return this.peakRssKB / 1024;
  }

  /** shutdown + exit; then SIGTERM and SIGKILL to the process group if the server lingers. */
  async stop(): Promise<string | undefined> {
    this.phase = 'shutdown';
    if (this.memTimer) clearInterval(this.memTimer);
    let warning: string | undefined;
    if (!this.exited && this.conn) {
      try {
        await this.guard(this.conn.sendRequest('shutdown'), 'shutdown response', 10_000);
        await this.conn.sendNotification('exit');
      } catch (e) {
        warning = (e as Error).message;
      }
    }
    const gone = (ms: number) => Promise.race([this.exitPromise!.catch(() => true), sleep(ms).then(() => false)]);
    if (!this.exited && !(await gone(5000))) {
      warning = `${warning ? `${warning}; ` : ''}did not exit after shutdown/exit: sent SIGTERM`;
      this.signal('SIGTERM');
      if (!(await gone(3000))) this.kill();
    }
    try {
      this.conn?.dispose();
    } catch {
      /* ignore */
    }
    return warning;
  }

  private signal(sig: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (!pid || this.exited) return;
    try {
      if (process.platform !== 'win32') process.kill(-pid, sig); // its own process group (detached)
      else this.child!.kill(sig);
    } catch {
      try {
        this.child!.kill(sig);
      } catch {
        /* gone */
      }
    }
  }

  kill(): void {
    if (this.memTimer) clearInterval(this.memTimer);
    this.signal('SIGKILL');
    live.delete(this);
  }
}
