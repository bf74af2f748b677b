// A focused field never overwrites a colleague (issue #11 §1): two people typing in one title at
// once, a raw y-websocket client editing the field a browser has focused, remote changes to other
// fields while open, and a restore, a remote delete and a rotated link while a field is focused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { boardMaps, readGraph, updateNode, deleteNodes } from '../shared';
import { cardSelector, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { connectNodeClient, type NodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';

const node = (id: string, kind: string, title: string, x: number, y: number) => ({
  id, kind, tier: 'kommuneplan', owner: 'kommune', title, description: '', position: { x, y },
});
const BOARD = {
  format: 'malkart.board',
  version: 1,
  meta: { title: 'Felt' },
  nodes: [node('g1', 'goal', 'Flere i arbeid', 0, 420), node('i1', 'indicator', 'Andel unge', 320, 420), node('g2', 'goal', 'Bedre helse', 640, 420)],
  edges: [],
};

let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };
let a: Person;
let b: Person;
let raw: NodeClient;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: BOARD });
  a = await newPerson(browser, 'Anne Stat');
  b = await newPerson(browser, 'Bjørn Kommune');
  await openBoard(a, server.url, board.id, board.tokens.owner);
  await openBoard(b, server.url, board.id, board.tokens.editor);
  raw = await connectNodeClient(server.url, board.id, board.tokens.editor);
});
afterAll(async () => {
  raw?.close();
});

async function openCard(page: Page, id: string): Promise<void> {
  await page.locator(cardSelector(id)).click();
  await page.waitForSelector(`[data-testid="card-inspector"][data-card-id="${id}"]`);
}
const fieldValue = (page: Page, testId: string) => page.getByTestId(testId).inputValue();
const rawTitle = (id: string) => readGraph(raw.doc).nodes.get(id)?.title;
async function until(fn: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const activeIsBody = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

describe('a focused field never overwrites a colleague', () => {
  it('two people typing in one title at the same time both keep every character', async () => {
    await openCard(a.page, 'g1');
    await openCard(b.page, 'g1');
    await a.page.getByTestId('field-title').click();
    await b.page.getByTestId('field-title').click();
    await a.page.keyboard.press('End');
    await b.page.keyboard.press('Home');
    // Both type at once, key by key.
    await Promise.all([a.page.keyboard.type(' og utdanning', { delay: 25 }), b.page.keyboard.type('Mål: ', { delay: 30 })]);
    const want = 'Mål: Flere i arbeid og utdanning';
    await until(async () => (await fieldValue(a.page, 'field-title')) === want && (await fieldValue(b.page, 'field-title')) === want, 'both fields to hold both texts');
    await until(() => rawTitle('g1') === want, 'the server copy');
    await waitForBoard(a.page, `return cards.find(c => c.id === 'g1')?.title === ${JSON.stringify(want)}`);
    // Each caret stayed where its person typed: one more key lands next to their own words.
    await a.page.keyboard.type('!');
    await b.page.keyboard.type('X');
    await until(() => rawTitle('g1') === 'Mål: XFlere i arbeid og utdanning!', 'carets kept in place');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('a raw y-websocket client types into the title the browser has focused; both texts survive', async () => {
    await openCard(a.page, 'i1');
    const input = a.page.getByTestId('field-title');
    await input.click();
    await a.page.keyboard.press('End'); // caret after "Andel unge"
    const text = boardMaps(raw.doc).nodes.get('i1')!.get('title') as Y.Text;
    expect(text).toBeInstanceOf(Y.Text);
    raw.doc.transact(() => text.insert(0, 'Økt '), 'raw');
    await until(async () => (await input.inputValue()) === 'Økt Andel unge', 'the remote insert to show in the focused field');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-title');
    await a.page.keyboard.type(' i arbeid');
    // The raw client appends at the end of what it has: wait until that includes the typed words,
    // or ' (Lier)' would land before them (also a fair merge, but not the one checked below).
    await until(() => rawTitle('i1') === 'Økt Andel unge i arbeid', 'the typed words on the server');
    raw.doc.transact(() => text.insert(text.length, ' (Lier)'), 'raw');
    await a.page.keyboard.type('!');
    await until(() => rawTitle('i1') === 'Økt Andel unge i arbeid! (Lier)' || rawTitle('i1') === 'Økt Andel unge i arbeid (Lier)!', 'both texts on the server');
    await until(async () => (await input.inputValue()) === rawTitle('i1'), 'the field to equal the server');
  });

  it('the description merges the same way', async () => {
    const area = a.page.getByTestId('field-description');
    await area.click();
    await a.page.keyboard.type('Målt årlig.');
    await until(() => readGraph(raw.doc).nodes.get('i1')?.description === 'Målt årlig.', 'the description on the server');
    const text = boardMaps(raw.doc).nodes.get('i1')!.get('description') as Y.Text;
    raw.doc.transact(() => text.insert(0, 'Kilde: SSB. '), 'raw');
    await a.page.keyboard.type(' Ny');
    await until(() => readGraph(raw.doc).nodes.get('i1')?.description === 'Kilde: SSB. Målt årlig. Ny', 'both in the description');
  });

  it('a select changed by someone else shows at once while open, with their name', async () => {
    await openCard(a.page, 'g2');
    await openCard(b.page, 'g2');
    await a.page.getByTestId('field-owner').focus();
    await b.page.getByTestId('field-owner').selectOption('felles');
    await until(async () => (await a.page.getByTestId('field-owner').inputValue()) === 'felles', 'the new owner in A');
    await expect(a.page.getByTestId('field-notice').first().textContent()).resolves.toContain('Bjørn Kommune');
  });

  it('someone mid-edit in a field is told, not overwritten; an idle open field just follows', async () => {
    await openCard(a.page, 'i1');
    const year = a.page.getByTestId('field-baseline').locator('input').nth(1);
    const value = a.page.getByTestId('field-baseline').locator('input').nth(0);
    await value.click();
    await a.page.keyboard.type('12');
    await year.click();
    await a.page.keyboard.type('20'); // not a year yet: nothing written
    updateNode(raw.doc, 'i1', { baseline: { value: 7, year: 2021 } }, 'raw');
    await a.page.getByTestId('field-baseline').getByTestId('field-notice').waitFor();
    expect(await year.inputValue()).toBe('20');
    expect(await a.page.getByTestId('field-baseline').getByTestId('field-notice').textContent()).toContain('2021');
    await a.page.keyboard.type('24');
    await until(() => JSON.stringify(readGraph(raw.doc).nodes.get('i1')?.baseline) === JSON.stringify({ value: 12, year: 2024 }), 'her own value, written knowingly');

    // The unit, open but untouched, takes the other person's change at once.
    updateNode(raw.doc, 'i1', { dataSource: 'SSB tabell 12345' }, 'raw');
    await until(async () => (await a.page.getByLabel('Datakilde').inputValue()) === 'SSB tabell 12345', 'the data source in the open inspector');
  });

  it('a restore shows in the focused title, and typing continues on the restored text', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/boards/${board.id}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${board.tokens.owner}`, 'Content-Type': 'application/json' },
      }).then((r) => r.json() as Promise<{ id: string }>);
    const snap = await api('/snapshots', { method: 'POST', body: JSON.stringify({ label: 'Før', createdBy: 'Test' }) });
    await openCard(a.page, 'g2');
    const input = a.page.getByTestId('field-title');
    await input.click();
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(' for alle');
    await until(() => rawTitle('g2') === 'Bedre helse for alle', 'the edit before the restore');
    await api(`/snapshots/${snap.id}/restore`, { method: 'POST', body: JSON.stringify({ by: 'Test' }) });
    await until(async () => (await input.inputValue()) === 'Bedre helse', 'the restored title in the focused field');
    await a.page.keyboard.type('!');
    await until(() => rawTitle('g2') === 'Bedre helse!', 'typing after the restore goes onto the restored text');
  });

  it('a card deleted elsewhere closes its inspector; focus stays on the board', async () => {
    await openCard(a.page, 'g2');
    await a.page.getByTestId('field-title').click();
    deleteNodes(raw.doc, ['g2'], 'raw');
    await a.page.getByTestId('inspector-card-gone').waitFor();
    expect(await a.page.getByTestId('card-inspector').count()).toBe(0);
    await until(async () => !(await activeIsBody(a.page)), 'focus to leave <body>');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('canvas');
  });

  // Since #12 §10 a rotated link closes the board with the reason (and forgets the local copy), so
  // the focused field goes away with it: nothing typed after the rotation reaches the board.
  it('a rotated link takes the open inspector away at once; later keystrokes change nothing', async () => {
    await openCard(b.page, 'g1');
    const input = b.page.getByTestId('field-title');
    await input.click();
    const before = rawTitle('g1');
    const res = await fetch(`${server.url}/api/boards/${board.id}/tokens/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.ok).toBe(true);
    await b.page.getByText('Lenken virker ikke lenger: eieren har laget nye lenker.').waitFor();
    expect(await input.count()).toBe(0);
    await b.page.keyboard.type('zzz');
    expect(rawTitle('g1')).toBe(before);
  });
});
