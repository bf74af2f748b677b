// #16 "Done when", in browsers: a person with the stat link and one with the kommune link both
// agree on a goal — «Avtalt» on every screen and in the owner's «Logg»; a raw client's forged
// record is refused and its connection closed; during an open vote a raw viewer client holds no
// ballot; after closing, the tallies match the ballots cast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardSelector, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { connectNodeClient, type NodeClient } from './support/yclient';
import { agree, agreementOf, CLOSE, voteOf, voteResults, voterCount, workshopMaps } from '../shared';
import { WORKSHOP_BOARD, join, joinBothSides } from './support/workshop';
import { browser, server, useServerAndBrowser } from './support/session';

let board: Created;
let owner: Person;
let stat: Person;
let kommune: Person;
const raw: NodeClient[] = [];

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  owner = await join(browser, server.url, board, board.tokens.owner, 'Frida Eier', 'gjest');
  ({ stat, kommune } = await joinBothSides(browser, server.url, board));
});
afterAll(async () => {
  for (const c of raw) c.close();
});

const everyone = () => [owner, stat, kommune];
const card = (page: Page, id: string, inner = '') => page.locator(`${cardSelector(id)} ${inner}`.trim());
const rawClient = async (token: string) => {
  const c = await connectNodeClient(server.url, board.id, token);
  raw.push(c);
  return c;
};
const until = async (ok: () => boolean, what: string) => {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('trusted records', () => {
  it('the stat and the kommune link both agree on a goal: «Avtalt» on every screen and in the owner’s log', async () => {
    // The plain owner link cannot agree: it is offered no «Enig».
    await expect(card(owner.page, 'g1', '[data-testid="card-agree"]').count()).resolves.toBe(0);
    await card(stat.page, 'g1', '[data-testid="card-agree"]').click();
    await card(kommune.page, 'g1', '[data-testid="agreed-stat"]').waitFor();
    await card(kommune.page, 'g1', '[data-testid="card-agree"]').click();
    for (const p of everyone()) await card(p.page, 'g1', '[data-testid="avtalt"]').waitFor();

    await owner.page.getByTestId('audit-button').click();
    const rows = owner.page.locator('[data-testid="audit-table"] tr[data-action="agreement.give"][data-target="g1"]');
    await rows.nth(1).waitFor();
    const text = await owner.page.getByTestId('audit-table').innerText();
    expect(text).toMatch(/Kari Kommune/);
    expect(text).toMatch(/Siri Stat/);
    await owner.page.keyboard.press('Escape');
    await owner.page.getByTestId('audit-dialog').waitFor({ state: 'detached' });
  });

  it('a raw client’s forged agreement is refused, its connection closed, and no screen shows it', async () => {
    const forger = await rawClient(board.tokens.editor);
    const closed = new Promise<number>((resolve) => forger.provider.on('connection-close', (e: { code: number } | null) => e && resolve(e.code)));
    agree(forger.doc, { targetId: 'g2', side: 'stat', participantId: 'p-x', name: 'Invented Stat', at: '2020-01-01T00:00:00.000Z' }, 'forge');
    agree(forger.doc, { targetId: 'g2', side: 'kommune', participantId: 'p-y', name: 'Invented Kommune', at: '2020-01-01T00:00:00.000Z' }, 'forge');
    expect(await closed).toBe(CLOSE.serverWritten.code);
    forger.provider.disconnect();
    // A newcomer and the screens see g2 as it was: open.
    const check = await rawClient(board.tokens.viewer);
    expect(agreementOf(check.doc, 'g2').state).toBe('open');
    expect(agreementOf(check.doc, 'g1').state).toBe('avtalt');
    for (const p of everyone()) {
      for (const mark of ['agreed-stat', 'agreed-kommune', 'avtalt']) await expect(card(p.page, 'g2', `[data-testid="${mark}"]`).count()).resolves.toBe(0);
    }
  });

  it('during an open vote a raw viewer client holds no ballot; after closing the tallies match the ballots cast', async () => {
    const viewer = await rawClient(board.tokens.viewer);
    // Frida facilitates: she opens and closes the vote (the server checks it is her).
    await owner.page.getByTestId('panel-people').click();
    await owner.page.getByTestId('take-facilitator').click();
    await owner.page.getByTestId('facilitator-badge').waitFor();
    await owner.page.getByTestId('panel-votes').click();
    await owner.page.getByTestId('start-vote').click();
    await owner.page.getByTestId('vote-title').fill('Hva først?');
    await owner.page.getByTestId('scope-kind').check();
    await owner.page.getByTestId('vote-dots').fill('3');
    await owner.page.getByTestId('vote-start-submit').click();
    for (const p of everyone()) await p.page.getByTestId('vote-status').waitFor();
    const voteId = [...workshopMaps(viewer.doc).votes.keys()][0]!;

    const dot = async (p: Person, id: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const before = Number(await p.page.getByTestId('dots-left').getAttribute('data-left'));
        await card(p.page, id, '[data-testid="dot-add"]').click();
        await p.page.waitForSelector(`[data-testid="dots-left"][data-left="${before - 1}"]`);
      }
    };
    // Ballots cast: Siri g1 ×2, g2 ×1; Kari g1 ×1, g3 ×2; Frida g3 ×1.
    await dot(stat, 'g1', 2);
    await dot(stat, 'g2', 1);
    await dot(kommune, 'g1', 1);
    await dot(kommune, 'g3', 2);
    await dot(owner, 'g3', 1);
    await until(() => voterCount(viewer.doc, voteId) === 3, 'the count of voters to reach the viewer');

    // The raw viewer holds the whole document: no ballot, no result, no name of a voter.
    expect(workshopMaps(viewer.doc).ballots.size).toBe(0);
    expect(voteOf(viewer.doc, voteId)?.results).toBeUndefined();
    expect(voteResults(viewer.doc, voteId)).toBeNull();
    expect(JSON.stringify(viewer.doc.getMap('votes').toJSON())).not.toMatch(/Siri|Kari/);

    await owner.page.getByTestId('close-vote').click();
    await until(() => voteOf(viewer.doc, voteId)?.status === 'closed', 'the close to reach the viewer');
    const tallies = Object.fromEntries(voteResults(viewer.doc, voteId)!.map((r) => [r.targetId, r.dots]));
    expect(tallies).toEqual({ g1: 3, g2: 1, g3: 3 });
    for (const p of everyone()) {
      for (const [id, n] of Object.entries(tallies)) await card(p.page, id, `[data-testid="vote-count"][data-count="${n}"]`).waitFor();
    }
    for (const p of everyone()) expect(p.errors).toEqual([]);
  });
});
