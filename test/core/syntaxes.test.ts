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
  markdown: 'syntaxes/kijun-markdown.injection.json',
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

/** Item references on a line, the way the grammar reads them: the key rule's begin, then the item-ref rule from there. */
function itemRefs(grammar: Grammar, lineRule: string, line: string): string[] {
  const begin = js(grammar.repository[lineRule].begin!).exec(line);
  assert.ok(begin, `${lineRule} begins on ${JSON.stringify(line)}`);
  const ref = js(grammar.repository['item-ref'].match!, 'g');
  ref.lastIndex = begin.index + begin[0].length;
  return [...line.matchAll(ref)].filter((m) => m.index! >= begin.index + begin[0].length).map((m) => m[0]);
}

describe('syntax injection grammars', () => {
  for (const [language, file] of Object.entries(grammarFiles)) {
    it(`${file}: parses, is an injection, and every regex compiles as a JS RegExp`, () => {
      const grammar = readGrammar(file);
      assert.strictEqual(grammar.scopeName, `kijun.${language}.injection`);
      assert.match(grammar.injectionSelector, /^L:/);
      let count = 0;
      for (const [where, rule] of rules(grammar, file)) {
        for (const key of ['match', 'begin', 'end', 'while'] as const) {
          const source = rule[key];
          if (source === undefined) continue;
          assert.strictEqual(typeof source, 'string', `${where}.${key}`);
          assert.doesNotThrow(() => js(source, 'u'), `${where}.${key}: ${source}`);
          count++;
        }
        if (rule.begin !== undefined) assert.ok(rule.end !== undefined || rule.while !== undefined, `${where}: begin needs end or while`);
        if (rule.include?.startsWith('#')) assert.ok(grammar.repository[rule.include.slice(1)], `${where}: ${rule.include} resolves`);
        else if (rule.include) assert.ok(['source.yaml', 'text.html.markdown#inline'].includes(rule.include), `${where}: ${rule.include}`);
      }
      assert.ok(count >= 5, `${file} has its rules`);
    });
  }

  it('the contributes entries point at the grammars with their scope names', () => {
    const grammars = JSON.parse(readRepoFile('package.json')).contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
    for (const [language, file] of Object.entries(grammarFiles)) {
      const entry = grammars.find((g) => g.path === `./${file}`);
      assert.ok(entry, file);
      assert.strictEqual(entry.scopeName, readGrammar(file).scopeName);
      assert.ok(fs.existsSync(path.join(repoRoot, file)));
      assert.ok(entry.injectTo.includes(language === 'yaml' ? 'source.yaml' : 'text.html.markdown'));
    }
  });
});

describe('Markdown injection', () => {
  const grammar = readGrammar(grammarFiles.markdown);
  const clause = js(grammar.repository.clause.begin!);

  it('the clause-heading regex captures the clause id', () => {
    const m = clause.exec('## S-1.1 事業継続');
    assert.ok(m);
    assert.strictEqual(m[2], 'S-1.1');
    assert.strictEqual(m[3], '事業継続');
    assert.ok(grammar.repository.clause.beginCaptures!['2'].name!.split(' ').includes('entity.name.tag.kijun.clause-id.markdown'));
  });

  it('matches exactly the headings that the core reads as clauses', () => {
    const headings = [
      '## S-1.1 事業継続', '# 1 目的', '### 3.2.1 細目', '###### A-1b 見出し', '## 1.1', '## S-1.1　全角スペースの後の見出し',
      '## 5.1 見出し ##', '## Introduction', '## S-x 数字がない', '## -1 記号で始まる', '####### 1.1 七つ', '##1.1 空白がない',
      '## v2 title', '## 2.3. 末尾のドット', '## S-1: 目的', '## S-2．目的', '## **S-4** 太字', '## **S-5 全部太字**', '## ＳＢ－１ 全角',
      '## 第1条 目的', '## 第十二条　目的', '## 第3条の2（定義）', '## 運1 運用', '## 技12 技術', '## 第1章 総則', '## S-1.1目的',
      '## 2024年度 改訂', '## 1. 総則',
    ];
    const text = lines('---', 'kijun: standard', '---', ...headings.flatMap((h) => [h, '']));
    const fromCore = parseDocument(text, 'markdown').markdownClauses.map((c) => c.node.entries.find((e) => e.key === 'id')!.value);
    const coreIds = fromCore.map((v) => (v.kind === 'scalar' ? String(v.value) : ''));
    const grammarIds = headings.map((h) => clause.exec(h)?.[2]).filter((id): id is string => id !== undefined);
    assert.deepStrictEqual(grammarIds, coreIds);
    // A trailing "." is punctuation: `## 2.3. 見出し` is clause 2.3 (until the parser change it was "2.3.").
    assert.deepStrictEqual(grammarIds, ['S-1.1', '1', '3.2.1', 'A-1b', '1.1', 'S-1.1', '5.1', 'v2', '2.3', 'S-1', 'S-2', 'S-4', 'S-5', 'ＳＢ－１',
      '第1条', '第十二条', '第3条の2', '運1', '技12', '1']);
  });

  it('the item-reference regex finds the item ids of a covers line', () => {
    assert.deepStrictEqual(itemRefs(grammar, 'covers-line', 'covers: G-II-3-4-2-A-b, G-I'), ['G-II-3-4-2-A-b', 'G-I']);
    assert.deepStrictEqual(itemRefs(grammar, 'covers-line', '対応指針： G24-1-1、G-I'), ['G24-1-1', 'G-I']);
    assert.deepStrictEqual(itemRefs(grammar, 'covers-line', 'Covers: G-II-1-3'), ['G-II-1-3']);
    const m = js(grammar.repository['item-ref'].match!).exec('covers: G-II-3-4-2-A-b, G-I'.slice('covers: '.length));
    assert.strictEqual(m?.[0], 'G-II-3-4-2-A-b');
  });

  it('key lines: covers/対応指針 and threats/脅威, and the while condition that keeps them under the heading', () => {
    const covers = js(grammar.repository['covers-line'].begin!);
    const threats = js(grammar.repository['threats-line'].begin!);
    const keeps = js(grammar.repository.clause.while!);
    for (const line of ['covers: G-I', '対応指針: G-I', 'covers：G-I', '- covers: G-I', '**対応指針**: G-I', '**covers:** G-I']) {
      assert.ok(covers.test(line) && keeps.test(line), line);
    }
    for (const line of ['threats: disaster', '脅威: 災害, spillover', '* 脅威： 災害', '__threats__: disaster']) {
      assert.ok(threats.test(line) && keeps.test(line), line);
    }
    assert.ok(keeps.test(''), 'blank lines stay in the clause');
    assert.ok(keeps.test('<!-- 注記 -->'), 'a one-line comment stays in the clause, as the core reads on past it');
    for (const line of ['本文', 'coverage: x', '## S-2 次の条項', '<!-- 開いたままの注記']) assert.ok(!keeps.test(line), line);
    const threatRef = js(grammar.repository['threats-line'].patterns![1].match!, 'g');
    assert.deepStrictEqual('災害や疾病によるIT障害への脅威, spillover'.match(threatRef), ['災害や疾病によるIT障害への脅威', 'spillover']);
    // 「、」 is part of a threat label, as the core reads it; only commas separate threats.
    assert.deepStrictEqual('大規模な操作・設定ミス、バグ、メンテナンス不備が予想される社会環境変化や制度改正，災害'.match(threatRef),
      ['大規模な操作・設定ミス、バグ、メンテナンス不備が予想される社会環境変化や制度改正', '災害']);
  });
});

describe('YAML injection', () => {
  const grammar = readGrammar(grammarFiles.yaml);

  it('starts at a top-level kijun: key only', () => {
    const document = js(grammar.repository.document.begin!);
    assert.ok(document.test('kijun: standard'));
    assert.ok(document.test('kijun:'));
    for (const line of ['  kijun: standard', 'kijunx: standard', '# kijun: standard']) assert.ok(!document.test(line), line);
    assert.strictEqual(js(grammar.repository.kind.match!).exec(' action-plan')?.[1], 'action-plan');
  });

  it('highlights Kijun keys at line start, after an optional sequence dash', () => {
    const key = js(grammar.repository.key.match!);
    for (const [line, name] of [['clauses:', 'clauses'], ['sector: 金融', 'sector'], ['  - sector: 金融', 'sector'], ['exclusions:', 'exclusions'],
      ['guideline: nisc-2008', 'guideline'], ['    obligation: reference', 'obligation'], ['threats: [disaster]', 'threats']]) {
      assert.strictEqual(key.exec(line)?.[2], name, line);
    }
    for (const line of ['id: S-1', 'titles: x', 'sector:x', '  text: |']) assert.ok(!key.test(line), line);
    const enumLine = js(grammar.repository['enum-line'].match!);
    assert.strictEqual(enumLine.exec('    obligation: must-consider')?.[4], 'must-consider');
    assert.ok(!enumLine.test('    level: 維持すべき水準'));
  });

  it('finds item ids in covers lists, exclusion items and block lists', () => {
    assert.deepStrictEqual(itemRefs(grammar, 'item-line', '    covers: [G-II-3-4-2-A-b, G-I]'), ['G-II-3-4-2-A-b', 'G-I']);
    assert.deepStrictEqual(itemRefs(grammar, 'item-line', '  - item: G-II-4-3'), ['G-II-4-3']);
    assert.deepStrictEqual(itemRefs(grammar, 'item-line', '    covers: G24-1-1'), ['G24-1-1']);
    const pair = js(grammar.repository['flow-item-pair'].match!);
    const line = '  - {item: G-II-1-3, reason: 該当なし}';
    const m = pair.exec(line);
    assert.strictEqual(m?.[3], 'G-II-1-3');
    const block = grammar.repository['item-block-list'];
    assert.ok(js(block.begin!).test('    covers:'));
    assert.ok(!js(block.begin!).test('    covers: [G-I]'));
    const keeps = js(block.while!);
    for (const l of ['      - G-II-1', "      - 'G-II-2'", '      - "G-I"  # c', '']) assert.ok(keeps.test(l), l);
    for (const l of ['  - id: S-2', '    title: x', '      - G-II-1: x']) assert.ok(!keeps.test(l), l);
  });
});
