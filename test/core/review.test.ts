import * as assert from 'assert';
import { parse } from 'yaml';
import { coverageRows, hoverText, reviewRecordEdit, reviewRecordPath, Workspace } from '../../server/src/core';
import { acme2030, acmeStandard } from '../editionFixtures';
import { check, lines, show, workspaceWith } from '../helpers';

/** Reviewed links (README, "Reviewed links"): review records, suspect links, and the edits that record reviews. */

/** A workspace with acme-2030, its standard, and the standard's review record as `kijun review --accept` writes it. */
function reviewed(standard = acmeStandard()): { workspace: Workspace; record: string; standard: { uri: string; text: string } } {
  const workspace = workspaceWith(acme2030, standard);
  const edit = reviewRecordEdit(workspace, standard.uri)!;
  workspace.set(edit.uri, edit.text, 'yaml');
  return { workspace, record: edit.uri, standard };
}

const editGuideline = (workspace: Workspace, from: string, to: string): void => {
  assert.ok(acme2030.text.includes(from), from);
  workspace.set(acme2030.uri, acme2030.text.replace(from, to), 'yaml');
};

const suspect = (workspace: Workspace, uri: string, locale: 'en' | 'ja' = 'en') =>
  workspace.analyze(uri).findings.filter((f) => f.code === 'coverage.suspect').map((f) => show(f, workspace.text(uri)!, locale));

describe('review records', () => {
  it('are written beside the standard, as a valid document that says what it is, with one line per link and the items as reviewed', () => {
    const { workspace, record } = reviewed();
    assert.strictEqual(record, 'file:///ws/std.review.yaml');
    assert.strictEqual(reviewRecordPath('file:///ws/dir/a.md'), 'file:///ws/dir/a.review.yaml');
    assert.strictEqual(reviewRecordPath('examples/x.yml'), 'examples/x.review.yaml');
    const text = workspace.text(record)!;
    assert.deepStrictEqual(text.split('\n').slice(0, 13), [
      '# Kijun review record: the guideline item each clause was last reviewed against. Written by kijun review --accept and the editor\'s "mark reviewed"; not to be edited by hand.',
      '# Kijun の確認記録: 各条項が最後にどの内容の指針項目に照らして確認されたか。kijun review --accept とエディタの「確認済みにする」が書き出します。手で編集しないでください。',
      '',
      'kijun: review',
      'standard: std',
      'links:',
      '  - {clause: S-1, item: Z-1, reviewed: "3e199375"}',
      '  - {clause: S-1, item: Z-2, reviewed: 6804430f}',
      '  - {clause: S-2, item: Z-3, reviewed: 0053484f}',
      '  - {clause: S-3, item: Z-4, reviewed: 6090a41f}',
      '  - {clause: S-3, item: Z-7, reviewed: 43ba0feb}',
      '  - {clause: S-4, item: Z-6, reviewed: f4814f71}',
      'items:',
    ]);
    const parsed = parse(text) as { items: Record<string, unknown>[] };
    assert.deepStrictEqual(parsed.items[0], {
      fingerprint: '3e199375', guideline: 'acme-2030', id: 'Z-1', title: '体制', obligation: 'must-consider', level: 'abstract', sectors: ['finance', 'medical'], text: '責任者を置き、役割を定める。',
    });
    assert.deepStrictEqual(parsed.items.map((i) => i.id), ['Z-1', 'Z-2', 'Z-3', 'Z-4', 'Z-6', 'Z-7']);
    assert.deepStrictEqual(workspace.analyze(record).findings, []);
    assert.deepStrictEqual(suspect(workspace, acmeStandard().uri), []);
  });

  it('accepting again writes the same text, and CRLF records stay CRLF', () => {
    const { workspace, record, standard } = reviewed();
    assert.strictEqual(reviewRecordEdit(workspace, standard.uri)!.text, workspace.text(record));
    workspace.set(record, workspace.text(record)!.replace(/\n/g, '\r\n'), 'yaml');
    assert.ok(reviewRecordEdit(workspace, standard.uri)!.text.includes('standard: std\r\nlinks:\r\n'));
  });

  it('a record whose standard is missing, a second record, and a link the standard no longer has are said, in both languages', () => {
    const { workspace, record } = reviewed();
    const text = workspace.text(record)!;
    const findings = (uri: string, body: string, locale: 'en' | 'ja' = 'en') => {
      workspace.set(uri, body, 'yaml');
      return workspace.analyze(uri).findings.map((f) => show(f, body, locale));
    };
    assert.deepStrictEqual(findings('file:///ws/other.review.yaml', text.replace('standard: std', 'standard: nope')), [
      { code: 'review.unknown-standard', range: '5:11-5:15', severity: 'warning', message: 'No standard with the id "nope" exists in the workspace, so this review record is not used. Write the id of the standard whose reviews it records.' },
    ]);
    assert.deepStrictEqual(findings('file:///ws/other.review.yaml', text.replace('standard: std', 'standard: nope'), 'ja').map((f) => f.message), [
      'ID「nope」の安全基準等がワークスペースにないため、この確認記録は使われていません。確認を記録する安全基準等の ID を記載してください。',
    ]);
    assert.deepStrictEqual(findings('file:///ws/z.review.yaml', text), [
      { code: 'review.duplicate', range: '5:11-5:14', severity: 'warning', message: 'Another review record of standard std comes first (file:///ws/std.review.yaml), so this one is not used: keep one record per standard.' },
    ]);
    assert.deepStrictEqual(findings('file:///ws/z.review.yaml', text, 'ja').map((f) => f.message), [
      '安全基準等 std の確認記録が先にもう 1 つあり（file:///ws/std.review.yaml）、この記録は使われていません。確認記録は安全基準等ごとに 1 つにしてください。',
    ]);
    workspace.delete('file:///ws/z.review.yaml');
    workspace.set(acmeStandard().uri, acmeStandard().text.replace('    covers: Z-6\n', ''), 'yaml');
    assert.deepStrictEqual(workspace.analyze(record).findings.map((f) => show(f, text)), [
      { code: 'review.stale-link', range: '12:5-12:49', severity: 'information', message: 'Clause S-4 of std no longer covers Z-6: this reviewed link is left over. kijun review --accept drops it.' },
    ]);
    assert.deepStrictEqual(workspace.analyze(record).findings.map((f) => show(f, text, 'ja').message), [
      'std の条項 S-4 は Z-6 に対応しなくなっています。この確認済みの対応は不要です（kijun review --accept で削除されます）。',
    ]);
    // Accepting drops the link; marking one link reviewed keeps the others as they are.
    assert.ok(!reviewRecordEdit(workspace, acmeStandard().uri)!.text.includes('item: Z-6'));
    assert.ok(reviewRecordEdit(workspace, acmeStandard().uri, { clause: 'S-1', item: 'Z-1' })!.text.includes('{clause: S-4, item: Z-6, reviewed: f4814f71}'));
  });

  it('a record whose header the header reader cannot tell (a quoted key) counts once parsed, first in URI order', () => {
    const { workspace, record } = reviewed();
    const text = workspace.text(record)!;
    const quoted = 'file:///ws/a.review.yaml';
    assert.ok(text.includes('\nkijun: review\n'));
    workspace.set(quoted, text.replace('\nkijun: review\n', '\n"kijun": review\n'), 'yaml');
    // The records are asked for while the quoted one is not parsed yet (its header tells no kind); then it is parsed.
    assert.deepStrictEqual(workspace.reviewRecords('std').map((r) => r.uri), [record]);
    assert.deepStrictEqual(workspace.analyze(quoted).findings, []);
    assert.deepStrictEqual(workspace.reviewRecords('std').map((r) => r.uri), [quoted, record]);
    assert.deepStrictEqual(workspace.analyze(record).findings.map((f) => show(f, text)), [
      { code: 'review.duplicate', range: '5:11-5:14', severity: 'warning', message: 'Another review record of standard std comes first (file:///ws/a.review.yaml), so this one is not used: keep one record per standard.' },
    ]);
  });

  it('a fingerprint that is not hexadecimal is a schema error that says what to write', () => {
    const { workspace, record } = reviewed();
    const text = workspace.text(record)!.replace('reviewed: 6804430f', 'reviewed: 68044-0f');
    assert.deepStrictEqual(check({ uri: record, text }, [acme2030, acmeStandard()]), [
      { code: 'schema.format', range: '8:40-8:48', severity: 'error', message: '"68044-0f" is not a valid fingerprint: use the hexadecimal digits Kijun wrote (0-9, a-f; at least 8).' },
    ]);
  });
});

describe('suspect links', () => {
  it('a change of an item\'s text makes each link to it suspect, on the covers entry, with what changed', () => {
    const { workspace, standard } = reviewed();
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    assert.deepStrictEqual(suspect(workspace, standard.uri), [
      { code: 'coverage.suspect', range: '10:19-10:22', severity: 'warning', message: 'Clause S-1 was reviewed against Z-2 Ⅱ "Continuity" as it was then (6804430f); its text changed since (now a740e20b). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).' },
    ]);
    assert.deepStrictEqual(suspect(workspace, standard.uri, 'ja').map((f) => f.message), [
      '条項 S-1 は Z-2 Ⅱ「継続」の当時の内容（6804430f）に照らして確認されましたが、その後本文が変わりました（現在 a740e20b）。条項を見直してから、確認済みにしてください（クイックフィックス、または kijun review --accept）。',
    ]);
    const finding = workspace.analyze(standard.uri).findings.find((f) => f.code === 'coverage.suspect')!;
    assert.deepStrictEqual([finding.itemId, finding.args.clause, finding.related?.[0].uri], ['Z-2', 'S-1', acme2030.uri]);
  });

  it('a change of the obligation, the title and the sectors is said as such; reformatting the item changes nothing', () => {
    const { workspace, standard } = reviewed();
    editGuideline(workspace, '{id: Z-1, label: Ⅰ, title: 体制, obligation: must-consider, level: abstract, sectors: [finance, 医療], text: 責任者を置き、役割を定める。}',
      '{text: "責任者を置き、\\n 役割を定める。", sectors: [医療, 金融], level: abstract, obligation: must-consider, title: 体制, label: Ⅰ, id: Z-1}');
    assert.deepStrictEqual(suspect(workspace, standard.uri), []);
    editGuideline(workspace, '{id: Z-1, label: Ⅰ, title: 体制, obligation: must-consider, level: abstract, sectors: [finance, 医療]',
      '{id: Z-1, label: Ⅰ, title: 推進体制, obligation: reference, level: abstract, sectors: [finance]');
    assert.deepStrictEqual(suspect(workspace, standard.uri).map((f) => f.message), [
      'Clause S-1 was reviewed against Z-1 Ⅰ "推進体制" as it was then (3e199375); its title, obligation and sectors changed since (now 8630bde7). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).',
    ]);
    assert.deepStrictEqual(suspect(workspace, standard.uri, 'ja').map((f) => f.message), [
      '条項 S-1 は Z-1 Ⅰ「推進体制」の当時の内容（3e199375）に照らして確認されましたが、その後表題、要検討事項・参考事項の別、対象分野が変わりました（現在 8630bde7）。条項を見直してから、確認済みにしてください（クイックフィックス、または kijun review --accept）。',
    ]);
  });

  it('a record that keeps no copy of the item says its content changed, without saying how', () => {
    const { workspace, record, standard } = reviewed();
    const withoutItems = workspace.text(record)!.replace(/\nitems:\n[\s\S]*$/, '\n');
    workspace.set(record, withoutItems, 'yaml');
    assert.deepStrictEqual(workspace.analyze(record).findings, []);
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    assert.deepStrictEqual(suspect(workspace, standard.uri).map((f) => f.message), [
      'Clause S-1 was reviewed against Z-2 Ⅱ "Continuity" as it was then (6804430f); its normative content changed since (now a740e20b). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).',
    ]);
    const hover = hoverText(workspace, standard.uri, standard.text.indexOf('Z-2'), 'en')!.markdown.split('\n');
    assert.deepStrictEqual(hover.slice(-3), [
      '**Changed since clause S-1 was reviewed against it** (6804430f → a740e20b): normative content.',
      '',
      'The review record keeps no copy of the item as it was reviewed, so what changed cannot be shown.',
    ]);
  });

  it('hover on a suspect covers entry shows the item as reviewed and as it is now', () => {
    const { workspace, standard } = reviewed();
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    const hover = (locale: 'en' | 'ja') => hoverText(workspace, standard.uri, standard.text.indexOf('Z-2'), locale)!.markdown.split('\n').slice(-2);
    assert.deepStrictEqual(hover('en'), ['**Changed since clause S-1 was reviewed against it** (6804430f → a740e20b): text.', '- text — before: 計画を作る。; now: 計画を作り、毎年点検する。']);
    assert.deepStrictEqual(hover('ja'), ['**条項 S-1 の確認後に変更されています**（6804430f → a740e20b）: 本文。', '- 本文 — 変更前: 計画を作る。 / 変更後: 計画を作り、毎年点検する。']);
    // The entry of a link that is not suspect says nothing of reviews.
    assert.ok(!hoverText(workspace, standard.uri, standard.text.indexOf('Z-1'), 'en')!.markdown.includes('reviewed'));
  });

  it('are a state of their own in the coverage data: the item stays covered, its row names the suspect clauses', () => {
    const { workspace, standard } = reviewed();
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    const coverage = workspace.analyze(standard.uri).coverage!;
    assert.deepStrictEqual(coverage.suspect?.map((l) => `${l.clause.id?.value} → ${l.item.id.value} ${l.reviewed}`), ['S-1 → Z-2 6804430f']);
    const rows = coverageRows(coverage, 'en');
    assert.deepStrictEqual(rows.filter((r) => r.suspect).map((r) => [r.id, r.status, r.suspect]), [['Z-2', 'covered', ['S-1']]]);
    assert.deepStrictEqual(rows.filter((r) => r.id === 'Z-1')[0].suspect, undefined);
  });

  it('marking the link reviewed (the quick fix\'s edit) records the new fingerprint and keeps the rest of the record', () => {
    const { workspace, record, standard } = reviewed();
    const before = workspace.text(record)!;
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    const edit = reviewRecordEdit(workspace, standard.uri, { clause: 'S-1', item: 'z-2' })!;
    assert.deepStrictEqual([edit.uri, edit.exists, edit.links], [record, true, 6]);
    const changed = edit.text.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    assert.deepStrictEqual(changed.slice(0, 2), ['  - {clause: S-1, item: Z-2, reviewed: a740e20b}', '  - fingerprint: a740e20b']);
    workspace.set(record, edit.text, 'yaml');
    assert.deepStrictEqual(suspect(workspace, standard.uri), []);
    assert.deepStrictEqual(workspace.analyze(record).findings, []);
    assert.strictEqual(reviewRecordEdit(workspace, standard.uri, { clause: 'S-9', item: 'Z-2' }), undefined, 'no such link');
  });

  it('work the same for a Markdown standard', () => {
    const markdown = {
      uri: 'file:///ws/std.md',
      text: lines('---', 'kijun: standard', 'guideline: acme-2030', 'id: std', 'title: 基準', 'sector: 金融', 'class: 4', '---', '## S-1 継続', '対応指針: Z-1、Z-2', '', '本文。'),
    };
    const { workspace } = reviewed(markdown);
    assert.strictEqual(reviewRecordEdit(workspace, markdown.uri)!.uri, 'file:///ws/std.review.yaml');
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    assert.deepStrictEqual(suspect(workspace, markdown.uri).map((f) => `${f.code} ${f.range}`), ['coverage.suspect 10:11-10:14']);
  });

  it('follow edits of the standard told as changes (the incremental path), as a fresh analysis finds them', () => {
    const { workspace, record, standard } = reviewed();
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    const fresh = (text: string) => {
      const other = workspaceWith(acme2030, { uri: standard.uri, text }, { uri: record, text: workspace.text(record)! });
      other.set(acme2030.uri, workspace.text(acme2030.uri)!, 'yaml');
      return suspect(other, standard.uri);
    };
    let text = standard.text;
    const edit = (from: string, to: string) => {
      const start = text.indexOf(from);
      assert.ok(start >= 0, from);
      text = text.slice(0, start) + to + text.slice(start + from.length);
      workspace.set(standard.uri, text, 'yaml', undefined, { start, oldEnd: start + from.length, newEnd: start + to.length });
      return suspect(workspace, standard.uri);
    };
    // A clause inserted before the suspect one moves its warning; one that covers Z-2 afresh is not reviewed, so not suspect.
    assert.deepStrictEqual(edit('  - id: S-1\n', '  - id: S-0\n    title: 新設\n    covers: [Z-2]\n  - id: S-1\n').map((f) => f.range), ['13:19-13:22']);
    assert.deepStrictEqual(fresh(text).map((f) => f.range), ['13:19-13:22']);
    // The suspect clause no longer covering Z-2 has no suspect link left; covering it again brings the warning back.
    assert.deepStrictEqual(edit('covers: [Z-1, Z-2]', 'covers: [Z-1]'), []);
    assert.deepStrictEqual(edit('covers: [Z-1]', 'covers: [Z-1, Z-2]'), fresh(text));
    assert.deepStrictEqual(suspect(workspace, standard.uri).map((f) => f.range), ['13:19-13:22']);
  });

  it('a standard without a record, or a link without a record, has no suspect link', () => {
    const workspace = workspaceWith(acme2030, acmeStandard());
    editGuideline(workspace, 'text: 計画を作る。', 'text: 計画を作り、毎年点検する。');
    assert.deepStrictEqual(suspect(workspace, acmeStandard().uri), []);
    assert.strictEqual(workspace.analyze(acmeStandard().uri).coverage!.suspect, undefined);
  });
});
