import * as assert from 'assert';
import { renderText } from '../../server/src/core';
import { completeStandard, testGuideline } from '../fixtures';
import { tempWorkspace, TestClient } from './harness';

/** The first indexing of the workspace folders, as the editor shows it: work-done progress the user can cancel. */
/** The test guideline and `count` standards that follow it, the i-th in the folder `folderOf(i)`. */
function guidelineAndStandards(count: number, folderOf: (i: number) => string): Record<string, string> {
  const files: Record<string, string> = { 'test-guideline.yaml': testGuideline.text };
  for (let i = 0; i < count; i++) files[`${folderOf(i)}/s-${i}.yaml`] = completeStandard().replace('id: std-1', `id: std-${i}`);
  return files;
}

/** Runs `body` against a server that shows work-done progress, started on a folder of `files` and indexed once. */
async function withIndexedServer(files: Record<string, string>, body: (client: TestClient, ws: ReturnType<typeof tempWorkspace>) => Promise<void>): Promise<void> {
  const ws = tempWorkspace(files);
  const client = new TestClient();
  client.workDoneProgress = true;
  try {
    await client.initialize(ws.folder);
    await client.whenIndexed();
    await client.whenProgressEnded();
    await body(client, ws);
  } finally {
    await client.shutdown();
    ws.dispose();
  }
}

describe('server: indexing progress', () => {
  const files = guidelineAndStandards(120, (i) => `standards/${i % 12}`);

  it('is reported as cancellable progress: a title, counts of the files read, and its end; then the log says how many were read', async () => {
    await withIndexedServer(files, async (client) => {
      const values = client.progress.map((p) => p.value);
      assert.deepStrictEqual(values[0], { kind: 'begin', title: 'Kijun: reading the workspace', cancellable: true, percentage: 0 });
      assert.deepStrictEqual(values.filter((v) => v.kind === 'report').map((v) => v.message),
        Array.from({ length: 12 }, (_, k) => `${(k + 1) * 10} of 121 files`));
      assert.deepStrictEqual(values.at(-1), { kind: 'end' });
      assert.ok(client.logs.includes('[kijun] indexed 121 file(s)'), client.logs.join('\n'));
    });
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

/**
 * A guideline opened in a workspace whose standards are indexed but not parsed: its first check does not parse
 * them all at once; they are read in the background with progress, and then its notes are published.
 */
describe('server: the standards that follow a guideline, read in the background', () => {
  const files = guidelineAndStandards(40, () => 'standards');

  it('the first publish has no notes on items no standard covers; after the progress ends, the notes of all 40', async () => {
    await withIndexedServer(files, async (client, ws) => {
      const indexingEvents = client.progress.length;
      const uri = ws.uri('test-guideline.yaml');
      assert.deepStrictEqual(await client.open(uri, testGuideline.text), []);
      const later = await client.diagnosticsWhere(uri, (d) => d.length > 0);
      assert.deepStrictEqual(later.map((d) => ({ code: d.code, range: d.range, severity: d.severity, message: d.message })), [{
        code: 'coverage.not-covered-in-workspace',
        range: { start: { line: 39, character: 13 }, end: { line: 39, character: 16 } },
        severity: 3,
        message: 'No standard in the workspace covers C-1 (40 standard(s) follow this guideline).',
      }]);
      const reading = client.progress.slice(indexingEvents).map((p) => p.value);
      assert.deepStrictEqual(reading[0], { kind: 'begin', title: 'Kijun: reading the standards that follow test-g', cancellable: false, message: '0 of 40 standards', percentage: 0 });
      assert.deepStrictEqual(reading.at(-2), { kind: 'report', message: '40 of 40 standards', percentage: 100 });
      assert.deepStrictEqual(reading.at(-1), { kind: 'end' });
      assert.strictEqual(renderText('server.reading-followers', { id: 'test-g' }, 'ja'), 'Kijun: test-g に従う安全基準等を読み込み中');
      assert.strictEqual(renderText('server.reading-followers-count', { count: 3, total: 40 }, 'ja'), '40 件中 3 件');
    });
  });
});
