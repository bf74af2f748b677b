// The outline view («Listevisning») with the keyboard alone: Ola builds a small goal hierarchy —
// a goal, two sub-goals, a rename with a new owner, a link chosen in the searchable picker, a
// comment, his side's agreement, a deletion — and the canvas and Kari's browser show the same.
// A card Kari adds appears in Ola's tree without moving his focus, and is announced politely;
// selecting on the canvas moves the tree, moving in the tree selects on the canvas.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createNode } from '../shared';
import { cardSelector, cards, edges, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { connectNodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';

let board: Created;
let ola: Person;
let kari: Person;
let page: Page;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { title: 'Tastaturtavle' });
  ola = await newPerson(browser, 'Ola Tastatur', { side: 'kommune', width: 1500, height: 950 });
  kari = await newPerson(browser, 'Kari Lytter', { side: 'stat' });
  page = ola.page;
  page.setDefaultTimeout(10_000);
  await openBoard(ola, server.url, board.id, board.tokens.kommune);
  await openBoard(kari, server.url, board.id, board.tokens.stat);
});

const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
/** The accessible name of the tree's active item. */
const activeItem = () =>
  page.evaluate(() => {
    const tree = document.querySelector('[role=tree]')!;
    const id = tree.getAttribute('aria-activedescendant');
    const el = id ? document.getElementById(id) : null;
    // The item's name is its text (the drawn line is aria-hidden and repeats it in short).
    return { key: el?.getAttribute('data-key') ?? null, name: el?.querySelector('[data-name]')?.textContent ?? '', expanded: el?.getAttribute('aria-expanded') ?? null };
  });

/** Presses Tab (or Shift+Tab) until the element with this test id has focus. */
async function tabTo(testId: string, back = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await active()) === testId) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

async function fillDialogTitle(text: string): Promise<void> {
  await page.getByTestId('ol-card-dialog').waitFor();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

const byTitle = async (title: string) => (await cards(page)).find((c) => c.title === title);

describe('the outline view with the keyboard alone', () => {
  it('opens from the top bar and builds a goal, two sub-goals and a renamed sibling', async () => {
    await tabTo('outline-toggle');
    await page.keyboard.press('Enter');
    await page.getByRole('tree').waitFor();
    await tabTo('outline-tree');
    // Bands first: national, kommuneplan, local NAV.
    expect((await activeItem()).key).toBe('band:national');
    await page.keyboard.press('ArrowDown');
    expect((await activeItem()).key).toBe('band:kommuneplan');
    // Enter on a band: a new card in it.
    await page.keyboard.press('Enter');
    await fillDialogTitle('Flere i arbeid');
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return cards.some(c => c.title === 'Flere i arbeid' && c.tier === 'kommuneplan' && c.kind === 'goal')`);
    expect(await active()).toBe('outline-tree');
    expect((await activeItem()).name).toContain('Flere i arbeid');

    // Ctrl+Enter: a child («delmål av»); Shift+Enter: its sibling under the same parent.
    await page.keyboard.press('Control+Enter');
    await fillDialogTitle('Flere unge i arbeid');
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return cards.some(c => c.title === 'Flere unge i arbeid')`);
    await page.keyboard.press('Shift+Enter');
    await fillDialogTitle('Flere eldre i arbeid');
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return cards.some(c => c.title === 'Flere eldre i arbeid')`);
    const parent = (await byTitle('Flere i arbeid'))!;
    const young = (await byTitle('Flere unge i arbeid'))!;
    const old = (await byTitle('Flere eldre i arbeid'))!;
    await waitForBoard(page, `return edges.filter(e => e.kind === 'partOf' && e.target === arg).length === 2`, parent.id);
    expect((await activeItem()).key).toBe(old.id);
    expect(await page.evaluate(() => window.__malkart!.selected())).toEqual([old.id]);

    // Enter: edit — a new title and owner «Felles» (the owner list is Stat, Kommune, Felles).
    await page.keyboard.press('Enter');
    await fillDialogTitle('Flere seniorer i arbeid');
    await page.keyboard.press('Tab'); // kind
    await page.keyboard.press('Tab'); // owner
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // band
    await page.keyboard.press('Tab'); // cancel
    await page.keyboard.press('Tab'); // save
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return cards.some(c => c.id === arg && c.title === 'Flere seniorer i arbeid' && c.owner === 'felles')`, old.id);
    expect(await active()).toBe('outline-tree');
    expect(young.tier).toBe('kommuneplan');
  });

  it('moves through the tree: Home/End, type-ahead, collapse and expand', async () => {
    await page.keyboard.press('Home');
    expect((await activeItem()).key).toBe('band:national');
    await page.keyboard.press('End');
    expect((await activeItem()).key).toBe('band:nav_local');
    await page.keyboard.type('flere u');
    const young = (await byTitle('Flere unge i arbeid'))!;
    expect((await activeItem()).key).toBe(young.id);
    // Left on a leaf goes to its parent; Left again folds it; Right unfolds.
    await page.keyboard.press('ArrowLeft');
    const parent = (await byTitle('Flere i arbeid'))!;
    expect(await activeItem()).toMatchObject({ key: parent.id, expanded: 'true' });
    await page.keyboard.press('ArrowLeft');
    expect((await activeItem()).expanded).toBe('false');
    expect(await page.locator(`[role=treeitem][data-key="${young.id}"]`).count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect((await activeItem()).expanded).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect((await activeItem()).key).toBe(young.id);
  });

  it('links through the searchable picker, comments, agrees and deletes', async () => {
    const young = (await byTitle('Flere unge i arbeid'))!;
    const senior = (await byTitle('Flere seniorer i arbeid'))!;
    await tabTo('ol-link', true);
    await page.keyboard.press('Enter');
    await page.getByTestId('ol-link-dialog').waitFor();
    await page.keyboard.type('senior');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    // A second parent is refused; the first kind that fits («bidrar til») is offered.
    await page.getByTestId('ol-link-kind').waitFor();
    await page.keyboard.press('Tab'); // kind
    await page.keyboard.press('Tab'); // cancel
    await page.keyboard.press('Tab'); // link
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return edges.some(e => e.source === arg[0] && e.target === arg[1] && e.kind === 'contributesTo')`, [young.id, senior.id]);

    await tabTo('ol-comment');
    await page.keyboard.press('Enter');
    await page.getByTestId('ol-comment-dialog').waitFor();
    await page.keyboard.type('Hvem eier tallene?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('ol-comment-dialog').waitFor({ state: 'detached' });

    await tabTo('ol-agree', true);
    await page.keyboard.press('Enter');
    await tabTo('outline-tree');
    await page.waitForFunction(
      (id) => document.querySelector(`[role=treeitem][data-key="${id}"] [data-name]`)?.textContent?.includes('Kommunen er enig'),
      young.id,
    );
    const name = (await activeItem()).name;
    expect(name).toContain('1 åpen kommentartråd');
    expect(name).toContain('Mål i Kommuneplan: Flere unge i arbeid. Eier: Kommune.');
    // The link is read as the item's description.
    const described = await page.evaluate((id) => {
      const el = document.querySelector(`[role=treeitem][data-key="${id}"]`)!;
      return document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? '';
    }, young.id);
    expect(described).toContain('delmål av: Flere i arbeid');
    expect(described).toContain('bidrar til: Flere seniorer i arbeid');

    // Delete from the tree; the focus stays there.
    await page.keyboard.press('Shift+Enter');
    await fillDialogTitle('Kortlevd');
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return cards.some(c => c.title === 'Kortlevd')`);
    // Its partOf link makes Delete ask first; confirm with Enter (the dialog focuses «Slett»).
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-delete').waitFor();
    await page.keyboard.press('Enter');
    await waitForBoard(page, `return !cards.some(c => c.title === 'Kortlevd')`);
    expect(await active()).toBe('outline-tree');
  });

  it('the canvas and a second browser show the same hierarchy', async () => {
    const want = (await cards(page)).map((c) => `${c.title}|${c.tier}|${c.owner}|${c.kind}`).sort();
    const wantEdges = (await edges(page)).map((e) => `${e.kind}|${e.source}|${e.target}`).sort();
    expect(want).toEqual([
      'Flere i arbeid|kommuneplan|kommune|goal',
      'Flere seniorer i arbeid|kommuneplan|felles|goal',
      'Flere unge i arbeid|kommuneplan|kommune|goal',
    ]);
    expect(wantEdges).toHaveLength(3);
    await waitForBoard(kari.page, `return cards.map(c => [c.title, c.tier, c.owner, c.kind].join('|')).sort().join('/') === arg`, want.join('/'));
    expect((await edges(kari.page)).map((e) => `${e.kind}|${e.source}|${e.target}`).sort()).toEqual(wantEdges);
    // On both canvases each card is named for a screen reader with its kind, band and owner.
    for (const p of [page, kari.page]) {
      await p.getByRole('button', { name: 'Vis alt', exact: true }).first().click();
      await p.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 3);
      const names = await p.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      expect(names).toContain('Mål i Kommuneplan: Flere seniorer i arbeid. Eier: Felles. Ikke avtalt.');
    }
  });

  it('shows a card someone else adds without moving focus, and announces it', async () => {
    await page.getByRole('tree').focus();
    const before = await activeItem();
    const kariClient = await connectNodeClient(server.url, board.id, board.tokens.editor);
    try {
      kariClient.provider.awareness.setLocalStateField('user', { name: 'Kari', color: '#0f766e' });
      // Her name must be known in Ola's tab before her card arrives.
      await page.waitForFunction(() => (window.__malkart!.peers() as { name: string }[]).some((p) => p.name === 'Kari'));
      createNode(kariClient.doc, { kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'Bedre helse', position: { x: 900, y: 420 } }, {});
      await page.waitForFunction(() => [...document.querySelectorAll('[role=treeitem] [data-name]')].some((e) => e.textContent?.includes('Bedre helse')));
      expect(await active()).toBe('outline-tree');
      expect((await activeItem()).key).toBe(before.key);
      await page.waitForFunction(() => document.querySelector('[data-testid=remote-announcer]')?.textContent?.includes('Kari la til målet «Bedre helse»'));
    } finally {
      kariClient.close();
    }
  });

  it('shares the selection with the canvas both ways', async () => {
    const parent = (await byTitle('Flere i arbeid'))!;
    await page.click(cardSelector(parent.id));
    await page.waitForFunction((id) => document.querySelector('[role=tree]')?.getAttribute('aria-activedescendant')?.endsWith(id), parent.id);
    await page.getByRole('tree').focus();
    await page.keyboard.press('ArrowDown');
    const next = (await activeItem()).key!;
    expect(next).not.toBe(parent.id);
    expect(await page.evaluate(() => window.__malkart!.selected())).toEqual([next]);
    expect(ola.errors).toEqual([]);
    expect(kari.errors).toEqual([]);
  });
});
