import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Finding, Locale, renderMessage, Workspace } from '../../server/src/core';
import { toPlain } from '../../server/src/core/parsing/tree';
import { run } from '../../server/src/cli/main';
import { bundled, check, Doc, lines, show, Shown, workspaceWith } from '../helpers';
import { completeStandard, testGuideline } from '../fixtures';

/** Messages that used to mislead, or to say nothing: each now says what is wrong and what to write. */
const stdUri = 'file:///ws/std.yaml';
const standard = (text: string): Doc => ({ uri: stdUri, text });
const planUri = 'file:///ws/plan.yaml';
const plan = (...body: string[]): Doc => ({
  uri: planUri,
  text: lines('kijun: action-plan', 'guideline: test-g', 'id: plan-1', 'title: 計画', 'period: {from: 2009, to: 2011}', ...body),
});

function findingsOf(doc: Doc, others: Doc[] = [testGuideline]): Finding[] {
  return workspaceWith(doc, ...others).analyze(doc.uri).findings;
}

function only(code: string, doc: Doc, others: Doc[] = [testGuideline], locale: Locale = 'en'): Shown[] {
  return check(doc, others, locale, (f) => f.code === code);
}

describe('a workspace guideline with the id of a bundled one', () => {
  const bundledTitle = '重要インフラにおける情報セキュリティ確保に係る「安全基準等」策定にあたっての指針（2007年版）に2008年の見直し案を当てはめたもの（Kijun編）';
  const own = { uri: 'file:///ws/a-guideline.yaml', text: testGuideline.text.replace('id: test-g', 'id: nisc-2008') };

  it('guideline.replaces-bundled: warns on its id, naming the bundled guideline and the document standards follow', () => {
    assert.deepStrictEqual(check(own), [{
      code: 'guideline.replaces-bundled',
      range: '2:5-2:14',
      severity: 'warning',
      message: `The bundled guideline "nisc-2008" (${bundledTitle}) has this id too: the standards and plans of the workspace that name nisc-2008 follow this document instead. Give this guideline an id of its own unless it is meant to replace the bundled one.`,
    }]);
    assert.deepStrictEqual(check(own, [], 'ja').map((f) => f.message), [
      `同梱の指針「nisc-2008」（${bundledTitle}）も同じ ID です。ワークスペース内で nisc-2008 を指定する安全基準等・行動計画は、同梱の指針ではなくこの文書に従います。同梱の指針を置き換える意図がなければ、この指針に別の ID を付けてください。`,
    ]);
  });

  it('a second such guideline names the first, which is the one followed; an exact copy of the bundled text is no surprise', () => {
    const second = { uri: 'file:///ws/b-guideline.yaml', text: own.text.replace('title: テスト指針', 'title: 別の指針') };
    assert.deepStrictEqual(check(second, [own]), [
      { code: 'document.duplicate-id', range: '2:5-2:14', severity: 'warning', message: 'Another document in the workspace also has the id "nisc-2008": file:///ws/a-guideline.yaml.' },
      {
        code: 'guideline.replaces-bundled',
        range: '2:5-2:14',
        severity: 'warning',
        message: `The bundled guideline "nisc-2008" (${bundledTitle}) has this id too: the standards and plans of the workspace that name nisc-2008 follow file:///ws/a-guideline.yaml instead. Give this guideline an id of its own unless it is meant to replace the bundled one.`,
      },
    ]);
    const original = bundled().find((b) => b.uri.endsWith('nisc-2008.yaml'))!;
    for (const text of [original.text, original.text.replace(/\n/g, '\r\n')]) {
      const copy = { uri: 'file:///ws/guidelines/nisc-2008.yaml', text };
      assert.deepStrictEqual(only('guideline.replaces-bundled', copy, []), []);
    }
  });
});

describe('a missing document: where it must be, for the front end that reads it', () => {
  const missingGuideline = standard(completeStandard().replace('guideline: test-g', 'guideline: test-h'));

  it('guideline.unknown and plan.standard-unknown from the CLI: the document must be among the files or folders passed', () => {
    const workspace = new Workspace(bundled(), { documentsFrom: 'paths' });
    workspace.set(missingGuideline.uri, missingGuideline.text, 'yaml');
    const shown = (locale: Locale) => workspace.analyze(stdUri).findings.map((f) => show(f, missingGuideline.text, locale));
    assert.deepStrictEqual(shown('en'), [{
      code: 'guideline.unknown',
      range: '2:12-2:18',
      severity: 'error',
      message: 'Unknown guideline "test-h"; known guidelines: nisc-2007, nisc-2008, nisc-2024. A guideline document of your own must be among the files or folders passed to kijun check.',
    }]);
    assert.deepStrictEqual(shown('ja').map((f) => f.message), [
      '指針「test-h」が見つかりません（既知の指針: nisc-2007, nisc-2008, nisc-2024）。独自の指針文書は、kijun check に渡すファイルまたはフォルダに含めてください。',
    ]);

    const doc = plan('sectors:', '  - sector: 金融', '    standards: [std-9]', '  - sector: 医療', '  - sector: 政府・行政サービス');
    workspace.set(testGuideline.uri, testGuideline.text, 'yaml');
    workspace.set(doc.uri, doc.text, 'yaml');
    const unknown = workspace.analyze(doc.uri).findings.filter((f) => f.code === 'plan.standard-unknown');
    assert.deepStrictEqual(unknown.map((f) => show(f, doc.text)), [{
      code: 'plan.standard-unknown',
      range: '8:17-8:22',
      severity: 'error',
      message: 'No standard with the id "std-9" is among the files or folders passed to kijun check; pass the standard\'s file or its folder too.',
    }]);
    assert.strictEqual(renderMessage(unknown[0].code, unknown[0].args, 'ja'), 'ID「std-9」の安全基準等が kijun check に渡されたファイルまたはフォルダにありません。その安全基準等のファイルかフォルダも渡してください。');
  });

  it('the CLI itself renders that wording', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kijun-missing-'));
    fs.writeFileSync(path.join(dir, 'std.yaml'), missingGuideline.text);
    let out = '';
    const code = await run(['check', 'std.yaml'], { stdout: (t) => { out += t; }, stderr: () => undefined, cwd: dir, env: {} });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(code, 1);
    assert.strictEqual(out.split('\n')[0], 'std.yaml:2:12 error guideline.unknown Unknown guideline "test-h"; known guidelines: nisc-2007, nisc-2008, nisc-2024. A guideline document of your own must be among the files or folders passed to kijun check.');
  });
});

describe('sectors and sub-sectors', () => {
  it('sector.is-subsector: "sector: 銀行" says that 銀行 is a sub-sector of 金融; the fix writes both keys', () => {
    const text = completeStandard().replace('sector: 金融', 'sector: 銀行');
    assert.deepStrictEqual(only('sector.is-subsector', standard(text)), [{
      code: 'sector.is-subsector',
      range: '5:9-5:11',
      severity: 'error',
      message: '"銀行" is a sub-sector of 金融, not a sector: write "金融" here and put 銀行 under subsector.',
    }]);
    assert.deepStrictEqual(only('sector.is-subsector', standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '「銀行」は分野ではなく、分野「金融」の業種です。ここには「金融」と記載してください（「銀行」は subsector に記載します）。',
    ]);
    const [finding] = findingsOf(standard(text)).filter((f) => f.code === 'sector.is-subsector');
    const start = text.indexOf('銀行');
    assert.deepStrictEqual(finding.replacement, {
      span: { start, end: start + 2 },
      newText: '金融\nsubsector: 銀行',
      title: { key: 'action.sector-and-subsector', args: { sector: '金融', subsector: '銀行' } },
    });
    const fixedText = text.slice(0, start) + finding.replacement!.newText + text.slice(start + 2);
    assert.deepStrictEqual(check(standard(fixedText), [testGuideline]), []);
    // With a subsector key already there, the fix is the sector alone.
    const withSubsector = text.replace('class: 3', 'subsector: 銀行\nclass: 3');
    assert.deepStrictEqual(findingsOf(standard(withSubsector)).find((f) => f.code === 'sector.is-subsector')?.replacement, { span: { start, end: start + 2 }, newText: '金融' });
  });

  it('sector.is-subsector in a plan: the sector is the fix (a guideline item may name a sub-sector: it is scoped to it)', () => {
    const doc = plan('sectors:', '  - sector: 銀行', '  - sector: 医療', '  - sector: 政府・行政サービス');
    assert.deepStrictEqual(only('sector.is-subsector', doc), [{
      code: 'sector.is-subsector',
      range: '7:13-7:15',
      severity: 'error',
      message: '"銀行" is a sub-sector of 金融, not a sector: write "金融" here.',
    }]);
    assert.deepStrictEqual(only('sector.is-subsector', doc, [testGuideline], 'ja').map((f) => f.message), ['「銀行」は分野ではなく、分野「金融」の業種です。ここには「金融」と記載してください。']);
    const guideline = { uri: 'file:///ws/g.yaml', text: testGuideline.text.replace('sectors: [finance]', 'sectors: [finance.banking]') };
    assert.ok(guideline.text.includes('sectors: [finance.banking]'));
    assert.deepStrictEqual(findingsOf(guideline, []), []);
  });

  it('subsector.other-sector: a known sub-sector under the wrong sector names its own sector', () => {
    const text = completeStandard().replace('sector: 金融', 'sector: 医療\nsubsector: 銀行');
    assert.deepStrictEqual(only('subsector.other-sector', standard(text)), [{
      code: 'subsector.other-sector',
      range: '6:12-6:14',
      severity: 'error',
      message: '"銀行" is a sub-sector of 金融, not of 医療.',
    }]);
    assert.deepStrictEqual(only('subsector.other-sector', standard(text), [testGuideline], 'ja').map((f) => f.message), ['「銀行」は分野「医療」ではなく、分野「金融」の業種です。']);
  });

  it('sector.all-in-list: "sectors: [all]" says to write "sectors: all", and the fix does', () => {
    const text = testGuideline.text.replace('sectors: [finance]', 'sectors: [all]');
    const guideline = { uri: 'file:///ws/g.yaml', text };
    assert.deepStrictEqual(check(guideline), [{
      code: 'sector.all-in-list',
      range: '32:113-32:116',
      severity: 'error',
      message: '"all" inside a list names no sector: for an item that applies to every sector, write sectors: all, without brackets.',
    }]);
    assert.deepStrictEqual(check(guideline, [], 'ja').map((f) => f.message), ['リストの中の「all」は分野を表しません。すべての分野に適用する項目は、角括弧を付けずに sectors: all と記載してください。']);
    const start = text.indexOf('[all]');
    assert.deepStrictEqual(findingsOf(guideline, [])[0].replacement, { span: { start, end: start + 5 }, newText: 'all' });
    // Beside other sectors there is no one fix: only the finding.
    const mixed = { uri: 'file:///ws/g.yaml', text: testGuideline.text.replace('sectors: [finance]', 'sectors: [finance, ALL]') };
    assert.deepStrictEqual(findingsOf(mixed, []).map((f) => [f.code, f.replacement]), [['sector.all-in-list', undefined]]);
  });
});

describe('clause lists written as one text', () => {
  it('clause.text-not-list: "covers: A-1, A-2" is one text: say to write a list, with the list as the fix', () => {
    const text = completeStandard().replace('covers: [A-1, A-2]', 'covers: A-1, A-2').replace('threats: [intentional]', 'threats: intentional, disaster');
    // (Threats joined by 「、」 get threat.ideographic-comma instead: threat labels may contain 「、」.)
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', (f) => !f.code.startsWith('coverage')), [
      {
        code: 'clause.text-not-list',
        range: '10:13-10:21',
        severity: 'error',
        message: '"A-1, A-2" is one text naming several entries: write covers as a list, covers: [A-1, A-2].',
      },
      {
        code: 'clause.text-not-list',
        range: '14:14-14:35',
        severity: 'error',
        message: '"intentional, disaster" is one text naming several entries: write threats as a list, threats: [intentional, disaster].',
      },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', (f) => !f.code.startsWith('coverage')).map((f) => f.message), [
      '「A-1, A-2」は複数の値を 1 つの文字列に記載しています。covers は covers: [A-1, A-2] のようにリストで記載してください。',
      '「intentional, disaster」は複数の値を 1 つの文字列に記載しています。threats は threats: [intentional, disaster] のようにリストで記載してください。',
    ]);
    assert.deepStrictEqual(findingsOf(standard(text)).filter((f) => f.code === 'clause.text-not-list').map((f) => f.replacement?.newText), ['[A-1, A-2]', '[intentional, disaster]']);
  });

  it('inside a flow list the fix separates the entries; in a block list and on a Markdown clause line there is no one fix', () => {
    const flow = completeStandard().replace('covers: [A-1, A-2]', 'covers: [A-1、A-2]');
    assert.deepStrictEqual(findingsOf(standard(flow)).filter((f) => f.code === 'clause.text-not-list').map((f) => f.replacement?.newText), ['A-1, A-2']);
    const block = completeStandard().replace('covers: [A-1, A-2]', 'covers:\n      - A-1 A-2');
    assert.deepStrictEqual(findingsOf(standard(block)).filter((f) => f.code === 'clause.text-not-list').map((f) => f.replacement), [undefined]);
    const markdown = {
      uri: 'file:///ws/std.md',
      text: lines('---', 'kijun: standard', 'guideline: test-g', 'id: std-1', 'title: t', 'sector: 金融', 'class: 3', '---', '## S-1 全部', 'covers: A-1 A-2, B, C'),
    };
    assert.deepStrictEqual(findingsOf(markdown).filter((f) => !f.code.startsWith('coverage')).map((f) => f.code), ['covers.unknown-item']);
  });
});

describe('Japanese names for keys and kinds', () => {
  it('schema.unknown-key: the YAML keys 対応指針 and 脅威 (accepted on Markdown clause lines) suggest covers and threats', () => {
    const text = completeStandard().replace('covers: [B]', '対応指針: [B]').replace('threats: [intentional]', '脅威: [intentional]');
    const shown = check(standard(text), [testGuideline], 'en', (f) => f.code.startsWith('schema'));
    assert.deepStrictEqual(shown, [
      { code: 'schema.unknown-key', range: '13:5-13:9', severity: 'error', message: 'Unknown key "対応指針" in clause S-2. Did you mean "covers"?' },
      { code: 'schema.unknown-key', range: '14:5-14:7', severity: 'error', message: 'Unknown key "脅威" in clause S-2. Did you mean "threats"?' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', (f) => f.code.startsWith('schema')).map((f) => f.message), [
      '条項 S-2 のキー「対応指針」は定義されていません。「covers」の誤りではありませんか。',
      '条項 S-2 のキー「脅威」は定義されていません。「threats」の誤りではありませんか。',
    ]);
    const fixes = findingsOf(standard(text)).filter((f) => f.code === 'schema.unknown-key').map((f) => f.replacement?.newText);
    assert.deepStrictEqual(fixes, ['covers', 'threats']);
  });

  it('document.unknown-kind: "kijun: 安全基準等" suggests standard, "kijun: 行動計画" action-plan', () => {
    const text = completeStandard().replace('kijun: standard', 'kijun: 安全基準等');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), [{
      code: 'document.unknown-kind',
      range: '1:8-1:13',
      severity: 'error',
      message: 'Unknown document kind "安全基準等": use guideline, standard or action-plan. Did you mean "standard"?',
    }]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja').map((f) => f.message), [
      '文書の種類「安全基準等」は不明です。guideline・standard・action-plan のいずれかを指定してください。「standard」の誤りではありませんか。',
    ]);
    const planText = lines('kijun: 行動計画', 'id: p');
    assert.deepStrictEqual(findingsOf(standard(planText), []).map((f) => f.replacement?.newText), ['action-plan']);
  });
});

describe('placeholder reasons', () => {
  it('exclusion.placeholder-reason: placeholders are recognised after NFKC and case folding, and inside brackets', () => {
    const reasons = ['(理由を記載)', 'todo', 'ＴＯＤＯ', '【TBD】', '理由を記載する必要がない'];
    const text = completeStandard(['exclusions:', ...reasons.map((reason, i) => `  - {item: ${['A-2', 'B', 'C', 'A-1', 'A'][i]}, reason: ${reason}}`)]);
    const shown = only('exclusion.placeholder-reason', standard(text));
    assert.deepStrictEqual(shown, [
      { code: 'exclusion.placeholder-reason', range: '19:25-19:32', severity: 'warning', message: 'The reason for excluding A-2 is still the placeholder "(理由を記載)"; write why the standard need not cover it.' },
      { code: 'exclusion.placeholder-reason', range: '20:23-20:27', severity: 'warning', message: 'The reason for excluding B is still the placeholder "todo"; write why the standard need not cover it.' },
      { code: 'exclusion.placeholder-reason', range: '21:23-21:27', severity: 'warning', message: 'The reason for excluding C is still the placeholder "ＴＯＤＯ"; write why the standard need not cover it.' },
      { code: 'exclusion.placeholder-reason', range: '22:25-22:30', severity: 'warning', message: 'The reason for excluding A-1 is still the placeholder "【TBD】"; write why the standard need not cover it.' },
    ]);
    assert.strictEqual(only('exclusion.placeholder-reason', standard(text), [testGuideline], 'ja')[0].message, 'A-2 を除外する理由が仮の記載（(理由を記載)）のままです。規定する必要がない理由を記載してください。');
  });
});

describe('YAML merge keys', () => {
  it('a clause that merges another with <<: *anchor gets its covers; what it writes itself wins', () => {
    const text = completeStandard().replace('  - id: S-1\n    title: 責任者\n    covers: [A-1, A-2]\n', '  - &first\n    id: S-1\n    title: 責任者\n    covers: [A-1, A-2]\n  - <<: *first\n    id: S-1b\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline]), []);
    const analysis = workspaceWith(standard(text), testGuideline).analyze(stdUri);
    const clauses = analysis.model?.kind === 'standard' ? analysis.model.clauses : [];
    assert.deepStrictEqual(clauses.map((c) => [c.id?.value, c.title?.value, c.covers.map((r) => r.value).join(' ')]), [
      ['S-1', '責任者', 'A-1 A-2'],
      ['S-1b', '責任者', 'A-1 A-2'],
      ['S-2', '金融', 'B'],
      ['S-3', '継続', 'C'],
    ]);
    // Merged entries point at the alias: a wrong item in them is shown where it is used.
    const alias = text.indexOf('*first');
    assert.deepStrictEqual(clauses[1].covers.map((r) => r.span), [{ start: alias, end: alias + 6 }, { start: alias, end: alias + 6 }]);
  });

  it('a list of merge sources: the earlier wins; a finding inside merged content is on the alias', () => {
    const text = completeStandard()
      .replace('clauses:\n', 'x-defaults:\n  a: &a {covers: [A-1, Z-9], threats: [disaster]}\n  b: &b {covers: [B], title: 既定}\nclauses:\n')
      .replace('  - id: S-3\n', '  - <<: [*a, *b]\n    id: S-4\n  - id: S-3\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', (f) => !f.code.startsWith('coverage')), [
      { code: 'schema.unknown-key', range: '7:1-7:11', severity: 'error', message: 'Unknown key "x-defaults".' },
      { code: 'covers.unknown-item', range: '18:10-18:12', severity: 'error', message: 'Guideline test-g has no item "Z-9".' },
    ]);
    const plainClauses = (toPlain(workspaceWith(standard(text), testGuideline).parsed(stdUri)!.root!) as { clauses: object[] }).clauses;
    assert.deepStrictEqual(plainClauses[2], { covers: ['A-1', 'Z-9'], threats: ['disaster'], title: '既定', id: 'S-4' });
  });

  it('syntax.merge-value: a merge key with a text; syntax.yaml: an alias naming no anchor', () => {
    const text = completeStandard().replace('  - id: S-3\n', '  - <<: 既定\n    id: S-3\n').replace('  - id: S-2\n', '  - <<: *nothing\n    id: S-2\n');
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'en', (f) => f.code.startsWith('syntax')), [
      { code: 'syntax.yaml', range: '11:9-11:17', severity: 'error', message: 'YAML syntax error: this alias names no anchor.' },
      { code: 'syntax.merge-value', range: '16:9-16:11', severity: 'error', message: 'A merge key "<<" takes an alias of a mapping (<<: *name), a mapping, or a list of them.' },
    ]);
    assert.deepStrictEqual(check(standard(text), [testGuideline], 'ja', (f) => f.code.startsWith('syntax')).map((f) => f.message), [
      'YAML の構文エラー: このエイリアスに対応するアンカーがありません。',
      'マージキー「<<」には、マッピングのエイリアス（<<: *名前）、マッピング、またはそれらのリストを指定してください。',
    ]);
  });
});
