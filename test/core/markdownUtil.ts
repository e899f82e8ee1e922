import * as assert from 'assert';
import { LineIndex, Located, StandardModel } from '../../server/src/core';
import { testGuideline } from '../fixtures';
import { analyze } from './util';

/** Helpers of the Markdown tests: a standard of the test guideline written in Markdown, and where its clauses were read. */

export const mdUri = 'file:///ws/std.md';
export const markdown = (text: string) => ({ uri: mdUri, text });

/** The front matter of a finance standard of the test guideline (lines 1–8 with no extra lines; the body starts on line 9). */
export const frontMatter = (...extra: string[]) => [
  '---',
  'kijun: standard',
  'guideline: test-g',
  'id: std-1',
  'title: テスト基準',
  'sector: 金融',
  'class: 3',
  ...extra,
  '---',
];

/** A located value as `value@line:col-line:col` (1-based), to compare where each name was read. */
export function at(text: string, located: Located | undefined): string | undefined {
  if (!located) return undefined;
  const index = new LineIndex(text);
  const s = index.positionAt(located.span.start);
  const e = index.positionAt(located.span.end);
  return `${located.value}@${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

export interface ClauseRead {
  id?: string;
  title?: string;
  covers: (string | undefined)[];
  threats: (string | undefined)[];
}

/** The clauses of a Markdown standard of the test guideline, each value with where it was read. */
export function clausesOf(text: string): ClauseRead[] {
  const model = analyze(markdown(text), [testGuideline]).model;
  assert.strictEqual(model?.kind, 'standard');
  return (model as StandardModel).clauses.map((c) => ({
    id: at(text, c.id),
    title: at(text, c.title),
    covers: c.covers.map((r) => at(text, r)),
    threats: c.threats.map((r) => at(text, r)),
  }));
}
