/**
 * Kijun's own protocol additions, shared by the server and the client. Plain names and shapes
 * only, so that both sides can import this file without pulling in the other's libraries.
 */
import type { Tally } from '../core/analysis/coverage';

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

/** Client commands that code lenses invoke. */
export const ShowCoverageCommand = 'kijun.showCoverage';
export const FindReferencesCommand = 'kijun.findReferences';
export const BundledScheme = 'kijun-bundled';
