import { CoverageReport, CoverageRow, coverageRows, DocumentAnalysis, Finding, LineIndex, Locale, renderMessage, Workspace } from '../core';
import { NotReadReason } from '../node/files';

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
}

export function buildReport(analyses: DocumentAnalysis[], workspace: Workspace, skipped: ReportSkipped[], locale: Locale): Report {
  const report: Report = { files: [], skipped, coverage: [], summary: { files: analyses.length, errors: 0, warnings: 0, information: 0 } };
  for (const analysis of analyses) {
    const lines = workspace.lines(analysis.uri) ?? new LineIndex('');
    report.files.push({
      path: analysis.uri,
      kind: analysis.model?.kind,
      findings: analysis.findings.map((f) => {
        const start = lines.positionAt(f.span.start);
        const end = lines.positionAt(f.span.end);
        if (f.severity === 'error') report.summary.errors++;
        else if (f.severity === 'warning') report.summary.warnings++;
        else report.summary.information++;
        return {
          line: start.line + 1,
          column: start.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          severity: f.severity,
          code: f.code,
          message: renderMessage(f.code, f.args, locale),
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
