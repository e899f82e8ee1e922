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
export { Catalog } from './analysis/catalog';
export type { ItemReplacement, SectorScope, ThreatMatch } from './analysis/catalog';
export { clausesByItem, computeCoverage, computeUnionCoverage, coverageRows, effectiveObligation } from './analysis/coverage';
export type { CoverageMember, CoverageReport, CoverageRow, ItemCoverage, ItemStatus, Obligation, SuspectLink, Tally } from './analysis/coverage';
export type { Finding, RelatedLocation, Replacement, Severity } from './findings';
export { describeRule, interfaceTextKeys, messageCodes, renderMessage, renderText } from './messages';
export type { Bilingual, InterfaceText, Locale, MessageArgs, MessageCode, RuleDescription } from './messages';
export * from './analysis/model';
export { documentKinds, formatOf, MAX_DOCUMENT_BYTES, parseDocument } from './parsing/parse';
export type { DocumentFormat, DocumentKind, ParsedDocument } from './parsing/parse';
export type { TreeNode } from './parsing/tree';
export { schemas } from './analysis/schema';
export { LineIndex, normalizeName } from './text';
export type { Located, Span, TextChange } from './text';
export { isReadable, Workspace } from './analysis/workspace';
export { prepareValidators } from './analysis/schema';
export type { UnreadFollowers } from './analysis/workspace';
export type { BundledGuideline, DocumentAnalysis, DocumentSummary, WorkspaceOptions } from './analysis/workspace';
export type { DocumentsFrom } from './analysis/checks/context';
export { PLACEHOLDER_REASONS, itemTitle, standardScope, standardSector } from './analysis/checks/standard';
export { vocabulary } from './vocabulary';
export { complete, schemaAt } from './editor/completion';
export { documentKindOf, headerValue } from './parsing/header';
export type { CompletionRequest, CompletionResult, Suggestion, SuggestionKind } from './editor/completion';
export { cursorContext } from './editor/cursor';
export type { CursorContext } from './editor/cursor';
export { describeItem, guidelineUsage, hoverText, itemReferences, symbolAt, valueAt } from './editor/navigation';
export type { SymbolAtPosition } from './editor/navigation';
export { findFrontMatter } from './parsing/markdown';
export { addClauseEdit, addExclusionEdit, nextClauseId, PLACEHOLDER_TEXT, removeExclusionEdit } from './editor/fixes';
export { editionHoverLines, reviewRecordEdit, shownField, suspectHoverLines } from './editor/editions';
export type { ReviewRecordEdit } from './editor/editions';
export { migrationPlan, supersededEditions } from './editor/migration';
export type { MigrationPlan, NotMigrated, PlannedRewrite } from './editor/migration';
export { diffGuidelines, editionNote } from './analysis/editions';
export type { GuidelineDiff, ItemChange, ItemEditionNote, ReplacementGroup, ReplacementKind } from './analysis/editions';
export { contentFingerprint, normativeContent, normativeFields, normativeText, sha256Hex } from './analysis/fingerprint';
export type { NormativeContent, NormativeField } from './analysis/fingerprint';
export { changesSince, currentLinks, recordedFingerprint, reviewLinks, reviewRecordPath, reviewRecordText, snapshotOf } from './analysis/review';
export type { LinkReview, LinkState, RecordLink } from './analysis/review';
export { fieldList, fieldWords, replacementKinds, words } from './messages';
export type { StubEdit } from './editor/fixes';
export { escapeSnippet, snippetDefaults, templatePlace, yamlScalar } from './editor/snippets';
export type { SnippetPlace, SnippetTemplate } from './editor/snippets';
export { semanticTokenModifiers, semanticTokens, semanticTokenTypes, tokensInRange } from './editor/semanticTokens';
export type { SemanticToken, SemanticTokenType } from './editor/semanticTokens';
