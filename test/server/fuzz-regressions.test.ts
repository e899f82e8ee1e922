import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers';
import { Action } from './fuzz-model';
import { emptyFigures, FuzzFailure, FuzzSession } from './fuzz-session';
import { tempWorkspace } from './harness';

/**
 * Counterexamples the property suite found, shrunk by fast-check, kept as they were printed: each replays
 * through the same session (the real server, the same checks) and must pass. The root cause of each is
 * fixed and has a test of its own in the core; this keeps the whole path covered.
 */
const FILES: Record<string, string> = {
  'action-plan/dai2ji-koudou-keikaku.yaml': 'examples/action-plan/dai2ji-koudou-keikaku.yaml',
  'finance/fisc-anzen-taisaku.yaml': 'examples/finance/fisc-anzen-taisaku.yaml',
  'guidelines/nisc-2008.yaml': 'guidelines/nisc-2008.yaml',
  'medical/iryo-joho-anzen.md': 'examples/medical/iryo-joho-anzen.md',
  'with-mistakes/butsuryu-draft.yaml': 'examples/with-mistakes/butsuryu-draft.yaml',
};

describe('property suite: shrunk counterexamples', function () {
  this.timeout(60_000);
  let ws: ReturnType<typeof tempWorkspace>;
  before(() => {
    ws = tempWorkspace(Object.fromEntries(Object.entries(FILES).map(([to, from]) => [to, fs.readFileSync(path.join(repoRoot, from), 'utf8')])));
  });
  after(() => ws.dispose());

  async function replay(actions: Action[]): Promise<void> {
    const figures = emptyFigures();
    try {
      await new FuzzSession(ws.folder, Object.keys(FILES).sort(), 10_000, figures).run(actions);
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
