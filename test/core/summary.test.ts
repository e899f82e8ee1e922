import * as assert from 'assert';
import { Workspace } from '../../server/src/core';
import { bundled, show } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/**
 * Document summaries (`Workspace.summaryOf` / `adoptSummary`): what `kijun check` in worker threads hands to
 * the thread that analyses the guidelines, so that it need not parse the standards again. Analysing a
 * guideline from the summaries must give exactly the findings of analysing it with every standard parsed.
 */
describe('document summaries', () => {
  const guideline = { uri: 'file:///ws/a-guideline.yaml', text: testGuideline.text };
  const copy = { uri: 'file:///ws/z-guideline.yaml', text: testGuideline.text.replace('title: テスト指針', 'title: 写し') };
  const standards = [
    { uri: 'file:///ws/s1.yaml', text: completeStandard() },
    { uri: 'file:///ws/s2.yaml', text: completeStandard().replace('id: std-1', 'id: std-2').replace('covers: [C]', 'covers: []').replace('covers: [A-1, A-2]', 'covers: [A-1, Ａ-1]') },
    { uri: 'file:///ws/s3.yaml', text: completeStandard().replace('guideline: test-g', 'guideline: nisc-2008').replace('id: std-1', 'id: std-3') },
  ];
  const all = [guideline, copy, ...standards];

  const parsedWorkspace = () => {
    const workspace = new Workspace(bundled());
    for (const doc of all) workspace.set(doc.uri, doc.text, 'yaml');
    return workspace;
  };

  /** A workspace that holds every text unparsed and knows the standards from another workspace's summaries. */
  const summarisedWorkspace = (texts: (uri: string, text: string) => string = (_, text) => text) => {
    const worker = new Workspace(bundled());
    for (const doc of all) worker.put(doc.uri, doc.text, 'yaml');
    const workspace = new Workspace(bundled());
    for (const doc of all) workspace.put(doc.uri, doc.text, 'yaml');
    for (const doc of standards) workspace.adoptSummary(doc.uri, texts(doc.uri, doc.text), worker.summaryOf(doc.uri));
    return workspace;
  };

  const findings = (workspace: Workspace, doc: { uri: string; text: string }) => workspace.analyze(doc.uri).findings.map((f) => show(f, doc.text));

  it('a standard\'s summary: its kind, id, guideline, and the items it covers against the workspace guideline', () => {
    const worker = new Workspace(bundled());
    for (const doc of all) worker.put(doc.uri, doc.text, 'yaml');
    assert.deepStrictEqual(worker.summaryOf(standards[1].uri), {
      kind: 'standard', id: 'std-2', guideline: 'test-g', covered: { catalogUri: guideline.uri, items: ['A', 'A-1', 'B'] },
    });
    // A standard of a bundled guideline: no guideline document of the workspace asks for its coverage.
    assert.deepStrictEqual(worker.summaryOf(standards[2].uri), { kind: 'standard', id: 'std-3', guideline: 'nisc-2008' });
    assert.deepStrictEqual(worker.summaryOf(guideline.uri), { kind: 'guideline', id: 'test-g' });
  });

  it('the guidelines analysed from the summaries give the findings of a workspace that parsed every standard', () => {
    const expected = parsedWorkspace();
    const summarised = summarisedWorkspace();
    for (const doc of [guideline, copy]) assert.deepStrictEqual(findings(summarised, doc), findings(expected, doc));
    assert.deepStrictEqual(findings(summarised, guideline), [
      { code: 'document.duplicate-id', range: '2:5-2:11', severity: 'warning', message: 'Another document in the workspace also has the id "test-g": file:///ws/z-guideline.yaml.' },
      { code: 'coverage.not-covered-in-workspace', range: '40:14-40:17', severity: 'information', message: 'No standard in the workspace covers C-1 (2 standard(s) follow this guideline).' },
    ]);
  });

  it('a summary is used for the text it was made from only, and then it is what counts', () => {
    const expected = parsedWorkspace();
    // Summaries of other texts are ignored: the standards are parsed instead.
    const stale = summarisedWorkspace((_, text) => `${text}# edited\n`);
    assert.deepStrictEqual(findings(stale, guideline), findings(expected, guideline));
    // A summary of the same text is taken at its word (here, one that says the first standard covers C-1 too).
    const workspace = summarisedWorkspace();
    const worker = new Workspace(bundled());
    for (const doc of all) worker.put(doc.uri, doc.text, 'yaml');
    const claimed = worker.summaryOf(standards[0].uri);
    claimed.covered!.items.push('C-1');
    workspace.adoptSummary(standards[0].uri, standards[0].text, claimed);
    assert.deepStrictEqual(findings(workspace, guideline).map((f) => f.code), ['document.duplicate-id']);
  });
});

/**
 * An edit of the guideline makes a new catalog: each standard's covering index is then made from the names its
 * clauses write (several written forms of one item merged), and must equal the index of a fresh analysis.
 */
describe('coverage after a guideline edit', () => {
  it('equals a fresh workspace\'s, for every edit of an item id and back', () => {
    const standard = {
      uri: 'file:///ws/s.yaml',
      text: completeStandard([
        '  - id: S-4',
        '    title: 両方の書き方',
        '    covers: [Ａ-1, A-1, B]',
      ]),
    };
    const workspace = new Workspace(bundled());
    let text = testGuideline.text;
    workspace.set(testGuideline.uri, text, 'yaml');
    workspace.set(standard.uri, standard.text, 'yaml');
    const summary = (w: Workspace) => {
      const analysis = w.analyze(standard.uri);
      return {
        findings: analysis.findings.map((f) => show(f, standard.text)),
        items: analysis.coverage?.items.map((i) => `${i.item.id.value} ${i.status} ${i.coveredBy.map((c) => c.id?.value).join(',')}`),
      };
    };
    const before = summary(workspace);
    assert.deepStrictEqual(before.items, ['A covered ', 'A-1 covered S-1,S-4', 'A-2 covered S-1', 'B covered S-2,S-4', 'C covered S-3']);
    const edits: [string, string][] = [['{id: A-1,', '{id: A-1x,'], ['{id: A-1x,', '{id: A-1,'], ['{id: B,', '{id: Ｂ,'], ['{id: Ｂ,', '{id: B,']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      workspace.set(testGuideline.uri, text, 'yaml');
      const fresh = new Workspace(bundled());
      fresh.set(testGuideline.uri, text, 'yaml');
      fresh.set(standard.uri, standard.text, 'yaml');
      assert.deepStrictEqual(summary(workspace), summary(fresh), `after ${from} → ${to}`);
    }
    assert.deepStrictEqual(summary(workspace), before);
  });
});
