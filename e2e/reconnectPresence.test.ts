// Presence after a dropped line: a person whose network went away and came back is seen again by
// the others at once, and sees them at once — not after the next heartbeat (up to a minute: a socket
// closed while offline never told the server) or the others' next presence renewal (15–30 s).
// Two people on the same board, in their own browser contexts, through a real server; neither
// moves while the other reconnects.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForSync, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { WORKSHOP_BOARD, joinBothSides } from './support/workshop';
import { browser, server, useServerAndBrowser } from './support/session';

let board: Created;
let siri: Person;
let kari: Person;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  ({ stat: siri, kommune: kari } = await joinBothSides(browser, server.url, board));
});

/** The names in the top bar's avatars (the others present). */
const namesShown = (page: Page) => page.$$eval('.mk-avatars .mk-avatar', (els) => els.map((el) => el.getAttribute('title') ?? ''));
/** Well under the 15 s presence renewal and the 30 s heartbeat: only a prompt rejoin passes. */
const PROMPT = { timeout: 8000 };

describe('presence after a dropped line', () => {
  it('someone whose network came back is seen again at once, and sees the others at once', async () => {
    await expect.poll(() => namesShown(siri.page), PROMPT).toEqual(expect.arrayContaining([expect.stringContaining('Kari Kommune')]));
    await expect.poll(() => namesShown(kari.page), PROMPT).toEqual(expect.arrayContaining([expect.stringContaining('Siri Stat')]));

    // The network goes away: the socket's close never reaches the server.
    await kari.context.setOffline(true);
    await waitForSync(kari.page, 'offline');
    await kari.context.setOffline(false);
    await waitForSync(kari.page, 'online');

    // Nobody moves. Kari sees Siri again, and Siri sees Kari.
    await expect.poll(() => namesShown(kari.page), PROMPT).toEqual(expect.arrayContaining([expect.stringContaining('Siri Stat')]));
    await expect.poll(() => namesShown(siri.page), PROMPT).toEqual(expect.arrayContaining([expect.stringContaining('Kari Kommune')]));
    expect(siri.errors).toEqual([]);
    expect(kari.errors).toEqual([]);
  });
});
