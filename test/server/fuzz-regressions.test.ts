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

  async function replay(actions: Action[]): Promise<void> {
    const figures = emptyFigures();
    try {
      await new FuzzSession(fuzzed.ws.folder, fuzzed.files, 10_000, figures).run(actions);
    } catch (error) {
      assert.fail(error instanceof FuzzFailure ? error.message : String(error));
    }
    assert.strictEqual(figures.runs, 1);
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
});
