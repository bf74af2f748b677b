// The example board renders all 27 cards, each in the band of its tier; a screenshot is kept for review.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, newPerson, openBoard } from './support/browser';
import { createBoard } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

useServerAndBrowser();

describe('example board', () => {
  it('renders all 27 cards in their bands', async () => {
    const board = await createBoard(server.url, { board: example });
    const a = await newPerson(browser, 'Kari Nordmann', { width: 1600, height: 1000 });
    await openBoard(a, server.url, board.id, board.tokens.editor);
    await a.page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27, null, { timeout: 10_000 });
    const cards = await a.page.evaluate(() => window.__malkart!.cards() as { id: string; tier: string }[]);
    expect(cards).toHaveLength(27);

    // Each card's box on screen lies inside the band drawn for its tier.
    const placement = await a.page.evaluate(() => {
      const bands = Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.mk-band')].map((el) => {
          const tier = [...el.classList].find((c) => c.startsWith('mk-band-') && c !== 'mk-band-odd')!.slice('mk-band-'.length);
          const r = el.getBoundingClientRect();
          return [tier, { top: r.top, bottom: r.bottom }];
        }),
      );
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
        const card = el.querySelector<HTMLElement>('.mk-card')!;
        const r = el.getBoundingClientRect();
        const band = bands[card.dataset.tier!]!;
        return { id: el.dataset.id, tier: card.dataset.tier, inside: r.top >= band.top - 1 && r.bottom <= band.bottom + 1 };
      });
    });
    expect(placement).toHaveLength(27);
    expect(placement.filter((p) => !p.inside)).toEqual([]);
    const tiers = new Map(cards.map((c) => [c.id, c.tier]));
    for (const p of placement) expect(p.tier).toBe(tiers.get(p.id!));

    // The three band labels are shown, in bokmål by default.
    const labels = await a.page.locator('.mk-band-label').allTextContents();
    expect(labels).toEqual(['Nasjonale mål', 'Kommuneplan', 'Lokale NAV-mål']);
    // All 29 links are drawn, and the two conflicts carry their notes.
    await a.page.waitForFunction(() => document.querySelectorAll('.react-flow__edge').length === 29);
    expect(await a.page.locator('.mk-edge-label-conflictsWith').count()).toBe(2);
    expect(a.errors).toEqual([]);

    mkdirSync(fileURLToPath(ARTIFACTS), { recursive: true });
    await a.page.waitForTimeout(300);
    await a.page.screenshot({ path: fileURLToPath(new URL('example-board.png', ARTIFACTS)) });
    await a.context.close();
  });
});
