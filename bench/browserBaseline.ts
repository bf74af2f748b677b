// The browser bench's baseline (#19 §1): plain React Flow (bench/baseline/) drawing the same
// generated board in the same Chromium and run, with and without onlyRenderVisibleElements, so
// the browser figures are read as ours / baseline and not as absolute times that swing with the
// machine. Built with Vite into a temporary folder and served by a tiny static server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { newPerson } from '../e2e/support/browser';
import { firstRenders, panFrames, stats, zoomToWorkingLevel, type FrameStats } from './lib/frames';
import { median } from './lib/stats';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BaselineResult {
  name: 'react-flow' | 'react-flow-visible-only';
  nodesInDom: number;
  /** The median of FIRST_RENDERS opens, as ours. */
  firstRenderMs: number;
  firstRenderRunsMs: number[];
  panFrameMs: FrameStats;
  /** Ours divided by this baseline (first render; median and p95 pan frame). */
  ratio: { firstRender: number; panMedian: number; panP95: number };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

async function serve(dir: string, boardJson: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/board.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(boardJson);
      return;
    }
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}

const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(2) : 0);

export async function runBaseline(browser: Browser, board: { nodes: unknown[] }, ours: { firstRenderMs: number; panFrameMs: FrameStats }): Promise<BaselineResult[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'malkart-rf-baseline-'));
  const { url, server } = await (async () => {
    await build({ configFile: false, root: path.join(here, 'baseline'), plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return serve(outDir, JSON.stringify(board));
  })();
  const results: BaselineResult[] = [];
  try {
    for (const visibleOnly of [false, true]) {
      // As ours: the median of FIRST_RENDERS opens in fresh contexts; the last one stays for panning.
      const open = async () => {
        const person = await newPerson(browser, 'Baseline', { width: 1600, height: 1000 });
        const t0 = Date.now();
        await person.page.goto(`${url}/?visible=${visibleOnly ? 1 : 0}`);
        await person.page.waitForFunction((n) => (window as unknown as { __baselineReady?: number }).__baselineReady === n && document.querySelectorAll('.react-flow__node').length > 0, board.nodes.length, { timeout: 120_000 });
        await person.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        return { person, ms: Date.now() - t0 };
      };
      const { person: p, runsMs: firstRenderRunsMs } = await firstRenders(open);
      const firstRenderMs = median(firstRenderRunsMs);
      await p.page.waitForTimeout(800);
      const nodesInDom = await zoomToWorkingLevel(p.page);
      const pan = stats(await panFrames(p.page));
      results.push({
        name: visibleOnly ? 'react-flow-visible-only' : 'react-flow',
        nodesInDom,
        firstRenderMs,
        firstRenderRunsMs,
        panFrameMs: pan,
        ratio: { firstRender: ratio(ours.firstRenderMs, firstRenderMs), panMedian: ratio(ours.panFrameMs.median, pan.median), panP95: ratio(ours.panFrameMs.p95, pan.p95) },
      });
      await p.context.close();
    }
  } finally {
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return results;
}
