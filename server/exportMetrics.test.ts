// The render pool on /metrics: its queue, its limits (EXPORT_QUEUE, EXPORT_TIMEOUT_MS) and its failures.
import { expect, it } from 'vitest';
import { RenderPool } from './export/RenderPool';
import { cleanUpAfterEach, createBoard, startTestServer } from './testing/testServer';

cleanUpAfterEach();
const FAULTY = new URL('./export/testing/faultyRenderWorker.ts', import.meta.url);

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

it('shows the export queue bound and time limit from the settings', async () => {
  const server = await startTestServer({ autoSnapshotMs: 0, exportQueue: 5, exportTimeoutMs: 12_000 });
  const text = await (await fetch(`${server.url}/metrics`)).text();
  expect(metric(text, 'malkart_export_queue_limit')).toBe(5);
  expect(metric(text, 'malkart_export_timeout_seconds')).toBe(12);
  expect(metric(text, 'malkart_export_queue_length')).toBe(0);
  expect(metric(text, 'malkart_export_crashes_total')).toBe(0);
});

it('counts a render worker that crashes', async () => {
  const server = await startTestServer({ autoSnapshotMs: 0, renderPool: new RenderPool({ size: 1, workerUrl: FAULTY }) });
  const board = await createBoard(server.url, { title: '__crash__' });
  const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=docx&token=${board.tokens.viewer}`);
  expect(res.status).toBe(500);
  const text = await (await fetch(`${server.url}/metrics`)).text();
  expect(metric(text, 'malkart_export_crashes_total')).toBe(1);
  expect(metric(text, 'malkart_export_timeouts_total')).toBe(0);
});
