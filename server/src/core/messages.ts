/**
 * The one message catalogue: every message Kijun shows, in Japanese and English.
 * Keys are the stable finding codes (plus a few UI strings); the rules only pick a code and its arguments.
 */

import { vocabulary } from './vocabulary';

export type Locale = 'ja' | 'en';

/** A text that already exists in both languages (e.g. an item title with its English title). */
export interface Bilingual {
  ja: string;
  en: string;
}

export type MessageArg = string | number | Bilingual | undefined;
export type MessageArgs = Record<string, MessageArg>;

type Render = (args: Record<string, string>) => string;

function text(arg: MessageArg, locale: Locale): string {
  if (arg === undefined) return '';
  if (typeof arg === 'object') return arg[locale];
  return String(arg);
}

/**
 * A value quoted from the document, shortened when it is long: a pasted 10,000-character id is shown by its
 * start and end (and its length), so that a message stays a sentence.
 */
const MAX_QUOTED = 80;
const clip = (s: string): string => {
  // Never between the two halves of a surrogate pair (an emoji, a rare kanji).
  const head = s.slice(0, /[\ud800-\udbff]/.test(s[49]) ? 49 : 50);
  const tail = s.slice(/[\udc00-\udfff]/.test(s[s.length - 20]) ? -19 : -20);
  return `${head}…${tail}`;
};
const quote = (s: string): string => (s.length > MAX_QUOTED ? `"${clip(s)}" (${s.length} characters)` : `"${s}"`);
const jq = (s: string): string => (s.length > MAX_QUOTED ? `「${clip(s)}」（${s.length} 文字）` : `「${s}」`);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const linesEn = (n: string): string => (n === '1' ? 'this line' : `these ${n} lines`);
const linesJa = (n: string): string => (n === '1' ? 'この行' : `これらの ${n} 行`);
const didYouMeanEn = (a: Record<string, string>): string => (a.suggestion ? ` Did you mean ${quote(a.suggestion)}?` : '');
const didYouMeanJa = (a: Record<string, string>): string => (a.suggestion ? `${jq(a.suggestion)}の誤りではありませんか。` : '');

const catalogue = {
  // Input that cannot be read as a document at all.
  'input.binary': {
    en: () => 'The file contains a NUL character, so it is not a text document; it was not checked.',
    ja: () => 'ファイルに NUL 文字が含まれているため、テキスト文書として検査できません。',
  },
  'input.too-large': {
    en: (a) => `The file is ${a.size} bytes; Kijun checks files up to ${a.limit} bytes.`,
    ja: (a) => `ファイルが ${a.size} バイトあり、検査できる上限（${a.limit} バイト）を超えています。`,
  },
  'input.too-deep': {
    en: (a) => `Nesting is deeper than ${a.limit} levels; the content below this point was not checked.`,
    ja: (a) => `入れ子が ${a.limit} 段を超えているため、これより深い部分は検査していません。`,
  },
  'input.alias-limit': {
    en: (a) => `YAML aliases expand to more than ${a.limit} nodes (an alias bomb?); the expansion was stopped here.`,
    ja: (a) => `YAML のエイリアスを展開すると ${a.limit} ノードを超えるため、ここで展開を打ち切りました。`,
  },

  // Syntax.
  'syntax.yaml': {
    en: (a) => `YAML syntax error: ${a.problem}`,
    ja: (a) => `YAML の構文エラー: ${a.problem}`,
  },
  'syntax.duplicate-key': {
    en: (a) => `The key ${quote(a.key)} appears twice in the same mapping.`,
    ja: (a) => `同じマッピングの中でキー${jq(a.key)}が重複しています。`,
  },
  'syntax.full-width-colon': {
    en: (a) => `The full-width colon "：" after ${quote(a.key)} does not end a key in YAML: type a half-width colon and a space (": ") instead.`,
    ja: (a) => `${jq(a.key)}の後の全角のコロン「：」は YAML ではキーの区切りになりません。半角のコロンと空白（「: 」）を入力してください。`,
  },
  'syntax.tab-indent': {
    en: (a) => `YAML cannot be indented with tabs: indent ${linesEn(a.lines)} with spaces instead.`,
    ja: (a) => `YAML のインデントにタブは使えません。${linesJa(a.lines)}を半角スペースで字下げしてください。`,
  },
  'syntax.ideographic-space-indent': {
    en: (a) => `YAML cannot be indented with full-width spaces (U+3000): indent ${linesEn(a.lines)} with half-width spaces instead.`,
    ja: (a) => `YAML のインデントに全角スペースは使えません。${linesJa(a.lines)}を半角スペースで字下げしてください。`,
  },
  'syntax.unclosed-bracket': {
    en: (a) => `This ${quote(a.open)} is never closed: type ${quote(a.close)} after ${quote(a.after)}, where it ends.`,
    ja: (a) => `この${jq(a.open)}が閉じられていません。終わりの${jq(a.after)}の後に${jq(a.close)}を入力してください。`,
  },
  'syntax.merge-value': {
    en: () => 'A merge key "<<" takes an alias of a mapping (<<: *name), a mapping, or a list of them.',
    ja: () => 'マージキー「<<」には、マッピングのエイリアス（<<: *名前）、マッピング、またはそれらのリストを指定してください。',
  },
  'syntax.front-matter': {
    en: () => 'The front matter starting here is never closed with a "---" line.',
    ja: () => 'ここから始まるフロントマターが「---」の行で閉じられていません。',
  },
  'document.unknown-kind': {
    en: (a) => `Unknown document kind ${quote(a.value)}: use guideline, standard or action-plan.${didYouMeanEn(a)}`,
    ja: (a) => `文書の種類${jq(a.value)}は不明です。guideline・standard・action-plan のいずれかを指定してください。${didYouMeanJa(a)}`,
  },
  'document.misspelt-kijun-key': {
    en: (a) => `The key ${quote(a.key)} is not read as "kijun:" (lower-case half-width letters and colon), so this document is not checked. Write "kijun:".`,
    ja: (a) => `キー${jq(a.key)}は「kijun:」（半角小文字と半角コロン）として読まれないため、この文書は検査されていません。「kijun:」と記載してください。`,
  },
  'guideline.replaces-bundled': {
    en: (a) => `The bundled guideline ${quote(a.id)} (${a.bundledTitle}) has this id too: the standards and plans of the workspace that name ${a.id} follow ${a.winner} instead. Give this guideline an id of its own unless it is meant to replace the bundled one.`,
    ja: (a) => `同梱の指針${jq(a.id)}（${a.bundledTitle}）も同じ ID です。ワークスペース内で ${a.id} を指定する安全基準等・行動計画は、同梱の指針ではなく${a.winner}に従います。同梱の指針を置き換える意図がなければ、この指針に別の ID を付けてください。`,
  },
  'document.duplicate-id': {
    en: (a) => `Another document in the workspace also has the id ${quote(a.id)}: ${a.other}.`,
    ja: (a) => `ワークスペース内の別の文書（${a.other}）にも同じ ID${jq(a.id)}があります。`,
  },

  // Schema.
  'schema.required': {
    en: (a) => `Missing required key ${quote(a.key)}${a.where ? ` in ${a.where}` : ''}.`,
    ja: (a) => `${a.where ? `${a.where}に` : ''}必須のキー${jq(a.key)}がありません。`,
  },
  'schema.unknown-key': {
    en: (a) => `Unknown key ${quote(a.key)}${a.where ? ` in ${a.where}` : ''}.${didYouMeanEn(a)}`,
    ja: (a) => `${a.where ? `${a.where}の` : ''}キー${jq(a.key)}は定義されていません。${didYouMeanJa(a)}`,
  },
  'schema.type': {
    en: (a) => `${capital(a.key)} must be ${a.expected}, not ${a.actual}.`,
    ja: (a) => `${a.key}には${a.expected}を指定してください（${a.actual}が指定されています）。`,
  },
  'schema.enum': {
    en: (a) => `${capital(a.key)} must be one of: ${a.allowed}.`,
    ja: (a) => `${a.key}には次のいずれかを指定してください: ${a.allowed}`,
  },
  'schema.format': {
    en: (a) => `${quote(a.value)} is not a valid ${a.format}: ${a.rule}`,
    ja: (a) => `${jq(a.value)}は${a.format}として正しくありません。${a.rule}`,
  },
  'schema.range': {
    en: (a) => `${capital(a.key)} must be between ${a.min} and ${a.max}.`,
    ja: (a) => `${a.key}には ${a.min} から ${a.max} までの値を指定してください。`,
  },
  'schema.empty': {
    en: (a) => `${capital(a.key)} must not be empty.`,
    ja: (a) => `${a.key}が空です。`,
  },
  'schema.min-items': {
    en: (a) => `${capital(a.key)} must list at least ${a.min} entr${a.min === '1' ? 'y' : 'ies'}.`,
    ja: (a) => `${a.key}には少なくとも ${a.min} 件を記載してください。`,
  },
  'schema.invalid': {
    en: (a) => `${capital(a.key)} is not valid here (${a.detail}).`,
    ja: (a) => `${a.key}の値が正しくありません（${a.detail}）。`,
  },

  // Domain: names and references.
  'guideline.unknown': {
    en: (a) => `Unknown guideline ${quote(a.value)}; known guidelines: ${a.known}.${didYouMeanEn(a)} ${a.documentsFrom === 'paths'
      ? 'A guideline document of your own must be among the files or folders passed to kijun check.'
      : 'A guideline document of your own must be in the workspace or in a folder of the kijun.guidelineFolders setting.'}`,
    ja: (a) => `指針${jq(a.value)}が見つかりません（既知の指針: ${a.known}）。${didYouMeanJa(a)}${a.documentsFrom === 'paths'
      ? '独自の指針文書は、kijun check に渡すファイルまたはフォルダに含めてください。'
      : '独自の指針文書は、ワークスペースか設定 kijun.guidelineFolders のフォルダに置いてください。'}`,
  },
  'guideline.stale': {
    en: (a) => `The guideline ${quote(a.id)} (${a.other}) cannot be read at the moment (a syntax error): this document is checked against its last readable version until the guideline is fixed.`,
    ja: (a) => `指針${jq(a.id)}（${a.other}）は現在読み取れません（構文エラー）。指針が修正されるまで、この文書は読み取れた最後の版の指針で検査しています。`,
  },
  'sector.unknown': {
    en: (a) => `Unknown sector ${quote(a.value)} in guideline ${a.guideline}.${didYouMeanEn(a)}`,
    ja: (a) => `分野${jq(a.value)}は指針 ${a.guideline} にありません。${didYouMeanJa(a)}`,
  },
  'sector.is-subsector': {
    en: (a) => `${quote(a.value)} is a sub-sector of ${a.sector}, not a sector: write ${quote(a.sector)} here${a.subsectorKey ? ` and put ${a.value} under ${a.subsectorKey}` : ''}.`,
    ja: (a) => `${jq(a.value)}は分野ではなく、分野「${a.sector}」の業種です。ここには${jq(a.sector)}と記載してください${a.subsectorKey ? `（${jq(a.value)}は ${a.subsectorKey} に記載します）` : ''}。`,
  },
  'sector.all-in-list': {
    en: () => '"all" inside a list names no sector: for an item that applies to every sector, write sectors: all, without brackets.',
    ja: () => 'リストの中の「all」は分野を表しません。すべての分野に適用する項目は、角括弧を付けずに sectors: all と記載してください。',
  },
  'subsector.other-sector': {
    en: (a) => `${quote(a.value)} is a sub-sector of ${a.actual}, not of ${a.sector}.`,
    ja: (a) => `${jq(a.value)}は分野「${a.sector}」ではなく、分野「${a.actual}」の業種です。`,
  },
  'subsector.unknown': {
    en: (a) => `Unknown sub-sector ${quote(a.value)} of sector ${a.sector}.${didYouMeanEn(a)}`,
    ja: (a) => `業種${jq(a.value)}は分野「${a.sector}」にありません。${didYouMeanJa(a)}`,
  },
  'threat.unknown': {
    en: (a) => `Unknown threat ${quote(a.value)} in guideline ${a.guideline}.${didYouMeanEn(a)}`,
    ja: (a) => `脅威${jq(a.value)}は指針 ${a.guideline} にありません。${didYouMeanJa(a)}`,
  },
  'covers.unknown-item': {
    en: (a) => `Guideline ${a.guideline} has no item ${quote(a.value)}.${didYouMeanEn(a)}`,
    ja: (a) => `指針 ${a.guideline} に項目${jq(a.value)}はありません。${didYouMeanJa(a)}`,
  },
  'covers.not-applicable': {
    en: (a) => `Item ${a.item} (${a.label}) does not apply to sector ${a.sector}; covering it counts for nothing.`,
    ja: (a) => `項目 ${a.item}（${a.label}）は分野「${a.sector}」には適用されないため、対応としては数えられません。`,
  },
  'clause.text-not-list': {
    en: (a) => `${quote(a.value)} is one text naming several entries: write ${a.key} as a list, ${a.key}: [${a.list}].`,
    ja: (a) => `${jq(a.value)}は複数の値を 1 つの文字列に記載しています。${a.key} は ${a.key}: [${a.list}] のようにリストで記載してください。`,
  },
  'clause.duplicate-id': {
    en: (a) => `Clause id ${quote(a.id)} is used more than once (first at line ${a.firstLine}).`,
    ja: (a) => `条項 ID${jq(a.id)}が重複しています（最初の定義は ${a.firstLine} 行目）。`,
  },
  'exclusion.missing-reason': {
    en: (a) => `The exclusion of ${a.item} needs a reason: say why the standard need not cover it (規定する必要がない理由).`,
    ja: (a) => `${a.item} を除外する理由（規定する必要がない理由）を記載してください。`,
  },
  'exclusion.placeholder-reason': {
    en: (a) => `The reason for excluding ${a.item} is still the placeholder ${quote(a.reason)}; write why the standard need not cover it.`,
    ja: (a) => `${a.item} を除外する理由が仮の記載（${a.reason}）のままです。規定する必要がない理由を記載してください。`,
  },
  'exclusion.covered': {
    en: (a) => `${a.item} is excluded, but clause ${a.clause} covers it; remove the exclusion or the clause's reference.`,
    ja: (a) => `${a.item} は除外されていますが、条項 ${a.clause} が対応しています。除外か条項の対応指針のどちらかを削除してください。`,
  },
  'exclusion.not-applicable': {
    en: (a) => `Item ${a.item} (${a.label}) does not apply to sector ${a.sector}, so there is nothing to exclude; remove this exclusion.`,
    ja: (a) => `項目 ${a.item}（${a.label}）は分野「${a.sector}」には適用されないため、除外する必要はありません。この除外を削除してください。`,
  },
  'exclusion.unknown-item': {
    en: (a) => `Guideline ${a.guideline} has no item ${quote(a.value)} to exclude.${didYouMeanEn(a)}`,
    ja: (a) => `除外する項目${jq(a.value)}は指針 ${a.guideline} にありません。${didYouMeanJa(a)}`,
  },
  'exclusion.duplicate': {
    en: (a) => `${a.item} is excluded more than once (first at line ${a.firstLine}).`,
    ja: (a) => `${a.item} の除外が重複しています（最初の記載は ${a.firstLine} 行目）。`,
  },
  'item.duplicate-id': {
    en: (a) => `Item id ${quote(a.id)} is used more than once in this guideline (first at line ${a.firstLine}).`,
    ja: (a) => `項目 ID${jq(a.id)}がこの指針の中で重複しています（最初の定義は ${a.firstLine} 行目）。`,
  },
  'item.unknown-parent': {
    en: (a) => `Parent item ${quote(a.value)} does not exist in this guideline.${didYouMeanEn(a)}`,
    ja: (a) => `親項目${jq(a.value)}はこの指針にありません。${didYouMeanJa(a)}`,
  },
  'item.cycle': {
    en: (a) => `Items form a cycle through their parents: ${a.path}.`,
    ja: (a) => `項目の親子関係が循環しています: ${a.path}`,
  },
  'term.duplicate-id': {
    en: (a) => `Id ${quote(a.id)} is used more than once among the guideline's sectors and threats (first at line ${a.firstLine}).`,
    ja: (a) => `ID${jq(a.id)}が指針の分野・脅威の中で重複しています（最初の定義は ${a.firstLine} 行目）。`,
  },
  'markdown.unknown-key': {
    en: (a) => `${quote(a.key)} is not a clause key, so this line is read as prose.${didYouMeanEn(a)}`,
    ja: (a) => `${jq(a.key)}は条項のキーではないため、この行は本文として扱われます。${didYouMeanJa(a)}`,
  },

  // Action plan.
  'plan.sector-missing': {
    en: (a) => `Sector ${a.sector} of guideline ${a.guideline} is missing from the plan.`,
    ja: (a) => `指針 ${a.guideline} の分野「${a.sector}」が行動計画にありません。`,
  },
  'plan.standard-unknown': {
    en: (a) => (a.documentsFrom === 'paths'
      ? `No standard with the id ${quote(a.id)} is among the files or folders passed to kijun check; pass the standard's file or its folder too.`
      : `No standard with the id ${quote(a.id)} exists in the workspace.`),
    ja: (a) => (a.documentsFrom === 'paths'
      ? `ID${jq(a.id)}の安全基準等が kijun check に渡されたファイルまたはフォルダにありません。その安全基準等のファイルかフォルダも渡してください。`
      : `ID${jq(a.id)}の安全基準等がワークスペースにありません。`),
  },
  'plan.standard-sector-mismatch': {
    en: (a) => `Standard ${a.id} belongs to sector ${a.actual}, not ${a.expected}.`,
    ja: (a) => `安全基準等 ${a.id} は分野「${a.actual}」のものであり、「${a.expected}」のものではありません。`,
  },

  'plan.sector-without-standard': {
    en: (a) => `Sector ${a.sector} lists no standard in force (安全基準等).`,
    ja: (a) => `分野「${a.sector}」に適用される安全基準等が記載されていません。`,
  },
  'plan.standard-class-mismatch': {
    en: (a) => `The plan gives standard ${a.id} class ${a.expected}, but the standard says class ${a.actual}.`,
    ja: (a) => `行動計画では安全基準等 ${a.id} を分類 ${a.expected} としていますが、安全基準等の記載は分類 ${a.actual} です。`,
  },
  'plan.threat-not-illustrated': {
    en: (a) => `Threat ${a.threat} of guideline ${a.guideline} has no illustration in the plan (脅威の例示).`,
    ja: (a) => `指針 ${a.guideline} の脅威「${a.threat}」の例示が行動計画にありません。`,
  },
  'plan.sharing-timing': {
    en: (a) => `Information of type ${a.info} is shared ${a.expected}, not ${a.actual}.`,
    ja: (a) => `情報の種類 ${a.info} は${a.expected}に共有する情報です（${a.actual}が指定されています）。`,
  },
  'plan.schedule-outside-period': {
    en: (a) => `Fiscal year ${a.year} lies outside the plan period ${a.from}–${a.to}.`,
    ja: (a) => `${a.year} 年度は計画期間（${a.from}〜${a.to} 年度）の外です。`,
  },
  'plan.period-reversed': {
    en: (a) => `The plan period ends (${a.to}) before it starts (${a.from}).`,
    ja: (a) => `計画期間の終わり（${a.to} 年度）が始まり（${a.from} 年度）より前です。`,
  },
  'plan.duplicate-sector': {
    en: (a) => `Sector ${a.sector} appears more than once in the plan (first at line ${a.firstLine}).`,
    ja: (a) => `分野「${a.sector}」が行動計画に重複して記載されています（最初の記載は ${a.firstLine} 行目）。`,
  },

  // Coverage.
  'coverage.uncovered': {
    en: (a) => `Must-consider item ${a.item} ${a.label} "${a.title}" is neither covered by a clause nor excluded.`,
    ja: (a) => `要検討事項 ${a.item} ${a.label}「${a.title}」に対応する条項も除外（規定する必要がない）もありません。`,
  },
  'coverage.uncovered-reference': {
    en: (a) => `Reference item ${a.item} ${a.label} "${a.title}" is not covered.`,
    ja: (a) => `参考事項 ${a.item} ${a.label}「${a.title}」に対応する条項がありません。`,
  },
  'coverage.uncovered-provisional': {
    en: (a) => `Provisional item ${a.item} ${a.label} "${a.title}" (Kijun's own suggestion, not the guideline's) is not covered.`,
    ja: (a) => `暫定項目 ${a.item} ${a.label}「${a.title}」（指針ではなく Kijun による補足）に対応する条項がありません。`,
  },
  'coverage.not-covered-in-workspace': {
    en: (a) => `No standard in the workspace covers ${a.item} (${a.standards} standard(s) follow this guideline).`,
    ja: (a) => `ワークスペース内のどの安全基準等も ${a.item} に対応していません（この指針に準拠する安全基準等: ${a.standards} 件）。`,
  },
} satisfies Record<string, Record<Locale, Render>>;

export type MessageCode = keyof typeof catalogue;

export const messageCodes = Object.keys(catalogue) as MessageCode[];

export function renderMessage(code: MessageCode, args: MessageArgs, locale: Locale): string {
  const rendered: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) rendered[key] = text(value, locale);
  return catalogue[code][locale](rendered);
}

/** Words used inside messages (type names, document parts), so that they too follow the locale. */
export const words = {
  string: { en: 'a text', ja: '文字列' },
  number: { en: 'a number', ja: '数値' },
  integer: { en: 'a whole number', ja: '整数' },
  boolean: { en: 'true or false', ja: '真偽値' },
  array: { en: 'a list', ja: 'リスト' },
  object: { en: 'a mapping', ja: 'マッピング' },
  null: { en: 'empty (null)', ja: '空値' },
  or: { en: ' or ', ja: 'または' },
  clause: { en: 'clause', ja: '条項' },
  exclusion: { en: 'exclusion', ja: '除外' },
  sector: { en: 'sector', ja: '分野' },
  subsector: { en: 'sub-sector', ja: '業種' },
  threat: { en: 'threat', ja: '脅威' },
  example: { en: 'threat example', ja: '脅威の例' },
  item: { en: 'item', ja: '項目' },
  document: { en: 'the document', ja: '文書' },
  'document-id': { en: 'document id', ja: '文書 ID' },
  'term-id': { en: 'id', ja: 'ID' },
  'item-id': { en: 'item id', ja: '項目 ID' },
  'clause-id': { en: 'clause id', ja: '条項 ID' },
  'fiscal-year': { en: 'fiscal year', ja: '年度' },
} satisfies Record<string, Bilingual>;

/** The timings of information sharing as messages use them: English needs its preposition ("in normal times"). */
export const timingPhrases: Record<string, Bilingual> = {
  normal: { en: 'in normal times', ja: vocabulary.timing.normal.ja },
  alert: { en: 'on alert or during an outage', ja: vocabulary.timing.alert.ja },
};

export const formatRules: Record<string, Bilingual> = {
  'document-id': {
    en: 'use ASCII letters, digits, ".", "_" and "-", starting with a letter or digit.',
    ja: '半角英数字と「.」「_」「-」を使い、英数字で始めてください。',
  },
  'term-id': {
    en: 'use lower-case ASCII letters, digits, ".", "_" and "-".',
    ja: '半角の英小文字・数字と「.」「_」「-」を使ってください。',
  },
  'item-id': {
    en: 'use ASCII letters, digits, ".", "_" and "-"; put the official numbering (e.g. Ⅱ3.(4)②ア) in label.',
    ja: '半角英数字と「.」「_」「-」を使ってください。正式な番号（例: Ⅱ3.(4)②ア）は label に記載します。',
  },
  'clause-id': {
    en: 'use ASCII letters, digits, "." and "-", e.g. S-1.1 or 3.2.1.',
    ja: '半角英数字と「.」「-」を使ってください（例: S-1.1、3.2.1）。',
  },
};

/** What the coverage summaries count: the same words in the CLI, the code lens and the status bar. */
const coverageSummary = {
  en: (a: Record<string, string>) => `${a.done} of ${a.total} must-consider items covered or excluded (${a.excluded} excluded)`,
  ja: (a: Record<string, string>) => `要検討事項 ${a.total} 件中 ${a.done} 件に対応または除外（うち除外 ${a.excluded} 件）`,
};
const coverageCounted = {
  en: () => 'Counted: items with no must-consider sub-items, and items a clause covers directly.',
  ja: () => '数え方: 要検討事項の子項目を持たない項目と、条項が直接対応する項目を数えています。',
};

/**
 * The words of the user interface around the findings (CLI output, quick fixes, code lenses, hovers,
 * the status bar), from the same catalogue, so that nothing the user reads exists in one language only.
 */
const interfaceTexts = {
  'cli.usage': {
    en: () => [
      'Usage: kijun check [options] [paths or folders…]',
      '',
      'Checks Kijun documents (guidelines, safety standards, action plans; YAML or Markdown) and',
      'prints every finding, then the guideline coverage of each standard.',
      'Folders are walked for .yaml, .yml, .md and .markdown files (dot files and folders and',
      'node_modules skipped; symbolic links followed). A file named here that is not checked, and',
      'why, is always listed.',
      '',
      'Options:',
      '  --format text|json|github  output format (default: text; github: annotations for GitHub Actions)',
      '  --fail-on error|warning    the lowest severity that makes the exit status 1 (default: error)',
      '  --provisional advisory|binding  provisional guideline items (Kijun\'s own suggestions): advisory (default)',
      '                             raises no must-consider warning for them; binding counts them as must-consider',
      '  --locale ja|en             language of messages (default: from LANG / LC_ALL)',
      '  --verbose                  also list what the folder walk skipped, and why',
      '  -h, --help                 show this help',
      '',
      'Exit status:',
      '  0  no errors',
      '  1  errors found (or warnings, with --fail-on warning)',
      '  2  bad usage, or a file that could not be read (also when there are findings)',
      '  3  internal error (a bug in Kijun: please report it)',
    ].join('\n'),
    ja: () => [
      '使い方: kijun check [オプション] [ファイルまたはフォルダ…]',
      '',
      'Kijun の文書（指針・安全基準等・行動計画。YAML または Markdown）を検査し、すべての指摘と、',
      '安全基準等ごとの指針項目への対応状況を表示します。',
      'フォルダからは .yaml・.yml・.md・.markdown のファイルを読み込みます（「.」で始まるファイル・フォルダと',
      'node_modules は除き、シンボリックリンクはたどります）。ここで指定したファイルを検査しなかった場合は、',
      '必ずその旨と理由を表示します。',
      '',
      'オプション:',
      '  --format text|json|github  出力形式（既定: text。github は GitHub Actions の注釈）',
      '  --fail-on error|warning    終了コードを 1 にする最も低い重大度（既定: error）',
      '  --provisional advisory|binding  暫定項目（Kijun による補足）の扱い: advisory（既定）は要検討事項の',
      '                             警告を出さない。binding は要検討事項として数える',
      '  --locale ja|en             メッセージの言語（既定: LANG / LC_ALL に従う）',
      '  --verbose                  フォルダの走査で読み込まなかったものとその理由も表示',
      '  -h, --help                 この説明を表示',
      '',
      '終了コード:',
      '  0  エラーなし',
      '  1  エラーあり（--fail-on warning では警告ありも）',
      '  2  使い方の誤り、または読み込めないファイルあり（指摘があっても 2）',
      '  3  内部エラー（Kijun の不具合です。報告してください）',
    ].join('\n'),
  },
  'cli.missing-command': { en: () => 'missing command', ja: () => 'コマンドがありません' },
  'cli.unknown-command': { en: (a) => `unknown command "${a.command}"`, ja: (a) => `不明なコマンド「${a.command}」` },
  'cli.needs-value': { en: (a) => `${a.flag} needs a value`, ja: (a) => `${a.flag} には値が必要です` },
  'cli.bad-format': { en: (a) => `--format must be text, json or github, not "${a.value}"`, ja: (a) => `--format には text・json・github のいずれかを指定してください（「${a.value}」が指定されています）` },
  'cli.bad-fail-on': { en: (a) => `--fail-on must be error or warning, not "${a.value}"`, ja: (a) => `--fail-on には error か warning を指定してください（「${a.value}」が指定されています）` },
  'cli.bad-provisional': { en: (a) => `--provisional must be advisory or binding, not "${a.value}"`, ja: (a) => `--provisional には advisory か binding を指定してください（「${a.value}」が指定されています）` },
  'cli.bad-locale': { en: (a) => `--locale must be ja or en, not "${a.value}"`, ja: (a) => `--locale には ja か en を指定してください（「${a.value}」が指定されています）` },
  'cli.unknown-option': { en: (a) => `unknown option "${a.flag}"`, ja: (a) => `不明なオプション「${a.flag}」` },
  /** A path named on the command line that cannot be checked at all: a usage error (exit status 2). */
  'cli.cannot-check': { en: (a) => `cannot check "${a.path}": ${a.reason}`, ja: (a) => `「${a.path}」を検査できません: ${a.reason}` },
  'cli.internal-error': { en: (a) => `internal error: ${a.detail}`, ja: (a) => `内部エラー: ${a.detail}` },
  /** A path the CLI did not check although it could be meant as a document: the run fails (exit status 2). */
  'cli.not-checked': { en: (a) => `${a.path}: not checked: ${a.reason}`, ja: (a) => `${a.path}: 検査していません: ${a.reason}` },
  /** A path that is not a Kijun document or is not to be read: said for the record, the run does not fail. */
  'cli.skipped': { en: (a) => `${a.path}: skipped: ${a.reason}`, ja: (a) => `${a.path}: スキップ: ${a.reason}` },
  'server.not-read': { en: (a) => `not read: ${a.path}: ${a.reason}`, ja: (a) => `読み込んでいません: ${a.path}: ${a.reason}` },
  // Why a file is not read: the same words in the CLI's report and the language server's log.
  'file.not-kijun': {
    en: () => 'not a Kijun document (no top-level "kijun:" naming the document kind)',
    ja: () => 'Kijun の文書ではありません（最上位に文書の種類を示す「kijun:」がありません）',
  },
  'file.shift-jis': {
    en: () => 'the file is saved in Shift_JIS, and Kijun reads UTF-8: save it as UTF-8 (e.g. in Notepad: Save As, Encoding "UTF-8")',
    ja: () => 'ファイルが Shift_JIS で保存されています。Kijun は UTF-8 の文書を検査します。UTF-8 で保存し直してください（例: メモ帳の「名前を付けて保存」で文字コード「UTF-8」を選ぶ）',
  },
  'file.not-utf8': {
    en: () => 'the file is not UTF-8 text (nor UTF-16 with a byte order mark): save it as UTF-8',
    ja: () => 'ファイルが UTF-8 のテキスト（または BOM 付きの UTF-16）ではありません。UTF-8 で保存し直してください',
  },
  'file.unreadable': { en: (a) => `the system cannot read it (${a.detail})`, ja: (a) => `読み込めません（${a.detail}）` },
  'file.missing': { en: () => 'no such file or folder', ja: () => 'ファイルまたはフォルダがありません' },
  'file.not-yaml-or-markdown': {
    en: () => 'not a YAML or Markdown file (.yaml, .yml, .md, .markdown)',
    ja: () => 'YAML または Markdown のファイル（.yaml、.yml、.md、.markdown）ではありません',
  },
  'file.too-large': { en: (a) => `larger than ${a.detail} bytes, the most Kijun checks`, ja: (a) => `Kijun が検査できる上限（${a.detail} バイト）を超えています` },
  'file.loop': {
    en: (a) => (a.other ? `a symbolic link loop: it leads back to "${a.other}"` : 'a symbolic link loop: the links never reach a file'),
    ja: (a) => (a.other ? `シンボリックリンクが循環しています（「${a.other}」に戻ります）` : 'シンボリックリンクが循環しています（リンクをたどってもファイルに到達しません）'),
  },
  'file.broken-link': { en: () => 'a symbolic link whose target does not exist', ja: () => 'リンク先が存在しないシンボリックリンクです' },
  'file.outside': {
    en: (a) => `a symbolic link to "${a.other}", outside the workspace folders and kijun.guidelineFolders`,
    ja: (a) => `ワークスペースのフォルダと kijun.guidelineFolders の外（「${a.other}」）を指すシンボリックリンクです`,
  },
  'file.duplicate': { en: (a) => `the same file or folder as "${a.other}"`, ja: (a) => `「${a.other}」と同じファイルまたはフォルダです` },
  'file.hidden': { en: () => 'hidden (the name starts with ".")', ja: () => '隠しファイル・フォルダです（名前が「.」で始まります）' },
  'file.node-modules': { en: () => 'a node_modules folder', ja: () => 'node_modules フォルダです' },
  'cli.coverage': {
    en: (a) => `${a.path}: ${coverageSummary.en(a)}${a.uncovered ? `; uncovered: ${a.uncovered}` : ''}`,
    ja: (a) => `${a.path}: ${coverageSummary.ja(a)}${a.uncovered ? `。未対応: ${a.uncovered}` : ''}`,
  },
  'coverage.summary': coverageSummary,
  'coverage.counted': coverageCounted,
  'cli.totals': {
    en: (a) => `Checked ${a.files} document(s): ${a.errors} error(s), ${a.warnings} warning(s), ${a.information} information`,
    ja: (a) => `${a.files} 件の文書を検査: エラー ${a.errors} 件、警告 ${a.warnings} 件、情報 ${a.information} 件`,
  },
  'severity.error': { en: () => 'error', ja: () => 'エラー' },
  'severity.warning': { en: () => 'warning', ja: () => '警告' },
  'severity.information': { en: () => 'info', ja: () => '情報' },
  'severity.hint': { en: () => 'hint', ja: () => 'ヒント' },
  'action.replace': { en: (a) => `Replace with "${a.text}"`, ja: (a) => `「${a.text}」に置き換える` },
  'action.insert': { en: (a) => `Insert "${a.text}"`, ja: (a) => `「${a.text}」を挿入` },
  'action.sector-and-subsector': { en: (a) => `Write sector ${a.sector} and subsector ${a.subsector}`, ja: (a) => `分野を${a.sector}、業種を${a.subsector}と記載` },
  'action.indent-with-spaces': { en: () => 'Indent with spaces', ja: () => '半角スペースで字下げ' },
  'action.add-clause': { en: (a) => `Add a clause covering ${a.item}`, ja: (a) => `${a.item} に対応する条項を追加` },
  'action.exclude': { en: (a) => `Exclude ${a.item} (規定する必要がない) with a reason`, ja: (a) => `${a.item} を除外する（規定する必要がない）` },
  'action.remove-exclusion': { en: (a) => `Remove the exclusion of ${a.item}`, ja: (a) => `${a.item} の除外を削除` },
  'lens.standard': {
    en: (a) => `Kijun: ${coverageSummary.en(a)}`,
    ja: (a) => `Kijun: ${coverageSummary.ja(a)}`,
  },
  'lens.item': {
    en: (a) => `covered by ${a.clauses} clause${a.clauses === '1' ? '' : 's'} in ${a.standards} standard${a.standards === '1' ? '' : 's'}`,
    ja: (a) => `${a.standards} 件の安全基準等の ${a.clauses} 条項が対応`,
  },
  'symbol.exclusion': { en: (a) => `exclusion ${a.item}`, ja: (a) => `除外 ${a.item}` },
  'hover.sectors': { en: (a) => `Sectors: ${a.names}`, ja: (a) => `対象分野: ${a.names}` },
  'hover.source': { en: (a) => `_Source: ${a.source}_`, ja: (a) => `_出典: ${a.source}_` },
  'hover.usage': {
    en: (a) => `Covered by ${a.clauses} clause(s) in ${a.standards} standard(s) of the workspace`,
    ja: (a) => `ワークスペース内で ${a.standards} 件の安全基準等の ${a.clauses} 条項が対応`,
  },
  'hover.subsectors': { en: (a) => `Sub-sectors: ${a.names}`, ja: (a) => `業種: ${a.names}` },
  'hover.examples': { en: (a) => `Examples: ${a.names}`, ja: (a) => `例: ${a.names}` },
  'hover.covers': { en: () => 'Covers:', ja: () => '対応する指針項目:' },
  'hover.covers-nothing': { en: () => 'Covers no guideline item', ja: () => '指針項目への対応なし' },
  'completion.sector-of': { en: (a) => `Sector of guideline ${a.guideline}`, ja: (a) => `指針 ${a.guideline} の分野` },
  'status.uncovered': { en: () => 'uncovered', ja: () => '未対応' },
  'status.covered': { en: () => 'covered', ja: () => '対応済み' },
  'status.excluded': { en: () => 'excluded', ja: () => '除外' },
  'status.partial': { en: () => 'partial', ja: () => '一部対応' },
  'related.item-definition': { en: (a) => `${a.item} in guideline ${a.guideline}`, ja: (a) => `指針 ${a.guideline} の ${a.item}` },
  'client.status-tooltip': {
    en: (a) => `${coverageSummary.en(a)}. ${coverageCounted.en()} Guideline: ${a.guideline}`,
    ja: (a) => `${coverageSummary.ja(a)}。${coverageCounted.ja()}指針: ${a.guideline}`,
  },
  'client.not-a-standard': { en: () => 'This document is not a Kijun safety standard.', ja: () => 'この文書は安全基準等ではありません。' },
  'client.coverage-title': { en: () => 'Coverage of guideline items', ja: () => '指針項目への対応状況' },
} satisfies Record<string, Record<Locale, Render>>;

export type InterfaceText = keyof typeof interfaceTexts;

export const interfaceTextKeys = Object.keys(interfaceTexts) as InterfaceText[];

export function renderText(key: InterfaceText, args: MessageArgs, locale: Locale): string {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) rendered[name] = text(value, locale);
  return interfaceTexts[key][locale](rendered);
}
