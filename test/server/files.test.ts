import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { Diagnostic, FileChangeType, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { decodeText } from '../../server/src/node/decode';
import { isCandidatePath, readDocument, walkDocuments, WalkEntry, WalkOptions } from '../../server/src/node/files';
import { run } from '../../server/src/cli/main';
import { shiftJisFile, utf16be, utf16le } from '../encodings';
import { completeStandard, testGuideline } from '../fixtures';
import { lines } from '../helpers';
import { tempWorkspace, TestClient } from './harness';

const shiftJisStandard = (): Buffer => shiftJisFile('shift-jis-standard.yaml');
const shiftJisSettings = (): Buffer => shiftJisFile('shift-jis-settings.yaml');

/** The walk's entries as one line each, paths relative to `root` (and `<outside>` for the other folder). */
async function walked(roots: string[], options: WalkOptions, root: string, outside: string): Promise<string[]> {
  const name = (p: string | undefined): string => (p === undefined ? '' : p.startsWith(outside) ? `<outside>${p.slice(outside.length)}` : path.relative(root, p) || '.');
  const result: string[] = [];
  for await (const entry of walkDocuments(roots, options)) result.push(entryLine(entry, name));
  return result;
}

function entryLine(entry: WalkEntry, name: (p: string | undefined) => string): string {
  if (entry.kind === 'file') return `${entry.explicit ? 'named' : 'file'} ${name(entry.path)} ${entry.format}${entry.realPath !== entry.path ? ` → ${name(entry.realPath)}` : ''}`;
  return `${entry.explicit ? 'named' : 'skipped'} ${name(entry.path)}: ${entry.reason}${entry.other ? ` ${name(entry.other)}` : ''}${entry.detail ? ` (${entry.detail})` : ''}`;
}

describe('the one walk and the one decoder (server/src/node)', () => {
  let base: string;
  let root: string;
  let outside: string;

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-walk-')));
    root = path.join(base, 'root');
    outside = path.join(base, 'elsewhere');
    const write = (file: string, text = 'kijun: standard\n') => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    for (const name of ['a.yaml', 'b.yml', 'c.md', 'd.markdown', 'notes.txt', '.hidden.yaml', '.git/config.yaml', 'node_modules/x/y.yaml', 'sub/e.yaml']) write(path.join(root, name));
    write(path.join(outside, 'g.yaml'));
    write(path.join(outside, 'notes.txt'));
    const link = (target: string, name: string) => fs.symlinkSync(target, path.join(root, name));
    link('sub/e.yaml', 'again.yaml');
    link('sub', 'linked-sub');
    link('.', 'self');
    link('..', 'up');
    link('nowhere.yaml', 'gone.yaml');
    link('l2.yaml', 'l1.yaml');
    link('l1.yaml', 'l2.yaml');
    link(path.join(outside, 'g.yaml'), 'out.yaml');
    link(path.join(outside, 'notes.txt'), 'readme');
  });

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const common = [
    'skipped .git: hidden',
    'skipped .hidden.yaml: hidden',
    'file a.yaml yaml',
    'file b.yml yaml',
    'file c.md markdown',
    'file d.markdown markdown',
    'skipped node_modules: node-modules',
    'file sub/e.yaml yaml',
    'skipped again.yaml: duplicate sub/e.yaml',
    'skipped gone.yaml: broken-link',
    'skipped l1.yaml: loop',
    'skipped l2.yaml: loop',
    'skipped linked-sub: duplicate sub',
  ];

  it('the CLI\'s walk: every candidate, links followed, and every path not read with its reason, in a stable order', async () => {
    assert.deepStrictEqual(await walked([root], { followLinks: 'always' }, root, outside), [
      ...common,
      'file out.yaml yaml → <outside>/g.yaml',
      'skipped self: loop .',
      `skipped up: loop ${path.relative(root, base)}`,
    ]);
  });

  it('the server\'s walk: a link is followed only when its real target lies inside a folder walked', async () => {
    assert.deepStrictEqual(await walked([root], { followLinks: 'into-roots' }, root, outside), [
      ...common,
      'skipped out.yaml: outside <outside>/g.yaml',
      'skipped self: loop .',
      `skipped up: outside ${path.relative(root, base)}`,
    ]);
    // With the other folder walked too (as a guideline folder is), the link into it is followed.
    const both = await walked([root, outside], { followLinks: 'into-roots' }, root, outside);
    assert.deepStrictEqual(both.filter((l) => l.includes('out.yaml') || l.includes('<outside>/g.yaml')), [
      'file out.yaml yaml → <outside>/g.yaml',
      'skipped <outside>/g.yaml: duplicate out.yaml',
    ]);
  });

  it('paths named explicitly: read whatever their name, one entry each, a missing path or another extension said', async () => {
    const named = [path.join(root, '.hidden.yaml'), path.join(root, 'notes.txt'), path.join(root, 'missing.yaml'), path.join(root, 'l1.yaml'), path.join(root, 'a.yaml'), path.join(root, 'a.yaml')];
    assert.deepStrictEqual(await walked(named, {}, root, outside), [
      'named .hidden.yaml yaml',
      'named notes.txt: not-yaml-or-markdown',
      'named missing.yaml: missing',
      'named l1.yaml: loop',
      'named a.yaml yaml',
      'named a.yaml: duplicate a.yaml',
    ]);
  });

  it('isCandidatePath: the walk\'s rule for one file (watched-file events)', () => {
    const cases: [string, boolean][] = [
      ['a.yaml', true], ['sub/e.markdown', true], ['notes.txt', false], ['.hidden.yaml', false],
      ['.git/config.yaml', false], ['node_modules/x/y.yaml', false], ['sub/.draft.md', false], ['../elsewhere/g.yaml', false],
    ];
    assert.deepStrictEqual(cases.map(([file]) => [file, isCandidatePath(path.join(root, file), root)]), cases);
  });

  describe('decodeText', () => {
    const text = 'kijun: standard\ntitle: 金融の安全基準\n';

    it('UTF-8 with or without a byte order mark, UTF-16 LE and BE with one: the text, without the mark', () => {
      assert.deepStrictEqual(decodeText(Buffer.from(text)), { checkable: true, encoding: 'utf-8', text });
      assert.deepStrictEqual(decodeText(Buffer.from(`\ufeff${text}`)), { checkable: true, encoding: 'utf-8', text });
      assert.deepStrictEqual(decodeText(utf16le(text)), { checkable: true, encoding: 'utf-16le', text });
      assert.deepStrictEqual(decodeText(utf16be(text)), { checkable: true, encoding: 'utf-16be', text });
    });

    it('Shift_JIS bytes of a Japanese document (Windows code page 932, with ①) are recognised, not analysed', () => {
      const bytes = shiftJisStandard();
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), TypeError);
      assert.deepStrictEqual(decodeText(bytes), {
        checkable: false,
        encoding: 'shift_jis',
        text: lines(
          'kijun: standard', 'guideline: nisc-2008', 'id: sjis-sample', 'title: 情報セキュリティ対策基準（Excel から Shift_JIS で保存）',
          'sector: 金融', 'class: 3', 'clauses:', '  - id: S-1', '    title: 事業継続計画の策定①', '    covers: [G-II-3-4-2-A-b]',
        ),
      });
      assert.deepStrictEqual(decodeText(shiftJisSettings()).encoding, 'shift_jis');
    });

    it('other bytes that are not UTF-8 are "unknown", even when they happen to be valid Shift_JIS (half-width katakana)', () => {
      const latin1 = Buffer.from('title: caf\xe9 cr\xe8me\n', 'latin1');
      assert.deepStrictEqual(decodeText(latin1), { checkable: false, encoding: 'unknown', text: 'title: caf\ufffd cr\ufffdme\n' });
      const halfWidthKana = Buffer.from('title: \xc0\xc1\n', 'latin1');
      assert.strictEqual(new TextDecoder('shift_jis', { fatal: true }).decode(halfWidthKana), 'title: ﾀﾁ\n');
      assert.strictEqual(decodeText(halfWidthKana).encoding, 'unknown');
      // A UTF-16 byte order mark followed by an odd number of bytes is no UTF-16 either.
      const { checkable, encoding } = decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]));
      assert.deepStrictEqual({ checkable, encoding }, { checkable: false, encoding: 'unknown' });
    });
  });

  describe('readDocument', () => {
    it('a text, a Kijun document in Shift_JIS, another file in Shift_JIS, a folder, a file over the limit', async () => {
      const folder = path.join(base, 'read');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'le.yaml'), utf16le('kijun: guideline\n'));
      fs.writeFileSync(path.join(folder, 'sjis.yaml'), shiftJisStandard());
      fs.writeFileSync(path.join(folder, 'settings.yaml'), shiftJisSettings());
      assert.deepStrictEqual(await readDocument(path.join(folder, 'le.yaml'), 'yaml'), { kind: 'text', text: 'kijun: guideline\n' });
      assert.deepStrictEqual(await readDocument(path.join(folder, 'sjis.yaml'), 'yaml'), { kind: 'not-read', reason: 'shift-jis', isKijun: true });
      assert.deepStrictEqual(await readDocument(path.join(folder, 'settings.yaml'), 'yaml'), { kind: 'not-read', reason: 'shift-jis', isKijun: false });
      assert.deepStrictEqual(await readDocument(folder, 'yaml'), { kind: 'not-read', reason: 'unreadable', detail: 'EISDIR', isKijun: true });
      assert.deepStrictEqual(await readDocument(path.join(folder, 'le.yaml'), 'yaml', { maxBytes: 10 }), { kind: 'not-read', reason: 'too-large', detail: '10', isKijun: true });
    });
  });
});

describe('language server: reading the workspace from disk', () => {
  const clients: TestClient[] = [];
  const workspaces: ReturnType<typeof tempWorkspace>[] = [];
  const workspace = (files: Record<string, string>) => {
    const ws = tempWorkspace(files);
    workspaces.push(ws);
    return ws;
  };
  const start = async (folder: string, settings: Record<string, unknown> = {}, locale = 'en'): Promise<TestClient> => {
    const client = new TestClient();
    clients.push(client);
    client.settings = settings;
    await client.initialize(folder, locale);
    await client.whenIndexed();
    return client;
  };
  /** The documents the server read, as paths relative to `folder`: every document with a clause or an item. */
  const documentsRead = async (client: TestClient, folder: string): Promise<string[]> => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    const uris = new Set(symbols.map((s) => s.location.uri));
    return [...uris].map((uri) => path.relative(folder, fileURLToPath(uri))).sort();
  };
  const brief = (d: Diagnostic) => `${d.code} ${d.message}`;

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.shutdown();
    for (const ws of workspaces.splice(0)) ws.dispose();
  });

  it('follows a link only when its real target lies inside a workspace folder or a guideline folder; says so in the log otherwise', async () => {
    const elsewhere = workspace({ 'shared/test-guideline.yaml': testGuideline.text });
    const ws = workspace({ '.shared/inside-guideline.yaml': testGuideline.text.replace('id: test-g', 'id: test-h') });
    fs.symlinkSync(path.join(elsewhere.folder, 'shared', 'test-guideline.yaml'), path.join(ws.folder, 'test-guideline.yaml'));
    fs.symlinkSync(path.join('.shared', 'inside-guideline.yaml'), path.join(ws.folder, 'inside.yaml'));
    const target = fs.realpathSync(path.join(elsewhere.folder, 'shared', 'test-guideline.yaml'));
    const followsG = completeStandard().replace('sector: 金融', 'sector: 金触');
    const followsH = followsG.replace('guideline: test-g', 'guideline: test-h').replace('id: std-1', 'id: std-h');

    const client = await start(ws.folder);
    assert.ok(client.logs.includes(`[kijun] not read: ${path.join(ws.folder, 'test-guideline.yaml')}: a symbolic link to "${target}", outside the workspace folders and kijun.guidelineFolders`), client.logs.join('\n'));
    // The link into the workspace's own dot folder is followed: the standard finds guideline test-h and checks its sector.
    assert.deepStrictEqual(await documentsRead(client, ws.folder), ['inside.yaml']);
    assert.deepStrictEqual((await client.open(ws.write('h.yaml', followsH), followsH)).map(brief), ['sector.unknown Unknown sector "金触" in guideline test-h. Did you mean "金融"?']);
    assert.deepStrictEqual((await client.open(ws.write('g.yaml', followsG), followsG)).map((d) => d.code), ['guideline.unknown']);

    // With the link's target folder as a guideline folder, the link is followed (and the file read once, under the link's path).
    const configured = await start(ws.folder, { guidelineFolders: [path.join(elsewhere.folder, 'shared')] });
    assert.deepStrictEqual(await documentsRead(configured, ws.folder), ['g.yaml', 'h.yaml', 'inside.yaml', 'test-guideline.yaml']);
    assert.deepStrictEqual((await configured.open(ws.uri('g.yaml'), followsG)).map(brief), ['sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?']);
  });

  it('the log in Japanese, and a guideline folder that does not exist', async () => {
    const elsewhere = workspace({ 'test-guideline.yaml': testGuideline.text });
    const ws = workspace({});
    fs.symlinkSync(path.join(elsewhere.folder, 'test-guideline.yaml'), path.join(ws.folder, 'g.yaml'));
    const client = await start(ws.folder, { guidelineFolders: ['missing-folder'] }, 'ja');
    const target = fs.realpathSync(path.join(elsewhere.folder, 'test-guideline.yaml'));
    assert.deepStrictEqual(client.logs.filter((l) => l.includes('読み込んでいません')), [
      `[kijun] 読み込んでいません: ${path.join(ws.folder, 'g.yaml')}: ワークスペースのフォルダと kijun.guidelineFolders の外（「${target}」）を指すシンボリックリンクです`,
      `[kijun] 読み込んでいません: ${path.join(ws.folder, 'missing-folder')}: ファイルまたはフォルダがありません`,
    ]);
  });

  it('reads the files the CLI reads: no dot files or folders, no node_modules, .markdown included', async () => {
    const duplicate = completeStandard(); // the same id std-1 everywhere: reading any copy would be a document.duplicate-id
    const ws = workspace({
      'test-guideline.yaml': testGuideline.text,
      'std.yaml': duplicate,
      'notes.markdown': lines('---', 'kijun: standard', 'guideline: test-g', 'id: md-1', 'title: 基準', 'sector: 金融', 'class: 3', '---', '', '## S-9 責任者', 'covers: A-1'),
      '.backup/std.yaml': duplicate,
      '.std-old.yaml': duplicate,
      'node_modules/pkg/std.yaml': duplicate,
    });
    const client = await start(ws.folder);
    const read = await documentsRead(client, ws.folder);
    assert.deepStrictEqual(read, ['notes.markdown', 'std.yaml', 'test-guideline.yaml']);
    assert.deepStrictEqual(await client.open(ws.uri('std.yaml'), duplicate), []);

    let json = '';
    const code = await run(['check', '--format', 'json', '.'], { stdout: (t) => (json += t), stderr: () => undefined, cwd: ws.folder, env: {} });
    assert.strictEqual(code, 0); // notes.markdown leaves must-consider items uncovered: warnings, which do not fail by default
    assert.deepStrictEqual(JSON.parse(json).files.map((f: { path: string }) => f.path).sort(), read);
  });

  it('a watched-file event for a file the walk would not read (a dot folder) is ignored; elsewhere it is read', async () => {
    const standard = completeStandard().replace('guideline: test-g', 'guideline: test-h');
    const guidelineH = testGuideline.text.replace('id: test-g', 'id: test-h');
    const ws = workspace({});
    const client = await start(ws.folder);
    const uri = ws.write('std.yaml', standard);
    assert.deepStrictEqual((await client.open(uri, standard)).map((d) => d.code), ['guideline.unknown']);

    const hidden = ws.write('.backup/h.yaml', guidelineH);
    let published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: hidden, type: FileChangeType.Created }] });
    assert.deepStrictEqual((await published).diagnostics.map((d) => d.code), ['guideline.unknown']);

    const visible = ws.write('h.yaml', guidelineH);
    published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: visible, type: FileChangeType.Created }] });
    assert.deepStrictEqual((await published).diagnostics, []);
  });

  it('decodes files on disk as the CLI does: UTF-16 with a byte order mark and CR-only line ends are read; Shift_JIS is logged, not read', async () => {
    const ws = workspace({ 'settings.yaml': '' });
    fs.writeFileSync(path.join(ws.folder, 'test-guideline.yaml'), utf16be(testGuideline.text.replace(/\n/g, '\r')));
    fs.writeFileSync(path.join(ws.folder, 'sjis.yaml'), shiftJisStandard());
    fs.writeFileSync(path.join(ws.folder, 'settings.yaml'), shiftJisSettings());
    const client = await start(ws.folder);
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    assert.deepStrictEqual((await client.open(ws.write('std.yaml', text), text)).map(brief), ['sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?']);
    // The settings file in Shift_JIS is not a Kijun document: not worth a line.
    assert.deepStrictEqual(client.logs.filter((l) => l.includes('not read')), [
      `[kijun] not read: ${path.join(ws.folder, 'sjis.yaml')}: the file is saved in Shift_JIS, and Kijun reads UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding "UTF-8")`,
    ]);
    assert.deepStrictEqual(await documentsRead(client, ws.folder), ['std.yaml', 'test-guideline.yaml']);
  });
});
