import * as assert from 'assert';
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

describe('action plan checks', () => {
  it('a plan naming every sector, with standards of the right sectors and known threats, has no findings', () => {
    const doc = plan(
      'sectors:',
      '  - sector: finance',
      '    standards: [std-1, {id: std-1, title: テスト基準, class: 3}, {title: 文書化されていない基準}]',
      '  - sector: 医療',
      '    standards: [std-med]',
      '  - sector: 政府･行政サービス',
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
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.sector-missing', range: '2:12-2:18', severity: 'warning', message: 'Sector 医療 of guideline test-g is missing from the plan.' },
      { code: 'plan.sector-missing', range: '2:12-2:18', severity: 'warning', message: 'Sector 政府・行政サービス of guideline test-g is missing from the plan.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja').map((f) => f.message), [
      '指針 test-g の分野「医療」が行動計画にありません。',
      '指針 test-g の分野「政府・行政サービス」が行動計画にありません。',
    ]);
  });

  it('plan.standard-unknown: a standard id that resolves to no document', () => {
    const doc = plan(...allSectors.slice(0, 2), '    standards: [std-1, std-9]', ...allSectors.slice(2));
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.standard-unknown', range: '8:24-8:29', severity: 'error', message: 'No standard with the id "std-9" exists in the workspace.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja')[0].message, 'ID「std-9」の安全基準等がワークスペースにありません。');
  });

  it('plan.standard-unknown: an id that names a document of another kind (the guideline) is not a standard', () => {
    const doc = plan(...allSectors.slice(0, 2), '    standards: [test-g]', ...allSectors.slice(2));
    assert.deepStrictEqual(check(doc, others).map((f) => `${f.code} ${f.range}`), ['plan.standard-unknown 8:17-8:23']);
  });

  it('plan.standard-sector-mismatch: a standard of another sector, listed by id or as a mapping', () => {
    const doc = plan(
      ...allSectors.slice(0, 3),
      '    standards: [std-1, {id: std-1, title: テスト基準}, std-med]',
      ...allSectors.slice(3),
    );
    assert.deepStrictEqual(check(doc, others), [
      { code: 'plan.standard-sector-mismatch', range: '9:17-9:22', severity: 'error', message: 'Standard std-1 belongs to sector 金融, not 医療.' },
      { code: 'plan.standard-sector-mismatch', range: '9:29-9:34', severity: 'error', message: 'Standard std-1 belongs to sector 金融, not 医療.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja')[0].message, '安全基準等 std-1 は分野「金融」のものであり、「医療」のものではありません。');
  });

  it('no mismatch is claimed when the standard\'s own sector is unknown', () => {
    const unknownSector = { uri: financeStandard.uri, text: financeStandard.text.replace('sector: 金融', 'sector: 宇宙') };
    const doc = plan(...allSectors.slice(0, 3), '    standards: [std-1]', ...allSectors.slice(3));
    assert.deepStrictEqual(check(doc, [testGuideline, unknownSector, medicalStandard]), []);
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
    assert.deepStrictEqual(check(doc, others), [
      { code: 'threat.unknown', range: '11:14-11:24', severity: 'error', message: 'Unknown threat "intentinal" in guideline test-g. Did you mean "intentional"?' },
      { code: 'threat.unknown', range: '14:14-14:21', severity: 'error', message: 'Unknown threat "disastr" in guideline test-g. Did you mean "disaster"?' },
      { code: 'threat.unknown', range: '15:14-15:21', severity: 'error', message: 'Unknown threat "宇宙からの脅威" in guideline test-g.' },
    ]);
    assert.deepStrictEqual(check(doc, others, 'ja')[1].message, '脅威「disastr」は指針 test-g にありません。「disaster」の誤りではありませんか。');
  });

  it('sector.unknown: a plan sector that is not in the guideline, suggesting the label; the sector then counts as missing', () => {
    const doc = plan('sectors:', '  - sector: 金融', '  - sector: 医寮', '  - sector: government');
    assert.deepStrictEqual(check(doc, others), [
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
    assert.deepStrictEqual(check(doc, others), [{
      code: 'guideline.unknown',
      range: '2:12-2:18',
      severity: 'error',
      message: 'Unknown guideline "test-h"; known guidelines: test-g, nisc-2008, nisc-2024. Did you mean "test-g"?',
    }]);
  });
});
