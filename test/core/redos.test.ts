import * as assert from 'assert';
import * as path from 'path';
import * as vm from 'vm';
import { repoRoot } from '../helpers';
import { adversarialInputs, coreRegexes, RegexSite, schemaPatterns } from './redos-sites';

/**
 * No regular expression of the core backtracks catastrophically (ReDoS). Every regex literal and every
 * `new RegExp` of `server/src/core`, and every `pattern` of the JSON Schemas (ajv compiles them into regexes
 * run on the user's ids), is run on adversarial inputs of 100,000 characters: each character the pattern
 * names, and the usual suspects, repeated, behind prefixes that satisfy its anchors and before a character
 * that makes the match fail late. A linear regex needs a few milliseconds for such an input; one that
 * backtracks needs minutes. The bound is a hang guard, not a speed target: it is generous, and the run of
 * each regex is interrupted (vm timeout) instead of hanging the suite.
 */
const LENGTH = 100_000;
const PER_INPUT_MS = 500;
const PER_REGEX_MS = 20_000;

/** Runs the regex on every input inside a fresh context, as `exec` (one search) and as a global `replace` (all matches, like `split`). */
function worstCase(site: RegexSite, inputs: string[], timeout = PER_REGEX_MS): { ms: number; input: string } {
  const script = `
    const single = new RegExp(source, flags.replace('g', ''));
    const global = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
    let worst = { ms: 0, input: '' };
    for (const input of inputs) {
      current.input = input;
      const start = performance.now();
      single.lastIndex = 0;
      single.exec(input);
      input.replace(global, '');
      const ms = performance.now() - start;
      if (ms > worst.ms) worst = { ms, input };
    }
    worst;`;
  // The input being run is kept outside the context, so that an interrupted run can say which one it was.
  const current = { input: '' };
  try {
    return vm.runInNewContext(script, { source: site.source, flags: site.flags, inputs, performance, current }, { timeout });
  } catch {
    return { ms: Infinity, input: current.input };
  }
}

/**
 * The worst case, measured again on its input when it is over the bound: on a shared machine one run can
 * be held up by the scheduler or a garbage collection, while a regex that backtracks is slow every time.
 * The least of three runs is what counts.
 */
function worstCaseConfirmed(site: RegexSite, inputs: string[]): { ms: number; input: string } {
  const worst = worstCase(site, inputs);
  if (worst.ms <= PER_INPUT_MS || worst.ms === Infinity) return worst;
  const again = [worstCase(site, [worst.input]), worstCase(site, [worst.input])];
  return { ms: Math.min(worst.ms, ...again.map((w) => w.ms)), input: worst.input };
}

function time(ms: number): string {
  return ms === Infinity ? `over ${PER_REGEX_MS} ms (interrupted)` : `${ms.toFixed(0)} ms`;
}

/** An input as a failure message shows it: its start, the repeated unit and its end. */
function describeInput(input: string): string {
  return input.length > 40 ? `${JSON.stringify(input.slice(0, 12))} … ${JSON.stringify(input.slice(-12))} (${input.length} chars)` : input;
}

describe('regular expressions on adversarial input (no ReDoS)', function () {
  this.timeout(10 * 60_000);
  const sites = coreRegexes(path.join(repoRoot, 'server', 'src', 'core'));

  it('finds the regexes of the core: literals and new RegExp over template strings', () => {
    // A `new RegExp` over anything but a template string cannot be enumerated here: the test must then be taught it.
    assert.deepStrictEqual(sites.filter((s) => s.source === undefined).map((s) => s.where), []);
    assert.ok(sites.length > 80, `${sites.length} regexes found`);
    assert.ok(sites.some((s) => s.where.startsWith('server/src/core/parsing/header.ts') && s.dynamic), 'the header key pattern is found');
  });

  it('every regex of the core runs in linear time on 100,000-character adversarial input', () => {
    const slow: string[] = [];
    for (const site of sites) {
      const worst = worstCaseConfirmed(site, adversarialInputs(site.source!, LENGTH));
      if (worst.ms > PER_INPUT_MS) slow.push(`${site.where} /${site.source}/${site.flags}: ${time(worst.ms)} on ${describeInput(worst.input)}`);
    }
    assert.deepStrictEqual(slow, []);
  });

  it('every pattern of the JSON Schemas runs in linear time on such input (ajv runs them on ids)', () => {
    const patterns = schemaPatterns(path.join(repoRoot, 'schemas'));
    assert.ok(patterns.length >= 5, `${patterns.length} patterns found`);
    const slow: string[] = [];
    for (const site of patterns) {
      const worst = worstCaseConfirmed(site, adversarialInputs(site.source!, LENGTH));
      if (worst.ms > PER_INPUT_MS) slow.push(`${site.where} /${site.source}/: ${time(worst.ms)} on ${describeInput(worst.input)}`);
    }
    assert.deepStrictEqual(slow, []);
  });

  it('the inputs make a backtracking regex show: a known quadratic pattern is caught within the bound', () => {
    // The guard must be able to fail: this pattern (a lazy run before optional spaces and a colon) is the shape fixed in cursor.ts.
    const site: RegexSite = { file: 'test', where: 'test', source: '^(a[^:]*?) *:', flags: '', dynamic: false };
    assert.ok(worstCase(site, adversarialInputs(site.source!, LENGTH), 2_000).ms > PER_INPUT_MS);
  });
});
