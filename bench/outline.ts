// Outline view bench: on a generated board (2,000 cards by default) in headless Chromium, the time
// from pressing «Listevisning» until the tree's items are drawn, how many items the page holds
// (it is windowed), and the time for End to reach the last row. Part of the browser bench
// (bench/browser.ts); alone, without the rest: npx tsx bench/outline.ts [cards]
// (writes bench/results/outline-<cards>-<time>.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../e2e/support/browser';
import { createBoard, startTestServer } from '../e2e/support/server';
import { generateBoard } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface OutlineResult {
  openMs: number;
  itemsInDom: number;
  rows: number;
  endKeyMs: number;
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** On a board page that has loaded: opens the outline view and measures it, then closes it. */
export async function measureOutline(page: Page): Promise<OutlineResult> {
  // Timed in the page, from the click to the second frame after the tree's items exist.
  // A string, not a function: tsx would wrap named inner functions with a helper the page lacks.
  const openMs = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('[data-testid=outline-toggle]').click();
    const wait = () => {
      if (document.querySelectorAll('[role=treeitem]').length > 3) requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(performance.now() - t0))));
      else requestAnimationFrame(wait);
    };
    requestAnimationFrame(wait);
  })`)) as number;
  const itemsInDom = await page.evaluate(() => document.querySelectorAll('[role=treeitem]').length);
  const rows = await page.evaluate(() => Math.round((document.querySelector('.mk-ol-sizer') as HTMLElement).offsetHeight / (document.querySelector('[role=treeitem]') as HTMLElement).offsetHeight));
  await page.getByRole('tree').focus();
  const t1 = Date.now();
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const tree = document.querySelector('[role=tree]')!;
    const el = document.getElementById(tree.getAttribute('aria-activedescendant') ?? '');
    return el?.getAttribute('data-key') === 'band:nav_local' || (el && el.getAttribute('aria-posinset') === el.getAttribute('aria-setsize') && tree.scrollTop > 0);
  });
  await twoFrames(page);
  const endKeyMs = Date.now() - t1;
  await page.getByTestId('outline-toggle').click();
  return { openMs, itemsInDom, rows, endKeyMs };
}

async function runOutline(n: number): Promise<OutlineResult & { cards: number; date: string; errors: string[] }> {
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'client'), logLevel: 'warn' });
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const board = await createBoard(server.url, { board: generateBoard(n) });
    const p = await newPerson(browser, 'Bench', { width: 1600, height: 1000 });
    await p.page.goto(`${server.url}/b/${board.id}?token=${board.tokens.editor}`);
    await p.page.waitForFunction((c) => window.__malkart?.cards().length === c && !!document.querySelector('[data-testid=outline-toggle]'), n, { timeout: 60_000 });
    // Let the canvas finish its first render and settle, as the browser bench does before measuring.
    await p.page.waitForTimeout(3000);
    const r = await measureOutline(p.page).catch((err: unknown) => {
      throw new Error(`${String(err)}\npage errors: ${p.errors.join('\n')}`);
    });
    return { date: new Date().toISOString(), cards: n, ...r, errors: p.errors };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 2000);
  runOutline(n).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      mkdirSync(path.join(root, 'bench/results'), { recursive: true });
      writeFileSync(path.join(root, `bench/results/outline-${n}-${Date.now()}.json`), JSON.stringify(result, null, 2));
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
