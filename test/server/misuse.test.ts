import * as assert from 'assert';
import { pathToFileURL } from 'url';
import { Diagnostic, ResponseError } from 'vscode-languageserver-protocol/node';
import { completeStandard, testGuideline } from '../fixtures';
import { check } from '../helpers';
import { TestClient, tempWorkspace } from './harness';

/**
 * Protocol misuse: what a buggy or unusual client sends. Each case asserts the exact answer (an empty
 * result, null, or a ResponseError with its code and message) and that the server serves the next request.
 */
const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`;
const standardWithMistake = completeStandard().replace('sector: 金融', 'sector: 金触');
const sectorFinding = ['4:8 sector.unknown'];

/** The server still works: a hover on the item the second clause covers (B) answers with the item. */
async function stillServes(client: TestClient, uri: string): Promise<void> {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 14 } });
  assert.ok(hover?.contents.value.includes('`B` · 要検討事項'), JSON.stringify(hover));
}

/** A protocol frame, as written on the wire. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/** The response with the given id, read from the server's raw output (the client's connection does not know that id). */
function responseTo(client: TestClient, id: string): Promise<unknown> {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === id) {
          client.toClient.off('data', onData);
          resolve(message);
          return;
        }
      }
    };
    client.toClient.on('data', onData);
  });
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    const result = await promise;
    return assert.fail(`answered ${JSON.stringify(result)} instead of an error`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return { code: error.code, message: error.message };
  }
}

describe('protocol misuse', function () {
  this.timeout(60_000);
  let client: TestClient;
  let ws: ReturnType<typeof tempWorkspace>;
  let uri: string;

  beforeEach(async () => {
    ws = tempWorkspace({ 'guidelines/test-guideline.yaml': testGuideline.text, 'std.yaml': standardWithMistake });
    client = new TestClient();
    await client.initialize(ws.folder);
    await client.whenIndexed();
    uri = ws.uri('std.yaml');
    assert.deepStrictEqual((await client.open(uri, standardWithMistake)).map(brief), sectorFinding);
  });
  afterEach(async () => {
    await client.shutdown().catch(() => undefined);
    ws.dispose();
  });

  it('requests for a document the server does not know: empty answers or null, never an error', async () => {
    const unknown = { uri: ws.uri('never-opened.yaml') };
    const position = { line: 0, character: 0 };
    const answers = {
      completion: await client.request('textDocument/completion', { textDocument: unknown, position }),
      hover: await client.request('textDocument/hover', { textDocument: unknown, position }),
      definition: await client.request('textDocument/definition', { textDocument: unknown, position }),
      references: await client.request('textDocument/references', { textDocument: unknown, position, context: { includeDeclaration: true } }),
      codeAction: await client.request('textDocument/codeAction', { textDocument: unknown, range: { start: position, end: position }, context: { diagnostics: [] } }),
      codeLens: await client.request('textDocument/codeLens', { textDocument: unknown }),
      documentSymbol: await client.request('textDocument/documentSymbol', { textDocument: unknown }),
      coverageReport: await client.request('kijun/coverageReport', { uri: unknown.uri }),
      bundledGuideline: await client.request('kijun/bundledGuideline', { uri: 'kijun-bundled:/nope.yaml' }),
    };
    assert.deepStrictEqual(answers, {
      completion: [], hover: null, definition: null, references: [], codeAction: [], codeLens: [], documentSymbol: [], coverageReport: null, bundledGuideline: null,
    });
    // Changes and a close for a document that was never opened are ignored: nothing is published for it.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknown.uri, version: 2 }, contentChanges: [{ text: 'kijun: standard\n' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: unknown });
    await stillServes(client, uri);
    assert.deepStrictEqual(client.publishedFor(unknown.uri), []);
  });

  it('positions out of range (a line past the end, a character past the line, negative) answer as the nearest position in the text', async () => {
    assert.deepStrictEqual(await client.change(uri, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } }, text: '金融' }]), []);
    const lineCount = standardWithMistake.split('\n').length;
    const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
    const hover = (line: number, character: number) => client.request('textDocument/hover', at(line, character));
    const sectorHover = {
      contents: { kind: 'markdown', value: '**金融**\n\n`finance` · test-g\n\nSub-sectors: 銀行' },
      range: { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } },
    };
    // Past the end of line 5 ("sector: 金融"): the end of that line, on the sector.
    assert.deepStrictEqual(await hover(4, 1000), sectorHover);
    // Past the last line: the end of the text, after the last clause, where there is nothing to hover.
    assert.strictEqual(await hover(lineCount + 100, 0), null);
    // Negative: the start of the text (the key "kijun"), the start of the line.
    assert.strictEqual(await hover(-1, -1), null);
    assert.strictEqual(await hover(4, -20), null);
    const complete = (line: number, character: number) => client.request<{ label: string; textEdit: { range: unknown } }[]>('textDocument/completion', at(line, character));
    const keys = await complete(-5, -5);
    assert.deepStrictEqual(keys.map((c) => c.label), [
      'kijun', 'guideline', 'id', 'title', 'title-en', 'sector', 'subsector', 'class', 'publisher', 'edition', 'published', 'description', 'clauses', 'exclusions',
    ]);
    // The edit replaces from the start of the text to the real cursor, never to the position as sent.
    assert.deepStrictEqual(keys[0].textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const sectors = await complete(4, 1000);
    assert.deepStrictEqual(sectors.map((c) => c.textEdit.range), sectors.map(() => ({ start: { line: 4, character: 8 }, end: { line: 4, character: 10 } })));
    assert.deepStrictEqual(await client.request('textDocument/definition', at(lineCount + 100, 1000)), null);
    assert.deepStrictEqual(await client.request('textDocument/references', { ...at(-1, -1), context: { includeDeclaration: true } }), []);
    await stillServes(client, uri);
  });

  it('a request cancelled before it is handled is answered RequestCancelled; the next one is answered', async () => {
    // The request and its cancellation in one chunk, as a client does when the user moves on at once:
    // the cancellation arrives while the request still waits to be handled.
    for (const [id, method, params] of [
      ['raw-1', 'textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 14 } }],
      ['raw-2', 'textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 9 } }],
      ['raw-3', 'kijun/coverageReport', { uri }],
    ] as const) {
      const answer = responseTo(client, id);
      client.toServer.write(frame({ jsonrpc: '2.0', id, method, params }) + frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }));
      assert.deepStrictEqual(await answer, { jsonrpc: '2.0', id, error: { code: -32800, message: `${method} was cancelled.` } });
    }
    await stillServes(client, uri);
  });

  it('1,000 changes sent at once (typed characters): the last version gets the diagnostics of its text, in version order, quickly', async () => {
    // Typed into the first entry of a covers list (line 10, after "["): the entry's finding spans exactly what arrived.
    const line = 9;
    const started = performance.now();
    for (let n = 0; n < 1000; n++) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 + n },
        contentChanges: [{ range: { start: { line, character: 13 + n }, end: { line, character: 13 + n } }, text: 'あ' }],
      });
    }
    const last = await client.nextDiagnostics(uri, (p) => p.version === 1001);
    const ms = performance.now() - started;
    const versions = client.publishedFor(uri).map((p) => p.version ?? 0);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), 'diagnostics published out of version order');
    assert.ok(ms < 30_000, `the last diagnostics came after ${ms.toFixed(0)} ms`);
    const entry = `${'あ'.repeat(1000)}A-1`;
    assert.deepStrictEqual(last.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`), [
      '1:11-1:17 coverage.uncovered Must-consider item A-1 Ⅰ1 "Officer" is neither covered by a clause nor excluded.',
      '4:8-4:10 sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?',
      `9:13-9:1016 covers.unknown-item Guideline test-g has no item "${entry.slice(0, 50)}…${entry.slice(-20)}" (1003 characters).`,
    ]);
    await stillServes(client, uri);
  });

  it('a change with a stale version (not newer than the document) is ignored and logged; the diagnostics stay those of the current version', async () => {
    const sectorLine = 4;
    const fix = { range: { start: { line: sectorLine, character: 8 }, end: { line: sectorLine, character: 10 } }, text: '金融' };
    assert.deepStrictEqual(await client.change(uri, [fix]), []);
    // Version 2 again, and then version 1: the sector would break ("金融金融", "金融金融金融") if they were applied.
    for (const version of [2, 1]) {
      const republished = client.nextDiagnostics(uri, () => true);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: fix.range, text: '金融金融' }] });
      const params = await republished;
      assert.deepStrictEqual({ version: params.version, diagnostics: params.diagnostics }, { version: 2, diagnostics: [] });
    }
    assert.deepStrictEqual(client.logs.filter((l) => l.includes('ignored a change')), [
      `[kijun] ignored a change of ${uri} with version 2: the document is already at version 2`,
      `[kijun] ignored a change of ${uri} with version 1: the document is already at version 2`,
    ]);
    await stillServes(client, uri);
  });
});

describe('protocol misuse: unusual clients', function () {
  this.timeout(60_000);

  it('initialize without workspace folders (no rootUri either): open documents are checked against each other and the bundled guidelines', async () => {
    const client = new TestClient();
    try {
      await client.initialize(undefined);
      await client.whenIndexed();
      assert.ok(client.logs.includes('[kijun] indexed 0 file(s)'), client.logs.join('\n'));
      const guidelineUri = 'untitled:Untitled-1';
      await client.open(guidelineUri, testGuideline.text, 'yaml');
      const standardUri = 'untitled:Untitled-2';
      assert.deepStrictEqual((await client.open(standardUri, standardWithMistake, 'yaml')).map(brief), sectorFinding);
      // A standard of the bundled nisc-2008: the same findings as the core's own analysis of it.
      const bundled = { uri: 'untitled:Untitled-3', text: completeStandard().replace('id: std-1', 'id: std-b').replace('guideline: test-g', 'guideline: nisc-2008').replace(/covers: \[[^\]]*\]/g, 'covers: [G-II-1-1]') };
      const diagnostics = await client.open(bundled.uri, bundled.text, 'yaml');
      const expected = check(bundled).map((f) => `${f.range} ${f.code} ${f.message}`);
      assert.deepStrictEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)} ${d.message}`), expected);
      assert.ok(expected.length > 5 && expected.every((e) => !e.includes('guideline.unknown')), expected.join('\n'));
    } finally {
      await client.shutdown();
    }
  });

  it('a client without configuration support: defaults, then settings pushed with didChangeConfiguration', async () => {
    const ws = tempWorkspace({ 'guidelines/test-guideline.yaml': testGuideline.text, 'std.yaml': standardWithMistake });
    const client = new TestClient();
    try {
      await client.connection.sendRequest('initialize', {
        processId: null, locale: 'en', rootUri: pathToFileURL(ws.folder).toString(), workspaceFolders: null, capabilities: {},
      });
      await client.connection.sendNotification('initialized', {});
      await client.whenIndexed();
      const uri = ws.uri('std.yaml');
      const [english] = await client.open(uri, standardWithMistake);
      assert.strictEqual(english.message, 'Unknown sector "金触" in guideline test-g. Did you mean "金融"?');
      const japanese = client.nextDiagnostics(uri, (p) => String(p.diagnostics[0]?.message).startsWith('分野'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kijun: { locale: 'ja' } } });
      assert.strictEqual((await japanese).diagnostics[0].message, '分野「金触」は指針 test-g にありません。「金融」の誤りではありませんか。');
      // A setting of the wrong type falls back to its default instead of failing.
      const back = client.nextDiagnostics(uri, (p) => String(p.diagnostics[0]?.message).startsWith('Unknown'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kijun: { locale: 42 } } });
      assert.strictEqual((await back).diagnostics[0].message, english.message);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('shutdown with work pending (a folder being indexed, checks scheduled): answered at once, nothing published after it, later requests are InvalidRequest', async () => {
    const files: Record<string, string> = { 'guidelines/test-guideline.yaml': testGuideline.text };
    for (let n = 0; n < 300; n++) files[`many/std-${n}.yaml`] = completeStandard().replace('id: std-1', `id: std-${n}`);
    const ws = tempWorkspace(files);
    const client = new TestClient();
    try {
      await client.initialize(ws.folder);
      const uri = ws.uri('open.yaml');
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: standardWithMistake } });
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: completeStandard() }] });
      assert.strictEqual(await client.connection.sendRequest('shutdown'), null);
      const publishedAtShutdown = client.publishedFor(uri).length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.strictEqual(client.publishedFor(uri).length, publishedAtShutdown, 'diagnostics published after shutdown');
      assert.ok(!client.logs.some((l) => /indexed \d+ file/.test(l)), 'indexing went on after shutdown');
      const after = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 9 } });
      assert.deepStrictEqual(await errorOf(after), { code: -32600, message: 'The server is shutting down: textDocument/hover is not answered.' });
      const custom = client.connection.sendRequest('kijun/coverageReport', { uri });
      assert.deepStrictEqual(await errorOf(custom), { code: -32600, message: 'The server is shutting down: kijun/coverageReport is not answered.' });
    } finally {
      client.connection.dispose();
      ws.dispose();
    }
  });
});

