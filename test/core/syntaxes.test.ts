import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../server/src/core';
import { lines, readRepoFile, repoRoot } from '../helpers';

/**
 * The TextMate injection grammars. VS Code runs them with Oniguruma; these tests compile every
 * regex as a JavaScript RegExp, which holds as long as the grammars keep to the common subset
 * (the only Oniguruma-only token allowed is the \G anchor, dropped here before compiling).
 */

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  whileCaptures?: Record<string, Rule>;
  repository?: Record<string, Rule>;
  name?: string;
}

interface Grammar extends Rule {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
}

const grammarFiles = {
  yaml: 'syntaxes/kijun-yaml.injection.json',
};

function readGrammar(file: string): Grammar {
  return JSON.parse(readRepoFile(file)) as Grammar;
}

/** Every rule of a grammar, with a path for messages. */
function* rules(rule: Rule, where: string): Generator<[string, Rule]> {
  yield [where, rule];
  for (const [i, child] of (rule.patterns ?? []).entries()) yield* rules(child, `${where}.patterns[${i}]`);
  for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures', 'repository'] as const) {
    for (const [name, child] of Object.entries(rule[key] ?? {})) yield* rules(child, `${where}.${key}.${name}`);
  }
}

/** An Oniguruma regex of these grammars as a JavaScript RegExp. */
function js(source: string, flags = ''): RegExp {
  return new RegExp(source.replace(/\\G/g, ''), flags);
}

describe('syntax injection grammar', () => {
  it(`${grammarFiles.yaml}: parses, is an injection, and every regex compiles as a JS RegExp`, () => {
    const grammar = readGrammar(grammarFiles.yaml);
    assert.strictEqual(grammar.scopeName, 'kijun.yaml.injection');
    assert.match(grammar.injectionSelector, /^L:/);
    let count = 0;
    for (const [where, rule] of rules(grammar, grammarFiles.yaml)) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        assert.doesNotThrow(() => js(source, 'u'), `${where}.${key}: ${source}`);
        count++;
      }
      if (rule.include?.startsWith('#')) assert.ok(grammar.repository[rule.include.slice(1)], `${where}: ${rule.include} resolves`);
    }
    assert.strictEqual(count, 1);
  });

  it('the contributes entry points at the grammar with its scope name, and no Markdown grammar is contributed', () => {
    const grammars = JSON.parse(readRepoFile('package.json')).contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
    assert.deepStrictEqual(grammars.map((g) => g.path), [`./${grammarFiles.yaml}`]);
    assert.strictEqual(grammars[0].scopeName, readGrammar(grammarFiles.yaml).scopeName);
    assert.ok(fs.existsSync(path.join(repoRoot, grammarFiles.yaml)));
  });

  it('colours only the line that makes a file a Kijun document; nothing of a plain YAML or Markdown file', () => {
    const kindLine = js(readGrammar(grammarFiles.yaml).repository['kind-line'].match!);
    assert.deepStrictEqual(kindLine.exec('kijun: standard')?.slice(1), ['kijun', ':', 'standard']);
    assert.deepStrictEqual(kindLine.exec('kijun: action-plan  # 行動計画')?.slice(1), ['kijun', ':', 'action-plan']);
    // A mapping under kijun: (another tool's), an indented or misspelt kind, a comment, Markdown headings, other keys: no colour.
    for (const line of ['kijun:', 'kijun: {tool: x}', '  kijun: standard', 'kijun: standards', '# kijun: standard', '## 1.2 Heading', 'covers: G-II-1-1', 'sector: 金融']) {
      assert.ok(!kindLine.test(line), line);
    }
    // What the line colours is exactly what makes the file a Kijun document of that kind.
    for (const kind of ['standard', 'guideline', 'action-plan']) assert.strictEqual(parseDocument(lines(`kijun: ${kind}`), 'yaml').kind, kind);
  });
});
