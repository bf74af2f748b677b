// Asks a child started with --inspect to collect garbage and report its live heap, so a memory
// figure shows what the server holds rather than garbage V8 has not collected yet.
import WebSocket from 'ws';

export function inspectorUrl(output: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;
}

export async function collectGarbage(url: string): Promise<{ heapUsedMiB: number }> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let id = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<{ result?: { result?: { value?: unknown } } }>((resolve) => {
      const my = ++id;
      const onMessage = (data: Buffer) => {
        const m = JSON.parse(data.toString()) as { id?: number };
        if (m.id === my) {
          ws.off('message', onMessage);
          resolve(m as never);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: my, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const r = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
    return { heapUsedMiB: Number(r.result?.result?.value ?? 0) / 2 ** 20 };
  } finally {
    ws.close();
  }
}
