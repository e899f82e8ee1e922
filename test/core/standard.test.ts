import * as assert from 'assert';
import { check, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

const uri = 'file:///ws/std.yaml';
const standard = (text: string) => ({ uri, text });

describe('standard checks', () => {
  it('reports nothing for a complete standard', () => {
    assert.deepStrictEqual(check(standard(completeStandard()), [testGuideline]), []);
  });

  it('guideline.unknown: names the known guidelines and suggests the closest', () => {
    const text = completeStandard().replace('guideline: test-g', 'guideline: test-h');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'guideline.unknown',
      range: '2:12-2:18',
      severity: 'error',
      message: 'Unknown guideline "test-h"; known guidelines: test-g, nisc-2007, nisc-2008, nisc-2024. Did you mean "test-g"? A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.',
    }]);
    assert.strictEqual(check(standard(text), [testGuideline], 'ja')[0].message,
      '指針「test-h」が見つかりません（既知の指針: test-g, nisc-2007, nisc-2008, nisc-2024）。「test-g」の誤りではありませんか。独自の指針文書は、ワークスペースか設定 kijun.guidelineFolders のフォルダに置いてください。');
  });

  it('sector.unknown: suggests the nearest label, with a replacement', () => {
    const text = completeStandard().replace('sector: 金融', 'sector: 金触');
    const workspace = workspaceWith(standard(text), testGuideline);
    const findings = workspace.analyze(uri).findings.filter((f) => f.code === 'sector.unknown');
    assert.strictEqual(findings.length, 1);
    assert.deepStrictEqual(findings[0].replacement, { span: { start: text.indexOf('金触'), end: text.indexOf('金触') + 2 }, newText: '金融' });
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', (f) => f.code === 'sector.unknown'), [{
      code: 'sector.unknown',
      range: '5:9-5:11',
      severity: 'error',
      message: '分野「金触」は指針 test-g にありません。「金融」の誤りではありませんか。',
    }]);
  });

  it('accepts a sector by id, by label and by an NFKC variant of the label', () => {
    for (const sector of ['finance', '金融', 'FINANCE', ' 金融 ']) {
      const text = completeStandard().replace('sector: 金融', `sector: "${sector}"`);
      assert.deepStrictEqual(check(standard(text), [testGuideline]), [], sector);
    }
    // 政府･行政サービス with a half-width middle dot (U+FF65) is the label after NFKC.
    const government = completeStandard().replace('sector: 金融', 'sector: 政府･行政サービス');
    assert.deepStrictEqual(check(standard(government), [testGuideline], 'en', (f) => f.code.startsWith('sector')), []);
  });

  it('subsector.unknown: checks the sub-sector within the sector', () => {
    const ok = completeStandard().replace('class: 3', 'class: 3\nsubsector: 銀行');
    assert.deepStrictEqual(check(standard(ok), [testGuideline]), []);
    const bad = completeStandard().replace('class: 3', 'class: 3\nsubsector: 銀項');
    assert.deepStrictEqual(check(standard(bad), [testGuideline]), [{
      code: 'subsector.unknown',
      range: '7:12-7:14',
      severity: 'error',
      message: 'Unknown sub-sector "銀項" of sector 金融. Did you mean "銀行"?',
    }]);
  });

  it('threat.unknown: accepts threat ids, labels and example ids; suggests for typos', () => {
    const text = completeStandard().replace('threats: [intentional]', 'threats: [意図的要因, intentional.dos, disastr]');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'threat.unknown',
      range: '14:39-14:46',
      severity: 'error',
      message: 'Unknown threat "disastr" in guideline test-g. Did you mean "disaster"?',
    }]);
  });

  it('covers.unknown-item and covers.not-applicable', () => {
    const text = completeStandard(['  - id: S-4', '    title: 余分', '    covers: [C-1, Z-9]']);
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      {
        code: 'covers.not-applicable',
        range: '20:14-20:17',
        severity: 'warning',
        message: 'Item C-1 (Ⅲ1) does not apply to sector 金融; covering it counts for nothing.',
      },
      {
        code: 'covers.unknown-item',
        range: '20:19-20:22',
        severity: 'error',
        message: 'Guideline test-g has no item "Z-9".',
      },
    ]);
  });

  it('clause.duplicate-id points at the second clause and names the first line', () => {
    const text = completeStandard(['  - id: S-1', '    title: 再掲']);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja'), [{
      code: 'clause.duplicate-id',
      range: '18:9-18:12',
      severity: 'error',
      message: '条項 ID「S-1」が重複しています（最初の定義は 8 行目）。',
    }]);
  });

  it('exclusions: missing reason, placeholder reason, unknown item, duplicate, covered anyway', () => {
    const text = completeStandard([
      'exclusions:',
      '  - item: A-2',
      '  - {item: A-2, reason: 重複}',
      '  - {item: B, reason: 該当設備なし}',
      '  - {item: Q-1, reason: なし}',
      '  - {item: C, reason: "（理由を記載）"}',
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [
      { code: 'exclusion.missing-reason', range: '19:11-19:14', severity: 'error', message: 'The exclusion of A-2 needs a reason: say why the standard need not cover it (規定する必要がない理由).' },
      { code: 'exclusion.covered', range: '19:11-19:14', severity: 'warning', message: "A-2 is excluded, but clause S-1 covers it; remove the exclusion or the clause's reference." },
      { code: 'exclusion.duplicate', range: '20:12-20:15', severity: 'warning', message: 'A-2 is excluded more than once (first at line 19).' },
      { code: 'exclusion.covered', range: '21:12-21:13', severity: 'warning', message: "B is excluded, but clause S-2 covers it; remove the exclusion or the clause's reference." },
      { code: 'exclusion.unknown-item', range: '22:12-22:15', severity: 'error', message: 'Guideline test-g has no item "Q-1" to exclude. Did you mean "A-1"?' },
      { code: 'exclusion.covered', range: '23:12-23:13', severity: 'warning', message: "C is excluded, but clause S-3 covers it; remove the exclusion or the clause's reference." },
      { code: 'exclusion.placeholder-reason', range: '23:23-23:32', severity: 'warning', message: 'The reason for excluding C is still the placeholder "（理由を記載）"; write why the standard need not cover it.' },
    ]);
  });
});
