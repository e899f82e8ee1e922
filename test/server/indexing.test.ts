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

/**
 * A guideline opened in a workspace whose standards are indexed but not parsed: its first check does not parse
 * them all at once; they are read in the background with progress, and then its notes are published.
 */
describe('server: the standards that follow a guideline, read in the background', () => {
  const files: Record<string, string> = { 'test-guideline.yaml': testGuideline.text };
  for (let i = 0; i < 40; i++) files[`standards/s-${i}.yaml`] = completeStandard().replace('id: std-1', `id: std-${i}`);

  it('the first publish has no notes on items no standard covers; after the progress ends, the notes of all 40', async () => {
    const ws = tempWorkspace(files);
    const client = new TestClient();
    client.workDoneProgress = true;
    try {
      await client.initialize(ws.folder);
      await client.whenIndexed();
      await client.whenProgressEnded();
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
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
