import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver/node';
import { Finding, LineIndex, Locale, renderMessage, Severity, Span } from '../core';

/** The one place where offsets become LSP positions (UTF-16, as the core's offsets already are). */
export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(lines: LineIndex, position: { line: number; character: number }): number {
  return lines.offsetAt(position);
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, lines: LineIndex, locale: Locale, severity: Severity = finding.severity): Diagnostic {
  return {
    range: toRange(lines, finding.span),
    severity: severities[severity],
    code: finding.code,
    source: 'kijun',
    message: renderMessage(finding.code, finding.args, locale),
    ...(finding.itemId ? { data: { itemId: finding.itemId } } : {}),
  };
}
