import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { complete, coverageRows, hoverText, Locale, renderText, Workspace } from '../../server/src/core';
import { bundled, check, lines, readRepoFile, repoRoot, workspaceWith } from '../helpers';

/**
 * The bundled guideline data (guidelines/*.yaml): every statement is the seed paper's, a public fact with a
 * citation, or visibly Kijun's own (README, "Bundled guidelines").
 */
const guidelineFiles = fs.readdirSync(path.join(repoRoot, 'guidelines')).filter((f) => f.endsWith('.yaml')).sort();

interface Entry {
  where: string;
  source?: string;
  provisional?: boolean;
  unconfirmed?: boolean;
}

/** Every entry that may carry a `source:` (the document, sectors, sub-sectors, threats, examples, sub-types, items). */
function entries(file: string): Entry[] {
  const doc = parse(readRepoFile(`guidelines/${file}`)) as Record<string, unknown>;
  const found: Entry[] = [{ where: `${file}`, source: doc.source as string | undefined }];
  const add = (where: string, node: Record<string, unknown>) => found.push({
    where: `${file} ${where} ${String(node.id)}`,
    source: node.source as string | undefined,
    provisional: node.provisional as boolean | undefined,
    unconfirmed: node.unconfirmed as boolean | undefined,
  });
  for (const sector of (doc.sectors ?? []) as Record<string, unknown>[]) {
    add('sector', sector);
    for (const sub of (sector.subsectors ?? []) as Record<string, unknown>[]) add('sub-sector', sub);
  }
  for (const threat of (doc.threats ?? []) as Record<string, unknown>[]) {
    add('threat', threat);
    for (const example of (threat.examples ?? []) as Record<string, unknown>[]) add('example', example);
    for (const subtype of (threat.subtypes ?? []) as Record<string, unknown>[]) add('sub-type', subtype);
  }
  const walk = (items: Record<string, unknown>[]) => {
    for (const item of items) {
      add('item', item);
      walk((item.items ?? []) as Record<string, unknown>[]);
    }
  };
  walk((doc.items ?? []) as Record<string, unknown>[]);
  return found;
}

/** The seed paper, cited by title; a slide number follows (pN, its "Copyright … N" footer). */
const seedTitle = 'NISC（2008）資料４『「重要インフラの情報セキュリティ対策に係る行動計画」の見直し』';

const guideline = (id: string) => bundled().find((b) => b.uri === `bundled:${id}.yaml`)!;
const catalogOf = (id: string) => workspaceWith().catalog(id)!;

describe('bundled data: citations a user can follow', () => {
  it('ships nisc-2007 (the first plan\'s three-kind threat table), nisc-2008 and nisc-2024', () => {
    assert.deepStrictEqual(guidelineFiles, ['nisc-2007.yaml', 'nisc-2008.yaml', 'nisc-2024.yaml']);
    assert.deepStrictEqual(bundled().map((b) => b.uri), guidelineFiles.map((f) => `bundled:${f}`));
  });

  it('no source names a repository path that does not exist, nor the project\'s research notes', () => {
    for (const file of guidelineFiles) {
      const text = readRepoFile(`guidelines/${file}`);
      assert.ok(!/facts\.md|seed-model\.md|docs\/domain/.test(text), `${file} cites the research notes`);
      for (const entry of entries(file)) {
        for (const [candidate] of (entry.source ?? '').matchAll(/(?<![\w/.:-])[\w-]+(?:\/[\w.-]+)+\.(?:md|ya?ml|ts|json|txt)\b/g)) {
          assert.ok(fs.existsSync(path.join(repoRoot, candidate)), `${entry.where}: ${candidate}`);
        }
      }
    }
  });

  it('every source cites the seed by title and slide, or a public document with a date and URL, or says it is Kijun\'s own', () => {
    for (const file of guidelineFiles) {
      for (const entry of entries(file)) {
        const source = entry.source;
        if (source === undefined) continue;
        assert.ok(!/\bseed\b/i.test(source), `${entry.where}: "seed" is not a citation a user can follow: ${source}`);
        const citesSeed = source.includes(seedTitle) && /p\d+/.test(source.slice(source.indexOf(seedTitle)));
        const urls = [...source.matchAll(/https?:\/\/\S+/g)].length;
        const citesPublic = urls > 0 && /\d{4}|日付なし|undated/.test(source);
        const kijunsOwn = /Kijun's/.test(source) && (entry.provisional === true || entry.unconfirmed === true);
        assert.ok(citesSeed || citesPublic || kijunsOwn, `${entry.where}: ${source}`);
        if (/Kijun's/.test(source) && !citesSeed && !citesPublic) {
          assert.ok(entry.provisional || entry.unconfirmed, `${entry.where}: Kijun's own data must be provisional or unconfirmed`);
        }
      }
    }
  });

  it('the document, every sector, threat kind and item says where it comes from (sub-sectors, examples and sub-types may inherit)', () => {
    for (const file of guidelineFiles) {
      const missing = entries(file).filter((e) => e.source === undefined && !/ (sub-sector|example|sub-type) /.test(e.where));
      assert.deepStrictEqual(missing.map((e) => e.where), [], file);
    }
  });

  it('nisc-2008 says in its title and description that it combines the 2007 guideline with the 2008 proposals', () => {
    const model = guideline('nisc-2008');
    const doc = parse(model.text) as { title: string; description: string; edition: number; 'decided-by'?: string };
    assert.match(doc.title, /（2007年版）に2008年の見直し案を当てはめたもの（Kijun編）$/);
    assert.match(doc.description, /p17/);
    assert.match(doc.description, /p20/);
    assert.match(doc.description, /公式に決定された文書ではない/);
    assert.strictEqual(doc.edition, 2007);
    assert.strictEqual(doc['decided-by'], undefined, 'no body decided this combination');
  });
});

describe('bundled data: Kijun\'s own items are provisional', () => {
  const provisionalIds = (id: string) => catalogOf(id).uniqueItems.filter((i) => i.provisional).map((i) => i.id.value);

  it('exactly the nine Kijun sub-items of nisc-2008 and all eighteen items of nisc-2024; none in nisc-2007', () => {
    assert.deepStrictEqual(provisionalIds('nisc-2008'), ['G-II-1-1', 'G-II-1-2', 'G-II-1-3', 'G-II-2-1', 'G-II-2-2', 'G-II-3-1', 'G-II-4-1', 'G-II-4-2', 'G-II-4-3']);
    const nisc2024 = catalogOf('nisc-2024');
    assert.strictEqual(nisc2024.uniqueItems.length, 18);
    assert.deepStrictEqual(provisionalIds('nisc-2024'), nisc2024.uniqueItems.map((i) => i.id.value));
    assert.deepStrictEqual(provisionalIds('nisc-2007'), []);
  });

  it('labels that are not the guideline\'s numbering do not look like it', () => {
    for (const id of ['nisc-2007', 'nisc-2008', 'nisc-2024']) {
      for (const item of catalogOf(id).uniqueItems) {
        const label = item.label!.value;
        if (item.provisional) assert.match(label, /^Kijun/, `${id} ${item.id.value}`);
        else if (item.id.value.startsWith('P28-')) assert.match(label, /^p28表 /, `${id} ${item.id.value}: a row of the seed's table`);
        else if (/^G-II-[1-4]$/.test(item.id.value)) assert.match(label, /^4つの柱 [1-4]$/, `${id} ${item.id.value}: the pillar, not a number inside Ⅱ`);
        else assert.ok(['Ⅰ', 'Ⅱ', 'Ⅱ3.(4)②', 'Ⅱ3.(4)②ア', 'Ⅱ3.(4)②ア(イ)', 'Ⅱ3.(4)②イ（推定）', 'Ⅱ3.(4)②ウ（推定）', 'Ⅲ', 'Ⅲ(1)'].includes(label), `${id} ${item.id.value}: ${label}`);
      }
    }
  });

  it('by default, no provisional item raises a must-consider warning: an empty standard of each sector gets information for them', () => {
    for (const id of ['nisc-2007', 'nisc-2008', 'nisc-2024']) {
      const catalog = catalogOf(id);
      for (const sector of catalog.sectors) {
        const text = lines('kijun: standard', `guideline: ${id}`, 'id: s', 'title: 空の基準', `sector: ${sector.id.value}`, 'class: 4');
        const analysis = workspaceWith({ uri: 'file:///ws/s.yaml', text }).analyze('file:///ws/s.yaml');
        const byCode = (code: string) => analysis.findings.filter((f) => f.code === code).map((f) => f.itemId!);
        const provisional = new Set(catalog.uniqueItems.filter((i) => i.provisional).map((i) => i.id.value));
        assert.deepStrictEqual(byCode('coverage.uncovered').filter((item) => provisional.has(item)), [], `${id} ${sector.id.value}`);
        for (const item of byCode('coverage.uncovered-provisional')) assert.ok(provisional.has(item), `${id} ${sector.id.value} ${item}`);
        if (id === 'nisc-2024') assert.deepStrictEqual(byCode('coverage.uncovered'), [], 'nisc-2024: every item is Kijun\'s');
      }
    }
  });

  it('nisc-2008: by default the pillars are leaves a clause covers directly; binding, their provisional sub-items decide them', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 責任, covers: [G-II-1-1]}');
    const advisory = workspaceWith({ uri: 'file:///ws/s.yaml', text }).analyze('file:///ws/s.yaml');
    const entry = (report: typeof advisory.coverage, id: string) => report!.items.find((i) => i.item.id.value === id)!;
    assert.deepStrictEqual([entry(advisory.coverage, 'G-II-1').status, entry(advisory.coverage, 'G-II-1').children], ['uncovered', undefined]);
    assert.deepStrictEqual(advisory.findings.filter((f) => f.code === 'coverage.uncovered').map((f) => f.itemId),
      ['G-II-1', 'G-II-2', 'G-II-3-4-2-A-b', 'G-II-3-4-2-B', 'G-II-3-4-2-C', 'G-II-4']);
    const binding = new Workspace(bundled(), { coverage: { provisional: 'binding' } });
    binding.set('file:///ws/s.yaml', text, 'yaml');
    const bound = binding.analyze('file:///ws/s.yaml');
    assert.deepStrictEqual([entry(bound.coverage, 'G-II-1').status, entry(bound.coverage, 'G-II-1').children], ['partial', { done: 1, total: 3 }]);
    assert.ok(bound.findings.some((f) => f.code === 'coverage.uncovered' && f.itemId === 'G-II-1-2'));
  });

  it('the mark shows in hover, in completion and in the code lens text, in both languages', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 金融', 'class: 4', 'clauses:', '  - {id: S-1, title: 責任, covers: [G-II-1-1]}');
    const workspace = workspaceWith({ uri: 'file:///ws/s.yaml', text });
    const hover = (locale: Locale) => hoverText(workspace, 'file:///ws/s.yaml', text.indexOf('G-II-1-1') + 1, locale)!.markdown;
    const source = "_Source: Kijun's own suggestion for the topic of pillar 1; the guideline's sub-items were not available._";
    assert.strictEqual(hover('en'), [
      '**Kijun補足 柱1-1 責任体制の明確化** — Clear assignment of responsibilities',
      '',
      '`G-II-1-1` · 要検討事項 · 抽象的内容（provisional, Kijun） (must be considered for inclusion) · nisc-2008',
      '',
      '情報セキュリティに関する最終責任者と各部門の役割を定め、障害発生時の指揮命令系統を明らかにしておく。',
      '',
      "_Provisional item: Kijun's own suggestion, not the guideline's. It raises no must-consider warning unless provisional items are made binding (setting kijun.provisionalItems, CLI --provisional binding)._",
      '',
      source,
    ].join('\n'));
    assert.strictEqual(hover('ja').split('\n\n').slice(1, 2).concat(hover('ja').split('\n\n').slice(3)).join('\n\n'), [
      '`G-II-1-1` · 要検討事項 · 抽象的内容（暫定・Kijun補足） · nisc-2008',
      '_暫定項目: 指針ではなく Kijun による補足です。暫定項目を拘束的に扱う設定（kijun.provisionalItems、CLI の --provisional binding）をしない限り、要検討事項の警告は出ません。_',
      "_出典: Kijun's own suggestion for the topic of pillar 1; the guideline's sub-items were not available._",
    ].join('\n\n'));
    const at = text.indexOf('covers: [') + 'covers: ['.length;
    const suggestions = (locale: Locale) => complete({
      text, offset: at, format: 'yaml', locale, catalog: workspace.catalog('nisc-2008'), coverage: workspace.analyze('file:///ws/s.yaml').coverage,
      guidelineIds: () => [], standardIds: () => [],
    }).suggestions;
    // Each row: the id with its title, and beside them the label, obligation, the provisional mark and the coverage.
    const row = (locale: Locale, id: string) => {
      const s = suggestions(locale).find((x) => x.label === id)!;
      return `${s.label}${s.labelDetail} — ${s.labelDescription}`;
    };
    assert.strictEqual(row('ja', 'G-II-1-3'), 'G-II-1-3 資源の確保 — Kijun補足 柱1-3 · 要検討事項 · 暫定・Kijun補足 · 未対応');
    assert.strictEqual(row('en', 'G-II-1-3'), 'G-II-1-3 Securing resources — Kijun補足 柱1-3 · must-consider · provisional, Kijun · uncovered');
    assert.strictEqual(row('en', 'G-II-1'), 'G-II-1 Organisation, structure and resources — 4つの柱 1 · must-consider · uncovered');
    // Uncovered must-consider items first; an uncovered provisional item ranks with the reference items.
    const rank = (id: string) => suggestions('en').find((s) => s.label === id)!.sortText[0];
    assert.deepStrictEqual([rank('G-II-1'), rank('G-II-1-3'), rank('P28-finance-1'), rank('G-II-1-1')], ['0', '1', '1', '3']);
    assert.strictEqual(renderText('lens.item-provisional', { clauses: 1, standards: 1 }, 'en'), "provisional (Kijun's suggestion) · covered by 1 clause in 1 standard");
    assert.strictEqual(renderText('lens.item-provisional', { clauses: 2, standards: 1 }, 'ja'), '暫定項目（Kijun による補足）· 1 件の安全基準等の 2 条項が対応');
  });

  it('reports carry the mark: the coverage rows say which items are provisional', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 医療', 'class: 4');
    const report = workspaceWith({ uri: 'file:///ws/s.yaml', text }).analyze('file:///ws/s.yaml').coverage!;
    const rows = coverageRows(report, 'ja');
    assert.deepStrictEqual(rows.filter((r) => r.provisional).map((r) => `${r.id} ${r.obligation}`), [
      'G-II-1-1 reference', 'G-II-1-2 reference', 'G-II-1-3 reference', 'G-II-2-1 reference', 'G-II-2-2 reference',
      'G-II-3-1 reference', 'G-II-4-1 reference', 'G-II-4-2 reference', 'G-II-4-3 reference',
    ]);
  });
});

describe('bundled data: the p28 table\'s measures under the items they belong to', () => {
  /** id → [parent, relation, sectors]: Kijun's reading of the scrambled table, stated in each item's source. */
  const placements: Record<string, [string, string, string[]]> = {
    'P28-telecom-1': ['G-II-3-4-2-A-b', 'checklist', ['telecom.telecommunications']],
    'P28-telecom-2': ['G-II-3-4-2-A-b', 'checklist', ['telecom.telecommunications']],
    'P28-telecom-3': ['G-II-3-4-2-A-b', 'checklist', ['telecom.telecommunications']],
    'P28-telecom-4': ['G-II-3-4-2-B', 'checklist', ['telecom.telecommunications']],
    'P28-finance-1': ['G-II-3-4-2-A-b', 'commentary', ['finance']],
    'P28-finance-2': ['G-II-2', 'commentary', ['finance']],
    'P28-finance-3': ['G-II-4', 'commentary', ['finance']],
    'P28-finance-4': ['G-II-4', 'commentary', ['finance']],
    'P28-railway-1': ['G-II-3-4-2-A-b', 'concretised', ['railway']],
    'P28-electricity-1': ['G-II-3-4-2-A-b', 'concretised', ['electricity']],
    'P28-gas-1': ['G-II-3-4-2-A-b', 'worst-case', ['gas']],
    'P28-gas-2': ['G-II-3-4-2-A-b', 'worst-case', ['gas']],
    'P28-government-1': ['G-II-3-4-2-A-b', 'model-text', ['government']],
    'P28-medical-1': ['G-II-3-4-2-A-b', 'concretised', ['medical']],
    'P28-medical-2': ['G-II-3-4-2-A-b', 'concretised', ['medical']],
    'P28-medical-3': ['G-II-3-4-2-A-b', 'concretised', ['medical']],
    'P28-water-1': ['G-II-3-4-2-A-b', 'implementation', ['water']],
    'P28-water-2': ['G-II-3-4-2-A-b', 'implementation', ['water']],
  };

  it('each measure under its item, with the relation kind of its row and its (sub-)sector', () => {
    const catalog = catalogOf('nisc-2008');
    const concrete = catalog.uniqueItems.filter((i) => i.level === 'concrete');
    assert.deepStrictEqual(concrete.map((i) => i.id.value).sort(), Object.keys(placements).sort());
    for (const item of concrete) {
      const [parent, relation, sectors] = placements[item.id.value];
      assert.deepStrictEqual([catalog.parentOf(item)?.id.value, item.relation, item.sectors !== 'all' && item.sectors.map((s) => s.value), item.obligation],
        [parent, relation, sectors, 'reference'], item.id.value);
    }
  });

  it('data protection, unauthorised use, malware and leak measures are not "consistency with the BCP", and the sources say the placement is Kijun\'s reading', () => {
    const catalog = catalogOf('nisc-2008');
    for (const id of ['P28-telecom-4', 'P28-finance-2', 'P28-finance-3', 'P28-finance-4', 'P28-railway-1', 'P28-electricity-1']) {
      const item = catalog.item(id)!;
      assert.match(item.source!, /Kijun's reading/, id);
    }
    const underBcp = catalog.children(catalog.item('G-II-3-4-2-A-b')!).map((i) => i.title!.value);
    for (const title of ['データ保護', '不正使用防止', '不正プログラム防止', '重要情報漏えいへの対応']) assert.ok(!underBcp.includes(title), title);
  });

  it('reports carry the relation kind: the coverage rows of a concrete measure', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 水道', 'class: 4');
    const rows = coverageRows(workspaceWith({ uri: 'file:///ws/s.yaml', text }).analyze('file:///ws/s.yaml').coverage!, 'en');
    assert.deepStrictEqual(rows.filter((r) => r.relation).map((r) => `${r.id} ${r.relation}`), ['P28-water-1 implementation', 'P28-water-2 implementation']);
    assert.strictEqual(rows.find((r) => r.id === 'G-II-1')!.relation, undefined);
  });

  it('the relation kind has Japanese wording in hover, from the vocabulary', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: ガス', 'class: 4', 'clauses:', '  - {id: S-1, title: 最悪, covers: [P28-gas-1]}');
    const workspace = workspaceWith({ uri: 'file:///ws/s.yaml', text });
    const hover = (locale: Locale) => hoverText(workspace, 'file:///ws/s.yaml', text.indexOf('P28-gas-1') + 1, locale)!.markdown.split('\n\n');
    assert.ok(hover('ja').includes('指針との対応（2008年の見直し資料 p28）: 想定し得る最悪のケースの具体化'), hover('ja').join('\n'));
    assert.ok(hover('en').includes('Relation to the guideline (2008 review paper, p28): worst cases made concrete'), hover('en').join('\n'));
    assert.ok(hover('ja').includes('対象分野: ガス'));
  });

  it('sub-sector scoping: 電気通信 measures do not apply to a 放送 standard; coverage, reports and completion follow', () => {
    const scoped = (subsector: string | undefined) => {
      const text = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 情報通信', ...(subsector ? [`subsector: ${subsector}`] : []), 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: []}');
      const workspace = workspaceWith({ uri: 'file:///ws/s.yaml', text });
      const coverage = workspace.analyze('file:///ws/s.yaml').coverage!;
      const rows = coverageRows(coverage, 'en').map((r) => r.id).filter((id) => id.startsWith('P28-'));
      const offset = text.indexOf('covers: [') + 'covers: ['.length;
      const ranked = complete({ text, offset, format: 'yaml', locale: 'en', catalog: workspace.catalog('nisc-2008'), coverage, guidelineIds: () => [], standardIds: () => [] })
        .suggestions.filter((s) => s.label.startsWith('P28-telecom')).map((s) => s.sortText[0]);
      return { rows, ranked };
    };
    // Last, and marked not applicable (対象外), for a 放送 standard.
    assert.deepStrictEqual(scoped('放送'), { rows: [], ranked: ['4', '4', '4', '4'] });
    assert.deepStrictEqual(scoped('電気通信'), { rows: ['P28-telecom-1', 'P28-telecom-2', 'P28-telecom-3', 'P28-telecom-4'], ranked: ['1', '1', '1', '1'] });
    assert.deepStrictEqual(scoped(undefined).rows, ['P28-telecom-1', 'P28-telecom-2', 'P28-telecom-3', 'P28-telecom-4']);
    const broadcast = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 情報通信', 'subsector: 放送', 'class: 3', 'clauses:', '  - {id: S-1, title: x, covers: [P28-telecom-1]}');
    assert.deepStrictEqual(check({ uri: 'file:///ws/s.yaml', text: broadcast }, [], 'en', (f) => f.code === 'covers.not-applicable'), [
      { code: 'covers.not-applicable', range: '9:34-9:47', severity: 'warning', message: 'Item P28-telecom-1 (p28表 電気通信1) does not apply to sector 情報通信（放送）; covering it counts for nothing.' },
    ]);
  });
});

describe('bundled data: threats as the seed writes them (p16, p17)', () => {
  const standardWith = (guidelineId: string, threats: string[]) => ({
    uri: 'file:///ws/s.yaml',
    text: lines('kijun: standard', `guideline: ${guidelineId}`, 'id: s', 'title: 基準', 'sector: 金融', 'class: 3', 'clauses:', `  - {id: S-1, title: x, threats: [${threats.join(', ')}]}`),
  });

  it('nisc-2008: the seed\'s own words resolve (threat ③\'s facility damages, the first plan\'s words, the examples inside 「例：…」)', () => {
    const words = ['コンピュータ施設の損壊', '水道設備の損壊', 'パンデミック', 'サービス不能攻撃', '外部委託', '疾病', '電力設備の損壊', '通信設備の損壊',
      '首都圏直下地震', '荒川の氾濫', '新型インフルエンザの大流行', 'サイバー攻撃', 'サイバー攻撃によるＩＴ障害への脅威', '災害によるＩＴ障害への脅威', 'バグ'];
    assert.deepStrictEqual(check(standardWith('nisc-2008', words), [], 'en', (f) => f.code === 'threat.unknown'), []);
    const catalog = catalogOf('nisc-2008');
    const resolved = (name: string) => {
      const match = catalog.findThreat(name)!;
      return `${match.threat.id.value} ${match.example?.id.value ?? '-'} ${match.example?.responder ?? '-'}`;
    };
    assert.deepStrictEqual(['コンピュータ施設の損壊', '大規模な地震、水害によるコンピュータ施設の損壊', 'パンデミック', '疾病', 'サービス不能攻撃', '外部委託', '内部不正'].map(resolved), [
      'disaster disaster.computer-facility-damage operator',
      'disaster disaster.large-computer-facility-damage society',
      'disaster disaster.pandemic society',
      'disaster - -',
      'intentional intentional.dos operator',
      'unintentional unintentional.outsourcing operator',
      'intentional intentional.insider operator',
    ]);
  });

  it('nisc-2008 ③ has the hazards and the four facility damages for both responders', () => {
    const disaster = catalogOf('nisc-2008').threats.find((t) => t.id.value === 'disaster')!;
    const labels = (responder: string) => disaster.examples.filter((e) => e.responder === responder).map((e) => e.label.value);
    assert.deepStrictEqual(labels('operator'), ['地震', '水害', '落雷', '火災', '電力設備の損壊', '通信設備の損壊', '水道設備の損壊', 'コンピュータ施設の損壊']);
    assert.deepStrictEqual(labels('society'), [
      '大規模な地震（例：首都圏直下地震）', '大規模な水害（例：荒川の氾濫）', '大規模な地震、水害による電力設備の損壊', '大規模な地震、水害による通信設備の損壊',
      '大規模な地震、水害による水道設備の損壊', '大規模な地震、水害によるコンピュータ施設の損壊', 'パンデミック（例：新型インフルエンザの大流行）によるオペレータの不足',
    ]);
  });

  it('nisc-2007 ships the first plan\'s three kinds (p16), without a responder axis; 内部不正 is ② there', () => {
    const catalog = catalogOf('nisc-2007');
    assert.deepStrictEqual(catalog.threats.map((t) => `${t.id.value} ${t.label.value} ${t.direction}`), [
      'cyber-attack サイバー攻撃によるＩＴ障害への脅威 received',
      'unintentional 非意図的要因によるＩＴ障害への脅威 received',
      'disaster 災害によるＩＴ障害への脅威 received',
    ]);
    assert.ok(catalog.threats.every((t) => t.examples.every((e) => e.responder === undefined)));
    assert.strictEqual(catalog.findThreat('内部不正')?.threat.id.value, 'unintentional');
    assert.strictEqual(catalog.findThreat('電力供給の途絶')?.threat.id.value, 'disaster');
    assert.deepStrictEqual(check(standardWith('nisc-2007', ['サービス不能攻撃', '外部委託', 'コンピュータ施設の損壊', '落雷']), [], 'en', (f) => f.code === 'threat.unknown'), []);
    // The 2008 proposals are not in it: no 疾病, no ④.
    assert.deepStrictEqual(check(standardWith('nisc-2007', ['疾病', 'spillover']), [], 'en', (f) => f.code === 'threat.unknown').map((f) => f.range), ['8:35-8:37', '8:39-8:48']);
  });

  it('a plan of nisc-2007 illustrates each kind once, with no responder to name', () => {
    const plan = {
      uri: 'file:///ws/plan.yaml',
      text: lines('kijun: action-plan', 'guideline: nisc-2007', 'id: p1', 'title: 第1次行動計画', 'period: {from: 2006, to: 2008}', 'sectors: []', 'threats:',
        '  - {threat: cyber-attack, direction: received, examples: [不正侵入]}', '  - {threat: unintentional, examples: [内部不正]}', '  - {threat: 災害, examples: [落雷]}'),
    };
    assert.deepStrictEqual(check(plan, [], 'en', (f) => f.code.startsWith('plan.threat') || f.code.startsWith('plan.responder') || f.code === 'schema.required'), []);
  });

  it('hover on a threat shows its source; nisc-2024\'s unconfirmed classification shows 未確認', () => {
    const text = lines('kijun: standard', 'guideline: nisc-2024', 'id: s', 'title: 基準', 'sector: 金融', 'subsector: 銀行', 'class: 3', 'clauses:', '  - {id: S-1, title: x, threats: [accidental]}');
    const workspace = workspaceWith({ uri: 'file:///ws/s.yaml', text });
    const hover = (needle: string, locale: Locale) => hoverText(workspace, 'file:///ws/s.yaml', text.indexOf(needle) + 1, locale)!.markdown;
    assert.strictEqual(hover('accidental', 'ja'), [
      '**偶発的要因**', '', '`accidental` · 自ら受ける脅威', '', '操作・設定の誤り、プログラムの欠陥、保守や管理の不備など、意図しない原因。', '',
      '_未確認: 公開資料で確認できていない情報です。_', '', "_出典: Kijun's recollection of the 3rd-plan-era classification; not found in a published source._",
    ].join('\n'));
    assert.ok(hover('accidental', 'en').includes('_未確認 (unconfirmed): not confirmed against a published source._'));
    assert.ok(hover('銀行', 'ja').endsWith("_未確認: 公開資料で確認できていない情報です。_\n\n_出典: Kijun's carry-over from nisc-2008; the current plan's own sub-division was not checked_"));
    assert.ok(hover('金融', 'en').endsWith('_Source: NISC 重要インフラのページ（日付なし）https://www.nisc.go.jp/policy/group/infra/index.html_'), hover('金融', 'en'));
    const seed = lines('kijun: standard', 'guideline: nisc-2008', 'id: s', 'title: 基準', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: x, threats: [パンデミック]}');
    const seedWorkspace = workspaceWith({ uri: 'file:///ws/t.yaml', text: seed });
    const example = hoverText(seedWorkspace, 'file:///ws/t.yaml', seed.indexOf('パンデミック') + 1, 'ja')!.markdown;
    assert.strictEqual(example, [
      '**パンデミック（例：新型インフルエンザの大流行）によるオペレータの不足**', '', '`disaster.pandemic` · 災害や疾病によるIT障害への脅威', '', '社会全体で対応が望まれる脅威', '',
      `_出典: ${seedTitle}p17（たたき台の表の③。第1次行動計画の「災害」（p16）に疾病とパンデミックを加えたもの）. The paper lists the damages in one sentence per responder （「…による電力設備の損壊、通信設備の損壊、水道設備の損壊、コンピュータ施設の損壊 等」）; Kijun splits it into one example each._`,
    ].join('\n'));
  });
});
