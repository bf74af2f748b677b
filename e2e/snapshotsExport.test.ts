// Snapshots from the board page (take, restore as a live change everyone sees) and export links.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, cardSelector, launchBrowser, newPerson, openBoard, waitForBoard, type Person } from './support/browser';
import { createBoard, startTestServer, type TestServer } from './support/server';
import { readFileSync } from 'node:fs';

const example = JSON.parse(readFileSync(new URL('../shared/examples/lier.json', import.meta.url), 'utf8'));

let server: TestServer;
let browser: Browser;
let board: { id: string; tokens: { owner: string; editor: string; viewer: string } };
let owner: Person;
let editor: Person;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  board = await createBoard(server.url, { board: example });
  owner = await newPerson(browser, 'Olga Eier');
  editor = await newPerson(browser, 'Egil Redaktør');
  await openBoard(owner, server.url, board.id, board.tokens.owner);
  await openBoard(editor, server.url, board.id, board.tokens.editor);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('snapshots and export', () => {
  it('takes a snapshot, and restoring it undoes later changes for everyone', async () => {
    const page = owner.page;
    await page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
    await page.getByTestId('snapshot-label').fill('Før endringer');
    await page.getByRole('button', { name: 'Ta øyeblikksbilde' }).click();
    await page.getByTestId('snapshots').getByText('Før endringer').waitFor();
    await page.screenshot({ path: fileURLToPath(new URL('snapshots.png', ARTIFACTS)) });
    await page.keyboard.press('Escape');

    // The editor deletes a card with its links.
    await editor.page.click(cardSelector('T3'));
    await editor.page.keyboard.press('Delete');
    await editor.page.getByTestId('confirm-delete').click();
    await waitForBoard(page, `return !cards.some(c => c.id === 'T3')`);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
    await page.getByTestId('snapshots').getByRole('button', { name: 'Gjenopprett' }).first().click();
    await waitForBoard(editor.page, `return cards.some(c => c.id === 'T3') && edges.some(e => e.id === 'e21')`);
    await waitForBoard(page, `return cards.length === 27`);
  });

  it('offers downloads that the server renders, with the token in the link', async () => {
    const page = editor.page;
    await page.getByRole('button', { name: 'Eksporter' }).click();
    const menu = page.getByTestId('export-menu');
    await menu.waitFor();
    const hrefs = await menu.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(7);
    const json = hrefs.find((h) => h.includes('format=json'))!;
    const res = await fetch(json);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { format: string; nodes: unknown[] };
    expect(body.format).toBe('malkart.board');
    expect(body.nodes).toHaveLength(27);
    const docx = await fetch(hrefs.find((h) => h.includes('format=docx'))!);
    expect(docx.status).toBe(200);
    await page.keyboard.press('Escape');
  });

  it('the top bar fits a 1400 px window without wrapping', async () => {
    const p = await newPerson(browser, 'Smal Skjerm', { width: 1400, height: 900 });
    await openBoard(p, server.url, board.id, board.tokens.owner);
    const h = await p.page.locator('.mk-topbar').evaluate((el) => el.getBoundingClientRect().height);
    const overflow = await p.page.locator('.mk-topbar').evaluate((el) => el.scrollWidth > el.clientWidth);
    await p.page.screenshot({ path: fileURLToPath(new URL('board-1400.png', ARTIFACTS)) });
    expect(h).toBeLessThan(60);
    expect(overflow).toBe(false);
    await p.context.close();
  });
});
