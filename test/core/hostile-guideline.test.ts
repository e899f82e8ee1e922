import * as assert from 'assert';
import { renderMessage, Workspace } from '../../server/src/core';
import { bundled, check, lines, show, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/**
 * A guideline that breaks while standards depend on it (a syntax error typed into it): the standards keep
 * resolving against its last readable version and say so (`guideline.stale`), instead of every clause
 * turning into "unknown item" at each keystroke. Designed in the core (Workspace), so that the CLI and the
 * server agree: the same texts in the same order give the same findings.
 */
const standard = { uri: 'file:///ws/std.yaml', text: completeStandard() };
const brokenGuideline = testGuideline.text.replace('title: テスト指針', 'title: "テスト指針');
const staleEn = 'The guideline "test-g" (file:///ws/test-guideline.yaml) cannot be read at the moment (its own findings say why): this document is checked against its last readable version until the guideline is fixed.';
const staleJa = '指針「test-g」（file:///ws/test-guideline.yaml）は現在読み取れません（理由は指針自体の指摘を参照）。指針が修正されるまで、この文書は読み取れた最後の版の指針で検査しています。';
const stale = { code: 'guideline.stale', range: '2:12-2:18', severity: 'information', message: staleEn };

/** The standard's findings against what can be read of the broken guideline (its sectors, threats and items are lost): code and range. */
const againstWhatCanBeRead = [
  'sector.unknown 5:9-5:11',
  'covers.unknown-item 10:14-10:17',
  'covers.unknown-item 10:19-10:22',
  'covers.unknown-item 13:14-13:15',
  'threat.unknown 14:15-14:26',
  'covers.unknown-item 17:14-17:15',
];

function findingsOf(workspace: ReturnType<typeof workspaceWith>, doc: { uri: string; text: string }) {
  return workspace.analyze(doc.uri).findings.map((f) => show(f, doc.text));
}

describe('a guideline that breaks while standards depend on it', () => {
  it('guideline.stale: the standard keeps its catalogue (no other finding) and says so, in both languages', () => {
    const workspace = workspaceWith(testGuideline, standard);
    assert.deepStrictEqual(findingsOf(workspace, standard), []);
    workspace.set(testGuideline.uri, brokenGuideline, 'yaml');
    // The guideline itself shows its syntax error, where the quote opens.
    assert.deepStrictEqual(findingsOf(workspace, { uri: testGuideline.uri, text: brokenGuideline }).filter((f) => f.code === 'syntax.yaml'), [
      { code: 'syntax.yaml', range: '3:8-3:9', severity: 'error', message: 'YAML syntax error: a closing quote or bracket is missing.' },
    ]);
    assert.deepStrictEqual(findingsOf(workspace, standard), [stale]);
    const [finding] = workspace.analyze(standard.uri).findings;
    assert.strictEqual(renderMessage(finding.code, finding.args, 'ja'), staleJa);
  });

  it('stays on the last readable version through several unreadable ones, and takes the next readable one', () => {
    const workspace = workspaceWith(testGuideline, standard);
    workspace.analyze(standard.uri);
    workspace.set(testGuideline.uri, brokenGuideline, 'yaml');
    workspace.set(testGuideline.uri, brokenGuideline.replace('  - id: C\n', '  - id: C\n    items: [\n'), 'yaml');
    assert.deepStrictEqual(findingsOf(workspace, standard), [stale]);
    // Fixed, with a new must-consider item D: the new version counts at once.
    const withD = testGuideline.text.replace('  - id: C\n', lines('  - id: D', '    title: 新', '    obligation: must-consider', '    level: abstract', '  - id: C'));
    workspace.set(testGuideline.uri, withD, 'yaml');
    assert.deepStrictEqual(findingsOf(workspace, standard), [
      { code: 'coverage.uncovered', range: '2:12-2:18', severity: 'warning', message: 'Must-consider item D  "新" is neither covered by a clause nor excluded.' },
    ]);
  });

  it('binary content pasted into the guideline (input.binary) also keeps the last readable version', () => {
    const workspace = workspaceWith(testGuideline, standard);
    workspace.analyze(standard.uri);
    workspace.set(testGuideline.uri, testGuideline.text.replace('テスト指針', 'テスト\u0000指針'), 'yaml');
    assert.deepStrictEqual(findingsOf(workspace, standard), [stale]);
  });

  it('a typing slip (a tab in the indentation) is read as fixed: the guideline is readable, not stale', () => {
    const workspace = workspaceWith(testGuideline, standard);
    const slipped = testGuideline.text.replace('    label: 金融', '\tlabel: 金融');
    workspace.set(testGuideline.uri, slipped, 'yaml');
    assert.deepStrictEqual(findingsOf(workspace, { uri: testGuideline.uri, text: slipped }).filter((f) => f.code.startsWith('syntax.')).map((f) => `${f.code} ${f.range}`), ['syntax.tab-indent 6:1-6:2']);
    assert.deepStrictEqual(findingsOf(workspace, standard), []);
  });

  it('an action plan following the guideline says so too', () => {
    const plan = { uri: 'file:///ws/plan.yaml', text: lines('kijun: action-plan', 'guideline: test-g', 'id: p', 'title: 計画', 'period: {from: 2009, to: 2011}') };
    const workspace = workspaceWith(testGuideline, plan);
    const before = findingsOf(workspace, plan);
    workspace.set(testGuideline.uri, brokenGuideline, 'yaml');
    // The plan's own findings stay as they were; the stale finding comes first on the guideline reference.
    const after = findingsOf(workspace, plan);
    assert.deepStrictEqual(after.filter((f) => f.code !== 'guideline.stale'), before);
    assert.deepStrictEqual(after.filter((f) => f.code === 'guideline.stale'), [stale]);
  });

  it('completion and navigation keep the catalogue while the guideline is unreadable', () => {
    const workspace = workspaceWith(testGuideline, standard);
    workspace.analyze(standard.uri);
    workspace.set(testGuideline.uri, brokenGuideline, 'yaml');
    assert.deepStrictEqual(workspace.catalog('test-g')?.item('A-1')?.title?.value, '責任者');
    assert.ok(workspace.guidelineIds().includes('test-g'));
  });

  it('without a readable version ever (what kijun check sees when the file is broken on disk), the standard is checked against what can be read', () => {
    // The CLI reads each file once: no earlier version, no stale finding; the guideline's own syntax error is the cause to fix.
    assert.deepStrictEqual(check(standard, [{ uri: testGuideline.uri, text: brokenGuideline }]).map((f) => `${f.code} ${f.range}`), againstWhatCanBeRead);
  });

  describe('the last readable version is the last one parsed and readable: a version replaced before it was parsed is no candidate', () => {
    // The standard covers D, which only the second version of the guideline defines; the third cannot be read.
    const followsD = { uri: 'file:///ws/std.yaml', text: completeStandard(['  - id: S-4', '    title: 新', '    covers: [D]']) };
    const withD = testGuideline.text.replace('  - id: C\n', lines('  - id: D', '    title: 新', '    obligation: reference', '    level: concrete', '  - id: C'));
    const brokenWithD = withD.replace('title: テスト指針', 'title: "テスト指針');
    const unknownD = { code: 'covers.unknown-item', range: '20:14-20:15', severity: 'error', message: 'Guideline test-g has no item "D". Did you mean "A"?' };
    const unknownDJa = '指針 test-g に項目「D」はありません。「A」の誤りではありませんか。';

    it('the second version, replaced before anything parsed it (as in a burst of changes), is skipped: the standard is checked against the first', () => {
      const workspace = workspaceWith(testGuideline, followsD);
      assert.deepStrictEqual(findingsOf(workspace, followsD), [unknownD]);
      workspace.set(testGuideline.uri, withD, 'yaml');
      workspace.set(testGuideline.uri, brokenWithD, 'yaml');
      assert.deepStrictEqual(findingsOf(workspace, followsD), [stale, unknownD]);
      const findings = workspace.analyze(followsD.uri).findings;
      assert.deepStrictEqual(findings.map((f) => renderMessage(f.code, f.args, 'ja')), [staleJa, unknownDJa]);
    });

    it('the second version, parsed by a check of the standard or by a request on the guideline itself (its outline, its highlighting), is the last readable one', () => {
      const parsers: [string, (workspace: Workspace) => void][] = [
        ['a check of the standard', (workspace) => assert.deepStrictEqual(findingsOf(workspace, followsD), [])],
        ['a request on the guideline', (workspace) => assert.strictEqual(workspace.parsed(testGuideline.uri)?.kind, 'guideline')],
      ];
      for (const [what, parseSecond] of parsers) {
        const workspace = workspaceWith(testGuideline, followsD);
        workspace.analyze(followsD.uri);
        workspace.set(testGuideline.uri, withD, 'yaml');
        parseSecond(workspace);
        workspace.set(testGuideline.uri, brokenWithD, 'yaml');
        assert.deepStrictEqual(findingsOf(workspace, followsD), [stale], what);
      }
    });

    it('an unreadable version parsed in between leaves the last readable in place', () => {
      const workspace = workspaceWith(testGuideline, followsD);
      workspace.analyze(followsD.uri);
      workspace.set(testGuideline.uri, brokenWithD, 'yaml');
      assert.deepStrictEqual(findingsOf(workspace, followsD), [stale, unknownD]);
      workspace.set(testGuideline.uri, brokenWithD.replace('  - id: C\n', '  - id: C\n    items: [\n'), 'yaml');
      assert.deepStrictEqual(findingsOf(workspace, followsD), [stale, unknownD]);
    });

    it('a guideline indexed without parsing (put) counts once a standard has looked it up; never looked up, it is no candidate', () => {
      // As the server indexes its folders: both documents put, unparsed.
      const indexed = () => {
        const workspace = new Workspace(bundled());
        workspace.put(testGuideline.uri, withD, 'yaml');
        workspace.put(followsD.uri, followsD.text, 'yaml');
        return workspace;
      };
      const lookedUp = indexed();
      assert.deepStrictEqual(findingsOf(lookedUp, followsD), []);
      lookedUp.put(testGuideline.uri, brokenWithD, 'yaml');
      assert.deepStrictEqual(findingsOf(lookedUp, followsD), [stale]);

      const never = indexed();
      never.put(testGuideline.uri, brokenWithD, 'yaml');
      // As without a readable version ever: checked against what can be read of the broken guideline.
      assert.deepStrictEqual(findingsOf(never, followsD).map((f) => `${f.code} ${f.range}`), [...againstWhatCanBeRead, 'covers.unknown-item 20:14-20:15']);
    });
  });

  it('a readable version that is no longer a guideline, or a deleted guideline, is forgotten: guideline.unknown', () => {
    const unknown = {
      code: 'guideline.unknown',
      range: '2:12-2:18',
      severity: 'error',
      message: 'Unknown guideline "test-g"; known guidelines: nisc-2007, nisc-2008, nisc-2024. A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.',
    };
    const changedKind = workspaceWith(testGuideline, standard);
    changedKind.analyze(standard.uri);
    changedKind.set(testGuideline.uri, brokenGuideline, 'yaml');
    assert.deepStrictEqual(findingsOf(changedKind, standard), [stale]);
    changedKind.set(testGuideline.uri, lines('kijun: standard', 'id: other'), 'yaml');
    assert.deepStrictEqual(findingsOf(changedKind, standard), [unknown]);
    // That readable version was parsed: broken again, the guideline has no last readable version (no stale finding).
    changedKind.set(testGuideline.uri, brokenGuideline, 'yaml');
    assert.deepStrictEqual(findingsOf(changedKind, standard).map((f) => `${f.code} ${f.range}`), againstWhatCanBeRead);

    const deleted = workspaceWith(testGuideline, standard);
    deleted.analyze(standard.uri);
    deleted.set(testGuideline.uri, brokenGuideline, 'yaml');
    deleted.delete(testGuideline.uri);
    assert.deepStrictEqual(findingsOf(deleted, standard), [unknown]);
  });
});
