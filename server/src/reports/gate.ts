import { Report, ReportFinding } from './report';

/** What makes a `kijun check` run fail (exit status 1), besides files that could not be read. */
export interface GateOptions {
  /** The lowest severity that fails the run. */
  failOn: 'error' | 'warning';
  /** More warnings than this fail the run (`--max-warnings`). */
  maxWarnings?: number;
}

/** Whether a finding by itself fails the run: severe enough, and not accepted by the baseline. */
export function failsRun(finding: ReportFinding, failOn: GateOptions['failOn']): boolean {
  if (finding.baselined) return false;
  return finding.severity === 'error' || (failOn === 'warning' && finding.severity === 'warning');
}

export interface Verdict {
  /** Findings that fail the run by themselves. */
  failing: number;
  /** Warnings the baseline does not accept (what `--max-warnings` counts). */
  warnings: number;
  /** More warnings than `--max-warnings` allows. */
  tooManyWarnings: boolean;
}

export function verdict(report: Report, options: GateOptions): Verdict {
  let failing = 0;
  let warnings = 0;
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (failsRun(finding, options.failOn)) failing++;
      if (finding.severity === 'warning' && !finding.baselined) warnings++;
    }
  }
  return { failing, warnings, tooManyWarnings: options.maxWarnings !== undefined && warnings > options.maxWarnings };
}
