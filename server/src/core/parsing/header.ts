import { documentKinds, DocumentKind } from './parse';

/**
 * Reads a top-level `key: value` of a document without parsing it: completion and the workspace
 * need the document's kind, guideline and sector on every request, and must stay fast on
 * standards of thousands of clauses. Authors put these keys at the top, but YAML dumpers sort
 * keys (`class, clauses, …, guideline, id, kijun, sector`), so after a quick look at the first
 * lines the whole text is searched with `indexOf`, line starts only. In Markdown only the front
 * matter counts: a prose line in the body that happens to read `sector: …` is not the header.
 */
export function headerValue(text: string, key: string): string | undefined {
  const limit = headerEnd(text);
  const head = text.slice(0, Math.min(limit, HEAD));
  const pattern = linePattern(key);
  const quick = pattern.exec(head);
  if (quick) return quick[1] || undefined;
  if (limit <= HEAD) return undefined;
  // Only occurrences at the start of a line count (after LF, or CR in a file with CR-only line ends).
  for (let at = text.indexOf(key, HEAD - key.length); at >= 0 && at < limit; at = text.indexOf(key, at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    const m = pattern.exec(text.slice(at, lineEndAt(text, at)));
    if (m) return m[1] || undefined;
  }
  return undefined;
}

export function documentKindOf(text: string): DocumentKind | undefined {
  const value = headerValue(text, 'kijun');
  return (documentKinds as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

function lineEndAt(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The first lines, where the header keys usually are. */
const HEAD = 4096;

const patterns = new Map<string, RegExp>();

function linePattern(key: string): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^\\ufeff?${key}[ \\t]*[:：][ \\t\\u3000]*["']?([^"'#\\r\\n]*?)["']?[ \\t]*(?:#.*)?$`, 'm');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Where the header may end: the closing fence of Markdown front matter, or the end of a YAML text. */
function headerEnd(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return text.length;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = start + 3;
  const m = close.exec(text);
  return m ? m.index + 1 : text.length;
}
