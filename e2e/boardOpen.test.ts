// Opening a board by its link: the page asks the server for what it needs once, and asks for the
// socket's ticket while the board's summary is on its way, so no request waits for another it
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
    await openBoard(p, server.url, board.id, board.tokens.editor);

    const summaries = asked.filter((a) => a.path === `GET /api/boards/${board.id}`);
    expect(summaries, JSON.stringify(asked)).toHaveLength(1);
    const ticket = asked.find((a) => a.path === `POST /api/boards/${board.id}/ws-ticket`);
    expect(ticket, JSON.stringify(asked)).toBeDefined();
    // Asked before the summary had arrived: the two travel together.
    expect(ticket!.at, JSON.stringify(asked)).toBeLessThanOrEqual(summaries[0]!.done!);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
