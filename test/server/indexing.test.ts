import * as assert from 'assert';
import { renderText } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { tempWorkspace, TestClient } from './harness';

/** The first indexing of the workspace folders, as the editor shows it: work-done progress the user can cancel. */
describe('server: indexing progress', () => {
  const files: Record<string, string> = { 'test-guideline.yaml': testGuideline.text };
  for (let i = 0; i < 120; i++) files[`standards/${i % 12}/s-${i}.yaml`] = completeStandard().replace('id: std-1', `id: std-${i}`);

  it('is reported as cancellable progress: a title, counts of the files read, and its end; then the log says how many were read', async () => {
    const ws = tempWorkspace(files);
    const client = new TestClient();
    client.workDoneProgress = true;
    try {
      await client.initialize(ws.folder);
      await client.whenIndexed();
      await client.whenProgressEnded();
      const values = client.progress.map((p) => p.value);
      assert.deepStrictEqual(values[0], { kind: 'begin', title: 'Kijun: reading the workspace', cancellable: true, percentage: 0 });
      assert.deepStrictEqual(values.filter((v) => v.kind === 'report').map((v) => v.message),
        Array.from({ length: 12 }, (_, k) => `${(k + 1) * 10} of 121 files`));
      assert.deepStrictEqual(values.at(-1), { kind: 'end' });
      assert.ok(client.logs.includes('[kijun] indexed 121 file(s)'), client.logs.join('\n'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('cancelled by the user: the progress ends, the log says how many files were read, and the rest are not', async () => {
    const ws = tempWorkspace(files);
    const client = new TestClient();
    client.workDoneProgress = true;
    client.onProgressCreated = (token) => void client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    try {
      await client.initialize(ws.folder);
      await client.whenProgressEnded();
      assert.deepStrictEqual(client.progress.at(-1)?.value, { kind: 'end' });
      const line = await client.whenLogged((l) => l.startsWith('[kijun] indexing cancelled'));
      const read = Number(/after (\d+) file/.exec(line ?? '')?.[1]);
      // The cancel arrives while the folders are walked or the first files read: far from all of them.
      assert.ok(read < 121, line);
      assert.strictEqual(line, `[kijun] ${renderText('server.indexing-cancelled', { files: read }, 'en')}`);
      assert.strictEqual(renderText('server.indexing-cancelled', { files: read }, 'ja'), `${read} 件のファイルを読み込んだところで読み込みを中止しました`);
      assert.ok(!client.logs.some((l) => l.startsWith('[kijun] indexed ')), client.logs.join('\n'));
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
