// npm run bench [-- --sizes 100,1000 --quick --no-peer --out file --check …]
//
// Measures Kijun's language server over stdio on generated standards, beside the peer
// (yaml-language-server with a JSON Schema on the same text): didOpen → first diagnostics,
// edit → diagnostics (incremental sync, versioned), completion at `covers: [` and at `sector:`,
// peak RSS. Prints a markdown table and writes bench/results.md. See bench/README.md.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { parseDocument as parseYaml } from 'yaml';
import { generateStandard, GeneratedStandard, loadVocabulary, peerSchema, Vocabulary } from './generate';
import { ensurePeer, PEER_NAME, PEER_VERSION } from './peer';
import { killAll, now, Position, Publish, Session, sleep } from './session';
import { measureCheck, measureKijunWorkspace, measurePeerWorkspace, prepareWorkspace, workspaceTable } from './workspace';
import { fmt, metMark, stats, Stats } from './stats';

const USAGE = `usage: npm run bench -- [options]   (or: node out/bench/bench.js [options])

  --sizes <list>          clause counts, comma-separated (default 100,1000,5000,20000; --quick: 100,1000)
  --workspace             the workspace scenario alone, or after --sizes if given (results.md left alone unless --out)
  --no-workspace          skip the workspace scenario (it runs after the sizes, except with --quick)
  --workspace-shape <SxC> standards × clauses of the generated workspace (default 300x300)
  --workspace-edits <N>   guideline edits timed in the workspace (default 10; --quick 4)
  --check-runs <N>        \`kijun check\` runs timed on the workspace (default 3; --quick 1)
  --quick                 a fast smoke: fewer samples, sizes 100,1000, results.md not written unless --out
  --edits <N>             sequential edits timed per run (default 30; --quick 8)
  --completion-runs <N>   completion requests timed per position (default 30; --quick 8)
  --no-peer               skip ${PEER_NAME}
  --peer-dir <dir>        where the peer is installed (default bench/.peer; env KIJUN_BENCH_PEER_DIR)
  --server <bin|dist>     Kijun entry: bin/kijun-language-server.js (default) or the dist/server.js bundle
  --out <file>            where to write the results (default bench/results.md; '-' for nowhere)
  --timeout <ms>          bound of each single wait (default 60000)
  --budget <ms>           bound of the whole run (default 3600000; --quick 300000)
  --check                 exit 1 if Kijun misses a target at 1,000 clauses (edit median ≤ 50 ms, completion median ≤ 10 ms)
  --keep                  keep the generated documents (printed path)
  -h, --help
`;

interface Options {
  sizes: number[];
  /** Run the workspace scenario, with its shape. */
  workspace?: { standards: number; clauses: number; edits: number; checkRuns: number };
  quick: boolean;
  edits: number;
  completionRuns: number;
  peer: boolean;
  peerDir: string;
  server: 'bin' | 'dist';
  out?: string;
  timeout: number;
  budget: number;
  check: boolean;
  keep: boolean;
}

const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'guidelines'))) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kijun') return dir;
      } catch {
        /* keep looking */
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`the Kijun repository was not found above ${start}`);
  }
}

function options(argv: string[]): Options {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string' },
        workspace: { type: 'boolean', default: false },
        'no-workspace': { type: 'boolean', default: false },
        'workspace-shape': { type: 'string' },
        'workspace-edits': { type: 'string' },
        'check-runs': { type: 'string' },
        quick: { type: 'boolean', default: false },
        edits: { type: 'string' },
        'completion-runs': { type: 'string' },
        'no-peer': { type: 'boolean', default: false },
        'peer-dir': { type: 'string' },
        server: { type: 'string', default: 'bin' },
        out: { type: 'string' },
        timeout: { type: 'string', default: '60000' },
        budget: { type: 'string' },
        check: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    usage((e as Error).message);
  }
  if (v.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const int = (name: string, value: string | undefined, fallback: number, min = 0): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const quick = !!v.quick;
  if (v.workspace && v['no-workspace']) usage('--workspace and --no-workspace exclude each other');
  const onlyWorkspace = !!v.workspace;
  const sizes = onlyWorkspace && v.sizes === undefined ? [] : (v.sizes ?? (quick ? '100,1000' : '100,1000,5000,20000')).split(',').map((s) => int('sizes', s.trim(), 0, 1));
  const shape = /^(\d+)x(\d+)$/.exec(v['workspace-shape'] ?? '300x300');
  if (!shape || +shape[1] < 1 || +shape[2] < 1) usage('--workspace-shape must be <standards>x<clauses>, e.g. 300x300');
  const workspace = onlyWorkspace || (!quick && !v['no-workspace'])
    ? { standards: +shape[1], clauses: +shape[2], edits: int('workspace-edits', v['workspace-edits'], quick ? 4 : 10, 1), checkRuns: int('check-runs', v['check-runs'], quick ? 1 : 3, 1) }
    : undefined;
  if (v.server !== 'bin' && v.server !== 'dist') usage('--server must be bin or dist');
  const out = v.out === '-' ? undefined : v.out ? path.resolve(v.out) : quick || onlyWorkspace ? undefined : path.join(repoRoot, 'bench', 'results.md');
  return {
    sizes,
    workspace,
    quick,
    edits: int('edits', v.edits, quick ? 8 : 30),
    completionRuns: int('completion-runs', v['completion-runs'], quick ? 8 : 30),
    peer: !v['no-peer'],
    peerDir: path.resolve(v['peer-dir'] ?? process.env.KIJUN_BENCH_PEER_DIR ?? path.join(repoRoot, 'bench', '.peer')),
    server: v.server as 'bin' | 'dist',
    out,
    timeout: int('timeout', v.timeout, 60_000, 1),
    budget: int('budget', v.budget, quick ? 300_000 : 3_600_000, 1),
    check: !!v.check,
    keep: !!v.keep,
  };
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------- one run: one server, one document

interface Run {
  server: string;
  clauses: number;
  bytes: number;
  lines: number;
  mistakes: number;
  error?: string;
  stderrTail?: string[];
  initializeMs?: number;
  sync?: string;
  firstDiagnostics?: { ms: number; count: number; publishes: number };
  edits?: Stats & { counts: [number, number] };
  completionCovers?: Stats & { items: number };
  completionSector?: Stats & { items: number };
  peakRssMB?: number;
  warning?: string;
}

interface Target {
  name: string;
  command: string;
  args: string[];
  languageId: string;
  settings?: Record<string, unknown>;
  /** Folder holding only this run's document (the server indexes its workspace folder). */
  folder: (n: number) => string;
}

async function measure(target: Target, doc: GeneratedStandard, opts: Options, log: (s: string) => void): Promise<Run> {
  const folder = target.folder(doc.clauses);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `standard-${doc.clauses}.yaml`);
  fs.writeFileSync(file, doc.text);
  const uri = pathToFileURL(file).href;
  const run: Run = { server: target.name, clauses: doc.clauses, bytes: doc.bytes, lines: doc.lines, mistakes: doc.mistakes.length };
  const session = new Session({
    name: `${target.name} (${doc.clauses} clauses)`,
    command: target.command,
    args: target.args,
    cwd: repoRoot,
    rootUri: pathToFileURL(folder).href,
    settings: target.settings,
    timeout: opts.timeout,
  });
  try {
    run.initializeMs = await session.start();
    run.sync = ({ 0: 'none', 1: 'full', 2: 'incremental' } as Record<number, string>)[session.syncKind] ?? String(session.syncKind);
    session.phase = 'settle';
    await session.guard(sleep(opts.quick ? 300 : 1000), 'settle');

    // ---- didOpen → first publishDiagnostics
    session.phase = 'didOpen';
    let version = 1;
    const lines = doc.text.split('\n');
    const tOpen = now();
    const first = session.nextPublish(uri, (p) => p.t >= tOpen, 'first publishDiagnostics after didOpen');
    await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: target.languageId, version, text: doc.text } });
    const ev = await first;
    await session.quiet(uri, 400);
    run.firstDiagnostics = { ms: ev.t - tOpen, count: ev.count, publishes: (session.publishes.get(uri) ?? []).filter((p) => p.t >= tOpen).length };
    log(`  ${target.name} ${doc.clauses}: first diagnostics ${fmt(run.firstDiagnostics.ms)} ms (${ev.count})`);

    // ---- completion (document in its original state, nothing pending)
    session.phase = 'completion';
    const complete = async (position: Position, what: string) => {
      const samples: number[] = [];
      let items = 0;
      for (let i = 0; i < opts.completionRuns; i++) {
        const t0 = now();
        const res = await session.request<unknown[] | { items?: unknown[] } | null>('textDocument/completion',
          { textDocument: { uri }, position, context: { triggerKind: 1 } }, `completion at ${what}`);
        samples.push(now() - t0);
        items = Array.isArray(res) ? res.length : res?.items?.length ?? 0;
      }
      const s = stats(samples);
      return s ? { ...s, items } : undefined;
    };
    run.completionCovers = await complete(doc.coversPosition, 'covers: [');
    run.completionSector = await complete(doc.sectorPosition, 'sector:');

    // ---- edits: type a character at the end of the middle clause's title, then delete it. Each edit
    // changes the document's length, as typing does, so everything after the edit moves.
    session.phase = 'edits';
    const line = doc.titleLine;
    const original = lines[line];
    const character = original.length;
    const samples: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < opts.edits; i++) {
      version++;
      const typing = i % 2 === 0;
      lines[line] = typing ? `${original}案` : original;
      const range = typing
        ? { start: { line, character }, end: { line, character } }
        : { start: { line, character }, end: { line, character: character + 1 } };
      const ch = typing ? '案' : '';
      const contentChanges = session.syncKind === 2 ? [{ range, text: ch }] : [{ text: lines.join('\n') }];
      const v = version;
      const t0 = now();
      const next = session.nextPublish(uri, (p: Publish) => p.t >= t0 && (p.version === undefined || p.version === null || p.version >= v),
        `publishDiagnostics for edit ${i + 1} (version ${v})`);
      await session.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges });
      const got = await next;
      samples.push(got.t - t0);
      counts.push(got.count);
      await session.guard(sleep(opts.quick ? 50 : 100), 'edit gap');
    }
    const s = stats(samples);
    if (s) run.edits = { ...s, counts: [Math.min(...counts), Math.max(...counts)] };
    log(`  ${target.name} ${doc.clauses}: edit median ${fmt(s?.median)} ms, completion ${fmt(run.completionCovers?.median, 1)} / ${fmt(run.completionSector?.median, 1)} ms`);

    run.peakRssMB = session.peakRssMB();
    run.warning = await session.stop();
  } catch (e) {
    run.error = `${(e as Error).message}`;
    run.stderrTail = session.stderrTail.slice(-5);
    run.peakRssMB = session.peakRssKB ? session.peakRssKB / 1024 : undefined;
    session.kill();
    log(`  ${target.name} ${doc.clauses}: FAILED: ${run.error}`);
  }
  return run;
}

// ---------------------------------------------------------------- report

/**
 * Whether a server did not analyse the file: it published far fewer diagnostics than the document's
 * deliberate mistakes (one each), as a server does that gives up on a file too large for it.
 */
function notAnalysed(r: Run): boolean {
  return r.firstDiagnostics !== undefined && r.firstDiagnostics.count < r.mistakes / 2;
}

/** Kijun's figure over the peer's at the same size, when both were measured. */
function ratio(runs: Run[], r: Run, figure: (run: Run) => number | undefined): string {
  if (r.server !== 'Kijun') return '';
  const peer = runs.find((p) => p.server !== 'Kijun' && p.clauses === r.clauses && !p.error);
  const [mine, theirs] = [figure(r), peer && figure(peer)];
  return mine !== undefined && theirs ? ` (×${(mine / theirs).toFixed(2)})` : '';
}

function table(runs: Run[]): string {
  const out = [
    '| server | clauses | MiB | diagnostics | first diags ms | edit min ms | edit median ms (× peer) | edit p95 ms | completion median ms `covers: [` / `sector:` | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    const flag = notAnalysed(r) ? ` **NOT ANALYSED** (${r.mistakes} mistakes in the file)` : '';
    const head = `| ${r.server} | ${r.clauses.toLocaleString('en-US')} | ${(r.bytes / 1048576).toFixed(2)} |`;
    if (r.error) {
      out.push(`${head} ERROR: ${r.error.replace(/\|/g, '\\|')} | | | | | | ${fmt(r.peakRssMB)} |`);
      continue;
    }
    out.push(`${head} ${r.firstDiagnostics?.count ?? '–'}${flag} | ${fmt(r.firstDiagnostics?.ms)} | ${fmt(r.edits?.min)} | ${fmt(r.edits?.median)}${ratio(runs, r, (x) => x.edits?.median)} | ${fmt(r.edits?.p95)} | `
      + `${fmt(r.completionCovers?.median, 1)} / ${fmt(r.completionSector?.median, 1)} | ${fmt(r.peakRssMB)} |`);
  }
  return out.join('\n');
}

function targetLines(runs: Run[]): { text: string; met: boolean } {
  const k = runs.find((r) => r.server.startsWith('Kijun') && r.clauses === 1000);
  if (!k) return { text: 'Targets (1,000 clauses): not measured in this run (add 1000 to --sizes).', met: true };
  if (k.error || !k.edits || !k.completionCovers || !k.completionSector) return { text: `Targets (1,000 clauses): Kijun failed: ${k.error ?? 'incomplete'}.`, met: false };
  const comp = Math.max(k.completionCovers.median, k.completionSector.median);
  const editOk = k.edits.median <= 50;
  const compOk = comp <= 10;
  return {
    text: `Targets at 1,000 clauses (Kijun): edit → diagnostics median ${fmt(k.edits.median, 1)} ms (≤ 50 ms: ${editOk ? 'met' : 'NOT met'}); `
      + `completion median ${fmt(comp, 1)} ms, the slower of the two positions (≤ 10 ms: ${compOk ? 'met' : 'NOT met'}).`,
    met: editOk && compOk,
  };
}

/**
 * The bare parse of a text by the `yaml` package (`parseDocument`, nothing else), in this process: the median of
 * three, after one call that warms the parser up. Issue 13 bounds the first diagnostics of the largest size by it.
 */
function bareParseMs(text: string): number {
  parseYaml(text);
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    parseYaml(text);
    samples.push(now() - t0);
  }
  return samples.sort((a, b) => a - b)[1];
}

/** Issue 13's targets per size, for Kijun's runs: each figure beside its target, met or not. */
function scaleTargets(runs: Run[], bareParse: Map<number, number>): string {
  const targets: Record<number, { edit: number; open?: number; rss: number }> = {
    1000: { edit: 20, open: 300, rss: 150 },
    5000: { edit: 30, open: 1000, rss: 250 },
    20000: { edit: 40, rss: 500 },
  };
  const mark = (value: number | undefined, bound: number) => (value === undefined ? '–' : `${fmt(value, value < 10 ? 1 : 0)}${metMark(value, bound)}`);
  const thousand = runs.find((r) => r.server === 'Kijun' && r.clauses === 1000 && !r.error);
  const out = [
    'Issue 13 targets (Kijun; the bare parse is `yaml`\'s `parseDocument` of the same text in the bench\'s process, median of 3):',
    '',
    '| clauses | edit → diagnostics median ms (target) | completion median ms, slower position (≤ 5) | open → first diagnostics ms (target) | bare `yaml` parse ms | peak RSS MB (target) |',
    '|---:|---|---|---|---:|---|',
  ];
  for (const r of runs) {
    const target = targets[r.clauses];
    if (r.server !== 'Kijun' || r.error || !target) continue;
    const bare = bareParse.get(r.clauses);
    // At 20,000 clauses the edit must also stay within twice the 1,000-clause figure, and the open within 1.3 × the bare parse.
    const editBound = r.clauses === 20000 && thousand?.edits ? Math.min(target.edit, 2 * thousand.edits.median) : target.edit;
    const openBound = target.open ?? (bare !== undefined ? 1.3 * bare : Number.POSITIVE_INFINITY);
    const completion = r.completionCovers && r.completionSector ? Math.max(r.completionCovers.median, r.completionSector.median) : undefined;
    out.push(`| ${r.clauses.toLocaleString('en-US')} | ${mark(r.edits?.median, editBound)} (≤ ${fmt(editBound, editBound < 10 ? 1 : 0)}) | ${mark(completion, 5)} | `
      + `${mark(r.firstDiagnostics?.ms, openBound)} (≤ ${fmt(openBound)}) | ${fmt(bare)} | ${mark(r.peakRssMB, target.rss)} (≤ ${target.rss}) |`);
  }
  return out.join('\n');
}

function details(runs: Run[]): string {
  const out = ['| server | clauses | lines | initialize ms | sync | publishes after open | edit max ms | diagnostics during edits | completion items `covers: [` / `sector:` | completion p95 ms | notes |', '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|'];
  for (const r of runs) {
    const notes = [r.error ? `error: ${r.error}` : '', r.warning ?? '', ...(r.stderrTail ?? []).map((l) => `stderr: ${l.slice(0, 120)}`)].filter(Boolean).join('; ').replace(/\|/g, '\\|');
    out.push(`| ${r.server} | ${r.clauses.toLocaleString('en-US')} | ${r.lines.toLocaleString('en-US')} | ${fmt(r.initializeMs)} | ${r.sync ?? '–'} | ${r.firstDiagnostics?.publishes ?? '–'} | `
      + `${fmt(r.edits?.max)} | ${r.edits ? (r.edits.counts[0] === r.edits.counts[1] ? r.edits.counts[0] : r.edits.counts.join('–')) : '–'} | `
      + `${r.completionCovers?.items ?? '–'} / ${r.completionSector?.items ?? '–'} | ${fmt(r.completionCovers?.p95, 1)} / ${fmt(r.completionSector?.p95, 1)} | ${notes} |`);
  }
  return out.join('\n');
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${model} × ${cpus.length} logical CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const started = new Date();
  // The code measured is the code built before this started: record its commit now, not at the end.
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'server', 'bin', 'guidelines', 'schemas']);
  const budget = setTimeout(() => {
    log(`bench: the whole run exceeded --budget ${opts.budget} ms: stopping`);
    killAll();
    process.exit(1);
  }, opts.budget);
  budget.unref();

  const serverEntry = opts.server === 'dist' ? path.join(repoRoot, 'dist', 'server.js') : path.join(repoRoot, 'bin', 'kijun-language-server.js');
  const builtServer = path.join(repoRoot, 'out', 'server', 'src', 'lsp', 'main.js');
  if (!fs.existsSync(opts.server === 'dist' ? serverEntry : builtServer)) {
    log(`bench: ${path.relative(repoRoot, opts.server === 'dist' ? serverEntry : builtServer)} is missing: run \`npm run build\` first (npm run bench does).`);
    return 1;
  }
  const vocabulary: Vocabulary = loadVocabulary(repoRoot);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-bench-'));
  const cleanup = () => {
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      killAll();
      process.exit(130);
    });
  }

  const targets: Target[] = [{
    name: 'Kijun',
    command: process.execPath,
    args: [serverEntry, '--stdio'],
    languageId: 'yaml',
    settings: { kijun: {} },
    folder: (n) => path.join(tmp, `kijun-${n}`),
  }];

  let peerNote: string;
  if (opts.peer) {
    const peer = await ensurePeer(repoRoot, opts.peerDir, log);
    if (peer.entry) {
      const schemaFile = path.join(tmp, 'peer-schema', 'standard.schema.json');
      fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
      fs.writeFileSync(schemaFile, JSON.stringify(peerSchema(repoRoot, vocabulary), null, 2));
      targets.push({
        name: `${PEER_NAME} ${PEER_VERSION}`,
        command: process.execPath,
        args: [peer.entry, '--stdio'],
        languageId: 'yaml',
        settings: {
          yaml: {
            validate: true, completion: true, hover: true, format: { enable: false },
            schemaStore: { enable: false },
            schemas: { [pathToFileURL(schemaFile).href]: ['standard-*.yaml'] },
          },
          http: { proxy: '', proxyStrictSSL: true },
        },
        folder: (n) => path.join(tmp, `peer-${n}`),
      });
      peerNote = `${PEER_NAME} ${PEER_VERSION} (installed from the lockfile in bench/peer/), on the same text, with Kijun's standard schema `
        + `in which \`sector\`, \`covers\` and \`threats\` are enums of the guideline's vocabulary (so it flags the same unknown \`covers\` ids). `
        + 'It is schema validation only: no guideline resolution, no coverage.';
    } else {
      log(`bench: ${peer.problem}; continuing with Kijun only`);
      peerNote = `not measured: ${peer.problem}`;
    }
  } else {
    peerNote = 'not measured (--no-peer)';
  }

  if (opts.sizes.length) log(`bench: sizes ${opts.sizes.join(', ')}; ${opts.edits} edits and ${opts.completionRuns} completions per run; documents in ${tmp}`);
  const runs: Run[] = [];
  const bareParse = new Map<number, number>();
  for (const n of opts.sizes) {
    const doc = generateStandard(n, vocabulary);
    bareParse.set(n, bareParseMs(doc.text));
    for (const target of targets) runs.push(await measure(target, doc, opts, log));
  }

  const workspaceResult = opts.workspace ? await workspaceScenario(opts, opts.workspace, vocabulary, tmp, targets, log) : undefined;

  const tbl = runs.length ? table(runs) : '';
  const targetsLine = runs.length ? targetLines(runs) : { text: '', met: true };
  const sizeTargets = runs.length ? scaleTargets(runs, bareParse) : '';
  if (runs.length) process.stdout.write(`\n${tbl}\n\n${targetsLine.text}\n\n${sizeTargets}\n`);
  if (workspaceResult) process.stdout.write(`\n${workspaceResult.table}\n`);
  clearTimeout(budget);

  if (opts.out) {
    const md = [
      '# Kijun bench results',
      '',
      `Written by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (bench/bench.ts) on ${started.toISOString().replace(/\.\d+Z$/, 'Z')}.`,
      '',
      `- Machine: ${machine()}.`,
      `- Kijun: ${opts.server === 'dist' ? '`node dist/server.js --stdio`' : '`node bin/kijun-language-server.js --stdio`'}, commit ${commit ?? 'unknown'}${dirty ? ' with uncommitted changes under server/, bin/, guidelines/ or schemas/' : ''}.`,
      `- Peer: ${peerNote}`,
      `- Documents: generated \`kijun: standard\` files (guideline ${vocabulary.guidelineId}, sector 金融, class 3), each clause with id, title, `
        + '`covers` (1–3 real items that apply to finance), `threats` and 2–4 lines of `text: |`; about 1% of the clauses cover an unknown item id (an error for both servers).',
      `- Method: didOpen → first \`publishDiagnostics\`; ${opts.edits} sequential edits of the middle clause's title (a character typed at its end, then deleted, so that each edit moves the rest of the document; `
        + 'incremental sync when the server offers it), each timed from `didChange` to the first `publishDiagnostics` whose `version` is at least the edit\'s '
        + `(any publish for a server that sends no version); ${opts.completionRuns} completion requests after \`covers: [\` in the middle clause and at the \`sector:\` value; `
        + 'peak RSS = `VmHWM` of the server process. Percentiles are nearest-rank. Times are wall-clock on this machine: compare rows of one run, not across machines.',
      '',
      ...(runs.length ? [tbl, '', targetsLine.text, '', sizeTargets, '', '## Details', '', details(runs), ''] : []),
      ...(workspaceResult ? ['## Workspace', '', workspaceMethod, '', workspaceResult.table, ''] : []),
    ].join('\n');
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, md);
    log(`bench: wrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
  }
  if (opts.keep) log(`bench: documents kept in ${tmp}`);
  const kijunFailed = runs.some((r) => r.server === 'Kijun' && r.error) || !!workspaceResult?.failed;
  return kijunFailed || (opts.check && !targetsLine.met) ? 1 : 0;
}

const workspaceMethod = 'Method: the generated folder (a copy of the bundled guideline under an id of its own, and standards that name it, '
  + 'each clause with one sentence of text or none; about 1% of the clauses cover an unknown item id) is the server\'s only workspace folder; '
  + 'the client declares `window.workDoneProgress`. One standard is opened right after `initialized`; indexing is timed from `initialized` to the '
  + '`end` of the server\'s work-done progress. Once indexed, more standards and the guideline are opened; each guideline edit (a character typed at the '
  + 'end of an item\'s `id:` line, then deleted, so that the clauses covering the item change) is timed from `didChange` to the last of the open '
  + 'standards\' next `publishDiagnostics`. Peak memory is `VmHWM` of the server process at the end. A second server is started to cancel its '
  + 'indexing (`window/workDoneProgress/cancel`) as soon as the progress begins. `kijun check <folder>` is timed from spawn to exit (`node bin/kijun.js`). '
  + 'The peer opens the same standards with the schema of the sizes above; it has no workspace figures of its own (—).';

/** The workspace scenario (issue 13): Kijun over stdio, `kijun check`, and the peer's open-document figures. */
async function workspaceScenario(opts: Options, shape: NonNullable<Options['workspace']>, vocabulary: Vocabulary, tmp: string, targets: Target[], log: (s: string) => void):
  Promise<{ table: string; failed: boolean }> {
  const folder = path.join(tmp, 'workspace');
  const scenario = { standards: shape.standards, clauses: shape.clauses, open: Math.min(50, shape.standards), edits: shape.edits, checkRuns: shape.checkRuns, timeout: Math.max(opts.timeout, 180_000) };
  log(`bench: workspace of ${shape.standards} standards × ${shape.clauses} clauses in ${folder}`);
  const ws = prepareWorkspace(repoRoot, vocabulary, folder, scenario);
  const [kijunTarget, peerTarget] = targets;
  const kijun = await measureKijunWorkspace(kijunTarget, repoRoot, folder, ws, scenario, log);
  const check = await measureCheck(repoRoot, folder, scenario, log);
  let peer;
  if (peerTarget) {
    // The standards lie in a subfolder: the peer's schema association must reach them there.
    const yamlSettings = (peerTarget.settings?.yaml ?? {}) as { schemas?: Record<string, string[]> };
    const schemas = Object.fromEntries(Object.keys(yamlSettings.schemas ?? {}).map((uri) => [uri, ['**/standard-*.yaml']]));
    peer = await measurePeerWorkspace({ ...peerTarget, settings: { ...peerTarget.settings, yaml: { ...yamlSettings, schemas } } }, repoRoot, folder, ws, scenario, log);
  }
  return { table: workspaceTable(ws, scenario, kijun, check, peer), failed: !!kijun.error || !!check.error };
}

main().then(
  (code) => {
    killAll();
    process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
    killAll();
    process.exit(1);
  },
);
