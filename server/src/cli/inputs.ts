import * as fs from 'fs';
import * as path from 'path';
import { DocumentAnalysis, DocumentFormat, Locale, reviewRecordPath, Workspace, WorkspaceOptions } from '../core';
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

/** A file read from the inputs, not yet known to be a Kijun document (that takes a parse). */
export interface ReadFile {
  /** The display path, which is also the document's URI in the workspace. */
  path: string;
  text: string;
  format: DocumentFormat;
  /** Named on the command line (not found in a folder). */
  explicit: boolean;
}

/** What was read, in the order of the walk: the paths not checked (with why), and the files read. */
export interface ReadInputs {
  workspace: Workspace;
  steps: ({ skipped: ReportSkipped } | { file: ReadFile })[];
  verbose: boolean;
  locale: Locale;
}

/**
 * Reads every candidate under the given paths (`walkDocuments`, the same walk as the language server's)
 * into one workspace. Nothing is left out in silence: a path named on the command line that cannot be
 * checked is a usage error; a Kijun document that cannot be read (unreadable, Shift_JIS) fails the run; a
 * file named explicitly that is not a Kijun document, and a link loop or a broken link found in a folder,
 * are listed; the rest of what the walk skips (dot folders, node_modules, other YAML files) with `--verbose`.
 */
export async function readInputs(options: InputOptions, cwd: string): Promise<Inputs> {
  return admitRead(await readFiles(options, cwd));
}

/** The files read, each set into the workspace and parsed there to tell whether it is a Kijun document (one thread). */
export function admitRead(read: ReadInputs): Inputs {
  return admitFiles(read, (file) => {
    read.workspace.set(file.path, file.text, file.format);
    return read.workspace.isKijun(file.path);
  });
}

/** The files under the given paths read (not parsed), and what was not read; `readInputs` without the verdicts. */
export async function readFiles(options: InputOptions, cwd: string): Promise<ReadInputs> {
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

  const read: ReadInputs = {
    workspace: new Workspace(loadBundledGuidelines(), { documentsFrom: 'paths', ...options.workspace }),
    steps: [],
    verbose: options.verbose,
    locale: options.locale,
  };
  const note = (file: string, reason: NotReadReason, failing: boolean, details: { other?: string; detail?: string } = {}): void => {
    read.steps.push({ skipped: skippedNote(display(file), reason, failing, { ...details, other: details.other && display(details.other) }, options.locale) });
  };
  for (const [index, entry] of entries.entries()) {
    options.onProgress?.('read', index + 1, entries.length);
    if (entry.kind === 'skipped') {
      const listed = entry.reason === 'loop' || entry.reason === 'broken-link' || entry.reason === 'unreadable' || options.verbose;
      if (listed) note(entry.path, entry.reason, entry.reason === 'unreadable', entry);
      continue;
    }
    const file = await readDocument(entry.path, entry.format);
    if (file.kind === 'not-read') {
      // A Kijun document that cannot be read fails the run; another file named explicitly is only listed.
      if (file.isKijun || entry.explicit || options.verbose) note(entry.path, file.reason, file.isKijun, file);
    } else read.steps.push({ file: { path: display(entry.path), text: file.text, format: entry.format, explicit: entry.explicit } });
  }
  // A file's review record beside it (`<name>.review.yaml`, README "Reviewed links") is read with it, as if it had
  // been named too, so that `kijun check standard.yaml` sees the standard's suspect links. (A folder's walk finds
  // the records in it anyway.) Whether the file is a standard is not asked here: that would take a parse, and a
  // record that follows no standard read gets its own finding.
  for (const record of reviewRecordsBeside(read.steps, display, cwd)) {
    const file = await readDocument(record, 'yaml');
    if (file.kind === 'not-read') note(record, file.reason, file.isKijun, file);
    else read.steps.push({ file: { path: display(record), text: file.text, format: 'yaml', explicit: false } });
  }
  return read;
}

/** The review records that exist beside the files read and were not read already. */
function reviewRecordsBeside(steps: ReadInputs['steps'], display: (file: string) => string, cwd: string): string[] {
  const read = new Set(steps.flatMap((step) => ('file' in step ? [step.file.path] : [])));
  const records: string[] = [];
  for (const step of steps) {
    if (!('file' in step)) continue;
    const record = reviewRecordPath(path.resolve(cwd, step.file.path));
    if (read.has(display(record)) || !fs.existsSync(record)) continue;
    read.add(display(record));
    records.push(record);
  }
  return records;
}

/**
 * The inputs once each file read is known to be a Kijun document or not (`isKijun`, called in the order of the
 * walk): the documents to check, and what was not checked, in that order. A file that is not a Kijun document is
 * listed when it was named explicitly, or with `--verbose`.
 */
export function admitFiles(read: ReadInputs, isKijun: (file: ReadFile) => boolean): Inputs {
  const inputs: Inputs = { workspace: read.workspace, documents: [], skipped: [] };
  for (const step of read.steps) {
    if ('skipped' in step) inputs.skipped.push(step.skipped);
    else if (isKijun(step.file)) inputs.documents.push(step.file.path);
    else if (step.file.explicit || read.verbose) inputs.skipped.push(skippedNote(step.file.path, 'not-kijun', false, {}, read.locale));
  }
  return inputs;
}

function skippedNote(display: string, reason: NotReadReason, failing: boolean, details: { other?: string; detail?: string }, locale: Locale): ReportSkipped {
  return { path: display, reason, failing, message: notReadText(reason, details, locale) };
}

/** Analyses every document read, telling the monitor how far it has got. */
export function analyseAll(inputs: Inputs, monitor: { analysed(done: number, total: number): void }): DocumentAnalysis[] {
  return inputs.documents.map((uri, index) => {
    monitor.analysed(index + 1, inputs.documents.length);
    return inputs.workspace.analyze(uri);
  });
}
