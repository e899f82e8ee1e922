/**
 * Turns the bytes of a file into the text the core analyses. One decoder for the CLI and the
 * language server, so that both read a file the same way.
 *
 * Kijun documents are UTF-8 (with or without a byte order mark). UTF-16 with a byte order mark, which
 * some Windows tools write, is decoded too. Shift_JIS, which Excel and older Windows tools write, is
 * recognised but not analysed: read as UTF-8 it would be garbage, and guessing its characters is not
 * good enough for documents whose every name is compared; the author is told to save it as UTF-8.
 */

export type CheckableEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
export type UncheckedEncoding = 'shift_jis' | 'unknown';

export type DecodedText =
  | { checkable: true; encoding: CheckableEncoding; text: string }
  /**
   * The text cannot be analysed. `text` is a best-effort reading (Shift_JIS decoded, or UTF-8 with
   * replacement characters) that serves only to tell whether the file is meant as a Kijun document.
   */
  | { checkable: false; encoding: UncheckedEncoding; text: string };

export function decodeText(bytes: Uint8Array): DecodedText {
  // A byte order mark says what the file is; the decoders drop it, as editors do, so columns agree with theirs.
  const marked = byteOrderMark(bytes);
  const encoding = marked ?? 'utf-8';
  try {
    return { checkable: true, encoding, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    // Not valid in that encoding: see below.
  }
  const shiftJis = marked ? undefined : decodeShiftJis(bytes);
  if (shiftJis !== undefined && looksJapanese(shiftJis)) return { checkable: false, encoding: 'shift_jis', text: shiftJis };
  return { checkable: false, encoding: 'unknown', text: new TextDecoder(encoding).decode(bytes) };
}

function byteOrderMark(bytes: Uint8Array): CheckableEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The bytes read as Shift_JIS (Windows' code page 932, as the WHATWG encoding "shift_jis" is), or undefined when they are not. */
function decodeShiftJis(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    // Invalid Shift_JIS, or a Node.js built without full ICU (which has no Shift_JIS decoder).
    return undefined;
  }
}

/**
 * Whether a text that decoded as valid Shift_JIS reads as Japanese: most of its non-ASCII characters are
 * kana, kanji or full-width forms. Bytes of other encodings that happen to be valid Shift_JIS decode mostly
 * to half-width katakana and rare symbols instead.
 */
function looksJapanese(text: string): boolean {
  let nonAscii = 0;
  let japanese = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) continue;
    nonAscii++;
    if ((code >= 0x3000 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff5e)) japanese++;
  }
  return japanese > 0 && japanese * 2 >= nonAscii;
}
