import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { MAX_DOCUMENT_BYTES } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { lines } from '../helpers';
import { applyEdits, serverPerTest } from './harness';

/**
 * Named hostile inputs over the protocol: each asserts the exact finding (range, code, message) and that the
 * server still answers — requests on the hostile document itself, then the check of a normal document.
 */
const shown = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)} ${d.message}`;
/** "The editor stays responsive": a generous bound per request on a shared 2-core machine. */
const RESPONSIVE_MS = 3_000;

describe('hostile input over the protocol', function () {
  this.timeout(120_000);
  const session = serverPerTest({ 'guidelines/test-guideline.yaml': testGuideline.text });

  /** Every request a client sends on a document answers (within the bound), whatever it holds; returns the answers. */
  async function answersEverything(uri: string, position = { line: 1, character: 3 }): Promise<Record<string, unknown>> {
    const textDocument = { uri };
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/documentSymbol', { textDocument }],
      ['workspace/symbol', { query: 'S' }],
      ['kijun/coverageReport', { uri }],
    ];
    const answers: Record<string, unknown> = {};
    for (const [method, params] of requests) {
      const started = performance.now();
      answers[method] = await session.client.request(method, params);
      const ms = performance.now() - started;
      assert.ok(ms < RESPONSIVE_MS, `${method} took ${ms.toFixed(0)} ms`);
    }
    return answers;
  }

  /** The server still checks a normal document afterwards. */
  async function stillChecks(): Promise<void> {
    const text = completeStandard().replace('sector: 金融', 'sector: 金触').replace('id: std-1', 'id: normal-std');
    assert.deepStrictEqual((await session.client.open(session.ws.uri('normal.yaml'), text)).map(shown), ['5:9-5:11 sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?']);
  }

  /** The log lines, from `from` on, that say a file is not read, once the server has written one. */
  async function notReadLines(from: number): Promise<string[]> {
    const deadline = performance.now() + RESPONSIVE_MS;
    for (;;) {
      const found = session.client.logs.slice(from).filter((l) => l.includes('not read'));
      if (found.length > 0 || performance.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function openHostile(relative: string, text: string): Promise<{ uri: string; diagnostics: string[] }> {
    const uri = session.ws.uri(relative);
    return { uri, diagnostics: (await session.client.open(uri, text)).map(shown) };
  }

  it('a YAML alias bomb (billion laughs): input.alias-limit once, at an alias', async () => {
    const bomb = ['kijun: standard', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 9; level++) bomb.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const { uri, diagnostics } = await openHostile('bomb.yaml', lines(...bomb));
    assert.deepStrictEqual(diagnostics.filter((d) => d.includes('input.')), [
      '7:10-7:13 input.alias-limit YAML aliases expand to more than 200000 nodes (an alias bomb?); the expansion was stopped here.',
    ]);
    await answersEverything(uri);
    await stillChecks();
  });

  it('10,000 levels of nesting: input.too-deep once, where the limit is crossed', async () => {
    const { uri, diagnostics } = await openHostile('deep.yaml', `kijun: standard\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    assert.deepStrictEqual(diagnostics.filter((d) => d.includes('input.')).map((d) => d.replace(/-2:\d+ /, ' ')), [
      '2:104 input.too-deep Nesting is deeper than 100 levels; the content below this point was not checked.',
    ]);
    await answersEverything(uri, { line: 1, character: 5000 });
    await stillChecks();
  });

  it('a file of 50 MB (over the size limit): input.too-large, the part before the limit checked, and the editor stays responsive, also while it is edited', async () => {
    const size = Math.max(50_000_000, MAX_DOCUMENT_BYTES + 1);
    // A complete standard, then a comment line that takes the file to 50 MB: the standard is all that is checked.
    const head = `${completeStandard()}# `;
    const text = `${head}${'x'.repeat(size - Buffer.byteLength(head) - 1)}\n`;
    const checked = head.split('\n').length - 1;
    const tooLarge = (bytes: number) =>
      `1:1-1:1 input.too-large The file is ${bytes} bytes, more than the ${MAX_DOCUMENT_BYTES} bytes Kijun analyses: only lines 1–${checked} were checked, and coverage was not computed. Split the document into several files.`;
    const { uri, diagnostics } = await openHostile('huge.yaml', text);
    assert.deepStrictEqual(diagnostics, [tooLarge(size)]);
    const answers = await answersEverything(uri, { line: checked, character: 1000 });
    assert.deepStrictEqual(answers['textDocument/hover'], null);
    assert.deepStrictEqual(answers['textDocument/definition'], null);
    assert.deepStrictEqual((answers['textDocument/documentSymbol'] as { name: string }[]).map((s) => s.name), ['S-1', 'S-2', 'S-3']);
    const started = performance.now();
    // A character typed in the checked part: the finding follows, without a pause the user would notice.
    const edited = await session.client.change(uri, [{ range: { start: { line: 5, character: 7 }, end: { line: 5, character: 8 } }, text: '9' }]);
    assert.ok(performance.now() - started < RESPONSIVE_MS, `the edit took ${(performance.now() - started).toFixed(0)} ms`);
    assert.deepStrictEqual(edited.map(shown), [tooLarge(size), '6:8-6:9 schema.range "class" must be between 1 and 4.']);
    await stillChecks();
  });

  it('a file over the size limit on disk is not read, and the log says so', async () => {
    const file = path.join(session.ws.folder, 'huge-on-disk.yaml');
    fs.writeFileSync(file, `kijun: standard\n# ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`);
    const indexed = session.client.logs.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.ws.uri('huge-on-disk.yaml'), type: 1 }] });
    assert.deepStrictEqual(await notReadLines(indexed), [
      `[kijun] not read: ${file}: larger than ${MAX_DOCUMENT_BYTES} bytes, the most Kijun checks`,
    ]);
    await stillChecks();
  });

  it('a single line of 1 MB (a title): checked completely, no finding; completion and hover on it answer', async () => {
    const title = 'あ'.repeat(350_000);
    const text = completeStandard().replace('title: テスト基準', `title: ${title}`);
    const { uri, diagnostics } = await openHostile('long-line.yaml', text);
    assert.deepStrictEqual(diagnostics, []);
    await answersEverything(uri, { line: 3, character: 7 + title.length });
    await answersEverything(uri, { line: 3, character: 200_000 });
    await stillChecks();
  });

  it('NUL bytes and binary content: input.binary at the first NUL, nothing else checked', async () => {
    const binary = `kijun: standard\nid: \u0000\u0001\u00ff\ufffe\ud800 binary\n`;
    const { uri, diagnostics } = await openHostile('binary.yaml', binary);
    assert.deepStrictEqual(diagnostics, ['2:5-2:6 input.binary The file contains a NUL character, so it is not a text document; it was not checked.']);
    await answersEverything(uri);
    await stillChecks();
  });

  it('invalid UTF-8 on disk: not read, said in the log; the workspace goes on without it', async () => {
    const file = path.join(session.ws.folder, 'latin1.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('kijun: standard\nid: x\ntitle: caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\n')]));
    const before = session.client.logs.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.ws.uri('latin1.yaml'), type: 1 }] });
    assert.deepStrictEqual(await notReadLines(before), [
      `[kijun] not read: ${file}: the file is not UTF-8 text (nor UTF-16 with a byte order mark): save it as UTF-8`,
    ]);
    const symbols = await session.client.request<{ location: { uri: string } }[]>('workspace/symbol', { query: '' });
    assert.deepStrictEqual(symbols.filter((s) => s.location.uri.endsWith('latin1.yaml')), []);
    await stillChecks();
  });

  it('a byte order mark, CRLF, CR-only and mixed line ends: the same finding at the same place, also after an incremental edit', async () => {
    const base = completeStandard().replace('sector: 金融', 'sector: 金触');
    const variants: Record<string, string> = {
      'bom.yaml': `\ufeff${base}`,
      'crlf.yaml': base.replace(/\n/g, '\r\n'),
      'cr.yaml': base.replace(/\n/g, '\r'),
      'mixed.yaml': base.split('\n').map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join(''),
    };
    for (const [name, text] of Object.entries(variants)) {
      const { uri, diagnostics } = await openHostile(name, text.replace('id: std-1', `id: ${name}`));
      assert.deepStrictEqual(diagnostics, ['5:9-5:11 sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?'], name);
      // Fix the sector on line 5, then break the class on line 6: positions count every kind of line end.
      assert.deepStrictEqual(await session.client.change(uri, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } }, text: '金融' }]), [], name);
      const broken = await session.client.change(uri, [{ range: { start: { line: 5, character: 7 }, end: { line: 5, character: 8 } }, text: '9' }]);
      assert.deepStrictEqual(broken.map(shown), ['6:8-6:9 schema.range "class" must be between 1 and 4.'], name);
    }
  });

  it('tabs in the indentation: syntax.tab-indent with the quick fix, which leaves no finding', async () => {
    const text = completeStandard().replace('    title: 責任者', '\ttitle: 責任者');
    const { uri, diagnostics } = await openHostile('tabs.yaml', text);
    assert.deepStrictEqual(diagnostics, ['9:1-9:2 syntax.tab-indent YAML cannot be indented with tabs: indent this line with spaces instead.']);
    const [diagnostic] = session.client.publishedFor(uri).at(-1)!.diagnostics;
    const actions = await session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Indent with spaces']);
    assert.deepStrictEqual(await session.client.change(uri, [{ text: applyEdits(text, actions[0].edit!.changes![uri]) }]), []);
  });

  it('duplicate keys: syntax.duplicate-key on the second key', async () => {
    const { uri, diagnostics } = await openHostile('dup.yaml', completeStandard().replace('class: 3\n', 'class: 3\nclass: 2\n'));
    assert.deepStrictEqual(diagnostics, ['7:1-7:6 syntax.duplicate-key The key "class" appears twice in the same mapping.']);
    await answersEverything(uri);
  });

  it('a guideline whose items form a cycle and repeat ids at every depth: the findings, and every request answers', async () => {
    const guideline = lines(
      'kijun: guideline', 'id: loop-g', 'title: 循環', 'sectors: [{id: finance, label: 金融}]', 'threats: [{id: disaster, label: 災害, direction: received}]', 'items:',
      '  - id: A', '    title: 上', '    obligation: must-consider', '    level: abstract', '    items:',
      '      - id: A', '        title: 同じ ID の子', '        obligation: must-consider', '        level: abstract', '        items:',
      '          - {id: A, title: 孫も同じ, obligation: must-consider, level: abstract}',
      '  - {id: B, parent: C, title: 循環1, obligation: must-consider, level: abstract}',
      '  - {id: C, parent: B, title: 循環2, obligation: must-consider, level: abstract}',
    );
    const { uri, diagnostics } = await openHostile('guidelines/loop.yaml', guideline);
    assert.deepStrictEqual(diagnostics.filter((d) => /item\./.test(d)), [
      '12:13-12:14 item.duplicate-id Item id "A" is used more than once in this guideline (first at line 7).',
      '17:18-17:19 item.duplicate-id Item id "A" is used more than once in this guideline (first at line 7).',
      '18:21-18:22 item.cycle Items form a cycle through their parents: B → C → B.',
    ]);
    const answers = await answersEverything(uri, { line: 6, character: 8 });
    const outline = answers['textDocument/documentSymbol'] as { name: string; children?: { name: string; children?: { name: string }[] }[] }[];
    assert.deepStrictEqual(outline.filter((s) => ['A', 'B', 'C'].includes(s.name)).map((s) => [s.name, s.children?.map((c) => [c.name, c.children?.map((g) => g.name)])]), [
      ['A', [['A', ['A']]]], ['B', []], ['C', []],
    ]);
    const standard = completeStandard().replace('guideline: test-g', 'guideline: loop-g').replace(/covers: \[[^\]]*\]/g, 'covers: [A, B]').replace('    threats: [intentional]\n', '');
    const { uri: standardUri, diagnostics: standardDiagnostics } = await openHostile('loop-std.yaml', standard);
    assert.deepStrictEqual(standardDiagnostics, ['2:12-2:18 coverage.uncovered Must-consider item C  "循環2" is neither covered by a clause nor excluded.']);
    await answersEverything(standardUri, { line: 9, character: 14 });
  });

  it('a guideline that breaks while a standard depends on it: the last readable version is kept and the standard says so; fixed, all is as before', async () => {
    const guidelineUri = session.ws.uri('guidelines/test-guideline.yaml');
    await session.client.open(guidelineUri, testGuideline.text);
    const standardUri = session.ws.uri('std.yaml');
    assert.deepStrictEqual(await session.client.open(standardUri, completeStandard()), []);
    const staleStandard = session.client.nextDiagnostics(standardUri, (p) => p.diagnostics.length > 0);
    // An opening quote typed before the guideline's title: YAML cannot read the rest.
    const quote = { range: { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, text: '"' };
    assert.ok((await session.client.change(guidelineUri, [quote])).some((d) => d.code === 'syntax.yaml'));
    assert.deepStrictEqual((await staleStandard).diagnostics.map(shown), [
      `2:12-2:18 guideline.stale The guideline "test-g" (${guidelineUri}) cannot be read at the moment (its own findings say why): this document is checked against its last readable version until the guideline is fixed.`,
    ]);
    await answersEverything(standardUri, { line: 9, character: 14 });
    const clean = session.client.nextDiagnostics(standardUri, (p) => p.diagnostics.length === 0);
    await session.client.change(guidelineUri, [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } }, text: '' }]);
    await clean;
  });

  describe('a burst of 200 changes to a guideline that ends unreadable: only the versions checked count as its last readable one', () => {
    // The standard covers D, an item the burst adds to the guideline before its last change breaks it.
    const followsD = completeStandard(['  - id: S-4', '    title: 新', '    covers: [D]']);
    const lineOfC = testGuideline.text.split('\n').indexOf('  - id: C');
    const at = (line: number, character: number) => ({ line, character });
    const addD = { range: { start: at(lineOfC, 0), end: at(lineOfC, 0) }, text: lines('  - id: D', '    title: 新', '    obligation: reference', '    level: concrete') };
    /** Change n of the burst (0-based, n < 199): D is added, then characters are typed at the end of its title. */
    const typed = (n: number) => (n === 0 ? addD : { range: { start: at(lineOfC + 1, 11 + n), end: at(lineOfC + 1, 11 + n) }, text: 'x' });
    /** The last change: an opening quote before the guideline's title, after which YAML cannot read the rest. */
    const quote = { range: { start: at(2, 7), end: at(2, 7) }, text: '"' };
    const unknownD = '20:14-20:15 covers.unknown-item Guideline test-g has no item "D". Did you mean "A"?';
    let guidelineUri = '';
    let standardUri = '';

    /** The guideline's versions the server published diagnostics for (version 1 again when the standard's opening re-checks it). */
    const versionsChecked = () => [...new Set(session.client.publishedFor(guidelineUri).map((p) => p.version))];

    async function openBoth(): Promise<void> {
      guidelineUri = session.ws.uri('guidelines/test-guideline.yaml');
      standardUri = session.ws.uri('std.yaml');
      await session.client.open(guidelineUri, testGuideline.text);
      assert.deepStrictEqual((await session.client.open(standardUri, followsD)).map(shown), [unknownD]);
    }

    function send(version: number, change: (typeof quote)): void {
      void session.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: guidelineUri, version }, contentChanges: [change] });
    }

    /** The guideline's last diagnostics once version 201 is checked, and the standard's after it. */
    async function afterTheBurst(): Promise<{ guideline: string[]; standard: string[] }> {
      const standard = session.client.nextDiagnostics(standardUri, (p) => p.diagnostics.some((d) => d.code === 'guideline.stale'));
      const guideline = await session.client.nextDiagnostics(guidelineUri, (p) => p.version === 201);
      return { guideline: guideline.diagnostics.map(shown), standard: (await standard).diagnostics.map(shown) };
    }

    // What can be read of it ends in the title: the keys after it are missing.
    const brokenGuideline = [
      '1:1-1:6 schema.required Missing required key "sectors".',
      '1:1-1:6 schema.required Missing required key "threats".',
      '1:1-1:6 schema.required Missing required key "items".',
      '3:8-3:9 syntax.yaml YAML syntax error: a closing quote or bracket is missing.',
    ];
    const staleLine = () => `2:12-2:18 guideline.stale The guideline "test-g" (${guidelineUri}) cannot be read at the moment (its own findings say why): this document is checked against its last readable version until the guideline is fixed.`;

    it('sent at once, the burst is checked once, at its end: the versions in between were never parsed, so the standard is checked against version 1 (without D)', async () => {
      await openBoth();
      for (let n = 0; n < 199; n++) send(2 + n, typed(n));
      send(201, quote);
      const { guideline, standard } = await afterTheBurst();
      assert.deepStrictEqual(guideline, brokenGuideline);
      assert.deepStrictEqual(standard, [staleLine(), unknownD]);
      assert.deepStrictEqual(versionsChecked(), [1, 201]);
    });

    it('a request on the guideline in the middle of the burst parses the version it reads: that version (with D) is the last readable one', async () => {
      await openBoth();
      for (let n = 0; n < 100; n++) send(2 + n, typed(n));
      // The outline of version 101, which has D: the request is handled between the changes, in the order sent.
      const outline = session.client.request('textDocument/documentSymbol', { textDocument: { uri: guidelineUri } });
      for (let n = 100; n < 199; n++) send(2 + n, typed(n));
      send(201, quote);
      const { guideline, standard } = await afterTheBurst();
      assert.ok(JSON.stringify(await outline).includes('"D'));
      assert.deepStrictEqual(guideline, brokenGuideline);
      assert.deepStrictEqual(standard, [staleLine()]);
      // The turn that brought the request brought no change: version 101, parsed for it, was checked too.
      assert.deepStrictEqual(versionsChecked(), [1, 101, 201]);
    });
  });

  it('a missing guideline: guideline.unknown, saying where a guideline document must be', async () => {
    const { uri, diagnostics } = await openHostile('orphan.yaml', completeStandard().replace('guideline: test-g', 'guideline: no-such-guideline'));
    assert.deepStrictEqual(diagnostics, [
      '2:12-2:29 guideline.unknown Unknown guideline "no-such-guideline"; known guidelines: test-g, nisc-2007, nisc-2008, nisc-2024. A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.',
    ]);
    await answersEverything(uri);
  });

  it('a clause id of 10,000 characters: a valid one is fine and named in the outline; an invalid one is quoted by its start and end', async () => {
    const id = `S-${'1'.repeat(9_998)}`;
    const { uri, diagnostics } = await openHostile('long-id.yaml', completeStandard().replace('id: S-1\n', `id: ${id}\n`));
    assert.deepStrictEqual(diagnostics, []);
    const outline = (await answersEverything(uri, { line: 7, character: 5000 }))['textDocument/documentSymbol'] as { name: string }[];
    assert.deepStrictEqual(outline.map((s) => s.name.length), [10_000, 3, 3]);
    const bad = `S-${'あ'.repeat(9_998)}`;
    const { diagnostics: invalid } = await openHostile('bad-id.yaml', completeStandard().replace('id: S-1\n', `id: ${bad}\n`).replace('id: std-1', 'id: std-bad'));
    assert.deepStrictEqual(invalid, [
      `8:9-8:10009 schema.format "S-${'あ'.repeat(48)}…${'あ'.repeat(20)}" (10000 characters) is not a valid clause id: use letters and digits joined by "." or "-" (e.g. S-1.1, 3.2.1, full-width ＳＢ－１ too), up to three kanji before digits (e.g. 運1, 技12), or an article number (e.g. 第1条, 第3条の2).`,
    ]);
  });
});
