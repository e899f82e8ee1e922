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
  for (let at = text.indexOf(`\n${key}`, HEAD - key.length - 1); at >= 0 && at < limit; at = text.indexOf(`\n${key}`, at + 1)) {
    const lineEnd = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, lineEnd < 0 ? text.length : lineEnd);
    const m = pattern.exec(line);
    if (m) return m[1] || undefined;
  }
  return undefined;
}

export function documentKindOf(text: string): DocumentKind | undefined {
  const value = headerValue(text, 'kijun');
  return (documentKinds as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

/** The first lines, where the header keys usually are. */
const HEAD = 4096;

const patterns = new Map<string, RegExp>();

function linePattern(key: string): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^\\ufeff?${key}[ \\t]*:[ \\t]*["']?([^"'#\\r\\n]*?)["']?[ \\t]*(?:#.*)?\\r?$`, 'm');
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
