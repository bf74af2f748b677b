// A viewer cannot blank the page for everyone (issue #12, findings 5 and 6): raw y-websocket
// clients holding the viewer link write hostile awareness (names that are numbers, bad colours,
// a drag of a card far away, a spoofed role); a browser that opens the board still shows it whole,
// with no card moved, and the editor already there keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cards, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { connectNodeClient, type NodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };
let editor: Person;
const rogues: NodeClient[] = [];

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
  editor = await newPerson(browser, 'Erik Redaktør');
  await openBoard(editor, server.url, board.id, board.tokens.editor);
});
afterAll(async () => {
  for (const r of rogues) r.close();
});

describe('hostile presence from viewers', () => {
  it('a board with hostile awareness still renders, whole and unmoved, for everyone', async () => {
    await editor.page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);
    const before = (await cards(editor.page)).find((c) => c.id === 'K2')!;
    const hostile = [
      { user: { name: 1 } },
      { user: { name: 2 } },
      { user: { name: 'Ond Leser', color: 'red;}</style><script>', role: 'owner' }, role: 'owner', drag: { K2: { x: 99_999, y: -99_999 } }, sel: [1, 2], cursor: { x: 'a' } },
      { user: { name: { length: 3 } }, viewport: { x: 1e308, y: 0, zoom: 0 } },
    ];
    for (const state of hostile) {
      const rogue = await connectNodeClient(server.url, board.id, board.tokens.viewer);
      rogues.push(rogue);
      rogue.provider.awareness.setLocalState(state);
    }
    // The editor sees the one rogue with a usable name, as a viewer, and K2 where it was.
    await waitForBoard(editor.page, `return peers.some(p => p.name === 'Ond Leser' && p.role === 'viewer')`);

    // Someone opening the board now gets the whole board.
    const newcomer = await newPerson(browser, 'Nina Ny');
    await openBoard(newcomer, server.url, board.id, board.tokens.editor);
    await newcomer.page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);
    await waitForBoard(newcomer.page, `return peers.some(p => p.name === 'Ond Leser' && p.role === 'viewer')`);
    for (const page of [editor.page, newcomer.page]) {
      expect(await page.getByTestId('error-boundary').count()).toBe(0);
      expect(await page.locator('.mk-avatar').count()).toBeGreaterThanOrEqual(2);
      const k2 = (await cards(page)).find((c) => c.id === 'K2')!;
      expect({ x: k2.x, y: k2.y }).toEqual({ x: before.x, y: before.y });
      // No card is drawn at the viewer's drag position either.
      const shown = await page.locator('.react-flow__node[data-id="K2"]').getAttribute('style');
      expect(shown).not.toContain('99999');
    }
    await newcomer.context.close();
  });
});
