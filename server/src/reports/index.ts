/**
 * Report renderers: plain functions from the analysis (a `Report`) to the text a user, a CI system or another
 * tool reads. Shared by the CLI, the language server and the tests; no file system, no protocol.
 */
export { buildReport } from './report';
export type { Report, ReportCoverage, ReportFinding, ReportSkipped } from './report';
export { textReport } from './text';
export { githubReport } from './github';
