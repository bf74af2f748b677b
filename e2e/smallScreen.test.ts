// Small screens (#11 §5): at 1024×768 and 1280×720 the top bar's controls stay on screen and can be
// clicked (nothing covers them), the palette keeps visible labels, the overview map does not cover
// cards, the side panel leaves most of the width to the canvas, and the example board's card titles
// are drawn at a readable size at the zoom the board opens with.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPerson, openBoard } from './support/browser';
import { createBoard } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
});

/** Whole on screen, and the element itself (not something over it) would take a click. */
async function reachable(page: Page, name: string, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(vp.width);
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(vp.height);
  await locator.click({ trial: true, timeout: 3000 });
}

for (const [width, height] of [[1024, 768], [1280, 720]] as const) {
  describe(`at ${width}×${height}`, () => {
    let page: Page;
    beforeAll(async () => {
      const p = await newPerson(browser, 'Liten Skjerm', { width, height, side: 'kommune' });
      page = p.page;
      await openBoard(p, server.url, board.id, board.tokens.owner);
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);
    });

    it('«Hjelp», the language choice, the board title and the view tools are on screen and clickable', async () => {
      await reachable(page, 'board title', page.locator('.mk-board-title'));
      await reachable(page, 'language', page.getByRole('combobox', { name: 'Språk' }));
      // The search field is a combobox (its hits are a listbox) inside the search landmark.
      await reachable(page, 'search', page.getByRole('search').getByRole('combobox'));
      for (const name of ['Filter', 'Vis alt', 'Eksporter', 'Øyeblikksbilder', 'Hjelp']) {
        await reachable(page, name, page.locator('.mk-topbar').getByRole('button', { name, exact: true }));
      }
      // They work: help opens and closes, the language changes the page and back.
      await page.getByRole('button', { name: 'Hjelp', exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
      await reachable(page, 'Help', page.getByRole('button', { name: 'Help', exact: true }));
      await page.getByRole('combobox', { name: 'Language' }).selectOption('nb');
      await page.getByRole('button', { name: 'Hjelp', exact: true }).waitFor();
    });

    it('«Del» is on screen and clickable, and its dialog fits the screen', async () => {
      const share = page.locator('.mk-topbar').getByRole('button', { name: 'Del', exact: true });
      await reachable(page, 'Del', share);
      await share.click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.getByTestId('share-dialog').waitFor();
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Focus goes back to «Del».
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-button');
    });

    it('palette buttons show their label, not only an icon', async () => {
      const labels = page.locator('.mk-palette-item .mk-palette-label');
      expect(await labels.count()).toBe(10);
      for (let i = 0; i < 10; i++) {
        expect(await labels.nth(i).isVisible()).toBe(true);
        await reachable(page, `palette ${i}`, page.locator('.mk-palette-item').nth(i));
      }
    });

    it('the overview map covers no card, the side panel leaves most of the width to the canvas', async () => {
      expect(await page.getByTestId('overview-map').count()).toBe(0);
      const toggle = page.getByTestId('overview-toggle');
      await reachable(page, 'overview toggle', toggle);
      const t = (await toggle.boundingBox())!;
      const covered = await page.evaluate((r) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
          const b = el.getBoundingClientRect();
          if (b.left < r.x + r.width && r.x < b.right && b.top < r.y + r.height && r.y < b.bottom) out.push(el.dataset.id!);
        }
        return out;
      }, t);
      expect(covered).toEqual([]);
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      expect(canvas.width).toBeGreaterThan(width * 0.68);
      expect(canvas.height).toBeGreaterThan(height * 0.6);
    });

    it('card titles are at least 11 px on screen at the zoom the example board opens with', async () => {
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.react-flow__node .mk-card-low-title, .react-flow__node .mk-card-title')].map((el) => {
          const zoom = window.__malkart!.viewport()!.zoom;
          return parseFloat(getComputedStyle(el).fontSize) * zoom;
        }),
      );
      expect(sizes.length).toBe(27);
      for (const s of sizes) expect(s).toBeGreaterThanOrEqual(11);
    });
  });
}

// WCAG 1.4.10: at 320 CSS px wide (a phone, or a 1280 px screen zoomed to 400 %) the board page
// needs no sideways scrolling, and the top bar's controls are all on screen. (The canvas itself is
// a two-dimensional figure, which the criterion exempts.)
describe('at 320×640', () => {
  it('the page does not scroll sideways, and «Del», the language, «Hjelp» and the view tools are on screen', async () => {
    const p = await newPerson(browser, 'Smal Skjerm', { width: 320, height: 640, side: 'kommune' });
    const page = p.page;
    try {
      await openBoard(p, server.url, board.id, board.tokens.owner);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        bars: [...document.querySelectorAll<HTMLElement>('.mk-topbar, .mk-toolbar, .mk-ws-bar')].map((e) => [e.className, e.scrollWidth, e.clientWidth]),
      }));
      expect(widths.page, JSON.stringify(widths)).toBeLessThanOrEqual(320);
      for (const [name, scroll, client] of widths.bars) expect(scroll, String(name)).toBeLessThanOrEqual(Number(client));
      const horizontal = async (name: string, locator: ReturnType<Page['locator']>) => {
        const box = (await locator.boundingBox())!;
        expect(box.x, `${name} left`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(320);
      };
      await horizontal('«Del»', page.getByRole('button', { name: 'Del', exact: true }));
      await horizontal('«Hjelp»', page.getByRole('button', { name: 'Hjelp', exact: true }));
      await horizontal('language', page.getByRole('combobox', { name: /Språk|Language/ }));
      await horizontal('«Eksporter»', page.getByRole('button', { name: 'Eksporter' }));
    } finally {
      await p.context.close();
    }
  });
});
