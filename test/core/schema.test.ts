import * as assert from 'assert';
import { check, lines, readRepoFile, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

const uri = 'file:///ws/std.yaml';
const standard = (text: string) => ({ uri, text });
const schemaOnly = (f: { code: string }) => f.code.startsWith('schema.');

/** The test guideline under another id, analysed as the document under test (so it is not also "test-g"). */
const guidelineUri = 'file:///ws/g.yaml';
const guideline = (text: string) => ({ uri: guidelineUri, text: text.replace('id: test-g', 'id: test-x') });

const planUri = 'file:///ws/plan.yaml';
const plan = (...extra: string[]) => ({
  uri: planUri,
  text: lines(
    'kijun: action-plan',
    'guideline: test-g',
    'id: plan-1',
    'title: 計画',
    'period: {from: 2009, to: 2011}',
    'sectors:',
    '  - sector: 金融',
    ...extra,
  ),
});

describe('schema.required', () => {
  it('a missing top-level key is reported on the kijun key, in both languages', () => {
    const text = completeStandard().replace('title: テスト基準\n', '').replace('class: 3\n', '');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: 'Missing required key "title".' },
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: 'Missing required key "class".' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: '必須のキー「title」がありません。' },
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: '必須のキー「class」がありません。' },
    ]);
  });

  it('a key missing in a clause is reported on the clause\'s first entry and names the clause', () => {
    const text = completeStandard().replace('    title: 責任者\n', '');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.required', range: '8:5-8:12', severity: 'error', message: 'Missing required key "title" in clause S-1.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.required', range: '8:5-8:12', severity: 'error', message: '条項 S-1 に必須のキー「title」がありません。' },
    ]);
  });

  it('a clause without an id is named by its position', () => {
    const text = completeStandard().replace('  - id: S-2\n    title: 金融\n', '  - title: 金融\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', schemaOnly), [
      { code: 'schema.required', range: '11:5-11:14', severity: 'error', message: 'Missing required key "id" in the 2nd clause.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', schemaOnly).map((f) => f.message), ['2 番目の条項に必須のキー「id」がありません。']);
  });

  it('a key missing in an exclusion names the exclusion; in a plan it is reported on the plan\'s kijun key', () => {
    const text = completeStandard(['exclusions:', '  - reason: 対象外']);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', schemaOnly), [
      { code: 'schema.required', range: '19:5-19:16', severity: 'error', message: 'Missing required key "item" in the 1st exclusion.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', schemaOnly).map((f) => f.message), ['1 番目の除外に必須のキー「item」がありません。']);
    const noPeriod = plan();
    noPeriod.text = noPeriod.text.replace('period: {from: 2009, to: 2011}\n', '');
    assert.deepStrictEqual(check(noPeriod, [testGuideline], 'en', schemaOnly), [
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: 'Missing required key "period".' },
    ]);
  });
});

describe('schema.unknown-key', () => {
  it('a misspelt top-level key: "titel" suggests "title", with a replacement, in both languages', () => {
    const text = completeStandard().replace('title: テスト基準', 'titel: テスト基準');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: 'Missing required key "title".' },
      { code: 'schema.unknown-key', range: '4:1-4:6', severity: 'error', message: 'Unknown key "titel". Did you mean "title"?' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.required', range: '1:1-1:6', severity: 'error', message: '必須のキー「title」がありません。' },
      { code: 'schema.unknown-key', range: '4:1-4:6', severity: 'error', message: 'キー「titel」は定義されていません。「title」の誤りではありませんか。' },
    ]);
    const finding = workspaceWith(standard(text), testGuideline).analyze(uri).findings.find((f) => f.code === 'schema.unknown-key');
    const start = text.indexOf('titel');
    assert.deepStrictEqual(finding?.replacement, { span: { start, end: start + 5 }, newText: 'title' });
  });

  it('a misspelt key in a clause names the clause and suggests the key', () => {
    const text = completeStandard().replace('    title: 責任者', '    titel: 責任者');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.required', range: '8:5-8:12', severity: 'error', message: 'Missing required key "title" in clause S-1.' },
      { code: 'schema.unknown-key', range: '9:5-9:10', severity: 'error', message: 'Unknown key "titel" in clause S-1. Did you mean "title"?' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.required', range: '8:5-8:12', severity: 'error', message: '条項 S-1 に必須のキー「title」がありません。' },
      { code: 'schema.unknown-key', range: '9:5-9:10', severity: 'error', message: '条項 S-1 のキー「titel」は定義されていません。「title」の誤りではありませんか。' },
    ]);
  });

  it('other typos are suggested too; a key far from every known key gets no suggestion', () => {
    const text = completeStandard().replace('class: 3', 'class: 3\npublisr: FISC\nowner: 金融庁');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.unknown-key', range: '7:1-7:8', severity: 'error', message: 'Unknown key "publisr". Did you mean "publisher"?' },
      { code: 'schema.unknown-key', range: '8:1-8:6', severity: 'error', message: 'Unknown key "owner".' },
    ]);
  });
});

describe('schema: values', () => {
  it('schema.type: a text where a whole number is wanted, and a text where a list is wanted', () => {
    const three = completeStandard().replace('class: 3', 'class: "three"');
    assert.deepStrictEqual(check(standard(three), [testGuideline]), [
      { code: 'schema.type', range: '6:8-6:15', severity: 'error', message: '"class" must be a whole number, not a text.' },
    ]);
    assert.deepStrictEqual(check(standard(three), [testGuideline], 'ja'), [
      { code: 'schema.type', range: '6:8-6:15', severity: 'error', message: '「class」には整数を指定してください（文字列が指定されています）。' },
    ]);
    const foo = completeStandard().replace(/clauses:[\s\S]*/, 'clauses: foo\n');
    assert.deepStrictEqual(check(standard(foo), [testGuideline], 'en', schemaOnly), [
      { code: 'schema.type', range: '7:10-7:13', severity: 'error', message: '"clauses" must be a list, not a text.' },
    ]);
  });

  it('schema.type: an element of a list is named by its position in words, counted from 1 (covers[2] would read as the third)', () => {
    const text = completeStandard().replace('covers: [A-1, A-2]', 'covers: [A-1, 5]');
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', schemaOnly), [
      { code: 'schema.type', range: '10:19-10:20', severity: 'error', message: 'The 2nd entry of "covers" must be a text, not a whole number.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', schemaOnly), [
      { code: 'schema.type', range: '10:19-10:20', severity: 'error', message: '「covers」の 2 番目の要素には文字列を指定してください（整数が指定されています）。' },
    ]);
  });

  it('schema.enum: a guideline item obligation outside the list', () => {
    const text = testGuideline.text.replace('    obligation: must-consider\n    level: abstract\n    items:', '    obligation: maybe\n    level: abstract\n    items:');
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'schema.enum', range: '27:17-27:22', severity: 'error', message: '"obligation" must be one of: must-consider, reference.' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja'), [
      { code: 'schema.enum', range: '27:17-27:22', severity: 'error', message: '「obligation」には次のいずれかを指定してください: must-consider, reference' },
    ]);
  });

  it('schema.enum: a plan threat responder outside the list', () => {
    const doc = plan('threats:', '  - {threat: intentional, responder: everyone}');
    assert.deepStrictEqual(check(doc, [testGuideline], 'en', schemaOnly), [
      { code: 'schema.enum', range: '9:38-9:46', severity: 'error', message: '"responder" must be one of: society, operator.' },
    ]);
  });

  it('schema.format: a document id with a space and "!"', () => {
    const text = completeStandard().replace('id: std-1', 'id: "bad id!"');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'schema.format',
      range: '3:5-3:14',
      severity: 'error',
      message: '"bad id!" is not a valid document id: use ASCII letters, digits, ".", "_" and "-", starting with a letter or digit.',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [{
      code: 'schema.format',
      range: '3:5-3:14',
      severity: 'error',
      message: '「bad id!」は文書 IDとして正しくありません。半角英数字と「.」「_」「-」を使い、英数字で始めてください。',
    }]);
  });

  it('schema.format: a clause id; a clause id may also be a number', () => {
    const text = completeStandard().replace('  - id: S-1\n', '  - id: "S 1"\n').replace('  - id: S-2\n', '  - id: 2.1\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'schema.format',
      range: '8:9-8:14',
      severity: 'error',
      message: '"S 1" is not a valid clause id: use letters and digits joined by "." or "-" (e.g. S-1.1, 3.2.1, full-width ＳＢ－１ too), up to three kanji before digits (e.g. 運1, 技12), or an article number (e.g. 第1条, 第3条の2).',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '「S 1」は条項 IDとして正しくありません。英数字を「.」「-」でつないだ ID（例: S-1.1、3.2.1。全角の ＳＢ－１ も可）、数字の前に 3 文字までの漢字を付けた ID（例: 運1、技12）、または条番号（例: 第1条、第3条の2）を使ってください。',
    ]);
  });

  it('schema.range: a class outside 1–4, and a plan year outside 1990–2100', () => {
    const text = completeStandard().replace('class: 3', 'class: 7');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.range', range: '6:8-6:9', severity: 'error', message: '"class" must be between 1 and 4.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.range', range: '6:8-6:9', severity: 'error', message: '「class」には 1 から 4 までの値を指定してください。' },
    ]);
    const early = plan();
    early.text = early.text.replace('from: 2009', 'from: 1980');
    assert.deepStrictEqual(check(early, [testGuideline], 'en', schemaOnly), [
      { code: 'schema.range', range: '5:16-5:20', severity: 'error', message: '"from" must be between 1990 and 2100.' },
    ]);
  });

  it('schema.empty: an empty title', () => {
    const text = completeStandard().replace('title: テスト基準', 'title: ""');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'schema.empty', range: '4:8-4:10', severity: 'error', message: '"title" must not be empty.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [
      { code: 'schema.empty', range: '4:8-4:10', severity: 'error', message: '「title」が空です。' },
    ]);
  });

  it('schema.min-items: a guideline without sectors, reported on the key', () => {
    const text = testGuideline.text.replace(/sectors:\n[\s\S]*?threats:/, 'sectors: []\nthreats:');
    assert.deepStrictEqual(check(guideline(text), [], 'en', schemaOnly), [
      { code: 'schema.min-items', range: '4:1-4:8', severity: 'error', message: '"sectors" must list at least 1 entry.' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja', schemaOnly), [
      { code: 'schema.min-items', range: '4:1-4:8', severity: 'error', message: '「sectors」には少なくとも 1 件を記載してください。' },
    ]);
  });
});

describe('schema: anyOf', () => {
  it('a guideline item with sectors: 5 gets exactly one finding, a type error naming both forms', () => {
    const text = testGuideline.text.replace('sectors: [finance]', 'sectors: 5');
    assert.deepStrictEqual(check(guideline(text)), [
      { code: 'schema.type', range: '32:112-32:113', severity: 'error', message: '"sectors" must be "all" or a list, not a whole number.' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja'), [
      { code: 'schema.type', range: '32:112-32:113', severity: 'error', message: '「sectors」には「all」またはリストを指定してください（整数が指定されています）。' },
    ]);
  });

  it('sectors: all is accepted', () => {
    const text = testGuideline.text.replace('sectors: [finance]', 'sectors: all');
    assert.deepStrictEqual(check(guideline(text)), []);
  });

  it('sectors: [] is a list, so the list branch\'s own rule (at least one entry) is what is reported', () => {
    const text = testGuideline.text.replace('sectors: [finance]', 'sectors: []');
    assert.deepStrictEqual(check(guideline(text), [], 'en', schemaOnly), [
      { code: 'schema.min-items', range: '32:103-32:110', severity: 'error', message: '"sectors" must list at least 1 entry.' },
    ]);
  });

  it('sectors: [5] is a list, so the wrong element is what is reported', () => {
    const text = testGuideline.text.replace('sectors: [finance]', 'sectors: [5]');
    assert.deepStrictEqual(check(guideline(text), [], 'en', schemaOnly), [
      { code: 'schema.type', range: '32:113-32:114', severity: 'error', message: 'The 1st entry of "sectors" must be a text, not a whole number.' },
    ]);
    assert.deepStrictEqual(check(guideline(text), [], 'ja', schemaOnly).map((f) => f.message), ['「sectors」の 1 番目の要素には文字列を指定してください（整数が指定されています）。']);
  });

  it('a plan standard given as a mapping without its title: one finding, the missing key', () => {
    const doc = plan('    standards: [{id: std-1}]');
    assert.deepStrictEqual(check(doc, [testGuideline], 'en', schemaOnly), [
      { code: 'schema.required', range: '8:18-8:27', severity: 'error', message: 'Missing required key "title" in sector 金融.' },
    ]);
  });

  it('a plan standard given as an id that is not a valid id: one finding, the format', () => {
    const doc = plan('    standards: ["bad id"]');
    assert.deepStrictEqual(check(doc, [testGuideline], 'en', schemaOnly), [{
      code: 'schema.format',
      range: '8:17-8:25',
      severity: 'error',
      message: '"bad id" is not a valid document id: use ASCII letters, digits, ".", "_" and "-", starting with a letter or digit.',
    }]);
  });
});

describe('schema: fallback and accepted documents', () => {
  it('schema.invalid is only a fallback: every violation the schemas can produce gets a specific code', () => {
    const broken = [
      completeStandard().replace('class: 3', 'class: 2.5'),
      completeStandard().replace('title: テスト基準', 'title: [a]'),
      completeStandard().replace('sector: 金融', 'sector: {id: finance}'),
      completeStandard().replace('covers: [B]', 'covers: {B: 1}'),
      completeStandard(['exclusions: {item: A}']),
      completeStandard(['exclusions:', '  - {item: 5, reason: 7}']),
      completeStandard().replace('kijun: standard', 'kijun: standard\nkijun2: x'),
    ];
    for (const text of broken) {
      const codes = check(standard(text), [testGuideline], 'en', schemaOnly).map((f) => f.code);
      assert.ok(codes.length > 0, text);
      assert.ok(!codes.includes('schema.invalid'), `${codes.join(', ')} for\n${text}`);
    }
  });

  it('the bundled guidelines produce no findings at all when analysed as workspace documents', () => {
    for (const name of ['nisc-2007', 'nisc-2008', 'nisc-2024']) {
      const doc = { uri: `file:///ws/${name}.yaml`, text: readRepoFile(`guidelines/${name}.yaml`) };
      assert.deepStrictEqual(check(doc), [], name);
    }
  });

  it('the bundled nisc-2008, followed by the finance example, only reports the items no standard covers', () => {
    const doc = { uri: 'file:///ws/nisc-2008.yaml', text: readRepoFile('guidelines/nisc-2008.yaml') };
    const fisc = { uri: 'file:///ws/fisc.yaml', text: readRepoFile('examples/finance/fisc-anzen-taisaku.yaml') };
    const codes = new Set(check(doc, [fisc]).map((f) => f.code));
    assert.deepStrictEqual([...codes], ['coverage.not-covered-in-workspace']);
  });

  it('the action-plan schema accepts the example plan of format.md', () => {
    const example = {
      uri: planUri,
      text: lines(
        'kijun: action-plan',
        'guideline: nisc-2008',
        'id: action-plan-2',
        'title: 重要インフラの情報セキュリティ対策に係る第2次行動計画',
        'period: {from: 2009, to: 2011}                  # fiscal years',
        'principle: IT障害の発生を限りなくゼロに          # 基本理念',
        'sectors:',
        '  - sector: 金融',
        '    services:                                    # services to protect and their level (政策目標)',
        '      - {name: 預金・為替取引, law: 銀行法, article: 10条, level: …}',
        '    systems: [勘定系システム]                     # 重要システム (別紙1)',
        '    ceptoar: 金融CEPTOAR',
        '    standards: [fisc-anzen-taisaku]              # ids of standard documents',
        'threats:                                         # 脅威の例示: category × responder',
        '  - {threat: intentional, responder: society, examples: [分野横断的に多発するサービス不能攻撃]}',
        'information-sharing:                             # 情報共有の整理',
        '  - {threat: intentional, info: B, timing: alert, route: operator-to-nisc}',
        'measures:',
        '  - measure: safety-standards',
        '    schedule: [{year: 2009, activity: 指針の見直し}]',
        'evaluation:',
        '  - {indicator: 安全基準等の整備状況, kind: process}',
      ),
    };
    const fisc = { uri: 'file:///ws/fisc.yaml', text: readRepoFile('examples/finance/fisc-anzen-taisaku.yaml') };
    const findings = check(example, [fisc]);
    assert.deepStrictEqual(findings.filter((f) => !f.code.startsWith('plan.')), []);
    // Only 金融 is listed: the nine other sectors of nisc-2008 are missing, as warnings; only one threat kind is
    // illustrated, and only for society (its examples name operators too).
    assert.strictEqual(findings.filter((f) => f.code === 'plan.sector-missing').length, 9);
    assert.strictEqual(findings.filter((f) => f.code === 'plan.threat-not-illustrated').length, 3);
    assert.strictEqual(findings.filter((f) => f.code === 'plan.responder-not-illustrated').length, 1);
    assert.strictEqual(findings.length, 13);
  });
});
