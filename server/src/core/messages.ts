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
// `String()`: a message rendered with an argument missing (the catalogue's own tests do) quotes "undefined", as a template would.
const quote = (value: string): string => {
  const s = String(value);
  return s.length > MAX_QUOTED ? `"${clip(s)}" (${s.length} characters)` : `"${s}"`;
};
/**
 * Japanese quotation of data: in 「」, unless the data carries corner brackets of its own (an item
 * title such as 「安全基準等」で規定が望まれる項目), which another pair would only double.
 */
const jq = (value: string): string => {
  const s = String(value);
  const shown = s.length > MAX_QUOTED ? clip(s) : s;
  const quoted = /[「」]/.test(s) ? shown : `「${shown}」`;
  return s.length > MAX_QUOTED ? `${quoted}（${s.length} 文字）` : quoted;
};
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const linesEn = (n: string): string => (n === '1' ? 'this line' : `these ${n} lines`);
const linesJa = (n: string): string => (n === '1' ? 'この行' : `これらの ${n} 行`);
const didYouMeanEn = (a: Record<string, string>): string => (a.suggestion ? ` Did you mean ${quote(a.suggestion)}?` : '');
const didYouMeanJa = (a: Record<string, string>): string => (a.suggestion ? `${jq(a.suggestion)}の誤りではありませんか。` : '');

const spacesEn = (n: string): string => (n === '1' ? '1 space' : `${n} spaces`);
/** What a misindented line is to be lined up with (`syntax.misindented`). */
const misindentLike: Record<string, Record<Locale, string>> = {
  entries: { en: 'the list entries above it', ja: '上のリストの要素' },
  keys: { en: 'the keys above it', ja: '上のキー' },
  top: { en: "the document's top-level keys", ja: '文書の最上位のキー' },
};

/** Why a Markdown `covers:`/`threats:` line is not read (`markdown.unattached-key`), by where it stands, with what to write. */
const unreadKeyLine: Record<string, Record<Locale, Render>> = {
  'after-prose': {
    en: (a) => `it follows prose in clause ${a.clause}, and only the lines directly under a clause heading are read. Move it up, directly under the heading.`,
    ja: (a) => `条項 ${a.clause} の本文の後にあります。読み取るのは条項の見出しの直下の行だけです。見出しの直下に移してください。`,
  },
  'not-a-clause': {
    en: (a) => `the heading above it, "${a.heading}", is not a clause heading (one that begins with a clause id such as S-1, 3.2, 運1 or 第1条). Begin that heading with the clause id, or move this line under a clause heading.`,
    ja: (a) => `直前の見出し${jq(a.heading)}は条項の見出し（S-1、3.2、運1、第1条 のような条項 ID で始まる見出し）ではありません。見出しを条項 ID で始めるか、この行を条項の見出しの下に移してください。`,
  },
  'before-heading': {
    en: () => 'it comes before the first heading, so it belongs to no clause. Move it directly under the heading of its clause.',
    ja: () => '最初の見出しより前にあるため、どの条項にも属しません。対応する条項の見出しの直下に移してください。',
  },
  quote: {
    en: () => 'Markdown reads it as part of a block quote (">"), which is quoted text. Write it without ">", directly under the clause heading, with a blank line after any quote.',
    ja: () => 'Markdown では引用（「>」）の一部として扱われます。「>」を付けずに条項の見出しの直下に記載してください（引用の直後に書く場合は空行を挟んでください）。',
  },
  setext: {
    en: () => 'the "---" or "===" line right below it makes Markdown read it as a heading. Leave a blank line before that line.',
    ja: () => '直後の「---」または「===」の行により、Markdown では見出しとして扱われます。その行の前に空行を入れてください。',
  },
  code: {
    en: () => 'it is indented by four spaces or more, so Markdown reads it as code. Remove the indentation.',
    ja: () => '4 文字以上字下げされているため、Markdown ではコードとして扱われます。字下げを削除してください。',
  },
};

const catalogue = {
  // Input that cannot be read as a document at all.
  'input.binary': {
    en: () => 'The file contains a NUL character, so it is not a text document; it was not checked.',
    ja: () => 'ファイルに NUL 文字が含まれているため、テキスト文書として検査できません。',
  },
  'input.too-large': {
    en: (a) => `The file is ${a.size} bytes, more than the ${a.limit} bytes Kijun analyses: only lines 1–${a.lines} were checked, and coverage was not computed. Split the document into several files.`,
    ja: (a) => `ファイルが ${a.size} バイトあり、検査できる上限（${a.limit} バイト）を超えています。1〜${a.lines} 行目だけを検査し、網羅状況は計算していません。文書を複数のファイルに分けてください。`,
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
  'syntax.misindented': {
    // `like`: what the line was lined up with (list entries, keys, the top level); `lines`: the line and the lines below it that move with it.
    en: (a) => `The line ${quote(a.text)} is indented by ${spacesEn(a.written)}, which lines up with no line above it, so YAML cannot tell what it belongs to. ${a.column === '0' ? 'Start it at the beginning of the line' : `Indent it by ${spacesEn(a.column)}`}, like ${misindentLike[a.like]?.en ?? misindentLike.keys.en}.${Number(a.lines) > 2 ? ` The ${Number(a.lines) - 1} lines below it, which belong to it, move with it.` : a.lines === '2' ? ' The line below it, which belongs to it, moves with it.' : ''}`,
    ja: (a) => `行${jq(a.text)}の字下げ（半角スペース ${a.written} 個）は上のどの行とも揃っていないため、YAML では何に属するかを読み取れません。${misindentLike[a.like]?.ja ?? misindentLike.keys.ja}と同じく、${a.column === '0' ? '行頭から記載してください' : `半角スペース ${a.column} 個で字下げしてください`}。${Number(a.lines) > 1 ? `この行に属する下の ${Number(a.lines) - 1} 行も一緒に字下げします。` : ''}`,
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
    en: (a) => `Unknown document kind ${quote(a.value)}: use guideline, standard or action-plan (or review, in the review records Kijun writes).${didYouMeanEn(a)}`,
    ja: (a) => `文書の種類${jq(a.value)}は不明です。guideline・standard・action-plan のいずれかを指定してください（Kijun が書き出す確認記録では review）。${didYouMeanJa(a)}`,
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
    // `heading`: the clause was read from a Markdown heading, where its title belongs.
    en: (a) => `Missing required key ${quote(a.key)}${a.where ? ` in ${a.where}` : ''}.${a.heading ? ` Write the title after the id in the heading: ${quote(`${a.heading} Title`)}.` : ''}`,
    ja: (a) => `${a.where ? `${a.where}に` : ''}必須のキー${jq(a.key)}がありません。${a.heading ? `見出しの ID の後に表題を記載してください（${jq(`${a.heading} 表題`)}）。` : ''}`,
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
    en: (a) => `The guideline ${quote(a.id)} (${a.other}) cannot be read at the moment (its own findings say why): this document is checked against its last readable version until the guideline is fixed.`,
    ja: (a) => `指針${jq(a.id)}（${a.other}）は現在読み取れません（理由は指針自体の指摘を参照）。指針が修正されるまで、この文書は読み取れた最後の版の指針で検査しています。`,
  },
  'sector.unknown': {
    en: (a) => `Unknown sector ${quote(a.value)} in guideline ${a.guideline}.${didYouMeanEn(a)}`,
    ja: (a) => `分野${jq(a.value)}は指針 ${a.guideline} にありません。${didYouMeanJa(a)}`,
  },
  'sector.is-subsector': {
    en: (a) => `${quote(a.value)} is a sub-sector of ${a.sector}, not a sector: write ${quote(a.sector)} here${a.subsectorKey ? ` and put ${a.value} under ${a.subsectorKey}` : ''}.`,
    ja: (a) => `${jq(a.value)}は分野ではなく、分野${jq(a.sector)}の業種です。ここには${jq(a.sector)}と記載してください${a.subsectorKey ? `（${jq(a.value)}は ${a.subsectorKey} に記載します）` : ''}。`,
  },
  'sector.all-in-list': {
    en: () => '"all" inside a list names no sector: for an item that applies to every sector, write sectors: all, without brackets.',
    ja: () => 'リストの中の「all」は分野を表しません。すべての分野に適用する項目は、角括弧を付けずに sectors: all と記載してください。',
  },
  'subsector.other-sector': {
    en: (a) => `${quote(a.value)} is a sub-sector of ${a.actual}, not of ${a.sector}.`,
    ja: (a) => `${jq(a.value)}は分野${jq(a.sector)}ではなく、分野${jq(a.actual)}の業種です。`,
  },
  'subsector.unknown': {
    en: (a) => `Unknown sub-sector ${quote(a.value)} of sector ${a.sector}.${didYouMeanEn(a)}`,
    ja: (a) => `業種${jq(a.value)}は分野${jq(a.sector)}にありません。${didYouMeanJa(a)}`,
  },
  'threat.unknown': {
    en: (a) => `Unknown threat ${quote(a.value)} in guideline ${a.guideline}.${didYouMeanEn(a)}`,
    ja: (a) => `脅威${jq(a.value)}は指針 ${a.guideline} にありません。${didYouMeanJa(a)}`,
  },
  'threat.ideographic-comma': {
    // `format`: on a Markdown line commas separate threats; in YAML each threat is an entry of the list.
    en: (a) => `${quote(a.value)} is several threats of guideline ${a.guideline} joined by "、". ${a.format === 'markdown' ? `Separate threats with commas: ${quote(a.suggestion)}` : `List them as separate entries: [${a.suggestion}]`}. "、" does not separate threats, because threat labels may contain it.`,
    ja: (a) => `${jq(a.value)}は指針 ${a.guideline} の複数の脅威を「、」でつないだものです。${a.format === 'markdown' ? `脅威はカンマで区切ってください（${jq(a.suggestion)}）` : `脅威はリストの別々の要素として記載してください（[${a.suggestion}]）`}。脅威の名称には「、」を含むものがあるため、「、」では区切りません。`,
  },
  'covers.unknown-item': {
    en: (a) => `Guideline ${a.guideline} has no item ${quote(a.value)}.${didYouMeanEn(a)}`,
    ja: (a) => `指針 ${a.guideline} に項目${jq(a.value)}はありません。${didYouMeanJa(a)}`,
  },
  'covers.not-applicable': {
    en: (a) => `Item ${a.item} (${a.label}) does not apply to sector ${a.sector}; covering it counts for nothing.`,
    ja: (a) => `項目 ${a.item}（${a.label}）は分野${jq(a.sector)}には適用されないため、対応としては数えられません。`,
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
    ja: (a) => `項目 ${a.item}（${a.label}）は分野${jq(a.sector)}には適用されないため、除外する必要はありません。この除外を削除してください。`,
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
  'markdown.unattached-key': {
    en: (a) => `This "${a.key}:" line is not read: ${(unreadKeyLine[a.place] ?? unreadKeyLine['after-prose']).en(a)}`,
    ja: (a) => `この「${a.key}:」の行は読み取られません。${(unreadKeyLine[a.place] ?? unreadKeyLine['after-prose']).ja(a)}`,
  },
  'markdown.front-matter-toml': {
    en: () => 'This front matter is TOML ("+++"); Kijun reads YAML front matter only, so the document is not checked. Put the header between "---" lines and write each key as "key: value", e.g. "kijun: standard".',
    ja: () => 'このフロントマターは TOML（「+++」）です。Kijun が読むのは YAML のフロントマターだけのため、文書は検査されません。「---」の行で囲み、各キーを「kijun: standard」のように「キー: 値」の形で記載してください。',
  },

  // Action plan.
  'plan.sector-missing': {
    en: (a) => `Sector ${a.sector} of guideline ${a.guideline} is missing from the plan.`,
    ja: (a) => `指針 ${a.guideline} の分野${jq(a.sector)}が行動計画にありません。`,
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
    ja: (a) => `安全基準等 ${a.id} は分野${jq(a.actual)}のものであり、${jq(a.expected)}のものではありません。`,
  },

  'plan.sector-without-standard': {
    en: (a) => `Sector ${a.sector} lists no standard in force (安全基準等).`,
    ja: (a) => `分野${jq(a.sector)}に適用される安全基準等が記載されていません。`,
  },
  'plan.standard-class-mismatch': {
    en: (a) => `The plan gives standard ${a.id} class ${a.expected}, but the standard says class ${a.actual}.`,
    ja: (a) => `行動計画では安全基準等 ${a.id} を分類 ${a.expected} としていますが、安全基準等の記載は分類 ${a.actual} です。`,
  },
  'plan.threat-not-illustrated': {
    en: (a) => `Threat ${a.threat} of guideline ${a.guideline} has no illustration in the plan (脅威の例示).`,
    ja: (a) => `指針 ${a.guideline} の脅威${jq(a.threat)}の例示が行動計画にありません。`,
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
  'plan.standard-guideline-mismatch': {
    en: (a) => `Standard ${a.id} follows guideline ${a.actual}, not ${a.expected}, which the plan follows.`,
    ja: (a) => `安全基準等 ${a.id} が準拠する指針は ${a.actual} であり、行動計画が準拠する ${a.expected} ではありません。`,
  },
  'plan.threats-missing': {
    en: (a) => `The plan has no threat illustration (threats:, 脅威の例示); guideline ${a.guideline} has these threat kinds: ${a.threats}.`,
    ja: (a) => `行動計画に脅威の例示（threats:）がありません。指針 ${a.guideline} の脅威: ${a.threats}`,
  },
  'plan.responder-not-illustrated': {
    en: (a) => `Threat ${a.threat} has no illustration for threats ${a.responder}, although guideline ${a.guideline} gives examples of them.`,
    ja: (a) => `脅威「${a.threat}」について「${a.responder}」の例示が行動計画にありません（指針 ${a.guideline} にはその例があります）。`,
  },
  'plan.threat-direction': {
    en: (a) => `Threat ${a.threat} is a ${a.expected}, not a ${a.actual}.`,
    ja: (a) => `脅威「${a.threat}」は${a.expected}です（${a.actual}が指定されています）。`,
  },
  'plan.threat-example-unknown': {
    en: (a) => `${quote(a.value)} is not an example of threat ${a.threat} in guideline ${a.guideline} (its examples: ${a.known}).${didYouMeanEn(a)}`,
    ja: (a) => `${jq(a.value)}は指針 ${a.guideline} の脅威「${a.threat}」の例にありません（例: ${a.known}）。${didYouMeanJa(a)}`,
  },
  'plan.threat-example-misplaced': {
    en: (a) => `${quote(a.example)} is an example of threat ${a.threat}, not of ${a.expected}.`,
    ja: (a) => `${jq(a.example)}は脅威「${a.threat}」の例であり、「${a.expected}」の例ではありません。`,
  },
  'plan.threat-example-responder': {
    en: (a) => `${quote(a.example)} is an example of threats ${a.expected}, not of threats ${a.actual}.`,
    ja: (a) => `${jq(a.example)}は「${a.expected}」の例であり、「${a.actual}」の例ではありません。`,
  },
  'plan.sharing-route': {
    en: (a) => `Route ${a.route} does not carry information of type ${a.info}; it carries ${a.allowed}.`,
    ja: (a) => `経路「${a.route}」では情報の種類 ${a.info} を共有しません（この経路で共有する情報: ${a.allowed}）。`,
  },
  'plan.sharing-channel': {
    en: (a) => `Route ${a.route} goes by ${a.expected}, not by ${a.channel}.`,
    ja: (a) => `経路「${a.route}」の手段は「${a.expected}」であり、「${a.channel}」ではありません。`,
  },
  'plan.sharing-subtype-unknown': {
    en: (a) => `${quote(a.value)} is not a sub-type of threat ${a.threat} (its sub-types: ${a.known}).${didYouMeanEn(a)}`,
    ja: (a) => `${jq(a.value)}は脅威「${a.threat}」の細分にありません（細分: ${a.known}）。${didYouMeanJa(a)}`,
  },
  'plan.duplicate-sector': {
    en: (a) => `Sector ${a.sector} appears more than once in the plan (first at line ${a.firstLine}).`,
    ja: (a) => `分野${jq(a.sector)}が行動計画に重複して記載されています（最初の記載は ${a.firstLine} 行目）。`,
  },

  // Coverage.
  'coverage.uncovered': {
    en: (a) => `Must-consider item ${a.item} ${a.label} "${a.title}" is neither covered by a clause nor excluded.`,
    ja: (a) => `要検討事項 ${a.item} ${a.label}${jq(a.title)}に対応する条項も除外（規定する必要がない）もありません。`,
  },
  'coverage.uncovered-reference': {
    en: (a) => `Reference item ${a.item} ${a.label} "${a.title}" is not covered.`,
    ja: (a) => `参考事項 ${a.item} ${a.label}${jq(a.title)}に対応する条項がありません。`,
  },
  'coverage.uncovered-provisional': {
    en: (a) => `Provisional item ${a.item} ${a.label} "${a.title}" (Kijun's own suggestion, not the guideline's) is not covered.`,
    ja: (a) => `暫定項目 ${a.item} ${a.label}${jq(a.title)}（指針ではなく Kijun による補足）に対応する条項がありません。`,
  },
  'coverage.not-covered-in-workspace': {
    en: (a) => `No standard in the workspace covers ${a.item} (${a.standards} standard(s) follow this guideline).`,
    ja: (a) => `ワークスペース内のどの安全基準等も ${a.item} に対応していません（この指針に準拠する安全基準等: ${a.standards} 件）。`,
  },
  'coverage.suspect': {
    en: (a) => `Clause ${a.clause} was reviewed against ${a.item} ${a.label} "${a.title}" as it was then (${a.reviewed}); its ${a.changes} changed since (now ${a.current}). Review the clause, then mark the link reviewed (quick fix, or kijun review --accept).`,
    ja: (a) => `条項 ${a.clause} は ${a.item} ${a.label}${jq(a.title)}の当時の内容（${a.reviewed}）に照らして確認されましたが、その後${a.changes}が変わりました（現在 ${a.current}）。条項を見直してから、確認済みにしてください（クイックフィックス、または kijun review --accept）。`,
  },

  // Editions: a guideline that supersedes another, and the standards that move to it.
  'edition.supersedes-unknown': {
    en: (a) => `Guideline ${quote(a.value)}, which this edition supersedes, is not among the known guidelines (${a.known}): what changed since it, and the replacements of its items, cannot be shown.`,
    ja: (a) => `この版が改定前とする指針${jq(a.value)}が、既知の指針（${a.known}）にありません。改定前からの変更点と項目の置き換えを示せません。`,
  },
  'edition.replaces-unknown': {
    en: (a) => `${quote(a.value)} is no item of ${a.previous}, the edition this guideline supersedes.${didYouMeanEn(a)}`,
    ja: (a) => `${jq(a.value)}は、この指針が改定前とする ${a.previous} の項目ではありません。${didYouMeanJa(a)}`,
  },
  'edition.replaces-without-supersedes': {
    en: (a) => `Item ${a.item} replaces items of an earlier edition, but this guideline names no edition it supersedes: add "supersedes: <id of that guideline>".`,
    ja: (a) => `項目 ${a.item} は以前の版の項目を置き換えていますが、この指針には改定前の版の指定がありません。「supersedes: <その指針のID>」を記載してください。`,
  },
  'covers.replaced-item': {
    en: (a) => `${a.value} is an item of ${a.previous}; guideline ${a.guideline} replaces it with ${a.replacements}${a.provisional ? " (a correspondence that is Kijun's reading, not the guideline's)" : ''}. Write ${a.count === '1' ? 'that item' : 'those items'} instead.`,
    ja: (a) => `${a.value} は ${a.previous} の項目で、指針 ${a.guideline} では ${a.replacements} に置き換えられています${a.provisional ? '（この対応は指針ではなく Kijun の解釈です）' : ''}。代わりに${a.count === '1' ? 'その項目' : 'それらの項目'}を記載してください。`,
  },
  'covers.removed-item': {
    en: (a) => `${a.value} "${a.title}" is an item of ${a.previous} that guideline ${a.guideline} no longer has, and no item replaces it: remove it from covers, or name the item of ${a.guideline} that this clause covers now.`,
    ja: (a) => `${a.value}${jq(a.title)}は ${a.previous} の項目ですが、指針 ${a.guideline} にはなく、置き換える項目もありません。covers から削除するか、この条項が現在対応する ${a.guideline} の項目を記載してください。`,
  },
  'exclusion.replaced-item': {
    en: (a) => `The excluded ${a.value} is an item of ${a.previous}; guideline ${a.guideline} replaces it with ${a.replacements}${a.provisional ? " (a correspondence that is Kijun's reading, not the guideline's)" : ''}. Exclude ${a.count === '1' ? 'that item' : 'those items'} instead, if the reason still holds.`,
    ja: (a) => `除外している ${a.value} は ${a.previous} の項目で、指針 ${a.guideline} では ${a.replacements} に置き換えられています${a.provisional ? '（この対応は指針ではなく Kijun の解釈です）' : ''}。理由が引き続き当てはまるなら、代わりに${a.count === '1' ? 'その項目' : 'それらの項目'}を除外してください。`,
  },
  'exclusion.removed-item': {
    en: (a) => `The excluded ${a.value} "${a.title}" is an item of ${a.previous} that guideline ${a.guideline} no longer has, and no item replaces it: there is nothing to exclude, remove this exclusion.`,
    ja: (a) => `除外している ${a.value}${jq(a.title)}は ${a.previous} の項目ですが、指針 ${a.guideline} にはなく、置き換える項目もありません。除外する対象がないため、この除外を削除してください。`,
  },

  // Review records (kijun: review), written by Kijun beside a standard.
  'review.unknown-standard': {
    en: (a) => `No standard with the id ${quote(a.value)} ${a.documentsFrom === 'paths' ? 'is among the files or folders passed to kijun' : 'exists in the workspace'}, so this review record is not used. Write the id of the standard whose reviews it records.`,
    ja: (a) => `ID${jq(a.value)}の安全基準等が${a.documentsFrom === 'paths' ? ' kijun に渡されたファイルまたはフォルダに' : 'ワークスペースに'}ないため、この確認記録は使われていません。確認を記録する安全基準等の ID を記載してください。`,
  },
  'review.duplicate': {
    en: (a) => `Another review record of standard ${a.standard} comes first (${a.other}), so this one is not used: keep one record per standard.`,
    ja: (a) => `安全基準等 ${a.standard} の確認記録が先にもう 1 つあり（${a.other}）、この記録は使われていません。確認記録は安全基準等ごとに 1 つにしてください。`,
  },
  'review.stale-link': {
    en: (a) => `Clause ${a.clause} of ${a.standard} no longer covers ${a.item}: this reviewed link is left over. kijun review --accept drops it.`,
    ja: (a) => `${a.standard} の条項 ${a.clause} は ${a.item} に対応しなくなっています。この確認済みの対応は不要です（kijun review --accept で削除されます）。`,
  },
} satisfies Record<string, Record<Locale, Render>>;

export type MessageCode = keyof typeof catalogue;

export const messageCodes = Object.keys(catalogue) as MessageCode[];

export function renderMessage(code: MessageCode, args: MessageArgs, locale: Locale): string {
  const rendered: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) rendered[key] = text(value, locale);
  return catalogue[code][locale](rendered);
}

/**
 * What each finding code means as a rule, for formats that describe their rules (SARIF's `rules`): a short
 * description (one line), a full description (what the rule checks and why) and help (what to write instead).
 * Every code has one; the type makes a missing entry a compile error.
 */
export interface RuleDescription {
  short: Bilingual;
  full: Bilingual;
  help: Bilingual;
}

const rule = (short: [string, string], full: [string, string], help: [string, string]): RuleDescription => ({
  short: { en: short[0], ja: short[1] },
  full: { en: full[0], ja: full[1] },
  help: { en: help[0], ja: help[1] },
});

const ruleDescriptions = {
  'input.binary': rule(
    ['The file contains NUL characters', 'ファイルに NUL 文字が含まれている'],
    ['A file with NUL characters is not a text document; Kijun does not check it.', 'NUL 文字を含むファイルはテキスト文書ではないため、Kijun は検査しません。'],
    ['Save the document as plain UTF-8 text.', '文書を UTF-8 のテキストとして保存し直してください。'],
  ),
  'input.too-large': rule(
    ['The file is too large to check', 'ファイルが大きすぎて検査できない'],
    ['Kijun checks files up to 8 MiB; a larger file is not checked.', 'Kijun が検査するのは 8 MiB までのファイルです。これを超えるファイルは検査しません。'],
    ['Split the document into several files (for example one standard per file).', '文書を複数のファイルに分けてください（例: 安全基準等ごとに 1 ファイル）。'],
  ),
  'input.too-deep': rule(
    ['Nesting deeper than 100 levels', '入れ子が 100 段を超えている'],
    ['Content nested deeper than 100 levels is not checked.', '100 段より深く入れ子になった部分は検査しません。'],
    ['Flatten the structure: guideline items can name their parent with `parent:` instead of nesting.', '構造を浅くしてください。指針の項目は入れ子にせず `parent:` で親を指定できます。'],
  ),
  'input.alias-limit': rule(
    ['YAML aliases expand too far', 'YAML のエイリアスの展開が大きすぎる'],
    ['Aliases that expand to more than 200,000 nodes (an alias bomb) are stopped.', '展開すると 200,000 ノードを超えるエイリアス（エイリアス爆弾）は展開を打ち切ります。'],
    ['Write the repeated content out, or use fewer nested aliases.', '繰り返す内容をそのまま記載するか、エイリアスの入れ子を減らしてください。'],
  ),
  'syntax.yaml': rule(
    ['YAML syntax error', 'YAML の構文エラー'],
    ['The text is not valid YAML at this point; the document cannot be read past the error.', 'この位置の記述が YAML として正しくないため、文書を正しく読み込めません。'],
    ['Fix the syntax at the marked character (an unclosed quote or bracket is marked where it opens).', '示された文字の構文を直してください（閉じていない引用符や括弧は開始位置を示します）。'],
  ),
  'syntax.duplicate-key': rule(
    ['The same key twice in one mapping', '同じマッピングにキーが重複している'],
    ['A key may appear only once in a mapping; YAML readers disagree on which value wins.', 'キーはマッピングの中で一度しか書けません。どちらの値が使われるかは読み込むツールによって異なります。'],
    ['Remove or rename one of the two keys.', 'どちらかのキーを削除するか、名前を変えてください。'],
  ),
  'syntax.front-matter': rule(
    ['Markdown front matter not closed', 'Markdown のフロントマターが閉じていない'],
    ['The YAML front matter of a Markdown document must end with a line "---".', 'Markdown 文書の YAML フロントマターは「---」の行で終わる必要があります。'],
    ['Add a line "---" after the last front-matter key.', 'フロントマターの最後のキーの後に「---」の行を追加してください。'],
  ),
  'document.unknown-kind': rule(
    ['Unknown document kind', '文書の種類が不明'],
    ['`kijun:` names the kind of document: guideline, standard or action-plan.', '`kijun:` には文書の種類（guideline・standard・action-plan）を指定します。'],
    ['Write `kijun: guideline`, `kijun: standard` or `kijun: action-plan`.', '`kijun: guideline`・`kijun: standard`・`kijun: action-plan` のいずれかを記載してください。'],
  ),
  'document.misspelt-kijun-key': rule(
    ['A key meant as "kijun:" is not read as one', '「kijun:」のつもりのキーがそう読まれていない'],
    ['A key such as `Kijun:` or a full-width `ｋｉｊｕｎ：` is not `kijun:`, so the document is not checked at all.', '`Kijun:` や全角の `ｋｉｊｕｎ：` は `kijun:` として読まれないため、文書はまったく検査されません。'],
    ['Write `kijun:` in lower-case half-width letters with a half-width colon.', '半角小文字と半角コロンで `kijun:` と記載してください。'],
  ),
  'document.duplicate-id': rule(
    ['Two documents of the same kind share an id', '同じ種類の文書の ID が重複している'],
    ['Standards and plans refer to documents by id; two documents with one id make the reference ambiguous.', '安全基準等や行動計画は文書を ID で参照するため、ID が重複すると参照先が定まりません。'],
    ['Give one of the documents another `id:`.', 'どちらかの文書の `id:` を変えてください。'],
  ),
  'schema.required': rule(
    ['A required key is missing', '必須のキーがない'],
    ['The document kind requires this key (see the JSON Schemas in `schemas/`).', 'この文書の種類ではこのキーが必須です（`schemas/` の JSON Schema を参照）。'],
    ['Add the missing key; completion offers the keys allowed here.', '不足しているキーを追加してください。入力補完でここに書けるキーが表示されます。'],
  ),
  'schema.unknown-key': rule(
    ['A key the schema does not define', 'スキーマに定義されていないキー'],
    ['Only the keys of the document kind\'s schema are allowed; an unknown key is usually a typo and is otherwise ignored.', '文書の種類のスキーマに定義されたキーだけを使えます。未定義のキーはたいてい書き誤りで、そのままでは無視されます。'],
    ['Correct the key (the message suggests the closest one) or remove it.', 'キーを直す（メッセージが最も近いキーを示します）か、削除してください。'],
  ),
  'schema.type': rule(
    ['A value of the wrong type', '値の型が正しくない'],
    ['The schema expects another type here, for example a list instead of a text.', 'ここではスキーマが別の型（例: 文字列ではなくリスト）を求めています。'],
    ['Write the value in the type the message names.', 'メッセージが示す型で値を記載してください。'],
  ),
  'schema.enum': rule(
    ['A value outside the allowed set', '許されていない値'],
    ['This key accepts only the values the schema lists.', 'このキーにはスキーマが列挙する値しか指定できません。'],
    ['Use one of the values the message lists; completion offers them with their Japanese wording.', 'メッセージが示す値のいずれかを指定してください。入力補完で日本語の説明とともに表示されます。'],
  ),
  'schema.format': rule(
    ['An id that breaks the id rules', 'ID の書式の誤り'],
    ['Ids use ASCII letters, digits, ".", "_" and "-" so that other documents and tools can refer to them.', 'ID は他の文書やツールから参照できるよう、半角英数字と「.」「_」「-」で記載します。'],
    ['Rewrite the id as the message says; put official numbering such as Ⅱ3.(4)②ア in `label:`.', 'メッセージに従って ID を書き直してください。Ⅱ3.(4)②ア のような正式な番号は `label:` に記載します。'],
  ),
  'schema.range': rule(
    ['A number out of range', '数値が範囲外'],
    ['The number must lie within the range the schema gives (for example `class` 1 to 4).', '数値はスキーマが定める範囲（例: `class` は 1〜4）に収める必要があります。'],
    ['Write a number within the range the message names.', 'メッセージが示す範囲の数値を指定してください。'],
  ),
  'schema.empty': rule(
    ['An empty text where one is required', '必要な文字列が空'],
    ['This key needs a text; an empty one says nothing.', 'このキーには文字列が必要です。空では何も伝わりません。'],
    ['Write the text, or remove the key if it is optional.', '文字列を記載するか、任意のキーであれば削除してください。'],
  ),
  'schema.min-items': rule(
    ['A list with too few entries', 'リストの件数が足りない'],
    ['The schema requires at least the given number of entries in this list.', 'スキーマはこのリストに所定の件数以上の記載を求めています。'],
    ['Add entries to the list.', 'リストに記載を追加してください。'],
  ),
  'schema.invalid': rule(
    ['Another schema violation', 'その他のスキーマ違反'],
    ['The value does not satisfy the schema in a way the other schema findings do not describe.', '値が他のスキーマの指摘では表せない形でスキーマに適合していません。'],
    ['Compare the value with the schema in `schemas/` and the examples in `examples/`.', '`schemas/` のスキーマと `examples/` の例と見比べて値を直してください。'],
  ),
  'guideline.unknown': rule(
    ['The named guideline does not exist', '指定された指針がない'],
    ['A standard or plan names the guideline it follows; no guideline document of the workspace or bundled guideline has this id.', '安全基準等と行動計画は準拠する指針を指定します。この ID の指針はワークスペースにも同梱の指針にもありません。'],
    ['Write the id of an existing guideline (the message lists them), or add the guideline document to the workspace.', '既存の指針の ID（メッセージに一覧があります）を記載するか、指針の文書をワークスペースに追加してください。'],
  ),
  'guideline.stale': rule(
    ['The guideline cannot be read at the moment', '指針が現在読み取れない'],
    ['The guideline this document follows has an error that keeps it from being read (a syntax error while it is typed, binary content, a misspelt kijun: key). Until it is fixed, this document is checked against the last version of the guideline that could be read, so that its findings do not change at every keystroke in the guideline.', 'この文書が準拠する指針に、読み取りを妨げる誤り（入力途中の構文エラー、バイナリの内容、綴りを誤った kijun: キー）があります。修正されるまで、指針の編集のたびに指摘が変わらないよう、この文書は読み取れた最後の版の指針で検査します。'],
    ['Fix the findings of the guideline document itself; this note then goes away.', '指針の文書自体の指摘を修正してください。修正するとこの通知は消えます。'],
  ),
  'sector.unknown': rule(
    ['Unknown sector', '不明な分野'],
    ['The sector must be one of the guideline\'s sectors, by id or Japanese label (compared after NFKC normalisation).', '分野は指針の分野のいずれかを ID か日本語名で指定します（NFKC 正規化した上で比較します）。'],
    ['Use the suggested sector, or one completion offers.', '提案された分野か、入力補完が示す分野を指定してください。'],
  ),
  'subsector.unknown': rule(
    ['Unknown sub-sector', '不明な業種'],
    ['The sub-sector must be one of the sub-sectors the guideline defines for the standard\'s sector.', '業種は、指針が安全基準等の分野に定める業種のいずれかである必要があります。'],
    ['Use the suggested sub-sector, or one completion offers.', '提案された業種か、入力補完が示す業種を指定してください。'],
  ),
  'threat.unknown': rule(
    ['Unknown threat kind or example', '不明な脅威の種類または例'],
    ['Threats are named by the guideline\'s threat kinds and examples, by id or label.', '脅威は指針の脅威の種類と例を ID か名称で指定します。'],
    ['Use the suggested threat, or one completion offers.', '提案された脅威か、入力補完が示す脅威を指定してください。'],
  ),
  'covers.unknown-item': rule(
    ['A covers entry names no guideline item', '対応指針が指針のどの項目も指していない'],
    ['Each `covers` entry must be the id of an item of the guideline the standard follows; otherwise the clause covers nothing.', '`covers` の各記載は準拠する指針の項目 ID である必要があります。そうでなければ条項は何にも対応しません。'],
    ['Use the suggested item id, or pick one with completion (labels and titles are shown).', '提案された項目 ID を使うか、入力補完（番号と表題が表示されます）で選んでください。'],
  ),
  'covers.not-applicable': rule(
    ['The covered item does not apply to the sector', '対応した項目が分野に適用されない'],
    ['A guideline item can be limited to some sectors; covering an item that does not apply to the standard\'s sector counts for nothing.', '指針の項目は一部の分野に限られることがあります。安全基準等の分野に適用されない項目への対応は数えられません。'],
    ['Remove the entry, or check the standard\'s `sector:`.', 'この記載を削除するか、安全基準等の `sector:` を確認してください。'],
  ),
  'clause.duplicate-id': rule(
    ['Two clauses with the same id', '条項 ID が重複している'],
    ['Clause ids identify clauses in reports and references; each must be unique within the standard.', '条項 ID は報告や参照で条項を特定するため、安全基準等の中で一意である必要があります。'],
    ['Renumber one of the clauses.', 'どちらかの条項の番号を振り直してください。'],
  ),
  'exclusion.missing-reason': rule(
    ['An exclusion without a reason', '理由のない除外'],
    ['Excluding an item (規定する必要がない) needs a reason, so that reviewers can judge it; the item still counts as excluded.', '項目を除外する（規定する必要がない）には、審査できるよう理由が必要です。項目は除外として扱われます。'],
    ['Add `reason:` saying why the standard need not cover the item.', '規定する必要がない理由を `reason:` に記載してください。'],
  ),
  'exclusion.placeholder-reason': rule(
    ['An exclusion reason still the placeholder', '除外の理由が仮の記載のまま'],
    ['The quick fix that adds an exclusion writes a placeholder reason （理由を記載）; it says nothing yet.', '除外を追加するクイックフィックスは仮の理由（理由を記載）を書き込みます。このままでは何も説明していません。'],
    ['Replace the placeholder with the actual reason.', '仮の記載を実際の理由に書き換えてください。'],
  ),
  'exclusion.covered': rule(
    ['An excluded item that a clause covers', '条項が対応している項目の除外'],
    ['An item is either covered or excluded; both at once contradict each other.', '項目は対応か除外のどちらかです。両方は矛盾します。'],
    ['Remove the exclusion (quick fix) or the clause\'s `covers` entry.', '除外（クイックフィックスで削除できます）か、条項の `covers` の記載を削除してください。'],
  ),
  'exclusion.not-applicable': rule(
    ['An exclusion of an item that does not apply', '適用されない項目の除外'],
    ['The item does not apply to the standard\'s sector, so there is nothing to exclude.', 'この項目は安全基準等の分野に適用されないため、除外するものがありません。'],
    ['Remove the exclusion (quick fix).', '除外を削除してください（クイックフィックスで削除できます）。'],
  ),
  'exclusion.unknown-item': rule(
    ['An exclusion naming no item', '項目を指していない除外'],
    ['`exclusions` entries must name items of the guideline the standard follows.', '`exclusions` の記載は準拠する指針の項目を指す必要があります。'],
    ['Use the suggested item id, or pick one with completion.', '提案された項目 ID を使うか、入力補完で選んでください。'],
  ),
  'exclusion.duplicate': rule(
    ['The same item excluded twice', '同じ項目の除外が重複している'],
    ['Each item needs one exclusion with one reason.', '項目ごとに、理由を付けた除外を一つ記載します。'],
    ['Remove one of the two exclusions, keeping the better reason.', '理由のよい方を残して、どちらかの除外を削除してください。'],
  ),
  'item.duplicate-id': rule(
    ['A guideline repeats an item id', '指針の項目 ID が重複している'],
    ['Standards cover items by id; a repeated id makes `covers` ambiguous (the first definition counts).', '安全基準等は項目を ID で指定するため、ID が重複すると `covers` の参照先が定まりません（最初の定義を使います）。'],
    ['Give one of the items another id.', 'どちらかの項目の ID を変えてください。'],
  ),
  'item.unknown-parent': rule(
    ['A parent: naming no item', '`parent:` がどの項目も指していない'],
    ['`parent:` places an item under another item of the same guideline; this one names none.', '`parent:` は項目を同じ指針の別の項目の下に置きます。この記載はどの項目も指していません。'],
    ['Use the suggested item id, or nest the item under its parent instead.', '提案された項目 ID を使うか、項目を親の下に入れ子で記載してください。'],
  ),
  'item.cycle': rule(
    ['Guideline items whose parents form a cycle', '項目の親子関係が循環している'],
    ['Items cannot be their own ancestors; coverage of a cycle cannot be decided.', '項目は自分自身の祖先になれません。循環した項目の対応状況は決められません。'],
    ['Change one `parent:` in the cycle the message shows.', 'メッセージが示す循環の中の `parent:` を一つ変えてください。'],
  ),
  'term.duplicate-id': rule(
    ['A guideline repeats a sector, sub-sector, threat or example id', '指針の分野・業種・脅威・例の ID が重複している'],
    ['Documents name sectors and threats by id; a repeated id makes the name ambiguous.', '文書は分野や脅威を ID で指定するため、ID が重複すると参照先が定まりません。'],
    ['Give one of the two another id.', 'どちらかの ID を変えてください。'],
  ),
  'markdown.unknown-key': rule(
    ['A misspelt covers:/threats: line under a clause heading', '条項見出しの下の covers:/threats: の書き誤り'],
    ['Directly under a clause heading only `covers:` (対応指針:) and `threats:` (脅威:) are read; a line that looks like a misspelt one is read as prose.', '条項の見出しの直下では `covers:`（対応指針:）と `threats:`（脅威:）だけを読み取ります。書き誤りと思われる行は本文として扱われます。'],
    ['Correct the key (quick fix), or reword the line if it is prose.', 'キーを直す（クイックフィックス）か、本文であれば言い回しを変えてください。'],
  ),
  'plan.sector-missing': rule(
    ['A sector of the guideline missing from the plan', '指針の分野が行動計画にない'],
    ['An action plan covers every critical-infrastructure sector of its guideline.', '行動計画は指針のすべての重要インフラ分野を対象とします。'],
    ['Add the sector to `sectors:` with its services and standards.', '分野を、そのサービスと安全基準等とともに `sectors:` に追加してください。'],
  ),
  'plan.standard-unknown': rule(
    ['A plan names a standard that no document has', '行動計画が存在しない安全基準等を指定している'],
    ['Standards listed by id must resolve to a standard document of the workspace.', 'ID で記載した安全基準等は、ワークスペースの安全基準等の文書を指す必要があります。'],
    ['Correct the id, add the standard document, or list the standard inline with title, publisher and class.', 'ID を直すか、安全基準等の文書を追加するか、表題・発行主体・分類を付けて直接記載してください。'],
  ),
  'plan.standard-sector-mismatch': rule(
    ['A plan lists a standard under another sector', '行動計画が安全基準等を別の分野に記載している'],
    ['A standard in force belongs to one sector; the plan must list it under that sector.', '安全基準等は一つの分野に属するため、行動計画ではその分野の下に記載します。'],
    ['Move the standard to its sector, or correct the standard\'s `sector:`.', '安全基準等をその分野に移すか、安全基準等の `sector:` を直してください。'],
  ),
  'plan.sector-without-standard': rule(
    ['A plan sector lists no standard in force', '行動計画の分野に安全基準等がない'],
    ['Each sector of the plan names the safety standards in force for it.', '行動計画の各分野には適用される安全基準等を記載します。'],
    ['Add the sector\'s standards to `standards:`.', '分野の安全基準等を `standards:` に追加してください。'],
  ),
  'plan.standard-class-mismatch': rule(
    ['A standard\'s class differs between plan and standard', '行動計画と安全基準等で分類が異なる'],
    ['The class (1 強制基準 to 4 内規) a plan gives a standard must match the standard\'s own `class:`.', '行動計画が示す分類（1 強制基準〜4 内規）は、安全基準等の `class:` と一致する必要があります。'],
    ['Correct the class in the plan or in the standard.', '行動計画か安全基準等のどちらかの分類を直してください。'],
  ),
  'plan.threat-not-illustrated': rule(
    ['A threat kind with no illustration in the plan', '行動計画に例示のない脅威の種類'],
    ['The plan illustrates every threat kind of its guideline (脅威の例示).', '行動計画は指針のすべての脅威の種類を例示します（脅威の例示）。'],
    ['Add a `threats:` row for the threat kind with examples.', 'その脅威の種類の例を `threats:` に追加してください。'],
  ),
  'plan.sharing-timing': rule(
    ['Information type and timing contradict', '情報の種類と共有の時期が矛盾している'],
    ['Type B information is shared when on alert or after an outage (要警戒時・障害発生時); A.a and A.b in normal times (平時).', '種類 B の情報は要警戒時・障害発生時に、A.a と A.b は平時に共有します。'],
    ['Correct `info:` or `timing:` of the row.', '行の `info:` か `timing:` を直してください。'],
  ),
  'plan.schedule-outside-period': rule(
    ['A schedule year outside the plan period', '計画期間外の年度の予定'],
    ['Measures are scheduled within the plan\'s period.', '施策の予定は計画期間の中に置きます。'],
    ['Correct the year, or the plan\'s `period:`.', '年度か、行動計画の `period:` を直してください。'],
  ),
  'plan.period-reversed': rule(
    ['The plan period ends before it starts', '計画期間の終わりが始まりより前'],
    ['`period: {from, to}` gives fiscal years, the first not after the last.', '`period: {from, to}` は年度で、始まりは終わりより後にできません。'],
    ['Swap or correct `from` and `to`.', '`from` と `to` を入れ替えるか直してください。'],
  ),
  'plan.duplicate-sector': rule(
    ['A sector listed twice in a plan', '行動計画に分野が重複している'],
    ['Each sector appears once in a plan, with all its services and standards.', '分野は行動計画に一度だけ、そのすべてのサービスと安全基準等とともに記載します。'],
    ['Merge the two entries.', '二つの記載をまとめてください。'],
  ),
  'syntax.full-width-colon': rule(
    ['A full-width colon after a key', 'キーの後の全角コロン'],
    ['YAML ends a key with a half-width colon and a space; a full-width colon "：" makes the line a plain text. Kijun reads the document as if it were fixed and reports the colon once.', 'YAML のキーは半角のコロンと空白で終わります。全角のコロン「：」ではその行はただの文字列になります。Kijun は直したものとして文書を読み、コロンを一度だけ指摘します。'],
    ['Type ": " instead of "：" (quick fix).', '「：」の代わりに「: 」を入力してください（クイックフィックス）。'],
  ),
  'syntax.tab-indent': rule(
    ['Indentation with tabs', 'タブによるインデント'],
    ['YAML does not allow tabs in indentation. Consecutive lines indented with tabs are one finding; the rest of the document is read as if they were spaces.', 'YAML のインデントにタブは使えません。タブで字下げした連続する行を一つの指摘にまとめ、残りはスペースとして読みます。'],
    ['Indent with half-width spaces (quick fix).', '半角スペースで字下げしてください（クイックフィックス）。'],
  ),
  'syntax.ideographic-space-indent': rule(
    ['Indentation with full-width spaces', '全角スペースによるインデント'],
    ['YAML does not take the ideographic space U+3000 as indentation. In a block scalar (text: |) it is text and is not reported.', 'YAML は全角スペース（U+3000）をインデントとして扱いません。ブロックスカラー（text: |）の中では本文の一部として扱い、指摘しません。'],
    ['Indent with half-width spaces (quick fix).', '半角スペースで字下げしてください（クイックフィックス）。'],
  ),
  'syntax.unclosed-bracket': rule(
    ['A bracket never closed', '閉じられていない括弧'],
    ['A "[" or "{" left open makes YAML read the rest of the document as part of the list. Kijun reports it once, at the bracket, and reads the rest as if it were closed where the list ends.', '閉じられていない「[」や「{」があると、YAML は文書の残りをその一覧の一部として読みます。Kijun は括弧の位置で一度だけ指摘し、一覧の終わりで閉じたものとして残りを読みます。'],
    ['Type the closing bracket where the list ends (quick fix).', '一覧の終わりに閉じ括弧を入力してください（クイックフィックス）。'],
  ),
  'syntax.misindented': rule(
    ['A line whose indentation lines up with nothing', '字下げがどの行とも揃っていない行'],
    ['YAML reads structure from indentation: a line indented to no column of the lines above it cannot be placed. Kijun reports the line once, says which indentation was meant, and reads the rest as if it were fixed.', 'YAML は字下げで構造を読み取ります。上の行のどの位置とも揃っていない行は、どこに属するかが決まりません。Kijun はその行を一度だけ指摘して意図した字下げを示し、残りは直したものとして読みます。'],
    ['Indent the line as the message says (quick fix).', '指摘のとおりに字下げしてください（クイックフィックス）。'],
  ),
  'syntax.merge-value': rule(
    ['A merge key with a value that cannot be merged', 'マージできない値を持つマージキー'],
    ['A merge key "<<" takes an alias of a mapping, a mapping, or a list of them; keys written in the mapping win over merged ones.', 'マージキー「<<」には、マッピングのエイリアス、マッピング、またはそれらのリストを指定します。マッピングに直接書いたキーがマージされたキーより優先されます。'],
    ['Point the merge key at a mapping (<<: *name).', 'マージキーにはマッピングを指定してください（<<: *名前）。'],
  ),
  'guideline.replaces-bundled': rule(
    ['A workspace guideline with the id of a bundled one', '同梱の指針と同じ ID のワークスペースの指針'],
    ['Standards resolve their guideline by id, the workspace\'s documents first: a workspace guideline with a bundled id replaces the bundled guideline for every standard and plan that names it.', '安全基準等は指針を ID で探し、ワークスペースの文書を先に見ます。同梱の指針と同じ ID のワークスペースの指針は、その ID を指定するすべての安全基準等と行動計画に対して同梱の指針を置き換えます。'],
    ['Give the guideline an id of its own, unless it is meant to replace the bundled one.', '同梱の指針を置き換える意図がなければ、別の ID を付けてください。'],
  ),
  'sector.is-subsector': rule(
    ['A sub-sector written where a sector is expected', '分野の位置に書かれた業種'],
    ['A sector (分野) is one of the guideline\'s sectors; a sub-sector (業種) such as 銀行 belongs to one of them.', '分野は指針の分野のいずれかです。銀行などの業種はいずれかの分野に属します。'],
    ['Write the sector, and the sub-sector under subsector (quick fix).', '分野を記載し、業種は subsector に記載してください（クイックフィックス）。'],
  ),
  'sector.all-in-list': rule(
    ['"all" inside a list of sectors', '分野の一覧の中の「all」'],
    ['An item that applies to every sector says so with sectors: all; inside a list, "all" would be the name of a sector.', 'すべての分野に適用する項目は sectors: all と記載します。一覧の中の「all」は分野の名前として扱われます。'],
    ['Write sectors: all, without brackets (quick fix).', '角括弧を付けずに sectors: all と記載してください（クイックフィックス）。'],
  ),
  'subsector.other-sector': rule(
    ['A sub-sector of another sector', '別の分野の業種'],
    ['The sub-sector of a standard must belong to its sector.', '安全基準等の業種は、その分野に属するものでなければなりません。'],
    ['Correct the sector or the sub-sector.', '分野か業種を直してください。'],
  ),
  'threat.ideographic-comma': rule(
    ['Threats joined by 「、」', '「、」でつないだ脅威'],
    ['Threat labels of the guideline may contain 「、」, so it does not separate threats: a value whose parts joined by 「、」 are all threats is said to be several.', '指針の脅威の名称には「、」を含むものがあるため、「、」は脅威の区切りになりません。「、」でつないだ各部分がすべて脅威である値は、複数の脅威として指摘します。'],
    ['Separate the threats with commas (Markdown) or list them (YAML).', '脅威はカンマで区切るか（Markdown）、リストの別々の要素にしてください（YAML）。'],
  ),
  'clause.text-not-list': rule(
    ['Several entries written as one text', '一つの文字列に書いた複数の値'],
    ['In YAML, covers: A, B is one text, not two entries: the clause would cover an item named "A, B".', 'YAML の covers: A, B は二つの値ではなく一つの文字列で、「A, B」という名前の項目に対応することになります。'],
    ['Write a list: covers: [A, B] (quick fix).', 'covers: [A, B] のようにリストで記載してください（クイックフィックス）。'],
  ),
  'markdown.unattached-key': rule(
    ['A covers:/threats: line that is not read', '読み取られない covers:／threats: の行'],
    ['In Markdown, the covers: and threats: lines are read only directly under a clause heading, before any prose. A line that is not read is said, with the reason and what to write, so that no clause loses its covers in silence.', 'Markdown では、covers: と threats: の行は条項の見出しの直下、本文より前にある場合だけ読み取ります。読み取らない行は理由と書き方を添えて指摘し、条項の対応が黙って失われないようにします。'],
    ['Move the line directly under the clause heading.', '行を条項の見出しの直下に移してください。'],
  ),
  'markdown.front-matter-toml': rule(
    ['TOML front matter', 'TOML のフロントマター'],
    ['Kijun reads YAML front matter only (between "---" lines); a document with TOML front matter ("+++") is not checked.', 'Kijun が読むのは「---」の行で囲んだ YAML のフロントマターだけです。TOML（「+++」）のフロントマターの文書は検査しません。'],
    ['Write the header as YAML between "---" lines.', 'ヘッダーを「---」の行で囲んだ YAML で記載してください。'],
  ),
  'plan.standard-guideline-mismatch': rule(
    ['A standard in force that follows another guideline', '別の指針に準拠する安全基準等'],
    ['The standards a plan lists for a sector are checked against the plan\'s guideline; a standard that follows another guideline cannot show the coverage the plan relies on.', '行動計画が分野ごとに挙げる安全基準等は、行動計画の指針に照らして確認します。別の指針に準拠する安全基準等では、計画が前提とする対応状況を示せません。'],
    ['List a standard that follows the plan\'s guideline, or revise the standard to it.', '行動計画の指針に準拠する安全基準等を挙げるか、安全基準等をその指針に合わせて改定してください。'],
  ),
  'plan.threats-missing': rule(
    ['A plan without a threat illustration', '脅威の例示のない行動計画'],
    ['A plan illustrates each threat kind of its guideline (脅威の例示, seed p16–p17); a plan with no threats: section at all is warned once.', '行動計画は、指針の脅威の種類ごとに例示を示します（脅威の例示。資料 p16–p17）。threats: がまったくない行動計画には一度だけ警告します。'],
    ['Add a threats: section with a row per kind and responder.', '脅威の種類と対応主体ごとの行を持つ threats: を追加してください。'],
  ),
  'plan.responder-not-illustrated': rule(
    ['A threat kind illustrated for one responder only', '一方の対応主体だけの脅威の例示'],
    ['The 2008 table illustrates each kind for society as a whole (社会全体) and for the individual operator (個別); a kind whose examples name both needs both rows.', '2008 年の表は、脅威の種類ごとに社会全体で対応が望まれるものと個別の事業者が対応するものを例示します。例に両方がある種類には両方の行が必要です。'],
    ['Add the row for the other responder.', 'もう一方の対応主体の行を追加してください。'],
  ),
  'plan.threat-direction': rule(
    ['A threat row with the wrong direction', '向きの誤った脅威の行'],
    ['Each threat kind of the guideline is either suffered (自ら受ける) or caused to others (他に与える); a row must say the kind\'s own direction.', '指針の脅威の種類は、自ら受ける脅威か他に与える脅威のどちらかです。行にはその種類の向きを記載します。'],
    ['Write the kind\'s direction (quick fix).', 'その種類の向きを記載してください（クイックフィックス）。'],
  ),
  'plan.threat-example-unknown': rule(
    ['An example that is not the threat kind\'s', '脅威の種類の例にない例示'],
    ['The examples of a threat row are checked against the examples the guideline gives for that kind.', '脅威の行の例は、指針がその種類に挙げる例に照らして確認します。'],
    ['Use one of the kind\'s examples, or add the example to the guideline.', 'その種類の例を使うか、指針に例を追加してください。'],
  ),
  'plan.threat-example-misplaced': rule(
    ['An example of another threat kind', '別の脅威の種類の例'],
    ['The example is the guideline\'s, but for another threat kind than the row\'s.', '例は指針にありますが、行とは別の脅威の種類のものです。'],
    ['Move the example to the row of its kind.', '例をその種類の行に移してください。'],
  ),
  'plan.threat-example-responder': rule(
    ['An example of the other responder', 'もう一方の対応主体の例'],
    ['The example is the guideline\'s for the other responder (社会全体 or 個別) than the row\'s.', '例は指針にありますが、行とは別の対応主体（社会全体または個別）のものです。'],
    ['Move the example to the row of its responder.', '例をその対応主体の行に移してください。'],
  ),
  'plan.sharing-route': rule(
    ['Information shared on a route that does not carry it', '経路に合わない情報の共有'],
    ['The seed\'s routes of information sharing (p31–p34) each carry given types of information; Kijun\'s reading of those tables is stated in the README.', '資料の情報共有の経路（p31–p34）は、経路ごとに共有する情報の種類が決まっています。Kijun による表の読み方は README に記載しています。'],
    ['Use a route that carries the type, or correct the type.', 'その種類を共有する経路を使うか、種類を直してください。'],
  ),
  'plan.sharing-channel': rule(
    ['A route with the wrong channel', '手段の誤った経路'],
    ['Each route of information sharing goes by its own means: the implementation rules (実施細目), agreed means, or each CEPTOAR\'s rules.', '情報共有の経路には、それぞれの手段（実施細目、取り決めた手段、各 CEPTOAR の規約）があります。'],
    ['Write the route\'s channel.', 'その経路の手段を記載してください。'],
  ),
  'plan.sharing-subtype-unknown': rule(
    ['A sub-type the threat kind does not have', '脅威の種類にない細分'],
    ['The subtype of an information-sharing row is one of the sub-types the guideline gives for the threat kind (seed p31), or one of its examples.', '情報共有の行の subtype は、指針がその脅威の種類に挙げる細分（資料 p31）か例のいずれかです。'],
    ['Use one of the kind\'s sub-types.', 'その種類の細分のいずれかを記載してください。'],
  ),
  'coverage.uncovered': rule(
    ['A must-consider item neither covered nor excluded', '対応も除外もない要検討事項'],
    ['Every must-consider item (要検討事項) of the guideline that applies to the standard\'s sector needs a clause that covers it, or an exclusion with a reason (規定する必要がない). The finding names the cause: an item none of whose must-consider sub-items is uncovered.', '安全基準等の分野に適用される指針の要検討事項には、対応する条項か、理由を付けた除外（規定する必要がない）が必要です。指摘は原因となる項目（要検討事項の子項目に未対応のものがない項目）に付きます。'],
    ['Add a clause with `covers: [ITEM]`, or an exclusion with a reason (both are quick fixes).', '`covers: [項目]` を持つ条項か、理由を付けた除外を追加してください（どちらもクイックフィックスで追加できます）。'],
  ),
  'coverage.uncovered-reference': rule(
    ['A reference item not covered', '対応のない参考事項'],
    ['Reference items (参考事項) are worth considering but not required; an uncovered one is information.', '参考事項は検討が望まれるものの必須ではないため、未対応は情報として示します。'],
    ['Cover the item if it fits the sector, or leave it.', '分野に合う場合は対応する条項を追加してください。'],
  ),
  'coverage.uncovered-provisional': rule(
    ['A provisional item (Kijun\'s own suggestion) not covered', '対応のない暫定項目（Kijun による補足）'],
    ['Provisional items are Kijun\'s own suggestions where the official sub-items are not available; they bind only when a team makes them binding (`--provisional binding`).', '暫定項目は、正式な子項目が入手できない箇所を Kijun が補ったものです。チームが拘束力を持たせた場合（`--provisional binding`）にだけ要検討事項として扱います。'],
    ['Cover the item, or leave it while provisional items are advisory.', '項目に対応するか、暫定項目を参考扱いとする間はそのままにしてください。'],
  ),
  'coverage.not-covered-in-workspace': rule(
    ['A guideline item no standard of the workspace covers', 'ワークスペースのどの安全基準等も対応していない指針項目'],
    ['Shown in a guideline: the items that no standard following it in the workspace covers.', '指針の中に、ワークスペース内でその指針に準拠するどの安全基準等も対応していない項目を示します。'],
    ['Review whether the sectors\' standards should cover the item.', '各分野の安全基準等がこの項目に対応すべきか確認してください。'],
  ),
  'coverage.suspect': rule(
    ['A clause was reviewed against an item that has changed since', '条項の確認後に指針項目の内容が変わった'],
    ['The standard\'s review record says which content of each guideline item a clause was last reviewed against (the item\'s fingerprint: a hash of its title, text, obligation, level and sectors). When the item\'s normative content changes, the link is suspect until someone reviews the clause again.', '確認記録には、各条項がどの内容の指針項目に照らして確認されたか（表題・本文・要検討事項か参考事項か・抽象的か具体的か・対象分野から求めたフィンガープリント）が記録されます。項目の内容が変わると、条項を見直すまでその対応は要確認となります。'],
    ['Read what changed (hover on the covers entry), adjust the clause if needed, then mark the link reviewed: the quick fix, or kijun review --accept.', '変更点（covers の値にカーソルを合わせると表示）を読み、必要なら条項を直してから、確認済みにしてください（クイックフィックス、または kijun review --accept）。'],
  ),
  'edition.supersedes-unknown': rule(
    ['The guideline this edition supersedes is unknown', '改定前の指針が見つからない'],
    ['"supersedes:" names the guideline this edition replaces, so that Kijun can show what changed and move standards to the new edition. The id must be a guideline Kijun knows: a bundled one or a guideline document given with it.', 'supersedes: は改定前の指針を示し、変更点の表示や新しい版への移行に使われます。同梱の指針か、一緒に読み込まれる指針文書の ID を指定する必要があります。'],
    ['Write the id of a known guideline, or add the earlier guideline\'s document.', '既知の指針の ID を記載するか、改定前の指針文書を追加してください。'],
  ),
  'edition.replaces-unknown': rule(
    ['An item replaces no item of the superseded edition', '置き換え元の項目が改定前の版にない'],
    ['"replaces:" lists the items of the superseded edition that an item takes the place of (renamed, merged or split); each must be an item of that edition.', 'replaces: には、その項目が置き換える改定前の版の項目（名称変更・統合・分割）を列挙します。いずれも改定前の版の項目である必要があります。'],
    ['Write the id of an item of the superseded edition.', '改定前の版の項目 ID を記載してください。'],
  ),
  'edition.replaces-without-supersedes': rule(
    ['An item replaces items, but the guideline names no earlier edition', '改定前の版を指定せずに項目を置き換えている'],
    ['The ids in "replaces:" are ids of the edition the guideline supersedes; without "supersedes:" they cannot be resolved.', 'replaces: の ID は改定前の版の項目です。supersedes: がないと解決できません。'],
    ['Add "supersedes: <id>" to the guideline.', '指針に「supersedes: <ID>」を記載してください。'],
  ),
  'covers.replaced-item': rule(
    ['A covers entry names an item the guideline\'s new edition replaces', 'covers が新しい版で置き換えられた項目を指している'],
    ['After the standard moves to a new edition of its guideline, an entry that names an item of the earlier edition which the new one replaces (renamed, merged or split) is to be rewritten to the replacing items.', '準拠する指針を新しい版に切り替えた後、新しい版で置き換えられた（名称変更・統合・分割された）旧版の項目を指す記載は、置き換え先の項目に書き換える必要があります。'],
    ['Apply the quick fix, or run kijun migrate --to <edition> --write.', 'クイックフィックスを適用するか、kijun migrate --to <版> --write を実行してください。'],
  ),
  'covers.removed-item': rule(
    ['A covers entry names an item the new edition removed', 'covers が新しい版で削除された項目を指している'],
    ['The item belongs to the edition the guideline supersedes; the new edition has no such item and nothing replaces it.', 'その項目は改定前の版にあり、新しい版にはなく、置き換える項目もありません。'],
    ['Remove the entry, or name the item of the new edition that the clause covers.', '記載を削除するか、条項が対応する新しい版の項目を記載してください。'],
  ),
  'exclusion.replaced-item': rule(
    ['An exclusion names an item the new edition replaces', '除外が新しい版で置き換えられた項目を指している'],
    ['An exclusion of an item of the superseded edition that the new edition replaces excludes nothing until it names the replacing items.', '新しい版で置き換えられた旧版の項目の除外は、置き換え先の項目を指すまで何も除外しません。'],
    ['Exclude the replacing items instead, if the reason still holds.', '理由が当てはまる場合は、置き換え先の項目を除外してください。'],
  ),
  'exclusion.removed-item': rule(
    ['An exclusion names an item the new edition removed', '除外が新しい版で削除された項目を指している'],
    ['The item belongs to the edition the guideline supersedes; the new edition has no such item, so there is nothing to exclude.', 'その項目は改定前の版にのみあり、新しい版では除外する対象がありません。'],
    ['Remove the exclusion.', '除外を削除してください。'],
  ),
  'review.unknown-standard': rule(
    ['A review record names no known standard', '確認記録が存在しない安全基準等を指している'],
    ['A review record belongs to the standard whose id it names; a record whose standard is not found is not used.', '確認記録は、記載された ID の安全基準等のものとして使われます。その安全基準等が見つからない記録は使われません。'],
    ['Write the standard\'s id, or delete the record and run kijun review --accept on the standard.', '安全基準等の ID を記載するか、記録を削除して安全基準等に対して kijun review --accept を実行してください。'],
  ),
  'review.duplicate': rule(
    ['Two review records for one standard', '同じ安全基準等の確認記録が 2 つある'],
    ['Kijun uses the first review record of a standard (in path order); the others are not used.', 'Kijun は安全基準等ごとに最初の確認記録（パス順）を使い、他は使いません。'],
    ['Keep one record per standard.', '確認記録は安全基準等ごとに 1 つにしてください。'],
  ),
  'review.stale-link': rule(
    ['A reviewed link the standard no longer has', '安全基準等にもうない確認済みの対応'],
    ['The clause no longer covers the item (or no longer exists); the record keeps the link until reviews are accepted again.', '条項がその項目に対応しなくなった（または条項がなくなった）ため、記録の対応は不要です。次に確認を記録するときに削除されます。'],
    ['Run kijun review --accept on the standard.', '安全基準等に対して kijun review --accept を実行してください。'],
  ),
} satisfies Record<MessageCode, RuleDescription>;

/** The rule a finding code stands for, in one language: short and full descriptions and help (SARIF `rules`). */
export function describeRule(code: MessageCode, locale: Locale): { short: string; full: string; help: string } {
  const d = ruleDescriptions[code];
  return { short: d.short[locale], full: d.full[locale], help: d.help[locale] };
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
  fingerprint: { en: 'fingerprint', ja: 'フィンガープリント' },
  'superseded-edition': { en: 'the superseded edition', ja: '改定前の版' },
  'normative-content': { en: 'normative content', ja: '内容' },
  /** Between the names of a list written out in a sentence (sector ids in a change line). */
  'list-separator': { en: ', ', ja: '、' },
} satisfies Record<string, Bilingual>;

/** The parts of an item's normative content (`fingerprint.ts`), as messages name them. */
export const fieldWords: Record<string, Bilingual> = {
  title: { en: 'title', ja: '表題' },
  text: { en: 'text', ja: '本文' },
  obligation: { en: 'obligation', ja: '要検討事項・参考事項の別' },
  level: { en: 'level', ja: '抽象的内容・具体的内容の別' },
  sectors: { en: 'sectors', ja: '対象分野' },
};

/** The mark of a provisional item (Kijun's own suggestion, not the guideline's). */
const provisionalMark: Bilingual = { en: 'provisional, Kijun', ja: '暫定・Kijun補足' };

/** A replacement whose kind is not known. */
const replacedWord: Bilingual = { en: 'replaced', ja: '置き換え' };

/** How the items of a replacement group correspond (`editions.ts`). */
export const replacementKinds: Record<string, Bilingual> = {
  renamed: { en: 'renamed', ja: '名称変更' },
  split: { en: 'split', ja: '分割' },
  merged: { en: 'merged', ja: '統合' },
  regrouped: { en: 'regrouped', ja: '再編' },
};

/** Several parts named together: "title and text", "title, text and sectors"; 「表題、本文」. */
export function fieldList(fields: string[]): Bilingual {
  const en = fields.map((f) => fieldWords[f]?.en ?? f);
  return {
    en: en.length <= 1 ? en.join('') : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`,
    ja: fields.map((f) => fieldWords[f]?.ja ?? f).join('、'),
  };
}

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
  fingerprint: {
    en: 'use the hexadecimal digits Kijun wrote (0-9, a-f; at least 8).',
    ja: 'Kijun が書き出した 16 進数（0-9、a-f。8 桁以上）を記載してください。',
  },
  'clause-id': {
    en: 'use letters and digits joined by "." or "-" (e.g. S-1.1, 3.2.1, full-width ＳＢ－１ too), up to three kanji before digits (e.g. 運1, 技12), or an article number (e.g. 第1条, 第3条の2).',
    ja: '英数字を「.」「-」でつないだ ID（例: S-1.1、3.2.1。全角の ＳＢ－１ も可）、数字の前に 3 文字までの漢字を付けた ID（例: 運1、技12）、または条番号（例: 第1条、第3条の2）を使ってください。',
  },
};

/** The marks of an item in a migration plan: provisional (Kijun's own), and new in the edition (`new`: its id). */
const itemMarksEn = (a: Record<string, string>): string => {
  const marks = [a.provisional, a.new ? `new in ${a.new}` : ''].filter(Boolean);
  return marks.length ? ` (${marks.join('; ')})` : '';
};
const itemMarksJa = (a: Record<string, string>): string => {
  const marks = [a.provisional, a.new ? `${a.new} で新設` : ''].filter(Boolean);
  return marks.length ? `（${marks.join('、')}）` : '';
};
/** An item named by its id, with its official label and title when known: `G-II-3-4-2-B (Ⅱ3.(4)②イ Title)`. */
const itemNameParts = (a: Record<string, string>): string => [a.label, a.title].filter(Boolean).join(' ');
const namedItemEn = (a: Record<string, string>): string => (itemNameParts(a) ? `${a.item} (${itemNameParts(a)})` : a.item);
const namedItemJa = (a: Record<string, string>): string => (itemNameParts(a) ? `${a.item}（${itemNameParts(a)}）` : `${a.item} `);

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
      '       kijun coverage [options] [paths or folders…]',
      '       kijun export --oscal [--output-dir DIR] FILE [paths or folders…]',
      '       kijun diff [--format text|md|json] OLD NEW',
      '       kijun review [--accept] [paths or folders…]',
      '       kijun migrate --to NEW [--write] [--format text|json] [paths or folders…]',
      '',
      'Checks Kijun documents (guidelines, safety standards, action plans; YAML or Markdown) and',
      'prints every finding, then the guideline coverage of each standard.',
      'Folders are walked for .yaml, .yml, .md and .markdown files (dot files and folders and',
      'node_modules skipped; symbolic links followed). A file named here that is not checked, and',
      'why, is always listed.',
      '',
      'Options:',
      '  --format text|json|github|sarif|junit  output format (default: text; github: annotations for GitHub',
      '                             Actions; sarif: SARIF 2.1.0 for code scanning; junit: JUnit XML for test reports)',
      '  --fail-on error|warning    the lowest severity that makes the exit status 1 (default: error)',
      '  --provisional advisory|binding  provisional guideline items (Kijun\'s own suggestions): advisory (default)',
      '                             raises no must-consider warning for them; binding counts them as must-consider',
      '  --locale ja|en             language of messages (default: from LANG / LC_ALL)',
      '  --verbose                  also list what the folder walk skipped, and why, and print the timing',
      '  --baseline FILE            only findings not in FILE (written by --write-baseline) fail the run;',
      '                             findings are matched by fingerprint, not by line',
      '  --write-baseline FILE      write every finding of this run to FILE; the run then passes',
      '  --max-warnings N           also fail when more than N warnings (outside the baseline) are found',
      '  --jobs N                   analyse in N threads (default: one per core, at most 4, when the files hold',
      '                             2 million characters or more; else 1); the output is the same either way',
      '  -h, --help                 show this help',
      '',
      'kijun export --oscal prints the OSCAL 1.0.6 JSON of FILE: a guideline as a catalog, a standard as a',
      'component definition (its guideline is looked up in the other paths, then among the bundled ones).',
      '  --output-dir DIR           write every guideline and standard of the paths to DIR, one file each',
      '                             (<id>.catalog.json, <id>.component-definition.json)',
      '',
      'kijun diff lists the items added, removed, replaced and changed from one edition of a guideline to another',
      '(OLD and NEW: guideline files, or ids of bundled guidelines).',
      'kijun review shows, for each standard, its links (clause → item) reviewed, suspect (the item changed since',
      'it was reviewed) and not reviewed. --accept records the current fingerprints in each standard\'s review',
      'record (<name>.review.yaml beside it, or the record it has).',
      'kijun migrate prints, for each standard whose guideline NEW supersedes, the plan of moving it to NEW: entries',
      'to rewrite or remove, items to address, links to review. --write switches guideline: and rewrites the entries',
      'whose replacement is known. Only review --accept and migrate --write write your files.',
      'kijun coverage writes the coverage matrix: guideline items (rows) × standards (columns), with the',
      'clauses that cover each item, partial items (n of m), exclusions and their reasons, and totals.',
      'It takes --provisional, --locale and --verbose as above, and:',
      '  --by standard|sector       columns: each standard (default), or each sector (its standards together)',
      '  --format md|html|csv|xlsx|json  output format (default: from the --output file\'s extension, else md)',
      '  --output FILE              write to FILE instead of standard output (XLSX is never written to a terminal)',
      '',
      'Exit status:',
      '  0  no errors',
      '  1  errors found (or warnings, with --fail-on warning; more than --max-warnings; with --baseline, only',
      '     findings not in the baseline count); export: a document with errors was not exported',
      '  2  bad usage, or a file that could not be read (also when there are findings)',
      '  3  internal error (a bug in Kijun: please report it)',
    ].join('\n'),
    ja: () => [
      '使い方: kijun check [オプション] [ファイルまたはフォルダ…]',
      '        kijun coverage [オプション] [ファイルまたはフォルダ…]',
      '        kijun export --oscal [--output-dir フォルダ] ファイル [ファイルまたはフォルダ…]',
      '        kijun diff [--format text|md|json] 旧 新',
      '        kijun review [--accept] [ファイルまたはフォルダ…]',
      '        kijun migrate --to 新しい版 [--write] [--format text|json] [ファイルまたはフォルダ…]',
      '',
      'Kijun の文書（指針・安全基準等・行動計画。YAML または Markdown）を検査し、すべての指摘と、',
      '安全基準等ごとの指針項目への対応状況を表示します。',
      'フォルダからは .yaml・.yml・.md・.markdown のファイルを読み込みます（「.」で始まるファイル・フォルダと',
      'node_modules は除き、シンボリックリンクはたどります）。ここで指定したファイルを検査しなかった場合は、',
      '必ずその旨と理由を表示します。',
      '',
      'オプション:',
      '  --format text|json|github|sarif|junit  出力形式（既定: text。github は GitHub Actions の注釈、',
      '                             sarif はコードスキャン用の SARIF 2.1.0、junit はテスト結果用の JUnit XML）',
      '  --fail-on error|warning    終了コードを 1 にする最も低い重大度（既定: error）',
      '  --provisional advisory|binding  暫定項目（Kijun による補足）の扱い: advisory（既定）は要検討事項の',
      '                             警告を出さない。binding は要検討事項として数える',
      '  --locale ja|en             メッセージの言語（既定: LANG / LC_ALL に従う）',
      '  --verbose                  フォルダの走査で読み込まなかったものとその理由、所要時間も表示',
      '  --baseline ファイル        ファイル（--write-baseline で作成）にない指摘だけで失敗とする。',
      '                             指摘は行ではなくフィンガープリントで照合する',
      '  --write-baseline ファイル  今回のすべての指摘をファイルに書き出す（この実行は成功とする）',
      '  --max-warnings N           （ベースライン外の）警告が N 件を超えた場合も失敗とする',
      '  --jobs N                   N 個のスレッドで解析する（既定: ファイルの合計が 200 万文字以上なら CPU コア数',
      '                             （最大 4）、それ未満なら 1）。出力はどちらでも同じ',
      '  -h, --help                 この説明を表示',
      '',
      'kijun export --oscal はファイルの OSCAL 1.0.6 JSON を表示します。指針はカタログ、安全基準等は',
      'コンポーネント定義になります（準拠する指針は他に指定したファイル・フォルダ、次に同梱の指針から探します）。',
      '  --output-dir フォルダ      指定したファイル・フォルダのすべての指針と安全基準等を、1 文書 1 ファイルで',
      '                             フォルダに書き出す（<id>.catalog.json、<id>.component-definition.json）',
      '',
      'kijun diff は、指針のある版から別の版への項目の追加・削除・置き換え・変更を一覧にします',
      '（旧・新は指針のファイル、または同梱の指針の ID）。',
      'kijun review は、安全基準等ごとに、対応（条項 → 項目）のうち確認済み・要確認（確認後に項目が変更）・',
      '未確認のものを表示します。--accept は現在のフィンガープリントを各安全基準等の確認記録',
      '（隣の <名前>.review.yaml、または既存の記録）に記録します。',
      'kijun migrate は、新しい版が改定前とする指針に準拠する安全基準等ごとに、移行の作業（書き換え・削除する',
      '記載、対応が必要な項目、見直す対応）を表示します。--write は guideline: を切り替え、置き換え先が決まる',
      '記載を書き換えます。ファイルを書き換えるのは review --accept と migrate --write だけです。',
      'kijun coverage は指針との対応表（行: 指針項目、列: 安全基準等）を出力します。各項目に対応する条項、',
      '一部対応（n 件中 m 件）、除外とその理由、集計を示します。--provisional・--locale・--verbose は上と同じで、ほかに:',
      '  --by standard|sector       列: 安全基準等ごと（既定）、または分野ごと（その分野の安全基準等を合わせて判定）',
      '  --format md|html|csv|xlsx|json  出力形式（既定: --output のファイルの拡張子から。なければ md）',
      '  --output FILE              標準出力ではなく FILE に書き出す（XLSX は端末には出力しない）',
      '',
      '終了コード:',
      '  0  エラーなし',
      '  1  エラーあり（--fail-on warning では警告ありも。--max-warnings を超える警告も。--baseline では',
      '     ベースラインにない指摘だけを数える）。export: エラーのある文書を書き出さなかった',
      '  2  使い方の誤り、または読み込めないファイルあり（指摘があっても 2）',
      '  3  内部エラー（Kijun の不具合です。報告してください）',
    ].join('\n'),
  },
  'cli.missing-command': { en: () => 'missing command', ja: () => 'コマンドがありません' },
  'cli.unknown-command': { en: (a) => `unknown command "${a.command}"`, ja: (a) => `不明なコマンド${jq(a.command)}` },
  'cli.needs-value': { en: (a) => `${a.flag} needs a value`, ja: (a) => `${a.flag} には値が必要です` },
  'cli.bad-format': { en: (a) => `--format must be text, json, github, sarif or junit, not "${a.value}"`, ja: (a) => `--format には text・json・github・sarif・junit のいずれかを指定してください（${jq(a.value)}が指定されています）` },
  'cli.bad-max-warnings': { en: (a) => `--max-warnings must be a whole number, 0 or more, not "${a.value}"`, ja: (a) => `--max-warnings には 0 以上の整数を指定してください（${jq(a.value)}が指定されています）` },
  'cli.bad-jobs': { en: (a) => `--jobs must be a whole number from 1 to 999, not "${a.value}"`, ja: (a) => `--jobs には 1 から 999 までの整数を指定してください（${jq(a.value)}が指定されています）` },
  'cli.baseline-and-write': { en: () => 'use either --baseline or --write-baseline, not both', ja: () => '--baseline と --write-baseline はどちらか一方だけを指定してください' },
  'cli.baseline-unreadable': { en: (a) => `cannot read the baseline "${a.path}": ${a.detail}`, ja: (a) => `ベースライン${jq(a.path)}を読み込めません: ${a.detail}` },
  'cli.baseline-invalid': {
    en: (a) => `"${a.path}" is not a Kijun baseline (${a.detail}); write one with --write-baseline`,
    ja: (a) => `${jq(a.path)}は Kijun のベースラインではありません（${a.detail}）。--write-baseline で作成してください`,
  },
  'baseline.not-json': { en: () => 'it is not JSON', ja: () => 'JSON ではありません' },
  'baseline.not-a-baseline': { en: () => 'it has no "kijunBaseline" and "findings" with fingerprints', ja: () => '「kijunBaseline」と、フィンガープリントを持つ「findings」がありません' },
  'baseline.unsupported-version': { en: () => 'it is of a baseline version this Kijun does not read', ja: () => 'この Kijun が読めない版のベースラインです' },
  'cli.baseline-unwritable': { en: (a) => `cannot write the baseline "${a.path}": ${a.detail}`, ja: (a) => `ベースライン${jq(a.path)}を書き込めません: ${a.detail}` },
  'cli.baseline-written': { en: (a) => `wrote the baseline "${a.path}": ${a.count} finding(s)`, ja: (a) => `ベースライン${jq(a.path)}を書き出しました: 指摘 ${a.count} 件` },
  'cli.baseline-summary': {
    en: (a) => `${a.matched} finding(s) in the baseline "${a.path}" do not fail the run; ${a.fresh} new${a.stale !== '0' ? `; ${a.stale} baseline entr${a.stale === '1' ? 'y no longer matches' : 'ies no longer match'} (fixed: run --write-baseline to drop them)` : ''}`,
    ja: (a) => `ベースライン${jq(a.path)}にある指摘 ${a.matched} 件は失敗として扱いません。新しい指摘 ${a.fresh} 件${a.stale !== '0' ? `。ベースラインの ${a.stale} 件は一致する指摘がなくなりました（解消済み。--write-baseline で削除できます）` : ''}`,
  },
  /** Marks a finding of the text report that is in the baseline. */
  'cli.baselined': { en: () => '(in the baseline)', ja: () => '（ベースラインに記録済み）' },
  'cli.max-warnings-exceeded': {
    en: (a) => `${a.warnings} warning(s)${a.baseline ? ' not in the baseline' : ''}, more than --max-warnings ${a.max}`,
    ja: (a) => `${a.baseline ? 'ベースラインにない' : ''}警告が ${a.warnings} 件あり、--max-warnings ${a.max} を超えています`,
  },
  'cli.export-needs-format': { en: () => 'choose the export format: --oscal', ja: () => '書き出す形式を指定してください: --oscal' },
  'cli.export-needs-file': { en: () => 'name the document to export: kijun export --oscal FILE [paths…]', ja: () => '書き出す文書を指定してください: kijun export --oscal ファイル [ファイルまたはフォルダ…]' },
  'cli.cannot-export': { en: (a) => `cannot export "${a.path}": ${a.reason}`, ja: (a) => `${jq(a.path)}を書き出せません: ${a.reason}` },
  'export.plan': {
    en: () => 'an action plan has no OSCAL form (guidelines are exported as catalogs, standards as component definitions)',
    ja: () => '行動計画には OSCAL の形式がありません（指針はカタログ、安全基準等はコンポーネント定義として書き出します）',
  },
  'export.has-errors': { en: (a) => `${a.errors} error(s); see kijun check ${a.path}`, ja: (a) => `エラーが ${a.errors} 件あります。kijun check ${a.path} で確認してください` },
  'export.same-file': { en: (a) => `"${a.file}" is already written for "${a.other}" (the documents share the id ${a.id})`, ja: (a) => `${jq(a.file)}は${jq(a.other)}の書き出しに使われています（文書の ID ${a.id} が同じです）` },
  'export.not-exported': { en: (a) => `${a.path}: not exported: ${a.reason}`, ja: (a) => `${a.path}: 書き出していません: ${a.reason}` },
  'export.too-deep': { en: (a) => `the item hierarchy is ${a.depth} levels deep; the OSCAL export nests at most 100`, ja: (a) => `項目の階層が ${a.depth} 段あります。OSCAL への書き出しは 100 段までです` },
  'export.written': { en: (a) => `${a.path}: exported to ${a.file}`, ja: (a) => `${a.path}: ${a.file} に書き出しました` },
  'export.unwritable': { en: (a) => `cannot write "${a.path}": ${a.detail}`, ja: (a) => `${jq(a.path)}を書き込めません: ${a.detail}` },
  // Texts inside the exported formats.
  'report.in-baseline': { en: () => 'in the baseline', ja: () => 'ベースラインに記録済み' },
  'junit.no-findings': { en: () => 'no findings', ja: () => '指摘なし' },
  'junit.not-checked': { en: () => 'files not checked', ja: () => '検査していないファイル' },
  'sarif.srcroot': { en: () => 'The folder kijun check ran in (the repository root in CI).', ja: () => 'kijun check を実行したフォルダ（CI ではリポジトリのルート）。' },
  'sarif.bundled': { en: () => 'The guidelines bundled with Kijun.', ja: () => 'Kijun に同梱の指針。' },
  'oscal.implemented-by': { en: (a) => `Covered by clause(s) ${a.clauses} of ${a.standard}.`, ja: (a) => `${a.standard} の条項 ${a.clauses} が対応しています。` },
  'oscal.control-implementation': {
    en: (a) => `The items of guideline ${a.guideline} that the clauses of ${a.standard} cover.`,
    ja: (a) => `${a.standard} の条項が対応する指針 ${a.guideline} の項目。`,
  },
  'oscal.component': {
    en: (a) => `Safety standard (安全基準等) ${a.standard} of sector ${a.sector}, class ${a.class}, following guideline ${a.guideline}.`,
    ja: (a) => `分野${jq(a.sector)}の安全基準等 ${a.standard}（分類 ${a.class}）。準拠する指針: ${a.guideline}。`,
  },
  'oscal.exclusions': { en: () => 'Guideline items excluded (規定する必要がない):', ja: () => '除外した指針項目（規定する必要がない）:' },
  'oscal.guideline-resource': { en: (a) => `Guideline ${a.guideline}: ${a.title}`, ja: (a) => `指針 ${a.guideline}: ${a.title}` },
  'oscal.source-of': { en: (a) => `Source of ${a.items}`, ja: (a) => `${a.items} の出典` },
  'cli.bad-fail-on': { en: (a) => `--fail-on must be error or warning, not "${a.value}"`, ja: (a) => `--fail-on には error か warning を指定してください（${jq(a.value)}が指定されています）` },
  'cli.bad-provisional': { en: (a) => `--provisional must be advisory or binding, not "${a.value}"`, ja: (a) => `--provisional には advisory か binding を指定してください（${jq(a.value)}が指定されています）` },
  'cli.bad-locale': { en: (a) => `--locale must be ja or en, not "${a.value}"`, ja: (a) => `--locale には ja か en を指定してください（${jq(a.value)}が指定されています）` },
  'cli.unknown-option': { en: (a) => `unknown option "${a.flag}"`, ja: (a) => `不明なオプション${jq(a.flag)}` },
  /** A path named on the command line that cannot be checked at all: a usage error (exit status 2). */
  'cli.cannot-check': { en: (a) => `cannot check "${a.path}": ${a.reason}`, ja: (a) => `${jq(a.path)}を検査できません: ${a.reason}` },
  'cli.internal-error': { en: (a) => `internal error: ${a.detail}`, ja: (a) => `内部エラー: ${a.detail}` },
  /** A path the CLI did not check although it could be meant as a document: the run fails (exit status 2). */
  'cli.not-checked': { en: (a) => `${a.path}: not checked: ${a.reason}`, ja: (a) => `${a.path}: 検査していません: ${a.reason}` },
  /** A path that is not a Kijun document or is not to be read: said for the record, the run does not fail. */
  'cli.skipped': { en: (a) => `${a.path}: skipped: ${a.reason}`, ja: (a) => `${a.path}: スキップ: ${a.reason}` },
  'server.indexed': { en: (a) => `indexed ${a.files} file(s)`, ja: (a) => `${a.files} 件のファイルを読み込みました` },
  'server.indexing-cancelled': { en: (a) => `indexing cancelled after ${a.files} file(s)`, ja: (a) => `${a.files} 件のファイルを読み込んだところで読み込みを中止しました` },
  'server.snippets-not-read': { en: (a) => `snippets not read: ${a.detail}`, ja: (a) => `スニペットを読み込めませんでした: ${a.detail}` },
  'server.not-read': { en: (a) => `not read: ${a.path}: ${a.reason}`, ja: (a) => `読み込んでいません: ${a.path}: ${a.reason}` },
  'server.indexing': { en: () => 'Kijun: reading the workspace', ja: () => 'Kijun: ワークスペースを読み込み中' },
  'server.reading-followers': { en: (a) => `Kijun: reading the standards that follow ${a.id}`, ja: (a) => `Kijun: ${a.id} に従う安全基準等を読み込み中` },
  'server.reading-followers-count': { en: (a) => `${a.count} of ${a.total} standards`, ja: (a) => `${a.total} 件中 ${a.count} 件` },
  'server.indexing-count': { en: (a) => `${a.count} of ${a.total} files`, ja: (a) => `${a.total} ファイル中 ${a.count} ファイル` },
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
    ja: (a) => (a.other ? `シンボリックリンクが循環しています（${jq(a.other)}に戻ります）` : 'シンボリックリンクが循環しています（リンクをたどってもファイルに到達しません）'),
  },
  'file.broken-link': { en: () => 'a symbolic link whose target does not exist', ja: () => 'リンク先が存在しないシンボリックリンクです' },
  'file.outside': {
    en: (a) => `a symbolic link to "${a.other}", outside the workspace folders and kijun.guidelineFolders`,
    ja: (a) => `ワークスペースのフォルダと kijun.guidelineFolders の外（${jq(a.other)}）を指すシンボリックリンクです`,
  },
  'file.duplicate': { en: (a) => `the same file or folder as "${a.other}"`, ja: (a) => `${jq(a.other)}と同じファイルまたはフォルダです` },
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
  'action.replace': { en: (a) => `Replace with "${a.text}"`, ja: (a) => `${jq(a.text)}に置き換える` },
  'action.insert': { en: (a) => `Insert "${a.text}"`, ja: (a) => `${jq(a.text)}を挿入` },
  'action.sector-and-subsector': { en: (a) => `Write sector ${a.sector} and subsector ${a.subsector}`, ja: (a) => `分野を${a.sector}、業種を${a.subsector}と記載` },
  'action.indent-with-spaces': { en: () => 'Indent with spaces', ja: () => '半角スペースで字下げ' },
  'action.reindent': {
    en: (a) => (a.column === '0' ? 'Start the line at its beginning' : `Indent by ${a.column === '1' ? '1 space' : `${a.column} spaces`}`),
    ja: (a) => (a.column === '0' ? '行頭から記載' : `半角スペース ${a.column} 個で字下げ`),
  },
  // `item`: the item's id; `label` and `title`: its official label and title, to say which item without looking it up.
  'action.add-clause': { en: (a) => `Add a clause covering ${namedItemEn(a)}`, ja: (a) => `${namedItemJa(a)}を対応させる条項を追加` },
  'action.exclude': { en: (a) => `Exclude ${namedItemEn(a)} (規定する必要がない) with a reason`, ja: (a) => `${namedItemJa(a)}を除外する（規定する必要がない）` },
  'action.remove-exclusion': { en: (a) => `Remove the exclusion of ${namedItemEn(a)}`, ja: (a) => `${namedItemJa(a)}の除外を削除` },
  'lens.standard': {
    en: (a) => `Kijun: ${coverageSummary.en(a)}`,
    ja: (a) => `Kijun: ${coverageSummary.ja(a)}`,
  },
  'lens.item': {
    en: (a) => `covered by ${a.clauses} clause${a.clauses === '1' ? '' : 's'} in ${a.standards} standard${a.standards === '1' ? '' : 's'}`,
    ja: (a) => `${a.standards} 件の安全基準等の ${a.clauses} 条項が対応`,
  },
  'lens.item-provisional': {
    en: (a) => `provisional (Kijun's suggestion) · covered by ${a.clauses} clause${a.clauses === '1' ? '' : 's'} in ${a.standards} standard${a.standards === '1' ? '' : 's'}`,
    ja: (a) => `暫定項目（Kijun による補足）· ${a.standards} 件の安全基準等の ${a.clauses} 条項が対応`,
  },
  'symbol.exclusion': { en: (a) => `exclusion ${a.item}`, ja: (a) => `除外 ${a.item}` },
  'hover.sectors': { en: (a) => `Sectors: ${a.names}`, ja: (a) => `対象分野: ${a.names}` },
  'hover.source': { en: (a) => `_Source: ${a.source}_`, ja: (a) => `_出典: ${a.source}_` },
  'hover.provisional': {
    en: () => "_Provisional item: Kijun's own suggestion, not the guideline's. It raises no must-consider warning unless provisional items are made binding (setting kijun.provisionalItems, CLI --provisional binding)._",
    ja: () => '_暫定項目: 指針ではなく Kijun による補足です。暫定項目を拘束的に扱う設定（kijun.provisionalItems、CLI の --provisional binding）をしない限り、要検討事項の警告は出ません。_',
  },
  'hover.unconfirmed': {
    en: () => '_未確認 (unconfirmed): not confirmed against a published source._',
    ja: () => '_未確認: 公開資料で確認できていない情報です。_',
  },
  'hover.relation': { en: (a) => `Relation to the guideline (2008 review paper, p28): ${a.relation}`, ja: (a) => `指針との対応（2008年の見直し資料 p28）: ${a.relation}` },
  'mark.provisional': { en: () => provisionalMark.en, ja: () => provisionalMark.ja },
  'hover.usage': {
    en: (a) => `Covered by ${a.clauses} clause(s) in ${a.standards} standard(s) of the workspace`,
    ja: (a) => `ワークスペース内で ${a.standards} 件の安全基準等の ${a.clauses} 条項が対応`,
  },
  'hover.subsectors': { en: (a) => `Sub-sectors: ${a.names}`, ja: (a) => `業種: ${a.names}` },
  'hover.examples': { en: (a) => `Examples: ${a.names}`, ja: (a) => `例: ${a.names}` },
  'hover.covers': { en: () => 'Covers:', ja: () => '対応する指針項目:' },
  'hover.covers-nothing': { en: () => 'Covers no guideline item', ja: () => '指針項目への対応なし' },
  'completion.sector-of': { en: (a) => `Sector of guideline ${a.guideline}`, ja: (a) => `指針 ${a.guideline} の分野` },
  'completion.clause-snippet': { en: (a) => `New clause covering ${a.item}`, ja: (a) => `${a.item} に対応する条項を追加` },
  'completion.exclusion-snippet': { en: (a) => `Exclude ${a.item} (規定する必要がない), with its reason`, ja: (a) => `${a.item} を除外（規定する必要がない理由を記載）` },
  'status.uncovered': { en: () => 'uncovered', ja: () => '未対応' },
  'status.covered': { en: () => 'covered', ja: () => '対応済み' },
  'status.excluded': { en: () => 'excluded', ja: () => '除外' },
  'status.partial': { en: () => 'partial', ja: () => '一部対応' },
  /** Covered, by a clause whose link to the item is suspect (README, "Reviewed links"). */
  'status.suspect': { en: () => 'suspect', ja: () => '要確認' },
  'related.item-definition': { en: (a) => `${a.item} in guideline ${a.guideline}`, ja: (a) => `指針 ${a.guideline} の ${a.item}` },
  'client.status-tooltip': {
    en: (a) => `${coverageSummary.en(a)}. ${coverageCounted.en()} Guideline: ${a.guideline}`,
    ja: (a) => `${coverageSummary.ja(a)}。${coverageCounted.ja()}指針: ${a.guideline}`,
  },
  // kijun diff, review and migrate (README, "Editions and reviewed links").
  'cli.bad-diff-format': { en: (a) => `--format must be text, md or json, not "${a.value}"`, ja: (a) => `--format には text・md・json のいずれかを指定してください（${jq(a.value)}が指定されています）` },
  'cli.bad-migrate-format': { en: (a) => `--format must be text or json, not "${a.value}"`, ja: (a) => `--format には text か json を指定してください（${jq(a.value)}が指定されています）` },
  'diff.needs-two': { en: () => 'name the two editions to compare: kijun diff OLD NEW (guideline files or ids)', ja: () => '比較する 2 つの版を指定してください: kijun diff 旧 新（指針のファイルまたは ID）' },
  'diff.unknown-guideline': {
    en: (a) => `"${a.value}" is neither a guideline file nor the id of a known guideline (${a.known})`,
    ja: (a) => `${jq(a.value)}は指針のファイルでも既知の指針（${a.known}）の ID でもありません`,
  },
  'diff.not-a-guideline': { en: (a) => `"${a.value}" is not a guideline document (kijun: guideline)`, ja: (a) => `${jq(a.value)}は指針の文書（kijun: guideline）ではありません` },
  'diff.title': {
    en: (a) => `Changes from ${a.from} to ${a.to} (${a.to} ${a.supersedes ? 'supersedes' : 'does not say that it supersedes'} ${a.from})`,
    ja: (a) => `${a.from} から ${a.to} への変更（${a.supersedes ? `${a.to} は ${a.from} の改定版` : `${a.to} には ${a.from} の改定版である旨の指定がありません`}）`,
  },
  /** A provisional item in a diff: its name and the provisional mark. */
  'diff.provisional-item': { en: (a) => `${a.item} (${provisionalMark.en})`, ja: (a) => `${a.item}（${provisionalMark.ja}）` },
  /** A replacement group of a diff; `kind` is a key of `replacementKinds`. */
  'diff.provisional-note': {
    en: (a) => `Note: the items of ${a.to} marked provisional are Kijun's own, not the guideline's, and so are the replacements said to be Kijun's reading; an item removed may be one that Kijun's provisional list does not carry, not one the guideline is known to drop.`,
    ja: (a) => `注記: ${a.to} の「暫定」の項目は指針ではなく Kijun による補足で、「Kijun の解釈」とある置き換えも同様です。削除とある項目は、指針で削除されたと確認できたものではなく、Kijun の暫定項目に含まれていないものの場合があります。`,
  },
  'diff.group': {
    en: (a) => `${a.before} → ${a.after} (${(replacementKinds[a.kind] ?? replacedWord).en}${a.reading ? `; ${a.reading}` : ''})`,
    ja: (a) => `${a.before} → ${a.after}（${(replacementKinds[a.kind] ?? replacedWord).ja}${a.reading ? `。${a.reading}` : ''}）`,
  },
  'diff.fields': { en: (a) => `${a.item}: ${a.fields} changed`, ja: (a) => `${a.item}（${a.fields}が変更）` },
  'diff.added': { en: (a) => `Added: ${a.count}`, ja: (a) => `追加: ${a.count} 件` },
  'diff.removed': { en: (a) => `Removed: ${a.count}`, ja: (a) => `削除: ${a.count} 件` },
  'diff.replaced': { en: (a) => `Replaced: ${a.count}`, ja: (a) => `置き換え: ${a.count} 件` },
  'diff.changed': { en: (a) => `Changed: ${a.count}`, ja: (a) => `変更: ${a.count} 件` },
  'diff.none': { en: () => 'none', ja: () => 'なし' },
  'diff.summary': {
    en: (a) => `${a.added} added, ${a.removed} removed, ${a.replaced} replaced, ${a.changed} changed`,
    ja: (a) => `追加 ${a.added} 件、削除 ${a.removed} 件、置き換え ${a.replaced} 件、変更 ${a.changed} 件`,
  },
  'review.no-guideline': {
    en: (a) => `${a.path}: not recorded: the standard needs an id and a guideline that resolves (see kijun check ${a.path})`,
    ja: (a) => `${a.path}: 記録していません: 安全基準等の ID と、解決できる指針が必要です（kijun check ${a.path} で確認してください）`,
  },
  'review.record-taken': {
    en: (a) => `${a.path}: not recorded: "${a.file}" exists and is not the review record of ${a.standard}`,
    ja: (a) => `${a.path}: 記録していません: ${jq(a.file)}は既にあり、${a.standard} の確認記録ではありません`,
  },
  'review.written': { en: (a) => `${a.path}: recorded ${a.links} reviewed link(s) in ${a.file}`, ja: (a) => `${a.path}: 確認済みの対応 ${a.links} 件を ${a.file} に記録しました` },
  'review.up-to-date': { en: (a) => `${a.path}: ${a.file} is up to date (${a.links} reviewed link(s))`, ja: (a) => `${a.path}: ${a.file} は最新です（確認済みの対応 ${a.links} 件）` },
  'review.status': {
    en: (a) => `${a.path}: ${a.reviewed} link(s) reviewed, ${a.suspect} suspect, ${a.unreviewed} not reviewed${a.record ? ` (record: ${a.record})` : ' (no review record)'}`,
    ja: (a) => `${a.path}: 確認済み ${a.reviewed} 件、要確認 ${a.suspect} 件、未確認 ${a.unreviewed} 件${a.record ? `（確認記録: ${a.record}）` : '（確認記録なし）'}`,
  },
  'review.suspect-line': {
    en: (a) => `  suspect: ${a.clause} → ${a.item} (${a.changes} changed since ${a.reviewed})`,
    ja: (a) => `  要確認: ${a.clause} → ${a.item}（${a.reviewed} 以降に${a.changes}が変更）`,
  },
  'migrate.needs-to': { en: () => 'name the new edition: kijun migrate --to NEW [paths…]', ja: () => '移行先の版を指定してください: kijun migrate --to 新しい版 [ファイルまたはフォルダ…]' },
  'migrate.standard': { en: (a) => `${a.path} (${a.standard}): ${a.from} → ${a.to}`, ja: (a) => `${a.path}（${a.standard}）: ${a.from} → ${a.to} への移行` },
  'migrate.standard-already': { en: (a) => `${a.path} (${a.standard}): follows ${a.to} already`, ja: (a) => `${a.path}（${a.standard}）: ${a.to} に準拠済み` },
  'migrate.rewrite': { en: (a) => `rewrite ${a.from} → ${a.to}${a.reading ? ` (${a.reading})` : ''}`, ja: (a) => `書き換え ${a.from} → ${a.to}${a.reading ? `（${a.reading}）` : ''}` },
  'migrate.choose': { en: (a) => `choose for ${a.from} among ${a.to}${a.reading ? ` (${a.reading})` : ''}`, ja: (a) => `${a.from} の置き換え先を ${a.to} から選択${a.reading ? `（${a.reading}）` : ''}` },
  'migrate.remove': { en: (a) => `remove ${a.item}: ${a.to} has no such item, and none replaces it`, ja: (a) => `削除 ${a.item}: ${a.to} にはなく、置き換える項目もありません` },
  'migrate.address': { en: (a) => `address ${a.item}${itemMarksEn(a)}`, ja: (a) => `対応が必要 ${a.item}${itemMarksJa(a)}` },
  'migrate.consider': { en: (a) => `consider ${a.item}${itemMarksEn(a)}`, ja: (a) => `検討 ${a.item}${itemMarksJa(a)}` },
  'migrate.review': {
    en: (a) => `review clause ${a.clause} against ${a.item}${a.fields ? `: its ${a.fields} changed` : ''}`,
    ja: (a) => `見直し 条項 ${a.clause}（${a.item}${a.fields ? ` の${a.fields}が変更` : ''}）`,
  },
  'migrate.nothing': { en: () => 'nothing to do', ja: () => '作業なし' },
  'migrate.no-guideline': { en: (a) => `${a.path}: not migrated: it names no guideline`, ja: (a) => `${a.path}: 移行していません: 指針が指定されていません` },
  'migrate.not-superseded': {
    en: (a) => `${a.path}: not migrated: it follows ${a.guideline}, which ${a.to} does not supersede`,
    ja: (a) => `${a.path}: 移行していません: 準拠する ${a.guideline} は ${a.to} の改定前の版ではありません`,
  },
  'migrate.summary': {
    en: (a) => `Plan for ${a.standards} standard(s): ${a.rewrite} entr${a.rewrite === '1' ? 'y' : 'ies'} to rewrite, ${a.remove} to remove, ${a.address} item(s) to address or consider, ${a.suspect} link(s) to review`,
    ja: (a) => `安全基準等 ${a.standards} 件の作業: 書き換え ${a.rewrite} 件、削除 ${a.remove} 件、対応・検討する項目 ${a.address} 件、見直す対応 ${a.suspect} 件`,
  },
  'migrate.written': { en: (a) => `${a.path}: migrated to ${a.to} (${a.rewritten} entr${a.rewritten === '1' ? 'y' : 'ies'} rewritten)`, ja: (a) => `${a.path}: ${a.to} に移行しました（書き換え ${a.rewritten} 件）` },
  'migrate.unknown-guideline': {
    en: (a) => `unknown guideline "${a.value}" for --to; known guidelines: ${a.known}`,
    ja: (a) => `--to の指針${jq(a.value)}が見つかりません（既知の指針: ${a.known}）`,
  },
  'review.header': {
    en: () => 'Kijun review record: the guideline item each clause was last reviewed against. Written by kijun review --accept and the editor\'s "mark reviewed"; not to be edited by hand.',
    ja: () => 'Kijun の確認記録: 各条項が最後にどの内容の指針項目に照らして確認されたか。kijun review --accept とエディタの「確認済みにする」が書き出します。手で編集しないでください。',
  },
  'hover.edition-changed': { en: (a) => `**Changed since ${a.previous}:** ${a.fields}.`, ja: (a) => `**${a.previous} からの変更:** ${a.fields}。` },
  /** The sectors of an item that applies to every sector, in a change line. */
  'hover.all-sectors': { en: () => 'all sectors', ja: () => 'すべての分野' },
  'hover.change-line': { en: (a) => `${a.field} — before: ${a.before}; now: ${a.after}`, ja: (a) => `${a.field} — 変更前: ${a.before} / 変更後: ${a.after}` },
  'hover.edition-replaces': {
    en: (a) => `**Replaces** ${a.items} of ${a.previous} (${a.kind}${a.provisional ? `; ${a.provisional}` : ''}).`,
    ja: (a) => `${a.previous} の ${a.items} を**置き換える**項目（${a.kind}${a.provisional ? `。${a.provisional}` : ''}）。`,
  },
  'hover.edition-new': { en: (a) => `**New in this edition:** ${a.previous} has no such item.`, ja: (a) => `**この版で新設された項目**（${a.previous} にはありません）。` },
  'hover.edition-unchanged': { en: (a) => `Unchanged since ${a.previous}.`, ja: (a) => `${a.previous} から変更なし。` },
  'hover.suspect': {
    en: (a) => `**Changed since clause ${a.clause} was reviewed against it** (${a.reviewed} → ${a.current}): ${a.fields}.`,
    ja: (a) => `**条項 ${a.clause} の確認後に変更されています**（${a.reviewed} → ${a.current}）: ${a.fields}。`,
  },
  'hover.suspect-no-copy': {
    en: () => 'The review record keeps no copy of the item as it was reviewed, so what changed cannot be shown.',
    ja: () => '確認記録に確認時の項目の内容がないため、変更点は表示できません。',
  },
  'mark.kijun-reading': { en: () => "Kijun's reading, provisional", ja: () => 'Kijun の解釈・暫定' },
  'action.accept-reviews': { en: () => 'Mark every link of this standard reviewed (kijun review --accept)', ja: () => 'この安全基準等のすべての対応を確認済みにする（kijun review --accept）' },
  'action.mark-reviewed': { en: (a) => `Mark ${a.clause} → ${a.item} reviewed`, ja: (a) => `${a.clause} → ${a.item} を確認済みにする` },
  'lens.suspect': {
    en: (a) => `${a.count} suspect link${a.count === '1' ? '' : 's'}: guideline items changed since the clauses were reviewed`,
    ja: (a) => `要確認の対応 ${a.count} 件: 条項の確認後に指針項目が変更されています`,
  },
  'client.not-a-standard': { en: () => 'This document is not a Kijun safety standard.', ja: () => 'この文書は安全基準等ではありません。' },
  'client.coverage-title': { en: () => 'Coverage of guideline items', ja: () => '指針項目への対応状況' },

  // The coverage matrix (kijun coverage, the editor's coverage tree and report): README "Coverage reports".
  'status.not-applicable': { en: () => 'not applicable', ja: () => '対象外' },
  'obligation.must-consider': { en: () => 'must-consider', ja: () => '要検討事項' },
  'obligation.reference': { en: () => 'reference', ja: () => '参考事項' },
  'level.abstract': { en: () => 'abstract', ja: () => '抽象的内容' },
  'level.concrete': { en: () => 'concrete', ja: () => '具体的内容' },
  'matrix.title': { en: () => 'Coverage matrix', ja: () => '指針との対応表' },
  'matrix.guideline': { en: (a) => `Guideline ${a.title} (${a.id})`, ja: (a) => `指針${jq(a.title)}（${a.id}）` },
  'matrix.by-standard': { en: () => 'Guideline items × standards', ja: () => '指針項目 × 安全基準等' },
  'matrix.by-sector': {
    en: () => 'Guideline items × sectors: a sector\'s column is its standards together (is every item covered by some standard in force?)',
    ja: () => '指針項目 × 分野: 分野の列は、その分野の安全基準等を合わせた対応状況です（どの項目もいずれかの安全基準等で対応されているか）',
  },
  'matrix.column.guideline': { en: () => 'Guideline', ja: () => '指針' },
  'matrix.column.id': { en: () => 'Item', ja: () => '項目 ID' },
  'matrix.column.parent': { en: () => 'Parent', ja: () => '親項目' },
  'matrix.column.label': { en: () => 'No.', ja: () => '番号' },
  'matrix.column.title': { en: () => 'Title', ja: () => '表題' },
  'matrix.column.obligation': { en: () => 'Obligation', ja: () => '区分' },
  'matrix.column.level': { en: () => 'Level', ja: () => '内容' },
  'matrix.column.marks': { en: () => 'Notes', ja: () => '備考' },
  'matrix.column.totals': { en: () => 'Across the columns', ja: () => '列の集計' },
  'matrix.summary': { en: () => 'Summary', ja: () => '集計' },
  'matrix.total': { en: (a) => `Total ${a.state}`, ja: (a) => `計（${a.state}）` },
  'matrix.cell': { en: (a) => `${a.state}: ${a.detail}`, ja: (a) => `${a.state}：${a.detail}` },
  'matrix.through-children': { en: (a) => `through its sub-items (${a.done} of ${a.total})`, ja: (a) => `子項目により（${a.total} 件中 ${a.done} 件）` },
  'matrix.suspect-clause': { en: (a) => `${a.clause} (to review)`, ja: (a) => `${a.clause}（要確認）` },
  'matrix.children-done': { en: (a) => `${a.done} of ${a.total} sub-items`, ja: (a) => `子項目 ${a.total} 件中 ${a.done} 件` },
  'matrix.excluded-via': { en: (a) => `${a.reason} (with ${a.item})`, ja: (a) => `${a.reason}（${a.item} の除外による）` },
  'matrix.provisional': { en: () => 'provisional (Kijun\'s own suggestion, not the guideline\'s)', ja: () => '暫定（指針ではなく Kijun による補足）' },
  'matrix.provisional-short': { en: () => 'provisional', ja: () => '暫定' },
  'matrix.unconfirmed': { en: () => 'unconfirmed against a published source', ja: () => '未確認（公表資料で確認できていない）' },
  'matrix.no-standard': { en: () => 'no standard of this sector among the inputs', ja: () => 'この分野の安全基準等が入力にありません' },
  'matrix.sector-without-standard': { en: (a) => `${a.sector} (no standard among the inputs)`, ja: (a) => `${a.sector}（安全基準等なし）` },
  'matrix.standards': { en: (a) => `Standards: ${a.names}`, ja: (a) => `安全基準等: ${a.names}` },
  'matrix.legend': { en: () => 'Legend', ja: () => '凡例' },
  'matrix.filter-gaps': { en: () => 'Only items with gaps (uncovered or partial)', ja: () => '未対応・一部対応のある項目のみ表示' },
  'matrix.none': { en: () => 'No safety standard among the inputs: there is nothing to tabulate.', ja: () => '入力に安全基準等がないため、対応表はありません。' },
  'matrix.notes': { en: () => 'Notes', ja: () => '注記' },
  'matrix.note.guideline-unknown': {
    en: (a) => (a.guideline ? `${a.path}: guideline "${a.guideline}" not found; the standard is not in the matrix` : `${a.path}: names no guideline; the standard is not in the matrix`),
    ja: (a) => (a.guideline ? `${a.path}: 指針${jq(a.guideline)}が見つからないため、この安全基準等は対応表にありません` : `${a.path}: 指針（guideline:）の指定がないため、この安全基準等は対応表にありません`),
  },
  'matrix.note.sector-unknown': {
    en: (a) => `${a.path}: its sector does not resolve in guideline ${a.guideline}; it is in no sector's column`,
    ja: (a) => `${a.path}: 分野が指針 ${a.guideline} にないため、どの分野の列にも含めていません`,
  },
  'matrix.note.errors': {
    en: (a) => `${a.path}: ${a.errors} error(s), so the coverage shown may be incomplete (kijun check lists them)`,
    ja: (a) => `${a.path}: エラーが ${a.errors} 件あるため、対応状況が不完全な可能性があります（kijun check で確認できます）`,
  },
  'tree.no-standards': { en: () => 'No safety standard in the workspace.', ja: () => 'ワークスペースに安全基準等がありません。' },
  'tree.standards': { en: (a) => `${a.count} standard(s)`, ja: (a) => `安全基準等 ${a.count} 件` },
  'tree.in-standards': { en: (a) => `${a.done} of ${a.total} standards`, ja: (a) => `安全基準等 ${a.total} 件中 ${a.done} 件` },
  'client.report-title': { en: () => 'Kijun coverage matrix', ja: () => 'Kijun 指針との対応表' },
  'cli.bad-coverage-format': {
    en: (a) => `--format must be md, html, csv, xlsx or json, not "${a.value}"`,
    ja: (a) => `--format には md・html・csv・xlsx・json のいずれかを指定してください（${jq(a.value)}が指定されています）`,
  },
  'cli.bad-by': { en: (a) => `--by must be standard or sector, not "${a.value}"`, ja: (a) => `--by には standard か sector を指定してください（${jq(a.value)}が指定されています）` },
  'cli.binary-to-terminal': {
    en: () => 'XLSX is binary and standard output is a terminal: give --output FILE.xlsx, or redirect the output to a file',
    ja: () => 'XLSX はバイナリ形式のため端末には出力しません。--output ファイル名.xlsx を指定するか、出力をファイルにリダイレクトしてください',
  },
  'cli.cannot-write': { en: (a) => `cannot write "${a.path}": ${a.reason}`, ja: (a) => `${jq(a.path)}に書き込めません: ${a.reason}` },
  'cli.note': { en: (a) => `note: ${a.text}`, ja: (a) => `注記: ${a.text}` },
  'cli.progress.walk': { en: (a) => `finding files… ${a.count}`, ja: (a) => `ファイルを探しています… ${a.count} 件` },
  'cli.progress.read': { en: (a) => `reading ${a.done} of ${a.total} files`, ja: (a) => `読み込み中: ${a.total} 件中 ${a.done} 件` },
  'cli.progress.analyse': { en: (a) => `checking ${a.done} of ${a.total} documents`, ja: (a) => `検査中: ${a.total} 件中 ${a.done} 件` },
  'cli.timing': {
    en: (a) => `timing: reading ${a.read} ms, checking ${a.analyse} ms, output ${a.output} ms; total ${a.total} ms`,
    ja: (a) => `所要時間: 読み込み ${a.read} ms、検査 ${a.analyse} ms、出力 ${a.output} ms（合計 ${a.total} ms）`,
  },
  'client.covered-by': { en: (a) => `covered by ${a.clauses}`, ja: (a) => `対応する条項: ${a.clauses}` },
  'client.children-done': { en: (a) => `${a.done} of ${a.total} sub-items done`, ja: (a) => `子項目 ${a.total} 件中 ${a.done} 件に対応` },
  'client.go-to-definition': { en: () => "Go to the item's definition in the guideline", ja: () => '指針の項目の定義へ移動' },
  'client.restarted': { en: () => 'Kijun: the language server has been restarted.', ja: () => 'Kijun: 言語サーバーを再起動しました。' },
} satisfies Record<string, Record<Locale, Render>>;

export type InterfaceText = keyof typeof interfaceTexts;

export const interfaceTextKeys = Object.keys(interfaceTexts) as InterfaceText[];

export function renderText(key: InterfaceText, args: MessageArgs, locale: Locale): string {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) rendered[name] = text(value, locale);
  return interfaceTexts[key][locale](rendered);
}
