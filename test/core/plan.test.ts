import * as assert from 'assert';
import { complete as completeAt, Finding } from '../../server/src/core';
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
/** Tests about one code leave out the warnings about standards and threat illustrations, which have tests of their own. */
const focused = (f: Finding): boolean => !['plan.sector-without-standard', 'plan.threat-not-illustrated', 'plan.threats-missing'].includes(f.code);

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
      message: 'Unknown guideline "test-h"; known guidelines: test-g, nisc-2007, nisc-2008, nisc-2024. Did you mean "test-g"? A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.',
    }]);
  });
});

describe('action plan: sectors, standards, threats, sharing and schedule', () => {
  /** These plans have no threat illustration on purpose: that warning has tests of its own. */
  const notAboutThreats = (f: Finding): boolean => f.code !== 'plan.threats-missing';
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
    assert.deepStrictEqual(check(doc, others, 'en', notAboutThreats), [
      { code: 'plan.sector-without-standard', range: '9:13-9:15', severity: 'warning', message: 'Sector 医療 lists no standard in force (安全基準等).' },
      { code: 'plan.duplicate-sector', range: '12:13-12:15', severity: 'error', message: 'Sector 金融 appears more than once in the plan (first at line 7).' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', notAboutThreats).map((f) => f.message), [
      '分野「医療」に適用される安全基準等が記載されていません。',
      '分野「金融」が行動計画に重複して記載されています（最初の記載は 7 行目）。',
    ]);
  });

  it('plan.standard-class-mismatch: the class the plan states differs from the standard\'s', () => {
    const doc = plan('sectors:', '  - sector: finance', '    standards: [{id: std-1, title: テスト基準, class: 2}]', ...withStandards.slice(3));
    assert.deepStrictEqual(check(doc, others, 'en', notAboutThreats), [
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
    assert.deepStrictEqual(check(doc, others, 'en', notAboutThreats), [
      { code: 'plan.schedule-outside-period', range: '17:16-17:20', severity: 'error', message: 'Fiscal year 2012 lies outside the plan period 2009–2011.' },
    ]);
    const reversed = { uri, text: doc.text.replace('period: {from: 2009, to: 2011}', 'period: {from: 2011, to: 2009}') };
    assert.deepStrictEqual(check(reversed, others, 'en', notAboutThreats), [
      { code: 'plan.period-reversed', range: '5:26-5:30', severity: 'error', message: 'The plan period ends (2009) before it starts (2011).' },
    ]);
  });

  it('Markdown plans: the same checks on the front matter, the body is prose (headings are not clauses)', () => {
    const yaml = plan(...withStandards.slice(0, 5), '  - sector: 政府･行政サービス', 'information-sharing:', '  - {threat: intentional, info: B, timing: normal}');
    const markdown = { uri: 'file:///ws/plan.md', text: `---\n${yaml.text}---\n# 行動計画\n\n## 1 目的\n\n本文。\n` };
    const shown = check(markdown, others).map((f) => `${f.code} ${f.range}`);
    assert.deepStrictEqual(shown, [
      'plan.threats-missing 3:12-3:18',
      'plan.sector-without-standard 12:13-12:22',
      'plan.sharing-timing 14:44-14:50',
    ]);
    assert.deepStrictEqual(check(yaml, others).map((f) => `${f.code} ${f.range}`), [
      'plan.threats-missing 2:12-2:18',
      'plan.sector-without-standard 11:13-11:22',
      'plan.sharing-timing 13:44-13:50',
    ]);
  });

  it('editing a standard\'s sector changes the plan\'s findings (workspace)', () => {
    const doc = plan(...withStandards);
    const workspace = workspaceWith(doc, ...others);
    const findings = () => workspace.analyze(uri).findings.filter(notAboutThreats);
    assert.deepStrictEqual(findings(), []);
    workspace.set(financeStandard.uri, financeStandard.text.replace('sector: 金融', 'sector: 医療'), 'yaml');
    assert.deepStrictEqual(findings().map((f) => `${f.code} ${JSON.stringify(f.args)}`), [
      'plan.standard-sector-mismatch {"id":"std-1","actual":"医療","expected":"金融"}',
    ]);
    workspace.set(financeStandard.uri, financeStandard.text, 'yaml');
    assert.deepStrictEqual(findings(), []);
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
    'plan.threats-missing': ['sectors:', '  - sector: finance', '    standards: [std-1]'],
    'plan.responder-not-illustrated': ['threats:', '  - {threat: intentional, responder: society}'],
    'plan.threat-direction': ['threats:', '  - {threat: intentional, responder: operator, direction: caused}'],
    'plan.threat-example-unknown': ['threats:', '  - {threat: intentional, responder: operator, examples: [隕石の落下]}'],
    'plan.threat-example-misplaced': ['threats:', '  - {threat: disaster, examples: [intentional.dos]}'],
    'plan.threat-example-responder': ['threats:', '  - {threat: intentional, responder: society, examples: [サービス不能攻撃（DoS）]}'],
    'plan.sharing-route': ['information-sharing:', '  - {threat: disaster, info: A.a, timing: normal, route: operator-to-nisc}'],
    'plan.sharing-channel': ['information-sharing:', '  - {threat: disaster, info: B, timing: alert, route: operator-to-nisc, channel: newsletter}'],
    'plan.sharing-subtype-unknown': ['information-sharing:', '  - {threat: intentional, subtype: 不明な細分, info: B, timing: alert}'],
    'subsector.unknown': ['sectors:', '  - sector: 医療', '    services: [{name: 医療, subsector: 銀行}]', '    standards: [std-med]'],
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

/** A plan of the bundled nisc-2008, which has the seed's four-kind, two-responder threat table (p17). */
const nisc2008Plan = (...body: string[]) => ({
  uri,
  text: lines('kijun: action-plan', 'guideline: nisc-2008', 'id: plan-1', 'title: 計画', 'period: {from: 2009, to: 2011}', 'sectors: []', ...body),
});
const only = (...codes: string[]) => (f: Finding): boolean => codes.includes(f.code);

describe('action plan: threat illustration per kind and responder (seed p17)', () => {
  it('plan.threats-missing: a plan with no threats: at all gets one warning, on the guideline reference', () => {
    const doc = nisc2008Plan();
    const codes = only('plan.threats-missing', 'plan.threat-not-illustrated', 'plan.responder-not-illustrated');
    assert.deepStrictEqual(check(doc, [], 'en', codes), [{
      code: 'plan.threats-missing',
      range: '2:12-2:21',
      severity: 'warning',
      message: 'The plan has no threat illustration (threats:, 脅威の例示); guideline nisc-2008 has these threat kinds: '
        + 'サイバー攻撃をはじめとする意図的要因によるIT障害への脅威、非意図的要因によるIT障害への脅威、災害や疾病によるIT障害への脅威、他分野への波及によるIT障害への脅威.',
    }]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes).map((f) => f.message), [
      '行動計画に脅威の例示（threats:）がありません。指針 nisc-2008 の脅威: '
        + 'サイバー攻撃をはじめとする意図的要因によるIT障害への脅威、非意図的要因によるIT障害への脅威、災害や疾病によるIT障害への脅威、他分野への波及によるIT障害への脅威',
    ]);
  });

  it('plan.responder-not-illustrated: each kind for 社会全体 and for 個別 where its examples have both; a kind with no row is one warning', () => {
    const doc = nisc2008Plan(
      'threats:',
      '  - {threat: intentional, responder: society}',
      '  - {threat: 非意図的要因, responder: operator}',
      '  - {threat: disaster, responder: society}',
      '  - {threat: disaster, responder: operator}',
    );
    const codes = only('plan.threat-not-illustrated', 'plan.responder-not-illustrated');
    assert.deepStrictEqual(check(doc, [], 'en', codes), [
      { code: 'plan.threat-not-illustrated', range: '7:1-7:8', severity: 'warning', message: 'Threat 他分野への波及によるIT障害への脅威 of guideline nisc-2008 has no illustration in the plan (脅威の例示).' },
      {
        code: 'plan.responder-not-illustrated',
        range: '8:14-8:25',
        severity: 'warning',
        message: 'Threat サイバー攻撃をはじめとする意図的要因によるIT障害への脅威 has no illustration for threats handled mainly by the individual operator, although guideline nisc-2008 gives examples of them.',
      },
      {
        code: 'plan.responder-not-illustrated',
        range: '9:14-9:20',
        severity: 'warning',
        message: 'Threat 非意図的要因によるIT障害への脅威 has no illustration for threats to be handled by society as a whole, although guideline nisc-2008 gives examples of them.',
      },
    ]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes).slice(1).map((f) => f.message), [
      '脅威「サイバー攻撃をはじめとする意図的要因によるIT障害への脅威」について「個別の重要インフラ事業者等が中心となって対応する脅威」の例示が行動計画にありません（指針 nisc-2008 にはその例があります）。',
      '脅威「非意図的要因によるIT障害への脅威」について「社会全体で対応が望まれる脅威」の例示が行動計画にありません（指針 nisc-2008 にはその例があります）。',
    ]);
  });

  it('a kind whose examples name one responder, or none, needs no row for the other (test-g: 意図的要因 has operator examples only)', () => {
    const doc = plan(...allSectors, 'threats:', '  - {threat: intentional, responder: operator}', '  - {threat: disaster}');
    assert.deepStrictEqual(check(doc, others, 'en', only('plan.threat-not-illustrated', 'plan.responder-not-illustrated')), []);
  });

  it('plan.threat-direction: a row\'s direction must be its kind\'s; the fix writes the kind\'s', () => {
    const doc = nisc2008Plan(
      'threats:',
      '  - {threat: spillover, responder: society, direction: received}',
      '  - {threat: intentional, responder: society, direction: caused}',
      '  - {threat: disaster, responder: society, direction: received}',
    );
    const codes = only('plan.threat-direction');
    assert.deepStrictEqual(check(doc, [], 'en', codes), [
      { code: 'plan.threat-direction', range: '8:56-8:64', severity: 'error', message: 'Threat 他分野への波及によるIT障害への脅威 is a threat the operator causes to others, not a threat the operator suffers.' },
      { code: 'plan.threat-direction', range: '9:58-9:64', severity: 'error', message: 'Threat サイバー攻撃をはじめとする意図的要因によるIT障害への脅威 is a threat the operator suffers, not a threat the operator causes to others.' },
    ]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes).map((f) => f.message), [
      '脅威「他分野への波及によるIT障害への脅威」は他に与える脅威です（自ら受ける脅威が指定されています）。',
      '脅威「サイバー攻撃をはじめとする意図的要因によるIT障害への脅威」は自ら受ける脅威です（他に与える脅威が指定されています）。',
    ]);
    const replacements = workspaceWith(doc).analyze(uri).findings.filter(codes).map((f) => f.replacement?.newText);
    assert.deepStrictEqual(replacements, ['caused', 'received']);
  });

  it('plan.threat-example-unknown: an example none of the kind\'s, with the kind\'s examples for the responder and a suggestion when one is close', () => {
    const doc = nisc2008Plan(
      'threats:',
      '  - {threat: disaster, responder: operator, examples: [隕石の落下, コンピュータ施設の損懐]}',
    );
    const codes = only('plan.threat-example-unknown');
    const known = '地震、水害、落雷、火災、電力設備の損壊、通信設備の損壊、水道設備の損壊、コンピュータ施設の損壊';
    assert.deepStrictEqual(check(doc, [], 'en', codes), [
      { code: 'plan.threat-example-unknown', range: '8:56-8:61', severity: 'warning', message: `"隕石の落下" is not an example of threat 災害や疾病によるIT障害への脅威 in guideline nisc-2008 (its examples: ${known}).` },
      { code: 'plan.threat-example-unknown', range: '8:63-8:74', severity: 'warning', message: `"コンピュータ施設の損懐" is not an example of threat 災害や疾病によるIT障害への脅威 in guideline nisc-2008 (its examples: ${known}). Did you mean "コンピュータ施設の損壊"?` },
    ]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes).map((f) => f.message), [
      `「隕石の落下」は指針 nisc-2008 の脅威「災害や疾病によるIT障害への脅威」の例にありません（例: ${known}）。`,
      `「コンピュータ施設の損懐」は指針 nisc-2008 の脅威「災害や疾病によるIT障害への脅威」の例にありません（例: ${known}）。「コンピュータ施設の損壊」の誤りではありませんか。`,
    ]);
    const findings = workspaceWith(doc).analyze(uri).findings.filter(codes);
    assert.deepStrictEqual(findings.map((f) => f.replacement?.newText), [undefined, 'コンピュータ施設の損壊']);
  });

  it('plan.threat-example-misplaced and plan.threat-example-responder: an example of another kind, or of the other responder', () => {
    const doc = nisc2008Plan(
      'threats:',
      '  - {threat: unintentional, responder: operator, examples: [内部不正, 操作・設定ミス]}',
      '  - {threat: intentional, responder: operator, examples: [分野横断的に多発するサービス不能攻撃]}',
    );
    const codes = only('plan.threat-example-misplaced', 'plan.threat-example-responder');
    assert.deepStrictEqual(check(doc, [], 'en', codes), [
      { code: 'plan.threat-example-misplaced', range: '8:61-8:65', severity: 'warning', message: '"内部不正" is an example of threat サイバー攻撃をはじめとする意図的要因によるIT障害への脅威, not of 非意図的要因によるIT障害への脅威.' },
      { code: 'plan.threat-example-responder', range: '9:59-9:77', severity: 'warning', message: '"分野横断的に多発するサービス不能攻撃" is an example of threats to be handled by society as a whole, not of threats handled mainly by the individual operator.' },
    ]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes).map((f) => f.message), [
      '「内部不正」は脅威「サイバー攻撃をはじめとする意図的要因によるIT障害への脅威」の例であり、「非意図的要因によるIT障害への脅威」の例ではありません。',
      '「分野横断的に多発するサービス不能攻撃」は「社会全体で対応が望まれる脅威」の例であり、「個別の重要インフラ事業者等が中心となって対応する脅威」の例ではありません。',
    ]);
  });

  it('the seed\'s own wordings resolve as examples: the first plan\'s (p16) and the 「例：…」 inside the table (p17)', () => {
    const doc = nisc2008Plan(
      'threats:',
      '  - {threat: intentional, responder: society, direction: received, examples: [分野横断的に多発する不正侵入]}',
      '  - {threat: intentional, responder: operator, direction: received, examples: [サービス不能攻撃, "サービス不能攻撃（DoS: Denial of Service）", 内部不正]}',
      '  - {threat: unintentional, responder: society, direction: received, examples: [西暦2000年問題]}',
      '  - {threat: unintentional, responder: operator, direction: received, examples: [外部委託, バグ]}',
      '  - {threat: 疾病, responder: society, direction: received, examples: [パンデミック, 首都圏直下地震, 荒川の氾濫]}',
      '  - {threat: 災害, responder: operator, direction: received, examples: [水道設備の損壊, コンピュータ施設の損壊]}',
      '  - {threat: spillover, responder: society, direction: caused, examples: [大規模な通信の途絶]}',
      '  - {threat: spillover, responder: operator, direction: caused, examples: [電力供給の途絶]}',
    );
    assert.deepStrictEqual(check(doc, [], 'en', (f) => f.code.startsWith('plan.threat') || f.code.startsWith('plan.responder') || f.code === 'threat.unknown'), []);
  });
});

describe('action plan: services, standards and information sharing', () => {
  it('subsector.unknown: a service\'s sub-sector must be one of its sector\'s (銀行 is not 医療\'s), with suggestion', () => {
    const doc = plan(
      'sectors:',
      '  - sector: finance',
      '    services: [{name: 預金, subsector: 銀行}, {name: 為替, subsector: 銀鉱}]',
      '    standards: [std-1]',
      '  - sector: 医療',
      '    services: [{name: 医療の提供, subsector: 銀行}]',
      '    standards: [std-med]',
      '  - sector: 政府･行政サービス',
      '    standards: [{title: x}]',
    );
    assert.deepStrictEqual(check(doc, others, 'en', focused), [
      { code: 'subsector.unknown', range: '8:65-8:67', severity: 'error', message: 'Unknown sub-sector "銀鉱" of sector 金融. Did you mean "銀行"?' },
      { code: 'subsector.unknown', range: '11:41-11:43', severity: 'error', message: 'Unknown sub-sector "銀行" of sector 医療.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', focused).map((f) => f.message), [
      '業種「銀鉱」は分野「金融」にありません。「銀行」の誤りではありませんか。',
      '業種「銀行」は分野「医療」にありません。',
    ]);
  });

  it('plan.standard-guideline-mismatch: a listed standard that follows another guideline', () => {
    const nisc = { uri: 'file:///ws/std-nisc.yaml', text: completeStandard().replace('id: std-1', 'id: std-nisc').replace('guideline: test-g', 'guideline: nisc-2008') };
    const doc = plan(...allSectors.slice(0, 2), '    standards: [std-1, std-nisc]', ...allSectors.slice(2));
    assert.deepStrictEqual(check(doc, [...others, nisc], 'en', focused), [
      { code: 'plan.standard-guideline-mismatch', range: '8:24-8:32', severity: 'error', message: 'Standard std-nisc follows guideline nisc-2008, not test-g, which the plan follows.' },
    ]);
    assert.deepStrictEqual(check(doc, [...others, nisc], 'ja', focused).map((f) => f.message), [
      '安全基準等 std-nisc が準拠する指針は nisc-2008 であり、行動計画が準拠する test-g ではありません。',
    ]);
  });

  it('plan.sharing-route: the routes a. b. ① ② ③ carry what the seed draws (p31, p34); ① NISC–所管省庁 is a route', () => {
    const doc = plan(...allSectors, 'information-sharing:',
      '  - {threat: intentional, info: A.a, timing: normal, route: operator-to-nisc}',
      '  - {threat: intentional, info: A.b, timing: normal, route: nisc-ministry}',
      '  - {threat: intentional, info: B, timing: alert, route: nisc-ministry, channel: implementation-rules}',
      '  - {threat: intentional, info: A.c, timing: alert, route: nisc-to-operator, channel: implementation-rules}',
      '  - {threat: intentional, info: A.b, timing: normal, route: within-ceptoar, channel: ceptoar}',
      '  - {threat: intentional, info: B, timing: alert, route: ministry-ceptoar, channel: ministry-ceptoar-means}');
    const codes = only('plan.sharing-route', 'plan.sharing-channel');
    assert.deepStrictEqual(check(doc, others, 'en', codes), [
      { code: 'plan.sharing-route', range: '11:33-11:36', severity: 'error', message: 'Route a. operator → ministry → NISC (reporting under the implementation rules) does not carry information of type A.a; it carries B.' },
      { code: 'plan.sharing-route', range: '12:33-12:36', severity: 'error', message: 'Route ① NISC – ministry in charge (implementation rules) does not carry information of type A.b; it carries B, A.c.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', codes).map((f) => f.message), [
      '経路「a. 事業者等→所管省庁→NISC（実施細目に基づく情報連絡）」では情報の種類 A.a を共有しません（この経路で共有する情報: B）。',
      '経路「① NISC–重要インフラ所管省庁（実施細目）」では情報の種類 A.b を共有しません（この経路で共有する情報: B, A.c）。',
    ]);
  });

  it('plan.sharing-channel: ② and ③ do not go by the implementation rules (政府間の実施細目); the fix names the route\'s means', () => {
    const doc = plan(...allSectors, 'information-sharing:',
      '  - {threat: intentional, info: A.b, timing: normal, route: within-ceptoar, channel: implementation-rules}',
      '  - {threat: intentional, info: B, timing: alert, route: ministry-ceptoar, channel: newsletter}');
    const codes = only('plan.sharing-route', 'plan.sharing-channel');
    assert.deepStrictEqual(check(doc, others, 'en', codes), [
      { code: 'plan.sharing-channel', range: '11:86-11:106', severity: 'error', message: 'Route ③ within a CEPTOAR (its own rules) goes by each CEPTOAR, not by under the implementation rules (実施細目).' },
      { code: 'plan.sharing-channel', range: '12:85-12:95', severity: 'error', message: 'Route ② ministry in charge – CEPTOAR (means agreed in advance) goes by the means agreed in advance between the ministry and the CEPTOAR, not by newsletter.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja', codes).map((f) => f.message), [
      '経路「③ CEPTOAR内（各CEPTOARの情報取り扱いルール）」の手段は「各セプター」であり、「実施細目に基づく連絡」ではありません。',
      '経路「② 重要インフラ所管省庁–CEPTOAR（予め定められた通信手段）」の手段は「所管省庁とCEPTOARの間で予め定められた通信手段」であり、「ニュースレター」ではありません。',
    ]);
    const fixes = workspaceWith(doc, ...others).analyze(uri).findings.filter(codes).map((f) => f.replacement?.newText);
    assert.deepStrictEqual(fixes, ['ceptoar', 'ministry-ceptoar-means']);
  });

  it('plan.sharing-subtype-unknown: the sub-type is one of the guideline\'s for the kind (p31 sub-types or examples); a kind naming none accepts any', () => {
    const doc = nisc2008Plan('information-sharing:',
      '  - {threat: intentional, subtype: サービスの対象となるシステムへの直接的な攻撃, info: A.c, timing: alert}',
      '  - {threat: intentional, subtype: サービス不能攻撃, info: A.c, timing: alert}',
      '  - {threat: intentional, subtype: インターネットの基幹システム（IX、ルートDNS）への攻撃, info: A.c, timing: alert}',
      '  - {threat: unintentional, subtype: 宇宙天気, info: A.a, timing: normal}');
    const codes = only('plan.sharing-subtype-unknown');
    assert.deepStrictEqual(check(doc, [], 'en', codes), [
      {
        code: 'plan.sharing-subtype-unknown',
        range: '10:36-10:65',
        severity: 'warning',
        message: '"インターネットの基幹システム（IX、ルートDNS）への攻撃" is not a sub-type of threat サイバー攻撃をはじめとする意図的要因によるIT障害への脅威 (its sub-types: '
          + 'サービスの対象となるシステムへの直接的な攻撃、サービスが直接のターゲットではないが、重要インフラ事業者等が被害を受ける攻撃、インターネットの基幹システム（IX、ルートDNS等）への攻撃). '
          + 'Did you mean "インターネットの基幹システム（IX、ルートDNS等）への攻撃"?',
      },
      {
        code: 'plan.sharing-subtype-unknown',
        range: '11:38-11:42',
        severity: 'warning',
        message: '"宇宙天気" is not a sub-type of threat 非意図的要因によるIT障害への脅威 (its sub-types: プログラムミス、システムの不具合や操作ミス等、制度改正等大規模な変化を伴う社会的問題).',
      },
    ]);
    assert.deepStrictEqual(check(doc, [], 'ja', codes)[1].message,
      '「宇宙天気」は脅威「非意図的要因によるIT障害への脅威」の細分にありません（細分: プログラムミス、システムの不具合や操作ミス等、制度改正等大規模な変化を伴う社会的問題）。');
    // test-g's 災害 names neither sub-types nor examples: any sub-type is accepted.
    const free = plan(...allSectors, 'information-sharing:', '  - {threat: disaster, subtype: 何でも, info: B, timing: alert}');
    assert.deepStrictEqual(check(free, others, 'en', codes), []);
  });
});

describe('action plan: completion of a sector\'s standards', () => {
  const standards = () => [
    { id: 'std-med', sector: 'medical', title: '医療の基準' },
    { id: 'std-1', sector: '金融', title: 'テスト基準' },
    { id: 'std-gov', sector: '政府･行政サービス', title: '行政の基準' },
  ];
  const complete = (textWithCursor: string): string[] => {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    const workspace = workspaceWith(testGuideline);
    const result = completeAt({ text, offset, format: 'yaml', locale: 'en', catalog: workspace.catalog('test-g'), guidelineIds: () => [], standardIds: standards });
    return [...result.suggestions].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((s) => s.label);
  };
  const head = ['kijun: action-plan', 'guideline: test-g', 'id: p', 'title: 計画', 'period: {from: 2009, to: 2011}', 'sectors:'];

  it('offers the standards of the entry\'s sector first, its sector named by id, label or an NFKC variant, above or below', () => {
    assert.deepStrictEqual(complete(lines(...head, '  - sector: 医療', '    standards: [|]')), ['std-med', 'std-1', 'std-gov']);
    assert.deepStrictEqual(complete(lines(...head, '  - sector: medical', '    services: [{name: 医療}]', '    standards:', '      - |')), ['std-med', 'std-1', 'std-gov']);
    assert.deepStrictEqual(complete(lines(...head, '  - sector: 医療', '    standards: [std-med]', '  - standards: [|]', '    sector: 政府・行政サービス')), ['std-gov', 'std-med', 'std-1']);
    assert.deepStrictEqual(complete(lines(...head, '  - sector: 金融', '    standards: [|]', '  - sector: 医療')), ['std-1', 'std-med', 'std-gov']);
  });

  it('without a sector in the entry, the workspace order', () => {
    assert.deepStrictEqual(complete(lines(...head, '  - standards: [|]')), ['std-med', 'std-1', 'std-gov']);
  });
});
