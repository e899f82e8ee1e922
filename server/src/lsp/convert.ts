import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver/node';
import { Finding, LineIndex, Locale, renderMessage, renderText, Severity, Span } from '../core';

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

/**
 * A finding as an LSP diagnostic. `linesOf` gives the line index of another document (a guideline, for
 * the related information of a coverage finding); related places whose text is unknown are left out.
 */
export function toDiagnostic(finding: Finding, lines: LineIndex, locale: Locale, severity: Severity = finding.severity,
  linesOf: (uri: string) => LineIndex | undefined = () => undefined): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related ?? []) {
    const relatedLines = linesOf(related.uri);
    if (!relatedLines) continue;
    relatedInformation.push({
      location: { uri: related.uri, range: toRange(relatedLines, related.span) },
      message: renderText(related.caption.key, related.caption.args, locale),
    });
  }
  return {
    range: toRange(lines, finding.span),
    severity: severities[severity],
    code: finding.code,
    source: 'kijun',
    message: renderMessage(finding.code, finding.args, locale),
    ...(relatedInformation.length ? { relatedInformation } : {}),
    ...(finding.itemId ? { data: { itemId: finding.itemId } } : {}),
  };
}
