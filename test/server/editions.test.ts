import * as assert from 'assert';
import { CodeAction, CodeLens, CreateFile, Diagnostic, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { reviewRecordEdit } from '../../server/src/core';
import { CoverageTreeNode } from '../../server/src/lsp/protocol';
import { acme2030, acme2031, acmeStandard } from '../editionFixtures';
import { workspaceWith } from '../helpers';
import { applyEdits, serverPerTest } from './harness';

/** Editions and reviewed links in the editor: suspect links live across files, their quick fix and lens, migration fixes. */
describe('editions and reviewed links in the language server', () => {
  const standard = acmeStandard();
  // The record `kijun review --accept` writes for the standard against acme-2030 as it is.
  const record = reviewRecordEdit(workspaceWith(acme2030, standard), standard.uri)!.text;
  const changedGuideline = acme2030.text.replace('text: 計画を作る。', 'text: 計画を作り、毎年点検する。');

  const session = serverPerTest({ 'acme-2030.yaml': acme2030.text, 'acme-2031.yaml': acme2031.text, 'std.yaml': standard.text, 'std.review.yaml': record });

  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
  const actionsAt = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    session.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only } });

  it('editing the guideline makes the standard\'s link suspect, live, with hover, a lens and the quick fix that marks it reviewed', async () => {
    const uri = session.ws.uri('std.yaml');
    assert.deepStrictEqual(codes(await session.client.open(uri, standard.text)), []);
    const guidelineUri = session.ws.uri('acme-2030.yaml');
    await session.client.open(guidelineUri, acme2030.text);
    await session.client.change(guidelineUri, [{ text: changedGuideline }]);
    const diagnostics = await session.client.diagnosticsWhere(uri, (d) => d.length > 0);
    assert.deepStrictEqual(codes(diagnostics), ['coverage.suspect 10:19']);
    assert.strictEqual(diagnostics[0].message, 'Clause S-1 was reviewed against Z-2 Ⅱ "Continuity" as it was then (6804430f); its text changed since (now a740e20b). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).');
    assert.strictEqual(diagnostics[0].severity, 2);

    const hover = await session.client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 19 } });
    assert.deepStrictEqual((hover.contents as { value: string }).value.split('\n').slice(-2), [
      '**Changed since clause S-1 was reviewed against it** (6804430f → a740e20b): text.',
      '- text — before: 計画を作る。; now: 計画を作り、毎年点検する。',
    ]);

    const lenses = await session.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepStrictEqual(lenses.map((l) => l.command?.title), [
      'Kijun: 5 of 5 must-consider items covered or excluded (1 excluded)',
      '1 suspect link: guideline items changed since the clauses were reviewed',
    ]);

    // The Kijun Coverage view shows the item as suspect, a state of its own.
    const tree = await session.client.request<CoverageTreeNode[]>('kijun/coverageTree', { scope: 'standard', uri });
    assert.deepStrictEqual(tree.filter((n) => n.state === 'suspect').map((n) => [n.label, n.description]), [['Ⅱ Continuity', '⚠ suspect: S-1']]);

    const actions = await actionsAt(uri, diagnostics);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Mark S-1 → Z-2 reviewed', 'quickfix', true]]);
    const recordUri = session.ws.uri('std.review.yaml');
    const marked = applyEdits(record, actions[0].edit!.changes![recordUri]);
    assert.deepStrictEqual(marked.split('\n').filter((line, i) => line !== record.split('\n')[i]).slice(0, 2), [
      '  - {clause: S-1, item: Z-2, reviewed: a740e20b}',
      '  - fingerprint: a740e20b',
    ]);
    // The user applies it: the record changes (open in the editor), and the standard's warning goes.
    await session.client.open(recordUri, marked);
    assert.deepStrictEqual(await session.client.diagnosticsWhere(recordUri, () => true), []);
    assert.deepStrictEqual(codes(await session.client.diagnosticsWhere(uri, (d) => d.length === 0)), []);
  });

  it('the record in use is the one edited, wherever it is in the workspace', async () => {
    const text = standard.text.replace('id: std', 'id: other');
    const uri = session.ws.write('other.yaml', text);
    const elsewhere = record.replace('standard: std', 'standard: other').replace('reviewed: 6804430f}', 'reviewed: 0badc0de}');
    const elsewhereUri = session.ws.uri('records/other-record.yaml');
    await session.client.open(elsewhereUri, elsewhere);
    const diagnostics = await session.client.open(uri, text);
    assert.deepStrictEqual(codes(diagnostics), ['coverage.suspect 10:19']);
    // The record keeps the link's fingerprint but no copy of that item: it says the content changed, not how.
    assert.strictEqual(diagnostics[0].message, 'Clause S-1 was reviewed against Z-2 Ⅱ "Continuity" as it was then (0badc0de); its normative content changed since (now 6804430f). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).');
    const [fix] = await actionsAt(uri, diagnostics);
    assert.deepStrictEqual(Object.keys(fix.edit!.changes!), [elsewhereUri]);
  });

  it('the source action records every link; for a standard with no record it creates one beside it', async () => {
    const text = standard.text.replace('id: std', 'id: fresh');
    const uri = session.ws.write('fresh.yaml', text);
    await session.client.open(uri, text);
    assert.deepStrictEqual(await actionsAt(uri, []), [], 'no source action unless the editor asks for source actions');
    const [action] = await actionsAt(uri, [], ['source']);
    assert.deepStrictEqual([action.title, action.kind], ['Mark every link of this standard reviewed (kijun review --accept)', 'source.kijun.acceptReviews']);
    const [create, insert] = action.edit!.documentChanges!;
    const recordUri = session.ws.uri('fresh.review.yaml');
    assert.ok(CreateFile.is(create) && create.uri === recordUri && create.options?.ignoreIfExists === true);
    assert.ok(TextDocumentEdit.is(insert) && insert.textDocument.uri === recordUri);
    const created = ((insert as TextDocumentEdit).edits[0] as TextEdit).newText;
    assert.strictEqual(created, record.replace('standard: std', 'standard: fresh'));
    // Applied, the record is a valid document and the standard's links are reviewed.
    await session.client.open(recordUri, created);
    assert.deepStrictEqual(await session.client.diagnosticsWhere(recordUri, () => true), []);
    const [again] = await actionsAt(uri, [], ['source.kijun']);
    assert.deepStrictEqual(Object.keys(again.edit!.changes!), [recordUri]);
    assert.strictEqual(applyEdits(created, again.edit!.changes![recordUri]), created);
  });

  it('a standard switched to the superseding edition gets each replaced entry rewritten by a quick fix', async () => {
    const moved = acmeStandard('acme-2031').text.replace('id: std', 'id: moved');
    const uri = session.ws.write('moved.yaml', moved);
    const diagnostics = await session.client.open(uri, moved);
    const split = diagnostics.filter((d) => d.code === 'covers.replaced-item' && d.range.start.line === 12);
    const actions = await actionsAt(uri, split);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Replace with "Z-3-a, Z-3-b"', true],
      ['Replace with "Z-3-a"', false],
      ['Replace with "Z-3-b"', false],
    ]);
    const fixed = applyEdits(moved, actions[0].edit!.changes![uri]);
    assert.strictEqual(fixed.split('\n')[12], '    covers: [Z-3-a, Z-3-b]');
    const after = await session.client.change(uri, [{ text: fixed }]);
    assert.deepStrictEqual(codes(after.filter((d) => d.code === 'covers.replaced-item')), ['covers.replaced-item 17:9', 'covers.replaced-item 21:13']);
  });
});
