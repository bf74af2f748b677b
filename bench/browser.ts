// Browser bench: headless Chromium opens a generated 2,000-card board through a real server and
// reports time to first render, frame times while panning, and frame times while a remote client
// moves cards in view, beside plain React Flow on the same board (bench/browserBaseline.ts), and
// first render and panning of the largest board we support. Part of `npm run bench` (bench/run.ts);
// alone: npx tsx bench/browser.ts [cards] [largest cards]
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
import { runBaseline, type BaselineResult } from './browserBaseline';
import type { Page } from 'playwright-core';
import { firstRenders, panFrames, recordFrames, stats, zoomToWorkingLevel, type FrameStats } from './lib/frames';
import { median } from './lib/stats';

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

export interface BrowserResult {
  date: string;
  cards: number;
  edges: number;
  window: string;
  nodesInDom: number;
  /** The median of FIRST_RENDERS opens, each in a fresh browser context (the first with the board not loaded on the server). */
  firstRenderMs: number;
  /** Every open, in order. */
  firstRenderRunsMs: number[];
  panFrameMs: FrameStats;
  remoteMoveFrameMs: FrameStats;
  /** Opening the outline view («Listevisning») on the same board. */
  outline?: OutlineResult;
  /** Plain React Flow on the same board in the same run (bench/baseline/): ours / baseline. */
  baseline?: BaselineResult[];
  /** The largest board we claim to support (10,000 cards): first render and pan only. */
  largest?: { cards: number; edges: number; nodesInDom: number; firstRenderMs: number; panFrameMs: FrameStats };
  errors: string[];
}

const WINDOW = { width: 1600, height: 1000 };

/** Opens a board page and waits until all `n` cards are known and drawn; returns ms from navigation. */
async function openBoard(page: Page, url: string, n: number): Promise<number> {
  const t0 = Date.now();
  await page.goto(url);
  // Polled every frame: cardCount() is cheap, where cards() would read all the cards each time (~12–30 ms
  // for 2,000 here) and slow down the very page being measured; the baseline polls a number too.
  await page.waitForFunction(
    (n) => (window.__malkart?.cardCount?.() ?? window.__malkart?.cards().length) === n && document.querySelectorAll('.react-flow__node').length > 0,
    n,
    { timeout: 120_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - t0;
}

export async function runBrowser(N = 2000, opts: { largest?: number; baseline?: boolean } = {}): Promise<BrowserResult> {
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'client'), logLevel: 'warn' });
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const boardJson = generateBoard(N);
    const board = await createBoard(server.url, { board: boardJson });
    const boardUrl = `${server.url}/b/${board.id}?token=${board.tokens.editor}`;
    // The first open finds the board not loaded on the server; the later ones find it loaded. The
    // last stays for the frame measurements below.
    const { person: p, runsMs: firstRenderRunsMs } = await firstRenders(async () => {
      const person = await newPerson(browser, 'Bench', WINDOW);
      return { person, ms: await openBoard(person.page, boardUrl, N) };
    });
    const page = p.page;
    const firstRenderMs = median(firstRenderRunsMs);

    // Opens at the zoom where ~56 cards are in view, as the first browser baseline was measured.
    await page.waitForTimeout(800);
    const inView = await zoomToWorkingLevel(page);
    const pan = await panFrames(page);

    // A remote client moves the cards in view every 50 ms for ~3 s.
    const visible = await page.evaluate(() => window.__malkart!.rendered().slice(0, 20));
    const remote = await connectNodeClient(server.url, board.id, board.tokens.editor);
    const base = new Map(visible.map((id) => [id, (remote.doc.getMap('layout').get(id) as { x: number; y: number }) ?? { x: 0, y: 0 }]));
    const remoteFrames = await recordFrames(page, async () => {
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
    await p.context.close();

    const result: BrowserResult = {
      date: new Date().toISOString(),
      cards: N,
      edges: boardJson.edges.length,
      window: `${WINDOW.width}x${WINDOW.height}`,
      nodesInDom: inView,
      firstRenderMs,
      firstRenderRunsMs,
      panFrameMs: stats(pan),
      remoteMoveFrameMs: stats(remoteFrames),
      outline,
      errors: p.errors,
    };

    if (opts.baseline !== false) result.baseline = await runBaseline(browser, boardJson, { firstRenderMs, panFrameMs: result.panFrameMs });

    if (opts.largest) {
      const big = generateBoard(opts.largest);
      const bigBoard = await createBoard(server.url, { board: big });
      const q = await newPerson(browser, 'Bench', WINDOW);
      const bigFirst = await openBoard(q.page, `${server.url}/b/${bigBoard.id}?token=${bigBoard.tokens.editor}`, opts.largest);
      await q.page.waitForTimeout(800);
      const bigInView = await zoomToWorkingLevel(q.page);
      result.largest = { cards: opts.largest, edges: big.edges.length, nodesInDom: bigInView, firstRenderMs: bigFirst, panFrameMs: stats(await panFrames(q.page)) };
      result.errors.push(...q.errors);
      await q.context.close();
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 2000);
  const largest = process.argv[3] ? Number(process.argv[3]) : undefined;
  runBrowser(n, { largest }).then(
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
