// Export: time to export DOCX, HTML and PNG over HTTP from our server child, for the example board and
// a generated board of goals. While a render runs, a probe measures how long the server keeps
// other requests waiting (a render on the event loop stalls every board's sync).
import { exampleBoard, generateBoard } from './lib/boards';
import { round } from './lib/proc';
import { median } from './lib/stats';
import { startBenchServer, removeDataDir } from './servers/index';

export interface ExportResult {
  board: string;
  cards: number;
  format: 'docx' | 'html' | 'png';
  ms: number;
  bytes: number;
  /** Longest /healthz answer while the export ran: how long others waited. */
  othersWaitedMs: number;
  /** Why the export failed (then ms and bytes are 0); the other formats are still measured. */
  error?: string;
}

export async function runExport(o: { goals: number; runs: number }): Promise<ExportResult[]> {
  const server = await startBenchServer('ours');
  const out: ExportResult[] = [];
  try {
    const boards = [
      { name: 'example', json: exampleBoard() },
      { name: `${o.goals} goals`, json: generateBoard(o.goals, { goalsOnly: true }) },
    ];
    for (const b of boards) {
      const t = await server.newBoard(b.json);
      for (const format of ['docx', 'html', 'png'] as const) {
        const times: number[] = [];
        const waits: number[] = [];
        let bytes = 0;
        let error: string | undefined;
        for (let i = 0; i < o.runs && !error; i++) {
          let done = false;
          let worst = 0;
          const probe = (async () => {
            while (!done) {
              const t0 = performance.now();
              // A keep-alive socket the server timed out while it was blocked may reset: retry on a new one.
              await fetch(`${server.url}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
              worst = Math.max(worst, performance.now() - t0);
              await new Promise((r) => setTimeout(r, 5));
            }
          })();
          const t0 = performance.now();
          try {
            const res = await fetch(`${server.url}/api/boards/${t.room}/export?format=${format}`, { headers: { authorization: `Bearer ${t.token}` } });
            if (!res.ok) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
            bytes = (await res.arrayBuffer()).byteLength;
            times.push(performance.now() - t0);
          } catch (err) {
            error = err instanceof Error ? err.message : String(err);
          } finally {
            done = true;
            await probe;
          }
          waits.push(worst);
        }
        out.push({
          board: b.name, cards: b.json.nodes.length, format, ms: error ? 0 : round(median(times), 0), bytes: error ? 0 : bytes,
          othersWaitedMs: round(Math.max(...waits), 0), ...(error ? { error } : {}),
        });
      }
    }
    return out;
  } finally {
    await server.stop();
    removeDataDir(server.dataDir);
  }
}
