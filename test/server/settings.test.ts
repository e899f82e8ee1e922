import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createProtocolConnection, Diagnostic, Location, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { completeStandard, testGuideline } from '../fixtures';
import { lines, repoRoot } from '../helpers';
import { sanitizeSettings } from '../../server/src/lsp/server';
import { tempWorkspace, TestClient } from './harness';

const codes = (d: Diagnostic[]) => d.map((x) => `${x.severity} ${x.code}`);

describe('language server settings and entry points', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => { ws = tempWorkspace({ 'g/test-guideline.yaml': testGuideline.text }); });
  afterEach(() => ws.dispose());

  const withReferenceGap = completeStandard().replace('covers: [A-1, A-2]', 'covers: [A, A-1]');

  it('kijun.referenceCoverageSeverity changes or hides uncovered reference items; kijun.locale overrides the editor', async () => {
    const client = new TestClient();
    await client.initialize(ws.folder);
    const uri = ws.write('std.yaml', withReferenceGap);
    await client.whenIndexed();
    await client.open(uri, withReferenceGap);
    assert.deepStrictEqual(codes(await client.diagnosticsWhere(uri, (d) => d.length === 1 && d[0].code === 'coverage.uncovered-reference')), ['3 coverage.uncovered-reference']);
    client.settings = { referenceCoverageSeverity: 'warning' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepStrictEqual(codes(await client.diagnosticsWhere(uri, (d) => d[0]?.severity === 2)), ['2 coverage.uncovered-reference']);
    client.settings = { referenceCoverageSeverity: 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepStrictEqual(await client.diagnosticsWhere(uri, (d) => d.length === 0), []);
    client.settings = { locale: 'ja', referenceCoverageSeverity: 'hint' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const ja = await client.diagnosticsWhere(uri, (d) => d[0]?.severity === 4);
    assert.deepStrictEqual(ja.map((d) => d.message), ['参考事項 A-2 Ⅰ2「参考」に対応する条項がありません。']);
    await client.shutdown();
  });

  it('kijun.provisionalItems: binding turns uncovered provisional items into must-consider warnings, advisory back', async () => {
    const guideline = lines('kijun: guideline', 'id: prov-g', 'title: 暫定', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
      '  - {id: K, label: Ⅱ1, title: 柱, obligation: must-consider, level: abstract}',
      '  - {id: K-1, label: Ⅱ1補足, title: 補足, obligation: must-consider, level: abstract, provisional: true, parent: K}');
    const prov = tempWorkspace({ 'g.yaml': guideline });
    const client = new TestClient();
    await client.initialize(prov.folder);
    const text = lines('kijun: standard', 'guideline: prov-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [K]}');
    const uri = prov.write('std.yaml', text);
    await client.whenIndexed();
    assert.deepStrictEqual(codes(await client.open(uri, text)), ['3 coverage.uncovered-provisional']);
    client.settings = { provisionalItems: 'binding' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const binding = await client.diagnosticsWhere(uri, (d) => d[0]?.code === 'coverage.uncovered');
    assert.deepStrictEqual(binding.map((d) => d.message), ['Must-consider item K-1 Ⅱ1補足 "補足" is neither covered by a clause nor excluded.']);
    client.settings = { provisionalItems: 'advisory' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepStrictEqual(codes(await client.diagnosticsWhere(uri, (d) => d[0]?.code === 'coverage.uncovered-provisional')), ['3 coverage.uncovered-provisional']);
    await client.shutdown();
    prov.dispose();
  });

  it('kijun.guidelineFolders adds guideline documents from outside the workspace folders', async () => {
    const outside = tempWorkspace({ 'extra/test-guideline.yaml': testGuideline.text });
    const inside = tempWorkspace({});
    const client = new TestClient();
    client.settings = { guidelineFolders: [path.join(outside.folder, 'extra')] };
    await client.initialize(inside.folder);
    // The sector check needs the guideline: finding the typo proves the guideline folder was read.
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    const uri = inside.write('std.yaml', text);
    await client.whenIndexed();
    assert.deepStrictEqual((await client.open(uri, text)).map((d) => d.code), ['sector.unknown']);
    await client.shutdown();
    outside.dispose();
    inside.dispose();
  });

  it('bundled guidelines are served under kijun-bundled: when the client asks for it (read-only documents)', async () => {
    const client = new TestClient();
    await client.initialize(ws.folder, 'en', { bundledScheme: 'kijun-bundled' });
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: b', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [G-II-1-1]}');
    const uri = ws.write('b.yaml', text);
    await client.open(uri, text);
    const target = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: 36 } });
    assert.strictEqual(target.uri, 'kijun-bundled:/nisc-2008.yaml');
    const content = await client.request<string>('kijun/bundledGuideline', { uri: target.uri });
    assert.ok(content.split('\n')[target.range.start.line].includes('G-II-1-1'));
    await client.shutdown();
  });

  it('runs standalone over stdio: kijun-language-server --stdio', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'kijun-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<Diagnostic[]>((resolve) => connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Diagnostic[] }) => resolve(p.diagnostics)));
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' }) as { serverInfo: { name: string } };
    assert.strictEqual(result.serverInfo.name, 'kijun-language-server');
    await connection.sendNotification('initialized', {});
    const text = completeStandard().replace('guideline: test-g', 'guideline: nisc-2008').replace('sector: 金融', 'sector: 金触');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/x.yaml', languageId: 'yaml', version: 1, text } });
    const diagnostics = await published;
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'sector.unknown').map((d) => d.message), ['Unknown sector "金触" in guideline nisc-2008. Did you mean "金融"?']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => child.on('exit', resolve));
    connection.dispose();
  });
});

describe('plan outline', () => {
  it('lists the plan sections, with sectors and measures inside', async () => {
    const ws = tempWorkspace({});
    const client = new TestClient();
    await client.initialize(ws.folder);
    const text = lines('kijun: action-plan', 'guideline: nisc-2008', 'id: p', 'title: 計画', 'period: {from: 2009, to: 2011}', 'sectors:', '  - sector: 金融', '    standards: [{title: x}]',
      'measures:', '  - measure: cross-sector-exercise');
    const uri = ws.write('plan.yaml', text);
    await client.open(uri, text);
    const symbols = await client.request<{ name: string; detail?: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(symbols.map((s) => [s.name, (s.children ?? []).map((c) => `${c.name}${c.detail ? ` ${c.detail}` : ''}`)]), [
      ['kijun', []], ['guideline', []], ['id', []], ['title', []], ['period', []],
      ['sectors', ['金融']],
      ['measures', ['cross-sector-exercise 分野横断的演習']],
    ]);
    await client.shutdown();
    ws.dispose();
  });
});

describe('multi-root workspaces', () => {
  it('a standard in one folder follows a guideline in another; adding a folder later is indexed too', async () => {
    const guidelines = tempWorkspace({ 'test-guideline.yaml': testGuideline.text });
    const standards = tempWorkspace({});
    const third = tempWorkspace({ 'other.yaml': completeStandard().replace('id: std-1', 'id: std-3').replace('sector: 金融', 'sector: 金触') });
    const client = new TestClient();
    await client.initialize([standards.folder, guidelines.folder]);
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    const uri = standards.write('std.yaml', text);
    await client.whenIndexed();
    assert.deepStrictEqual((await client.open(uri, text)).map((d) => d.code), ['sector.unknown']);
    // A folder added while running: its standards become part of the workspace (workspace symbols find them).
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(third.folder).toString(), name: 'third' }], removed: [] },
    });
    const found = await waitFor(async () => {
      const symbols = await client.request<{ name: string; containerName?: string }[]>('workspace/symbol', { query: 'S-1' });
      return symbols.some((s) => s.containerName === 'std-3') ? symbols : undefined;
    });
    assert.ok(found.some((s) => s.containerName === 'std-3'));
    await client.shutdown();
    [guidelines, standards, third].forEach((w) => w.dispose());
  });
});

/** Polls an async probe until it returns a value (a bounded fallback where the server sends no event). */
async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('settings sanitising', () => {
  it('replaces unexpected values by the defaults instead of failing', () => {
    assert.deepStrictEqual(sanitizeSettings({ locale: 'fr', guidelineFolders: ['a', 3, ''], referenceCoverageSeverity: 'loud', provisionalItems: 'yes' }),
      { locale: 'auto', guidelineFolders: ['a'], referenceCoverageSeverity: 'information', provisionalItems: 'advisory' });
    assert.deepStrictEqual(sanitizeSettings(null), { locale: 'auto', guidelineFolders: [], referenceCoverageSeverity: 'information', provisionalItems: 'advisory' });
    assert.deepStrictEqual(sanitizeSettings({ locale: 'ja', guidelineFolders: 'x', referenceCoverageSeverity: 'off', provisionalItems: 'binding' }),
      { locale: 'ja', guidelineFolders: [], referenceCoverageSeverity: 'off', provisionalItems: 'binding' });
  });
});

describe('regressions (server)', () => {
  it('completes sectors and threats inside a guideline document (against itself)', async () => {
    const ws = tempWorkspace({});
    const client = new TestClient();
    await client.initialize(ws.folder);
    await client.whenIndexed();
    const text = testGuideline.text.replace("sectors: [医療]}", 'sectors: []}');
    const uri = ws.write('g.yaml', text);
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('sectors: []}'));
    const character = text.split('\n')[line].indexOf('sectors: [') + 'sectors: ['.length;
    const items = await client.request<{ label: string; textEdit: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    assert.deepStrictEqual(items.map((i) => i.textEdit.newText), ['finance', 'medical', 'government']);
    await client.shutdown();
    ws.dispose();
  });

  it('removing a guideline folder from the settings removes its guidelines', async () => {
    const outside = tempWorkspace({ 'extra/test-guideline.yaml': testGuideline.text });
    const inside = tempWorkspace({});
    const client = new TestClient();
    client.settings = { guidelineFolders: [path.join(outside.folder, 'extra')] };
    await client.initialize(inside.folder);
    const uri = inside.write('std.yaml', completeStandard());
    await client.whenIndexed();
    assert.deepStrictEqual(await client.open(uri, completeStandard()), []);
    client.settings = { guidelineFolders: [] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diagnostics = await client.diagnosticsWhere(uri, (d) => d.length > 0);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['guideline.unknown']);
    await client.shutdown();
    outside.dispose();
    inside.dispose();
  });
});
