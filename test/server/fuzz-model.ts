import fc from 'fast-check';

/**
 * The actions of the property suite (test/server/fuzz.test.ts) and their generators: what an author, a
 * paste, an undo or a busy editor does to documents, and the requests an editor sends in between.
 * Offsets and positions are fractions of the document, so that a shrunk sequence stays meaningful
 * whatever the length of the text it is applied to.
 */

/** One content change: replace `deleteLength` characters at a fraction of the text by `insert`. */
export interface EditSpec {
  /** 0 ≤ at < 1: where in the text, as a fraction of its length. */
  at: number;
  deleteLength: number;
  insert: string;
}

export type RequestKind =
  | 'completion' | 'hover' | 'definition' | 'references' | 'codeAction' | 'codeLens'
  | 'documentSymbol' | 'workspaceSymbol' | 'coverageReport';

export type Action =
  /** One didChange with one or more content changes, awaited (its version's diagnostics must arrive). */
  | { kind: 'edit'; doc: number; changes: EditSpec[]; full: boolean }
  /** Several didChange notifications sent at once, as a fast typist or a macro does; only the last is awaited. */
  | { kind: 'burst'; doc: number; edits: EditSpec[] }
  /** Back to the text before the previous edit of the document, as the smallest change (undo). */
  | { kind: 'undo'; doc: number }
  /** Closed and opened again with the same text (the server reads the disk in between). */
  | { kind: 'reopen'; doc: number }
  /** A request at a position: `at` a fraction of the text, or `raw` a position that may lie outside it. */
  | { kind: 'request'; doc: number; request: RequestKind; at: number; raw?: { line: number; character: number }; query: string };

/** Characters that break YAML and Markdown in interesting ways, typed one at a time. */
const TYPED = [
  ' ', ' ', 'a', 'x', '1', '-', ':', ': ', '#', '\n', '\n', '\r\n', '\r', '\t', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!',
  '|', '>', '?', '%', '@', '`', '~', '\\', '\u3000', '：', '、', '・', '金', '融', 'あ', 'ア', 'Ⅱ', '①', '😀', '\ud83d', '\ude00',
  '\u0000', '\u0001', '\u007f', '\ufeff', '\ufffe', '\uffff', '\u2028', '\u200b',
];

/** Pieces of YAML and Markdown a person pastes: clauses, keys, anchors, fences, front matter, kinds. */
const FRAGMENTS = [
  'kijun: standard\n', 'kijun: guideline\n', 'kijun: action-plan\n', 'guideline: nisc-2008\n', 'guideline: nisc-2024\n',
  'sector: 金融\n', 'sector: 医療\n', 'sector: 銀行\n', 'class: 3\n', 'class: 9\n', 'clauses:\n', 'items:\n', 'exclusions:\n',
  '  - id: S-9.1\n    title: 追加\n    covers: [G-II-1-1]\n', '  - item: G-II-4-3\n    reason: （理由を記載）\n',
  '    covers: [G-II-1-1, G-II-3-4-2-A-b]\n', '    covers: G-I-1, G-I-2\n', '    threats: [intentional, disaster]\n',
  '  - id: G-X\n    parent: G-X\n    title: 循環\n    obligation: must-consider\n', '  - {id: G-II-1-1, title: 重複}\n',
  '  - id: G-II\n    items:\n      - id: G-II\n', 'base: &base {covers: [G-II-1-1]}\n', '  - <<: *base\n    id: S-M\n',
  'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n', '---\n', '...\n', '## S-9 見出し\ncovers: G-II-1-1\n',
  '### S-1.2 title\n対応指針: G-I-1、G-I-2\n脅威: 災害\n', '```yaml\nkijun: standard\n```\n', '<!-- ', ' -->', '# コメント\n',
  'title：全角コロン\n', '\tcovers: [A]\n', '\u3000\u3000title: 字下げ\n', 'covers: [G-II-1-1\n', 'text: |\n  本文\n  　段落\n',
  '%YAML 1.2\n', '!!binary |\n  AAAA\n', '? complex\n: key\n', 'id: "unclosed\n', "id: 'it''s'\n", '[[[[[[[[[[', ']]]]]',
  '{a: {b: {c: {d: {e: ', 'Kijun: standard\n', 'ｋｉｊｕｎ: standard\n', 'kijun: 安全基準等\n', 'null\n', '~\n', '1e999\n',
];

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const insertText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TYPED) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TYPED, ...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.constant('') },
);

export const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  at: fraction,
  deleteLength: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 400 }) }),
  insert: insertText,
});

const requestKind = fc.constantFrom<RequestKind>(
  'completion', 'completion', 'hover', 'definition', 'references', 'codeAction', 'codeLens', 'documentSymbol', 'workspaceSymbol', 'coverageReport',
);

/** Positions an editor should never send, and some it may: past the last line, past a line's end, negative. */
const rawPosition = fc.record({ line: fc.integer({ min: -3, max: 400 }), character: fc.integer({ min: -3, max: 300 }) });

/**
 * How bursts are drawn: at most `max` changes each, `weight` against the edit's 8. CI keeps them short and
 * rare; the long run of SECURITY.md makes them long and frequent (KIJUN_FUZZ_BURST_MAX, KIJUN_FUZZ_BURST_WEIGHT),
 * so that most of its time goes into the server applying and parsing changes rather than into starting servers.
 */
export interface BurstShape {
  max: number;
  weight: number;
}

export function actionOf(documents: number, bursts: BurstShape = { max: 12, weight: 1 }): fc.Arbitrary<Action> {
  const doc = fc.integer({ min: 0, max: documents - 1 });
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc, changes: fc.array(editSpec, { minLength: 1, maxLength: 3 }), full: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }) },
    { weight: bursts.weight, arbitrary: fc.record({ kind: fc.constant('burst' as const), doc, edits: fc.array(editSpec, { minLength: 2, maxLength: bursts.max, size: 'max' }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), doc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), doc }) },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('request' as const), doc, request: requestKind, at: fraction,
        raw: fc.option(rawPosition, { freq: 5, nil: undefined }), query: fc.constantFrom('', 'S-', 'G-II', '事業', 'zzz'),
      }, { requiredKeys: ['kind', 'doc', 'request', 'at', 'query'] }),
    },
  );
}

/** How many content changes an action sends (the figure the long run reports as "edits"). */
export function editsIn(action: Action): number {
  switch (action.kind) {
    case 'edit':
      return action.changes.length;
    case 'burst':
      return action.edits.length;
    case 'undo':
      return 1;
    default:
      return 0;
  }
}
