import { Bilingual } from '../messages';

/** What the `yaml` package's error codes mean, in words an author understands, for `syntax.yaml`. */
export const yamlProblems: Record<string, Bilingual> = {
  BAD_INDENT: { en: 'the indentation does not match the surrounding lines.', ja: 'インデントが前後の行と合っていません。' },
  MISSING_CHAR: { en: 'a closing quote or bracket is missing.', ja: '閉じ引用符または閉じ括弧がありません。' },
  BLOCK_AS_IMPLICIT_KEY: { en: 'a block value cannot be used as a key.', ja: 'ブロックをキーとして使うことはできません。' },
  IMPLICIT_KEY: {
    en: 'a line here must be a key followed by a colon and a space ("key: value") or a list entry ("- value").',
    ja: 'この行は「キー: 値」（コロンの後に空白）またはリストの要素（「- 値」）の形で記載してください。',
  },
  MULTILINE_IMPLICIT_KEY: { en: 'a key must fit on one line; is a ":" missing or misplaced?', ja: 'キーは 1 行に収める必要があります。「:」の位置を確認してください。' },
  TAB_AS_INDENT: { en: 'tabs cannot be used for indentation.', ja: 'インデントにタブは使えません。' },
  UNEXPECTED_TOKEN: { en: 'unexpected content here.', ja: 'ここに予期しない記述があります。' },
  BAD_SCALAR_START: { en: 'a plain value cannot start with this character; quote the value.', ja: 'この文字で値を始めることはできません。値を引用符で囲んでください。' },
  MULTIPLE_DOCS: { en: 'a file holds one document; remove the extra "---".', ja: '1 つのファイルには 1 つの文書だけを記載します。余分な「---」を削除してください。' },
  BAD_ALIAS: { en: 'this alias names no anchor.', ja: 'このエイリアスに対応するアンカーがありません。' },
  BAD_DQ_ESCAPE: { en: 'invalid escape sequence in a double-quoted value.', ja: '二重引用符の値に不正なエスケープがあります。' },
  KEY_OVER_1024_CHARS: { en: 'a key longer than 1024 characters.', ja: '1024 文字を超えるキーです。' },
};
