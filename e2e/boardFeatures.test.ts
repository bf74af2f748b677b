// The board's tools on the example board: keyboard linking, delete with confirmation, copy/paste,
// turning a note into a goal, search, filters, auto-layout as one undo step, violations and panels.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { link } from '../shared';
import { ARTIFACTS, cardSelector, cards, centerOf, edges, newPerson, openAnalysis, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { connectNodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };
let p: Person;
let page: Page;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
  p = await newPerson(browser, 'Tone Tastatur', { width: 1600, height: 1000 });
  page = p.page;
  await openBoard(p, server.url, board.id, board.tokens.editor);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);
});

const selected = () => page.evaluate(() => window.__malkart!.selected());
const focusCardEl = (id: string) => page.focus(cardSelector(id));

describe('board tools', () => {
  it('links two cards with the keyboard, choosing the kind from a menu', async () => {
    await focusCardEl('K2');
    await page.keyboard.press('Enter');
    expect(await selected()).toEqual(['K2']);
    await page.keyboard.press('l');
    // The picker: type part of the title, Enter takes the first hit.
    const input = page.getByTestId('link-picker-input');
    await input.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('link-picker-input');
    await page.keyboard.type('vedvarende lavinn');
    await page.locator('[data-testid="link-picker"] [role=option][data-card-id="K3"][aria-selected=true]').waitFor();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    const kinds = await menu.locator('[role=menuitem]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    // partOf would be a second parent, operationalises needs different owners: only these fit.
    expect(kinds).toEqual(['contributesTo', 'conflictsWith']);
    await page.screenshot({ path: fileURLToPath(new URL('link-menu.png', ARTIFACTS)) });
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return edges.some(e => e.kind === 'contributesTo' && e.source === 'K2' && e.target === 'K3')`);
    // Focus goes back to the card the link was made from.
    await page.waitForFunction(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') === 'K2');
  });

  it('a link is made by letting go anywhere on the target card, not only on its handle', async () => {
    await page.locator(cardSelector('K4')).hover();
    const a = await centerOf(page, `${cardSelector('K4')} .mk-handle-source`);
    const box = (await page.locator(cardSelector('K8')).boundingBox())!;
    // The middle of the card's title, far from its handles.
    const b = { x: box.x + box.width * 0.55, y: box.y + box.height * 0.45 };
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.up();
    // Several kinds fit: the menu asks which (one kind would be made at once).
    await page.waitForFunction(() => document.querySelector('[role=menu]') || window.__malkart!.edges().some((e: any) => e.source === 'K4' && e.target === 'K8'));
    if (await page.getByRole('menu').count()) await page.getByRole('menu').locator('[role=menuitem]').first().click();
    await waitForBoard(page, `return edges.some(e => e.source === 'K4' && e.target === 'K8')`);
    // Selecting the card shows its links: highlighted on the canvas, listed in the inspector above the analysis.
    await page.click(cardSelector('K4'));
    // (A straight horizontal path has no height, so "attached" rather than "visible".)
    await page.locator('.react-flow__edge-path.mk-edge-related').first().waitFor({ state: 'attached' });
    const inspector = page.locator('[data-testid="card-inspector"][data-card-id="K4"] .mk-inspector-links');
    await inspector.waitFor();
    expect(await page.getByTestId('analysis-toggle').getAttribute('aria-expanded')).toBe('false');
    const linksBox = (await inspector.boundingBox())!;
    expect(linksBox.y).toBeLessThan(1000);
    await page.click('.react-flow__pane', { position: { x: 20, y: 20 } });
  });

  it('changing «Nivå (bånd)» moves the card into that band', async () => {
    await page.click(cardSelector('K1'));
    await page.getByTestId('field-tier').selectOption('nav_local');
    // The nav_local band spans y 780–1200 (client/board/bands.ts).
    await waitForBoard(page, `return cards.some(c => c.id === 'K1' && c.tier === 'nav_local' && c.y >= 780 && c.y + 110 <= 1200)`);
    // One undo step takes back both the tier and the move.
    await page.click('.react-flow__pane', { position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await waitForBoard(page, `return cards.some(c => c.id === 'K1' && c.tier === 'kommuneplan' && c.x === 300 && c.y === 420)`);
  });

  it('a card dropped into another band takes that tier', async () => {
    const from = await page.locator(cardSelector('K5')).boundingBox();
    const band = await page.locator('.mk-band-nav_local').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + 10);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2, band!.y + 60, { steps: 10 });
    await page.mouse.up();
    await waitForBoard(page, `return cards.some(c => c.id === 'K5' && c.tier === 'nav_local')`);
    // One undo takes back the move and the tier together.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, `return cards.some(c => c.id === 'K5' && c.tier === 'kommuneplan' && c.x === 1500 && c.y === 420)`);
  });

  it('asks before deleting a card with links, and undo brings both back', async () => {
    await page.click(cardSelector('K8'));
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-delete').click();
    await waitForBoard(page, `return !cards.some(c => c.id === 'K8') && !edges.some(e => e.id === 'e29')`);
    await page.keyboard.press('Control+z');
    await waitForBoard(page, `return cards.some(c => c.id === 'K8') && edges.some(e => e.id === 'e29')`);
  });

  it('copies, pastes and duplicates cards', async () => {
    await page.click(cardSelector('K0'));
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await waitForBoard(page, `return cards.filter(c => c.title === 'Sammen skaper vi Lier').length === 2`);
    await page.keyboard.press('Control+d');
    await waitForBoard(page, `return cards.filter(c => c.title === 'Sammen skaper vi Lier').length === 3`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitForBoard(page, `return cards.filter(c => c.title === 'Sammen skaper vi Lier').length === 1`);
  });

  it('turns a sticky note into a goal', async () => {
    await page.locator('.mk-palette-item[data-kind="note"]').click();
    await page.getByTestId('field-title').fill('Idé fra workshop');
    await waitForBoard(page, `return cards.some(c => c.title === 'Idé fra workshop' && c.kind === 'note')`);
    await page.getByTestId('field-kind').selectOption('goal');
    await waitForBoard(page, `return cards.some(c => c.title === 'Idé fra workshop' && c.kind === 'goal')`);
    await page.screenshot({ path: fileURLToPath(new URL('inspector.png', ARTIFACTS)) });
  });

  it('finds a card by title and jumps to it', async () => {
    await page.fill('#mk-search', 'lierjobb');
    await page.press('#mk-search', 'Enter');
    await page.waitForFunction(() => window.__malkart!.selected().join() === 'T3');
  });

  it('filters by owner', async () => {
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('[data-filter="owner:stat"]').uncheck();
    await page.waitForFunction(() => window.__malkart!.hidden().sort().join() === 'C1,N1,N2,N3,N4,N5,N6');
    expect(await page.locator(cardSelector('N1')).count()).toBe(0);
    await page.getByRole('button', { name: 'Vis alle' }).click();
    await page.waitForFunction(() => window.__malkart!.hidden().length === 0);
    await page.keyboard.press('Escape');
  });

  it('auto-layout keeps every card in its band and is one undo step', async () => {
    const before = new Map((await cards(page)).map((c) => [c.id, c]));
    await page.getByRole('button', { name: 'Ordne automatisk' }).click();
    await page.waitForFunction(() => window.__malkart!.cards().some((c: any) => c.id === 'N1' && c.y !== 0), null, { timeout: 15_000 });
    const after = await cards(page);
    for (const c of after) expect(c.tier).toBe(before.get(c.id)!.tier);
    // Cards stand inside the band drawn for their tier.
    const outside = await page.evaluate(() => {
      const bands = Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.mk-band')].map((el) => [el.className.match(/mk-band-(national|kommuneplan|nav_local)/)![1], el.getBoundingClientRect()]),
      );
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((el) => {
        const tier = el.querySelector<HTMLElement>('.mk-card')!.dataset.tier!;
        const r = el.getBoundingClientRect();
        return r.top < bands[tier]!.top - 1 || r.bottom > bands[tier]!.bottom + 1;
      }).map((el) => el.dataset.id);
    });
    expect(outside).toEqual([]);
    // … and no two cards overlap.
    const overlaps = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({ id: el.dataset.id, r: el.getBoundingClientRect() }));
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r, b = boxes[j]!.r;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${boxes[i]!.id}/${boxes[j]!.id}`);
        }
      return out;
    });
    expect(overlaps).toEqual([]);
    await page.waitForTimeout(400);
    await page.screenshot({ path: fileURLToPath(new URL('auto-layout.png', ARTIFACTS)) });
    await page.waitForFunction(() => !(document.querySelector('[data-testid="undo"]') as HTMLButtonElement).disabled, null, { timeout: 5000 }).catch(async () => {
      throw new Error(`undo disabled; toasts: ${await page.locator('.mk-toast').allTextContents()}`);
    });
    await page.click('.mk-toolbar [data-testid="undo"]');
    await page.waitForFunction(() => window.__malkart!.cards().some((c: any) => c.id === 'N1' && c.y === 0 && c.x === 0));
    const restored = await cards(page);
    for (const c of restored) expect({ id: c.id, x: c.x, y: c.y }).toEqual({ id: c.id, x: before.get(c.id)!.x, y: before.get(c.id)!.y });
  });

  it('marks a violation a merge let through, lists it, and the entry jumps to the card', async () => {
    // Another client writes a second parent for K4 directly (as a concurrent merge would).
    const other = await connectNodeClient(server.url, board.id, board.tokens.editor);
    try {
      other.doc.getMap('edges');
      const r = link(other.doc, { kind: 'partOf', source: 'K5', target: 'K4' }, 'x');
      expect(r.ok).toBe(false); // the rules refuse it here …
      const { newYEdge } = await import('../shared');
      other.doc.transact(() => other.doc.getMap('edges').set('eX', newYEdge({ kind: 'partOf', source: 'K4', target: 'K3' })));
      await waitForBoard(page, `return edges.some(e => e.id === 'eX')`);
    } finally {
      other.close();
    }
    await page.waitForSelector(`${cardSelector('K4')} .mk-card.is-invalid`);
    await openAnalysis(page);
    const problems = page.getByTestId('violations');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('Flere med redusert arbeidsevne i arbeid');
    await problems.locator('button').first().click();
    await page.waitForFunction(() => window.__malkart!.selected()[0] === 'K4');
  });

  it('coverage and divergence entries jump to their cards', async () => {
    await openAnalysis(page);
    await page.getByRole('tab', { name: /Måldivergens/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Prioritere brukere med kort vei til arbeid' }).click();
    await page.waitForFunction(() => window.__malkart!.selected()[0] === 'N6');
    await page.getByRole('tab', { name: /Dekning/ }).click();
    const first = page.getByRole('tabpanel').locator('.mk-list-btn').first();
    const title = await first.textContent();
    await first.click();
    const sel = await selected();
    const card = (await cards(page)).find((c) => c.id === sel[0]);
    expect(card?.title).toBe(title);
  });

  it('opens the help dialog with the shortcuts', async () => {
    await page.click('.react-flow__pane');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Hurtigtaster og hjelp');
    expect(await dialog.locator('tr').count()).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(p.errors).toEqual([]);
    void edges;
  });
});
