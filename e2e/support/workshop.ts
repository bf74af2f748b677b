// Helpers for the workshop browser tests: a small board to work on, people with a side, the
// viewport through the test hook, and screenshots for the facilitator guide (docs/images/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { newPerson, openBoard, type Person } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Every run writes its screenshots to e2e/artifacts/ (not tracked). With MALKART_GUIDE_IMAGES=1 they
// replace the guide's pictures in docs/images/, so a plain `npm test` leaves the checkout clean.
export const GUIDE_IMAGES = path.join(root, process.env.MALKART_GUIDE_IMAGES === '1' ? 'docs/images' : 'e2e/artifacts/guide');

export type Viewport = { x: number; y: number; zoom: number; width?: number; height?: number };

/** The flow point at the centre of the canvas: two tabs show the same spot when it and the zoom match. */
const centre = (v: Viewport) => ({ x: ((v.width ?? 0) / 2 - v.x) / v.zoom, y: ((v.height ?? 0) / 2 - v.y) / v.zoom });

const node = (id: string, kind: string, title: string, x: number, y: number, tier = 'kommuneplan', owner = 'kommune') => ({
  id, kind, tier, owner, title, description: '', position: { x, y },
});

/** Three goals, an indicator and a measure in the kommuneplan band. */
export const WORKSHOP_BOARD = {
  format: 'malkart.board',
  version: 1,
  meta: { title: 'Partnerskapsmøte Lier' },
  nodes: [
    node('g1', 'goal', 'Flere unge i arbeid eller utdanning', 0, 420),
    node('g2', 'goal', 'Færre barn i lavinntektsfamilier', 300, 420),
    node('g3', 'goal', 'Bedre helse for eldre', 600, 420),
    node('i1', 'indicator', 'Andel unge utenfor arbeid', 0, 600),
    node('m1', 'measure', 'Ungdomsgaranti i NAV Lier', 300, 600, 'nav_local', 'felles'),
  ],
  edges: [],
};

export async function join(browser: Browser, base: string, board: { id: string }, token: string, name: string, side: string): Promise<Person> {
  const p = await newPerson(browser, name, { side, width: 1400, height: 860 });
  await openBoard(p, base, board.id, token);
  return p;
}

/** Siri on the stat link and Kari on the kommune link, each in her own browser context, one after the other. */
export async function joinBothSides(browser: Browser, base: string, board: { id: string; tokens: { stat: string; kommune: string } }): Promise<{ stat: Person; kommune: Person }> {
  const stat = await join(browser, base, board, board.tokens.stat, 'Siri Stat', 'stat');
  const kommune = await join(browser, base, board, board.tokens.kommune, 'Kari Kommune', 'kommune');
  return { stat, kommune };
}

export const viewportOf = (page: Page) => page.evaluate(() => window.__malkart!.viewport()!);

/** The viewport once it has stopped moving (the same for ten frames in a row). */
export const settledViewport = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Viewport>((resolve) => {
        let last = JSON.stringify(window.__malkart!.viewport());
        let same = 0;
        const tick = () => {
          const now = JSON.stringify(window.__malkart!.viewport());
          if (now === last && ++same >= 10) return resolve(JSON.parse(now) as Viewport);
          if (now !== last) (same = 0), (last = now);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

/** Waits until the page shows the same spot (its centre, within rounding) at the same zoom as the given viewport. */
export async function waitForViewport(page: Page, v: Viewport): Promise<void> {
  const want = { ...centre(v), zoom: v.zoom };
  await page.waitForFunction(
    (w) => {
      const got = window.__malkart?.viewport();
      if (!got) return false;
      const cx = (got.width / 2 - got.x) / got.zoom;
      const cy = (got.height / 2 - got.y) / got.zoom;
      return Math.abs(cx - w.x) < 1 && Math.abs(cy - w.y) < 1 && Math.abs(got.zoom - w.zoom) < 0.001;
    },
    want,
    { timeout: 10_000 },
  );
}

export const sameViewport = (a: Viewport, b: Viewport) => {
  const ca = centre(a);
  const cb = centre(b);
  return Math.abs(ca.x - cb.x) < 1 && Math.abs(ca.y - cb.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.001;
};

/** Pans by dragging empty canvas near its top-right corner, as a person would. */
export async function panCanvas(page: Page, dx: number, dy: number): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  const x = box.x + box.width - 120;
  const y = box.y + 60;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

export async function wheelCanvas(page: Page, deltaY: number): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, deltaY);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(GUIDE_IMAGES, name) });
}

/** The workshop state a tab holds, through the test hook. */
export const workshopOf = (page: Page) =>
  page.evaluate(() => window.__malkart!.workshop() as { following: boolean; facilitatorId: string | null; presenting: boolean; openVote: null | { id: string; mine: Record<string, number> }; shownResults: string | null });
