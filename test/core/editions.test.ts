import * as assert from 'assert';
import { createHash } from 'crypto';
import { diffGuidelines, hoverText, sha256Hex, Workspace } from '../../server/src/core';
import { acme2030, acme2031, acmeStandard } from '../editionFixtures';
import { buildDiffReport, diffText } from '../../server/src/reports';
import { bundled, check, lines, workspaceWith } from '../helpers';

/** Editions of a guideline (README, "Editions"): fingerprints, the diff of two editions, migration findings, hover. */

const guideline = (items: string[], extra: string[] = []) => lines(
  'kijun: guideline', 'id: g', 'title: 指針', ...extra,
  'sectors:', '  - {id: finance, label: 金融}', '  - {id: medical, label: 医療}',
  'threats:', '  - {id: intentional, label: 意図的要因, direction: received}',
  'items:', ...items,
);

/** The fingerprint of item `id` of a guideline written as `text` (YAML, or Markdown front matter). */
function fingerprintOf(text: string, id: string, uri = 'file:///ws/g.yaml'): string {
  const workspace = workspaceWith({ uri, text });
  const catalog = workspace.catalogFor(uri)!;
  return catalog.fingerprint(catalog.item(id)!);
}

describe('item fingerprints', () => {
  const flow = guideline(['  - {id: A, label: Ⅰ, title: 体制, obligation: must-consider, level: abstract, sectors: [finance, 医療], text: 責任者を置き、役割を定める。}']);
  const base = fingerprintOf(flow, 'A');

  it('are the first 8 hex digits of the SHA-256 of a canonical form, which must not change between releases (or every record would turn suspect)', () => {
    const canonical = JSON.stringify(['kijun-item/1', '体制', '責任者を置き、役割を定める。', 'must-consider', 'abstract', ['finance', 'medical']]);
    assert.strictEqual(base, createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 8));
    assert.strictEqual(base, '3e199375');
  });

  it('do not change with formatting: key order, block style, a folded text across lines, spaces between Japanese, width, sector order and names', () => {
    const block = guideline([
      '  - id: A',
      '    text: >-',
      '      責任者を置き、',
      '        役割を定める。',
      '    sectors:',
      '      - 医療',
      '      - finance',
      '      - 金融',
      '    level: abstract',
      '    obligation: must-consider',
      '    title: "体制"',
      '    label: Ⅰ',
    ]);
    assert.strictEqual(fingerprintOf(block, 'A'), base);
    assert.strictEqual(fingerprintOf(flow.replace('責任者を置き、', '責任者を置き、 '), 'A'), base, 'a space between Japanese characters');
    assert.strictEqual(fingerprintOf(flow.replace('title: 体制', 'title: "体制 "'), 'A'), base, 'trailing white space');
    assert.strictEqual(fingerprintOf(flow.replace('役割を定める。', '役割を年１回定める。'), 'A'), fingerprintOf(flow.replace('役割を定める。', '役割を年1回定める。'), 'A'), 'full-width digits');
  });

  it('are the same for the item in a YAML guideline and in the front matter of a Markdown one', () => {
    const markdown = `---\n${flow}---\n# 指針\n\n本文。\n`;
    assert.strictEqual(fingerprintOf(markdown, 'A', 'file:///ws/g.md'), base);
  });

  it('do not change with what is not normative: the English title, threats, source, the provisional mark, the label', () => {
    const more = flow.replace('text: 責任者', 'title-en: Organisation, threats: [intentional], source: Kijun\'s own, provisional: true, text: 責任者').replace('label: Ⅰ', 'label: Ⅰ（改）');
    assert.strictEqual(fingerprintOf(more, 'A'), base);
  });

  it('change with the text, the title, the obligation, the level and the sectors', () => {
    const changed = [
      flow.replace('役割を定める。', '役割を文書で定める。'),
      flow.replace('title: 体制', 'title: 推進体制'),
      flow.replace('obligation: must-consider', 'obligation: reference'),
      flow.replace('level: abstract', 'level: concrete'),
      flow.replace('sectors: [finance, 医療]', 'sectors: [finance]'),
      flow.replace('sectors: [finance, 医療], ', ''),
      flow.replace('役割を定める。', '役割を定める'),
    ].map((text) => fingerprintOf(text, 'A'));
    for (const fingerprint of changed) assert.notStrictEqual(fingerprint, base);
    assert.strictEqual(new Set(changed).size, changed.length);
  });

  it('hash with SHA-256, as Node computes it, whatever the length and script of the text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'b'.repeat(1000), '責任者を置き、役割を定める。', '🙂 emoji']) {
      assert.strictEqual(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(text));
    }
  });

  it('are computed once per catalog, not per analysis of a standard', () => {
    const workspace = workspaceWith(acme2031);
    const catalog = workspace.catalog('acme-2031')!;
    assert.strictEqual(catalog.fingerprint(catalog.item('Z-1')!), catalog.fingerprint(catalog.item('z-1')!));
    assert.strictEqual(catalog.content(catalog.item('Z-1')!), catalog.content(catalog.item('Z-1')!));
  });
});

describe('the diff of two editions', () => {
  const workspace = workspaceWith(acme2030, acme2031);
  const before = workspace.catalog('acme-2030')!;
  const after = workspace.catalog('acme-2031')!;
  const diff = diffGuidelines(before, after);
  const ids = (items: { id: { value: string } }[]) => items.map((i) => i.id.value);

  it('lists each kind of change: added, removed, replaced (split, renamed, merged) and changed, with the fields', () => {
    assert.strictEqual(diff.supersedes, true);
    assert.deepStrictEqual(ids(diff.added), ['Z-8']);
    assert.deepStrictEqual(ids(diff.removed), ['Z-7', 'Z-9']);
    assert.deepStrictEqual(diff.replaced.map((g) => [g.kind, ids(g.before), ids(g.after), g.provisional]), [
      ['split', ['Z-3'], ['Z-3-a', 'Z-3-b'], false],
      ['renamed', ['Z-4'], ['Z-40'], true],
      ['merged', ['Z-5', 'Z-6'], ['Z-56'], false],
    ]);
    assert.deepStrictEqual(diff.changed.map((c) => [c.after.id.value, c.fields]), [['Z-2', ['text', 'obligation']]]);
  });

  it('an item split that keeps its id belongs to the group, and a group of several into several is regrouped', () => {
    const old = guideline(['  - {id: A, label: Ⅰ, title: 甲, obligation: must-consider, level: abstract}', '  - {id: B, label: Ⅱ, title: 乙, obligation: must-consider, level: abstract}'])
      .replace('id: g', 'id: g1');
    const next = guideline([
      '  - {id: A, label: Ⅰ, title: 甲, obligation: must-consider, level: abstract}',
      '  - {id: A2, label: Ⅰ2, title: 甲2, obligation: must-consider, level: abstract, replaces: [A]}',
      '  - {id: C, label: Ⅲ, title: 丙, obligation: must-consider, level: abstract, replaces: [B]}',
      '  - {id: D, label: Ⅳ, title: 丁, obligation: must-consider, level: abstract, replaces: [B, A]}',
    ], ['supersedes: g1']).replace('id: g\n', 'id: g2\n');
    const w = workspaceWith({ uri: 'file:///ws/g1.yaml', text: old }, { uri: 'file:///ws/g2.yaml', text: next });
    const d = diffGuidelines(w.catalog('g1')!, w.catalog('g2')!);
    assert.deepStrictEqual(d.replaced.map((g) => [g.kind, ids(g.before), ids(g.after)]), [['regrouped', ['A', 'B'], ['A', 'A2', 'C', 'D']]]);
    assert.deepStrictEqual([ids(d.added), ids(d.removed), d.changed.length], [[], [], 0]);
  });

  it('says a change of title, level and sectors as such, with the values before and after, in both languages', () => {
    const old = guideline(['  - {id: A, label: Ⅰ, title: 甲, obligation: must-consider, level: abstract, sectors: [finance]}']).replace('id: g', 'id: g1');
    const next = guideline(['  - {id: A, label: Ⅰ, title: 甲改, obligation: must-consider, level: concrete, sectors: [finance, medical]}'], ['supersedes: g1'])
      .replace('id: g\n', 'id: g2\n');
    const w = workspaceWith({ uri: 'file:///ws/g1.yaml', text: old }, { uri: 'file:///ws/g2.yaml', text: next });
    const d = diffGuidelines(w.catalog('g1')!, w.catalog('g2')!);
    assert.deepStrictEqual(d.changed.map((c) => [c.after.id.value, c.fields]), [['A', ['title', 'level', 'sectors']]]);
    assert.deepStrictEqual(diffText(buildDiffReport(d, 'en'), 'en').split('\n').slice(8, 13), [
      'Changed: 1',
      '  ~ A Ⅰ 甲改: title, level and sectors changed',
      '      title — before: 甲; now: 甲改',
      '      level — before: abstract; now: concrete',
      '      sectors — before: finance; now: finance, medical',
    ]);
    assert.deepStrictEqual(diffText(buildDiffReport(d, 'ja'), 'ja').split('\n').slice(8, 13), [
      '変更: 1 件',
      '  ~ A Ⅰ 甲改（表題、抽象的内容・具体的内容の別、対象分野が変更）',
      '      表題 — 変更前: 甲 / 変更後: 甲改',
      '      抽象的内容・具体的内容の別 — 変更前: 抽象的内容 / 変更後: 具体的内容',
      '      対象分野 — 変更前: finance / 変更後: finance、medical',
    ]);
  });

  it('of an edition with itself is empty, and says whether the newer one declares that it supersedes the older', () => {
    const self = diffGuidelines(after, after);
    assert.deepStrictEqual([self.added.length, self.removed.length, self.replaced.length, self.changed.length, self.supersedes], [0, 0, 0, 0, false]);
    assert.strictEqual(diffGuidelines(after, before).supersedes, false);
  });

  it('is computed once per pair of catalogs', () => {
    assert.strictEqual(diffGuidelines(before, after), diff);
  });

  it('nisc-2024 supersedes nisc-2008: every replacement is Kijun\'s reading, and no item keeps its id', () => {
    const w = new Workspace(bundled());
    const d = diffGuidelines(w.catalog('nisc-2008')!, w.catalog('nisc-2024')!);
    assert.strictEqual(d.supersedes, true);
    assert.deepStrictEqual(d.replaced.map((g) => [g.kind, ids(g.before), ids(g.after)]), [
      ['renamed', ['G-II-1'], ['G24-1']],
      ['merged', ['G-II-1-1', 'G-II-1-2', 'G-II-1-3'], ['G24-1-2']],
      ['renamed', ['G-II-3-1'], ['G24-2-1']],
      ['renamed', ['G-II-3-4-2-A'], ['G24-3']],
      ['renamed', ['G-II-3-4-2-A-b'], ['G24-3-1']],
      ['renamed', ['G-II-3-4-2-C'], ['G24-6-2']],
    ]);
    assert.ok(d.replaced.every((g) => g.provisional));
    assert.deepStrictEqual(d.changed, []);
    assert.deepStrictEqual(ids(d.added), ['G24-1-1', 'G24-2', 'G24-2-2', 'G24-3-2', 'G24-3-3', 'G24-4', 'G24-4-1', 'G24-4-2', 'G24-5', 'G24-5-1', 'G24-6', 'G24-6-1']);
    assert.strictEqual(d.removed.length, 32);
  });
});

describe('a standard moved to a superseding edition', () => {
  const standard = acmeStandard('acme-2031');
  const migrating = (f: { code: string }) => /replaced|removed/.test(f.code);

  it('names the replacements of each replaced entry, says which are removed, in both languages', () => {
    assert.deepStrictEqual(check(standard, [acme2030, acme2031], 'en', migrating), [
      { code: 'covers.replaced-item', range: '13:14-13:17', severity: 'error', message: 'Z-3 is an item of acme-2030; guideline acme-2031 replaces it with Z-3-a Ⅲ1 "情報の分類", Z-3-b Ⅲ2 "情報の取扱い". Write those items instead.' },
      { code: 'covers.replaced-item', range: '17:9-17:12', severity: 'error', message: 'Z-4 is an item of acme-2030; guideline acme-2031 replaces it with Z-40 Ⅳ "外部委託" (a correspondence that is Kijun\'s reading, not the guideline\'s). Write that item instead.' },
      { code: 'covers.removed-item', range: '18:9-18:12', severity: 'error', message: 'Z-7 "旧項目" is an item of acme-2030 that guideline acme-2031 no longer has, and no item replaces it: remove it from covers, or name the item of acme-2031 that this clause covers now.' },
      { code: 'covers.replaced-item', range: '21:13-21:16', severity: 'error', message: 'Z-6 is an item of acme-2030; guideline acme-2031 replaces it with Z-56 Ⅴ "監視と記録". Write that item instead.' },
      { code: 'exclusion.replaced-item', range: '23:11-23:14', severity: 'error', message: 'The excluded Z-5 is an item of acme-2030; guideline acme-2031 replaces it with Z-56 Ⅴ "監視と記録". Exclude that item instead, if the reason still holds.' },
      { code: 'exclusion.removed-item', range: '25:12-25:15', severity: 'error', message: 'The excluded Z-9 "廃止予定" is an item of acme-2030 that guideline acme-2031 no longer has, and no item replaces it: there is nothing to exclude, remove this exclusion.' },
    ]);
    assert.deepStrictEqual(check(standard, [acme2030, acme2031], 'ja', migrating).map((f) => f.message), [
      'Z-3 は acme-2030 の項目で、指針 acme-2031 では Z-3-a Ⅲ1「情報の分類」、Z-3-b Ⅲ2「情報の取扱い」 に置き換えられています。代わりにそれらの項目を記載してください。',
      'Z-4 は acme-2030 の項目で、指針 acme-2031 では Z-40 Ⅳ「外部委託」 に置き換えられています（この対応は指針ではなく Kijun の解釈です）。代わりにその項目を記載してください。',
      'Z-7「旧項目」は acme-2030 の項目ですが、指針 acme-2031 にはなく、置き換える項目もありません。covers から削除するか、この条項が現在対応する acme-2031 の項目を記載してください。',
      'Z-6 は acme-2030 の項目で、指針 acme-2031 では Z-56 Ⅴ「監視と記録」 に置き換えられています。代わりにその項目を記載してください。',
      '除外している Z-5 は acme-2030 の項目で、指針 acme-2031 では Z-56 Ⅴ「監視と記録」 に置き換えられています。理由が引き続き当てはまるなら、代わりにその項目を除外してください。',
      '除外している Z-9「廃止予定」は acme-2030 の項目ですが、指針 acme-2031 にはなく、置き換える項目もありません。除外する対象がないため、この除外を削除してください。',
    ]);
  });

  it('gets the usual uncovered warning for each must-consider item new in the edition, or that replaces another', () => {
    assert.deepStrictEqual(check(standard, [acme2030, acme2031], 'en', (f) => f.code === 'coverage.uncovered').map((f) => f.message), [
      'Must-consider item Z-3-a Ⅲ1 "情報の分類" is neither covered by a clause nor excluded.',
      'Must-consider item Z-3-b Ⅲ2 "情報の取扱い" is neither covered by a clause nor excluded.',
      'Must-consider item Z-40 Ⅳ "外部委託" is neither covered by a clause nor excluded.',
      'Must-consider item Z-56 Ⅴ "監視と記録" is neither covered by a clause nor excluded.',
      'Must-consider item Z-8 Ⅷ "新設" is neither covered by a clause nor excluded.',
    ]);
  });

  it('the fixes write the replacement where the old id stands: in a flow list, a block list, a lone value, a Markdown line', () => {
    const fix = (text: string, uri = 'file:///ws/s.yaml') => {
      const workspace = workspaceWith(acme2030, acme2031, { uri, text });
      const found = workspace.analyze(uri).findings.find((f) => f.code === 'covers.replaced-item')!;
      const apply = (r: { span: { start: number; end: number }; newText: string }) => text.slice(0, r.span.start) + r.newText + text.slice(r.span.end);
      return { whole: found.replacement && apply(found.replacement), each: (found.alternatives ?? []).map(apply) };
    };
    const head = ['kijun: standard', 'guideline: acme-2031', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - id: S-1', '    title: 情報'];
    const flowList = fix(lines(...head, '    covers: [Z-1, Z-3]'));
    assert.strictEqual(flowList.whole, lines(...head, '    covers: [Z-1, Z-3-a, Z-3-b]'));
    assert.deepStrictEqual(flowList.each, [lines(...head, '    covers: [Z-1, Z-3-a]'), lines(...head, '    covers: [Z-1, Z-3-b]')]);
    assert.strictEqual(fix(lines(...head, '    covers:', '      - Z-3', '      - Z-1')).whole, lines(...head, '    covers:', '      - Z-3-a', '      - Z-3-b', '      - Z-1'));
    assert.strictEqual(fix(lines(...head, '    covers: Z-3')).whole, lines(...head, '    covers: [Z-3-a, Z-3-b]'));
    assert.strictEqual(fix(lines(...head, '    covers: [Z-4]')).whole, lines(...head, '    covers: [Z-40]'));
    const markdown = lines('---', 'kijun: standard', 'guideline: acme-2031', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', '---', '## S-1 情報', 'covers: Z-1、Z-3', '', '本文。');
    assert.strictEqual(fix(markdown, 'file:///ws/s.md').whole, markdown.replace('covers: Z-1、Z-3', 'covers: Z-1、Z-3-a, Z-3-b'));
    // Each fixed document is one Kijun reads without errors of its own.
    const fixed = lines(...head, '    covers: [Z-1, Z-3-a, Z-3-b]');
    assert.deepStrictEqual(check({ uri: 'file:///ws/s.yaml', text: fixed }, [acme2030, acme2031], 'en', (f) => f.severity === 'error'), []);
  });

  it('an entry that the edition\'s predecessor never had is simply unknown, with the usual suggestion', () => {
    const text = acmeStandard('acme-2031').text.replace('covers: [Z-1, Z-2]', 'covers: [Z-1, Z-22]');
    assert.deepStrictEqual(check({ uri: 'file:///ws/std.yaml', text }, [acme2030, acme2031], 'en', (f) => f.code === 'covers.unknown-item'), [
      { code: 'covers.unknown-item', range: '10:19-10:23', severity: 'error', message: 'Guideline acme-2031 has no item "Z-22". Did you mean "Z-2"?' },
    ]);
  });
});

describe('a guideline\'s supersedes and replaces', () => {
  it('supersedes must name a known guideline; replaces must name items of it, or be in a guideline that supersedes one', () => {
    const unknown = { uri: 'file:///ws/x.yaml', text: acme2031.text.replace('supersedes: acme-2030', 'supersedes: acme-2029') };
    assert.deepStrictEqual(check(unknown, [acme2030]), [
      { code: 'edition.supersedes-unknown', range: '4:13-4:22', severity: 'warning', message: 'Guideline "acme-2029", which this edition supersedes, is not among the known guidelines (acme-2030, nisc-2007, nisc-2008, nisc-2024): what changed since it, and the replacements of its items, cannot be shown.' },
    ]);
    assert.deepStrictEqual(check(unknown, [acme2030], 'ja').map((f) => f.message), [
      'この版が改定前とする指針「acme-2029」が、既知の指針（acme-2030, nisc-2007, nisc-2008, nisc-2024）にありません。改定前からの変更点と項目の置き換えを示せません。',
    ]);
    const typo = { uri: 'file:///ws/x.yaml', text: acme2031.text.replace('replaces: [Z-5, Z-6]', 'replaces: [Z-5, Z-66]') };
    const shown = check(typo, [acme2030]);
    assert.deepStrictEqual(shown, [
      { code: 'edition.replaces-unknown', range: '24:100-24:104', severity: 'warning', message: '"Z-66" is no item of acme-2030, the edition this guideline supersedes. Did you mean "Z-6"?' },
    ]);
    assert.deepStrictEqual(check(typo, [acme2030], 'ja').map((f) => f.message), ['「Z-66」は、この指針が改定前とする acme-2030 の項目ではありません。「Z-6」の誤りではありませんか。']);
    const alone = { uri: 'file:///ws/x.yaml', text: acme2031.text.replace('supersedes: acme-2030\n', '') };
    assert.deepStrictEqual(check(alone, [acme2030]).map((f) => `${f.code} ${f.range} ${f.message}`), [
      'edition.replaces-without-supersedes 20:97-20:100 Item Z-3-a replaces items of an earlier edition, but this guideline names no edition it supersedes: add "supersedes: <id of that guideline>".',
      'edition.replaces-without-supersedes 21:98-21:101 Item Z-3-b replaces items of an earlier edition, but this guideline names no edition it supersedes: add "supersedes: <id of that guideline>".',
      'edition.replaces-without-supersedes 22:101-22:104 Item Z-40 replaces items of an earlier edition, but this guideline names no edition it supersedes: add "supersedes: <id of that guideline>".',
      'edition.replaces-without-supersedes 23:95-23:98 Item Z-56 replaces items of an earlier edition, but this guideline names no edition it supersedes: add "supersedes: <id of that guideline>".',
    ]);
    assert.deepStrictEqual(check(alone, [acme2030], 'ja').map((f) => f.message)[0],
      '項目 Z-3-a は以前の版の項目を置き換えていますが、この指針には改定前の版の指定がありません。「supersedes: <その指針のID>」を記載してください。');
  });

  it('the bundled guidelines raise none of these', () => {
    for (const b of bundled()) assert.deepStrictEqual(check({ uri: 'file:///ws/copy.yaml', text: b.text }, [], 'en', (f) => f.code.startsWith('edition.')), [], b.uri);
  });
});

describe('hover on an item of a superseding edition', () => {
  const workspace = workspaceWith(acme2030, acme2031);
  const hoverOn = (id: string, locale: 'en' | 'ja' = 'en') => {
    const offset = acme2031.text.indexOf(`id: ${id}`) + 4;
    return hoverText(workspace, acme2031.uri, offset, locale)!.markdown.split('\n');
  };

  it('says what changed, with the values before and after', () => {
    assert.deepStrictEqual(hoverOn('Z-2').slice(-3), [
      '**Changed since acme-2030:** text and obligation.',
      '- text — before: 計画を作る。; now: 計画を作り、毎年見直す。',
      '- obligation — before: must-consider; now: reference',
    ]);
    assert.deepStrictEqual(hoverOn('Z-2', 'ja').slice(-3), [
      '**acme-2030 からの変更:** 本文、要検討事項・参考事項の別。',
      '- 本文 — 変更前: 計画を作る。 / 変更後: 計画を作り、毎年見直す。',
      '- 要検討事項・参考事項の別 — 変更前: 要検討事項 / 変更後: 参考事項',
    ]);
  });

  it('says which items it replaces and how, new items and unchanged ones', () => {
    assert.strictEqual(hoverOn('Z-3-a').at(-1), '**Replaces** `Z-3` Ⅲ 情報 of acme-2030 (split).');
    assert.strictEqual(hoverOn('Z-40').at(-1), '**Replaces** `Z-4` Ⅳ 委託 of acme-2030 (renamed; Kijun\'s reading, provisional).');
    assert.strictEqual(hoverOn('Z-40', 'ja').at(-1), 'acme-2030 の `Z-4` Ⅳ 委託 を**置き換える**項目（名称変更。Kijun の解釈・暫定）。');
    assert.strictEqual(hoverOn('Z-56').at(-1), '**Replaces** `Z-5` Ⅴ 監視, `Z-6` Ⅵ 記録 of acme-2030 (merged).');
    assert.strictEqual(hoverOn('Z-8').at(-1), '**New in this edition:** acme-2030 has no such item.');
    assert.strictEqual(hoverOn('Z-8', 'ja').at(-1), '**この版で新設された項目**（acme-2030 にはありません）。');
    assert.strictEqual(hoverOn('Z-1').at(-1), 'Unchanged since acme-2030.');
    assert.strictEqual(hoverOn('Z-1', 'ja').at(-1), 'acme-2030 から変更なし。');
  });

  it('a covers entry naming such an item says the same, and an item of a guideline that supersedes none says nothing of editions', () => {
    const standard = { uri: 'file:///ws/s.yaml', text: lines('kijun: standard', 'guideline: acme-2031', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 継続, covers: [Z-2]}') };
    const w = workspaceWith(acme2030, acme2031, standard);
    const hover = hoverText(w, standard.uri, standard.text.indexOf('Z-2'), 'en')!.markdown;
    assert.ok(hover.endsWith('- obligation — before: must-consider; now: reference'), hover);
    const old = hoverText(w, acme2030.uri, acme2030.text.indexOf('id: Z-2') + 4, 'en')!.markdown;
    assert.ok(!/Changed|Unchanged|New in|Replaces/.test(old), old);
  });

  it('in the bundled nisc-2024, an item says which nisc-2008 items it replaces in Kijun\'s reading', () => {
    const w = new Workspace(bundled());
    const uri = 'file:///ws/s.yaml';
    const text = lines('kijun: standard', 'guideline: nisc-2024', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 体制, covers: [G24-1-2]}');
    w.set(uri, text, 'yaml');
    assert.strictEqual(hoverText(w, uri, text.indexOf('G24-1-2'), 'en')!.markdown.split('\n').at(-1),
      '**Replaces** `G-II-1-1` Kijun補足 柱1-1 責任体制の明確化, `G-II-1-2` Kijun補足 柱1-2 要員の教育・訓練, `G-II-1-3` Kijun補足 柱1-3 資源の確保 of nisc-2008 (merged; Kijun\'s reading, provisional).');
  });
});
