import { Catalog, SectorScope } from './catalog';
import { DocumentsFrom, FollowersCoverage, GuidelineRule, PlanRule, ReviewRule, RuleContext, StandardRule, WorkspaceView } from './checks/context';
import { guidelineRules } from './checks/guideline';
import { planRules } from './checks/plan';
import { reviewRules } from './checks/review';
import { standardRules, standardScope } from './checks/standard';
import { computeCoverage, computeUnionCoverage, CoverageOptions, CoverageReport } from './coverage';
import { finding, Finding } from '../findings';
import { DocumentModel, GuidelineModel, PlanModel, readGuideline, readPlan, readReview, readStandard, ReviewModel, StandardModel } from './model';
import { markSuspectLinks } from './review';
import { DocumentFormat, DocumentKind, parseDocument, ParsedDocument } from '../parsing/parse';
import { validateSchema } from './schema';
import { Lineage } from './lineage';
import { changedRange, changeFits, LineIndex, TextChange } from '../text';
import { ChunkLayout } from '../parsing/chunks';
import { documentKindOf } from '../parsing/header';

/** The lineage of each standard's model, for its coverage (which the guideline's rules ask for too). */
const lineages = new WeakMap<StandardModel, Lineage>();

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
    /** The previous version of the document: an edit re-parses only the chunks it touched, and re-scans only its lines. */
    private predecessor?: Predecessor,
  ) {
    this.lineage = predecessor?.lineage ?? new Lineage();
  }

  /** What the analysis derived from the clauses, shared with the versions before and after this one. */
  readonly lineage: Lineage;

  /** What another analysis of this same text (another thread's) says the other documents need of it. */
  summary?: DocumentSummary;
  /** Whether the text has been parsed yet (a document indexed with `put` is parsed on first use). */
  get isParsed(): boolean {
    return this.parsedCache !== undefined;
  }

  get parsed(): ParsedDocument {
    if (!this.parsedCache) {
      const chunks = this.predecessor?.chunks;
      this.parsedCache = parseDocument(this.text, this.format, chunks?.layout, { change: chunks && this.changeSince(chunks.text) });
      this.forgetPredecessor();
    }
    return this.parsedCache;
  }

  /** What the next version takes over (this version's chunks and line index, or those it was given, if not computed yet). */
  get successorBasis(): Omit<Predecessor, 'change'> {
    return {
      text: this.text,
      chunks: this.parsedCache ? { layout: this.parsedCache.chunks, text: this.text } : this.predecessor?.chunks,
      lines: this.linesCache ?? this.predecessor?.lines,
      lineage: this.lineage,
    };
  }

  get lines(): LineIndex {
    if (!this.linesCache) {
      const previous = this.predecessor?.lines;
      this.linesCache = previous ? LineIndex.afterChange(previous, this.text, this.changeSince(previous.text) ?? changedRange(previous.text, this.text)) : new LineIndex(this.text);
      this.forgetPredecessor();
    }
    return this.linesCache;
  }

  /** The editor's word on how this text differs from `text`, when `text` is the version it was said about. */
  private changeSince(text: string): TextChange | undefined {
    const predecessor = this.predecessor;
    return predecessor?.change && predecessor.text === text ? predecessor.change : undefined;
  }

  /** Once both are derived, the previous version (and its text) need not be kept. */
  private forgetPredecessor(): void {
    if (this.parsedCache && this.linesCache) this.predecessor = undefined;
  }

  /** Whether the model has been read yet (the id index takes only documents whose model is read: it reads none). */
  get isModelRead(): boolean {
    return this.modelCache !== undefined;
  }

  get model(): DocumentModel | undefined {
    if (this.modelCache === undefined) {
      const { kind, root } = this.parsed;
      this.modelCache = !root || !kind ? null
        : kind === 'standard' ? readStandard(root, this.lineage)
          : kind === 'guideline' ? readGuideline(root)
            : kind === 'review' ? readReview(root)
              : readPlan(root);
      if (this.modelCache?.kind === 'standard') lineages.set(this.modelCache, this.lineage);
    }
    return this.modelCache ?? undefined;
  }

  /** Syntax and schema findings: those that need no other document. */
  get localFindings(): Finding[] {
    if (!this.localFindingsCache) {
      const { kind, root, findings } = this.parsed;
      this.localFindingsCache = kind && root ? [...findings, ...validateSchema(kind, root, this.lineage)] : [...findings];
    }
    return this.localFindingsCache;
  }

  /** Whether this is a review record, told from the header without parsing the document. */
  get isReviewRecord(): boolean {
    return this.kindWithoutParsing === 'review';
  }

  /**
   * The document's kind: the parse's once there is one, else read from the header (`kijun:`) without parsing,
   * which for a plain document says the same. Workspace-wide questions (which guidelines, which review records,
   * which documents follow a guideline) ask it, so that they need not parse thousands of standards.
   */
  get kindWithoutParsing(): DocumentKind | undefined {
    if (this.parsedCache) return this.parsedCache.kind;
    if (this.headerKindCache === undefined) this.headerKindCache = documentKindOf(this.text) ?? null;
    return this.headerKindCache ?? undefined;
  }

  private headerKindCache?: DocumentKind | null;

  private idChecks?: Map<string, boolean>;

  /** False when the document is not parsed yet and its text does not contain `id` (an id is written as it is). */
  mayHaveId(id: string): boolean {
    if (this.parsedCache) return true;
    this.idChecks ??= new Map();
    let found = this.idChecks.get(id);
    if (found === undefined) this.idChecks.set(id, (found = this.text.includes(id)));
    return found;
  }

  /** The catalog this document defines, when it is a guideline. */
  get ownCatalog(): Catalog | undefined {
    // Most documents are standards: tell from the header, without parsing them, that they define no catalog.
    if (this.catalogCache === undefined && this.parsedCache === undefined && this.kindWithoutParsing !== 'guideline') this.catalogCache = null;
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

/**
 * What the analysis of the other documents needs of one document: its kind and id (duplicate ids) and, for a
 * standard, the guideline it names and the items it covers (a guideline's items no standard covers). A front end
 * that analyses the documents of one workspace in several threads hands each document's summary
 * (`Workspace.summaryOf`) to the thread that analyses the guidelines (`Workspace.adoptSummary`), which then
 * need not parse the standards again. A summary is only ever used for the same text it was made from.
 */
export interface DocumentSummary {
  kind?: DocumentKind;
  id?: string;
  /** A standard: the guideline id it names. */
  guideline?: string;
  /** A standard whose guideline resolves to a workspace document: that document, and the ids of the items the standard covers. */
  covered?: { catalogUri: string; items: string[] };
}

export interface BundledGuideline {
  uri: string;
  text: string;
}

/**
 * What a guideline's analysis does with the standards that follow it and are not parsed yet: `read` them (the
 * CLI, whose answer must be whole), or `count` them and leave them for the front end to read in the background
 * (the language server; `coverage.not-covered-in-workspace` then waits until none is left unread).
 */
export type UnreadFollowers = 'read' | 'count';

/** How the front end (CLI flags, editor settings) wants the workspace analysed. */
export interface WorkspaceOptions {
  coverage?: CoverageOptions;
  /** What a guideline's analysis does with the standards that follow it and are not parsed yet (default `read`). */
  unreadFollowers?: UnreadFollowers;
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
   * say so (`guideline.stale`), instead of losing their catalogue at every keystroke. It is the most recent
   * version that was parsed (because an analysis, a request or `isKijun` needed it) and found readable,
   * provided that version was a guideline. A version replaced before it was ever parsed (the intermediate
   * versions of a burst of changes, checked only at its end) is no candidate: nothing was ever shown of it,
   * and parsing every version a burst passes through is what made bursts slow.
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

  /**
   * Adds or replaces a document, without parsing it: it is parsed when an analysis, a request or `isKijun`
   * first needs it, so that a burst of changes costs the parse of the version checked at its end only. The
   * previous version's chunks are handed on (those of the last version parsed, when the previous one never
   * was), so that this parse re-parses only what changed since then.
   */
  set(uri: string, text: string, format: DocumentFormat, version = ++this.versionCounter, change?: TextChange): void {
    const existing = this.documents.get(uri);
    if (existing && existing.version === version && existing.text === text) return;
    const basis = existing?.format === format ? existing.successorBasis : undefined;
    const state = new DocumentState(uri, text, version, format, basis && { ...basis, change: validChange(basis.text, text, change) });
    this.rememberReadableGuideline(existing);
    this.documents.set(uri, state);
    this.sortedCache = undefined;
  }

  /** Whether a document of the workspace is a Kijun document (this parses it, if it is not parsed yet). */
  isKijun(uri: string): boolean {
    return this.documents.get(uri)?.parsed.isKijun ?? false;
  }

  /**
   * Adds or replaces a document without parsing it (the language server's indexing of thousands of
   * files): it is parsed when an analysis first needs it. Returns false when the text cannot be a
   * Kijun document (it never mentions the word).
   */
  put(uri: string, text: string, format: DocumentFormat, version = ++this.versionCounter): boolean {
    if (!/kijun|ｋｉｊｕｎ/i.test(text)) {
      this.delete(uri);
      return false;
    }
    const existing = this.documents.get(uri);
    if (existing && existing.version === version && existing.text === text) return true;
    this.rememberReadableGuideline(existing);
    this.documents.set(uri, new DocumentState(uri, text, version, format));
    this.sortedCache = undefined;
    return true;
  }

  delete(uri: string): void {
    this.documents.delete(uri);
    this.lastReadableGuidelines.delete(uri);
    this.sortedCache = undefined;
  }

  /**
   * Called with the version a new text replaces (by `set` or `put`), and never parses it: a version never
   * parsed leaves the last readable version in place, as an unreadable one does; a readable one becomes it when
   * it is a guideline and forgets it otherwise. Done on the way out rather than on the way in, so that a version
   * indexed without parsing (`put`) and parsed since, when a standard looked its guideline up, counts too.
   */
  private rememberReadableGuideline(state: DocumentState | undefined): void {
    if (!state?.isParsed) return;
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

  followersCoverage(catalog: Catalog, unread: UnreadFollowers = 'read'): FollowersCoverage {
    const result: FollowersCoverage = { standards: 0, covered: new Set(), unread: 0 };
    for (const state of this.sortedStates()) {
      const summary = state.summary;
      if (summary && summary.guideline !== catalog.id) continue;
      if (unread === 'count' && this.isUnreadFollower(state, catalog)) {
        result.unread++;
        continue;
      }
      // A summary's coverage counts when it was computed against this very catalog; else the standard is parsed here.
      if (summary?.covered && summary.covered.catalogUri === catalog.uri) {
        result.standards++;
        for (const item of summary.covered.items) result.covered.add(item);
        continue;
      }
      const model = state.model;
      if (model?.kind !== 'standard' || model.guideline?.value !== catalog.id) continue;
      result.standards++;
      for (const entry of this.coverageOf(model, catalog).items) if (entry.status === 'covered') result.covered.add(entry.item.id.value);
    }
    return result;
  }

  /**
   * The documents not parsed yet (and without a summary) that may follow `catalog`: standards, as their header
   * says, whose text mentions its id. A front end that must stay responsive (the language server) reads them
   * in the background (`readAhead`) instead of all at once in the guideline's first analysis.
   */
  unreadFollowers(catalog: Catalog): string[] {
    return this.sortedStates().filter((state) => this.isUnreadFollower(state, catalog)).map((state) => state.uri);
  }

  private isUnreadFollower(state: DocumentState, catalog: Catalog): boolean {
    if (state.isParsed || state.summary) return false;
    const kind = state.kindWithoutParsing;
    return (kind === 'standard' || kind === undefined) && state.mayHaveId(catalog.id);
  }

  /** Parses a document and reads its model now, so that a later analysis finds them done (see `unreadFollowers`). */
  readAhead(uri: string): void {
    void this.documents.get(uri)?.model;
  }

  /**
   * The URIs of the documents of kind `kind` whose id is `id` (from a summary when there is one, else from the
   * model). A document whose header names another kind is not parsed to see: a guideline's id is written in
   * every standard that follows it, and these need not all be parsed to find the guideline's namesakes.
   */
  private urisWithId(id: string, kind: DocumentKind): string[] {
    const { known, others } = this.idIndex();
    const found = (known.get(kindAndId(kind, id)) ?? []).concat(others.filter((state) => hasIdAndKind(state, id, kind)));
    return found.sort(byUri).map((state) => state.uri);
  }

  /**
   * The documents whose kind and id are known (from a summary, or the model already read) by kind and id,
   * and the others, in URI order. Made once per set of documents (a keystroke makes a new one): every analysis
   * asks for its document's namesakes, and a workspace holds hundreds of documents.
   */
  private idIndex(): { known: Map<string, DocumentState[]>; others: DocumentState[] } {
    const sorted = this.sortedStates();
    if (this.idIndexOf !== sorted || !this.idIndexCache) {
      const known = new Map<string, DocumentState[]>();
      const others: DocumentState[] = [];
      for (const state of sorted) {
        const summary = state.summary;
        if (!summary && !state.isModelRead) {
          others.push(state);
          continue;
        }
        const model = summary ? undefined : state.model;
        const id = summary ? summary.id : model?.id?.value;
        const kind = summary ? summary.kind : model?.kind;
        if (id === undefined || kind === undefined) continue;
        const key = kindAndId(kind, id);
        const list = known.get(key);
        if (list) list.push(state);
        else known.set(key, [state]);
      }
      this.idIndexOf = sorted;
      this.idIndexCache = { known, others };
    }
    return this.idIndexCache;
  }

  private idIndexOf?: DocumentState[];
  private idIndexCache?: { known: Map<string, DocumentState[]>; others: DocumentState[] };

  documentsWithId(id: string): { uri: string; model: DocumentModel }[] {
    const result: { uri: string; model: DocumentModel }[] = [];
    for (const state of this.sortedStates()) {
      // A document not parsed yet whose text does not contain the id cannot have it: it is not parsed just to see.
      if (!state.mayHaveId(id)) continue;
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
    if (model.kind === 'review') {
      // A review record's items are those of its standard's guideline.
      const standard = model.standard && this.documentsWithId(model.standard.value).find((d) => d.model.kind === 'standard')?.model;
      return standard?.kind === 'standard' && standard.guideline ? this.catalog(standard.guideline.value) : undefined;
    }
    return model.guideline ? this.catalog(model.guideline.value) : undefined;
  }

  /**
   * What the other documents' analyses need of this one (see `DocumentSummary`), from its analysis. The coverage
   * is the one that analysis computed, or computed here when it did not (a standard analysed only in part).
   */
  summaryOf(uri: string, analysis: DocumentAnalysis = this.analyze(uri)): DocumentSummary {
    const model = analysis.model;
    if (!model) return {};
    const summary: DocumentSummary = { kind: model.kind, id: model.id?.value };
    if (model.kind !== 'standard' || !model.guideline) return summary;
    summary.guideline = model.guideline.value;
    const catalog = this.catalog(model.guideline.value);
    if (catalog && !catalog.bundled) {
      const coverage = analysis.coverage && analysis.catalog === catalog ? analysis.coverage : this.coverageOf(model, catalog);
      summary.covered = { catalogUri: catalog.uri, items: coverage.items.filter((entry) => entry.status === 'covered').map((entry) => entry.item.id.value) };
    }
    return summary;
  }

  /** Takes over another thread's summary of a document whose text is `text` (ignored when the text differs). */
  adoptSummary(uri: string, text: string, summary: DocumentSummary): void {
    const state = this.documents.get(uri);
    if (state && state.text === text) state.summary = summary;
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
      const context = { uri, parsed: state.parsed, lines: state.lines, workspace: this, catalog, lineage: state.lineage, unreadFollowers: this.options.unreadFollowers ?? 'read' };
      findings.push(...this.duplicateIdFindings(state, model));
      if ((model.kind === 'standard' || model.kind === 'action-plan') && model.guideline && catalog && this.isStale(catalog)) {
        findings.push(finding('guideline.stale', 'information', model.guideline.span, { id: catalog.id, other: catalog.uri }));
      }
      switch (model.kind) {
        case 'standard':
          // Coverage of a document analysed only in part would report as missing what the rest may well cover.
          if (catalog && !state.parsed.truncated) coverage = this.coverageOf(model, catalog);
          findings.push(...runRules(standardRules, { ...context, model, coverage }));
          break;
        case 'guideline':
          findings.push(...runRules(guidelineRules, { ...context, model }));
          break;
        case 'action-plan':
          findings.push(...runRules(planRules, { ...context, model }));
          break;
        case 'review':
          findings.push(...runRules(reviewRules, { ...context, model }));
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

  /** A standard's coverage against a catalog, with the workspace's options, and its suspect links (from its review record). */
  coverageOf(model: StandardModel, catalog: Catalog): CoverageReport {
    const record = model.id ? this.reviewRecords(model.id.value)[0]?.model : undefined;
    // Kept with the standard's model: a guideline's check asks for the coverage of every standard that follows
    // it, and the open standards' own checks then ask again for theirs against the same catalog.
    const known = this.coverages.get(model);
    if (known && known.catalog === catalog && known.options === this.options.coverage && known.record === record) return known.report;
    const lineage = lineages.get(model);
    const computed = computeCoverage(model, catalog, standardScope(model, catalog), this.options.coverage, lineage);
    const report = record ? markSuspectLinks(computed, model, catalog, record, lineage) : computed;
    this.coverages.set(model, { catalog, options: this.options.coverage, record, report });
    return report;
  }

  private readonly coverages = new WeakMap<StandardModel, { catalog: Catalog; options: WorkspaceOptions['coverage']; record: ReviewModel | undefined; report: CoverageReport }>();

  reviewRecords(standardId: string): { uri: string; model: ReviewModel }[] {
    const result: { uri: string; model: ReviewModel }[] = [];
    for (const state of this.reviewRecordStates()) {
      if (!state.isReviewRecord) continue;
      const model = state.model;
      if (model?.kind === 'review' && model.standard?.value === standardId) result.push({ uri: state.uri, model });
    }
    return result;
  }

  /**
   * The documents that are or may be review records (their header says so, or says no kind), in URI order: asked
   * once per coverage, of a workspace of hundreds of standards. `reviewRecords` still asks each one, whose kind
   * its parse may since have told.
   */
  private reviewRecordStates(): DocumentState[] {
    const sorted = this.sortedStates();
    if (this.reviewRecordsOf !== sorted) {
      this.reviewRecordsOf = sorted;
      this.reviewRecordsCache = sorted.filter((state) => state.kindWithoutParsing === undefined || state.isReviewRecord);
    }
    return this.reviewRecordsCache;
  }

  private reviewRecordsOf?: DocumentState[];
  private reviewRecordsCache: DocumentState[] = [];

  /** The coverage of a scope (a sector) by several standards together, with the workspace's options (`computeUnionCoverage`). */
  unionCoverageOf(models: StandardModel[], catalog: Catalog, scope: SectorScope): CoverageReport {
    const members = models.map((standard) => ({ standard, scope: standardScope(standard, catalog) }));
    return computeUnionCoverage(members, catalog, scope, this.options.coverage);
  }

  private duplicateIdFindings(state: DocumentState, model: DocumentModel): Finding[] {
    if (!model.id) return [];
    const id = model.id.value;
    const findings: Finding[] = [];
    const others = this.urisWithId(id, model.kind).filter((uri) => uri !== state.uri);
    if (others.length > 0) findings.push(finding('document.duplicate-id', 'warning', model.id.span, { id, other: others[0] }));
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
    return (this.sortedCache ??= [...this.documents.values()].sort(byUri));
  }
}

/**
 * Finding codes that mean the reader could not read the document as its author means it: YAML syntax
 * errors, unclosed front matter, input it does not parse (too large, binary, too deep, an alias bomb), a
 * misspelt `kijun:` key. Typing slips (read as fixed) and schema findings leave it readable.
 */
const UNREADABLE = new Set(['syntax.yaml', 'syntax.front-matter', 'input.too-large', 'input.binary', 'input.too-deep', 'input.alias-limit', 'document.misspelt-kijun-key']);

function kindAndId(kind: DocumentKind, id: string): string {
  return `${kind}\u0000${id}`;
}

/**
 * Whether a document whose model was not read when the id index was made has this id and kind: from its summary when it has
 * one; a document whose header names another kind, or whose text does not contain the id, is not parsed to see.
 */
function hasIdAndKind(state: DocumentState, id: string, kind: DocumentKind): boolean {
  if (state.summary) return state.summary.id === id && state.summary.kind === kind;
  const headerKind = state.kindWithoutParsing;
  if (headerKind !== undefined && headerKind !== kind) return false;
  if (!state.mayHaveId(id)) return false;
  const model = state.model;
  return model?.id?.value === id && model.kind === kind;
}

function byUri(a: DocumentState, b: DocumentState): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** Whether a parse is a readable version of its document (no finding of `UNREADABLE`). */
export function isReadable(parsed: ParsedDocument): boolean {
  return !parsed.findings.some((f) => UNREADABLE.has(f.code));
}

/** What a document's next version takes over from the previous one. */
interface Predecessor {
  /** The previous version's text. */
  text: string;
  /** What the analysis derived from the clauses (lineage.ts). */
  lineage?: Lineage;
  /** Chunk parses, and the text they were cut from (an older one when the previous version was never parsed). */
  chunks?: { layout: ChunkLayout; text: string };
  /** A line index (of its own text). */
  lines?: LineIndex;
  /** How the new text differs from `text`, when the editor said so. */
  change?: TextChange;
}

/** The editor's word on what changed, when it fits the two texts (else they are compared). */
function validChange(before: string, after: string, change: TextChange | undefined): TextChange | undefined {
  return change && changeFits(change, before.length, after.length) ? change : undefined;
}

/** Whether two texts are the same document, whatever their line ends. */
function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}

function runRules<M extends StandardModel | GuidelineModel | PlanModel | ReviewModel>(
  rules: (M extends StandardModel ? StandardRule : M extends GuidelineModel ? GuidelineRule : M extends ReviewModel ? ReviewRule : PlanRule)[],
  context: RuleContext<M>,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules as { check(c: RuleContext<M>): Finding[] }[]) findings.push(...rule.check(context));
  return findings;
}
