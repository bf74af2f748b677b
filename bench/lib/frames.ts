// Frame-time measuring shared by the browser bench and its React Flow baseline.
import type { Page } from 'playwright-core';

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { frames: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +(s[s.length - 1] ?? 0).toFixed(1) };
};

export type FrameStats = ReturnType<typeof stats>;

/** Frame times (ms between animation frames) while `action` runs. */
export async function recordFrames(page: Page, action: () => Promise<void>): Promise<number[]> {
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
}

/** Zooms in to ~0.63 around the middle of the pane; returns the cards then in the DOM. */
export async function zoomToWorkingLevel(page: Page): Promise<number> {
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
  return page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
}

/** Drags the pane back and forth for ~3 s and returns the frame times. */
export async function panFrames(page: Page): Promise<number[]> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  return recordFrames(page, async () => {
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
}

/**
 * A first render is one page load, which a busy moment on the machine can double: each is the
 * median of this many opens, each in a fresh browser context (nothing cached), ours and the baseline alike.
 */
export const FIRST_RENDERS = 3;

/**
 * Opens a page FIRST_RENDERS times, each in a fresh context (`open` makes one and returns it with
 * its time); all but the last are closed, the last is kept for the frame measurements.
 */
export async function firstRenders<T extends { context: { close(): Promise<void> } }>(open: () => Promise<{ person: T; ms: number }>): Promise<{ person: T; runsMs: number[] }> {
  const runsMs: number[] = [];
  for (let i = 1; i < FIRST_RENDERS; i++) {
    const once = await open();
    runsMs.push(once.ms);
    await once.person.context.close();
  }
  const last = await open();
  runsMs.push(last.ms);
  return { person: last.person, runsMs };
}
