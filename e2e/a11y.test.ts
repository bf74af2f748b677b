// axe-core (WCAG 2.0/2.1 A and AA rules) on every view of Målkart, in bokmål and English: no
// serious or critical violation on the landing page, the join dialog, the board (with and without
// a card selected), the outline view, the export, snapshot, share («Del»), filter and help dialogs, and every
// workshop panel. Also the canvas's accessible names: a card says kind, band, title, owner and
// agreement; a link says its kind and both titles, never internal ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STRINGS } from '../client/i18n/strings';
import { cardSelector, newPerson, openBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { seriousViolations } from './support/axe';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD as { nodes: { id: string; kind: string; title: string }[] };

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
});


for (const lang of ['nb', 'en'] as const) {
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  describe(`axe, ${lang}`, () => {
    let p: Person;
    let page: Page;
    const clean = async (include?: string) => expect(await seriousViolations(page, include)).toEqual([]);
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    beforeAll(async () => {
      p = await newPerson(browser, 'Åse Aksessibel', { side: 'kommune', width: 1500, height: 950 });
      page = p.page;
      await p.context.addInitScript((l) => localStorage.setItem('malkart.lang', l), lang);
      page.setDefaultTimeout(10_000);
    });
    afterAll(async () => {
      await p?.context.close();
    });

    it('the landing page', async () => {
      await page.goto(`${server.url}/`);
      await page.locator('h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await clean();
    });

    it('the join dialog', async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      try {
        await context.addInitScript((l) => localStorage.setItem('malkart.lang', l), lang);
        const fresh = await context.newPage();
        await fresh.goto(`${server.url}/b/${board.id}#token=${board.tokens.editor}`);
        await fresh.getByTestId('join-dialog').waitFor();
        expect(await seriousViolations(fresh)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('the board, nothing selected', async () => {
      await openBoard(p, server.url, board.id, board.tokens.editor);
      await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 20);
      expect(await page.locator('main').count()).toBe(1);
      await clean();
    });

    it('the canvas names cards and links in the UI language', async () => {
      const goal = example.nodes.find((n) => n.kind === 'goal')!;
      const card = await page.locator(cardSelector(goal.id)).getAttribute('aria-label');
      expect(card).toContain(goal.title);
      expect(await page.locator(cardSelector(goal.id)).getAttribute('aria-roledescription')).toBe(lang === 'nb' ? 'kort' : 'card');
      expect(card).toContain(lang === 'nb' ? 'Eier:' : 'Owner:');
      expect(card).toMatch(lang === 'nb' ? /Ikke avtalt|Avtalt|enig/ : /Not agreed|Agreed|agrees/);
      const edges = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(edges.length).toBeGreaterThan(0);
      for (const name of edges) {
        expect(name).not.toMatch(/^Edge from/);
        expect(name.startsWith(lang === 'nb' ? 'Kobling: «' : 'Link: “')).toBe(true);
      }
      expect(await page.locator('.react-flow__edge').first().getAttribute('aria-roledescription')).toBe(lang === 'nb' ? 'kobling' : 'link');
    });

    it('the board with a card selected', async () => {
      await page.click(cardSelector('K1'));
      await page.locator('.mk-side [data-testid="agreement-section"], .mk-side h2').first().waitFor();
      await clean();
    });

    // WCAG 3.1.2: the board's own text (a bokmål board) is marked as such on an English screen, so
    // it is read with Norwegian pronunciation; on a bokmål screen it needs no mark.
    it('the board\'s text carries its language where the UI speaks another', async () => {
      const want = lang === 'nb' ? null : 'nb';
      expect(await page.locator(`${cardSelector('K1')} :is(.mk-card-title, .mk-card-low-title)`).getAttribute('lang')).toBe(want);
      expect(await page.getByTestId('field-title').getAttribute('lang')).toBe(want);
      expect(await page.getByTestId('field-description').getAttribute('lang')).toBe(want);
      // The UI's own words on the card stay in the UI language.
      expect(await page.locator(cardSelector('K1')).evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe(lang);
    });

    it('the outline view', async () => {
      await page.getByTestId('outline-toggle').click();
      try {
        await page.getByRole('tree').waitFor();
        await clean();
      } finally {
        await page.getByTestId('outline-toggle').click();
        await page.getByRole('tree').waitFor({ state: 'detached' });
      }
    });

    it('the export dialog', async () => {
      await button(s('exportTitle')).click();
      try {
        await page.getByRole('dialog').waitFor();
        await clean();
      } finally {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    });

    it('the snapshot dialog', async () => {
      await button(s('snapshotsTitle')).click();
      try {
        await page.getByRole('dialog').waitFor();
        await clean();
      } finally {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    });

    it('the share dialog («Del»)', async () => {
      await button(s('share')).click();
      try {
        await page.getByTestId('share-dialog').waitFor();
        await clean();
      } finally {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    });

    it('the filter menu', async () => {
      await button(s('filters')).click();
      try {
        await page.locator('.mk-filter-pop').waitFor();
        await clean();
      } finally {
        await page.locator('.mk-filter-pop').getByRole('button', { name: s('close'), exact: true }).click();
      }
    });

    it('the help dialog', async () => {
      await button(s('help')).click();
      try {
        await page.getByRole('dialog').waitFor();
        await clean();
      } finally {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    });

    for (const panel of ['people', 'agreement', 'votes', 'comments', 'brainstorm']) {
      it(`the workshop panel ${panel}`, async () => {
        await page.getByTestId(`panel-${panel}`).click();
        try {
          await page.getByTestId(`drawer-${panel}`).waitFor();
          await clean();
        } finally {
          await page.getByTestId(`panel-${panel}`).click();
        }
        await page.getByTestId(`drawer-${panel}`).waitFor({ state: 'detached' });
      });
    }

    it('threw no page errors', () => {
      expect(p.errors).toEqual([]);
    });
  });
}
