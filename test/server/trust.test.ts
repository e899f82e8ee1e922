import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as ts from 'typescript';
import { CodeAction, Diagnostic, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { completeStandard, testGuideline } from '../fixtures';
import { repoRoot } from '../helpers';
import { typeScriptFiles } from '../core/redos-sites';
import { tempWorkspace, TestClient } from './harness';

/**
 * What SECURITY.md promises, tested: the extension runs no code from the workspace, writes no file except
 * through an edit the user applies (or a CLI option that names the file to write), reads only Kijun files
 * inside the workspace folders and the guideline folders (no link leads it outside them), and declares
 * Restricted Mode and virtual workspaces accordingly. The sources are read with the TypeScript parser; the
 * server is run over a workspace laid out to tempt it, with every file-system call it makes recorded.
 */

/** The folders whose code runs in the editor (the extension and its language server) or on the command line. */
const SHIPPED = ['server/src', 'client/src'];

/** `file:line` of a node. */
function where(file: string, source: ts.SourceFile, node: ts.Node): string {
  return `${path.relative(repoRoot, file).split(path.sep).join('/')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** Calls every node of every shipped source file with the file and its parse. */
function visitShipped(visit: (node: ts.Node, at: () => string) => void): void {
  for (const folder of SHIPPED) {
    for (const file of typeScriptFiles(path.join(repoRoot, folder))) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const walk = (node: ts.Node): void => {
        visit(node, () => where(file, source, node));
        ts.forEachChild(node, walk);
      };
      walk(source);
    }
  }
}

/** Modules that run code given to them, or other programs. */
const CODE_RUNNERS = new Set(['child_process', 'vm', 'worker_threads', 'cluster', 'module', 'inspector', 'repl']);
/** Modules that reach the network. */
const NETWORK = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns']);

/** The file-system functions that change the disk (also under `fs.promises`). */
const WRITES = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rename', 'renameSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'symlink', 'symlinkSync', 'link', 'linkSync', 'truncate', 'truncateSync', 'ftruncate', 'ftruncateSync', 'chmod', 'chmodSync',
  'chown', 'chownSync', 'utimes', 'utimesSync', 'write', 'writeSync', 'writev', 'writevSync',
];
/** The file-system functions that read a file's content or a folder's entries. */
const READS = ['readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'open', 'openSync'];

type Call = { name: string; target: string };

/**
 * Records every call of the functions named, on `fs` and on `fs.promises`, while `run` runs (the server is
 * in-process, and its modules reach `fs` through getters, so that the replacement is what they call).
 */
async function recordingFs<T>(names: string[], run: () => Promise<T>): Promise<{ result: T; calls: Call[] }> {
  const calls: Call[] = [];
  const restore: (() => void)[] = [];
  // The module itself, not `import * as`'s copy of it (whose properties are getters of the module's).
  const nodeFs = require('fs') as typeof fs;
  for (const [owner, prefix] of [[nodeFs, 'fs.'], [nodeFs.promises, 'fs.promises.']] as const) {
    const table = owner as unknown as Record<string, unknown>;
    for (const name of names) {
      const original = table[name];
      if (typeof original !== 'function') continue;
      table[name] = function (this: unknown, ...args: unknown[]) {
        calls.push({ name: prefix + name, target: String(args[0]) });
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      restore.push(() => { table[name] = original; });
    }
  }
  try {
    return { result: await run(), calls };
  } finally {
    for (const undo of restore) undo();
  }
}

/** Every file under `folder` (links not followed) with its bytes and modification time. */
function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.lstatSync(full);
        result[path.relative(folder, full)] = entry.isSymbolicLink() ? `→ ${fs.readlinkSync(full)}` : `${stat.mtimeMs} ${fs.readFileSync(full, 'base64')}`;
      }
    }
  };
  walk(folder);
  return result;
}

describe('trust: the sources', () => {
  it('run no code of the workspace: no eval, no Function constructor, no module loaded by a computed name, no child process, vm or worker', () => {
    const found: string[] = [];
    visitShipped((node, at) => {
      const moduleName = (n: ts.Node | undefined): string | undefined => (n && ts.isStringLiteral(n) ? n.text.replace(/^node:/, '') : undefined);
      if (ts.isImportDeclaration(node) && CODE_RUNNERS.has(moduleName(node.moduleSpecifier) ?? '')) found.push(`${at()} imports ${moduleName(node.moduleSpecifier)}`);
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
        const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        if (isRequire || isImport) {
          const name = moduleName(node.arguments[0]);
          if (name === undefined) found.push(`${at()} loads a module by a computed name`);
          else if (CODE_RUNNERS.has(name) || !(name.startsWith('.') || /^[a-z@]/.test(name))) found.push(`${at()} loads ${name}`);
        }
        if (ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) found.push(`${at()} calls ${callee.text}`);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') found.push(`${at()} new Function`);
    });
    // The one exception: `kijun check` runs Kijun's own checkWorker.js (a fixed path beside parallel.js, never a
    // workspace file) in worker threads to use the cores (README "The CLI", --jobs).
    assert.deepStrictEqual(found, [
      'server/src/cli/checkWorker.ts:4 imports worker_threads',
      'server/src/cli/parallel.ts:3 imports worker_threads',
    ]);
    assert.match(fs.readFileSync(path.join(repoRoot, 'server/src/cli/parallel.ts'), 'utf8'), /new Worker\(path\.join\(__dirname, 'checkWorker\.js'\), /);
  });

  it('use no network: no http, https, http2, net, tls, dgram or dns, and no fetch', () => {
    const found: string[] = [];
    visitShipped((node, at) => {
      const specifier = ts.isImportDeclaration(node) ? node.moduleSpecifier
        : ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' ? node.arguments[0] : undefined;
      if (specifier && ts.isStringLiteral(specifier) && NETWORK.has(specifier.text.replace(/^node:/, ''))) found.push(`${at()} imports ${specifier.text}`);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fetch') found.push(`${at()} calls fetch`);
    });
    assert.deepStrictEqual(found, []);
  });

  it('write files in five places only, each a CLI option or command that names what it writes (--output, --output-dir, --write-baseline, review --accept, migrate --write)', () => {
    const writes: string[] = [];
    visitShipped((node, at) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITES.includes(node.expression.name.text)) {
        const receiver = node.expression.expression.getText();
        // Only calls on the file system count (`fs.writeFileSync`, `fs.promises.writeFile`), not a stream's `write`.
        if (/^fs(\.promises)?$/.test(receiver)) writes.push(`${at().replace(/:\d+$/, '')} ${receiver}.${node.expression.name.text}`);
      }
    });
    assert.deepStrictEqual(writes.sort(), [
      'server/src/cli/baseline.ts fs.writeFileSync', // kijun check --write-baseline FILE
      'server/src/cli/commands/coverage.ts fs.writeFile', // kijun coverage --output FILE
      'server/src/cli/commands/export.ts fs.mkdirSync', // kijun export --oscal --output-dir FOLDER
      'server/src/cli/commands/export.ts fs.writeFileSync',
      'server/src/cli/commands/migrate.ts fs.writeFileSync', // kijun migrate --to NEW --write (rewrites the standards)
      'server/src/cli/commands/review.ts fs.writeFileSync', // kijun review --accept (the review records beside the standards)
    ]);
  });
});

describe('trust: package.json declares Restricted Mode and virtual workspaces', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities: unknown;
    contributes: { configuration: { properties: Record<string, { type: string; scope?: string }> } };
  };

  it('works in Restricted Mode, where VS Code ignores a workspace\'s own kijun.guidelineFolders; not in virtual workspaces (it reads the disk)', () => {
    assert.deepStrictEqual(manifest.capabilities, {
      untrustedWorkspaces: { supported: true, restrictedConfigurations: ['kijun.guidelineFolders'] },
      virtualWorkspaces: { supported: false, description: '%kijun.capabilities.virtualWorkspaces%' },
    });
    const nls = (file: string) => (JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>)['kijun.capabilities.virtualWorkspaces'];
    assert.strictEqual(nls('package.nls.json'), 'Kijun reads the workspace\'s documents and guideline folders from the disk, which a virtual workspace does not have.');
    assert.strictEqual(nls('package.nls.ja.json'), 'Kijun はワークスペースの文書と指針フォルダをディスクから読み込みます。仮想ワークスペースにはディスクがないため使えません。');
  });

  it('every setting that names something to read is restricted (only kijun.guidelineFolders names a path)', () => {
    const pathSettings = Object.entries(manifest.contributes.configuration.properties)
      .filter(([name, schema]) => schema.type === 'array' || /folder|path|file/i.test(name)).map(([name]) => name);
    assert.deepStrictEqual(pathSettings, ['kijun.guidelineFolders']);
  });
});

describe('trust: the language server over a workspace laid out to tempt it', function () {
  this.timeout(60_000);
  let base: string;
  let workspace: string;
  let guidelines: string;
  let outside: string;
  let folder: ReturnType<typeof tempWorkspace>;

  before(() => {
    // An empty folder first: the scripts written into it name the files they would create beside them.
    folder = tempWorkspace({});
    base = fs.realpathSync(folder.folder);
    workspace = path.join(base, 'ws');
    guidelines = path.join(base, 'guidelines');
    outside = path.join(base, 'outside');
    // Single quotes only: the same statement goes into a double-quoted YAML scalar.
    const ran = (what: string) => `require('fs').writeFileSync('${path.join(base, `ran-${what}`)}', 'x')`;
    const guideline = (id: string) => testGuideline.text.replace('id: test-g', `id: ${id}`);
    for (const [relative, text] of Object.entries({
      // A standard that leaves an item uncovered (a quick fix to offer), and one whose title carries a JavaScript tag.
      'ws/std.yaml': completeStandard().replace('    covers: [C]\n', ''),
      'ws/tagged.yaml': completeStandard().replace('title: テスト基準', `title: !!js/function "function () { ${ran('tag')} }"`).replace('id: std-1', 'id: std-tagged'),
      // Code and configuration an extension could be tempted to run or read.
      'ws/kijun.config.js': `${ran('config')};\n`,
      'ws/package.json': JSON.stringify({ scripts: { postinstall: 'node kijun.config.js', test: 'node kijun.config.js' } }),
      'ws/notes.txt': 'kijun: standard\n',
      'ws/.vscode/settings.json': '{}',
      'ws/.hidden/secret.yaml': guideline('hidden-g'),
      'ws/node_modules/pkg/x.yaml': guideline('module-g'),
      'guidelines/test-guideline.yaml': testGuideline.text,
      'outside/secret.yaml': guideline('secret-g'),
      'outside/deeper/more.yaml': guideline('deeper-g'),
    })) folder.write(relative, text);
    // Links out of the workspace: to a Kijun file, to a folder, and a relative one up the tree.
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'link-out.yaml'));
    fs.symlinkSync(outside, path.join(workspace, 'link-dir'));
    fs.symlinkSync(path.join('..', 'outside', 'secret.yaml'), path.join(workspace, 'link-up.yaml'));
  });

  after(() => folder.dispose());

  /** Everything an editor would do in a session: index, open, edit, ask for every feature, watch files change, close, shut down. */
  async function session(client: TestClient): Promise<{ symbols: SymbolInformation[]; actions: CodeAction[]; diagnostics: Diagnostic[] }> {
    client.settings = { guidelineFolders: [guidelines] };
    await client.initialize(workspace);
    await client.whenIndexed();
    const uri = pathToFileURL(path.join(workspace, 'std.yaml')).toString();
    const tagged = pathToFileURL(path.join(workspace, 'tagged.yaml')).toString();
    const diagnostics = await client.open(uri, fs.readFileSync(path.join(workspace, 'std.yaml'), 'utf8'));
    await client.open(tagged, fs.readFileSync(path.join(workspace, 'tagged.yaml'), 'utf8'));
    const position = { line: 9, character: 14 };
    const textDocument = { uri };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range: diagnostics[0].range, context: { diagnostics } });
    for (const [method, params] of [
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/documentSymbol', { textDocument }],
      ['kijun/coverageReport', { uri }],
    ] as const) await client.request(method, params);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# 編集\n' }]);
    // The disk changes under the links and beside them: what a watcher reports is read by the same rule as the walk.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: ['link-out.yaml', 'link-up.yaml', 'notes.txt', 'kijun.config.js'].map((name) => ({ uri: pathToFileURL(path.join(workspace, name)).toString(), type: 2 })) });
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    await client.close(tagged);
    await client.close(uri);
    await client.shutdown();
    return { symbols, actions, diagnostics };
  }

  it('writes nothing, runs nothing, and offers its fixes as edits for the editor to apply', async () => {
    const before = snapshot(base);
    const client = new TestClient();
    const applyEditRequests: unknown[] = [];
    client.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      applyEditRequests.push(params);
      return { applied: false };
    });
    const { result, calls } = await recordingFs(WRITES, () => session(client));
    assert.deepStrictEqual(calls, []);
    assert.deepStrictEqual(applyEditRequests, []);
    assert.deepStrictEqual(snapshot(base), before);
    assert.deepStrictEqual(['config', 'tag'].filter((what) => fs.existsSync(path.join(base, `ran-${what}`))), []);
    // The fixes exist, and are edits of the open document only (with, at most, the editor's own selection command).
    assert.deepStrictEqual(result.diagnostics.map((d) => d.code), ['coverage.uncovered']);
    assert.deepStrictEqual(result.actions.map((a) => [a.title, Object.keys(a.edit?.changes ?? {}), a.command?.command]), [
      ['Add a clause covering C (Ⅲ Continuity)', [pathToFileURL(path.join(workspace, 'std.yaml')).toString()], undefined],
      ['Exclude C (Ⅲ Continuity) (規定する必要がない) with a reason', [pathToFileURL(path.join(workspace, 'std.yaml')).toString()], undefined],
    ]);
  });

  it('reads only Kijun files inside the workspace folder and the guideline folder (and its own package); no link leads it outside', async () => {
    const { result, calls } = await recordingFs(READS, () => session(new TestClient()));
    const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);
    const kijunFile = (file: string) => /\.(ya?ml|md|markdown)$/.test(file);
    const readOutside = calls.filter(({ name, target }) => {
      if (inside(target, repoRoot)) return false; // the extension's own files: bundled guidelines, snippets, package.json
      const folderRead = /readdir|opendir/.test(name);
      const allowedFolder = [workspace, guidelines].some((folder) => inside(target, folder));
      if (folderRead) return !allowedFolder || /[/\\](\.|node_modules)/.test(path.relative(base, target));
      return !(allowedFolder && kijunFile(target) && !/[/\\](\.|node_modules)/.test(path.relative(base, target)));
    });
    assert.deepStrictEqual(readOutside, []);
    assert.deepStrictEqual(calls.filter(({ target }) => inside(target, outside)), []);
    // Not vacuous: the standard and the guideline were read from the disk, the folders were listed.
    const read = new Set(calls.filter((c) => /readFile/.test(c.name)).map((c) => path.relative(base, c.target)));
    assert.ok(read.has(path.join('ws', 'std.yaml')) && read.has(path.join('guidelines', 'test-guideline.yaml')), [...read].join(', '));
    const listed = [...new Set(calls.filter((c) => /readdir/.test(c.name) && !inside(c.target, repoRoot)).map((c) => path.relative(base, c.target)))].sort();
    assert.deepStrictEqual(listed, ['guidelines', 'ws']);
    // Nothing from outside, from a dot folder or from node_modules reached the workspace.
    assert.deepStrictEqual([...new Set(result.symbols.map((s) => s.containerName))].sort(), ['std-1', 'std-tagged', 'test-g']);
  });

  it('a JavaScript tag (!!js/function) in a document is data: its text is the value, and nothing runs', async () => {
    const client = new TestClient();
    client.settings = { guidelineFolders: [guidelines] };
    await client.initialize(workspace);
    await client.whenIndexed();
    const tagged = pathToFileURL(path.join(workspace, 'tagged.yaml')).toString();
    assert.deepStrictEqual(await client.open(tagged, fs.readFileSync(path.join(workspace, 'tagged.yaml'), 'utf8')), []);
    // The title is the tag's text, a string like any other: the standard is complete and has no finding.
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'S-1' });
    assert.deepStrictEqual(symbols.filter((s) => s.location.uri === tagged).map((s) => s.name), ['S-1 責任者']);
    await client.shutdown();
    assert.strictEqual(fs.existsSync(path.join(base, 'ran-tag')), false);
  });
});
