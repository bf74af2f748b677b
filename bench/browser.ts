// Browser bench: headless Chromium opens a generated 2,000-card board through a real server and
// reports time to first render, frame times while panning, and frame times while a remote client
// moves cards in view. Part of `npm run bench` (bench/run.ts); alone: npx tsx bench/browser.ts [cards]
// (writes bench/results/browser-<cards>-<time>.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import * as Y from 'yjs';
import { moveNodes } from '../shared';
import { launchBrowser, newPerson } from '../e2e/support/browser';
import { createBoard, startTestServer } from '../e2e/support/server';
import { connectNodeClient } from '../e2e/support/yclient';
import { measureOutline, type OutlineResult } from './outline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLS = 50;
const DX = 300;
const DY = 160;

export function generateBoard(n: number) {
  const tiers = ['national', 'kommuneplan', 'nav_local'] as const;
  const owners = { national: 'stat', kommuneplan: 'kommune', nav_local: 'felles' } as const;
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const col = i % COLS;
    const row = Math.floor(i / COLS);
    const tier = tiers[Math.min(2, Math.floor((row * DY + 55 + 60) / 420))]!;
    nodes.push({
      id: `g${i}`, kind: 'goal', tier, owner: owners[tier], title: `Mål ${i}: flere i arbeid og aktivitet i kommune ${row}`,
      description: '', level: 'delmål', position: { x: col * DX, y: row * DY },
    });
  }
  // 1.2 links per card, to a near neighbour with a lower index (so no cycles).
  const edges = [];
  let e = 0;
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 1; i < n; i++) {
    const links = rnd() < 0.2 ? 2 : 1;
    for (let k = 0; k < links; k++) {
      const j = Math.max(0, i - 1 - Math.floor(rnd() * (k ? COLS + 2 : 3)));
      if (j === i) continue;
      edges.push({ id: `e${e++}`, kind: 'contributesTo', source: `g${i}`, target: `g${j}` });
    }
  }
  const seen = new Set<string>();
  const unique = edges.filter((x) => (seen.has(`${x.source}|${x.target}`) ? false : (seen.add(`${x.source}|${x.target}`), true)));
  return { format: 'malkart.board', version: 1, meta: { title: `Bench ${n}` }, nodes, edges: unique };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { frames: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +(s[s.length - 1] ?? 0).toFixed(1) };
};

export interface BrowserResult {
  date: string;
  cards: number;
  edges: number;
  window: string;
  nodesInDom: number;
  firstRenderMs: number;
  panFrameMs: ReturnType<typeof stats>;
  remoteMoveFrameMs: ReturnType<typeof stats>;
  /** Opening the outline view («Listevisning») on the same board. */
  outline?: OutlineResult;
  errors: string[];
}

export async function runBrowser(N = 2000): Promise<BrowserResult> {
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'client'), logLevel: 'warn' });
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const boardJson = generateBoard(N);
    const board = await createBoard(server.url, { board: boardJson });
    const p = await newPerson(browser, 'Bench', { width: 1600, height: 1000 });
    const page = p.page;

    // Start at the zoom where ~56 cards are in view, as the first browser baseline was measured.
    const t0 = Date.now();
    await page.goto(`${server.url}/b/${board.id}?token=${board.tokens.editor}`);
    await page.waitForFunction((n) => window.__malkart?.cards().length === n && document.querySelectorAll('.react-flow__node').length > 0, N, { timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const firstRenderMs = Date.now() - t0;
    await page.waitForTimeout(800);
    // Zoom in to ~0.63 around the middle of the board.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 40; i++) {
      const zoom = await page.evaluate(() => {
        const t = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
        return new DOMMatrix(t).a;
      });
      if (zoom >= 0.6) break;
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const inView = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);

    const record = async (action: () => Promise<void>) => {
      // A string, not a function: tsx would wrap named inner functions with a helper the page lacks.
      await page.evaluate(`(() => {
        window.__frames = []; window.__rec = true; let last = performance.now();
        const loop = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(loop); };
        requestAnimationFrame(loop);
      })()`);
      await action();
      return page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __rec: boolean };
        w.__rec = false;
        return w.__frames.slice(1);
      });
    };

    // Pan by dragging the pane back and forth for ~3 s.
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    const panFrames = await record(async () => {
      const end = Date.now() + 3000;
      let dir = 1;
      while (Date.now() < end) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx - dir * 500, cy - dir * 200, { steps: 25 });
        await page.mouse.up();
        dir = -dir;
      }
    });

    // A remote client moves the cards in view every 50 ms for ~3 s.
    const visible = await page.evaluate(() => window.__malkart!.rendered().slice(0, 20));
    const remote = await connectNodeClient(server.url, board.id, board.tokens.editor);
    const base = new Map(visible.map((id) => [id, (remote.doc.getMap('layout').get(id) as { x: number; y: number }) ?? { x: 0, y: 0 }]));
    const remoteFrames = await record(async () => {
      const end = Date.now() + 3000;
      let k = 0;
      while (Date.now() < end) {
        k++;
        const pos: Record<string, { x: number; y: number }> = {};
        for (const [id, b] of base) pos[id] = { x: b.x + (k % 10) * 4, y: b.y + (k % 10) * 2 };
        moveNodes(remote.doc as Y.Doc, pos, 'bench');
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    remote.close();
    const outline = await measureOutline(page);

    const result: BrowserResult = {
      date: new Date().toISOString(),
      cards: N,
      edges: boardJson.edges.length,
      window: '1600x1000',
      nodesInDom: inView,
      firstRenderMs,
      panFrameMs: stats(panFrames),
      remoteMoveFrameMs: stats(remoteFrames),
      outline,
      errors: p.errors,
    };
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 2000);
  runBrowser(n).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      mkdirSync(path.join(root, 'bench/results'), { recursive: true });
      writeFileSync(path.join(root, `bench/results/browser-${n}-${Date.now()}.json`), JSON.stringify(result, null, 2));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
