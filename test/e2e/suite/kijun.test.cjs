// Kijun inside a real VS Code: the extension as users get it (dist/extension.js starting
// dist/server.js), driven through the public `vscode` API. The workspace is a copy of examples/ plus
// the e2e/ fixture pair (a workspace guideline e2e-g and a standard that follows it); see run.mjs.
// Every wait is on an editor event (onDidChangeDiagnostics) with a timeout, never a sleep.
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'kijun.kijun';
const WAIT_MS = Number(process.env.KIJUN_E2E_WAIT_MS || 20000);

const folder = () => vscode.workspace.workspaceFolders[0].uri;
const file = (...segments) => vscode.Uri.joinPath(folder(), ...segments);
const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const severityName = (s) => ['error', 'warning', 'info', 'hint'][s];
/** `line:col-line:col severity code message`, 0-based like the API. */
const brief = (d) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${severityName(d.severity)} ${codeOf(d)} ${d.message}`;
const kijunDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kijun');

/**
 * Resolves with the document's Kijun diagnostics as soon as `predicate` holds for them: checked now
 * (unless `now` is false: only what changes from here counts), then on every onDidChangeDiagnostics
 * event for that document. Rejects after `ms` with what was there.
 */
function waitForDiagnostics(uri, predicate, what, ms = WAIT_MS, { now = true } = {}) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription?.dispose();
      const now = kijunDiagnostics(uri).map(brief).join('\n  ') || '(none)';
      reject(new Error(`timed out after ${ms} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics now:\n  ${now}`));
    }, ms);
    const check = () => {
      const diagnostics = kijunDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(diagnostics);
      return true;
    };
    if (now && check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
}

/** Rejects if `promise` does not settle in time (for API calls that hang when the server is gone). */
function within(promise, what, ms = WAIT_MS) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

async function open(uri) {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Position of the first occurrence of `needle` in the document (plus `delta` characters). */
function positionOf(document, needle, delta = 0) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** Reverts the document to what is on disk (the tests never save). */
async function revert(document) {
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(document.isDirty, false);
}

const uncovered = (item) => (d) => codeOf(d) === 'coverage.uncovered' && d.message.startsWith(`Must-consider item ${item} `);
const provisional = (item) => (d) => codeOf(d) === 'coverage.uncovered-provisional' && d.message.startsWith(`Provisional item ${item} `);

describe('Kijun in a real VS Code', function () {
  const mistakes = file('examples', 'with-mistakes', 'butsuryu-draft.yaml');
  const finance = file('examples', 'finance', 'fisc-anzen-taisaku.yaml');
  const standard = file('e2e', 'e2e-standard.yaml');
  const guideline = file('e2e', 'e2e-guideline.yaml');

  before(function () {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI), language ${vscode.env.language}`);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1, 'the runner opens one workspace folder');
  });

  // Without an active extension every other test would only wait for its timeout: skip them instead
  // (the activation test has failed the run already).
  let activationFailed = false;
  beforeEach(function () {
    if (activationFailed) this.skip();
  });

  it('activates on a YAML document and starts its language server', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded (extensionDevelopmentPath?)`);
    await open(mistakes); // onLanguage:yaml
    const api = await within(Promise.resolve(extension.activate()), 'activating the extension')
      .catch((error) => { activationFailed = true; throw error; });
    assert.strictEqual(extension.isActive, true);
    assert.ok(api && api.client, 'activate() returns { client }');
    assert.strictEqual(api.client.isRunning(), true, 'the language client is running');
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['kijun.showCoverage', 'kijun.restartServer', 'kijun.findReferences']) {
      assert.ok(commands.includes(command), `command ${command} is registered`);
    }
  });

  it('reports the deliberate mistakes of with-mistakes/butsuryu-draft.yaml with exact ranges and messages', async function () {
    await open(mistakes);
    const diagnostics = await waitForDiagnostics(mistakes, (d) => d.some((x) => codeOf(x) === 'sector.unknown'), 'sector.unknown');
    const sector = diagnostics.find((d) => codeOf(d) === 'sector.unknown');
    assert.strictEqual(brief(sector), '6:8-6:10 error sector.unknown Unknown sector "物留" in guideline nisc-2008. Did you mean "物流"?');
    const document = await vscode.workspace.openTextDocument(mistakes);
    assert.strictEqual(document.getText(sector.range), '物留');

    // The error-level findings, one per MISTAKE line of the example, in document order: ranges and
    // codes of all, the full message of a few.
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => brief(d).split(' ').slice(0, 3).join(' ')), [
      '6:8-6:10 error sector.unknown',
      '20:27-20:39 error threat.unknown',
      '24:4-24:13 error schema.required',
      '25:4-25:9 error schema.unknown-key',
      '44:8-44:13 error clause.duplicate-id',
      '60:23-60:35 error covers.unknown-item',
      '66:10-66:18 error exclusion.missing-reason',
    ]);
    const messages = new Map(errors.map((d) => [codeOf(d), d.message]));
    assert.strictEqual(messages.get('threat.unknown'), 'Unknown threat "unintentinal" in guideline nisc-2008. Did you mean "unintentional"?');
    assert.strictEqual(messages.get('covers.unknown-item'), 'Guideline nisc-2008 has no item "G-II-3-4-2-D". Did you mean "G-II-3-4-2-A"?');
    assert.ok(diagnostics.some((d) => brief(d).startsWith('67:10-67:18 warning exclusion.covered ')), diagnostics.map(brief).join('\n'));
    // Coverage warnings sit on the guideline id ("nisc-2008", line 4), one per cause: the uncovered must-consider
    // items none of whose must-consider sub-items is uncovered (the provisional sub-items are information only).
    const coverage = diagnostics.filter((d) => codeOf(d) === 'coverage.uncovered');
    assert.deepStrictEqual(coverage.map(brief), [
      '3:11-3:20 warning coverage.uncovered Must-consider item G-II-2 4つの柱 2 "Measures for information" is neither covered by a clause nor excluded.',
      '3:11-3:20 warning coverage.uncovered Must-consider item G-II-3-4-2-B Ⅱ3.(4)②イ（推定） "Measures to prevent information leakage" is neither covered by a clause nor excluded.',
      '3:11-3:20 warning coverage.uncovered Must-consider item G-II-3-4-2-C Ⅱ3.(4)②ウ（推定） "Measures for information security in outsourcing" is neither covered by a clause nor excluded.',
    ]);
    // Each points at the item's definition in the bundled guideline.
    const related = coverage[0].relatedInformation?.[0];
    assert.ok(related, 'relatedInformation');
    assert.strictEqual(related.location.uri.toString(), 'kijun-bundled:/nisc-2008.yaml');
    assert.strictEqual(related.message, 'G-II-2 in guideline nisc-2008');
    // The line marked "OK:" (full-width ＩＴ in a threat label) is accepted.
    const ok = positionOf(document, '# OK:').line;
    assert.ok(!diagnostics.some((d) => d.range.start.line === ok), diagnostics.map(brief).join('\n'));
  });

  it('completes the sectors of the guideline at a `sector:` value', async function () {
    const document = await open(finance);
    await waitForDiagnostics(finance, (d) => d.some(provisional('G-II-1-3')), 'the finance example to be checked');
    const position = positionOf(document, 'sector: 金融', 'sector: '.length);
    const list = await within(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position), 'completion');
    const sectors = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Module);
    const labels = sectors.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const label of ['金融', '医療', '物流', '情報通信']) assert.ok(labels.includes(label), `sector ${label} offered; got ${labels.join(', ')}`);
    const kinyu = sectors.find((i) => i.label === '金融');
    assert.strictEqual(kinyu.detail, 'finance — Financial Services');
    assert.strictEqual(kinyu.insertText ?? kinyu.textEdit?.newText ?? '金融', '金融');
  });

  it('shows the guideline item when hovering a `covers` entry', async function () {
    const document = await open(finance);
    const position = positionOf(document, 'covers: [G-II-1, G-II-1-1]', 'covers: [G-II-1, G-II'.length);
    const hovers = await within(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position), 'hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
    const [heading, , description, mark] = text.split('\n\n');
    assert.strictEqual(heading, '**Kijun補足 柱1-1 責任体制の明確化** — Clear assignment of responsibilities');
    assert.match(description, /最終責任者/);
    assert.match(mark, /^_Provisional item: Kijun's own suggestion, not the guideline's\./);
    const range = hovers[0].range;
    assert.strictEqual(document.getText(range), 'G-II-1-1');
  });

  it('goes to the definition of an item in the bundled guideline, served read-only by the client', async function () {
    const document = await open(finance);
    const position = positionOf(document, 'covers: [G-II-1, G-II-1-1]', 'covers: [G-II-1, G-II'.length);
    const locations = await within(vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, position), 'definition');
    assert.strictEqual(locations.length, 1);
    const target = locations[0].uri ?? locations[0].targetUri;
    const range = locations[0].range ?? locations[0].targetRange;
    assert.strictEqual(target.toString(), 'kijun-bundled:/nisc-2008.yaml');
    const bundled = await within(Promise.resolve(vscode.workspace.openTextDocument(target)), 'opening the bundled guideline');
    assert.match(bundled.getText(), /^id: nisc-2008$/m);
    assert.match(bundled.lineAt(range.start.line).text, /\bG-II-1-1\b/);
  });

  it('applies the quick fix "Add a clause covering G-II-1-3" and the finding goes away', async function () {
    const document = await open(finance);
    const before = await waitForDiagnostics(finance, (d) => d.some(provisional('G-II-1-3')), 'coverage.uncovered-provisional G-II-1-3');
    // The finance example covers every must-consider item; what is left is one provisional item, as information.
    assert.deepStrictEqual(before.map(brief), [
      '9:11-9:20 info coverage.uncovered-provisional Provisional item G-II-1-3 Kijun補足 柱1-3 "Securing resources" (Kijun\'s own suggestion, not the guideline\'s) is not covered.',
    ]);
    const finding = before[0];
    const actions = await within(vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value), 'code actions');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /G-II-1-3/.test(t) && /Exclude|除外/.test(t)), titles.join('\n'));
    const fix = actions.find((a) => /G-II-1-3/.test(a.title) && /clause|条項/.test(a.title));
    assert.ok(fix, `quick fix offered; got:\n${titles.join('\n')}`);
    assert.strictEqual(fix.kind.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');
    assert.match(document.getText(), /covers: \[G-II-1-3\]/);
    const after = await waitForDiagnostics(finance, (d) => !d.some(provisional('G-II-1-3')), 'the finding to go away');
    assert.deepStrictEqual(after.map(brief), []);
    await revert(document);
    await waitForDiagnostics(finance, (d) => d.some(provisional('G-II-1-3')), 'the finding to come back after revert');
  });

  describe('a workspace guideline and a standard that follows it', function () {
    const NEW_ITEM = '  - {id: D, label: Ⅳ, title: 新項目, title-en: New item, obligation: must-consider, level: abstract}\n';
    const C_WARNING = '1:11-1:16 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.';
    const D_WARNING = '1:11-1:16 warning coverage.uncovered Must-consider item D Ⅳ "New item" is neither covered by a clause nor excluded.';
    const C_INFO = '1:11-1:16 info coverage.uncovered-reference Reference item C Ⅲ "Continuity" is not covered.';
    const only = (...expected) => (d) => JSON.stringify(d.map(brief).sort()) === JSON.stringify([...expected].sort());

    it('resolves the workspace guideline: the standard misses item C, its code lens counts 2 of 3', async function () {
      const document = await open(standard);
      const diagnostics = await waitForDiagnostics(standard, (d) => d.some(uncovered('C')), 'coverage.uncovered C (guideline e2e-g indexed)');
      assert.deepStrictEqual(diagnostics.map(brief), [C_WARNING]);
      const lenses = await within(vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri), 'code lenses');
      assert.deepStrictEqual(lenses.map((l) => l.command?.title), ['Kijun: 2 of 3 must-consider items covered or excluded (0 excluded)']);
      const hovers = await within(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'A-1')), 'hover');
      assert.strictEqual(hovers[0].contents[0].value, '**Ⅰ1 責任者** — Officer\n\n`A-1` · 要検討事項 · 抽象的内容 (must be considered for inclusion) · e2e-g');
    });

    it('follows a change of the guideline on disk (file watcher)', async function () {
      await open(standard);
      await waitForDiagnostics(standard, only(C_WARNING), 'the C warning alone');
      const original = Buffer.from(await vscode.workspace.fs.readFile(guideline)).toString('utf8');
      try {
        await vscode.workspace.fs.writeFile(guideline, Buffer.from(original + NEW_ITEM, 'utf8'));
        await waitForDiagnostics(standard, only(C_WARNING, D_WARNING), 'a warning for the new item D');
      } finally {
        await vscode.workspace.fs.writeFile(guideline, Buffer.from(original, 'utf8'));
      }
      await waitForDiagnostics(standard, only(C_WARNING), 'the D warning to go away once the file is restored');
    });

    it('updates the standard while the guideline is edited in the editor (unsaved)', async function () {
      const guidelineDocument = await open(guideline);
      // Make C a reference item: the standard's warning becomes information.
      const c = guidelineDocument.getText().indexOf('title-en: Continuity\n    obligation: must-consider');
      assert.ok(c > 0);
      const obligation = guidelineDocument.positionAt(c + 'title-en: Continuity\n    obligation: '.length);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(guideline, new vscode.Range(obligation, obligation.translate(0, 'must-consider'.length)), 'reference');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(standard, only(C_INFO), 'C to become a reference item');
      // Add a must-consider item at the end: the standard gets a warning for it.
      const append = new vscode.WorkspaceEdit();
      append.insert(guideline, guidelineDocument.positionAt(guidelineDocument.getText().length), NEW_ITEM);
      assert.ok(await vscode.workspace.applyEdit(append));
      await waitForDiagnostics(standard, only(D_WARNING, C_INFO), 'a warning for the new item D');
      await revert(guidelineDocument);
      await waitForDiagnostics(standard, only(C_WARNING), 'the original findings after revert');
    });
  });

  describe('the Kijun Coverage view', function () {
    const coverageTree = () => vscode.extensions.getExtension(EXTENSION_ID).exports.coverageTree;
    /** The nodes under a node, as the view asks its provider for them. */
    const under = (node) => coverageTree().getChildren(node);
    /** The tree as lines: kind, label, description and state (as the server sends them, the view shows them). */
    const render = (nodes, depth = 0) => nodes.flatMap((n) => [
      `${'  '.repeat(depth)}${n.kind} ${n.label}${n.description ? ` — ${n.description}` : ''}${n.state ? ` {${n.state}}` : ''}`,
      ...render(under(n), depth + 1),
    ]);
    /** Resolves with the view's roots once `predicate` holds for them: now, or after a refresh (onDidChangeTreeData). */
    function waitForTree(predicate, what, ms = WAIT_MS) {
      return new Promise((resolve, reject) => {
        let subscription;
        const timer = setTimeout(() => {
          subscription?.dispose();
          reject(new Error(`timed out after ${ms} ms waiting for ${what}; the tree now:\n  ${render(coverageTree().getChildren()).join('\n  ') || '(empty)'}`));
        }, ms);
        const check = () => {
          const roots = coverageTree().getChildren();
          if (!predicate(roots)) return false;
          clearTimeout(timer);
          subscription?.dispose();
          resolve(roots);
          return true;
        };
        if (check()) return;
        subscription = coverageTree().onDidChangeTreeData(check);
      });
    }
    const e2eTree = [
      'guideline テスト指針 — e2e-g · 2 of 3 must-consider items covered or excluded (0 excluded)',
      '  item Ⅰ Organisation — ✔ covered: through its sub-items (1 of 1) {covered}',
      '    item Ⅰ1 Officer — ✔ covered: S-1 {covered}',
      '      clause S-1 責任者',
      '    item Ⅰ2 Note — ✔ covered: S-1 {covered}',
      '      clause S-1 責任者',
      '  item Ⅱ For finance — ✔ covered: S-2 {covered}',
      '    clause S-2 金融',
      '  item Ⅲ Continuity — ✘ uncovered {uncovered}',
    ];
    const isE2eTree = (roots) => roots[0]?.label === 'テスト指針' && roots[0].description?.startsWith('e2e-g · 2 of 3');

    before(async function () {
      // Also when these tests run alone (KIJUN_E2E_GREP): the view's provider comes with the active extension.
      await open(standard);
      await within(Promise.resolve(vscode.extensions.getExtension(EXTENSION_ID).activate()), 'activating the extension');
    });

    it('shows the active standard: guideline → items with their state → covering clauses; a click opens the clause', async function () {
      await within(Promise.resolve(vscode.commands.executeCommand('kijun.coverage.focus')), 'showing the Kijun Coverage view');
      await vscode.commands.executeCommand('kijun.coverageTree.showActiveStandard');
      await open(standard);
      const roots = await waitForTree(isE2eTree, 'the tree of e2e-standard.yaml');
      assert.deepStrictEqual(render(roots), e2eTree);
      // Uncovered items are marked by their icon too; the view shows the items as the tree items say.
      const c = under(roots[0])[2];
      const cItem = coverageTree().getTreeItem(c);
      assert.deepStrictEqual([cItem.label, cItem.description, cItem.iconPath.id, cItem.contextValue], ['Ⅲ Continuity', '✘ uncovered', 'warning', 'item']);
      // A click on the clause S-1 (under A → A-1) opens the standard with the clause id selected.
      const clause = coverageTree().getTreeItem(under(under(under(roots[0])[0])[0])[0]);
      await vscode.commands.executeCommand(clause.command.command, ...clause.command.arguments);
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor.document.uri.toString(), standard.toString());
      assert.strictEqual(editor.document.getText(editor.selection), 'S-1');
      assert.strictEqual(editor.selection.start.line, 7);
      // A click on an item opens its definition in the guideline.
      await vscode.commands.executeCommand(cItem.command.command, ...cItem.command.arguments);
      assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), guideline.toString());
      assert.strictEqual(vscode.window.activeTextEditor.document.getText(vscode.window.activeTextEditor.selection), 'C');
    });

    it('follows edits live: covering C in the editor marks it covered, reverting brings the gap back', async function () {
      await vscode.commands.executeCommand('kijun.coverageTree.showActiveStandard');
      const document = await open(standard);
      await waitForTree(isE2eTree, 'the tree of e2e-standard.yaml');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(standard, document.positionAt(document.getText().length), '  - id: S-3\n    title: 継続\n    covers: [C]\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const covered = await waitForTree((roots) => render(roots).includes('  item Ⅲ Continuity — ✔ covered: S-3 {covered}'), 'C to be covered by S-3');
      assert.deepStrictEqual(render(covered).slice(-2), ['  item Ⅲ Continuity — ✔ covered: S-3 {covered}', '    clause S-3 継続']);
      assert.strictEqual(covered[0].description, 'e2e-g · 3 of 3 must-consider items covered or excluded (0 excluded)');
      await revert(document);
      assert.deepStrictEqual(render(await waitForTree(isE2eTree, 'the gap to come back after revert')), e2eTree);
    });

    it('shows the whole workspace, and opens the HTML report of the same scope in a webview', async function () {
      await vscode.commands.executeCommand('kijun.coverageTree.showWorkspace');
      const roots = await waitForTree((r) => r[0]?.description === 'e2e-g · 1 standard(s)', 'the workspace tree');
      assert.match(roots[1].description, /^nisc-2008 · \d+ standard\(s\)$/);
      const c = under(roots[0]).find((n) => n.label === 'Ⅲ Continuity');
      assert.deepStrictEqual(render([c]), ['item Ⅲ Continuity — ✘ uncovered · 0 of 1 standards {uncovered}', '  standard e2e-std — ✘ uncovered {uncovered}']);
      const reportTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Kijun coverage matrix');
      const opened = new Promise((resolve) => {
        const subscription = vscode.window.tabGroups.onDidChangeTabs(() => { if (reportTab()) { subscription.dispose(); resolve(); } });
      });
      await within(Promise.resolve(vscode.commands.executeCommand('kijun.openCoverageReport')), 'opening the coverage report');
      if (!reportTab()) {
        await within(opened, `the report's tab; tabs now: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input?.constructor?.name})`).join(', ')}`);
      }
      const tab = reportTab();
      assert.ok(tab.input instanceof vscode.TabInputWebview, `the report is a webview (${tab.input?.constructor?.name})`);
      const html = coverageTree().testState.reportHtml;
      assert.match(html, /<tr class="item gap" data-item="C"><th scope="row" class="id">C<\/th><td>Ⅲ<\/td><td class="title"[^>]*>Continuity<\/td>.*?<td class="cell s-uncovered" data-state="uncovered">/);
      await vscode.window.tabGroups.close(tab);
      await vscode.commands.executeCommand('kijun.coverageTree.showActiveStandard');
    });
  });

  describe('the editor as an author lives it', function () {
    const C_WARNING = '1:11-1:16 warning coverage.uncovered Must-consider item C Ⅲ "Continuity" is neither covered by a clause nor excluded.';
    const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

    /** Semantic tokens of a document as `line:column type "text"` (0-based), or undefined when it has none. */
    async function tokensOf(document) {
      const tokens = await within(vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri), 'semantic tokens');
      if (!tokens || tokens.data.length === 0) return undefined;
      const legend = await within(vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', document.uri), 'semantic tokens legend');
      const out = [];
      let line = 0;
      let character = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        line += tokens.data[i];
        character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
        const text = document.lineAt(line).text.slice(character, character + tokens.data[i + 2]);
        out.push(`${line}:${character} ${legend.tokenTypes[tokens.data[i + 3]]} ${JSON.stringify(text)}`);
      }
      return out;
    }

    /** Resolves once `event` fires (with a timeout). */
    function once(event, what, ms = WAIT_MS) {
      return within(new Promise((resolve) => { const d = event(() => { d.dispose(); resolve(); }); }), what, ms);
    }

    // The medical example has no findings to wait for: wait for the language client itself.
    before(async function () {
      await within(Promise.resolve(vscode.extensions.getExtension(EXTENSION_ID).activate()), 'activating the extension');
    });

    it('highlights Kijun documents only: the medical standard gets its clause tokens, a plain Markdown file none', async function () {
      const medical = file('examples', 'medical', 'iryo-joho-anzen.md');
      const document = await open(medical);
      const tokens = await tokensOf(document);
      assert.ok(tokens, 'the Kijun document has semantic tokens');
      const heading = positionOf(document, '## 1.1').line;
      assert.deepStrictEqual(tokens.filter((t) => t.startsWith(`${heading}:`) || t.startsWith(`${heading + 1}:`)), [
        `${heading}:3 class "1.1"`, `${heading + 1}:0 keyword "covers"`, `${heading + 1}:8 interface "G-I"`,
      ]);
      const notes = await open(file('e2e', 'notes.md'));
      assert.match(notes.getText(), /^## 1\.2 Heading$/m);
      assert.strictEqual(await tokensOf(notes), undefined, 'a plain Markdown file gets no Kijun tokens');
      assert.deepStrictEqual(kijunDiagnostics(notes.uri), []);
    });

    it('the Markdown outline is the list of headings, the clauses among them, without a second group of Kijun\'s', async function () {
      const document = await open(file('examples', 'medical', 'iryo-joho-anzen.md'));
      // VS Code's Markdown support answers once its own language server runs: ask until it does (bounded).
      await within(Promise.resolve(vscode.extensions.getExtension('vscode.markdown-language-features').activate()), 'Markdown support');
      let symbols = [];
      for (let i = 0; i < 50 && symbols.length === 0; i++) {
        symbols = (await within(vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri), 'document symbols')) ?? [];
        if (symbols.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const flat = [];
      const walk = (list) => { for (const s of list ?? []) { flat.push(s); walk(s.children); } };
      walk(symbols);
      assert.deepStrictEqual(flat.slice(0, 3).map((s) => s.name), ['# 医療情報システムの安全管理に関するガイドライン', '## 1.1 目的と適用範囲', '## 2.1 安全管理の責任体制']);
      assert.deepStrictEqual(flat.filter((s) => s.kind === vscode.SymbolKind.Struct).map((s) => s.name), [], 'no clause symbols of Kijun\'s own');
      // A YAML standard keeps Kijun's outline: its clauses.
      const yaml = await within(vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', (await open(standard)).uri), 'YAML symbols');
      assert.deepStrictEqual(yaml.map((s) => s.name), ['S-1', 'S-2']);
    });

    it('completes a clause snippet from the workspace guideline at a new list entry, and it inserts a valid clause', async function () {
      const document = await open(standard);
      await waitForDiagnostics(standard, (d) => JSON.stringify(d.map(brief)) === JSON.stringify([C_WARNING]), 'the C warning alone');
      const editor = await vscode.window.showTextDocument(document);
      const line = positionOf(document, '# Real-editor').line;
      await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '  - \n'));
      const at = new vscode.Position(line, 4);
      editor.selection = new vscode.Selection(at, at);
      const list = await within(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, at), 'completion');
      const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === 'C');
      assert.ok(snippet, `a clause snippet for C; got ${list.items.map(labelOf).join(', ')}`);
      assert.deepStrictEqual([snippet.label.detail, snippet.label.description, snippet.detail], [' Continuity', 'Ⅲ · must-consider · uncovered', 'New clause covering C']);
      // Accepted as an author accepts it: the suggest widget, its first (selected) entry.
      const changed = new Promise((resolve) => { const d = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === document) { d.dispose(); resolve(); } }); });
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      let accepted = false;
      void changed.then(() => { accepted = true; });
      for (let i = 0; i < 100 && !accepted; i++) {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 100))]); // the widget shows when its providers answer
      }
      assert.ok(accepted, 'the suggestion was accepted');
      await vscode.commands.executeCommand('leaveSnippet');
      assert.ok(document.getText().includes('    threats: [intentional]\n  - id: S-3\n    title: 継続\n    covers: [C]\n    text: （本文を記載）\n'), document.getText());
      await waitForDiagnostics(standard, (d) => d.length === 0, 'the C warning to go away');
      await revert(document);
      await waitForDiagnostics(standard, (d) => d.map(brief).includes(C_WARNING), 'the C warning after revert');
    });

    it('"Show coverage" lists uncovered items first; picking one offers its quick fixes, picking a covered one goes to its definition', async function () {
      const { coverageList } = vscode.extensions.getExtension(EXTENSION_ID).exports;
      const document = await open(standard);
      await waitForDiagnostics(standard, (d) => d.map(brief).includes(C_WARNING), 'the C warning');
      // The first entry is C, the one uncovered item: accept it, then the first of its fixes (a clause covering it).
      let shown = once(coverageList.onDidShow, 'the coverage list');
      const done = vscode.commands.executeCommand('kijun.showCoverage');
      await shown;
      shown = once(coverageList.onDidShow, 'the fixes of C');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await shown;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await within(Promise.resolve(done), 'the coverage command');
      assert.ok(document.getText().includes('  - id: S-3\n    title: 継続\n    covers: [C]\n    text: （本文を記載）\n'), document.getText());
      // The cursor lands in the new clause's text.
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor.document.uri.toString(), standard.toString());
      assert.strictEqual(editor.document.getText(editor.selection), '（本文を記載）');
      await waitForDiagnostics(standard, (d) => d.length === 0, 'the C warning to go away');
      await revert(document);
      await waitForDiagnostics(standard, (d) => d.map(brief).includes(C_WARNING), 'the C warning after revert');
      // Now the second entry, A (covered through its sub-items), goes to its definition in the workspace guideline.
      shown = once(coverageList.onDidShow, 'the coverage list again');
      const again = vscode.commands.executeCommand('kijun.showCoverage');
      await shown;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await within(Promise.resolve(again), 'the coverage command');
      const target = vscode.window.activeTextEditor;
      assert.strictEqual(target.document.uri.toString(), guideline.toString());
      assert.match(target.document.lineAt(target.selection.start.line).text, /^ {2}- id: A$/);
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites.
  describe('server restart', function () {
    it('restarts its server on "Kijun: Restart Server" and checks the open documents again', async function () {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const { client } = extension.exports;
      const document = await open(mistakes);
      await waitForDiagnostics(mistakes, (d) => d.some((x) => codeOf(x) === 'sector.unknown'), 'sector.unknown');
      // The stopping client drops its diagnostics; the new server publishes them again.
      let cleared = false;
      const republished = waitForDiagnostics(mistakes, (d) => {
        if (d.length === 0) cleared = true;
        return cleared && d.some((x) => codeOf(x) === 'sector.unknown');
      }, 'the diagnostics to be cleared, then sector.unknown from the new server', WAIT_MS, { now: false });
      await within(Promise.resolve(vscode.commands.executeCommand('kijun.restartServer')), 'restarting the server');
      assert.strictEqual(client.isRunning(), true);
      await republished;
      const hovers = await within(vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'covers: [G-I]', 'covers: ['.length)), 'hover');
      assert.match(hovers[0].contents[0].value, /`G-I`/);
    });
  });
});
