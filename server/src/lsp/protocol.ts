/**
 * Kijun's own protocol additions, shared by the server and the client. Plain names and shapes
 * only, so that both sides can import this file without pulling in the other's libraries.
 */
import type { CoverageRow, Tally } from '../core/analysis/coverage';

/** Server → client, after each check of a document: the coverage of a standard (or nothing). */
export const CoverageNotification = { method: 'kijun/coverage' } as const;

export interface CoverageParams {
  uri: string;
  guideline?: string;
  mustConsider?: Tally;
  reference?: Tally;
  uncovered?: string[];
}

/** Client → server: the text of a bundled guideline, for the read-only `kijun-bundled:` documents. */
export const BundledGuidelineRequest = { method: 'kijun/bundledGuideline' } as const;

/** Client → server: the full coverage report of a standard. */
export const CoverageReportRequest = { method: 'kijun/coverageReport' } as const;

/** Which standards a coverage tree or report is about: every standard of the workspace, or one. */
export interface CoverageScopeParams {
  scope: 'workspace' | 'standard';
  /** The standard, when the scope is one standard. */
  uri?: string;
}

/**
 * Client → server: the coverage tree (guideline → items → clauses) for the "Kijun Coverage" view, ready to show,
 * as a flat list of nodes: each names its parent (none for the top ones), and siblings come in the list's order.
 * Flat, because a guideline's items may nest thousands deep, more than a nested message could carry.
 */
export const CoverageTreeRequest = { method: 'kijun/coverageTree' } as const;

export interface CoverageTreeNode {
  /** Unique in the tree and the same from one refresh to the next, so that the view keeps what is expanded. */
  id: string;
  parent?: string;
  kind: 'guideline' | 'item' | 'clause' | 'exclusion' | 'standard' | 'message';
  label: string;
  description?: string;
  tooltip?: string;
  /** The coverage state, for the icon (an item, or a standard's cell in the workspace view). */
  state?: 'covered' | 'partial' | 'excluded' | 'uncovered' | 'not-applicable';
  /** Where a click goes: the clause, the exclusion, the standard, or the item's definition. */
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

/** Client → server: the coverage matrix as one self-contained HTML page (`kijun coverage --format html`), or null. */
export const CoverageHtmlRequest = { method: 'kijun/coverageHtml' } as const;

/** Server → client: the workspace was read again from disk (indexing, a file changed): coverage views are stale. */
export const WorkspaceChangedNotification = { method: 'kijun/workspaceChanged' } as const;

/** A row of the coverage report: the core's coverage row and where its item is defined. */
export type CoverageReportRow = CoverageRow & { definition?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } };

/** Client → server: the quick fixes (code actions) for one item of a standard's coverage, as the coverage list offers them. */
export const ItemFixesRequest = { method: 'kijun/itemFixes' } as const;

/**
 * Client command run after a quick fix is applied: selects its placeholder (the new clause's text,
 * the exclusion's reason), so that the author types there. The server uses it only when the client
 * names it in `initializationOptions.commands`.
 */
export const SelectCommand = 'kijun.select';

/** Client commands that code lenses invoke. */
export const ShowCoverageCommand = 'kijun.showCoverage';
/** What picking an item of the coverage list does (its quick fixes, or its definition), by standard URI and item id. */
export const OpenCoverageItemCommand = 'kijun.openCoverageItem';
export const FindReferencesCommand = 'kijun.findReferences';
export const BundledScheme = 'kijun-bundled';
