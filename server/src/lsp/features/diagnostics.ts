import { LineIndex, Severity } from '../../core';
import { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { createFollowersReader } from './followers';
import { BundledScheme, CoverageNotification, CoverageParams, WorkspaceChangedNotification } from '../protocol';

/** When documents are checked and their diagnostics (and coverage notification) published. */
export interface DiagnosticsScheduler {
  /** Checks the edited document once a turn of the event loop has passed without a change: edits arriving together are checked once. */
  validateSoon(uri: string): void;
  /** The other open documents may depend on the edited one (coverage across files): checks them a little later, once no change is pending. */
  revalidateOthers(...except: string[]): void;
  revalidateAll(): void;
  /** Forgets a closed document: nothing pending for it, its diagnostics cleared. */
  forget(uri: string): void;
  /** The client asked to shut down: nothing pending is checked, nothing more is published. */
  stop(): void;
}

export function registerDiagnostics(context: ServerContext, dependentsDelay: number): DiagnosticsScheduler {
  const { connection, documents } = context;
  const pendingNow = new Set<string>();
  let flushScheduled = false;
  /** Whether a change arrived since the pending check was last put off. */
  let changedSinceDeferred = false;
  let dependentsTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const followers = createFollowersReader(context, (uri) => validate(uri));

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document || stopped) return;
    // A bundled guideline opened read-only (from a definition or related information) is reference text:
    // its own notes (items no standard of the workspace covers) are not the author's problems to list.
    if (uri.startsWith(`${BundledScheme}:`)) {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const workspace = context.workspace();
    const settings = context.settings();
    const locale = context.locale();
    try {
      const analysis = workspace.analyze(uri);
      const lines = workspace.lines(uri) ?? new LineIndex(document.getText());
      const diagnostics = [];
      for (const finding of analysis.findings) {
        // Until the first indexing is done, a guideline document of the workspace may simply not be read yet.
        if (finding.code === 'guideline.unknown' && !context.indexedOnce()) continue;
        let severity: Severity = finding.severity;
        if (finding.code === 'coverage.uncovered-reference' || finding.code === 'coverage.uncovered-provisional') {
          if (settings.referenceCoverageSeverity === 'off') continue;
          severity = settings.referenceCoverageSeverity;
        }
        diagnostics.push(toDiagnostic(finding, lines, locale, severity, (other) => workspace.lines(other)));
      }
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      const coverage = analysis.coverage;
      const params: CoverageParams = coverage && analysis.model?.kind === 'standard'
        ? {
            uri,
            guideline: coverage.guidelineId,
            mustConsider: coverage.mustConsider,
            reference: coverage.reference,
            uncovered: coverage.items.filter((i) => i.reported && i.obligation === 'must-consider').map((i) => i.item.id.value),
          }
        : { uri };
      context.lastCoverage.set(uri, coverage);
      void connection.sendNotification(CoverageNotification.method, params);
      // The server's workspace counts a guideline's followers not parsed yet (`unreadFollowers: 'count'`): they are read in the background.
      if (analysis.model?.kind === 'guideline' && analysis.catalog && workspace.unreadFollowers(analysis.catalog).length > 0) followers.read(uri);
    } catch (error) {
      // Never leave stale diagnostics behind a failure: clear them and say what happened.
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      connection.console.error(`[kijun] checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /**
   * The connection hands the server one message per turn of the event loop, so a burst of changes (a fast
   * typist, a macro, a paste split in parts) arrives over as many turns. The check is put off while changes keep
   * arriving, and made on the first turn that brought none: each edited document is then checked once, in its
   * last version, and the versions in between are never parsed (see `Workspace.set`).
   */
  function checkWhenQuiet(): void {
    if (changedSinceDeferred) {
      changedSinceDeferred = false;
      setImmediate(checkWhenQuiet);
      return;
    }
    flushScheduled = false;
    const uris = [...pendingNow];
    pendingNow.clear();
    for (const u of uris) validate(u);
    scheduler.revalidateOthers(...uris);
  }

  const scheduler: DiagnosticsScheduler = {
    validateSoon(uri) {
      if (stopped) return;
      pendingNow.add(uri);
      changedSinceDeferred = true;
      if (flushScheduled) return;
      flushScheduled = true;
      setImmediate(checkWhenQuiet);
    },
    revalidateOthers(...except) {
      if (stopped) return;
      if (dependentsTimer) clearTimeout(dependentsTimer);
      dependentsTimer = setTimeout(() => {
        dependentsTimer = undefined;
        // Changes are still arriving: the check made once they stop re-checks the others after it, against the last version.
        if (flushScheduled) return;
        for (const document of documents.all()) if (!except.includes(document.uri)) validate(document.uri);
      }, dependentsDelay);
    },
    revalidateAll() {
      for (const document of documents.all()) validate(document.uri);
      // Documents that are not open changed too (this follows indexing and watched files): views of the whole workspace are stale.
      void connection.sendNotification(WorkspaceChangedNotification.method);
    },
    forget(uri) {
      pendingNow.delete(uri);
      context.lastCoverage.delete(uri);
      if (!stopped) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    stop() {
      stopped = true;
      followers.stop();
      pendingNow.clear();
      if (dependentsTimer) clearTimeout(dependentsTimer);
      dependentsTimer = undefined;
    },
  };
  return scheduler;
}
