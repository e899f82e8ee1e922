import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { complete, Finding, parseDocument, readGuideline, Suggestion } from '../../server/src/core';

/** One entry of a VS Code snippet file. */
interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
  isFileTemplate?: boolean;
}

/** A VS Code snippet file: snippet name → snippet. */
type SnippetFile = Record<string, Snippet>;
import { readRepoFile, repoRoot, workspaceWith } from '../helpers';

// --- A small reader for VS Code's snippet syntax -------------------------------------------------
// tabstop: $1 | ${1}; placeholder: ${1:default, possibly ${2:nested}}; choice: ${1|a,b|};
// variable: $NAME | ${NAME} | ${NAME:default}; escapes: \$ \} \\ (and \, \| \\ inside a choice).

type Piece =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: Piece[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Piece[] };

/** Parses a snippet body; throws on anything VS Code would not read as intended (e.g. an unclosed `${`). */
function parseSnippet(source: string): Piece[] {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${pos} in ${JSON.stringify(source)}`);
  };
  const parseSequence = (inside: boolean): Piece[] => {
    const pieces: Piece[] = [];
    let text = '';
    const flush = () => {
      if (text) pieces.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const c = source[pos];
      if (c === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
        text += source[pos + 1];
        pos += 2;
        continue;
      }
      if (c === '}' && inside) break;
      if (c === '$') {
        const rest = source.slice(pos);
        const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
        if (simple) {
          flush();
          pieces.push(simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[2] });
          pos += simple[0].length;
          continue;
        }
        if (rest.startsWith('${')) {
          flush();
          pieces.push(parseBraced());
          continue;
        }
      }
      text += c;
      pos++;
    }
    flush();
    return pieces;
  };
  const parseBraced = (): Piece => {
    pos += 2;
    const head = /^(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(source.slice(pos)) ?? fail('"${" without a tabstop number or variable name');
    pos += head[0].length;
    const index = head[1] !== undefined ? Number(head[1]) : undefined;
    const next = source[pos];
    if (next === '}') {
      pos++;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: head[2] };
    }
    if (next === ':') {
      pos++;
      const children = parseSequence(true);
      if (source[pos] !== '}') fail('unclosed placeholder');
      pos++;
      return index !== undefined ? { kind: 'tabstop', index, children } : { kind: 'variable', name: head[2], children };
    }
    if (next === '|' && index !== undefined) {
      pos++;
      const options: string[] = [];
      let option = '';
      for (;;) {
        if (pos >= source.length) fail('unclosed choice');
        const c = source[pos];
        if (c === '\\' && ',|\\'.includes(source[pos + 1] ?? '')) {
          option += source[pos + 1];
          pos += 2;
        } else if (c === ',') {
          options.push(option);
          option = '';
          pos++;
        } else if (c === '|') {
          if (source[pos + 1] !== '}') fail('choice not closed by "|}"');
          options.push(option);
          pos += 2;
          return { kind: 'choice', index, options };
        } else {
          option += c;
          pos++;
        }
      }
    }
    return fail(`unexpected ${JSON.stringify(next ?? 'end of body')} after "\${${head[0]}"`);
  };
  const pieces = parseSequence(false);
  if (pos !== source.length) fail('unexpected "}"');
  return pieces;
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${n:default}` → default,
 * `${n|a,b|}` → a, `$n`/`${n}` → the default of placeholder n elsewhere in the body, or ''.
 * `choose` overrides the value of a tabstop (e.g. another option of a choice).
 */
function expand(body: string[] | string, choose: Record<number, string> = {}): string {
  const pieces = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const values = new Map<number, string>(Object.entries(choose).map(([k, v]) => [Number(k), v]));
  const collect = (list: Piece[]): void => {
    for (const piece of list) {
      if (piece.kind === 'choice' && !values.has(piece.index)) values.set(piece.index, piece.options[0]);
      if (piece.kind === 'tabstop' && piece.children) {
        collect(piece.children);
        if (!values.has(piece.index)) values.set(piece.index, render(piece.children));
      }
    }
  };
  const render = (list: Piece[]): string => list.map((piece) => {
    switch (piece.kind) {
      case 'text': return piece.value;
      case 'choice': return values.get(piece.index) ?? piece.options[0];
      case 'tabstop': return values.get(piece.index) ?? (piece.children ? render(piece.children) : '');
      case 'variable': return piece.children ? render(piece.children) : '';
    }
  }).join('');
  collect(pieces);
  return render(pieces);
}

/** Inserts a multi-line snippet text the way VS Code does: every line after the first gets the indentation. */
function indent(text: string, by: string): string {
  return text.split('\n').map((line) => (line ? by + line : line)).join('\n');
}

function readSnippetFile(relative: string): SnippetFile {
  return JSON.parse(readRepoFile(relative)) as SnippetFile;
}

function snippetWithPrefix(file: SnippetFile, prefix: string): Snippet {
  const found = Object.values(file).filter((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  assert.strictEqual(found.length, 1, `exactly one snippet with prefix ${prefix}`);
  return found[0];
}

/** The findings that flag an exclusion reason still to be written. */
const reasonReminders = ['exclusion.missing-reason', 'exclusion.placeholder-reason'];

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${JSON.stringify(f.args)}`);

function analyze(uri: string, text: string) {
  return workspaceWith({ uri, text }).analyze(uri);
}

const handWritten = {
  yaml: 'snippets/kijun.yaml.json',
  markdown: 'snippets/kijun.markdown.json',
};

const bundledGuidelines = fs.readdirSync(path.join(repoRoot, 'guidelines'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const parsed = parseDocument(fs.readFileSync(path.join(repoRoot, 'guidelines', name), 'utf8'), 'yaml');
    return readGuideline(parsed.root!);
  });

describe('snippet syntax reader (test helper)', () => {
  it('reads placeholders, choices, mirrors and escapes', () => {
    assert.strictEqual(expand('a ${1:x ${2:y}} ${3|p,q|} $1 ${2} \\$ \\} $0'), 'a x y p x y y $ } ');
    assert.strictEqual(expand('${1|a\\,b,c|}'), 'a,b');
    assert.strictEqual(expand('- {item: ${1:G-1}, reason: ${2:（理由を記載）}}'), '- {item: G-1, reason: （理由を記載）}');
    assert.strictEqual(expand('${1|a,b|}', { 1: 'b' }), 'b');
  });

  it('rejects unbalanced placeholders', () => {
    for (const bad of ['${1:abc', '${1|a,b}', '${1|a,b|', '${:x}', '${1x}', '${1:a${2:b}']) {
      assert.throws(() => parseSnippet(bad), /./, bad);
    }
  });
});

describe('hand-written snippets', () => {
  const expected = {
    yaml: ['kijun-standard', 'kijun-clause', 'kijun-exclusion', 'kijun-item', 'kijun-guideline', 'kijun-plan'],
    markdown: ['kijun-standard', 'kijun-clause', 'kijun-exclusion', 'kijun-plan'],
  };

  for (const [language, file] of Object.entries(handWritten) as ['yaml' | 'markdown', string][]) {
    it(`${file}: parses as JSON; every body is valid snippet syntax; bilingual descriptions`, () => {
      const snippets = readSnippetFile(file);
      const prefixes: string[] = [];
      for (const [name, snippet] of Object.entries(snippets)) {
        const own = ([] as string[]).concat(snippet.prefix);
        assert.ok(own.length > 0 && own.every((p) => p.startsWith('kijun-')), `${name}: prefix starts with kijun-`);
        prefixes.push(...own);
        assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string'), `${name}: body is a list of lines`);
        assert.doesNotThrow(() => parseSnippet(snippet.body.join('\n')), `${name}: body`);
        assert.match(snippet.description, /^[ -~]+ \/ .*[\u3040-\u30ff\u4e00-\u9fff]/u, `${name}: description "English / 日本語"`);
        assert.ok(!snippet.body.some((line) => line.includes('\t')), `${name}: spaces, not tabs (YAML)`);
      }
      assert.deepStrictEqual([...prefixes].sort(), [...expected[language]].sort());
    });
  }

  it('the YAML standard skeleton, expanded with its defaults, has no error finding', () => {
    const text = expand(snippetWithPrefix(readSnippetFile(handWritten.yaml), 'kijun-standard').body);
    const analysis = analyze('file:///ws/new-standard.yaml', text);
    assert.strictEqual(analysis.model?.kind, 'standard');
    assert.deepStrictEqual(errors(analysis.findings), []);
    assert.ok(analysis.coverage, 'the guideline resolves, so coverage is computed');
    assert.ok(analysis.coverage!.items.some((i) => i.item.id.value === 'G-II-1-1' && i.status === 'covered'));
  });

  it('the Markdown standard skeleton, expanded with its defaults, has no error finding', () => {
    const text = expand(snippetWithPrefix(readSnippetFile(handWritten.markdown), 'kijun-standard').body);
    const analysis = analyze('file:///ws/new-standard.md', text);
    assert.strictEqual(analysis.model?.kind, 'standard');
    assert.deepStrictEqual(errors(analysis.findings), []);
    const clause = analysis.model?.kind === 'standard' ? analysis.model.clauses[0] : undefined;
    assert.strictEqual(clause?.id?.value, 'S-1.1');
    assert.deepStrictEqual(clause?.covers.map((c) => c.value), ['G-II-1-1']);
    assert.match(text, /^title: (.+)\n[^]*^# \1$/m, 'the # heading mirrors the title');
  });

  it('every sector offered by the standard skeletons is a sector of nisc-2008', () => {
    const nisc2008 = bundledGuidelines.find((g) => g.id?.value === 'nisc-2008')!;
    for (const [language, file] of Object.entries(handWritten)) {
      const body = snippetWithPrefix(readSnippetFile(file), 'kijun-standard').body;
      const choice = parseSnippet(body.join('\n')).find((p) => p.kind === 'choice' && p.options.includes('金融'));
      assert.ok(choice && choice.kind === 'choice', `${file}: a sector choice`);
      assert.deepStrictEqual(choice.options, nisc2008.sectors.map((s) => s.label.value));
      for (const sector of choice.options) {
        const text = expand(body, { [choice.index]: sector });
        const analysis = analyze(`file:///ws/s.${language === 'yaml' ? 'yaml' : 'md'}`, text);
        assert.deepStrictEqual(errors(analysis.findings), [], `${file} with sector ${sector}`);
      }
    }
  });

  it('the other skeletons (guideline, action plan) expand to documents without errors', () => {
    const cases: [string, string, string][] = [
      [handWritten.yaml, 'kijun-guideline', 'file:///ws/g.yaml'],
      [handWritten.yaml, 'kijun-plan', 'file:///ws/plan.yaml'],
      [handWritten.markdown, 'kijun-plan', 'file:///ws/plan.md'],
    ];
    for (const [file, prefix, uri] of cases) {
      const analysis = analyze(uri, expand(snippetWithPrefix(readSnippetFile(file), prefix).body));
      assert.strictEqual(analysis.isKijun, true, `${file} ${prefix}`);
      assert.deepStrictEqual(errors(analysis.findings), [], `${file} ${prefix}`);
    }
  });

  it('a clause and an item snippet inserted into skeletons keep them valid', () => {
    const yaml = readSnippetFile(handWritten.yaml);
    const standard = expand(snippetWithPrefix(yaml, 'kijun-standard').body)
      .replace(/^exclusions:/m, `${indent(expand(snippetWithPrefix(yaml, 'kijun-clause').body).replace('S-1', 'S-2'), '  ')}\nexclusions:`);
    assert.ok(standard.includes('- id: S-2'));
    assert.deepStrictEqual(errors(analyze('file:///ws/s.yaml', standard).findings), []);
    const guideline = `${expand(snippetWithPrefix(yaml, 'kijun-guideline').body)}\n${indent(expand(snippetWithPrefix(yaml, 'kijun-item').body), '  ')}\n`;
    assert.deepStrictEqual(errors(analyze('file:///ws/g.yaml', guideline).findings), []);
    const markdown = readSnippetFile(handWritten.markdown);
    const mdStandard = `${expand(snippetWithPrefix(markdown, 'kijun-standard').body)}\n\n${expand(snippetWithPrefix(markdown, 'kijun-clause').body).replace('S-1.1', 'S-1.2')}\n`;
    const mdAnalysis = analyze('file:///ws/s.md', mdStandard);
    assert.deepStrictEqual(errors(mdAnalysis.findings), []);
    assert.deepStrictEqual(mdAnalysis.model?.kind === 'standard' && mdAnalysis.model.clauses.map((c) => c.id?.value), ['S-1.1', 'S-1.2']);
  });

  it('the exclusion snippets and the YAML skeleton insert the placeholder reason （理由を記載）, which the checker flags', () => {
    const yamlExclusion = expand(snippetWithPrefix(readSnippetFile(handWritten.yaml), 'kijun-exclusion').body);
    assert.match(yamlExclusion, /reason: （理由を記載）/);
    const skeleton = expand(snippetWithPrefix(readSnippetFile(handWritten.yaml), 'kijun-standard').body);
    assert.match(skeleton, /^exclusions:.*\n  - item: G-II-4-3\n    reason: （理由を記載）$/m);
    const skeletonCodes = analyze('file:///ws/s.yaml', skeleton).findings.map((f) => f.code);
    assert.ok(skeletonCodes.some((c) => reasonReminders.includes(c)), skeletonCodes.join(', '));
    const yamlStandard = skeleton.replace(/^exclusions:.*$/m, (line) => `${line}\n${indent(yamlExclusion.replace('G-II-4-3', 'G-II-1-3'), '  ')}`);
    const yamlFindings = analyze('file:///ws/s.yaml', yamlStandard).findings.filter((f) => reasonReminders.includes(f.code));
    assert.deepStrictEqual(yamlFindings.map((f) => f.itemId ?? f.args.item).sort(), ['G-II-1-3', 'G-II-4-3']);

    const mdExclusion = expand(snippetWithPrefix(readSnippetFile(handWritten.markdown), 'kijun-exclusion').body);
    assert.match(mdExclusion, /reason: （理由を記載）/);
    const mdStandard = expand(snippetWithPrefix(readSnippetFile(handWritten.markdown), 'kijun-standard').body)
      .replace(/^exclusions: \[\].*$/m, `exclusions:\n${indent(mdExclusion, '  ')}`);
    const mdCodes = analyze('file:///ws/s.md', mdStandard).findings.map((f) => f.code);
    assert.ok(mdCodes.some((c) => reasonReminders.includes(c)), mdCodes.join(', '));
  });
});

describe('clause snippets of every bundled item (offered by completion at a new clause)', () => {
  /** The snippets completion offers at the cursor mark ‸ in `text` (a standard of a bundled guideline). */
  function offered(textWithCursor: string, format: 'yaml' | 'markdown'): { text: string; start: number; offset: number; snippets: Suggestion[] } {
    const offset = textWithCursor.indexOf('‸');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    const analysis = analyze(`file:///ws/s.${format === 'yaml' ? 'yaml' : 'md'}`, text);
    const clauseIds = () => (analysis.model?.kind === 'standard' ? analysis.model.clauses.flatMap((c) => (c.id ? [c.id.value] : [])) : []);
    const result = complete({ text, offset, format, locale: 'ja', catalog: analysis.catalog, coverage: analysis.coverage, guidelineIds: () => [], standardIds: () => [], clauseIds });
    return { text, start: result.start, offset, snippets: result.suggestions.filter((s) => s.kind === 'snippet' && s.label !== 'kijun-clause') };
  }

  /** All the snippets inserted at once, each clause numbered on its own (S-101, S-102, …), and the analysis of the result. */
  function insertAll(at: ReturnType<typeof offered>, separator: string, uri: string) {
    const inserted = at.snippets.map((s, i) => expand(s.insertText, { 1: `S-${101 + i}` })).join(separator);
    const text = at.text.slice(0, at.start) + inserted + at.text.slice(at.offset);
    return analyze(uri, text);
  }

  it('YAML: for each guideline and sector, a snippet per open item; inserted, each clause covers its item and nothing is wrong', () => {
    for (const guideline of bundledGuidelines) {
      for (const sector of guideline.sectors) {
        const at = offered(`kijun: standard\nguideline: ${guideline.id!.value}\nid: s\ntitle: t\nsector: ${sector.label.value}\nclass: 3\nclauses:\n  - ‸\n`, 'yaml');
        const open = analyze('file:///ws/s.yaml', at.text).coverage!.items.filter((i) => i.status === 'uncovered' || i.status === 'partial').map((i) => i.item.id.value);
        assert.deepStrictEqual(at.snippets.map((s) => s.label).sort(), [...open].sort(), `${guideline.id!.value} ${sector.id.value}`);
        for (const snippet of at.snippets) assert.doesNotThrow(() => parseSnippet(snippet.insertText), snippet.label);
        const analysis = insertAll(at, '\n  - ', 'file:///ws/s.yaml');
        assert.deepStrictEqual(errors(analysis.findings), [], `${guideline.id!.value} ${sector.id.value}`);
        at.snippets.forEach((snippet, i) => {
          const covered = analysis.coverage!.items.find((c) => c.item.id.value === snippet.label)!;
          assert.deepStrictEqual(covered.coveredBy.map((c) => [c.id?.value, c.title?.value]), [[`S-${101 + i}`, covered.item.title?.value]], snippet.label);
        });
      }
    }
  });

  it('Markdown: at a new heading, each snippet writes a clause heading that covers its item', () => {
    const skeleton = expand(snippetWithPrefix(readSnippetFile(handWritten.markdown), 'kijun-standard').body, { 4: '医療' });
    const at = offered(`${skeleton}\n\n## ‸\n`, 'markdown');
    assert.ok(at.snippets.length > 10, `${at.snippets.length} snippets`);
    assert.ok(at.snippets.every((s) => s.insertText.startsWith('## ${1:S-1.2} ')), 'the next clause id after S-1.1');
    const analysis = insertAll(at, '\n\n', 'file:///ws/s.md');
    assert.deepStrictEqual(errors(analysis.findings), []);
    at.snippets.forEach((snippet, i) => {
      const covered = analysis.coverage!.items.find((c) => c.item.id.value === snippet.label)!;
      assert.deepStrictEqual(covered.coveredBy.map((c) => c.id?.value), [`S-${101 + i}`], snippet.label);
    });
  });
});

describe('package.json contributions and package.nls', () => {
  const contributes = JSON.parse(readRepoFile('package.json'));
  const nls = JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>;
  const nlsJa = JSON.parse(readRepoFile('package.nls.ja.json')) as Record<string, string>;

  it('every %key% has an English and a Japanese string; both files hold the same keys', () => {
    const keys = [...JSON.stringify(contributes).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json: ${key}`);
      assert.ok(nlsJa[key], `package.nls.ja.json: ${key}`);
    }
    assert.deepStrictEqual(Object.keys(nlsJa).sort(), Object.keys(nls).sort());
  });

  it('declares the settings and commands, and no snippets (completion offers them where they belong); one grammar for the kijun: line only', () => {
    const c = contributes.contributes;
    assert.deepStrictEqual(contributes.activationEvents, ['onLanguage:yaml', 'onLanguage:markdown']);
    assert.strictEqual(c.configuration.title, 'Kijun');
    assert.deepStrictEqual(Object.keys(c.configuration.properties).sort(),
      ['kijun.guidelineFolders', 'kijun.locale', 'kijun.provisionalItems', 'kijun.referenceCoverageSeverity', 'kijun.trace.server']);
    assert.deepStrictEqual(c.configuration.properties['kijun.locale'].enum, ['auto', 'ja', 'en']);
    assert.strictEqual(c.configuration.properties['kijun.referenceCoverageSeverity'].default, 'information');
    assert.deepStrictEqual(c.commands.map((x: { command: string }) => x.command), [
      'kijun.showCoverage', 'kijun.restartServer', 'kijun.openCoverageReport',
      'kijun.coverageTree.showWorkspace', 'kijun.coverageTree.showActiveStandard', 'kijun.coverageTree.refresh',
    ]);
    // The coverage tree view (client/src/coverageTree.ts), in the Explorer, with its scope and report buttons.
    assert.deepStrictEqual(c.views, { explorer: [{ id: 'kijun.coverage', name: '%kijun.view.coverage.name%' }] });
    assert.deepStrictEqual(c.menus['view/title'].map((m: { command: string; when: string }) => `${m.command} when ${m.when}`), [
      'kijun.coverageTree.showActiveStandard when view == kijun.coverage && kijun.coverageScope != standard',
      'kijun.coverageTree.showWorkspace when view == kijun.coverage && kijun.coverageScope == standard',
      'kijun.openCoverageReport when view == kijun.coverage',
      'kijun.coverageTree.refresh when view == kijun.coverage',
    ]);
    // Contributed snippets would be offered everywhere, inside values too: the language server offers them instead.
    assert.strictEqual(c.snippets, undefined);
    assert.deepStrictEqual(c.grammars, [{ scopeName: 'kijun.yaml.injection', path: './syntaxes/kijun-yaml.injection.json', injectTo: ['source.yaml', 'text.html.markdown'] }]);
    assert.deepStrictEqual(contributes.capabilities, { untrustedWorkspaces: { supported: true, restrictedConfigurations: ['kijun.guidelineFolders'] }, virtualWorkspaces: { supported: false, description: '%kijun.capabilities.virtualWorkspaces%' } });
  });
});
