// #16 §4 in browsers: a comment written offline says «ikke bekreftet» until the server has it and
// stamps it; then both people see it confirmed. A raw client's reply with a clock a year behind is
// shown with the time the server received it, not the one it claimed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardSelector, waitForSync, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';
import { connectNodeClient } from './support/yclient';
import { reply, workshopMaps } from '../shared';
import { WORKSHOP_BOARD, joinBothSides } from './support/workshop';

let board: Created;
let stat: Person;
let kommune: Person;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  ({ stat, kommune } = await joinBothSides(browser, server.url, board));
});

const card = (page: Page, id: string, inner = '') => page.locator(`${cardSelector(id)} ${inner}`.trim());
async function selectCard(page: Page, id: string): Promise<void> {
  await card(page, id, '.mk-card-title').click();
  await page.waitForSelector(`[data-testid="card-inspector"][data-card-id="${id}"]`);
}
const messages = (page: Page) => page.locator('[data-testid="comments-section"] [data-testid="comment-message"]');

describe('comment stamps in the browser', () => {
  it('offline: «ikke bekreftet» until the server stamps it; a skewed clock shows the server\'s time', async () => {
    await kommune.context.setOffline(true);
    await waitForSync(kommune.page, 'offline');
    await selectCard(kommune.page, 'g3');
    const box = kommune.page.getByTestId('new-comment');
    await box.fill('Skrevet uten nett.');
    await box.press('Enter');
    await messages(kommune.page).first().waitFor();
    await expect(messages(kommune.page).first().getAttribute('data-stamped')).resolves.toBe('false');
    await expect(messages(kommune.page).first().getByTestId('comment-unconfirmed').textContent()).resolves.toContain('ikke bekreftet');

    await kommune.context.setOffline(false);
    await waitForSync(kommune.page, 'online');
    await messages(kommune.page).first().and(kommune.page.locator('[data-stamped="true"]')).waitFor();
    await expect(messages(kommune.page).first().getByTestId('comment-unconfirmed').count()).resolves.toBe(0);
    await selectCard(stat.page, 'g3');
    await messages(stat.page).first().and(stat.page.locator('[data-stamped="true"]')).waitFor();

    // A raw client replies with its clock a year behind: the browsers show the server's time.
    const raw = await connectNodeClient(server.url, board.id, board.tokens.editor);
    try {
      const threadId = [...workshopMaps(raw.doc).comments.keys()][0]!;
      const yearAgo = new Date(Date.now() - 400 * 24 * 3600_000); // another day and month than today (the list shows no year)
      reply(raw.doc, { threadId, participantId: 'p-raw', name: 'Rå Klient', text: 'Datert i fjor.', at: yearAgo.toISOString() }, 'raw');
      const second = messages(stat.page).nth(1);
      await second.and(stat.page.locator('[data-stamped="true"]')).waitFor();
      const shown = await second.locator('.mk-ws-message-head').innerText();
      const claimed = yearAgo.toLocaleString('nb-NO', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      const now = new Date().toLocaleString('nb-NO', { day: 'numeric', month: 'short' });
      expect(shown).not.toContain(claimed);
      expect(shown).toContain(now);
    } finally {
      raw.close();
    }
  });
});
