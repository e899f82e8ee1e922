import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { testGuideline } from '../fixtures';
import { lines, repoRoot } from '../helpers';
import { applyEdits, serverPerTest } from './harness';

/** The coverage rule as the editor shows it: causes with their definitions, fixes of one item, the outline. */
describe('coverage in the language server', () => {
  const session = serverPerTest({ 'guidelines/test-guideline.yaml': testGuideline.text });

  const medicalWithoutClauses = lines('kijun: standard', 'guideline: test-g', 'id: m', 'title: 空', 'sector: 医療', 'class: 4');

  it('each uncovered cause carries relatedInformation pointing at the item in its guideline', async () => {
    const uri = session.ws.write('m.yaml', medicalWithoutClauses);
    const diagnostics = await session.client.open(uri, medicalWithoutClauses);
    assert.deepStrictEqual(diagnostics.map((d) => `${d.code} ${(d.data as { itemId: string }).itemId}`), [
      'coverage.uncovered A-1', 'coverage.uncovered-reference A-2', 'coverage.uncovered C-1',
    ]);
    const guidelineUri = session.ws.uri('guidelines/test-guideline.yaml');
    assert.deepStrictEqual(diagnostics[0].relatedInformation, [{
      location: { uri: guidelineUri, range: { start: { line: 29, character: 13 }, end: { line: 29, character: 16 } } },
      message: 'A-1 in guideline test-g',
    }]);
    assert.strictEqual(testGuideline.text.split('\n')[29].slice(13, 16), 'A-1');
    // The coverage notification lists the causes only.
    const notification = await session.client.coverageNotification<{ uri: string; uncovered: string[]; mustConsider: unknown }>((p) => p.uri === uri);
    assert.deepStrictEqual(notification.uncovered, ['A-1', 'C-1']);
    assert.deepStrictEqual(notification.mustConsider, { total: 2, covered: 0, excluded: 0, uncovered: 2 });
  });

  it('a bundled guideline is pointed at in its read-only document', async () => {
    const text = medicalWithoutClauses.replace('guideline: test-g', 'guideline: nisc-2008');
    const uri = session.ws.write('n.yaml', text);
    const diagnostics = await session.client.open(uri, text);
    const related = diagnostics.find((d) => d.code === 'coverage.uncovered')!.relatedInformation![0];
    const bundledFile = path.join(repoRoot, 'guidelines', 'nisc-2008.yaml');
    assert.strictEqual(related.location.uri, pathToFileURL(bundledFile).toString());
    const line = fs.readFileSync(bundledFile, 'utf8').split('\n')[related.location.range.start.line];
    assert.strictEqual(line.slice(related.location.range.start.character, related.location.range.end.character), 'G-II-1');
    assert.strictEqual(related.message, 'G-II-1 in guideline nisc-2008');
  });

  it('the quick fixes of a coverage warning are those of its item only, though all causes share the span', async () => {
    const uri = session.ws.write('m.yaml', medicalWithoutClauses);
    const diagnostics = await session.client.open(uri, medicalWithoutClauses);
    const one = diagnostics.filter((d) => (d.data as { itemId: string }).itemId === 'C-1');
    const actions = await session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: one[0].range, context: { diagnostics: one } });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Add a clause covering C-1 (Ⅲ1 For medical)', 'Exclude C-1 (Ⅲ1 For medical) (規定する必要がない) with a reason']);
    assert.deepStrictEqual(actions.map((a) => (a.diagnostics as Diagnostic[]).map((d) => (d.data as { itemId: string }).itemId)), [['C-1'], ['C-1']]);
    const fixed = applyEdits(medicalWithoutClauses, actions[0].edit!.changes![uri]);
    const after = await session.client.change(uri, [{ text: fixed }]);
    assert.deepStrictEqual(after.map((d) => `${d.code} ${(d.data as { itemId: string }).itemId}`), ['coverage.uncovered A-1', 'coverage.uncovered-reference A-2']);
  });

  it('exclusion.not-applicable offers the removal of the exclusion', async () => {
    const text = lines('kijun: standard', 'guideline: test-g', 'id: f', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [A-1, A-2, B, C]}', 'exclusions:', '  - {item: C-1, reason: 医療機関ではない}');
    const uri = session.ws.write('f.yaml', text);
    const diagnostics = await session.client.open(uri, text);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['exclusion.not-applicable']);
    const actions = await session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Remove the exclusion of C-1 (Ⅲ1 For medical)']);
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    assert.strictEqual(fixed, lines('kijun: standard', 'guideline: test-g', 'id: f', 'title: t', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [A-1, A-2, B, C]}'));
    assert.deepStrictEqual(await session.client.change(uri, [{ text: fixed }]), []);
  });

  it('the outline of a guideline whose nested item repeats its parent\'s id is the document as written (no stack overflow)', async () => {
    const guideline = lines(
      'kijun: guideline', 'id: rep-g', 'title: 再掲', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:',
      '  - id: R',
      '    label: 一',
      '    title: 親',
      '    obligation: must-consider',
      '    level: abstract',
      '    items:',
      '      - {id: R, label: 一の一, title: 子, obligation: must-consider, level: abstract}',
    );
    const uri = session.ws.write('rep.yaml', guideline);
    const diagnostics = await session.client.open(uri, guideline);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['item.duplicate-id']);
    const symbols = await session.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = (list: DocumentSymbol[], depth = 0): string[] => list.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${s.detail}`, ...outline(s.children ?? [], depth + 1)]);
    assert.deepStrictEqual(outline(symbols), ['金融 finance', 'R 一 親', '  R 一の一 子']);
  });
});
