import * as assert from 'assert';
import { Workspace } from '../../server/src/core';
import { show } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/**
 * A guideline's analysis in a workspace made with `unreadFollowers: 'count'` (the language server's): the standards that follow it and
 * are not parsed yet are counted, not parsed, and the notes on items no standard covers wait until they are read.
 */
describe('unread followers of a guideline', () => {
  const guidelineUri = 'file:///ws/test-guideline.yaml';
  const note = {
    code: 'coverage.not-covered-in-workspace',
    range: '40:14-40:17',
    severity: 'information',
    message: 'No standard in the workspace covers C-1 (3 standard(s) follow this guideline).',
  };

  function workspace(unreadFollowers?: 'count'): Workspace {
    const ws = new Workspace([], { unreadFollowers });
    ws.set(guidelineUri, testGuideline.text, 'yaml');
    for (let i = 0; i < 3; i++) ws.put(`file:///ws/s-${i}.yaml`, completeStandard().replace('id: std-1', `id: std-${i}`), 'yaml');
    // Another guideline's standard and a plan mentioning test-g by name are no followers to wait for.
    ws.put('file:///ws/other.yaml', completeStandard().replace('guideline: test-g', 'guideline: nisc-2008').replace('id: std-1', 'id: other'), 'yaml');
    ws.put('file:///ws/plan.yaml', 'kijun: action-plan\nid: plan\ntitle: 計画 (test-g)\n', 'yaml');
    return ws;
  }

  it('are counted and left unparsed: no note until they are read, then the notes of a whole analysis', () => {
    const ws = workspace('count');
    const catalog = ws.catalogFor(guidelineUri)!;
    assert.deepStrictEqual(ws.unreadFollowers(catalog), ['file:///ws/s-0.yaml', 'file:///ws/s-1.yaml', 'file:///ws/s-2.yaml']);
    assert.deepStrictEqual(ws.analyze(guidelineUri).findings.map((f) => show(f, testGuideline.text)), []);
    // Counting parsed none of them: all three are still unread.
    assert.deepStrictEqual(ws.unreadFollowers(catalog), ['file:///ws/s-0.yaml', 'file:///ws/s-1.yaml', 'file:///ws/s-2.yaml']);
    ws.readAhead('file:///ws/s-0.yaml');
    assert.deepStrictEqual(ws.unreadFollowers(catalog), ['file:///ws/s-1.yaml', 'file:///ws/s-2.yaml']);
    assert.deepStrictEqual(ws.analyze(guidelineUri).findings, []);
    for (const uri of ws.unreadFollowers(catalog)) ws.readAhead(uri);
    assert.deepStrictEqual(ws.unreadFollowers(catalog), []);
    assert.deepStrictEqual(ws.analyze(guidelineUri).findings.map((f) => show(f, testGuideline.text)), [note]);
  });

  it('are read by default (the CLI): the same notes at once', () => {
    const ws = workspace();
    assert.deepStrictEqual(ws.analyze(guidelineUri).findings.map((f) => show(f, testGuideline.text)), [note]);
    assert.deepStrictEqual(ws.unreadFollowers(ws.catalogFor(guidelineUri)!), []);
  });

  it("the guideline's duplicate-id check does not parse the standards that name its id", () => {
    const ws = workspace('count');
    ws.put('file:///ws/z-copy.yaml', testGuideline.text, 'yaml');
    const findings = ws.analyze(guidelineUri).findings.map((f) => show(f, testGuideline.text));
    assert.deepStrictEqual(findings, [{
      code: 'document.duplicate-id',
      range: '2:5-2:11',
      severity: 'warning',
      message: 'Another document in the workspace also has the id "test-g": file:///ws/z-copy.yaml.',
    }]);
    assert.strictEqual(ws.unreadFollowers(ws.catalogFor(guidelineUri)!).length, 3);
  });
});
