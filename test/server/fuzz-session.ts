import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentFormat, isReadable, LineIndex, parseDocument, Workspace } from '../../server/src/core';
import { loadBundledGuidelines } from '../../server/src/node/bundled';
import { repoRoot, show } from '../helpers';
import { Action, EditSpec, editsIn, RequestKind } from './fuzz-model';
import { tempWorkspace, TestClient } from './harness';

/**
 * One run of the property suite: a fresh server over streams, the documents of a workspace opened in it,
 * then a sequence of actions. Every answer and every publish is checked as it arrives; at the end, once
 * the server is idle, the diagnostics of every open document must equal those of a new `Workspace` given
 * the final texts. A violation throws a `FuzzFailure` saying what went wrong, for fast-check to shrink.
 */
export class FuzzFailure extends Error {
  constructor(readonly kind: 'crash' | 'internal-error' | 'hang' | 'mismatch' | 'stale', message: string) {
    super(`${kind}: ${message}`);
  }
}

/** What the runs add up to: the figures SECURITY.md reports. */
export interface FuzzFigures {
  runs: number;
  actions: number;
  edits: number;
  requests: number;
  maxRequestMs: number;
  maxPublishMs: number;
  /** What the slowest publish was of (document and version), to look into. */
  slowestPublish: string;
}

export const emptyFigures = (): FuzzFigures => ({ runs: 0, actions: 0, edits: 0, requests: 0, maxRequestMs: 0, maxPublishMs: 0, slowestPublish: '' });

interface OpenDocument {
  uri: string;
  languageId: string;
  document: TextDocument;
  /** Texts before each edit, for undo. */
  history: string[];
  /** The disk's text, which the server reads again when the document is closed. */
  diskText: string;
  /**
   * Every text the server's workspace has held for this document since it was last read from the disk, in
   * order: the disk's text, then the text of version 1, 2, …. The from-scratch analysis needs the last
   * readable one the server parsed, for a guideline (`guideline.stale`).
   */
  versions: string[];
}

const severityNames = ['', 'error', 'warning', 'information', 'hint'];

/** A diagnostic as the comparison shows it: 1-based range, severity, code, message (as `show` renders a finding). */
function shownDiagnostic(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${severityNames[d.severity ?? 0]} ${String(d.code)} ${d.message}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure('hang', `${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bundled guidelines under the URIs the server gives them (files of the package), for the from-scratch workspace. */
let bundledAsServed: { uri: string; text: string }[] | undefined;
function bundledGuidelines(): { uri: string; text: string }[] {
  return (bundledAsServed ??= loadBundledGuidelines(repoRoot).map(({ uri, text }) => ({
    uri: pathToFileURL(path.join(repoRoot, 'guidelines', uri.replace(/^bundled:/, ''))).toString(),
    text,
  })));
}

/** The documents of the fuzzed workspace (path there → the repository file copied to it): the examples, and the guideline they follow. */
const FUZZ_FILES: Record<string, string> = {
  'action-plan/dai2ji-koudou-keikaku.yaml': 'examples/action-plan/dai2ji-koudou-keikaku.yaml',
  'finance/fisc-anzen-taisaku.yaml': 'examples/finance/fisc-anzen-taisaku.yaml',
  'guidelines/nisc-2008.yaml': 'guidelines/nisc-2008.yaml',
  'medical/iryo-joho-anzen.md': 'examples/medical/iryo-joho-anzen.md',
  'with-mistakes/butsuryu-draft.yaml': 'examples/with-mistakes/butsuryu-draft.yaml',
};

/** A temporary workspace holding copies of the fuzzed documents, and their paths in it, in the order the actions number them. */
export function fuzzWorkspace(): { ws: ReturnType<typeof tempWorkspace>; files: string[] } {
  const ws = tempWorkspace(Object.fromEntries(Object.entries(FUZZ_FILES).map(([to, from]) => [to, fs.readFileSync(path.join(repoRoot, from), 'utf8')])));
  return { ws, files: Object.keys(FUZZ_FILES).sort() };
}

export class FuzzSession {
  private readonly client = new TestClient();
  private readonly open: OpenDocument[] = [];

  constructor(private readonly folder: string, private readonly files: string[], private readonly boundMs: number, private readonly figures: FuzzFigures) {}

  async run(actions: Action[]): Promise<void> {
    try {
      await this.client.initialize(this.folder);
      await this.client.whenIndexed();
      for (const file of this.files) {
        const uri = pathToFileURL(path.join(this.folder, file)).toString();
        const text = fs.readFileSync(path.join(this.folder, file), 'utf8');
        const languageId = file.endsWith('.md') ? 'markdown' : 'yaml';
        this.open.push({ uri, languageId, document: TextDocument.create(uri, languageId, 1, text), history: [], diskText: text, versions: [text, text] });
        await withTimeout(this.client.open(uri, text, languageId), this.boundMs, `opening ${file}`);
      }
      for (const action of actions) {
        await this.perform(action);
        this.figures.actions++;
        this.figures.edits += editsIn(action);
        this.checkLogs();
      }
      await this.checkFinalDiagnostics();
      this.checkPublishOrder();
      this.figures.runs++;
    } finally {
      await this.client.shutdown().catch(() => undefined);
    }
  }

  /** The last diagnostics published for a document (numbered as the actions number them), as the comparison shows them. */
  lastDiagnostics(doc: number): string[] {
    return (this.client.publishedFor(this.open[doc].uri).at(-1)?.diagnostics ?? []).map(shownDiagnostic);
  }

  private async perform(action: Action): Promise<void> {
    const target = this.open[action.doc];
    switch (action.kind) {
      case 'edit':
        await this.edit(target, action.changes, action.full);
        return;
      case 'burst':
        await this.burst(target, action.edits);
        return;
      case 'undo':
        await this.undo(target);
        return;
      case 'reopen':
        await this.reopen(target);
        return;
      case 'request':
        await this.request(target, action);
    }
  }

  /** The LSP changes of `edits`, each against the text the previous ones left (as content changes apply in order). */
  private changesOf(target: OpenDocument, edits: EditSpec[]): TextDocumentContentChangeEvent[] {
    const changes: TextDocumentContentChangeEvent[] = [];
    // A copy: `TextDocument.update` changes the document it is given.
    const document = TextDocument.create(target.uri, target.languageId, target.document.version, target.document.getText());
    for (const edit of edits) {
      const length = document.getText().length;
      const start = Math.min(length, Math.floor(edit.at * (length + 1)));
      const end = Math.min(length, start + edit.deleteLength);
      const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: edit.insert };
      changes.push(change);
      TextDocument.update(document, [change], document.version);
    }
    return changes;
  }

  /** Sends one didChange; the client's copy of the text follows it exactly as the server's does. */
  private send(target: OpenDocument, changes: TextDocumentContentChangeEvent[], full: boolean): { version: number; text: string; sent: number } {
    target.history.push(target.document.getText());
    if (target.history.length > 50) target.history.shift();
    const version = target.document.version + 1;
    const next = TextDocument.update(target.document, changes, version);
    target.versions.push(next.getText());
    const contentChanges = full ? [{ text: next.getText() }] : changes;
    const sent = performance.now();
    void this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: target.uri, version }, contentChanges });
    return { version, text: next.getText(), sent };
  }

  /** Waits for the diagnostics of `version` and checks that their ranges lie inside the text of that version. */
  private async published(target: OpenDocument, version: number, text: string, sent: number): Promise<void> {
    const what = `the diagnostics of ${path.basename(target.uri)} version ${version}`;
    const params = await withTimeout(this.client.nextDiagnostics(target.uri, (p) => p.version === version), this.boundMs, what);
    this.notePublish(performance.now() - sent, what, text);
    this.checkRanges(params.diagnostics.map((d) => d.range), text, what);
  }

  private notePublish(ms: number, what: string, text: string): void {
    if (ms <= this.figures.maxPublishMs) return;
    this.figures.maxPublishMs = ms;
    this.figures.slowestPublish = `${what} (${text.length} characters)`;
    if (process.env.KIJUN_FUZZ_TRACE) fs.writeFileSync(path.join(repoRoot, 'test-output', 'fuzz-slowest.txt'), text);
  }

  private async edit(target: OpenDocument, edits: EditSpec[], full: boolean): Promise<void> {
    const changes = this.changesOf(target, edits);
    const { version, text, sent } = this.send(target, changes, full);
    await this.published(target, version, text, sent);
  }

  private async burst(target: OpenDocument, edits: EditSpec[]): Promise<void> {
    let last: { version: number; text: string; sent: number } | undefined;
    for (const edit of edits) last = this.send(target, this.changesOf(target, [edit]), false);
    await this.published(target, last!.version, last!.text, last!.sent);
  }

  private async undo(target: OpenDocument): Promise<void> {
    const previous = target.history.pop();
    if (previous === undefined) return;
    const current = target.document.getText();
    // The smallest change between the two texts: the common start and end are kept.
    let start = 0;
    while (start < current.length && start < previous.length && current[start] === previous[start]) start++;
    let end = 0;
    while (end < current.length - start && end < previous.length - start && current[current.length - 1 - end] === previous[previous.length - 1 - end]) end++;
    // Positions cannot point between the CR and the LF of a line end: such a boundary moves outwards.
    const splitsLineEnd = (at: number) => current[at - 1] === '\r' && current[at] === '\n';
    if (splitsLineEnd(start)) start--;
    if (splitsLineEnd(current.length - end)) end--;
    const change = {
      range: { start: target.document.positionAt(start), end: target.document.positionAt(current.length - end) },
      text: previous.slice(start, previous.length - end),
    };
    const { version, text, sent } = this.send(target, [change], false);
    target.history.pop(); // an undo is not itself undone
    if (text !== previous) throw new FuzzFailure('mismatch', `undo did not restore the text of ${target.uri} (the test's own positions)`);
    await this.published(target, version, text, sent);
  }

  private async reopen(target: OpenDocument): Promise<void> {
    const text = target.document.getText();
    await withTimeout(this.client.close(target.uri), this.boundMs, `closing ${path.basename(target.uri)}`);
    // The server reads the disk's text again and re-checks the others; an editor reopens a file later than that.
    await this.idle();
    target.document = TextDocument.create(target.uri, target.languageId, 1, text);
    target.history = [];
    // Closed, the document is read from the disk again; opened, it holds the editor's text.
    target.versions = [target.diskText, text];
    const sent = performance.now();
    const diagnostics = await withTimeout(this.client.open(target.uri, text, target.languageId), this.boundMs, `reopening ${path.basename(target.uri)}`);
    this.notePublish(performance.now() - sent, `${path.basename(target.uri)} reopened`, text);
    this.checkRanges(diagnostics.map((d) => d.range), text, `the diagnostics of ${path.basename(target.uri)} reopened`);
  }

  private async request(target: OpenDocument, action: Extract<Action, { kind: 'request' }>): Promise<void> {
    const text = target.document.getText();
    const position = action.raw ?? target.document.positionAt(Math.floor(action.at * (text.length + 1)));
    const textDocument = { uri: target.uri };
    const [method, params] = requestOf(action.request, textDocument, position, action.query, this.client.publishedFor(target.uri).at(-1));
    const started = performance.now();
    let result: unknown;
    try {
      result = await withTimeout(this.client.request(method, params), this.boundMs, `${method} at ${JSON.stringify(position)}`);
    } catch (error) {
      if (error instanceof FuzzFailure) throw error;
      const { code, message } = error as { code?: number; message?: string };
      throw new FuzzFailure('internal-error', `${method} at ${JSON.stringify(position)} answered error ${code}: ${message}`);
    }
    this.figures.requests++;
    this.figures.maxRequestMs = Math.max(this.figures.maxRequestMs, performance.now() - started);
    if (action.request === 'codeAction') this.checkEdits(result, target);
  }

  /** Every edit a quick fix offers for the document lies inside its text. */
  private checkEdits(result: unknown, target: OpenDocument): void {
    for (const action of (result as { title: string; edit?: { changes?: Record<string, { range: Diagnostic['range'] }[]> } }[]) ?? []) {
      const edits = action.edit?.changes?.[target.uri] ?? [];
      this.checkRanges(edits.map((e) => e.range), target.document.getText(), `the quick fix "${action.title}"`);
    }
  }

  private checkRanges(ranges: Diagnostic['range'][], text: string, what: string): void {
    const lines = new LineIndex(text);
    for (const range of ranges) {
      for (const p of [range.start, range.end]) {
        const inside = p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
        if (!inside) throw new FuzzFailure('mismatch', `${what}: position ${JSON.stringify(p)} lies outside the text (${lines.lineCount} lines)`);
      }
    }
  }

  private logsSeen = 0;

  /** The server logs a failed check (and clears that document's diagnostics): any such line is a crash of the analysis. */
  private checkLogs(): void {
    const fresh = this.client.logs.slice(this.logsSeen);
    this.logsSeen = this.client.logs.length;
    const failed = fresh.find((line) => /failed/.test(line));
    if (failed) throw new FuzzFailure('crash', failed);
  }

  /** Resolves once no diagnostics have been published for a while (the re-checks of dependents are done). */
  private async idle(): Promise<void> {
    const count = () => this.open.reduce((n, d) => n + this.client.publishedFor(d.uri).length, 0);
    let seen = count();
    const deadline = performance.now() + this.boundMs;
    for (let quiet = 0; quiet < 4; ) {
      await sleep(25);
      const now = count();
      quiet = now === seen ? quiet + 1 : 0;
      seen = now;
      if (performance.now() > deadline) throw new FuzzFailure('hang', 'the server kept publishing diagnostics after the last action');
    }
  }

  /** The last diagnostics of every open document, for its current version, equal a from-scratch analysis of the final texts. */
  private async checkFinalDiagnostics(): Promise<void> {
    await this.idle();
    const expected = this.fromScratch();
    for (const target of this.open) {
      const latest: PublishDiagnosticsParams | undefined = this.client.publishedFor(target.uri).at(-1);
      const name = path.basename(target.uri);
      if (latest?.version !== target.document.version) {
        throw new FuzzFailure('stale', `${name}: the last diagnostics are of version ${latest?.version}, the text is at version ${target.document.version}`);
      }
      const got = latest.diagnostics.map(shownDiagnostic);
      const want = expected.get(target.uri)!;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new FuzzFailure('mismatch', `${name}: the server published\n  ${got.join('\n  ')}\nbut a from-scratch analysis finds\n  ${want.join('\n  ')}\nfor the text ${JSON.stringify(target.document.getText())}`);
      }
    }
  }

  /**
   * A new workspace with the final texts. A document that ends unreadable is first given its last readable
   * version as the server's workspace remembers it (`guideline.stale`): the last readable of the versions the
   * server parsed, which are those it published diagnostics for (a version a burst passed through is parsed
   * only if it was checked). The disk's text, put back when the document was closed, may or may not have been
   * parsed since (when another document looked its guideline up): when it is in doubt, both ways are tried.
   */
  private fromScratch(): Map<string, string[]> {
    const doubts = this.open.map((d) => this.lastReadableChoices(d));
    const first = this.fromScratchWith(doubts.map((choices) => choices[0]));
    if (this.matchesFinal(first)) return first;
    // Only the disk's text of a document is ever in doubt: each document's other choice is tried in turn.
    for (const [i, choices] of doubts.entries()) {
      if (choices.length < 2) continue;
      const other = this.fromScratchWith(doubts.map((c, j) => (j === i ? choices[1] : c[0])));
      if (this.matchesFinal(other)) return other;
    }
    return first;
  }

  /** The texts the server may hold as the document's last readable version: the one it published last, else the disk's or none. */
  private lastReadableChoices(d: OpenDocument): (string | undefined)[] {
    const format = formatOfLanguage(d.languageId);
    const published = new Set<number>();
    for (const p of this.client.publishedFor(d.uri)) {
      if (p.version === undefined) published.clear(); // closed: the versions start again
      else published.add(p.version);
    }
    // Version n is versions[n]; the final version is the current one, not a last readable version.
    for (let n = d.versions.length - 2; n >= 1; n--) if (published.has(n) && isReadable(parseDocument(d.versions[n], format))) return [d.versions[n]];
    return isReadable(parseDocument(d.versions[0], format)) ? [undefined, d.versions[0]] : [undefined];
  }

  private matchesFinal(expected: Map<string, string[]>): boolean {
    return this.open.every((d) => JSON.stringify(this.lastDiagnostics(this.open.indexOf(d))) === JSON.stringify(expected.get(d.uri)));
  }

  /** The from-scratch analysis, each document first given its last readable version (parsed, so that it counts) when it has one. */
  private fromScratchWith(lastReadable: (string | undefined)[]): Map<string, string[]> {
    const workspace = new Workspace(bundledGuidelines());
    for (const [i, d] of this.open.entries()) {
      const format = formatOfLanguage(d.languageId);
      const readable = lastReadable[i];
      if (readable !== undefined && readable !== d.document.getText()) {
        workspace.set(d.uri, readable, format);
        workspace.isKijun(d.uri);
      }
      workspace.set(d.uri, d.document.getText(), format);
    }
    const result = new Map<string, string[]>();
    for (const d of this.open) {
      const text = d.document.getText();
      result.set(d.uri, workspace.analyze(d.uri).findings.map((f) => {
        const s = show(f, text);
        return `${s.range} ${s.severity} ${s.code} ${s.message}`;
      }));
    }
    return result;
  }

  /** Diagnostics of one document are published in version order: an older version never follows a newer one. */
  private checkPublishOrder(): void {
    for (const d of this.open) {
      let last = 0;
      for (const p of this.client.publishedFor(d.uri)) {
        if (p.version === undefined) last = 0; // closed: the versions start again
        else if (p.version < last) throw new FuzzFailure('stale', `${path.basename(d.uri)}: diagnostics of version ${p.version} after version ${last}`);
        else last = p.version;
      }
    }
  }
}

function formatOfLanguage(languageId: string): DocumentFormat {
  return languageId === 'markdown' ? 'markdown' : 'yaml';
}

/** The method and parameters of a request of the given kind at a position. */
function requestOf(kind: RequestKind, textDocument: { uri: string }, position: { line: number; character: number }, query: string,
  latest: PublishDiagnosticsParams | undefined): [string, unknown] {
  switch (kind) {
    case 'completion':
      return ['textDocument/completion', { textDocument, position }];
    case 'hover':
      return ['textDocument/hover', { textDocument, position }];
    case 'definition':
      return ['textDocument/definition', { textDocument, position }];
    case 'references':
      return ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }];
    case 'codeAction': {
      const diagnostics = (latest?.diagnostics ?? []).filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line);
      return ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics } }];
    }
    case 'codeLens':
      return ['textDocument/codeLens', { textDocument }];
    case 'documentSymbol':
      return ['textDocument/documentSymbol', { textDocument }];
    case 'workspaceSymbol':
      return ['workspace/symbol', { query }];
    case 'coverageReport':
      return ['kijun/coverageReport', { uri: textDocument.uri }];
  }
}
