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
