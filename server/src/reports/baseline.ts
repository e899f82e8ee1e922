import { createHash } from 'crypto';
import { Finding, MessageArgs, TreeNode } from '../core';
import { Report } from './report';

/**
 * Fingerprints and baselines (README, "Kijun in CI").
 *
 * A fingerprint names a finding without its position, so that it stays the same when lines are added or
 * removed above it, and changes when the finding's subject does. It is a hash of:
 *
 * - the finding's code;
 * - the document's path (as the run shows it, with `/` separators);
 * - the key path of the node the finding starts in, from the document's root: map keys, and list entries by
 *   their `id` (or `item`, `sector`, `threat`, `measure`, `name`) — `clauses/[id=S-1]/threats/[#0]` — and by
 *   position only when an entry has no such key;
 * - the subject: the guideline item for findings about an item (coverage findings all share one span, the
 *   `guideline:` value, so the item is what tells them apart); otherwise the offending text (when it lies on one
 *   line) and the message's arguments, leaving out those that change while the finding does not (the line of an
 *   earlier definition, the number of standards in the workspace).
 *
 * Two findings can share a fingerprint (the same typo twice in one clause). A baseline therefore counts: a
 * fingerprint listed twice accepts two findings, and a third is new.
 */

/** Message arguments that change while the finding stays the same: line numbers, counts of other documents. */
const volatileArguments = new Set(['firstLine', 'standards']);

/** Keys that name a list entry, in order of preference. */
const entryNames = ['id', 'item', 'sector', 'threat', 'measure', 'name'];

const FINGERPRINT_VERSION = 'kijun-fingerprint/1';

/** The document a finding belongs to: its path as the run shows it, its text and its parsed tree. */
export interface FingerprintSource {
  path: string;
  text: string;
  root?: TreeNode;
}

export function fingerprintOf(finding: Finding, source: FingerprintSource): string {
  const subject = finding.itemId !== undefined
    ? { item: finding.itemId }
    : { text: offendingText(source.text, finding.span.start, finding.span.end), args: stableArguments(finding.args) };
  const input = JSON.stringify([FINGERPRINT_VERSION, finding.code, source.path.replace(/\\/g, '/'), keyPath(source.root, finding.span.start), subject]);
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}

/** The finding's text when it is short and on one line; a longer span is located by its key path alone. */
function offendingText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.length <= 200 && !/[\r\n]/.test(raw) ? raw.trim() : '';
}

function stableArguments(args: MessageArgs): [string, unknown][] {
  return Object.entries(args)
    .filter(([name, value]) => value !== undefined && !volatileArguments.has(name))
    .map(([name, value]): [string, unknown] => [name, typeof value === 'object' ? [value.en, value.ja] : value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The keys from the root down to the node the offset lies in. Children are found by binary search on their
 * start (they are in document order), so a finding in a 20,000-clause standard costs a few dozen steps.
 */
export function keyPath(root: TreeNode | undefined, offset: number): string[] {
  const segments: string[] = [];
  let node = root;
  while (node && node.kind !== 'scalar') {
    if (node.kind === 'map') {
      const entries = node.entries;
      const at = lastStartingAtOrBefore(entries.length, (i) => entries[i].keySpan.start, offset);
      if (at < 0) break;
      const entry = entries[at];
      segments.push(entry.key);
      // A finding on the key itself (an unknown key, a duplicate key) ends the path there.
      if (offset < entry.value.span.start) break;
      node = entry.value;
    } else {
      const items = node.items;
      const at = lastStartingAtOrBefore(items.length, (i) => items[i].span.start, offset);
      if (at < 0) break;
      segments.push(`[${entryName(items[at]) ?? `#${at}`}]`);
      node = items[at];
    }
  }
  return segments;
}

/** The index of the last of `count` children (in document order) whose start is at or before the offset, or -1. */
function lastStartingAtOrBefore(count: number, startOf: (index: number) => number, offset: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startOf(middle) <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function entryName(node: TreeNode): string | undefined {
  if (node.kind !== 'map') return undefined;
  for (const key of entryNames) {
    const value = node.entries.find((e) => e.key === key)?.value;
    if (value?.kind === 'scalar' && value.value !== null) return `${key}=${value.raw ?? String(value.value)}`;
  }
  return undefined;
}

/** One accepted finding of a baseline file. Only the fingerprint is matched; the rest is for the people who review it. */
export interface BaselineEntry {
  fingerprint: string;
  path: string;
  code: string;
  message: string;
}

const BASELINE_VERSION = 1;

/** The baseline file of a run: every finding, sorted so that a changed baseline reads well in a diff. */
export function baselineText(report: Report): string {
  const findings: BaselineEntry[] = report.files.flatMap((file) =>
    file.findings.map((f) => ({ fingerprint: f.fingerprint, path: file.path, code: f.code, message: f.message })));
  findings.sort((a, b) => compare(a.path, b.path) || compare(a.code, b.code) || compare(a.fingerprint, b.fingerprint));
  return `${JSON.stringify({ kijunBaseline: BASELINE_VERSION, findings }, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Why a file is not a baseline (the CLI says it with the catalogue's `baseline.<problem>` text). */
export type BaselineProblem = 'not-json' | 'not-a-baseline' | 'unsupported-version';

export function parseBaseline(text: string): BaselineEntry[] | { problem: BaselineProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { problem: 'not-json' };
  }
  if (typeof data !== 'object' || data === null || !('kijunBaseline' in data)) return { problem: 'not-a-baseline' };
  const { kijunBaseline, findings } = data as { kijunBaseline: unknown; findings: unknown };
  if (kijunBaseline !== BASELINE_VERSION) return { problem: 'unsupported-version' };
  if (!Array.isArray(findings) || !findings.every((f) => typeof f === 'object' && f !== null && typeof (f as BaselineEntry).fingerprint === 'string')) {
    return { problem: 'not-a-baseline' };
  }
  return findings as BaselineEntry[];
}

/**
 * Marks the findings of the report that the baseline accepts (`baselined`), each baseline entry accepting one
 * finding with its fingerprint, and records the outcome in `report.baseline`.
 */
export function applyBaseline(report: Report, entries: BaselineEntry[], path: string): void {
  const remaining = new Map<string, number>();
  for (const entry of entries) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  let matched = 0;
  let fresh = 0;
  for (const file of report.files) {
    for (const finding of file.findings) {
      const left = remaining.get(finding.fingerprint) ?? 0;
      if (left > 0) {
        remaining.set(finding.fingerprint, left - 1);
        finding.baselined = true;
        matched++;
      } else fresh++;
    }
  }
  let stale = 0;
  for (const left of remaining.values()) stale += left;
  report.baseline = { path, matched, new: fresh, stale };
}
