import * as assert from 'assert';
import fc from 'fast-check';
import { actionOf } from './fuzz-model';
import { emptyFigures, FuzzSession, fuzzWorkspace } from './fuzz-session';

/**
 * The property suite: the real server, driven over streams with random edit sequences and random requests
 * in between, over the example documents and a guideline they follow (a copy of the bundled nisc-2008, over
 * 16 KiB: edits to it go through the incremental chunk parser and re-check every standard).
 *
 * Properties, checked on every run (test/server/fuzz-session.ts): the server never crashes and never
 * answers with an error; every awaited version gets its diagnostics, with ranges inside its text; no
 * request or publish takes longer than the bound; diagnostics are published in version order; and once the
 * server is idle, the diagnostics of every document equal a from-scratch analysis of the final texts.
 *
 * Budget (environment): KIJUN_FUZZ_RUNS (runs, default 12), KIJUN_FUZZ_ACTIONS (at most this many actions per
 * run, default 40), KIJUN_FUZZ_SEED (a number, default fixed so that CI is reproducible; `random` for a new
 * one), KIJUN_FUZZ_PATH (replays one counterexample, with the seed fast-check printed), KIJUN_FUZZ_BOUND_MS
 * (the time bound, default 10000 ms: a hang guard on a shared 2-core machine, not a speed target), KIJUN_FUZZ_SHRINK=0
 * (report the first counterexample as found, without shrinking it), KIJUN_FUZZ_BURST_MAX and KIJUN_FUZZ_BURST_WEIGHT
 * (bursts of at most this many changes, default 12, drawn with this weight against the single edit's 8, default 1).
 * The long run of SECURITY.md gives its command and figures.
 */
const RUNS = Number(process.env.KIJUN_FUZZ_RUNS ?? 12);
const ACTIONS = Number(process.env.KIJUN_FUZZ_ACTIONS ?? 40);
const SEED = process.env.KIJUN_FUZZ_SEED === 'random' ? (Date.now() ^ (process.pid << 16)) | 0 : Number(process.env.KIJUN_FUZZ_SEED ?? 20240614);
const PATH = process.env.KIJUN_FUZZ_PATH;
const BOUND_MS = Number(process.env.KIJUN_FUZZ_BOUND_MS ?? 10_000);
const BURSTS = { max: Number(process.env.KIJUN_FUZZ_BURST_MAX ?? 12), weight: Number(process.env.KIJUN_FUZZ_BURST_WEIGHT ?? 1) };

describe('property suite: random edits and requests over the real server', function () {
  this.timeout(0);
  let fuzzed: ReturnType<typeof fuzzWorkspace>;
  const figures = emptyFigures();
  let started = Date.now();

  before(() => {
    // From here, not from when mocha loaded the file: the figure is the suite's own time.
    started = Date.now();
    fuzzed = fuzzWorkspace();
  });
  after(() => {
    fuzzed.ws.dispose();
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`    fuzz figures: seed ${SEED}, ${figures.runs} runs, ${figures.actions} actions, ${figures.edits} edits, ${figures.requests} requests, `
      + `slowest request ${figures.maxRequestMs.toFixed(0)} ms, slowest publish ${figures.maxPublishMs.toFixed(0)} ms (${figures.slowestPublish}), ${seconds} s`);
  });

  it(`never crashes, never answers an error, keeps up, and ends where a from-scratch analysis ends (${RUNS} runs of up to ${ACTIONS} actions, seed ${SEED})`, async () => {
    const { ws, files } = fuzzed;
    const property = fc.asyncProperty(fc.array(actionOf(files.length, BURSTS), { minLength: 1, maxLength: ACTIONS, size: 'max' }), async (actions) => {
      await new FuzzSession(ws.folder, files, BOUND_MS, figures).run(actions);
    });
    await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: process.env.KIJUN_FUZZ_SHRINK === '0', ...(PATH ? { path: PATH } : {}) });
    assert.ok(figures.runs >= RUNS, `${figures.runs} runs completed`);
  });
});
