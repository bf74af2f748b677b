// A viewer link shows the board live but read-only: no editing controls, gestures change nothing,
// and document updates a viewer sends are dropped by the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNode } from '../shared';
import { cardSelector, cards, centerOf, edges, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { boardCounts, createBoard } from './support/server';
import { connectNodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };
let viewer: Person;
let editor: Person;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
  viewer = await newPerson(browser, 'Vera Leser');
  editor = await newPerson(browser, 'Erik Redaktør');
  await openBoard(viewer, server.url, board.id, board.tokens.viewer);
  await openBoard(editor, server.url, board.id, board.tokens.editor);
});

describe('a viewer link', () => {
  it('shows the board read-only with no editing controls', async () => {
    const page = viewer.page;
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);
    expect(await page.evaluate(() => window.__malkart!.role)).toBe('viewer');
    await expect(page.locator('.mk-role-badge').textContent()).resolves.toBe('Kun lesing');
    expect(await page.locator('.mk-palette').count()).toBe(0);
    expect(await page.getByTestId('undo').count()).toBe(0);
    expect(await page.locator('.mk-handle-source').count()).toBe(0);
    // Selecting a card shows its fields, all read-only.
    await page.click(cardSelector('K2'));
    await page.waitForSelector('[data-testid="card-inspector"]');
    expect(await page.getByTestId('field-title').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('field-kind').isDisabled()).toBe(true);
    expect(await page.locator('.mk-inspector-actions').count()).toBe(0);
  });

  it('cannot change anything through the UI', async () => {
    const page = viewer.page;
    const before = JSON.stringify((await cards(page)).sort((x, y) => (x.id < y.id ? -1 : 1)));
    const edgesBefore = (await edges(page)).length;
    // drag a card
    const c = await centerOf(page, cardSelector('L1'));
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(c.x + 200, c.y - 150, { steps: 8 });
    await page.mouse.up();
    // double-click the pane, delete, paste, undo
    const box = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.dblclick(box.x + 30, box.y + box.height - 30);
    await page.click(cardSelector('K2'));
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await page.keyboard.press('Control+d');
    await page.keyboard.press('n');
    await page.getByTestId('field-title').fill('Viewer was here', { timeout: 1000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    const after = JSON.stringify((await cards(page)).sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(after).toBe(before);
    expect((await edges(page)).length).toBe(edgesBefore);
    expect(await boardCounts(server.url, board.id, board.tokens.owner)).toEqual({ nodes: 27, edges: 29 });
  });

  it('is seen by others as a viewer, and its updates sent directly are not applied', async () => {
    await waitForBoard(editor.page, `return peers.some(p => p.name === 'Vera Leser' && p.role === 'viewer')`);

    const rogue = await connectNodeClient(server.url, board.id, board.tokens.viewer);
    try {
      const r = createNode(rogue.doc, { kind: 'goal', tier: 'national', title: 'Sneaked in by a viewer' }, 'rogue');
      expect(r.ok).toBe(true);
      rogue.doc.getMap('nodes').delete('K2');
      await new Promise((res) => setTimeout(res, 1000));
    } finally {
      rogue.close();
    }
    // Neither the stored board nor a connected editor got the change.
    expect(await boardCounts(server.url, board.id, board.tokens.owner)).toEqual({ nodes: 27, edges: 29 });
    const seen = await cards(editor.page);
    expect(seen).toHaveLength(27);
    expect(seen.some((c) => c.title === 'Sneaked in by a viewer')).toBe(false);
    // A fresh editor client syncing from the server sees the original board.
    const fresh = await connectNodeClient(server.url, board.id, board.tokens.editor);
    try {
      expect(fresh.doc.getMap('nodes').size).toBe(27);
      expect(fresh.doc.getMap('nodes').has('K2')).toBe(true);
    } finally {
      fresh.close();
    }
    expect(viewer.errors).toEqual([]);
  });
});
