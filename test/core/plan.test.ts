import * as assert from 'assert';
import { Finding } from '../../server/src/core';
import { check, lines, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

const uri = 'file:///ws/plan.yaml';
const plan = (...body: string[]) => ({
  uri,
  text: lines('kijun: action-plan', 'guideline: test-g', 'id: plan-1', 'title: 計画', 'period: {from: 2009, to: 2011}', ...body),
});
/** All three sectors of the test guideline, by id, by label and by an NFKC variant of the label. */
const allSectors = ['sectors:', '  - sector: finance', '  - sector: 医療', '  - sector: 政府･行政サービス'];
const financeStandard = { uri: 'file:///ws/std.yaml', text: completeStandard() };
const medicalStandard = {
  uri: 'file:///ws/std-medical.yaml',
  text: completeStandard().replace('id: std-1', 'id: std-med').replace('sector: 金融', 'sector: medical').replace('covers: [B]', 'covers: []').replace('covers: [C]', 'covers: [C, C-1]'),
};
const others = [testGuideline, financeStandard, medicalStandard];
/** Tests about one code leave out the sectors-without-standards warning, which has tests of its own. */
const focused = (f: Finding): boolean => f.code !== 'plan.sector-without-standard' && f.code !== 'plan.threat-not-illustrated';

describe('action plan checks', () => {
  it('a plan naming every sector, with standards of the right sectors and known threats, has no findings', () => {
    const doc = plan(
      'sectors:',
      '  - sector: finance',
      '    standards: [std-1, {id: std-1, title: テスト基準, class: 3}, {title: 文書化されていない基準}]',
      '  - sector: 医療',
      '    standards: [std-med]',
      '  - sector: 政府･行政サービス',
      '    standards: [{title: 地方公共団体における情報セキュリティポリシーに関するガイドライン, publisher: 総務省, class: 2}]',
      'threats:',
      '  - {threat: intentional, responder: society}',
      '  - {threat: サービス不能攻撃（DoS）, responder: operator}',
      '  - {threat: 災害, responder: society}',
      'information-sharing:',
      '  - {threat: intentional.dos, info: B, timing: alert}',
    );
    assert.deepStrictEqual(check(doc, others), []);
  });

  it('plan.sector-missing: each guideline sector the plan does not list, on the guideline reference', () => {
    const doc = plan('sectors:', '  - sector: 金融');
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'plan.sector-missing', range: '2:12-2:18', severity: 'warning', message: 'Sector 医療 of guideline test-g is missing from the plan.' },
      { code: 'plan.sector-missing', range: '2:12-2:18', severity: 'warning', message: 'Sector 政府・行政サービス of guideline test-g is missing from the plan.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', focused).map((f) => f.message), [
      '指針 test-g の分野「医療」が行動計画にありません。',
      '指針 test-g の分野「政府・行政サービス」が行動計画にありません。',
    ]);
  });

  it('plan.standard-unknown: a standard id that resolves to no document', () => {
    const doc = plan(...allSectors.slice(0, 2), '    standards: [std-1, std-9]', ...allSectors.slice(2));
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'plan.standard-unknown', range: '8:24-8:29', severity: 'error', message: 'No standard with the id "std-9" exists in the workspace.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', focused)[0].message, 'ID「std-9」の安全基準等がワークスペースにありません。');
  });

  it('plan.standard-unknown: an id that names a document of another kind (the guideline) is not a standard', () => {
    const doc = plan(...allSectors.slice(0, 2), '    standards: [test-g]', ...allSectors.slice(2));
    assert.deepStrictEqual(check(doc, others, 'en', focused).map((f) => `${f.code} ${f.range}`), ['plan.standard-unknown 8:17-8:23']);
  });

  it('plan.standard-sector-mismatch: a standard of another sector, listed by id or as a mapping', () => {
    const doc = plan(
      ...allSectors.slice(0, 3),
      '    standards: [std-1, {id: std-1, title: テスト基準}, std-med]',
      ...allSectors.slice(3),
    );
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'plan.standard-sector-mismatch', range: '9:17-9:22', severity: 'error', message: 'Standard std-1 belongs to sector 金融, not 医療.' },
      { code: 'plan.standard-sector-mismatch', range: '9:29-9:34', severity: 'error', message: 'Standard std-1 belongs to sector 金融, not 医療.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', focused)[0].message, '安全基準等 std-1 は分野「金融」のものであり、「医療」のものではありません。');
  });

  it('no mismatch is claimed when the standard\'s own sector is unknown', () => {
    const unknownSector = { uri: financeStandard.uri, text: financeStandard.text.replace('sector: 金融', 'sector: 宇宙') };
    const doc = plan(...allSectors.slice(0, 3), '    standards: [std-1]', ...allSectors.slice(3));
    assert.deepStrictEqual(check(doc, [testGuideline, unknownSector, medicalStandard], 'en', focused), []);
  });

  it('threat.unknown: in the threat illustration and in the information-sharing rows, with suggestions', () => {
    const doc = plan(
      ...allSectors,
      'threats:',
      '  - {threat: intentinal, responder: operator}',
      '  - {threat: 災害, responder: society}',
      'information-sharing:',
      '  - {threat: disastr, info: B, timing: alert}',
      '  - {threat: 宇宙からの脅威, info: A.a, timing: normal}',
    );
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'threat.unknown', range: '11:14-11:24', severity: 'error', message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
      { code: 'threat.unknown', range: '14:14-14:21', severity: 'error', message: 'Unknown threat "disastr" in guideline test-g. Did you mean "disaster"?' },
      { code: 'threat.unknown', range: '15:14-15:21', severity: 'error', message: 'Unknown threat "宇宙からの脅威" in guideline test-g.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', focused)[1].message, '脅威「disastr」は指針 test-g にありません。「disaster」の誤りではありませんか。');
  });

  it('sector.unknown: a plan sector that is not in the guideline, suggesting the label; the sector then counts as missing', () => {
    const doc = plan('sectors:', '  - sector: 金融', '  - sector: 医寮', '  - sector: government');
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'plan.sector-missing', range: '2:12-2:18', severity: 'warning', message: 'Sector 医療 of guideline test-g is missing from the plan.' },
      { code: 'sector.unknown', range: '8:13-8:15', severity: 'error', message: 'Unknown sector "医寮" in guideline test-g. Did you mean "医療"?' },
    ]);
    const finding = workspaceWith(doc, ...others).analyze(uri).findings.find((f) => f.code === 'sector.unknown');
    const start = doc.text.indexOf('医寮');
    assert.deepStrictEqual(finding?.replacement, { span: { start, end: start + 2 }, newText: '医療' });
  });

  it('guideline.unknown: a plan naming an unknown guideline is reported like a standard', () => {
    const doc = plan(...allSectors);
    doc.text = doc.text.replace('guideline: test-g', 'guideline: test-h');
    assert.deepStrictEqual(check(doc, others, 'en', focused), [{
      code: 'guideline.unknown',
      range: '2:12-2:18',
      severity: 'error',
      message: 'Unknown guideline "test-h"; known guidelines: test-g, nisc-2008, nisc-2024. Did you mean "test-g"? A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.',
    }]);
  });
});

describe('action plan: sectors, standards, threats, sharing and schedule', () => {
  const withStandards = [
    'sectors:',
    '  - sector: finance',
    '    standards: [std-1]',
    '  - sector: 医療',
    '    standards: [std-med]',
    '  - sector: 政府･行政サービス',
    '    standards: [{title: 地方公共団体の指針}]',
  ];

  it('plan.sector-without-standard and plan.duplicate-sector', () => {
    const doc = plan('sectors:', '  - sector: finance', '    standards: [std-1]', '  - sector: 医療', '  - sector: 政府･行政サービス', '    standards: [{title: x}]', '  - sector: 金融', '    standards: [std-1]');
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.sector-without-standard', range: '9:13-9:15', severity: 'warning', message: 'Sector 医療 lists no standard in force (安全基準等).' },
      { code: 'plan.duplicate-sector', range: '12:13-12:15', severity: 'error', message: 'Sector 金融 appears more than once in the plan (first at line 7).' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja').map((f) => f.message), [
      '分野「医療」に適用される安全基準等が記載されていません。',
      '分野「金融」が行動計画に重複して記載されています（最初の記載は 7 行目）。',
    ]);
  });

  it('plan.standard-class-mismatch: the class the plan states differs from the standard\'s', () => {
    const doc = plan('sectors:', '  - sector: finance', '    standards: [{id: std-1, title: テスト基準, class: 2}]', ...withStandards.slice(3));
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.standard-class-mismatch', range: '8:50-8:51', severity: 'error', message: 'The plan gives standard std-1 class 2, but the standard says class 3.' },
    ]);
  });

  it('plan.threat-not-illustrated: each threat kind of the guideline needs an illustration', () => {
    const doc = plan(...withStandards, 'threats:', '  - {threat: intentional.dos, responder: operator}');
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.threat-not-illustrated', range: '13:1-13:8', severity: 'warning', message: 'Threat 災害 of guideline test-g has no illustration in the plan (脅威の例示).' },
    ]);
  });

  it('plan.sharing-timing: B is for alerts and outages, A.a and A.b for normal times, A.c for both', () => {
    const doc = plan(...withStandards, 'information-sharing:',
      '  - {threat: intentional, info: B, timing: normal}',
      '  - {threat: intentional, info: A.a, timing: alert}',
      '  - {threat: intentional, info: A.c, timing: alert}',
      '  - {threat: disaster, info: A.c, timing: normal}');
    const onlyTiming = (f: Finding): boolean => f.code === 'plan.sharing-timing';
    assert.deepStrictEqual(check(doc, others, 'en', onlyTiming), [
      { code: 'plan.sharing-timing', range: '14:44-14:50', severity: 'error', message: 'Information of type B is shared on alert or during an outage, not in normal times.' },
      { code: 'plan.sharing-timing', range: '15:46-15:51', severity: 'error', message: 'Information of type A.a is shared in normal times, not on alert or during an outage.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', onlyTiming).map((f) => f.message), [
      '情報の種類 B は要警戒時・障害発生時に共有する情報です（平時（要警戒時・障害発生時以外）が指定されています）。',
      '情報の種類 A.a は平時（要警戒時・障害発生時以外）に共有する情報です（要警戒時・障害発生時が指定されています）。',
    ]);
    const workspace = workspaceWith(doc, ...others);
    assert.deepStrictEqual(workspace.analyze(uri).findings.find(onlyTiming)?.replacement?.newText, 'alert');
  });

  it('plan.schedule-outside-period and plan.period-reversed', () => {
    const doc = plan(...withStandards, 'measures:', '  - measure: cross-sector-exercise', '    schedule:', '      - {year: 2010, activity: 機能演習}', '      - {year: 2012, activity: 次期演習}');
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.schedule-outside-period', range: '17:16-17:20', severity: 'error', message: 'Fiscal year 2012 lies outside the plan period 2009–2011.' },
    ]);
    const reversed = { uri, text: doc.text.replace('period: {from: 2009, to: 2011}', 'period: {from: 2011, to: 2009}') };
    assert.deepStrictEqual(check(reversed, others), [
      { code: 'plan.period-reversed', range: '5:26-5:30', severity: 'error', message: 'The plan period ends (2009) before it starts (2011).' },
    ]);
  });

  it('Markdown plans: the same checks on the front matter, the body is prose (headings are not clauses)', () => {
    const yaml = plan(...withStandards.slice(0, 5), '  - sector: 政府･行政サービス', 'information-sharing:', '  - {threat: intentional, info: B, timing: normal}');
    const markdown = { uri: 'file:///ws/plan.md', text: `---\n${yaml.text}---\n# 行動計画\n\n## 1 目的\n\n本文。\n` };
    const shown = check(markdown, others).map((f) => `${f.code} ${f.range}`);
    assert.deepStrictEqual(shown, [
      'plan.threat-not-illustrated 3:12-3:18',
      'plan.threat-not-illustrated 3:12-3:18',
      'plan.sector-without-standard 12:13-12:22',
      'plan.sharing-timing 14:44-14:50',
    ]);
    assert.deepStrictEqual(check(yaml, others).map((f) => `${f.code} ${f.range}`), [
      'plan.threat-not-illustrated 2:12-2:18',
      'plan.threat-not-illustrated 2:12-2:18',
      'plan.sector-without-standard 11:13-11:22',
      'plan.sharing-timing 13:44-13:50',
    ]);
  });

  it('editing a standard\'s sector changes the plan\'s findings (workspace)', () => {
    const doc = plan(...withStandards);
    const workspace = workspaceWith(doc, ...others);
    assert.deepStrictEqual(workspace.analyze(uri).findings, []);
    workspace.set(financeStandard.uri, financeStandard.text.replace('sector: 金融', 'sector: 医療'), 'yaml');
    assert.deepStrictEqual(workspace.analyze(uri).findings.map((f) => `${f.code} ${JSON.stringify(f.args)}`), [
      'plan.standard-sector-mismatch {"id":"std-1","actual":"医療","expected":"金融"}',
    ]);
    workspace.set(financeStandard.uri, financeStandard.text, 'yaml');
    assert.deepStrictEqual(workspace.analyze(uri).findings, []);
  });
});

describe('action plan: every plan check in YAML and in Markdown', () => {
  // One document per code; the Markdown form is the same YAML as front matter, so every finding moves down one line.
  const cases: Record<string, string[]> = {
    'plan.sector-missing': ['sectors:', '  - sector: finance', '    standards: [std-1]'],
    'plan.standard-unknown': ['sectors:', '  - sector: finance', '    standards: [std-9]'],
    'plan.standard-sector-mismatch': ['sectors:', '  - sector: 医療', '    standards: [std-1]'],
    'plan.standard-class-mismatch': ['sectors:', '  - sector: finance', '    standards: [{id: std-1, title: t, class: 1}]'],
    'plan.sector-without-standard': ['sectors:', '  - sector: finance'],
    'plan.duplicate-sector': ['sectors:', '  - sector: finance', '    standards: [std-1]', '  - sector: 金融', '    standards: [std-1]'],
    'plan.threat-not-illustrated': ['threats:', '  - {threat: intentional, responder: society}'],
    'plan.sharing-timing': ['information-sharing:', '  - {threat: disaster, info: B, timing: normal}'],
    'plan.schedule-outside-period': ['measures:', '  - {measure: safety-standards, schedule: [{year: 2008, activity: 準備}]}'],
    'sector.unknown': ['sectors:', '  - sector: 宇宙', '    standards: [std-1]'],
    'threat.unknown': ['threats:', '  - {threat: disastr, responder: society}'],
  };
  for (const [code, body] of Object.entries(cases)) {
    it(code, () => {
      const yaml = plan(...body);
      const markdown = { uri: 'file:///ws/plan.md', text: `---\n${yaml.text}---\n# 計画\n\n## 1 目的\n本文\n` };
      const yamlFindings = check(yaml, others).filter((f) => f.code === code);
      assert.ok(yamlFindings.length > 0, `${code} not found`);
      const shifted = yamlFindings.map((f) => ({
        ...f,
        range: f.range.replace(/(\d+):(\d+)-(\d+):(\d+)/, (_, a, b, c, d) => `${Number(a) + 1}:${b}-${Number(c) + 1}:${d}`),
        message: f.message.replace(/at line (\d+)/, (_, n) => `at line ${Number(n) + 1}`),
      }));
      assert.deepStrictEqual(check(markdown, others).filter((f) => f.code === code), shifted);
    });
  }

  it('plan.period-reversed, in both forms', () => {
    const yaml = { uri, text: plan().text.replace('{from: 2009, to: 2011}', '{from: 2011, to: 2009}') };
    const markdown = { uri: 'file:///ws/plan.md', text: `---\n${yaml.text}---\n` };
    assert.deepStrictEqual(check(yaml, others, 'en', (f) => f.code === 'plan.period-reversed').map((f) => f.range), ['5:26-5:30']);
    assert.deepStrictEqual(check(markdown, others, 'en', (f) => f.code === 'plan.period-reversed').map((f) => f.range), ['6:26-6:30']);
  });
});
