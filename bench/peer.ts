// Installs the peer, yaml-language-server, into bench/.peer/ or --peer-dir (never the repository's
// node_modules) from the pinned manifest and lockfile in bench/peer/. Returns the server's entry point, or why it
// could not be installed (offline, no npm): the bench then runs Kijun alone.

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PEER_NAME = 'yaml-language-server';
export const PEER_VERSION = '1.25.0';

export interface Peer {
  entry?: string;
  version?: string;
  problem?: string;
}

function installedVersion(dir: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', PEER_NAME, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * yaml-language-server requires vscode-languageserver-protocol without declaring it: the server only
 * starts when npm hoists that package to the top of node_modules. Check the layout, not just the version.
 */
function layoutWorks(dir: string): boolean {
  const top = path.join(dir, 'node_modules');
  return installedVersion(dir) === PEER_VERSION
    && fs.existsSync(path.join(top, 'vscode-languageserver-protocol', 'package.json'))
    && fs.existsSync(path.join(top, PEER_NAME, 'bin', PEER_NAME));
}

function manifestName(dir: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', detached: process.platform !== 'win32' });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(timed out after ${timeoutMs} ms)`;
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function ensurePeer(repoRoot: string, dir: string, log: (s: string) => void, timeoutMs = 240_000): Promise<Peer> {
  const entry = path.join(dir, 'node_modules', PEER_NAME, 'bin', PEER_NAME);
  if (layoutWorks(dir)) return { entry, version: PEER_VERSION };
  log(`installing the peer ${PEER_NAME}@${PEER_VERSION} into ${path.relative(process.cwd(), dir) || dir} …`);
  // Never wipe a folder that is not ours (--peer-dir may point anywhere): only our manifest's folder or an empty one.
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && manifestName(dir) !== 'kijun-bench-peer') {
    return { problem: `${dir} is not empty and holds no kijun-bench-peer manifest: not installing there` };
  }
  for (const f of ['node_modules', 'package.json', 'package-lock.json']) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(repoRoot, 'bench', 'peer');
  for (const f of ['package.json', 'package-lock.json']) {
    if (fs.existsSync(path.join(manifest, f))) fs.copyFileSync(path.join(manifest, f), path.join(dir, f));
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const common = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  let res = fs.existsSync(path.join(dir, 'package-lock.json'))
    ? await run(npm, ['ci', ...common, '--prefix', dir], dir, timeoutMs)
    : { code: 1, output: 'no lockfile' };
  if (res.code !== 0 || !layoutWorks(dir)) {
    // No usable lockfile: install the pins directly (the explicit protocol pin keeps it hoisted).
    res = await run(npm, ['install', ...common, '--prefix', dir, `${PEER_NAME}@${PEER_VERSION}`, 'vscode-languageserver-protocol@3.17.5'], dir, timeoutMs);
  }
  if (res.code === 0 && layoutWorks(dir)) return { entry, version: PEER_VERSION };
  const tail = res.output.trim().split('\n').slice(-3).join(' | ');
  return { problem: `could not install ${PEER_NAME}@${PEER_VERSION} (offline?): npm exited ${res.code}: ${tail}` };
}
