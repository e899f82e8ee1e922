// A worker thread of `kijun check` (`parallel.ts`): it holds every document of the run, as the main thread
// does, and analyses the ones it is sent, answering with each one's report part and summary.

import { parentPort, workerData } from 'worker_threads';
import { Workspace } from '../core';
import { reportPart } from '../reports';
import { WorkerData, WorkerRequest, WorkerResult } from './parallel';

const data = workerData as WorkerData;
const workspace = new Workspace(data.bundled, data.options);
for (const file of data.files) workspace.put(file.path, file.text, file.format);

parentPort!.on('message', (request: WorkerRequest) => {
  const results: WorkerResult[] = request.paths.map((path) => {
    const analysis = workspace.analyze(path);
    if (!analysis.isKijun) return { path, isKijun: false };
    return { path, isKijun: true, part: reportPart(analysis, workspace, data.locale), summary: workspace.summaryOf(path, analysis) };
  });
  parentPort!.postMessage(results);
});
