import { DocumentAnalysis, Finding, Locale } from '../../server/src/core';
import { Doc, show, Shown, workspaceWith } from '../helpers';

/** Analyses the first document together with the others. */
export function analyze(doc: Doc, others: Doc[] = []): DocumentAnalysis {
  return workspaceWith(doc, ...others).analyze(doc.uri);
}

/** `check`, keeping only the findings whose code is one of `codes` (or starts with a code ending in "."). */
export function only(codes: string[], findings: Finding[], text: string, locale: Locale = 'en'): Shown[] {
  const wanted = (code: string): boolean => codes.some((c) => (c.endsWith('.') ? code.startsWith(c) : code === c));
  return findings.filter((f) => wanted(f.code)).map((f) => show(f, text, locale));
}

/** Runs `fn` and returns its result with the time it took, in milliseconds. */
export function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** A small deterministic pseudo-random generator (mulberry32), so that fuzz cases are reproducible. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 1-based `line:col-line:col` of the first occurrence of `needle` (the `nth`, 0-based) in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const position = (o: number): string => {
    const before = text.slice(0, o);
    const line = before.split('\n').length;
    const column = o - (before.lastIndexOf('\n') + 1) + 1;
    return `${line}:${column}`;
  };
  return `${position(offset)}-${position(offset + needle.length)}`;
}
