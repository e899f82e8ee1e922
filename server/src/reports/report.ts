import { CoverageReport, CoverageRow, coverageRows, DocumentAnalysis, Finding, LineIndex, Locale, renderMessage, renderText, Span, Workspace } from '../core';
import { NotReadReason } from '../node/files';
import { fingerprintOf } from './baseline';

/**
 * The result of a `kijun check` run as plain data: what every renderer (text, JSON, GitHub annotations, and
 * the formats for code scanning and test dashboards) starts from. Built from the core's analyses; positions are
 * 1-based lines and columns, messages rendered in the run's locale.
 */
export interface ReportFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
  /** Names the finding whatever its line (`baseline.ts`): what a baseline and SARIF's partialFingerprints match. */
  fingerprint: string;
  /** Other places that explain the finding, e.g. the item's definition in its guideline. */
  related?: ReportRelated[];
  /** Set when a baseline accepts the finding: it is still reported, but does not fail the run. */
  baselined?: true;
}

/** A related place: `path` is a checked document's path, or `bundled:<file>` for a bundled guideline. */
export interface ReportRelated {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface ReportCoverage {
  path: string;
  standard: string;
  guideline: string;
  mustConsider: CoverageReport['mustConsider'];
  reference: CoverageReport['reference'];
  items: CoverageRow[];
}

/** A path that was not checked, and why. */
export interface ReportSkipped {
  path: string;
  reason: NotReadReason;
  /** The path was to be checked and could not be read: the run exits with status 2. */
  failing: boolean;
  message: string;
}

export interface Report {
  files: { path: string; kind?: string; findings: ReportFinding[] }[];
  skipped: ReportSkipped[];
  coverage: ReportCoverage[];
  summary: { files: number; errors: number; warnings: number; information: number };
  /** With `--baseline` or `--write-baseline`: how the findings matched the baseline. */
  baseline?: { path: string; matched: number; new: number; stale: number };
}

export function buildReport(analyses: DocumentAnalysis[], workspace: Workspace, skipped: ReportSkipped[], locale: Locale): Report {
  const report: Report = { files: [], skipped, coverage: [], summary: { files: analyses.length, errors: 0, warnings: 0, information: 0 } };
  for (const analysis of analyses) {
    const lines = workspace.lines(analysis.uri) ?? new LineIndex('');
    const source = { path: analysis.uri, text: workspace.text(analysis.uri) ?? '', root: workspace.parsed(analysis.uri)?.root };
    report.files.push({
      path: analysis.uri,
      kind: analysis.model?.kind,
      findings: analysis.findings.map((f) => {
        if (f.severity === 'error') report.summary.errors++;
        else if (f.severity === 'warning') report.summary.warnings++;
        else report.summary.information++;
        const related = relatedPlaces(f, workspace, locale);
        return {
          ...positions(lines, f.span),
          severity: f.severity,
          code: f.code,
          message: renderMessage(f.code, f.args, locale),
          fingerprint: fingerprintOf(f, source),
          ...(related.length ? { related } : {}),
        };
      }),
    });
    if (analysis.coverage && analysis.model?.kind === 'standard') {
      const c = analysis.coverage;
      report.coverage.push({
        path: analysis.uri,
        standard: analysis.model.id?.value ?? '',
        guideline: c.guidelineId,
        mustConsider: c.mustConsider,
        reference: c.reference,
        items: coverageRows(c, locale),
      });
    }
  }
  return report;
}

/** A span as 1-based lines and columns, the end exclusive (the column after the last character). */
function positions(lines: LineIndex, span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The finding's related places whose text the workspace has (as the language server shows them). */
function relatedPlaces(finding: Finding, workspace: Workspace, locale: Locale): ReportRelated[] {
  return (finding.related ?? []).flatMap((related) => {
    const lines = workspace.lines(related.uri);
    if (!lines) return [];
    return [{ path: related.uri, ...positions(lines, related.span), message: renderText(related.caption.key, related.caption.args, locale) }];
  });
}
