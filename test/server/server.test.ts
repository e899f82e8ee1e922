import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, TextEdit } from 'vscode-languageserver-protocol/node';
import { completeStandard, testGuideline } from '../fixtures';
import { lines, repoRoot } from '../helpers';
import { applyEdits, serverPerTest, tempWorkspace, TestClient } from './harness';

const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;

describe('language server', function () {
  let client: TestClient;
  let ws: ReturnType<typeof tempWorkspace>;

  beforeEach(async () => {
    ws = tempWorkspace({ 'guidelines/test-guideline.yaml': testGuideline.text });
    client = new TestClient();
    await client.initialize(ws.folder);
  });

  afterEach(async () => {
    await client.shutdown();
    ws.dispose();
  });

  /** Opens a standard once the workspace guideline has been indexed, so that its id resolves. */
  async function openStandard(relative: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.write(relative, text);
    await client.whenIndexed();
    const diagnostics = await client.open(uri, text);
    return { uri, diagnostics };
  }

  it('declares its capabilities', async () => {
    const other = new TestClient();
    const result = await other.initialize();
    assert.strictEqual(result.capabilities.textDocumentSync, 2);
    assert.ok(result.capabilities.completionProvider);
    assert.strictEqual(result.capabilities.hoverProvider, true);
    assert.strictEqual(result.capabilities.definitionProvider, true);
    assert.strictEqual(result.capabilities.referencesProvider, true);
    assert.ok(result.capabilities.codeLensProvider);
    await other.shutdown();
  });

  it('publishes exact diagnostics on open and updates them on an incremental edit', async () => {
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    const { uri, diagnostics } = await openStandard('std.yaml', text);
    assert.deepStrictEqual(diagnostics.map(brief), ['4:8-4:10 sector.unknown Unknown sector "金触" in guideline test-g. Did you mean "金融"?']);
    assert.strictEqual(diagnostics[0].source, 'kijun');
    assert.strictEqual(diagnostics[0].severity, 1);

    const fixed = await client.change(uri, [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 10 } }, text: '融' }]);
    assert.deepStrictEqual(fixed, []);
    const broken = await client.change(uri, [{ range: { start: { line: 16, character: 13 }, end: { line: 16, character: 14 } }, text: 'Z' }]);
    assert.deepStrictEqual(broken.map(brief), [
      '1:11-1:17 coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.',
      '16:13-16:14 covers.unknown-item Guideline test-g has no item "Z". Did you mean "A"?',
    ]);
  });

  it('speaks Japanese when the editor does', async () => {
    const other = new TestClient();
    await other.initialize(ws.folder, 'ja');
    const uri = ws.write('ja.yaml', completeStandard().replace('sector: 金融', 'sector: 金触'));
    await other.whenIndexed();
    const diagnostics = await other.open(uri, fs.readFileSync(fileURLToPath(uri), 'utf8'));
    assert.deepStrictEqual(diagnostics.map((d) => d.message), ['分野「金触」は指針 test-g にありません。「金融」の誤りではありませんか。']);
    await other.shutdown();
  });

  it('clears diagnostics when a document is closed', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard().replace('sector: 金融', 'sector: 金触'));
    assert.deepStrictEqual(await client.close(uri), []);
  });

  it('updates an open standard when the guideline it follows is edited in the editor', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const guidelineUri = ws.uri('guidelines/test-guideline.yaml');
    // Add a must-consider item D to the guideline; the open standard must now miss it.
    const edited = testGuideline.text + '  - {id: D, label: Ⅳ, title: 新項目, title-en: New item, obligation: must-consider, level: abstract}\n';
    await client.open(guidelineUri, edited);
    const diagnostics = await client.diagnosticsWhere(uri, (d) => d.length > 0);
    assert.deepStrictEqual(diagnostics.map(brief), ['1:11-1:17 coverage.uncovered Must-consider item D Ⅳ "New item" is neither covered by a clause nor excluded.']);
  });

  it('follows guideline changes on disk (watched files) and deletions', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const guidelinePath = path.join(ws.folder, 'guidelines/test-guideline.yaml');
    fs.writeFileSync(guidelinePath, testGuideline.text.replace('obligation: reference', 'obligation: must-consider'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('guidelines/test-guideline.yaml'), type: 2 }] });
    // A-2 is covered by S-1 already, so the change alone keeps the standard clean; delete the guideline instead.
    fs.rmSync(guidelinePath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('guidelines/test-guideline.yaml'), type: 3 }] });
    const diagnostics = await client.diagnosticsWhere(uri, (d) => d.some((x) => x.code === 'guideline.unknown'));
    assert.deepStrictEqual(diagnostics.map(brief), ['1:11-1:17 guideline.unknown Unknown guideline "test-g"; known guidelines: nisc-2007, nisc-2008, nisc-2024. A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.']);
  });

  it('completes sectors with their Japanese label, and items with uncovered ones first', async () => {
    const text = completeStandard().replace('sector: 金融', 'sector: ');
    const { uri } = await openStandard('std.yaml', text);
    const sectors = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 8 } });
    assert.deepStrictEqual(sectors.map((c) => [c.label, c.detail, (c.textEdit as TextEdit).newText]), [
      ['金融', 'finance', '金融'],
      ['医療', 'medical', '医療'],
      ['政府・行政サービス', 'government', '政府・行政サービス'],
    ]);

    await client.change(uri, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 8 } }, text: '金融' }]);
    // Remove S-3's coverage of C so that C is uncovered, then complete in S-1's covers list.
    await client.change(uri, [{ range: { start: { line: 16, character: 12 }, end: { line: 16, character: 15 } }, text: '[]' }]);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 21 } });
    // This client shows no label details: the title goes into the label, the rest into the detail.
    const ranked = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((c) => c.label);
    assert.deepStrictEqual(ranked, ['C Continuity', 'A Organisation', 'A-2 Note', 'B For finance', 'C-1 For medical']);
    const c = items.find((i) => i.label === 'C Continuity')!;
    assert.strictEqual(c.detail, 'Ⅲ · must-consider · uncovered — Ⅲ Continuity');
    assert.strictEqual((c.textEdit as TextEdit).newText, 'C');
  });

  it('completes sectors and items in a standard whose header comes after its clauses (keys sorted by a YAML dumper)', async () => {
    const clauses = Array.from({ length: 120 }, (_, i) => [`- covers:`, `  - A-1`, `  id: S-${i}`, `  title: 条項${i}`]).flat();
    const text = lines('class: 3', 'clauses:', ...clauses, '- covers: []', '  id: S-last', '  title: 最後', 'guideline: test-g', 'id: sorted', 'kijun: standard', 'sector: ', 'title: 整列');
    assert.ok(text.indexOf('guideline:') > 4096);
    const { uri } = await openStandard('sorted.yaml', text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle));
    const sectors = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lineOf('sector:'), character: 8 } });
    assert.deepStrictEqual(sectors.map((c) => c.label), ['金融', '医療', '政府・行政サービス']);
    const coversLine = text.split('\n').indexOf('- covers: []');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: coversLine, character: 11 } });
    assert.ok(items.length >= 5 && items.some((c) => (c.textEdit as TextEdit).newText === 'C'), items.map((c) => c.label).join(' '));
  });

  it('completes keys allowed at the position, and class values with their names', async () => {
    const text = completeStandard(['  - id: S-4', '    ti']);
    const { uri } = await openStandard('std.yaml', text);
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 6 } });
    assert.deepStrictEqual(keys.map((k) => k.label), ['id', 'title', 'covers', 'threats', 'text']);
    const classes = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 7 } });
    assert.deepStrictEqual(classes.map((k) => `${k.label} ${k.detail}`), [
      '1 強制基準（業法に基づき国が定める）',
      '2 推奨基準・ガイドライン（業法に準じて国が定める）',
      '3 業界標準・ガイドライン（事業者団体等が定める）',
      '4 内規（事業者自らが定める）',
    ]);
  });

  it('hovers a covers entry with the item, and a sector with its definition', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 15 } });
    assert.deepStrictEqual(hover.range, { start: { line: 9, character: 13 }, end: { line: 9, character: 16 } });
    assert.strictEqual((hover.contents as { value: string }).value, '**Ⅰ1 責任者** — Officer\n\n`A-1` · 要検討事項 · 抽象的内容 (must be considered for inclusion) · test-g');
    const sector = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 9 } });
    assert.strictEqual((sector.contents as { value: string }).value, '**金融**\n\n`finance` · test-g\n\nSub-sectors: 銀行');
  });

  it('goes to the definition of an item, in the workspace guideline and in a bundled one', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const definition = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 12, character: 14 } });
    assert.deepStrictEqual(definition, {
      uri: ws.uri('guidelines/test-guideline.yaml'),
      range: { start: { line: 31, character: 9 }, end: { line: 31, character: 10 } },
    });
    const bundledText = lines('kijun: standard', 'guideline: nisc-2008', 'id: b', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [G-II-3-4-2-A-b]}');
    const bundled = await openStandard('bundled.yaml', bundledText);
    const target = await client.request<Location>('textDocument/definition', { textDocument: { uri: bundled.uri }, position: { line: 7, character: 36 } });
    assert.strictEqual(target.uri, 'file://' + path.join(repoRoot, 'guidelines', 'nisc-2008.yaml'));
    const guideline = fs.readFileSync(path.join(repoRoot, 'guidelines', 'nisc-2008.yaml'), 'utf8').split('\n');
    assert.ok(guideline[target.range.start.line].includes('G-II-3-4-2-A-b'), guideline[target.range.start.line]);
  });

  it('finds every clause covering an item, across standards', async () => {
    const { uri } = await openStandard('a.yaml', completeStandard());
    const second = await openStandard('b.yaml', completeStandard().replace('id: std-1', 'id: std-2'));
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri }, position: { line: 12, character: 14 }, context: { includeDeclaration: false },
    });
    assert.deepStrictEqual(references.map((r) => `${r.uri.split('/').pop()} ${r.range.start.line}:${r.range.start.character}`), ['a.yaml 12:13', 'b.yaml 12:13']);
    assert.ok(second.uri.endsWith('b.yaml'));
  });

  it('offers quick fixes: the suggestion, a covering clause stub, an exclusion; the result is valid', async () => {
    const text = completeStandard().replace('    covers: [C]\n', '    covers: []\n');
    const { uri, diagnostics } = await openStandard('std.yaml', text);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['coverage.uncovered']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Add a clause covering C (Ⅲ Continuity)', 'Exclude C (Ⅲ Continuity) (規定する必要がない) with a reason']);
    const withClause = applyEdits(text, actions[0].edit!.changes![uri]);
    assert.strictEqual(withClause, text + '  - id: S-4\n    title: 継続\n    covers: [C]\n    text: （本文を記載）\n');
    assert.deepStrictEqual(await client.change(uri, [{ text: withClause }]), []);

    const withExclusion = applyEdits(text, actions[1].edit!.changes![uri]);
    assert.strictEqual(withExclusion, text + 'exclusions:\n  - item: C\n    reason: （理由を記載）\n');
    const after = await client.change(uri, [{ text: withExclusion }]);
    assert.deepStrictEqual(after.map((d) => `${d.severity} ${d.code}`), ['2 exclusion.placeholder-reason']);
  });

  it('inserts the clause stub of a Markdown standard as a heading section', async () => {
    const markdown = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', '---', '# t', '', '## S-1 責任者', 'covers: A-1, A-2', '', '本文', '', '## S-2 金融', 'covers: B');
    const { uri, diagnostics } = await openStandard('std.md', markdown);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['coverage.uncovered']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const withClause = applyEdits(markdown, actions[0].edit!.changes![uri]);
    assert.strictEqual(withClause, markdown + '\n## S-3 継続\ncovers: C\n\n（本文を記載）\n');
    assert.deepStrictEqual(await client.change(uri, [{ text: withClause }]), []);
    const withExclusion = applyEdits(markdown, actions[1].edit!.changes![uri]);
    assert.ok(withExclusion.includes('class: 3\nexclusions:\n  - item: C\n    reason: （理由を記載）\n---\n'), withExclusion);
  });

  it('replaces an unknown sector with the suggestion', async () => {
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    const { uri, diagnostics } = await openStandard('std.yaml', text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Replace with "金融"']);
    assert.strictEqual(applyEdits(text, actions[0].edit!.changes![uri]), completeStandard());
  });

  it('titles the quick fix of a typing slip by what it does: indent with spaces, insert the missing bracket', async () => {
    const tabbed = completeStandard().replace('    title: 責任者\n    covers: [A-1, A-2]', '\ttitle: 責任者\n\tcovers: [A-1, A-2]');
    const { uri, diagnostics } = await openStandard('tabs.yaml', tabbed);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['syntax.tab-indent']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Indent with spaces']);
    assert.strictEqual(applyEdits(tabbed, actions[0].edit!.changes![uri]), completeStandard());

    const open = completeStandard().replace('covers: [B]', 'covers: [B').replace('id: std-1', 'id: std-open');
    const opened = await openStandard('open.yaml', open);
    assert.deepStrictEqual(opened.diagnostics.map((d) => d.code), ['syntax.unclosed-bracket']);
    const insert = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: opened.uri }, range: opened.diagnostics[0].range, context: { diagnostics: opened.diagnostics } });
    assert.deepStrictEqual(insert.map((a) => a.title), ['Insert "]"']);
    assert.strictEqual(applyEdits(open, insert[0].edit!.changes![opened.uri]), completeStandard().replace('id: std-1', 'id: std-open'));
  });

  it('shows code lenses: coverage on a standard, usage on guideline items', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepStrictEqual(lenses.map((l) => l.command!.title), ['Kijun: 3 of 3 must-consider items covered or excluded (0 excluded)']);
    const guidelineUri = ws.uri('guidelines/test-guideline.yaml');
    await client.open(guidelineUri, testGuideline.text);
    const itemLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: guidelineUri } });
    assert.deepStrictEqual(itemLenses.map((l) => `${l.range.start.line} ${l.command!.title}`), [
      '22 covered by 0 clauses in 0 standards',
      '29 covered by 1 clause in 1 standard',
      '30 covered by 1 clause in 1 standard',
      '31 covered by 1 clause in 1 standard',
      '32 covered by 1 clause in 1 standard',
      '39 covered by 0 clauses in 0 standards',
    ]);
  });

  it('the code lens of a provisional guideline item says it is Kijun\'s suggestion', async () => {
    const text = lines('kijun: guideline', 'id: prov-g', 'title: 暫定', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
      '  - {id: K, label: Ⅱ1, title: 柱, obligation: must-consider, level: abstract}',
      '  - {id: K-1, label: Kijun補足, title: 補足, obligation: must-consider, level: abstract, provisional: true, parent: K}');
    const uri = ws.uri('guidelines/prov-g.yaml');
    await client.open(uri, text);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepStrictEqual(lenses.map((l) => `${l.range.start.line} ${l.command!.title}`), [
      '6 covered by 0 clauses in 0 standards',
      "7 provisional (Kijun's suggestion) · covered by 0 clauses in 0 standards",
    ]);
  });

  it('lists document symbols and workspace symbols', async () => {
    const { uri } = await openStandard('std.yaml', completeStandard());
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(symbols.map((s) => `${s.name} ${s.detail}`), ['S-1 責任者', 'S-2 金融', 'S-3 継続']);
    const found = await client.request<{ name: string }[]>('workspace/symbol', { query: '継続' });
    assert.deepStrictEqual(found.map((s) => s.name).sort(), ['C 継続', 'S-3 継続']);
  });

  it('survives hostile input without crashing and keeps serving', async () => {
    const uri = ws.write('bomb.yaml', 'kijun: standard\n');
    const bomb = 'kijun: standard\na: &a ["x","x","x","x","x","x","x","x","x"]\n' +
      Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n') + '\n';
    const diagnostics = await client.open(uri, bomb);
    assert.ok(diagnostics.some((d) => d.code === 'input.alias-limit'), diagnostics.map(brief).join('\n'));
    const { diagnostics: after } = await openStandard('ok.yaml', completeStandard());
    assert.deepStrictEqual(after, []);
  });
});

describe('quick fix: remove an exclusion that a clause makes pointless', () => {
  const session = serverPerTest({ 'guidelines/test-guideline.yaml': testGuideline.text });

  async function fix(relative: string, text: string): Promise<string> {
    const uri = session.ws.write(relative, text);
    const diagnostics = await session.client.open(uri, text);
    const covered = diagnostics.filter((d) => d.code === 'exclusion.covered');
    assert.strictEqual(covered.length, 1, diagnostics.map(brief).join('\n'));
    const actions = await session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: covered[0].range, context: { diagnostics: covered } });
    const remove = actions.find((a) => a.title === 'Remove the exclusion of B (Ⅱ For finance)')!;
    const fixed = applyEdits(text, remove.edit!.changes![uri]);
    assert.deepStrictEqual(await session.client.change(uri, [{ text: fixed }]), []);
    return fixed;
  }

  it('removes one block-style element and keeps the others', async () => {
    // A-2 (a reference item) is excluded for a reason and stays; B is covered by S-2, so its exclusion goes.
    const base = (extra: string[]) => completeStandard(extra).replace('covers: [A-1, A-2]', 'covers: [A-1]');
    const text = base(['exclusions:', '  - item: B', '    reason: 重複', '  - item: A-2', '    reason: 参考事項のため']);
    assert.strictEqual(await fix('a.yaml', text), base(['exclusions:', '  - item: A-2', '    reason: 参考事項のため']));
  });

  it('removes the whole key when it held the only exclusion', async () => {
    const text = completeStandard(['exclusions:', '  - {item: B, reason: 重複}']);
    assert.strictEqual(await fix('b.yaml', text), completeStandard());
  });

  it('works in Markdown front matter', async () => {
    const markdown = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', 'exclusions:', '  - {item: B, reason: 重複}', '  - {item: A-2, reason: 参考事項のため}', '---',
      '## S-1 全部', 'covers: A-1, B, C');
    const fixed = await fix('c.md', markdown);
    assert.ok(fixed.includes('exclusions:\n  - {item: A-2, reason: 参考事項のため}\n---\n'), fixed);
  });
});
