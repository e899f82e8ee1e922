import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, Connection, DidChangeConfigurationNotification,
  DocumentSymbol, FileChangeType, InitializeParams, InitializeResult, Location, MarkupKind, SymbolInformation, SymbolKind,
  TextDocuments, TextDocumentSyncKind, TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  addClauseEdit, addExclusionEdit, complete, coverageRows, documentKindOf, headerValue, removeExclusionEdit, DocumentFormat, formatOf, guidelineUsage, hoverText, ItemDef, itemReferences,
  LineIndex, Locale, MAX_DOCUMENT_BYTES, Severity, Span, standardSector, SuggestionKind, symbolAt,
  InterfaceText, renderText, Replacement, vocabulary, Workspace,
} from '../core';
import { loadBundledGuidelines, packageRoot } from '../node/bundled';
import { toDiagnostic, toOffset, toRange } from './convert';
import { BundledGuidelineRequest, CoverageNotification, CoverageParams, CoverageReportRequest, FindReferencesCommand, ShowCoverageCommand } from './protocol';

export interface Settings {
  locale: 'auto' | Locale;
  guidelineFolders: string[];
  referenceCoverageSeverity: 'off' | Severity;
}

const defaultSettings: Settings = { locale: 'auto', guidelineFolders: [], referenceCoverageSeverity: 'information' };

/** Settings as the client sent them, with anything unexpected replaced by the default (a bad value must not break checking). */
export function sanitizeSettings(value: unknown): Settings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  return {
    locale: oneOf(raw.locale, ['auto', 'ja', 'en'] as const, defaultSettings.locale),
    guidelineFolders: Array.isArray(raw.guidelineFolders) ? raw.guidelineFolders.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    referenceCoverageSeverity: oneOf(raw.referenceCoverageSeverity, ['off', 'hint', 'information', 'warning', 'error'] as const, defaultSettings.referenceCoverageSeverity),
  };
}

export interface ServerOptions {
  /** Folder holding `guidelines/` (defaults to the package this file belongs to). */
  packageRoot?: string;
  /** Delay before re-checking the other open documents after an edit (ms). */
  dependentsDelay?: number;
}

/**
 * The language server: adapts the core's Workspace to LSP. It holds no rules; it keeps the
 * workspace in step with the editor (open documents) and the disk (everything else), and turns
 * findings, suggestions and edits into protocol objects.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const root = options.packageRoot ?? packageRoot();
  let workspace = new Workspace();
  let settings: Settings = defaultSettings;
  let clientLocale: Locale = 'en';
  let hasConfiguration = false;
  let hasWorkspaceFolders = false;
  let folders: string[] = [];
  let bundledScheme: 'file' | 'kijun-bundled' = 'file';
  const bundledTexts = new Map<string, string>();
  const dependentsDelay = options.dependentsDelay ?? 60;

  const locale = (): Locale => (settings.locale === 'auto' ? clientLocale : settings.locale);
  const log = (message: string): void => connection.console.log(`[kijun] ${message}`);

  function formatFor(uri: string, languageId?: string): DocumentFormat | undefined {
    return formatOf(uri) ?? (languageId === 'markdown' ? 'markdown' : languageId === 'yaml' ? 'yaml' : undefined);
  }

  function createWorkspace(): Workspace {
    const bundled = loadBundledGuidelines(root).map(({ uri, text }) => {
      const name = uri.replace(/^bundled:/, '');
      const bundledUri = bundledScheme === 'kijun-bundled'
        ? `kijun-bundled:/${name}`
        : pathToFileURL(path.join(root, 'guidelines', name)).toString();
      bundledTexts.set(bundledUri, text);
      return { uri: bundledUri, text };
    });
    return new Workspace(bundled);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    const init = (params.initializationOptions ?? {}) as { bundledScheme?: string; locale?: string };
    if (init.bundledScheme === 'kijun-bundled') bundledScheme = 'kijun-bundled';
    if (init.locale === 'ja' || init.locale === 'en') clientLocale = init.locale;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    workspace = createWorkspace();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', ',', '[', '、', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kijun-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kijun' });
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = folders.filter((f) => !event.removed.some((r) => r.uri === f)).concat(event.added.map((a) => a.uri));
        // Documents of a removed folder leave the workspace (unless open in the editor).
        for (const removed of event.removed) {
          for (const uri of workspace.uris()) if (uri.startsWith(`${removed.uri}/`) && !documents.get(uri)) workspace.delete(uri);
        }
        void indexWorkspace();
      });
    }
    void loadSettings().then(() => indexWorkspace());
  });

  async function loadSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      settings = sanitizeSettings(await connection.workspace.getConfiguration({ section: 'kijun' }));
    } catch (error) {
      log(`could not read settings: ${String(error)}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfiguration) await loadSettings();
    else settings = sanitizeSettings((change.settings as { kijun?: unknown } | null)?.kijun);
    await indexWorkspace();
  });

  // --- Keeping the workspace in step -------------------------------------------------------

  let indexing: Promise<void> | undefined;
  let indexedOnce = false;
  let indexAgain = false;

  /** Reads every Kijun document of the workspace folders, yielding often so that requests are served meanwhile. */
  function indexWorkspace(): Promise<void> {
    if (indexing) {
      indexAgain = true;
      return indexing;
    }
    indexing = (async () => {
      do {
        indexAgain = false;
        const roots = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
        const extra = settings.guidelineFolders.flatMap((g) => (path.isAbsolute(g) ? [g] : roots.map((r) => path.join(r, g))));
        let count = 0;
        const seen = new Set<string>();
        for (const folder of [...roots, ...extra]) {
          for await (const file of walk(folder)) {
            const uri = pathToFileURL(file).toString();
            seen.add(uri);
            if (documents.get(uri)) continue; // the editor's text wins over the disk's
            await loadFromDisk(uri);
            if (++count % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
          }
        }
        // What is no longer under a folder (a removed guideline folder, a file deleted meanwhile) leaves the workspace.
        for (const uri of workspace.uris()) if (uri.startsWith('file:') && !seen.has(uri) && !documents.get(uri)) workspace.delete(uri);
        log(`indexed ${count} file(s)`);
        indexedOnce = true;
        revalidateAll();
      } while (indexAgain);
      indexing = undefined;
    })().catch((error) => {
      indexing = undefined;
      log(`indexing failed: ${String(error)}`);
    });
    return indexing;
  }

  async function loadFromDisk(uri: string): Promise<void> {
    const format = formatFor(uri);
    if (!format || !uri.startsWith('file:')) return;
    try {
      const file = fileURLToPath(uri);
      const stat = await fs.promises.stat(file);
      if (stat.size > MAX_DOCUMENT_BYTES) return;
      const text = await fs.promises.readFile(file, 'utf8');
      if (documents.get(uri)) return;
      if (!workspace.set(uri, text, format, -1)) workspace.delete(uri);
    } catch {
      workspace.delete(uri);
    }
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        workspace.delete(change.uri);
        // A deleted folder arrives as one event: drop what was under it.
        for (const uri of workspace.uris()) if (uri.startsWith(`${change.uri}/`)) workspace.delete(uri);
      } else await loadFromDisk(change.uri);
    }
    revalidateAll();
  });

  documents.onDidChangeContent(({ document }) => {
    const format = formatFor(document.uri, document.languageId);
    if (!format) return;
    workspace.set(document.uri, document.getText(), format, document.version);
    validateSoon(document.uri);
  });

  documents.onDidClose(({ document }) => {
    pendingNow.delete(document.uri);
    lastCoverage.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Back to what the disk says; the closed editor's unsaved text is not the workspace's.
    workspace.delete(document.uri);
    void loadFromDisk(document.uri).then(() => revalidateOthers(document.uri));
  });

  // --- Diagnostics ---------------------------------------------------------------------------

  const pendingNow = new Set<string>();
  let flushScheduled = false;
  let dependentsTimer: NodeJS.Timeout | undefined;

  /** Checks the edited document on the next turn of the event loop: edits arriving together are checked once. */
  function validateSoon(uri: string): void {
    pendingNow.add(uri);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        const uris = [...pendingNow];
        pendingNow.clear();
        for (const u of uris) validate(u);
        revalidateOthers(...uris);
      });
    }
  }

  /** The other open documents may depend on the edited one (coverage across files): check them a little later. */
  function revalidateOthers(...except: string[]): void {
    if (dependentsTimer) clearTimeout(dependentsTimer);
    dependentsTimer = setTimeout(() => {
      dependentsTimer = undefined;
      for (const document of documents.all()) if (!except.includes(document.uri)) validate(document.uri);
    }, dependentsDelay);
  }

  function revalidateAll(): void {
    for (const document of documents.all()) validate(document.uri);
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const analysis = workspace.analyze(uri);
      const lines = workspace.lines(uri) ?? new LineIndex(document.getText());
      const diagnostics = [];
      for (const finding of analysis.findings) {
        // Until the first indexing is done, a guideline document of the workspace may simply not be read yet.
        if (finding.code === 'guideline.unknown' && !indexedOnce) continue;
        let severity: Severity = finding.severity;
        if (finding.code === 'coverage.uncovered-reference') {
          if (settings.referenceCoverageSeverity === 'off') continue;
          severity = settings.referenceCoverageSeverity;
        }
        diagnostics.push(toDiagnostic(finding, lines, locale(), severity));
      }
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      const coverage = analysis.coverage;
      const params: CoverageParams = coverage && analysis.model?.kind === 'standard'
        ? {
            uri,
            guideline: coverage.guidelineId,
            mustConsider: coverage.mustConsider,
            reference: coverage.reference,
            uncovered: coverage.items.filter((i) => i.status === 'uncovered' && i.item.obligation === 'must-consider').map((i) => i.item.id.value),
          }
        : { uri };
      lastCoverage.set(uri, coverage);
      void connection.sendNotification(CoverageNotification.method, params);
    } catch (error) {
      // Never leave stale diagnostics behind a failure: clear them and say what happened.
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      connection.console.error(`[kijun] checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  // --- Language features ---------------------------------------------------------------------

  /** Brings the workspace up to date with an open document before a request reads it. */
  function ready(uri: string): { lines: LineIndex; text: string } | undefined {
    const document = documents.get(uri);
    const format = document && formatFor(uri, document.languageId);
    if (document && format) workspace.set(uri, document.getText(), format, document.version);
    const text = workspace.text(uri);
    const lines = workspace.lines(uri);
    return text !== undefined && lines ? { lines, text } : undefined;
  }

  const completionKinds: Record<SuggestionKind, CompletionItemKind> = {
    key: CompletionItemKind.Property,
    enum: CompletionItemKind.EnumMember,
    sector: CompletionItemKind.Module,
    threat: CompletionItemKind.Event,
    item: CompletionItemKind.Reference,
    document: CompletionItemKind.File,
  };

  /** Coverage from the last check of each open document, to rank completion items. */
  const lastCoverage = new Map<string, ReturnType<Workspace['analyze']>['coverage']>();

  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const format = formatFor(document.uri, document.languageId);
    if (!format) return [];
    const text = document.getText();
    const offset = document.offsetAt(position);
    const guidelineId = headerValue(text, 'guideline');
    // A guideline document completes against itself (its sectors and threats); parsing it is cheap.
    const catalog = guidelineId ? workspace.catalog(guidelineId)
      : documentKindOf(text) === 'guideline' ? (ready(document.uri), workspace.catalogFor(document.uri)) : undefined;
    const coverage = lastCoverage.get(document.uri);
    const result = complete({
      text,
      offset,
      format,
      locale: locale(),
      catalog,
      coverage,
      guidelineIds: () => workspace.guidelineIds(),
      standardIds: () => workspace.standards().flatMap(({ model }) => (model.id ? [{ id: model.id.value, sector: model.sector?.value, title: model.title?.value }] : [])),
    });
    const range = { start: document.positionAt(result.start), end: position };
    return result.suggestions.map((s): CompletionItem => ({
      label: s.label,
      kind: completionKinds[s.kind],
      detail: s.detail,
      documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
      sortText: s.sortText,
      filterText: s.filterText,
      textEdit: TextEdit.replace(range, s.insertText),
    }));
  });

  connection.onHover(({ textDocument, position }) => {
    const current = ready(textDocument.uri);
    if (!current) return null;
    const hover = hoverText(workspace, textDocument.uri, toOffset(current.lines, position), locale());
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(current.lines, hover.span) };
  });

  function location(uri: string, span: Span): Location | undefined {
    const lines = workspace.lines(uri);
    return lines ? Location.create(uri, toRange(lines, span)) : undefined;
  }

  connection.onDefinition(({ textDocument, position }) => {
    const current = ready(textDocument.uri);
    const model = workspace.model(textDocument.uri);
    const catalog = workspace.catalogFor(textDocument.uri);
    if (!current || !model || !catalog) return null;
    const symbol = symbolAt(model, toOffset(current.lines, position));
    if (!symbol) return null;
    switch (symbol.kind) {
      case 'item-reference': {
        const item = catalog.item(symbol.name.value);
        return item ? location(catalog.uri, item.id.span) ?? null : null;
      }
      case 'sector': {
        const sector = catalog.findSector(symbol.name.value);
        return sector ? location(catalog.uri, sector.id.span) ?? null : null;
      }
      case 'subsector': {
        const match = catalog.findSubsector(undefined, symbol.name.value);
        return match ? location(catalog.uri, match.subsector.id.span) ?? null : null;
      }
      case 'threat': {
        const match = catalog.findThreat(symbol.name.value);
        return match ? location(catalog.uri, (match.example ?? match.threat).id.span) ?? null : null;
      }
      default:
        return null;
    }
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const current = ready(textDocument.uri);
    const model = workspace.model(textDocument.uri);
    const catalog = workspace.catalogFor(textDocument.uri);
    if (!current || !model || !catalog) return [];
    const symbol = symbolAt(model, toOffset(current.lines, position));
    let item: ItemDef | undefined;
    if (symbol?.kind === 'item-definition') item = symbol.item;
    else if (symbol?.kind === 'item-reference') item = catalog.item(symbol.name.value);
    if (!item) return [];
    const result: Location[] = [];
    if (context.includeDeclaration) {
      const declaration = location(catalog.uri, item.id.span);
      if (declaration) result.push(declaration);
    }
    for (const reference of itemReferences(workspace, catalog.id, item.id.value)) {
      const found = location(reference.uri, reference.span);
      if (found) result.push(found);
    }
    return result;
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const current = ready(textDocument.uri);
    const model = workspace.model(textDocument.uri);
    if (!current || !model) return [];
    const symbol = (name: string, detail: string | undefined, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol => ({
      name: name || '?',
      detail,
      kind,
      range: toRange(current.lines, span),
      selectionRange: toRange(current.lines, selection),
      children,
    });
    switch (model.kind) {
      case 'standard':
        return [
          ...model.clauses.filter((c) => c.id).map((c) => symbol(c.id!.value, c.title?.value, SymbolKind.Struct, c.span, c.id!.span)),
          ...model.exclusions.filter((e) => e.item).map((e) => symbol(renderText('symbol.exclusion', { item: e.item!.value }, locale()), e.reason?.value, SymbolKind.Constant, e.span, e.item!.span)),
        ];
      case 'guideline': {
        const catalog = workspace.catalogFor(textDocument.uri);
        const build = (item: ItemDef): DocumentSymbol =>
          symbol(item.id.value, [item.label?.value, item.title?.value].filter(Boolean).join(' '), SymbolKind.Interface, item.span, item.id.span,
            catalog?.children(item).map(build));
        return [
          ...model.sectors.map((s) => symbol(s.label.value, s.id.value, SymbolKind.Enum, s.id.span, s.id.span,
            s.subsectors.map((sub) => symbol(sub.label.value, sub.id.value, SymbolKind.EnumMember, sub.id.span, sub.id.span)))),
          ...model.threats.map((t) => symbol(t.label.value, t.id.value, SymbolKind.Event, t.id.span, t.id.span)),
          ...(catalog?.roots ?? []).map(build),
        ];
      }
      case 'action-plan': {
        // The plan's sections (its top-level keys), with the sectors and measures inside theirs.
        const root = workspace.parsed(textDocument.uri)?.root;
        if (root?.kind !== 'map') return [];
        return root.entries.map((e) => {
          const children = e.key === 'sectors'
            ? model.sectors.filter((s) => s.sector).map((s) => symbol(s.sector!.value, undefined, SymbolKind.Module, s.span, s.sector!.span))
            : e.key === 'measures'
              ? model.measures.filter((m) => m.measure).map((m) => symbol(m.measure!.value, vocabulary.measure[m.measure!.value]?.ja, SymbolKind.Event, m.span, m.measure!.span))
              : undefined;
          return symbol(e.key, undefined, SymbolKind.Namespace, { start: e.keySpan.start, end: e.value.span.end }, e.keySpan, children);
        });
      }
    }
  });

  connection.onWorkspaceSymbol(({ query }) => {
    const wanted = query.toLowerCase();
    const result: SymbolInformation[] = [];
    const matches = (...names: (string | undefined)[]): boolean => names.some((n) => n?.toLowerCase().includes(wanted));
    for (const uri of workspace.uris()) {
      const model = workspace.model(uri);
      const lines = workspace.lines(uri);
      if (!model || !lines) continue;
      if (model.kind === 'standard') {
        for (const clause of model.clauses) {
          if (clause.id && matches(clause.id.value, clause.title?.value)) {
            result.push(SymbolInformation.create(`${clause.id.value} ${clause.title?.value ?? ''}`.trim(), SymbolKind.Struct, toRange(lines, clause.id.span), uri, model.id?.value));
          }
        }
      } else if (model.kind === 'guideline') {
        for (const item of model.items) {
          if (matches(item.id.value, item.label?.value, item.title?.value)) {
            result.push(SymbolInformation.create(`${item.id.value} ${item.title?.value ?? ''}`.trim(), SymbolKind.Interface, toRange(lines, item.id.span), uri, model.id?.value));
          }
        }
      }
      if (result.length >= 500) break;
    }
    return result;
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const current = ready(textDocument.uri);
    if (!current) return [];
    const uri = textDocument.uri;
    const analysis = workspace.analyze(uri);
    const start = toOffset(current.lines, range.start);
    const end = toOffset(current.lines, range.end);
    const actions: CodeAction[] = [];
    const edit = (span: Span, newText: string) => ({ changes: { [uri]: [TextEdit.replace(toRange(current.lines, span), newText)] } });
    for (const finding of analysis.findings) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const diagnostic = toDiagnostic(finding, current.lines, locale());
      const matching = context.diagnostics.filter((d) => d.code === finding.code && d.range.start.line === diagnostic.range.start.line
        && (!finding.itemId || (d.data as { itemId?: string } | undefined)?.itemId === finding.itemId));
      const diagnostics = matching.length ? matching : [diagnostic];
      if (finding.replacement) {
        actions.push({
          title: renderText('action.replace', { text: finding.replacement.newText }, locale()),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics,
          edit: edit(finding.replacement.span, finding.replacement.newText),
        });
      }
      if ((finding.code === 'coverage.uncovered' || finding.code === 'coverage.uncovered-reference') && finding.itemId) {
        const fixes: [InterfaceText, Replacement | undefined][] = [
          ['action.add-clause', addClauseEdit(workspace, uri, finding.itemId)],
          ['action.exclude', addExclusionEdit(workspace, uri, finding.itemId)],
        ];
        for (const [title, fix] of fixes) {
          if (fix) actions.push({ title: renderText(title, { item: finding.itemId }, locale()), kind: CodeActionKind.QuickFix, diagnostics, edit: edit(fix.span, fix.newText) });
        }
      }
      if (finding.code === 'exclusion.covered' && finding.itemId) {
        const fix = removeExclusionEdit(workspace, uri, finding.itemId);
        if (fix) actions.push({ title: renderText('action.remove-exclusion', { item: finding.itemId }, locale()), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: edit(fix.span, fix.newText) });
      }
    }
    return actions;
  });

  connection.onCodeLens(({ textDocument }) => {
    const current = ready(textDocument.uri);
    if (!current) return [];
    const analysis = workspace.analyze(textDocument.uri);
    const model = analysis.model;
    if (model?.kind === 'standard' && analysis.coverage) {
      const c = analysis.coverage.mustConsider;
      const title = renderText('lens.standard', { covered: c.covered + c.excluded, total: c.total, excluded: c.excluded }, locale());
      return [{ range: toRange(current.lines, { start: 0, end: 0 }), command: { title, command: ShowCoverageCommand, arguments: [textDocument.uri] } }];
    }
    if (model?.kind === 'guideline' && analysis.catalog) {
      const usage = guidelineUsage(workspace, analysis.catalog);
      return model.items.map((item) => {
        const u = usage.get(item) ?? { clauses: 0, standards: 0 };
        const range = toRange(current.lines, item.id.span);
        const lens: CodeLens = { range, command: { title: renderText('lens.item', u, locale()), command: FindReferencesCommand, arguments: [textDocument.uri, range.start] } };
        return lens;
      });
    }
    return [];
  });

  connection.onRequest(BundledGuidelineRequest.method, ({ uri }: { uri: string }) => bundledTexts.get(uri) ?? null);

  connection.onRequest(CoverageReportRequest.method, ({ uri }: { uri: string }) => {
    ready(uri);
    const analysis = workspace.analyze(uri);
    if (!analysis.coverage || analysis.model?.kind !== 'standard') return null;
    const catalog = analysis.catalog!;
    const sector = standardSector(analysis.model, catalog);
    return {
      standard: analysis.model.id?.value,
      guideline: catalog.id,
      sector: sector?.label.value,
      mustConsider: analysis.coverage.mustConsider,
      reference: analysis.coverage.reference,
      items: coverageRows(analysis.coverage, locale()),
    };
  });

  documents.listen(connection);
  connection.listen();
}

/** Every YAML or Markdown file under a folder, skipping dot folders and node_modules. */
async function* walk(folder: string): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && formatOf(entry.name)) yield full;
  }
}
