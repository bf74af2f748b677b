// Opening a board by its link: the page asks the server for what it needs once, and asks for the
// socket's ticket while the caller's access is on its way, so no request waits for another it
// does not need (each round trip is felt on a kommune's mobile network).
import { describe, expect, it } from 'vitest';
import { newPerson, openBoard } from './support/browser';
import { createBoard } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';

useServerAndBrowser();

describe('opening a board by its link', () => {
  it('reads the board summary once and fetches the socket ticket alongside it', async () => {
    const board = await createBoard(server.url, { title: 'Åpnes én gang' });
    const p = await newPerson(browser, 'Siri Stat', { side: 'stat' });
    const asked: { path: string; at: number; done?: number }[] = [];
    p.page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push({ path: `${r.method()} ${url.pathname}`, at: Date.now() });
    });
    p.page.on('requestfinished', (r) => {
      const url = new URL(r.url());
      const entry = asked.find((a) => a.path === `${r.method()} ${url.pathname}` && a.done === undefined);
      if (entry) entry.done = Date.now();
    });
    const sockets: string[] = [];
    p.page.on('websocket', (ws) => sockets.push(ws.url()));
    await openBoard(p, server.url, board.id, board.tokens.editor);

    // The caller's access only: the board is not loaded for it, so the socket is the first to load
    // it and is sent the stored state while the server builds the board (server/sync/earlyState.test.ts).
    const accessAsked = asked.filter((a) => a.path === `GET /api/boards/${board.id}/access`);
    expect(accessAsked, JSON.stringify(asked)).toHaveLength(1);
    expect(asked.filter((a) => a.path === `GET /api/boards/${board.id}`), JSON.stringify(asked)).toHaveLength(0);
    const ticket = asked.find((a) => a.path === `POST /api/boards/${board.id}/ws-ticket`);
    expect(ticket, JSON.stringify(asked)).toBeDefined();
    // Asked before the access had arrived: the two travel together.
    expect(ticket!.at, JSON.stringify(asked)).toBeLessThanOrEqual(accessAsked[0]!.done!);
    // A page with nothing of the board says so: the stored state came while the board loaded.
    expect(sockets).toHaveLength(1);
    expect(new URL(sockets[0]!).searchParams.get('fresh')).toBe('1');
    const early = /^malkart_early_states_total (\d+)/m.exec(await (await fetch(`${server.url}/metrics`)).text());
    expect(Number(early?.[1])).toBeGreaterThanOrEqual(1);
    // The title comes with the board itself, in the page and in the list of recent boards.
    await p.page.waitForFunction(() => document.title.startsWith('Åpnes én gang'));
    const recent = await p.page.evaluate(() => JSON.parse(localStorage.getItem('malkart.recent') ?? '[]') as { id: string; title: string }[]);
    expect(recent.find((b) => b.id === board.id)?.title).toBe('Åpnes én gang');
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
