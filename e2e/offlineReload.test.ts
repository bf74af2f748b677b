// A reload with no network: the service worker serves the app, IndexedDB the board, and what is
// edited then reaches the server when the network returns.
import { beforeAll, describe, expect, it } from 'vitest';
import { cards, newPerson, openBoard, waitForBoard, waitForSync, type Person } from './support/browser';
import { createBoard } from './support/server';
import { connectNodeClient } from './support/yclient';
import { boardMaps, createNode } from '../shared';
import { browser, server, useServerAndBrowser } from './support/session';

let a: Person;

useServerAndBrowser();
beforeAll(async () => {
  a = await newPerson(browser, 'Anne Stat');
});

describe('offline reload', () => {
  it('reloads the board page with no network and merges what was made offline', async () => {
    const board = await createBoard(server.url, { title: 'Uten nett' });
    const remote = await connectNodeClient(server.url, board.id, board.tokens.editor);
    try {
      createNode(remote.doc, { kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'Laget før bruddet', position: { x: 100, y: 500 } }, 'remote');
      await openBoard(a, server.url, board.id, board.tokens.editor);
      await waitForBoard(a.page, `return cards.some(c => c.title === 'Laget før bruddet')`);
      await a.page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 });

      await a.context.setOffline(true);
      await a.page.reload();
      await waitForSync(a.page, 'offline');
      await waitForBoard(a.page, `return cards.some(c => c.title === 'Laget før bruddet')`);
      await expect(a.page.locator('.mk-board-title').textContent()).resolves.toBe('Uten nett');

      const box = (await a.page.locator('.react-flow__pane').boundingBox())!;
      await a.page.mouse.dblclick(box.x + 500, box.y + 300);
      await a.page.getByTestId('field-title').fill('Laget uten nett');
      await waitForBoard(a.page, `return cards.some(c => c.title === 'Laget uten nett')`);
      const titles = (await cards(a.page)).map((c) => c.title);
      expect(titles).toContain('Laget uten nett');

      await a.context.setOffline(false);
      await waitForSync(a.page, 'online');
      const seenByServer = async () => {
        for (let i = 0; i < 100; i++) {
          let found = false;
          boardMaps(remote.doc).nodes.forEach((y) => {
            if (String(y.get('title')) === 'Laget uten nett') found = true;
          });
          if (found) return true;
          await new Promise((r) => setTimeout(r, 100));
        }
        return false;
      };
      expect(await seenByServer()).toBe(true);
      expect(a.errors).toEqual([]);
    } finally {
      remote.close();
    }
  });
});
