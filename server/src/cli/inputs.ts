import * as path from 'path';
import { DocumentAnalysis, Locale, Workspace, WorkspaceOptions } from '../core';
import { loadBundledGuidelines } from '../node/bundled';
import { NotReadReason, notReadText, readDocument, walkDocuments, WalkEntry } from '../node/files';
import { ReportSkipped } from '../reports';
import { UsageError } from './arguments';

/** The documents read into the workspace (by display path), and what was not checked. */
export interface Inputs {
  workspace: Workspace;
  documents: string[];
  skipped: ReportSkipped[];
}

export interface InputOptions {
  paths: string[];
  locale: Locale;
  /** Also list what the folder walk skipped: files that are not Kijun documents, dot folders, node_modules, duplicates. */
  verbose: boolean;
  workspace?: WorkspaceOptions;
  /** Told of each file found while the folders are walked (`walk`, found so far), then of each file read (`read`, of all found). */
  onProgress?: (stage: 'walk' | 'read', done: number, total: number) => void;
}

/**
 * Reads every candidate under the given paths (`walkDocuments`, the same walk as the language server's)
 * into one workspace. Nothing is left out in silence: a path named on the command line that cannot be
 * checked is a usage error; a Kijun document that cannot be read (unreadable, Shift_JIS) fails the run; a
 * file named explicitly that is not a Kijun document, and a link loop or a broken link found in a folder,
 * are listed; the rest of what the walk skips (dot folders, node_modules, other YAML files) with `--verbose`.
 */
export async function readInputs(options: InputOptions, cwd: string): Promise<Inputs> {
  const display = (file: string): string => path.relative(cwd, file) || '.';
  const entries: WalkEntry[] = [];
  for await (const entry of walkDocuments(options.paths.map((p) => path.resolve(cwd, p)))) {
    entries.push(entry);
    options.onProgress?.('walk', entries.length, entries.length);
  }
  const unusable = entries.find((e) => e.kind === 'skipped' && e.explicit && e.reason !== 'duplicate');
  if (unusable?.kind === 'skipped') {
    throw new UsageError('cli.cannot-check', { path: display(unusable.path), reason: notReadText(unusable.reason, { ...unusable, other: unusable.other && display(unusable.other) }, options.locale) });
  }

  const inputs: Inputs = { workspace: new Workspace(loadBundledGuidelines(), { documentsFrom: 'paths', ...options.workspace }), documents: [], skipped: [] };
  const note = (file: string, reason: NotReadReason, failing: boolean, details: { other?: string; detail?: string } = {}): void => {
    const other = details.other && display(details.other);
    inputs.skipped.push({ path: display(file), reason, failing, message: notReadText(reason, { ...details, other }, options.locale) });
  };
  for (const [index, entry] of entries.entries()) {
    options.onProgress?.('read', index + 1, entries.length);
    if (entry.kind === 'skipped') {
      const listed = entry.reason === 'loop' || entry.reason === 'broken-link' || entry.reason === 'unreadable' || options.verbose;
      if (listed) note(entry.path, entry.reason, entry.reason === 'unreadable', entry);
      continue;
    }
    const read = await readDocument(entry.path, entry.format);
    if (read.kind === 'not-read') {
      // A Kijun document that cannot be read fails the run; another file named explicitly is only listed.
      if (read.isKijun || entry.explicit || options.verbose) note(entry.path, read.reason, read.isKijun, read);
    } else if (inputs.workspace.set(display(entry.path), read.text, entry.format)) inputs.documents.push(display(entry.path));
    else if (entry.explicit || options.verbose) note(entry.path, 'not-kijun', false);
  }
  return inputs;
}

/** Analyses every document read, telling the monitor how far it has got. */
export function analyseAll(inputs: Inputs, monitor: { analysed(done: number, total: number): void }): DocumentAnalysis[] {
  return inputs.documents.map((uri, index) => {
    monitor.analysed(index + 1, inputs.documents.length);
    return inputs.workspace.analyze(uri);
  });
}
