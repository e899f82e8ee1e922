import { Catalog } from './catalog';
import { DocumentsFrom, GuidelineRule, PlanRule, RuleContext, StandardRule, WorkspaceView } from './checks/context';
import { guidelineRules } from './checks/guideline';
import { planRules } from './checks/plan';
import { standardRules, standardScope } from './checks/standard';
import { computeCoverage, CoverageOptions, CoverageReport } from './coverage';
import { finding, Finding } from '../findings';
import { DocumentModel, GuidelineModel, PlanModel, readGuideline, readPlan, readStandard, StandardModel } from './model';
import { DocumentFormat, parseDocument, ParsedDocument } from '../parsing/parse';
import { validateSchema } from './schema';
import { LineIndex } from '../text';
import { ChunkCache } from '../parsing/chunks';
import { documentKindOf } from '../parsing/header';

/**
 * One document of the workspace and what has been derived from its text. Everything here depends
 * on this document alone, so it is computed once per version and kept until the text changes.
 */
class DocumentState {
  private parsedCache?: ParsedDocument;
  private modelCache?: DocumentModel | null;
  private localFindingsCache?: Finding[];
  private linesCache?: LineIndex;
  private catalogCache?: Catalog | null;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly format: DocumentFormat,
    /** The previous version's chunk parses: an edit re-parses only the chunks it touched. */
    private previousChunks?: ChunkCache,
  ) {}

  get parsed(): ParsedDocument {
    if (!this.parsedCache) {
      this.parsedCache = parseDocument(this.text, this.format, this.previousChunks);
      this.previousChunks = undefined;
    }
    return this.parsedCache;
  }

  /** The chunk parses to hand to the next version, without parsing this one just for that. */
  get chunks(): ChunkCache | undefined {
    return this.parsedCache?.chunks ?? this.previousChunks;
  }

  get lines(): LineIndex {
    return (this.linesCache ??= new LineIndex(this.text));
  }

  get model(): DocumentModel | undefined {
    if (this.modelCache === undefined) {
      const { kind, root } = this.parsed;
      this.modelCache = !root || !kind ? null
        : kind === 'standard' ? readStandard(root)
          : kind === 'guideline' ? readGuideline(root)
            : readPlan(root);
    }
    return this.modelCache ?? undefined;
  }

  /** Syntax and schema findings: those that need no other document. */
  get localFindings(): Finding[] {
    if (!this.localFindingsCache) {
      const { kind, root, findings } = this.parsed;
      this.localFindingsCache = kind && root ? [...findings, ...validateSchema(kind, root)] : [...findings];
    }
    return this.localFindingsCache;
  }

  /** The catalog this document defines, when it is a guideline. */
  get ownCatalog(): Catalog | undefined {
    // Most documents are standards: tell from the header, without parsing them, that they define no catalog.
    if (this.catalogCache === undefined && this.parsedCache === undefined && documentKindOf(this.text) !== 'guideline') this.catalogCache = null;
    if (this.catalogCache === undefined) {
      const model = this.model;
      this.catalogCache = model?.kind === 'guideline' && model.id ? new Catalog(model, this.uri, false) : null;
    }
    return this.catalogCache ?? undefined;
  }
}

export interface DocumentAnalysis {
  uri: string;
  /** False for a file that is not a Kijun document; it then has no findings. */
  isKijun: boolean;
  model?: DocumentModel;
  findings: Finding[];
  /** For a standard whose guideline resolves. */
  coverage?: CoverageReport;
  catalog?: Catalog;
}

export interface BundledGuideline {
  uri: string;
  text: string;
}

/** How the front end (CLI flags, editor settings) wants the workspace analysed. */
export interface WorkspaceOptions {
  coverage?: CoverageOptions;
  /**
   * Where the front end takes the documents from, so that a message about a missing document
   * says where it must be: `workspace` (the editor's folders and `kijun.guidelineFolders`) or
   * `paths` (the files and folders given to `kijun check`).
   */
  documentsFrom?: DocumentsFrom;
}

/**
 * The set of documents analysed together. Standards resolve their guideline by id, first among
 * the workspace's guideline documents, then among the bundled ones. The caller (CLI, language
 * server, test) feeds it texts; it never reads files.
 */
export class Workspace implements WorkspaceView {
  private readonly documents = new Map<string, DocumentState>();
  private readonly bundled = new Map<string, Catalog>();
  /** The bundled guidelines' own texts, for navigation into them. */
  private readonly bundledStates = new Map<string, DocumentState>();
  private versionCounter = 0;
  /** Documents in URI order, so that "the first guideline with this id" does not depend on insertion order. */
  private sortedCache?: DocumentState[];
  /**
   * The last readable version of each guideline document. While a guideline cannot be read (a syntax
   * error while typing), the standards and plans that follow it keep resolving against this version, and
   * say so (`guideline.stale`), instead of losing their catalogue at every keystroke.
   */
  private readonly lastReadableGuidelines = new Map<string, DocumentState>();

  readonly documentsFrom: DocumentsFrom;

  constructor(bundledGuidelines: BundledGuideline[] = [], private options: WorkspaceOptions = {}) {
    this.documentsFrom = options.documentsFrom ?? 'workspace';
    for (const { uri, text } of bundledGuidelines) {
      const state = new DocumentState(uri, text, 0, 'yaml');
      const model = state.model;
      if (model?.kind === 'guideline' && model.id && !this.bundled.has(model.id.value)) {
        this.bundled.set(model.id.value, new Catalog(model, uri, true));
        this.bundledStates.set(uri, state);
      }
    }
  }

  /** Adds or replaces a document. Returns false when the text is not a Kijun document. */
  set(uri: string, text: string, format: DocumentFormat, version = ++this.versionCounter): boolean {
    const existing = this.documents.get(uri);
    if (existing && existing.version === version && existing.text === text) return existing.parsed.isKijun;
    const state = new DocumentState(uri, text, version, format, existing?.format === format ? existing.chunks : undefined);
    this.documents.set(uri, state);
    this.sortedCache = undefined;
    this.rememberReadableGuideline(state);
    return state.parsed.isKijun;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
    this.lastReadableGuidelines.delete(uri);
    this.sortedCache = undefined;
  }

  /** Keeps a readable guideline version; an unreadable one leaves the last readable in place; anything else forgets it. */
  private rememberReadableGuideline(state: DocumentState): void {
    const parsed = state.parsed;
    if (!isReadable(parsed)) return;
    if (parsed.kind === 'guideline' && state.ownCatalog) this.lastReadableGuidelines.set(state.uri, state);
    else this.lastReadableGuidelines.delete(state.uri);
  }

  /** The catalog a document defines as the workspace resolves it: its own, or while it cannot be read, its last readable version's. */
  private resolvedCatalog(state: DocumentState): Catalog | undefined {
    const readable = this.lastReadableGuidelines.get(state.uri);
    if (readable && readable !== state && !isReadable(state.parsed)) return readable.ownCatalog;
    return state.ownCatalog;
  }

  /** Whether a catalog is that of a guideline's last readable version, the current one being unreadable. */
  isStale(catalog: Catalog): boolean {
    const readable = this.lastReadableGuidelines.get(catalog.uri);
    return readable !== undefined && readable.ownCatalog === catalog && this.documents.get(catalog.uri) !== readable;
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /** The text of a document, or of a bundled guideline. */
  text(uri: string): string | undefined {
    return (this.documents.get(uri) ?? this.bundledStates.get(uri))?.text;
  }

  parsed(uri: string): ParsedDocument | undefined {
    return this.documents.get(uri)?.parsed;
  }

  model(uri: string): DocumentModel | undefined {
    return this.documents.get(uri)?.model;
  }

  lines(uri: string): LineIndex | undefined {
    return (this.documents.get(uri) ?? this.bundledStates.get(uri))?.lines;
  }

  bundledCatalogs(): Catalog[] {
    return [...this.bundled.values()];
  }

  // WorkspaceView

  catalog(guidelineId: string): Catalog | undefined {
    for (const state of this.sortedStates()) {
      const catalog = this.resolvedCatalog(state);
      if (catalog && catalog.id === guidelineId) return catalog;
    }
    return this.bundled.get(guidelineId);
  }

  guidelineIds(): string[] {
    const ids = new Set<string>();
    for (const state of this.sortedStates()) {
      const catalog = this.resolvedCatalog(state);
      if (catalog) ids.add(catalog.id);
    }
    for (const id of this.bundled.keys()) ids.add(id);
    return [...ids];
  }

  standards(): { uri: string; model: StandardModel }[] {
    const result: { uri: string; model: StandardModel }[] = [];
    for (const state of this.sortedStates()) {
      const model = state.model;
      if (model?.kind === 'standard') result.push({ uri: state.uri, model });
    }
    return result;
  }

  documentsWithId(id: string): { uri: string; model: DocumentModel }[] {
    const result: { uri: string; model: DocumentModel }[] = [];
    for (const state of this.sortedStates()) {
      const model = state.model;
      if (model?.id?.value === id) result.push({ uri: state.uri, model });
    }
    return result;
  }

  /** The catalog a document follows: its own for a guideline, the one it names otherwise. */
  catalogFor(uri: string): Catalog | undefined {
    const state = this.documents.get(uri);
    const model = state?.model;
    if (!state || !model) return undefined;
    if (model.kind === 'guideline') return state.ownCatalog;
    return model.guideline ? this.catalog(model.guideline.value) : undefined;
  }

  /** All findings of one document, and its coverage when it is a standard. */
  analyze(uri: string): DocumentAnalysis {
    const state = this.documents.get(uri);
    if (!state || !state.parsed.isKijun) return { uri, isKijun: false, findings: [] };
    const findings = [...state.localFindings];
    const model = state.model;
    let coverage: CoverageReport | undefined;
    const catalog = this.catalogFor(uri);
    if (model) {
      const context = { uri, parsed: state.parsed, lines: state.lines, workspace: this, catalog };
      findings.push(...this.duplicateIdFindings(state, model));
      if (model.kind !== 'guideline' && model.guideline && catalog && this.isStale(catalog)) {
        findings.push(finding('guideline.stale', 'information', model.guideline.span, { id: catalog.id, other: catalog.uri }));
      }
      switch (model.kind) {
        case 'standard':
          if (catalog) coverage = this.coverageOf(model, catalog);
          findings.push(...runRules(standardRules, { ...context, model, coverage }));
          break;
        case 'guideline':
          findings.push(...runRules(guidelineRules, { ...context, model }));
          break;
        case 'action-plan':
          findings.push(...runRules(planRules, { ...context, model }));
          break;
      }
    }
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return { uri, isKijun: true, model, findings, coverage, catalog };
  }

  /** Changes how documents are analysed from now on (the editor's settings changed). */
  setOptions(options: WorkspaceOptions): void {
    this.options = options;
  }

  /** A standard's coverage against a catalog, with the workspace's options. */
  coverageOf(model: StandardModel, catalog: Catalog): CoverageReport {
    return computeCoverage(model, catalog, standardScope(model, catalog), this.options.coverage);
  }

  private duplicateIdFindings(state: DocumentState, model: DocumentModel): Finding[] {
    if (!model.id) return [];
    const id = model.id.value;
    const findings: Finding[] = [];
    const others = this.documentsWithId(id).filter((d) => d.uri !== state.uri && d.model.kind === model.kind);
    if (others.length > 0) findings.push(finding('document.duplicate-id', 'warning', model.id.span, { id, other: others[0].uri }));
    // A workspace guideline replaces the bundled one of the same id, which is a surprise unless it is a copy of it.
    const bundled = model.kind === 'guideline' ? this.bundled.get(id) : undefined;
    if (bundled && !sameText(this.bundledStates.get(bundled.uri)?.text, state.text)) {
      const winner = this.catalog(id)?.uri;
      findings.push(finding('guideline.replaces-bundled', 'warning', model.id.span, {
        id,
        bundledTitle: bundled.title,
        winner: winner === state.uri ? { en: 'this document', ja: 'この文書' } : winner ?? state.uri,
      }));
    }
    return findings;
  }

  private sortedStates(): DocumentState[] {
    return (this.sortedCache ??= [...this.documents.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)));
  }
}

/**
 * Finding codes that mean the reader could not read the document as its author means it: YAML syntax
 * errors, unclosed front matter, input it does not parse (too large, binary, too deep, an alias bomb), a
 * misspelt `kijun:` key. Typing slips (read as fixed) and schema findings leave it readable.
 */
const UNREADABLE = new Set(['syntax.yaml', 'syntax.front-matter', 'input.too-large', 'input.binary', 'input.too-deep', 'input.alias-limit', 'document.misspelt-kijun-key']);

/** Whether a parse is a readable version of its document (no finding of `UNREADABLE`). */
export function isReadable(parsed: ParsedDocument): boolean {
  return !parsed.findings.some((f) => UNREADABLE.has(f.code));
}

/** Whether two texts are the same document, whatever their line ends. */
function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}

function runRules<M extends StandardModel | GuidelineModel | PlanModel>(
  rules: (M extends StandardModel ? StandardRule : M extends GuidelineModel ? GuidelineRule : PlanRule)[],
  context: RuleContext<M>,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules as { check(c: RuleContext<M>): Finding[] }[]) findings.push(...rule.check(context));
  return findings;
}
