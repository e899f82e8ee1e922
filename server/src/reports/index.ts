/**
 * Report renderers: plain functions from the analysis (a `Report`) to the text a user, a CI system or another
 * tool reads. Shared by the CLI, the language server and the tests; no file system, no protocol.
 */
export { buildReport } from './report';
export type { Report, ReportCoverage, ReportFinding, ReportRelated, ReportSkipped } from './report';
export { textReport } from './text';
export { githubReport } from './github';
export { applyBaseline, baselineText, fingerprintOf, parseBaseline } from './baseline';
export type { BaselineEntry, BaselineProblem } from './baseline';
export { failsRun, verdict } from './gate';
export type { GateOptions, Verdict } from './gate';
export { sarifReport } from './sarif';
export type { SarifOptions } from './sarif';
export { junitReport } from './junit';
export { oscalCatalog, oscalComponentDefinition, oscalFileName } from './oscal';
export type { OscalOptions } from './oscal';
// The coverage matrix (`kijun coverage`, the editor's coverage tree and report). The XLSX renderer is imported
// from './coverageXlsx' where it is needed, so that exceljs is loaded only then.
export { buildCoverageMatrix, cellStates, cellText, stateWord } from './coverageMatrix';
export type { CellState, CoverageMatrix, GuidelineMatrix, MatrixCell, MatrixColumn, MatrixNote, MatrixRow } from './coverageMatrix';
export { markdownCoverage } from './coverageMarkdown';
export { htmlCoverage } from './coverageHtml';
export { csvCoverage } from './coverageCsv';
