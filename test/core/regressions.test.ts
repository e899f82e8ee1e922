import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addClauseEdit, addExclusionEdit, complete, parseDocument, Workspace } from '../../server/src/core';
import { toPlain } from '../../server/src/core/parsing/tree';
import { run } from '../../server/src/cli/main';
import { testGuideline } from '../fixtures';
import { bundled, check, lines, workspaceWith } from '../helpers';

/** Bugs found in review, each kept from coming back. */
const head = ['kijun: standard', 'guideline: test-g', 'id: x', 'title: t', 'sector: 金融', 'class: 3'];
const std = (...body: string[]) => ({ uri: 'file:///ws/std.yaml', text: lines(...head, ...body) });

describe('regressions', () => {
  it('numeric clause ids keep their digits as written (3.10 is not 3.1)', () => {
    const doc = std('clauses:', '  - {id: 3.1, title: a, covers: [A-1, A-2]}', '  - {id: 3.10, title: b, covers: [B]}', '  - {id: 3.2, title: c, covers: [C]}');
    assert.deepStrictEqual(check(doc, [testGuideline]), []);
    const report = workspaceWith(doc, testGuideline).analyze(doc.uri).coverage!;
    assert.deepStrictEqual(report.items.find((i) => i.item.id.value === 'B')!.coveredBy.map((c) => c.id!.value), ['3.10']);
  });

  it('a long document without aliases is never an alias bomb', function () {
    this.timeout(20_000); // 240,000 nodes parsed whole: a few seconds
    const clauses = Array.from({ length: 40_000 }, (_, i) => `  - {id: S-${i}, title: t, covers: [A-1]}`);
    const text = `---\n${lines(...head, 'clauses:', ...clauses)}`;
    const parsed = parseDocument(text, 'yaml');
    assert.deepStrictEqual(parsed.findings.map((f) => f.code), []);
    assert.strictEqual((toPlain(parsed.root!) as { clauses: unknown[] }).clauses.length, 40_000);
  });

  it('completion at a new list element offers the keys of the element mapping; free-text keys get no enumeration', () => {
    const at = (text: string) => {
      const offset = text.indexOf('|');
      const source = text.slice(0, offset) + text.slice(offset + 1);
      const workspace = new Workspace(bundled());
      // The keys (the clause and exclusion snippets offered there too are tested with completion).
      return complete({ text: source, offset, format: 'yaml', locale: 'en', catalog: workspace.catalog('nisc-2008'), guidelineIds: () => [], standardIds: () => [] })
        .suggestions.filter((s) => s.kind === 'key').map((s) => s.label);
    };
    assert.deepStrictEqual(at(lines(...head, 'clauses:', '  - |')), ['id', 'title', 'covers', 'threats', 'text']);
    assert.deepStrictEqual(at(lines(...head, 'exclusions:', '  - |')), ['item', 'reason']);
    assert.deepStrictEqual(at(lines('kijun: action-plan', 'guideline: nisc-2008', 'sectors:', '  - |')), ['sector', 'services', 'systems', 'ceptoar', 'ceptoars', 'standards']);
    assert.deepStrictEqual(at(lines('kijun: action-plan', 'guideline: nisc-2008', 'sectors:', '  - sector: 金融', '    services:', '      - {name: 預金, level: |}')), []);
  });

  it('quick fixes replace a null list value (~, null) and cope with a space before the colon', () => {
    const workspace = workspaceWith(testGuideline);
    for (const [value, expected] of [['clauses: ~', 'clauses:\n  - id: S-1'], ['clauses: null', 'clauses:\n  - id: S-1'], ['clauses :', 'clauses :\n  - id: S-1']]) {
      const text = lines(...head, value);
      workspace.set('file:///ws/n.yaml', text, 'yaml');
      const edit = addClauseEdit(workspace, 'file:///ws/n.yaml', 'C')!;
      const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
      assert.ok(fixed.includes(`${expected}\n    title: 継続\n    covers: [C]\n    text: （本文を記載）\n`), fixed);
      workspace.set('file:///ws/n.yaml', fixed, 'yaml');
      assert.deepStrictEqual(workspace.analyze('file:///ws/n.yaml').findings.filter((f) => f.severity === 'error'), [], fixed);
    }
    const exclusion = lines(...head, 'exclusions: ~');
    workspace.set('file:///ws/e.yaml', exclusion, 'yaml');
    const edit = addExclusionEdit(workspace, 'file:///ws/e.yaml', 'C')!;
    assert.strictEqual(exclusion.slice(0, edit.span.start) + edit.newText + exclusion.slice(edit.span.end), lines(...head, 'exclusions:', '  - item: C', '    reason: （理由を記載）'));
  });

  it('quick-fix text follows CRLF line ends', () => {
    const text = lines(...head, 'clauses:', '  - id: S-1', '    title: a', '    covers: [A-1]').replace(/\n/g, '\r\n');
    const workspace = workspaceWith(testGuideline);
    workspace.set('file:///ws/c.yaml', text, 'yaml');
    const edit = addClauseEdit(workspace, 'file:///ws/c.yaml', 'C')!;
    assert.strictEqual(edit.newText, '\r\n  - id: S-2\r\n    title: 継続\r\n    covers: [C]\r\n    text: （本文を記載）');
    assert.deepStrictEqual(edit.select, { start: edit.newText.length - '（本文を記載）'.length, end: edit.newText.length });
  });

  it('Markdown: headings in HTML comments and in fences with an info-string line are not clauses; a title may end in #', () => {
    const front = ['---', ...head, '---'];
    const clauses = (...body: string[]) => (toPlain(parseDocument(lines(...front, ...body), 'markdown').root!) as { clauses?: { id: string; title: string }[] }).clauses ?? [];
    assert.deepStrictEqual(clauses('<!--', '## S-1 旧条項', 'covers: A-1', '-->', '## S-2 現行'), [{ id: 'S-2', title: '現行' }]);
    assert.deepStrictEqual(clauses('<!-- ## S-1 一行 -->', '## S-2 現行'), [{ id: 'S-2', title: '現行' }]);
    assert.deepStrictEqual(clauses('```', '## S-1 a', '```yaml', '## S-2 b', '```', '## S-3 c'), [{ id: 'S-3', title: 'c' }]);
    assert.deepStrictEqual(clauses('## S-1 C#', '## S-2 見出し ##', '   ### 3.1 字下げ'), [{ id: 'S-1', title: 'C#' }, { id: 'S-2', title: '見出し' }, { id: '3.1', title: '字下げ' }]);
  });

  it('a syntax error that hides the kijun key keeps the file ours, with its syntax errors shown', () => {
    const parsed = parseDocument(lines('foo', ...head), 'yaml');
    assert.strictEqual(parsed.isKijun, true);
    assert.deepStrictEqual([...new Set(parsed.findings.map((f) => f.code))], ['syntax.yaml']);
    assert.strictEqual(parseDocument(lines('name: ci', 'on: push'), 'yaml').isKijun, false);
  });

  it('explicit keys (? key) make a long text parse whole, so both ways agree', () => {
    const clauses = Array.from({ length: 300 }, (_, i) => `  - {id: S-${i}, title: t}`);
    const text = lines(...head, '? exclusions', ': []', 'clauses:', ...clauses);
    const parsed = parseDocument(text, 'yaml');
    assert.strictEqual(parsed.chunks.size, 0);
    assert.deepStrictEqual((toPlain(parsed.root!) as { exclusions: unknown }).exclusions, []);
  });

  it('the CLI does not follow links found inside folders (a link to a parent would loop)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-link-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'std.yaml'), lines(...head).replace('guideline: test-g', 'guideline: nisc-2008'));
    fs.symlinkSync('..', path.join(dir, 'a', 'loop'));
    let out = '';
    const code = await run(['check', 'a', '--format', 'json'], { stdout: (t) => { out += t; }, stderr: () => undefined, cwd: dir, env: {} });
    assert.strictEqual(code, 0);
    assert.deepStrictEqual((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path), [path.join('a', 'std.yaml')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
