import { describeRule, Locale, messageCodes, renderText } from '../core';
import { Report, ReportFinding, ReportRelated } from './report';

/**
 * SARIF 2.1.0 (OASIS), for code scanning (GitHub's upload-sarif, and other SARIF viewers). One run; its tool
 * lists every finding code as a rule, with short and full descriptions and help from the message catalogue in
 * the run's locale. Paths are relative references against `%SRCROOT%`, the folder the run was started in;
 * bundled guidelines (the items that coverage findings point at) are relative to `KIJUN_GUIDELINES`. Regions are
 * exact: 1-based lines and columns counted in UTF-16 code units, the end column exclusive. Each result carries
 * the finding's fingerprint in `partialFingerprints`, so that a result is recognised when its lines move, and,
 * when the run used a baseline, its `baselineState` (`unchanged` for a finding the baseline accepts, else `new`).
 */

/** The `$schema` and `version` of the format, as published by OASIS (SARIF 2.1.0 with errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of Kijun's fingerprint in `partialFingerprints` (a versioned name, as SARIF asks). */
export const FINGERPRINT_KEY = 'kijunFindingHash/v1';

const SRCROOT = '%SRCROOT%';
const BUNDLED = 'KIJUN_GUIDELINES';

export interface SarifOptions {
  locale: Locale;
  /** The tool's version (package.json). */
  version: string;
  /** `file:` URI of the folder the run started in, ending in `/`: paths are relative to it. */
  srcRoot: string;
  /** `file:` URI of the bundled guidelines' folder, ending in `/`. */
  bundledRoot: string;
}

export function sarifReport(report: Report, options: SarifOptions): string {
  const ruleIndex = new Map(messageCodes.map((code, index) => [code as string, index]));
  const results = report.files.flatMap((file) => file.findings.map((finding) => result(file.path, finding, ruleIndex, report)));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Kijun',
          version: options.version,
          semanticVersion: options.version,
          language: options.locale,
          rules: messageCodes.map((code) => {
            const rule = describeRule(code, options.locale);
            return {
              id: code,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              help: { text: rule.help, markdown: rule.help },
              properties: { tags: [code.slice(0, code.indexOf('.'))] },
            };
          }),
        },
      },
      invocations: [{
        executionSuccessful: !report.skipped.some((s) => s.failing),
        ...(report.skipped.length ? {
          toolExecutionNotifications: report.skipped.map((s) => ({
            level: s.failing ? 'error' : 'note',
            message: { text: s.message },
            descriptor: { id: `file.${s.reason}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.path) } }],
          })),
        } : {}),
      }],
      originalUriBaseIds: {
        [SRCROOT]: { uri: options.srcRoot, description: { text: renderText('sarif.srcroot', {}, options.locale) } },
        [BUNDLED]: { uri: options.bundledRoot, description: { text: renderText('sarif.bundled', {}, options.locale) } },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(path: string, finding: ReportFinding, ruleIndex: Map<string, number>, report: Report): object {
  return {
    ruleId: finding.code,
    ruleIndex: ruleIndex.get(finding.code),
    level: finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'note',
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(path, finding) }],
    ...(finding.related ? {
      relatedLocations: finding.related.map((related: ReportRelated, index) => ({
        id: index + 1,
        physicalLocation: physicalLocation(related.path, related),
        message: { text: related.message },
      })),
    } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(report.baseline ? { baselineState: finding.baselined ? 'unchanged' : 'new' } : {}),
  };
}

function physicalLocation(path: string, at: { line: number; column: number; endLine: number; endColumn: number }): object {
  return {
    artifactLocation: artifactLocation(path),
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
  };
}

/** A checked file relative to `%SRCROOT%`, a bundled guideline relative to `KIJUN_GUIDELINES`; each segment percent-encoded. */
function artifactLocation(path: string): { uri: string; uriBaseId: string } {
  const bundled = path.startsWith('bundled:');
  const relative = bundled ? path.slice('bundled:'.length) : path;
  const uri = relative.split(/[\\/]/).map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
  return { uri, uriBaseId: bundled ? BUNDLED : SRCROOT };
}
