import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { BundledGuideline, DocumentFormat, DocumentSummary, documentKindOf, Locale, WorkspaceOptions } from '../core';
import { loadBundledGuidelines } from '../node/bundled';
import { ReportPart, reportPart } from '../reports';
import { admitFiles, Inputs, ReadFile, ReadInputs } from './inputs';

/**
 * `kijun check` on several cores. Parsing is most of a large run's time, and each standard can be parsed and
 * analysed on its own: worker threads, each holding every document of the run (unparsed until needed), analyse
 * the standards, and send back each one's report part (plain data) and its summary (`DocumentSummary`: kind,
 * id, guideline, the items it covers). The main thread then analyses the guidelines and action plans, which
 * look at the other documents: the summaries stand in for the standards, so nothing is parsed twice. The
 * parts are put back in the order of the walk, so the report is the one a single thread writes.
 */

/** What a run needs to analyse its documents in workers. */
export interface ParallelCheck {
  jobs: number;
  locale: Locale;
  workspace: WorkspaceOptions;
  onAnalysed?: (done: number, total: number) => void;
}

export interface WorkerData {
  bundled: BundledGuideline[];
  options: WorkspaceOptions;
  locale: Locale;
  files: { path: string; text: string; format: DocumentFormat }[];
}

export interface WorkerRequest {
  paths: string[];
}

export interface WorkerResult {
  path: string;
  isKijun: boolean;
  part?: ReportPart;
  summary?: DocumentSummary;
}

/** Documents sent to a worker at a time: few enough to keep both cores busy to the end. */
const BATCH = 4;

/** Below this much text a run is faster in one thread (starting a worker costs about as much as parsing 1 MB). */
export const PARALLEL_FROM_CHARS = 2_000_000;

/**
 * The number of threads a run uses when `--jobs` does not say: for a run large enough, one worker per core but one
 * (the main thread reads the files and analyses the guidelines), at most 4; on two cores or fewer, none. With the
 * plain reader a standard parses in milliseconds, and a worker's start (its own bundled guidelines and compiled
 * schemas) then costs more than it saves when it must share a core: on the 2-core machine, 300 standards of 300
 * clauses take 5.5 s in one thread and 6.7 s with two workers.
 */
export function defaultJobs(read: ReadInputs, cores = os.availableParallelism()): number {
  let chars = 0;
  for (const step of read.steps) if ('file' in step) chars += step.file.text.length;
  return chars < PARALLEL_FROM_CHARS ? 1 : threadsFor(cores);
}

/** The threads a large run uses on a machine of `cores` cores (see `defaultJobs`). */
export function threadsFor(cores: number): number {
  return cores <= 2 ? 1 : Math.min(cores - 1, 4);
}

/** The inputs and the report parts of their documents (in the order of `inputs.documents`), analysed by `jobs` workers. */
export async function analyseInWorkers(read: ReadInputs, options: ParallelCheck): Promise<{ inputs: Inputs; parts: ReportPart[] }> {
  const files = read.steps.flatMap((step) => ('file' in step ? [step.file] : []));
  const workspace = read.workspace;
  for (const file of files) workspace.put(file.path, file.text, file.format);
  // Guidelines and action plans read the other documents: they are analysed here, once the summaries are in.
  const here = (file: ReadFile) => {
    const kind = documentKindOf(file.text);
    return kind === 'guideline' || kind === 'action-plan';
  };
  // Files that never mention Kijun were not taken in (`put`): they are no Kijun document, and no worker needs them.
  const candidates = files.filter((file) => workspace.has(file.path));
  const queue = candidates.filter((file) => !here(file)).map((file) => file.path);
  const results = new Map<string, WorkerResult>();
  const data: WorkerData = {
    bundled: loadBundledGuidelines(),
    options: options.workspace,
    locale: options.locale,
    files: candidates.map(({ path: p, text, format }) => ({ path: p, text, format })),
  };
  const workers = Math.max(1, Math.min(options.jobs, Math.ceil(queue.length / BATCH)));
  await Promise.all(Array.from({ length: queue.length ? workers : 0 }, () => runWorker(data, queue, (batch) => {
    for (const result of batch) results.set(result.path, result);
    options.onAnalysed?.(results.size, candidates.length);
  })));
  const texts = new Map(files.map((file) => [file.path, file.text]));
  for (const result of results.values()) if (result.summary) workspace.adoptSummary(result.path, texts.get(result.path)!, result.summary);
  const inputs = admitFiles(read, (file) => {
    const done = results.get(file.path);
    if (done) return done.isKijun;
    if (!workspace.has(file.path)) return false;
    const analysis = workspace.analyze(file.path);
    if (analysis.isKijun) results.set(file.path, { path: file.path, isKijun: true, part: reportPart(analysis, workspace, options.locale) });
    options.onAnalysed?.(results.size, candidates.length);
    return analysis.isKijun;
  });
  return { inputs, parts: inputs.documents.map((p) => results.get(p)!.part!) };
}

/** One worker: takes batches from the shared queue until it is empty. */
function runWorker(data: WorkerData, queue: string[], onResults: (results: WorkerResult[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'checkWorker.js'), { workerData: data });
    const next = (): void => {
      const paths = queue.splice(0, BATCH);
      if (paths.length === 0) {
        void worker.terminate().then(() => resolve());
        return;
      }
      worker.postMessage({ paths } satisfies WorkerRequest);
    };
    worker.on('message', (results: WorkerResult[]) => {
      onResults(results);
      next();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`a worker of kijun check exited with code ${code}`));
    });
    worker.once('online', next);
  });
}
