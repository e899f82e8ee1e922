import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { uuidV5 } from '../../server/src/reports/oscal';
import { lines } from '../helpers';
import { kijun } from '../cli/harness';
import { flawedFiles } from './fixtures';
import { TempFolders, validateCatalog, validateComponent } from './harness';

const NS = 'https://kijun.dev/ns/oscal';
const kijunProp = (name: string, value: string) => ({ name, ns: NS, value });

/** A guideline with what the catalog must carry: nesting, sources (one shared), a provisional item, an id starting with a digit. */
const guideline = lines(
  'kijun: guideline',
  'id: og',
  'title: 輸出用指針',
  'title-en: Guideline for export',
  'edition: 第2版',
  'description: 試験用の指針。',
  'source: 試験資料 p1',
  'sectors:',
  '  - {id: finance, label: 金融}',
  '  - {id: medical, label: 医療}',
  'threats:',
  '  - id: intentional',
  '    label: 意図的要因',
  '    direction: received',
  '    examples:',
  '      - {id: intentional.dos, label: サービス不能攻撃, responder: operator}',
  'items:',
  '  - id: A',
  '    label: Ⅰ',
  '    title: 体制',
  '    title-en: Organisation',
  '    obligation: must-consider',
  '    level: abstract',
  '    text: 体制を整える。',
  '    source: 試験資料 p2',
  '    items:',
  '      - {id: A-1, label: Ⅰ1, title: 責任者, obligation: must-consider, level: concrete, sectors: [金融], threats: [サービス不能攻撃], source: 試験資料 p2}',
  '      - {id: A-2, label: Ⅰ補足, title: 補足, obligation: must-consider, level: abstract, provisional: true, unconfirmed: true, relation: checklist}',
  '  - {id: 2B, label: Ⅱ, title: 数字で始まる, obligation: reference, level: abstract, threats: [intentional]}',
);

const standard = lines(
  'kijun: standard',
  'guideline: og',
  'id: os',
  'title: 輸出用基準',
  'sector: 金融',
  'class: 2',
  'publisher: 試験協会',
  'edition: 2024',
  'clauses:',
  '  - id: S-1',
  '    title: 責任者の任命',
  '    covers: [A-1, A-2]',
  '    text: 責任者を任命する。',
  '  - id: S-2',
  '    title: 補足',
  '    covers: [A-2]',
  'exclusions:',
  '  - {item: 2B, reason: 該当する業務がないため}',
);

const markdownStandard = lines(
  '---', 'kijun: standard', 'guideline: og', 'id: om', 'title: Markdown 基準', 'sector: 医療', 'class: 4', '---',
  '# Markdown 基準', '', '## 1.1 体制', 'covers: A', 'threats: intentional', '', '体制を整える。', '責任者を置く。', '',
  '### 補記', '見出しの下の別の節。', '', '## 1.2 補足', '対応指針: A-2',
);

const modified = new Date('2024-05-01T10:00:00Z');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('kijun export --oscal', () => {
  const temp = new TempFolders();
  after(() => temp.remove());

  /** A folder with the documents, all last modified at `modified`. */
  function folderWith(files: Record<string, string>): string {
    const folder = temp.make(files);
    for (const name of Object.keys(files)) fs.utimesSync(path.join(folder, name), modified, modified);
    return folder;
  }

  it('a guideline is an OSCAL 1.0.6 catalog: items as nested controls with label, obligation, level and provisional props, sources in the back matter', async () => {
    const result = await kijun(['export', '--oscal', 'g.yaml'], folderWith({ 'g.yaml': guideline }));
    assert.deepStrictEqual([result.code, result.stderr], [0, '']);
    const document = JSON.parse(result.stdout);
    assert.deepStrictEqual(validateCatalog(document), []);
    const p2 = uuidV5('source:og:試験資料 p2');
    const p1 = uuidV5('source:og:試験資料 p1');
    const statement = (id: string, prose?: string) => [{ id: `${id}_smt`, name: 'statement', ...(prose ? { prose } : {}) }];
    assert.deepStrictEqual(document, {
      catalog: {
        uuid: uuidV5(`catalog:og:${sha256(guideline)}`),
        metadata: {
          title: '輸出用指針',
          'last-modified': '2024-05-01T10:00:00.000Z',
          version: '第2版',
          'oscal-version': '1.0.6',
          'document-ids': [{ scheme: `${NS}/document-id`, identifier: 'og' }],
          props: [kijunProp('title-en', 'Guideline for export')],
          links: [{ href: `#${p1}`, rel: 'reference' }],
          remarks: '試験用の指針。',
        },
        controls: [
          {
            id: 'A',
            title: '体制',
            props: [{ name: 'label', value: 'Ⅰ' }, kijunProp('title-en', 'Organisation'), kijunProp('obligation', 'must-consider'), kijunProp('level', 'abstract'), kijunProp('sector', 'all')],
            links: [{ href: `#${p2}`, rel: 'reference' }],
            parts: statement('A', '体制を整える。'),
            controls: [
              {
                id: 'A-1',
                title: '責任者',
                props: [{ name: 'label', value: 'Ⅰ1' }, kijunProp('obligation', 'must-consider'), kijunProp('level', 'concrete'), kijunProp('sector', 'finance'), kijunProp('threat', 'intentional.dos')],
                links: [{ href: `#${p2}`, rel: 'reference' }],
                parts: statement('A-1'),
              },
              {
                id: 'A-2',
                title: '補足',
                props: [
                  { name: 'label', value: 'Ⅰ補足' }, kijunProp('obligation', 'must-consider'), kijunProp('level', 'abstract'), kijunProp('sector', 'all'),
                  kijunProp('relation', 'checklist'), kijunProp('provisional', 'true'), kijunProp('unconfirmed', 'true'),
                ],
                parts: statement('A-2'),
              },
            ],
          },
          {
            id: '_2B',
            title: '数字で始まる',
            props: [{ name: 'label', value: 'Ⅱ' }, kijunProp('obligation', 'reference'), kijunProp('level', 'abstract'), kijunProp('sector', 'all'), kijunProp('threat', 'intentional')],
            parts: statement('_2B'),
          },
        ],
        'back-matter': {
          resources: [
            { uuid: p1, citation: { text: '試験資料 p1' }, title: 'Source of og' },
            { uuid: p2, citation: { text: '試験資料 p2' }, title: 'Source of A, A-1' },
          ],
        },
      },
    });
    // The same export twice is the same text (name-based UUIDs); in Japanese, the framing words follow.
    const again = await kijun(['export', '--oscal', 'g.yaml', '--locale', 'ja'], folderWith({ 'g.yaml': guideline }));
    assert.strictEqual(again.stdout, result.stdout.replace('"Source of og"', '"og の出典"').replace('"Source of A, A-1"', '"A, A-1 の出典"'));
  });

  it('a standard is an OSCAL 1.0.6 component definition: the covered items as implemented requirements, clauses as statements, exclusions as remarks', async () => {
    const folder = folderWith({ 'g.yaml': guideline, 's.yaml': standard });
    const result = await kijun(['export', '--oscal', 's.yaml', 'g.yaml', '--locale', 'en'], folder);
    assert.deepStrictEqual([result.code, result.stderr], [0, '']);
    const document = JSON.parse(result.stdout);
    assert.deepStrictEqual(validateComponent(document), []);
    const guidelineResource = uuidV5('guideline:og');
    const statement = (item: string, clause: string, description: string) => ({
      'statement-id': `${item}_smt`, uuid: uuidV5(`statement:os:${item}:${clause}`), description, props: [kijunProp('clause-id', clause)],
    });
    assert.deepStrictEqual(document['component-definition'], {
      uuid: uuidV5(`component-definition:os:${sha256(standard)}`),
      metadata: { title: '輸出用基準', 'last-modified': '2024-05-01T10:00:00.000Z', version: '2024', 'oscal-version': '1.0.6', 'document-ids': [{ scheme: `${NS}/document-id`, identifier: 'os' }] },
      components: [{
        uuid: uuidV5('component:os'),
        type: 'standard',
        title: '輸出用基準',
        description: 'Safety standard (安全基準等) os of sector 金融, class 2, following guideline og.',
        props: [kijunProp('sector', 'finance'), kijunProp('class', '2'), kijunProp('guideline', 'og'), kijunProp('publisher', '試験協会')],
        'control-implementations': [{
          uuid: uuidV5('control-implementation:os:og'),
          source: `#${guidelineResource}`,
          description: 'The items of guideline og that the clauses of os cover.',
          'implemented-requirements': [
            {
              uuid: uuidV5('implemented-requirement:os:A-1'),
              'control-id': 'A-1',
              description: 'Covered by clause(s) S-1 of os.',
              statements: [statement('A-1', 'S-1', 'S-1 責任者の任命\n\n責任者を任命する。')],
            },
            {
              uuid: uuidV5('implemented-requirement:os:A-2'),
              'control-id': 'A-2',
              description: 'Covered by clause(s) S-1, S-2 of os.',
              statements: [statement('A-2', 'S-1', 'S-1 責任者の任命\n\n責任者を任命する。'), statement('A-2', 'S-2', 'S-2 補足')],
            },
          ],
        }],
        remarks: 'Guideline items excluded (規定する必要がない):\n\n- 2B Ⅱ 数字で始まる: 該当する業務がないため',
      }],
      'back-matter': {
        resources: [{
          uuid: guidelineResource,
          title: 'Guideline og: 輸出用指針',
          'document-ids': [{ scheme: `${NS}/document-id`, identifier: 'og' }],
          rlinks: [{ href: 'og.catalog.json', 'media-type': 'application/oscal.catalog+json' }],
        }],
      },
    });
    const ja = JSON.parse((await kijun(['export', '--oscal', 's.yaml', 'g.yaml', '--locale', 'ja'], folder)).stdout)['component-definition'].components[0];
    assert.deepStrictEqual([ja.description, ja['control-implementations'][0].description, ja['control-implementations'][0]['implemented-requirements'][1].description, ja.remarks], [
      '分野「金融」の安全基準等 os（分類 2）。準拠する指針: og。',
      'os の条項が対応する指針 og の項目。',
      'os の条項 S-1, S-2 が対応しています。',
      '除外した指針項目（規定する必要がない）:\n\n- 2B Ⅱ 数字で始まる: 該当する業務がないため',
    ]);
  });

  it('a Markdown clause\'s statement is its prose under the heading, after the covers:/threats: lines', async () => {
    const folder = folderWith({ 'g.yaml': guideline, 'm.md': markdownStandard });
    const result = await kijun(['export', '--oscal', 'm.md', '.'], folder);
    assert.strictEqual(result.code, 0);
    const document = JSON.parse(result.stdout);
    assert.deepStrictEqual(validateComponent(document), []);
    const requirements = document['component-definition'].components[0]['control-implementations'][0]['implemented-requirements'];
    assert.deepStrictEqual(requirements.map((r: { 'control-id': string; statements: { description: string }[] }) => [r['control-id'], r.statements.map((s) => s.description)]), [
      ['A', ['1.1 体制\n\n体制を整える。\n責任者を置く。']],
      ['A-2', ['1.2 補足']],
    ]);
    assert.strictEqual(document['component-definition'].components[0].remarks, undefined);
  });

  it('finds a standard\'s guideline among the bundled ones, and the export is valid', async () => {
    const folder = folderWith({ 's.yaml': lines('kijun: standard', 'guideline: nisc-2008', 'id: b', 'title: 同梱', 'sector: 金融', 'class: 3', 'clauses:', '  - {id: S-1, title: 目的, covers: [G-I]}') });
    const result = await kijun(['export', '--oscal', 's.yaml'], folder);
    assert.strictEqual(result.code, 0);
    const document = JSON.parse(result.stdout);
    assert.deepStrictEqual(validateComponent(document), []);
    assert.deepStrictEqual(document['component-definition'].components[0]['control-implementations'][0]['implemented-requirements'].map((r: { 'control-id': string }) => r['control-id']), ['G-I']);
  });

  it('every bundled guideline exports as a valid catalog', async () => {
    const repo = path.resolve(__dirname, '..', '..', '..');
    for (const name of fs.readdirSync(path.join(repo, 'guidelines')).filter((n) => n.endsWith('.yaml'))) {
      const result = await kijun(['export', '--oscal', path.join('guidelines', name)], repo);
      assert.deepStrictEqual([result.code, result.stderr], [0, ''], name);
      assert.deepStrictEqual(validateCatalog(JSON.parse(result.stdout)), [], name);
    }
  });

  it('--output-dir writes every guideline and standard of the paths, one file each, and says what it did not export', async () => {
    const plan = lines('kijun: action-plan', 'guideline: og', 'id: p', 'title: 計画', 'period: {from: 2020, to: 2022}', 'sectors: []');
    const folder = folderWith({ 'g.yaml': guideline, 's.yaml': standard, 'm.md': markdownStandard, 'p.yaml': plan, 'bad/std.yaml': flawedFiles['std.yaml'].replace('guideline: test-g', 'guideline: og') });
    const result = await kijun(['export', '--oscal', '--output-dir', 'out', '.'], folder);
    assert.strictEqual(result.code, 1);
    // bad/std.yaml: guideline og has no item B (covers.unknown-item), and the threat typo.
    assert.deepStrictEqual(result.stderr.split('\n'), [
      'kijun: bad/std.yaml: not exported: 2 error(s); see kijun check bad/std.yaml',
      'kijun: g.yaml: exported to out/og.catalog.json',
      'kijun: m.md: exported to out/om.component-definition.json',
      'kijun: p.yaml: not exported: an action plan has no OSCAL form (guidelines are exported as catalogs, standards as component definitions)',
      'kijun: s.yaml: exported to out/os.component-definition.json',
      '',
    ]);
    assert.strictEqual(result.stdout, '');
    assert.deepStrictEqual(fs.readdirSync(path.join(folder, 'out')).sort(), ['og.catalog.json', 'om.component-definition.json', 'os.component-definition.json']);
    assert.deepStrictEqual(validateCatalog(JSON.parse(fs.readFileSync(path.join(folder, 'out', 'og.catalog.json'), 'utf8'))), []);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'out', 'os.component-definition.json'), 'utf8'), (await kijun(['export', '--oscal', 's.yaml', 'g.yaml'], folder)).stdout);
    const ja = await kijun(['export', '--oscal', '--output-dir', 'out2', 'g.yaml', 'p.yaml', '--locale', 'ja'], folder);
    assert.deepStrictEqual([ja.code, ja.stderr.split('\n')], [0, [
      'kijun: g.yaml: out2/og.catalog.json に書き出しました',
      'kijun: p.yaml: 書き出していません: 行動計画には OSCAL の形式がありません（指針はカタログ、安全基準等はコンポーネント定義として書き出します）',
      '',
    ]]);
  });

  it('two documents with one id are not written over each other', async () => {
    const folder = folderWith({ 'a.yaml': guideline, 'b.yaml': guideline.replace('title: 輸出用指針', 'title: 別の指針') });
    const result = await kijun(['export', '--oscal', '--output-dir', 'out', '.'], folder);
    assert.strictEqual(result.code, 1);
    assert.deepStrictEqual(result.stderr.split('\n'), [
      'kijun: a.yaml: exported to out/og.catalog.json',
      'kijun: b.yaml: not exported: "out/og.catalog.json" is already written for "a.yaml" (the documents share the id og)',
      '',
    ]);
  });

  it('one document: errors are not exported (exit 1); an action plan, a missing format or file are usage errors (exit 2)', async () => {
    const folder = folderWith({ ...flawedFiles, 'p.yaml': lines('kijun: action-plan', 'guideline: test-g', 'id: p', 'title: 計画', 'period: {from: 2020, to: 2022}', 'sectors: []'), 'notes.yaml': 'a: b\n' });
    const flawed = await kijun(['export', '--oscal', 'std.yaml', 'test-guideline.yaml'], folder);
    assert.deepStrictEqual(flawed, { code: 1, stdout: '', stderr: 'kijun: std.yaml: not exported: 1 error(s); see kijun check std.yaml\n' });
    const flawedJa = await kijun(['export', '--oscal', 'std.yaml', 'test-guideline.yaml', '--locale', 'ja'], folder);
    assert.strictEqual(flawedJa.stderr, 'kijun: std.yaml: 書き出していません: エラーが 1 件あります。kijun check std.yaml で確認してください\n');
    const cases: [string[], string, string][] = [
      [['p.yaml'], 'kijun: cannot export "p.yaml": an action plan has no OSCAL form (guidelines are exported as catalogs, standards as component definitions)\n', 'kijun: 「p.yaml」を書き出せません: 行動計画には OSCAL の形式がありません（指針はカタログ、安全基準等はコンポーネント定義として書き出します）\n'],
      [['notes.yaml'], 'kijun: cannot export "notes.yaml": not a Kijun document (no top-level "kijun:" naming the document kind)\n', 'kijun: 「notes.yaml」を書き出せません: Kijun の文書ではありません（最上位に文書の種類を示す「kijun:」がありません）\n'],
    ];
    for (const [args, en, ja] of cases) {
      assert.deepStrictEqual(await kijun(['export', '--oscal', ...args], folder), { code: 2, stdout: '', stderr: en }, args.join(' '));
      assert.strictEqual((await kijun(['export', '--oscal', ...args, '--locale', 'ja'], folder)).stderr, ja, args.join(' '));
    }
    const usage: [string[], string][] = [
      [['export', 'std.yaml'], 'kijun: choose the export format: --oscal'],
      [['export', '--oscal'], 'kijun: name the document to export: kijun export --oscal FILE [paths…]'],
      [['export', '--oscal', '--output-dir'], 'kijun: --output-dir needs a value'],
    ];
    for (const [args, message] of usage) {
      const result = await kijun(args, folder);
      assert.strictEqual(result.code, 2, args.join(' '));
      assert.ok(result.stderr.startsWith(`${message}\n\nUsage: kijun check`), result.stderr);
    }
    assert.ok((await kijun(['export', '--locale', 'ja'], folder)).stderr.startsWith('kijun: 書き出す形式を指定してください: --oscal\n'));
    assert.ok((await kijun(['export', '--oscal', '--locale', 'ja'], folder)).stderr.startsWith('kijun: 書き出す文書を指定してください: kijun export --oscal ファイル [ファイルまたはフォルダ…]\n'));
  });

  it('an item hierarchy deeper than the export nests is said, not written half (exit 1)', async () => {
    const chain = ['kijun: guideline', 'id: deep', 'title: 深い', 'sectors: [{id: finance, label: 金融}]', 'threats: []', 'items:'];
    for (let i = 0; i < 150; i++) chain.push(`  - {id: I${i}, label: "${i}", title: t, obligation: reference, level: abstract${i ? `, parent: I${i - 1}` : ''}}`);
    const folder = folderWith({ 'deep.yaml': lines(...chain) });
    assert.deepStrictEqual(await kijun(['export', '--oscal', 'deep.yaml'], folder), {
      code: 1, stdout: '', stderr: 'kijun: deep.yaml: not exported: the item hierarchy is 150 levels deep; the OSCAL export nests at most 100\n',
    });
    assert.strictEqual((await kijun(['export', '--oscal', 'deep.yaml', '--locale', 'ja'], folder)).stderr,
      'kijun: deep.yaml: 書き出していません: 項目の階層が 150 段あります。OSCAL への書き出しは 100 段までです\n');
  });
});
