/**
 * Kijun's analysis core: text in, findings and coverage out. No editor, protocol or file-system
 * dependency lives here (ARCHITECTURE.md, invariant 1); the CLI and the language server adapt it.
 *
 * Typical use:
 *   const workspace = new Workspace(bundledGuidelines);
 *   workspace.set(uri, text, formatOf(path));
 *   const { findings, coverage } = workspace.analyze(uri);
 *   renderMessage(findings[0].code, findings[0].args, 'ja');
 */
export { Catalog } from './catalog';
export type { ThreatMatch } from './catalog';
export { computeCoverage, coverageRows } from './coverage';
export type { CoverageReport, CoverageRow, ItemCoverage, ItemStatus, Tally } from './coverage';
export type { Finding, Replacement, Severity } from './findings';
export { interfaceTextKeys, messageCodes, renderMessage, renderText } from './messages';
export type { Bilingual, InterfaceText, Locale, MessageArgs, MessageCode } from './messages';
export * from './model';
export { documentKinds, formatOf, MAX_DOCUMENT_BYTES, parseDocument } from './parse';
export type { DocumentFormat, DocumentKind, ParsedDocument } from './parse';
export { schemas } from './schema';
export { LineIndex, normalizeName } from './text';
export type { Located, Span } from './text';
export { Workspace } from './workspace';
export type { BundledGuideline, DocumentAnalysis } from './workspace';
export { PLACEHOLDER_REASONS, itemTitle, standardSector } from './checks/standard';
export { vocabulary } from './vocabulary';
export { complete, documentKindOf, headerValue, schemaAt } from './completion';
export type { CompletionRequest, CompletionResult, Suggestion, SuggestionKind } from './completion';
export { cursorContext } from './cursor';
export type { CursorContext } from './cursor';
export { describeItem, guidelineUsage, hoverText, itemReferences, symbolAt, valueAt } from './navigation';
export type { SymbolAtPosition } from './navigation';
export { findFrontMatter } from './markdown';
export { addClauseEdit, addExclusionEdit, nextClauseId, PLACEHOLDER_TEXT, removeExclusionEdit } from './fixes';
