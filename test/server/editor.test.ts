import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, CompletionItem, Diagnostic, SemanticTokens, SemanticTokensDelta, TextEdit } from 'vscode-languageserver-protocol/node';
import { parseDocument, readGuideline } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { lines, repoRoot } from '../helpers';
import { applyEdits, tempWorkspace, TestClient } from './harness';

/**
 * The editor experience over the protocol, as VS Code drives it: completion rows that read without
 * focus, snippets where they belong, highlighting of Kijun documents only, quick fixes titled by
 * their item and written in the document's own style.
 */

/** An item of a bundled guideline: its official label and its titles. */
function bundledItem(guideline: string, id: string): { label: string; title: string; titleEn: string } {
  const model = readGuideline(parseDocument(fs.readFileSync(path.join(repoRoot, 'guidelines', `${guideline}.yaml`), 'utf8'), 'yaml').root!);
  const item = model.items.find((i) => i.id.value === id)!;
  return { label: item.label!.value, title: item.title!.value, titleEn: item.titleEn! };
}

/** What VS Code says it can show of completion items. */
const vscodeCompletion = { completion: { completionItem: { labelDetailsSupport: true, snippetSupport: true } } };

/** A completion row as the list shows it: label, detail after it, description at its end. */
const row = (c: CompletionItem) => `${c.label}${c.labelDetails?.detail ?? ''} | ${c.labelDetails?.description ?? ''}`;
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));

/** Semantic tokens decoded: `line:column type[ declaration] "text"`, 0-based as the protocol is. */
function decode(data: number[], text: string, legend: string[]): string[] {
  const all = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const declaration = (data[i + 4] & 1) === 1 ? ' declaration' : '';
    out.push(`${line}:${character} ${legend[data[i + 3]]}${declaration} ${JSON.stringify(all[line].slice(character, character + data[i + 2]))}`);
  }
  return out;
}

describe('editor experience over the protocol', function () {
  let client: TestClient;
  let ws: ReturnType<typeof tempWorkspace>;
  let legend: string[];

  async function start(locale = 'en', options: object = {}): Promise<void> {
    client = new TestClient();
    const result = await client.initialize(ws.folder, locale, options, vscodeCompletion);
    legend = result.capabilities.semanticTokensProvider!.legend.tokenTypes;
    await client.whenIndexed();
  }

  beforeEach(() => {
    ws = tempWorkspace({ 'guidelines/test-guideline.yaml': testGuideline.text });
  });

  afterEach(async () => {
    await client.shutdown();
    ws.dispose();
  });

  async function open(relative: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.write(relative, text);
    return { uri, diagnostics: await client.open(uri, text) };
  }

  const complete = (uri: string, line: number, character: number) =>
    client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  describe('completion', () => {
    it('covers in YAML: applicable items first, uncovered first, not-applicable ones last and marked; label details with title and facts', async () => {
      await start();
      const text = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
        '  - {id: S-1, title: 責任者, covers: [A-1]}', '  - id: S-2', '    title: 次', '    covers: []');
      const { uri } = await open('std.yaml', text);
      const items = sorted(await complete(uri, 10, 13));
      assert.deepStrictEqual(items.map(row), [
        'B For finance | Ⅱ · must-consider · uncovered',
        'C Continuity | Ⅲ · must-consider · uncovered',
        'A-2 Note | Ⅰ2 · reference · uncovered',
        'A Organisation | Ⅰ · must-consider · covered',
        'A-1 Officer | Ⅰ1 · must-consider · covered',
        'C-1 For medical | not applicable · Ⅲ1 · must-consider',
      ]);
      assert.deepStrictEqual(items.map((c) => [c.kind, c.insertTextFormat, (c.textEdit as TextEdit).newText]), [
        [18, undefined, 'B'], [18, undefined, 'C'], [18, undefined, 'A-2'], [18, undefined, 'A'], [18, undefined, 'A-1'], [18, undefined, 'C-1'],
      ]);
    });

    it('covers in Markdown, in Japanese: the same order, rows in Japanese', async () => {
      await start('ja');
      const text = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', '---',
        '## S-1 責任者', 'covers: A-1', '', '## S-2 次', '対応指針: ');
      const { uri } = await open('std.md', text);
      assert.deepStrictEqual(sorted(await complete(uri, 12, 6)).map(row), [
        'B 金融向け | Ⅱ · 要検討事項 · 未対応',
        'C 継続 | Ⅲ · 要検討事項 · 未対応',
        'A-2 参考 | Ⅰ2 · 参考事項 · 未対応',
        'A 体制 | Ⅰ · 要検討事項 · 対応済み',
        'A-1 責任者 | Ⅰ1 · 要検討事項 · 対応済み',
        'C-1 医療向け | 対象外 · Ⅲ1 · 要検討事項',
      ]);
    });

    it('a clause snippet from a workspace guideline at a new list entry: a snippet, kept as written, that inserts a valid clause', async () => {
      await start();
      const text = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
        '  - id: S-1', '    title: 責任者', '    covers: [A-1, A-2, B]', '  - ');
      const { uri } = await open('std.yaml', text);
      const items = sorted(await complete(uri, 10, 4));
      const snippet = items[0];
      assert.strictEqual(row(snippet), 'C Continuity | Ⅲ · must-consider · uncovered');
      assert.deepStrictEqual([snippet.kind, snippet.insertTextFormat, snippet.insertTextMode, snippet.detail], [15, 2, 1, 'New clause covering C']);
      assert.strictEqual((snippet.textEdit as TextEdit).newText, 'id: ${1:S-2}\n    title: ${2:継続}\n    covers: [C]\n    text: ${3:（本文を記載）}');
      // No snippet inside a value: the covers list of the same document offers items only.
      const values = await complete(uri, 9, text.split('\n')[9].indexOf('B]'));
      assert.ok(values.length > 0 && values.every((c) => c.kind === 18 && c.insertTextFormat === undefined), values.map(row).join('\n'));
      // Inserted with its defaults, the clause is valid and covers C: the standard is complete.
      const inserted = applyEdits(text, [{ ...(snippet.textEdit as TextEdit), newText: 'id: S-2\n    title: 継続\n    covers: [C]\n    text: （本文を記載）' }]);
      assert.deepStrictEqual(await client.change(uri, [{ text: inserted }]), []);
    });

    it('an editor without snippets or label details gets the defaults and the title in the label', async () => {
      client = new TestClient();
      await client.initialize(ws.folder);
      await client.whenIndexed();
      const text = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: 責任者, covers: [A-1, A-2, B]}', '  - ');
      const { uri } = await open('std.yaml', text);
      const first = sorted(await complete(uri, 8, 4))[0];
      assert.deepStrictEqual([first.label, first.labelDetails, first.insertTextFormat, first.detail], ['C Continuity', undefined, undefined, 'Ⅲ · must-consider · uncovered — New clause covering C']);
      assert.strictEqual((first.textEdit as TextEdit).newText, 'id: S-2\n    title: 継続\n    covers: [C]\n    text: （本文を記載）');
    });
  });

  describe('semantic tokens', () => {
    it('a Kijun Markdown file: clause ids, keys, item references and threats; a plain Markdown file: none', async () => {
      await start();
      const text = lines('---', 'kijun: standard', 'guideline: test-g', 'sector: 金融', '---', '## 1.2 見出し', '対応指針: A-1、A-2', 'threats: intentional', '', '本文。');
      const { uri } = await open('kijun.md', text);
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.deepStrictEqual(decode(tokens.data, text, legend), [
        '1:0 keyword "kijun"', '1:7 keyword "standard"', '2:0 keyword "guideline"', '3:0 keyword "sector"', '3:8 enumMember "金融"',
        '5:3 class declaration "1.2"', '6:0 keyword "対応指針"', '6:6 interface "A-1"', '6:10 interface "A-2"', '7:0 keyword "threats"', '7:9 enumMember "intentional"',
      ]);
      const plain = lines('# Notes', '', '## 1.2 Heading', 'covers: G-II-1-1', '## S-1 Another');
      const notes = await open('notes.md', plain);
      assert.deepStrictEqual(notes.diagnostics, []);
      assert.strictEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri: notes.uri } }), null);
      assert.strictEqual(await client.request('textDocument/semanticTokens/range', { textDocument: { uri: notes.uri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }), null);
    });

    it('after an edit, the whole document comes as an edit of the previous result; a range request gives its lines only', async () => {
      await start();
      const text = completeStandard();
      const { uri } = await open('std.yaml', text);
      const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(full.resultId);
      await client.change(uri, [{ range: { start: { line: 16, character: 13 }, end: { line: 16, character: 14 } }, text: 'B' }]);
      const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: full.resultId });
      assert.ok(delta.edits, 'an edit, not the whole data again');
      assert.ok(delta.edits.every((e) => (e.data?.length ?? 0) <= 5), JSON.stringify(delta.edits));
      const range = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 14, character: 0 }, end: { line: 17, character: 0 } } });
      assert.deepStrictEqual(decode(range.data, text.replace('covers: [C]', 'covers: [B]'), legend), [
        '14:4 keyword "id"', '14:8 class declaration "S-3"', '15:4 keyword "title"', '16:4 keyword "covers"', '16:13 interface "B"',
      ]);
    });
  });

  describe('quick fixes', () => {
    it('titles name the item with its official label and title, in English and in Japanese', async () => {
      for (const [i, locale] of ['en', 'ja'].entries()) {
        if (i > 0) await client.shutdown();
        await start(locale);
        const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: b', 'title: t', 'sector: 物流', 'class: 3', 'clauses:', '  - id: S-1', '    title: x', '    covers: [G-II-1-1]');
        const { uri, diagnostics } = await open(`nisc-${locale}.yaml`, text);
        const warning = diagnostics.find((d) => (d.data as { itemId?: string } | undefined)?.itemId === 'G-II-3-4-2-B')!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
        // The item's label and titles as the bundled data has them (the data is edited on its own).
        const item = bundledItem('nisc-2008', 'G-II-3-4-2-B');
        assert.deepStrictEqual(actions.map((a) => a.title), locale === 'en'
          ? [`Add a clause covering G-II-3-4-2-B (${item.label} ${item.titleEn})`, `Exclude G-II-3-4-2-B (${item.label} ${item.titleEn}) (規定する必要がない) with a reason`]
          : [`G-II-3-4-2-B（${item.label} ${item.title}）を対応させる条項を追加`, `G-II-3-4-2-B（${item.label} ${item.title}）を除外する（規定する必要がない）`]);
      }
    });

    it('a clause stub in YAML follows the blank lines and indentation of the list; the cursor lands in its text', async () => {
      await start('en', { commands: ['kijun.select'] });
      const text = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:',
        '    - id: S-1', '      title: 責任者', '      covers: [A-1, A-2]', '', '    - id: S-2', '      title: 金融', '      covers: [B]');
      const { uri, diagnostics } = await open('std.yaml', text);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      const add = actions[0];
      assert.strictEqual(applyEdits(text, add.edit!.changes![uri]), `${text}\n    - id: S-3\n      title: 継続\n      covers: [C]\n      text: （本文を記載）\n`);
      assert.deepStrictEqual(add.command, {
        title: 'Add a clause covering C (Ⅲ Continuity)', command: 'kijun.select',
        arguments: [uri, { start: { line: 18, character: 12 }, end: { line: 18, character: 19 } }],
      });
      const after = applyEdits(text, add.edit!.changes![uri]).split('\n')[18];
      assert.strictEqual(after.slice(12, 19), '（本文を記載）');
      const exclude = actions[1];
      assert.deepStrictEqual(exclude.command?.arguments?.[1], { start: { line: 16, character: 12 }, end: { line: 16, character: 19 } });
      assert.strictEqual(applyEdits(text, exclude.edit!.changes![uri]).split('\n')[16], '    reason: （理由を記載）');
    });

    it('a clause stub in Markdown follows the heading level, key word and blank lines of the last clause; flow-style YAML stays flow', async () => {
      await start('en', { commands: ['kijun.select'] });
      const markdown = lines('---', 'kijun: standard', 'guideline: test-g', 'id: md', 'title: t', 'sector: 金融', 'class: 3', '---', '# t', '',
        '### 1.1 責任者', '', '対応指針: A-1, A-2', '', '本文', '', '', '### 1.2 金融', '', '対応指針: B', '', '本文');
      const md = await open('std.md', markdown);
      const mdActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: md.uri }, range: md.diagnostics[0].range, context: { diagnostics: md.diagnostics } });
      const withClause = applyEdits(markdown, mdActions[0].edit!.changes![md.uri]);
      assert.strictEqual(withClause, `${markdown}\n\n### 1.3 継続\n\n対応指針: C\n\n（本文を記載）\n`);
      assert.deepStrictEqual(mdActions[0].command?.arguments?.[1], { start: { line: 28, character: 0 }, end: { line: 28, character: 7 } });
      assert.deepStrictEqual(await client.change(md.uri, [{ text: withClause }]), []);

      const flow = lines('kijun: standard', 'guideline: test-g', 'id: s', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: 責任者, covers: [A-1, A-2]}', '  - {id: S-2, title: 金融, covers: [B]}');
      const yaml = await open('flow.yaml', flow);
      const yamlActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: yaml.uri }, range: yaml.diagnostics[0].range, context: { diagnostics: yaml.diagnostics } });
      const flowFixed = applyEdits(flow, yamlActions[0].edit!.changes![yaml.uri]);
      assert.strictEqual(flowFixed, `${flow}  - {id: S-3, title: 継続, covers: [C], text: （本文を記載）}\n`);
      assert.deepStrictEqual(await client.change(yaml.uri, [{ text: flowFixed }]), []);
    });

    it('without the client command, no command is attached (other editors)', async () => {
      await start();
      const text = completeStandard().replace('    covers: [C]\n', '    covers: []\n');
      const { uri, diagnostics } = await open('std.yaml', text);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      assert.deepStrictEqual(actions.map((a) => a.command), [undefined, undefined]);
    });
  });

  describe('navigation', () => {
    it('the coverage report says where each item is defined; kijun/itemFixes gives the fixes of an item without a diagnostic of its own', async () => {
      await start('en', { commands: ['kijun.select'] });
      const text = completeStandard().replace('    covers: [A-1, A-2]\n', '    covers: []\n');
      const { uri } = await open('std.yaml', text);
      const report = await client.request<{ items: { id: string; status: string; definition?: { uri: string; range: { start: { line: number } } } }[] }>('kijun/coverageReport', { uri });
      assert.deepStrictEqual(report.items.map((i) => `${i.id} ${i.status} ${i.definition?.uri.split('/').pop()}:${i.definition?.range.start.line}`), [
        'A uncovered test-guideline.yaml:22', 'A-1 uncovered test-guideline.yaml:29', 'A-2 uncovered test-guideline.yaml:30', 'B covered test-guideline.yaml:31', 'C covered test-guideline.yaml:32',
      ]);
      // A is uncovered because A-1 is: only A-1 has a warning, and A's fixes come from the coverage list.
      const fixes = await client.request<CodeAction[]>('kijun/itemFixes', { uri, item: 'A' });
      assert.deepStrictEqual(fixes.map((f) => f.title), ['Add a clause covering A (Ⅰ Organisation)', 'Exclude A (Ⅰ Organisation) (規定する必要がない) with a reason']);
      assert.strictEqual(fixes[0].command?.command, 'kijun.select');
    });

    it('a bundled guideline opened read-only adds nothing to the Problems panel (opened as a file, it has its notes)', async () => {
      await start('en', { bundledScheme: 'kijun-bundled' });
      await open('std.yaml', lines('kijun: standard', 'guideline: nisc-2008', 'id: b', 'title: t', 'sector: 物流', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [G-II-1-1]}'));
      const guideline = fs.readFileSync(path.join(repoRoot, 'guidelines', 'nisc-2008.yaml'), 'utf8');
      // A copy of it among the user's files: its notes are listed.
      const copyUri = pathToFileURL(path.join(ws.folder, 'copy', 'nisc-2008.yaml')).toString();
      const copy = await client.open(copyUri, guideline, 'yaml');
      assert.deepStrictEqual([...new Set(copy.map((d) => d.code))], ['coverage.not-covered-in-workspace']);
      assert.ok(copy.some((d) => d.message === 'No standard in the workspace covers G-III-1 (1 standard(s) follow this guideline).'));
      await client.close(copyUri);
      // The bundled one, opened read-only from a definition: nothing.
      assert.deepStrictEqual(await client.open('kijun-bundled:/nisc-2008.yaml', guideline, 'yaml'), []);
    });

    it('indexes once on start: a configuration change that leaves the folders as they are checks the documents again, and logs once', async () => {
      await start();
      const { uri } = await open('std.yaml', completeStandard().replace('sector: 金融', 'sector: 金触'));
      const again = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepStrictEqual((await again).diagnostics.map((d) => d.code), ['sector.unknown']);
      assert.deepStrictEqual(client.logs.filter((l) => /indexed \d+ file/.test(l)), ['[kijun] indexed 1 file(s)']);
    });
  });
});
