// The keyboard alone (#11 "Done when"): create a card, give it a title, move it, link it through the
// link picker, agree to it, delete it and export the board – no mouse at all – and after every step
// focus is somewhere meaningful, never on <body>.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cards, edges, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { WORKSHOP_BOARD } from './support/workshop';
import { browser, server, useServerAndBrowser } from './support/session';

let p: Person;
let page: Page;

useServerAndBrowser();
beforeAll(async () => {
  const board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  p = await newPerson(browser, 'Kari Tastatur', { side: 'kommune', width: 1280, height: 800 });
  page = p.page;
  // The kommune link: the one that agrees for the municipality (#16).
  await openBoard(p, server.url, board.id, board.tokens.kommune);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 5);
});

/** Where focus is once the step has settled (a frame or two): never <body> (nor nothing). */
async function focusIsHeld(step: string): Promise<string> {
  await page
    .waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 3000 })
    .catch(() => undefined);
  const where = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return 'body';
    const card = el.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    return card ? `card:${card}` : `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}`;
  });
  expect(where, `focus after ${step}`).not.toBe('body');
  return where;
}

/** Tab (or Shift+Tab) until the focused element matches the selector (and has the text, if given), at most `max` presses. */
async function tabTo(test: string, { back = false, max = 60, text }: { back?: boolean; max?: number; text?: string } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(([sel, txt]) => {
      const el = document.activeElement;
      return !!el?.matches(sel!) && (!txt || el.textContent?.trim() === txt);
    }, [test, text] as const);
    if (here) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached ${test}`);
}

let created = '';

describe('keyboard only', () => {
  it('G focuses a card, N creates one in a free spot with its title ready to type', async () => {
    await page.keyboard.press('g');
    expect(await focusIsHeld('G')).toMatch(/^card:/);
    const before = (await cards(page)).map((c) => c.id);
    await page.keyboard.press('n');
    await waitForBoard(page, `return cards.length === ${before.length + 1}`);
    created = (await cards(page)).find((c) => !before.includes(c.id))!.id;
    await page.waitForFunction(() => document.activeElement?.id === 'mk-field-title');
    const card = (await cards(page)).find((c) => c.id === created)!;
    // A kommune participant's card is the municipality's.
    expect(card.owner).toBe('kommune');
    // Never on top of another card.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({ id: el.dataset.id!, r: el.getBoundingClientRect().toJSON() as DOMRect })),
    );
    const mine = boxes.find((b) => b.id === created)!.r;
    for (const b of boxes) {
      if (b.id === created) continue;
      const overlap = mine.left < b.r.right && b.r.left < mine.right && mine.top < b.r.bottom && b.r.top < mine.bottom;
      expect(overlap, `new card over ${b.id}`).toBe(false);
    }
  });

  it('types the title', async () => {
    await page.keyboard.type('Flere lærlingplasser i kommunen');
    await page.keyboard.press('Tab');
    await waitForBoard(page, `return cards.some(c => c.id === arg && c.title === 'Flere lærlingplasser i kommunen')`, created);
    await focusIsHeld('leaving the title');
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction(() => document.activeElement?.id === 'mk-field-title');
  });

  // Escape in an inspector field returns focus to its card (#11 §2).
  it('Escape in the title returns focus to the card', async () => {
    await page.keyboard.press('Escape');
    expect(await focusIsHeld('Escape in the title')).toBe(`card:${created}`);
  });

  it('moves the card with the arrow keys, announced in Norwegian', async () => {
    // Focus is on the card since the Escape above.
    expect(await focusIsHeld('before moving')).toBe(`card:${created}`);
    const before = (await cards(page)).find((c) => c.id === created)!;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitForBoard(page, `return cards.some(c => c.id === arg.id && c.x > arg.x)`, before);
    const live = await page.locator('[id^="react-flow__aria-live"]').innerText();
    expect(live).toContain('til høyre');
    expect(live).not.toMatch(/\bright\b/);
    expect(await focusIsHeld('moving')).toBe(`card:${created}`);
  });

  it('links through the picker: type part of a title, Enter', async () => {
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'link-picker-input');
    await page.keyboard.type('unge i arbeid');
    await page.locator('[data-testid="link-picker"] [role=option][data-card-id="g1"][aria-selected=true]').waitFor();
    await page.keyboard.press('Enter');
    // Several kinds fit: a menu asks, its first item has focus.
    await page.waitForFunction(
      (id) => document.activeElement?.getAttribute('role') === 'menuitem' || window.__malkart!.edges().some((e: any) => e.source === id && e.target === 'g1'),
      created,
    );
    if (await page.getByRole('menu').count()) {
      await focusIsHeld('the link kind menu opening');
      await page.keyboard.press('Enter');
    }
    await waitForBoard(page, `return edges.some(e => e.source === arg && e.target === 'g1')`, created);
    await page.waitForFunction((id) => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') === id, created);
    await focusIsHeld('linking');
  });

  it('agrees with Tab and Enter on «Enig»', async () => {
    await tabTo(`.react-flow__node[data-id="${created}"] [data-testid="card-agree"]`, { max: 6 });
    await page.keyboard.press('Enter');
    await page.locator(`.react-flow__node[data-id="${created}"] [data-testid="agreed-kommune"]`).waitFor();
  });

  // «Enig» goes away once pressed; focus moves to the card, never to <body> (#11 §2).
  it('focus is kept after «Enig»', async () => {
    expect(await focusIsHeld('«Enig»')).toBe(`card:${created}`);
  });

  // Several cards at once (for «Samle valgte lapper» or a vote over the selected cards): Ctrl+Enter
  // (or Ctrl+Space) on a focused card adds it to the selection or takes it out.
  it('selects several cards: Tab to a card, Ctrl+Enter adds it to the selection, again takes it out', async () => {
    await tabTo('.react-flow__node[data-id="g3"]', { back: true });
    await page.keyboard.press('Enter');
    await tabTo('.react-flow__node[data-id="g1"]', { back: true });
    await page.keyboard.press('Control+Enter');
    const selected = () => page.evaluate(() => [...window.__malkart!.selected()].sort());
    expect(await selected()).toEqual(['g1', 'g3']);
    await page.getByText('2 kort valgt').waitFor();
    await page.keyboard.press('Control+Enter');
    expect(await selected()).toEqual(['g3']);
    expect(await focusIsHeld('Ctrl+Enter')).toBe('card:g1');
    // Back to the card made above, alone, for the steps after this.
    await tabTo(`.react-flow__node[data-id="${created}"]`);
    await page.keyboard.press('Enter');
    expect(await selected()).toEqual([created]);
  });

  it('deletes with Delete, confirmed with Enter', async () => {
    // G focuses the selected card (a no-op here: the step above left focus on it).
    await page.keyboard.press('g');
    expect(await focusIsHeld('G')).toBe(`card:${created}`);
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-delete').waitFor();
    expect(await focusIsHeld('the delete question')).toContain('confirm-delete');
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return !cards.some(c => c.id === arg) && !edges.some(e => e.source === arg)`, created);
    await focusIsHeld('deleting');
  });

  it('exports the board as a file', async () => {
    await tabTo('button[aria-haspopup="dialog"]', { back: true, text: 'Eksporter' });
    await page.keyboard.press('Enter');
    await page.getByTestId('export-dialog').waitFor();
    await tabTo('[data-testid="export-format"]', { max: 10 });
    await page.keyboard.press('End');
    await tabTo('[data-testid="export-download"]', { max: 12 });
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-phase') === 'done');
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    // Focus stays in the dialog during and after the download (the button is disabled while it runs).
    // Back on the button that started it once the file is saved.
    expect(await focusIsHeld('the download')).toContain('[export-download]');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await focusIsHeld('closing the export dialog');
    expect((await edges(page)).length).toBe(0);
  });

  it('compares a snapshot with now; Escape closes the comparison and focus returns to «Øyeblikksbilder»', async () => {
    await tabTo('[data-testid="snapshots-button"]', { back: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('snapshot-label').waitFor();
    await tabTo('[data-testid="snapshot-label"]', { max: 10 });
    await page.keyboard.type('Før sammenligning');
    await page.keyboard.press('Enter');
    const compare = page.getByTestId('snapshots').locator('li', { hasText: 'Før sammenligning' }).locator('[data-action="compare"]');
    await compare.waitFor();
    await compare.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-panel').waitFor();
    expect(await focusIsHeld('opening the comparison')).not.toBe('body');
    await page.keyboard.press('Escape');
    await page.getByTestId('compare-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__malkart?.snapshot() === null);
    expect(await focusIsHeld('closing the comparison')).toContain('[snapshots-button]');
    expect(p.errors).toEqual([]);
  });
});
