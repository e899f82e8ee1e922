import * as assert from 'assert';
import { Action } from './fuzz-model';
import { emptyFigures, FuzzFailure, FuzzSession, fuzzWorkspace } from './fuzz-session';

/**
 * Counterexamples the property suite found, shrunk by fast-check, kept as they were printed: each replays
 * through the same session (the real server, the same checks) and must pass. The root cause of each is
 * fixed and has a test of its own in the core; this keeps the whole path covered.
 */
describe('property suite: shrunk counterexamples', function () {
  this.timeout(60_000);
  let fuzzed: ReturnType<typeof fuzzWorkspace>;
  before(() => {
    fuzzed = fuzzWorkspace();
  });
  after(() => fuzzed.ws.dispose());

  async function replay(actions: Action[]): Promise<FuzzSession> {
    const figures = emptyFigures();
    const session = new FuzzSession(fuzzed.ws.folder, fuzzed.files, 10_000, figures);
    try {
      await session.run(actions);
    } catch (error) {
      assert.fail(error instanceof FuzzFailure ? error.message : String(error));
    }
    assert.strictEqual(figures.runs, 1);
    return session;
  }

  it('seed 4: a pasted list entry and a merge of a missing anchor became a collection key holding an invalid merge; the core threw and the plan got no diagnostics', async () => {
    await replay([
      {
        kind: 'edit', doc: 0, full: true,
        changes: [{ at: 0, deleteLength: 0, insert: '  - id: G-II\n    items:\n      - id: G-II\n  - <<: *base\n    id: S-M\n' }, { at: 0, deleteLength: 1, insert: '' }],
      },
      { kind: 'burst', doc: 0, edits: [{ at: 0, deleteLength: 9, insert: '' }, { at: 0, deleteLength: 1, insert: ' ' }] },
    ]);
  });

  it('seed 55: a syntax error on the CR of an empty CRLF line was published one character past the end of that line', async () => {
    // Shrunk by hand from the long run's counterexample (its first action, a burst to another document, played no part).
    // The document is finance/fisc-anzen-taisaku.yaml (number 1); the error's span ends between the CR and the LF of line 2.
    const session = await replay([
      { kind: 'edit', doc: 1, full: false, changes: [{ at: 0, deleteLength: 0, insert: 'base: &base {covers: [G-II-1-1]}\n\r\n  - id: G-II\n' }] },
    ]);
    assert.deepStrictEqual(session.lastDiagnostics(1), [
      '2:1-2:1 error syntax.yaml YAML syntax error: a block value cannot be used as a key.',
      '3:3-3:4 error syntax.yaml YAML syntax error: a key must fit on one line; is a ":" missing or misplaced?',
      '3:3-4:1 error syntax.yaml YAML syntax error: a line here must be a key followed by a colon and a space ("key: value") or a list entry ("- value").',
    ]);
  });
});
