// The workspace scenario of the bench (issue 13): a generated folder of many standards and their
// guideline, measured over the real server via stdio (indexing with its work-done progress, an open
// document's first diagnostics while indexing, a guideline edit reaching the open standards, peak
// memory) and with `kijun check` on the folder (wall time). See bench/README.md.

import { spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { GeneratedWorkspace, generateWorkspace, Vocabulary, writeWorkspace } from './generate';
import { now, Publish, Session, sleep } from './session';
import { fmt, metMark, stats, Stats } from './stats';
import { threadsFor } from '../server/src/cli/parallel';

/** What the scenario is asked to do. */
export interface WorkspaceOptions {
  standards: number;
  clauses: number;
  /** Standards opened in the editor (the first one is opened while the server indexes). */
  open: number;
  /** Guideline edits timed. */
  edits: number;
  /** `kijun check` runs timed. */
  checkRuns: number;
  timeout: number;
}

/** How a server is started for the scenario. */
export interface WorkspaceServer {
  name: string;
  command: string;
  args: string[];
  settings?: Record<string, unknown>;
}

export interface WorkspaceRun {
  server: string;
  error?: string;
  stderrTail?: string[];
  /** `initialized` → the end of the indexing's work-done progress. */
  indexMs?: number;
  /** The log line that closes the indexing (how many files were read). */
  indexLog?: string;
  progress?: { begin: boolean; cancellable: boolean; reports: number; end: boolean };
  /** didOpen of one standard right after `initialized` → its first diagnostics; whether indexing was still under way then. */
  firstDiagnostics?: { ms: number; count: number; duringIndexing: boolean };
  /** Opening the other standards and the guideline once indexed (until their diagnostics are in). */
  openAllMs?: number;
  /** Opening the standards and the guideline → the end of the server's background reading of the guideline's followers. */
  followersReadMs?: number;
  /** Guideline edit → the diagnostics of every open standard published again (the last of them). */
  guidelineEdit?: Stats & { changed: [number, number]; open: number };
  /** A second server whose indexing is cancelled as soon as its progress begins. */
  cancel?: { endMs: number; log?: string };
  peakRssMB?: number;
}

export interface CheckRun {
  runs?: Stats;
  exitCode?: number;
  summary?: string;
  error?: string;
}

/** The generated workspace written under `folder`. */
export function prepareWorkspace(repoRoot: string, vocabulary: Vocabulary, folder: string, opts: WorkspaceOptions): GeneratedWorkspace {
  const generated = generateWorkspace(repoRoot, vocabulary, opts.standards, opts.clauses);
  writeWorkspace(folder, generated);
  return generated;
}

/** The 0-based line and the end column of the guideline's `id: <item>` line of an item every standard covers. */
function itemIdLine(text: string, item: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => new RegExp(`^\\s*(?:- )?id: ${item.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\s*$`).test(l));
  if (line < 0) throw new Error(`the guideline has no \`id: ${item}\` line`);
  return { line, character: lines[line].trimEnd().length };
}

/** Kijun over stdio on the workspace: every figure but `kijun check`. */
export async function measureKijunWorkspace(server: WorkspaceServer, repoRoot: string, folder: string, ws: GeneratedWorkspace, opts: WorkspaceOptions, log: (s: string) => void): Promise<WorkspaceRun> {
  const run: WorkspaceRun = { server: server.name };
  const session = new Session({
    name: `${server.name} (workspace)`, command: server.command, args: server.args, cwd: repoRoot,
    rootUri: pathToFileURL(folder).href, settings: server.settings, timeout: opts.timeout, workDoneProgress: true,
  });
  const uriOf = (relative: string) => pathToFileURL(path.join(folder, relative)).href;
  try {
    await session.start();
    const initialized = session.initializedAt;

    // ---- one standard opened at once: its first diagnostics must not wait for the indexing
    session.phase = 'didOpen during indexing';
    const firstUri = uriOf(ws.standardPaths[0]);
    const tOpen = now();
    const first = session.nextPublish(firstUri, (p) => p.t >= tOpen, 'first diagnostics while indexing');
    await session.notify('textDocument/didOpen', { textDocument: { uri: firstUri, languageId: 'yaml', version: 1, text: ws.files.get(ws.standardPaths[0]) } });
    const ev = await first;
    const endedBefore = session.progress.some((p) => p.kind === 'end' && p.t <= ev.t);
    run.firstDiagnostics = { ms: ev.t - tOpen, count: ev.count, duringIndexing: !endedBefore };

    // ---- indexing: initialized → end of the work-done progress
    session.phase = 'indexing';
    const end = await session.nextProgress((p) => p.kind === 'end', 'end of the indexing progress');
    run.indexMs = end.t - initialized;
    const events = session.progress.filter((p) => p.token === end.token);
    const begin = events.find((p) => p.kind === 'begin');
    run.progress = { begin: !!begin, cancellable: !!begin?.cancellable, reports: events.filter((p) => p.kind === 'report').length, end: true };
    await session.guard(sleep(200), 'log after indexing');
    run.indexLog = session.logs.find((l) => /index|読み込み/.test(l) && l.includes('[kijun]'));
    log(`  ${server.name} workspace: indexed in ${fmt(run.indexMs)} ms (${run.progress.reports} progress reports); first diagnostics ${fmt(run.firstDiagnostics.ms)} ms`);

    // ---- the other standards and the guideline opened; then the guideline edited
    session.phase = 'open the standards and the guideline';
    const openPaths = [...ws.standardPaths.slice(1, opts.open), ws.guidelinePath];
    const tAll = now();
    await Promise.all(openPaths.map(async (relative) => {
      const uri = uriOf(relative);
      const published = session.nextPublish(uri, (p) => p.t >= tAll, `first diagnostics of ${relative}`);
      await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: ws.files.get(relative) } });
      await published;
    }));
    const standardUris = ws.standardPaths.slice(0, opts.open).map(uriOf);
    for (const uri of standardUris) await session.quiet(uri, 300);
    run.openAllMs = now() - tAll;
    // Kijun reads the standards that follow the opened guideline in the background, with work-done progress, and
    // then publishes the guideline's notes: the edits below are timed once that has ended, on an idle server.
    for (const token of new Set(session.progress.filter((p) => p.t >= tAll && p.kind === 'begin').map((p) => p.token))) {
      const end = await session.nextProgress((p) => p.token === token && p.kind === 'end', 'end of the background reading of the followers');
      run.followersReadMs = Math.max(run.followersReadMs ?? 0, end.t - tAll);
    }

    session.phase = 'guideline edits';
    const guidelineUri = uriOf(ws.guidelinePath);
    const item = ws.coveredItems[ws.coveredItems.length - 3] ?? ws.coveredItems[0];
    const at = itemIdLine(ws.files.get(ws.guidelinePath)!, item);
    const samples: number[] = [];
    const changed: number[] = [];
    for (let i = 0; i < opts.edits; i++) {
      const typing = i % 2 === 0;
      const range = typing ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const before = standardUris.map((uri) => (session.publishes.get(uri) ?? []).at(-1)?.count);
      const t0 = now();
      const next = standardUris.map((uri) => session.nextPublish(uri, (p: Publish) => p.t >= t0, `diagnostics of ${uri} after guideline edit ${i + 1}`));
      await session.notify('textDocument/didChange', { textDocument: { uri: guidelineUri, version: i + 2 }, contentChanges: [{ range, text: typing ? 'x' : '' }] });
      const got = await Promise.all(next);
      samples.push(Math.max(...got.map((p) => p.t)) - t0);
      changed.push(got.filter((p, k) => p.count !== before[k]).length);
      for (const uri of [...standardUris, guidelineUri]) await session.quiet(uri, 300);
    }
    const s = stats(samples);
    if (s) run.guidelineEdit = { ...s, changed: [Math.min(...changed), Math.max(...changed)], open: standardUris.length };
    log(`  ${server.name} workspace: guideline edit → ${standardUris.length} standards median ${fmt(s?.median)} ms`);
    run.peakRssMB = session.peakRssMB();
    await session.stop();
  } catch (e) {
    run.error = (e as Error).message;
    run.stderrTail = session.stderrTail.slice(-5);
    run.peakRssMB = session.peakRssKB ? session.peakRssKB / 1024 : undefined;
    session.kill();
    log(`  ${server.name} workspace: FAILED: ${run.error}`);
    return run;
  }
  run.cancel = await measureCancel(server, repoRoot, folder, opts);
  return run;
}

/** A fresh server whose indexing is cancelled (`window/workDoneProgress/cancel`) as soon as its progress begins. */
async function measureCancel(server: WorkspaceServer, repoRoot: string, folder: string, opts: WorkspaceOptions): Promise<WorkspaceRun['cancel']> {
  const session = new Session({
    name: `${server.name} (cancelled indexing)`, command: server.command, args: server.args, cwd: repoRoot,
    rootUri: pathToFileURL(folder).href, settings: server.settings, timeout: opts.timeout, workDoneProgress: true,
  });
  try {
    await session.start();
    session.phase = 'cancel the indexing';
    const begin = await session.nextProgress((p) => p.kind === 'begin', 'begin of the indexing progress');
    const t0 = now();
    await session.notify('window/workDoneProgress/cancel', { token: begin.token });
    const end = await session.nextProgress((p) => p.kind === 'end' && p.token === begin.token, 'end of the cancelled progress');
    await session.guard(sleep(200), 'log after cancel');
    const result = { endMs: end.t - t0, log: session.logs.find((l) => /cancel|中止/i.test(l)) ?? session.logs.find((l) => /index|読み込み/.test(l) && l.includes('[kijun]')) };
    await session.stop();
    return result;
  } catch {
    session.kill();
    return undefined;
  }
}

/** The peer on the same folder: one standard's first diagnostics, then the others opened (for its memory). */
export async function measurePeerWorkspace(server: WorkspaceServer, repoRoot: string, folder: string, ws: GeneratedWorkspace, opts: WorkspaceOptions, log: (s: string) => void): Promise<WorkspaceRun> {
  const run: WorkspaceRun = { server: server.name };
  const session = new Session({
    name: `${server.name} (workspace)`, command: server.command, args: server.args, cwd: repoRoot,
    rootUri: pathToFileURL(folder).href, settings: server.settings, timeout: opts.timeout,
  });
  const uriOf = (relative: string) => pathToFileURL(path.join(folder, relative)).href;
  try {
    await session.start();
    session.phase = 'didOpen';
    const tOpen = now();
    const firstUri = uriOf(ws.standardPaths[0]);
    const first = session.nextPublish(firstUri, (p) => p.t >= tOpen, 'first diagnostics');
    await session.notify('textDocument/didOpen', { textDocument: { uri: firstUri, languageId: 'yaml', version: 1, text: ws.files.get(ws.standardPaths[0]) } });
    const ev = await first;
    run.firstDiagnostics = { ms: ev.t - tOpen, count: ev.count, duringIndexing: false };
    session.phase = 'open the standards';
    const tAll = now();
    await Promise.all(ws.standardPaths.slice(1, opts.open).map(async (relative) => {
      const uri = uriOf(relative);
      const published = session.nextPublish(uri, (p) => p.t >= tAll, `first diagnostics of ${relative}`);
      await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: ws.files.get(relative) } });
      await published;
    }));
    run.openAllMs = now() - tAll;
    run.peakRssMB = session.peakRssMB();
    log(`  ${server.name} workspace: first diagnostics ${fmt(run.firstDiagnostics.ms)} ms`);
    await session.stop();
  } catch (e) {
    run.error = (e as Error).message;
    run.stderrTail = session.stderrTail.slice(-5);
    session.kill();
    log(`  ${server.name} workspace: FAILED: ${run.error}`);
  }
  return run;
}

/** `kijun check <folder>` run `runs` times in a child process; wall time of each, from spawn to exit. */
export async function measureCheck(repoRoot: string, folder: string, opts: WorkspaceOptions, log: (s: string) => void): Promise<CheckRun> {
  const samples: number[] = [];
  const result: CheckRun = {};
  for (let i = 0; i < opts.checkRuns; i++) {
    const t0 = now();
    const { code, tail } = await runCheck(repoRoot, folder, opts.timeout);
    samples.push(now() - t0);
    result.exitCode = code ?? undefined;
    result.summary = tail;
    // Exit 1 means findings (the generated standards carry deliberate mistakes); anything else is a failure.
    if (code !== 0 && code !== 1) {
      result.error = `kijun check exited ${code}: ${tail}`;
      break;
    }
  }
  result.runs = stats(samples);
  log(`  kijun check: median ${fmt(result.runs?.median)} ms over ${samples.length} run(s)`);
  return result;
}

function runCheck(repoRoot: string, folder: string, timeout: number): Promise<{ code: number | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'kijun.js'), 'check', folder], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = '';
    const keep = (d: Buffer) => {
      last = (last + d.toString('utf8')).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, tail: last.trim().split('\n').at(-1) ?? '' });
    });
  });
}

/** The workspace figures beside their targets (issue 13), Kijun and the peer where it can run them. */
export function workspaceTable(ws: GeneratedWorkspace, opts: WorkspaceOptions, kijun: WorkspaceRun, check: CheckRun, peer?: WorkspaceRun): string {
  const dash = '—';
  const ms = (x: number | undefined) => (x === undefined ? '–' : `${fmt(x)} ms`);
  const seconds = (x: number | undefined) => (x === undefined ? '–' : `${(x / 1000).toFixed(2)} s`);
  const failed = (r: WorkspaceRun | undefined) => (r?.error ? `ERROR: ${r.error.replace(/\|/g, '\\|')}` : undefined);
  const progress = kijun.progress
    ? `${kijun.progress.begin ? 'begin' : 'no begin'}, ${kijun.progress.reports} reports, end; cancellable: ${kijun.progress.cancellable ? 'yes' : 'no'}`
      + (kijun.cancel ? `; cancelled at its begin: ended ${ms(kijun.cancel.endMs)} later${kijun.cancel.log ? ` («${kijun.cancel.log.replace(/^\[kijun\] /, '')}»)` : ''}` : '; cancellation not measured')
    : '–';
  const edit = kijun.guidelineEdit;
  const rows: [string, string, string, string][] = [
    ['indexing (`initialized` → end of the work-done progress)', '≤ 4 s', failed(kijun) ?? `${seconds(kijun.indexMs)}${metMark(kijun.indexMs, 4000)}`, dash],
    ['work-done progress', 'shown, cancellable', failed(kijun) ?? progress, dash],
    [`open standard → first diagnostics, opened at \`initialized\``, '≤ 0.5 s',
      failed(kijun) ?? `${ms(kijun.firstDiagnostics?.ms)}${metMark(kijun.firstDiagnostics?.ms, 500)}${kijun.firstDiagnostics ? (kijun.firstDiagnostics.duringIndexing ? ', during indexing' : ', after indexing ended') : ''}`,
      peer ? failed(peer) ?? ms(peer.firstDiagnostics?.ms) : dash],
    ['standards and guideline opened → end of the background reading of the standards that follow the guideline (then its notes are published)', 'no target; the server answers meanwhile',
      failed(kijun) ?? (kijun.followersReadMs === undefined ? 'no background reading' : ms(kijun.followersReadMs)), dash],
    [`guideline edit → ${edit?.open ?? opts.open} open standards' diagnostics (median of ${opts.edits}; p95)`, '≤ 300 ms',
      failed(kijun) ?? (edit ? `${ms(edit.median)}${metMark(edit.median, 300)}; p95 ${ms(edit.p95)}; standards whose count changed: ${edit.changed[0] === edit.changed[1] ? edit.changed[0] : edit.changed.join('–')} of ${edit.open}` : '–'), dash],
    [`peak server memory (${opts.open} standards and the guideline open)`, '≤ 600 MB',
      kijun.peakRssMB === undefined ? '–' : `${fmt(kijun.peakRssMB)} MB${metMark(kijun.peakRssMB, 600)}`,
      peer?.peakRssMB === undefined ? dash : `${fmt(peer.peakRssMB)} MB (${opts.open} standards open)`],
    [`\`kijun check\` on the folder (wall time, median of ${opts.checkRuns}; ${threadsFor(os.availableParallelism()) === 1 ? 'one thread' : `${threadsFor(os.availableParallelism())} worker threads`}, the default here)`, '≤ 6 s',
      check.error ? `ERROR: ${check.error.replace(/\|/g, '\\|')}` : `${seconds(check.runs?.median)}${metMark(check.runs?.median, 6000)}${check.runs && check.runs.n > 1 ? ` (min ${seconds(check.runs.min)}, max ${seconds(check.runs.max)})` : ''}`, dash],
  ];
  return [
    `Workspace: ${opts.standards} standards × ${opts.clauses} clauses and their guideline, ${(ws.bytes / 1e6).toFixed(1)} MB in ${ws.files.size} files.`,
    '',
    `| figure | target | Kijun | ${peer ? peer.server : 'peer'} |`,
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
