import * as fs from 'fs';
import * as path from 'path';
import { DocumentFormat, Finding, LineIndex, Locale, renderMessage, Workspace } from '../server/src/core';
import { loadBundledGuidelines } from '../server/src/node/bundled';

/** The repository root, from `out/test/` where the compiled tests run. */
export const repoRoot = path.resolve(__dirname, '..', '..');

let bundledCache: ReturnType<typeof loadBundledGuidelines> | undefined;
export function bundled(): ReturnType<typeof loadBundledGuidelines> {
  return (bundledCache ??= loadBundledGuidelines(repoRoot));
}

/** Joins lines with "\n": keeps multi-line fixtures readable and their line numbers obvious. */
export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}

/** A finding as the tests compare it: code, 1-based start and end, severity and rendered message. */
export interface Shown {
  code: string;
  range: string;
  severity: string;
  message: string;
}

export function show(finding: Finding, text: string, locale: Locale = 'en'): Shown {
  const index = new LineIndex(text);
  const s = index.positionAt(finding.span.start);
  const e = index.positionAt(finding.span.end);
  return {
    code: finding.code,
    range: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`,
    severity: finding.severity,
    message: renderMessage(finding.code, finding.args, locale),
  };
}

export interface Doc {
  uri: string;
  text: string;
}

export function formatOfUri(uri: string): DocumentFormat {
  return uri.endsWith('.md') ? 'markdown' : 'yaml';
}

/** A workspace holding the bundled guidelines and the given documents. */
export function workspaceWith(...docs: Doc[]): Workspace {
  const workspace = new Workspace(bundled());
  for (const doc of docs) workspace.set(doc.uri, doc.text, formatOfUri(doc.uri));
  return workspace;
}

/** Findings of the first document, analysed together with the others, as `Shown`. */
export function check(doc: Doc, others: Doc[] = [], locale: Locale = 'en', filter?: (f: Finding) => boolean): Shown[] {
  const workspace = workspaceWith(doc, ...others);
  return workspace.analyze(doc.uri).findings.filter(filter ?? (() => true)).map((f) => show(f, doc.text, locale));
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(repoRoot, relative), 'utf8');
}
