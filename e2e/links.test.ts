// Share links are never lost and never leak (issue 11 §3, issue 12 §9–§10), in real Chromium:
// no token in any URL the browser requests nor in a Referer, old ?token= links rewritten, the
// «Del» dialog with two people while the owner makes new links, a rotatable owner link, a deleted
// board forgotten with its local copy (also after an offline reload), and «Tavler du har åpnet»
// keeping every board with the links this browser holds.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPerson, openBoard, waitForSync, type Person } from './support/browser';
import { createBoard } from './support/server';
import { EXAMPLE_BOARD } from '../shared/examples';
import { browser, server, useServerAndBrowser } from './support/session';

/** A budget for these multi-person flows (each opens two to three browsers), not a speed check. */
const FLOW = 180_000;

useServerAndBrowser();

interface Seen {
  url: string;
  referer: string;
  authorization: string;
  /** Sent by the service worker passing the page's own navigation on to the network. */
  fromServiceWorker: boolean;
}

/** Records every HTTP request of the context (page and service worker) and every WebSocket URL. */
function recordRequests(p: Person): { requests: Seen[]; sockets: string[]; cspErrors: string[]; settle(): Promise<void> } {
  const requests: Seen[] = [];
  const pending: Promise<void>[] = [];
  const sockets: string[] = [];
  const cspErrors: string[] = [];
  p.context.on('request', (r) => {
    pending.push(
      r
        .allHeaders()
        .then((h) => void requests.push({ url: r.url(), referer: h['referer'] ?? '', authorization: h['authorization'] ?? '', fromServiceWorker: !!r.serviceWorker() }))
        .catch(() => void requests.push({ url: r.url(), referer: '', authorization: '', fromServiceWorker: !!r.serviceWorker() })),
    );
  });
  p.page.on('websocket', (ws) => sockets.push(ws.url()));
  p.page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  return { requests, sockets, cspErrors, settle: async () => void (await Promise.all(pending)) };
}

const recentOf = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('malkart.recent') ?? '[]') as { id: string; tokens?: Record<string, string>; token?: string }[]);
const localDbs = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
const alertText = (page: Page) => page.locator('.mk-center-page [role="alert"]').textContent();

describe('no token in a URL the browser requests', () => {
  it('the app sends the token in a header and opens its WebSocket with a fresh single-use ticket, also on reconnect', async () => {
    const board = await createBoard(server.url, { title: 'Hemmelig' });
    const p = await newPerson(browser, 'Anne Stat');
    const rec = recordRequests(p);
    await openBoard(p, server.url, board.id, board.tokens.owner);
    // Use what talks to the server: the «Del» dialog, the snapshot list, a reconnect.
    await p.page.getByTestId('share-button').click();
    await expect(p.page.getByTestId('share-link-editor').inputValue()).resolves.toContain(board.tokens.editor);
    await p.page.keyboard.press('Escape');
    await p.page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
    await p.page.getByText('Ingen øyeblikksbilder ennå.').waitFor();
    await p.page.keyboard.press('Escape');
    await p.context.setOffline(true);
    await waitForSync(p.page, 'offline');
    await p.context.setOffline(false);
    await waitForSync(p.page, 'online');
    await rec.settle();

    const tokens = Object.values(board.tokens);
    expect(rec.requests.length).toBeGreaterThan(3);
    for (const r of rec.requests) {
      for (const token of tokens) {
        expect(r.url, r.url).not.toContain(token);
        expect(r.referer, `Referer of ${r.url}`).not.toContain(token);
      }
    }
    // The API calls carry the token in the Authorization header.
    const apiCalls = rec.requests.filter((r) => r.url.includes('/api/boards/'));
    expect(apiCalls.length).toBeGreaterThan(0);
    for (const r of apiCalls) expect(r.authorization).toBe(`Bearer ${board.tokens.owner}`);
    // Two connections (before and after the reconnect), each with its own ticket and no token.
    expect(rec.sockets.length).toBeGreaterThanOrEqual(2);
    const tickets = rec.sockets.map((u) => new URL(u).searchParams.get('ticket'));
    for (const [i, u] of rec.sockets.entries()) {
      expect(tickets[i], u).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      for (const token of tokens) expect(u).not.toContain(token);
    }
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(rec.cspErrors).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, FLOW);

  it('an old ?token= link opens, is rewritten to #token= in place, and sends no Referer with the token', async () => {
    const board = await createBoard(server.url, { title: 'Gammel lenke' });
    const snap = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Før' }),
    });
    const sid = ((await snap.json()) as { id: string }).id;
    const p = await newPerson(browser, 'Kari Kommune');
    const rec = recordRequests(p);
    await p.page.goto(`${server.url}/b/${board.id}?token=${board.tokens.editor}`);
    await waitForSync(p.page);
    expect(p.page.url()).toBe(`${server.url}/b/${board.id}#token=${board.tokens.editor}`);
    expect(await p.page.evaluate(() => window.__malkart!.role)).toBe('editor');
    // With a snapshot in the link, the snapshot stays in the query and opens.
    await p.page.goto(`${server.url}/b/${board.id}?token=${board.tokens.editor}&snapshot=${sid}`);
    await p.page.locator('.mk-board[data-snapshot="view"]').waitFor();
    expect(p.page.url()).toBe(`${server.url}/b/${board.id}?snapshot=${sid}#token=${board.tokens.editor}`);
    await rec.settle();
    // Only the two navigations themselves carried the old link's token.
    const carrying = rec.requests.filter((r) => r.url.includes(board.tokens.editor));
    // (Once the service worker controls the page it passes a navigation on to the network: the
    // same request again, seen twice here; whether it is in control by the second one is timing.)
    const byPage = carrying.filter((r) => !r.fromServiceWorker);
    expect(byPage.map((r) => new URL(r.url).pathname), carrying.map((r) => r.url).join('\n')).toEqual([`/b/${board.id}`, `/b/${board.id}`]);
    expect(new Set(carrying.map((r) => new URL(r.url).pathname))).toEqual(new Set([`/b/${board.id}`]));
    for (const r of rec.requests) expect(r.referer, `Referer of ${r.url}`).not.toContain(board.tokens.editor);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, FLOW);
});

describe('«Del» with two people', () => {
  it('the owner copies and renews the links while the editor has the board open; the editor is told why and the local copy goes', async () => {
    const board = await createBoard(server.url, { title: 'Delt tavle' });
    const owner = await newPerson(browser, 'Olav Eier');
    const editor = await newPerson(browser, 'Erle Redaktør');
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openBoard(owner, server.url, board.id, board.tokens.owner);
    await openBoard(editor, server.url, board.id, board.tokens.editor);
    await editor.page.waitForFunction((name) => indexedDB.databases().then((d) => d.some((x) => x.name === name)), `malkart-${board.id}`);

    // The editor can pass on the viewer link, and cannot make new links.
    await editor.page.getByTestId('share-button').click();
    await expect(editor.page.getByTestId('share-link-viewer').inputValue()).resolves.toBe(`${server.url}/b/${board.id}#token=${board.tokens.viewer}`);
    expect(await editor.page.getByTestId('share-rotate').count()).toBe(0);
    await editor.page.keyboard.press('Escape');

    // The owner sees the editor and viewer links, copies one, and makes new ones.
    await owner.page.getByTestId('share-button').click();
    const editorField = owner.page.getByTestId('share-link-editor');
    await expect(editorField.inputValue()).resolves.toBe(`${server.url}/b/${board.id}#token=${board.tokens.editor}`);
    await owner.page.getByRole('button', { name: 'Kopier lenken: Redaktør' }).click();
    await expect(owner.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${server.url}/b/${board.id}#token=${board.tokens.editor}`);
    await owner.page.getByTestId('share-rotate').click();
    await owner.page.getByTestId('share-confirm-yes').click();
    await owner.page.getByTestId('share-notice').waitFor();
    const newEditorLink = await editorField.inputValue();
    expect(newEditorLink).not.toContain(board.tokens.editor);
    expect(await owner.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-rotate');

    // The editor is disconnected with a clear message; the board's local copy and recent entry are gone.
    await editor.page.getByText('Lenken virker ikke lenger: eieren har laget nye lenker.').waitFor();
    await expect(alertText(editor.page)).resolves.toContain('Kopien i denne nettleseren er fjernet');
    expect((await recentOf(editor.page)).some((b) => b.id === board.id)).toBe(false);
    expect(await localDbs(editor.page)).not.toContain(`malkart-${board.id}`);

    // The owner is still online, and the new editor link works.
    expect(await owner.page.evaluate(() => window.__malkart!.syncState())).toBe('online');
    const ownerRecent = (await recentOf(owner.page)).find((b) => b.id === board.id)!;
    expect(newEditorLink).toContain(ownerRecent.tokens!.editor!);
    await editor.page.goto(newEditorLink);
    await waitForSync(editor.page);
    expect(await editor.page.evaluate(() => window.__malkart!.role)).toBe('editor');
    expect(owner.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
    await owner.context.close();
    await editor.context.close();
  }, FLOW);

  it('the owner link can be renewed: this browser moves to the new one, another holder of the old one is disconnected', async () => {
    const board = await createBoard(server.url, { title: 'Ny eier' });
    const a = await newPerson(browser, 'Aina Eier');
    const b = await newPerson(browser, 'Bjørn Medeier');
    await openBoard(a, server.url, board.id, board.tokens.owner);
    await openBoard(b, server.url, board.id, board.tokens.owner);

    await a.page.getByTestId('share-button').click();
    await a.page.getByTestId('share-rotate-owner').click();
    await a.page.getByTestId('share-confirm-yes').click();
    await a.page.waitForFunction((old) => !location.hash.includes(old), board.tokens.owner);
    await waitForSync(a.page);
    expect(await a.page.evaluate(() => window.__malkart!.role)).toBe('owner');
    const fresh = new URLSearchParams(new URL(a.page.url()).hash.slice(1)).get('token')!;
    expect(fresh).not.toBe(board.tokens.owner);
    expect((await recentOf(a.page)).find((x) => x.id === board.id)!.tokens!.owner).toBe(fresh);

    await b.page.getByText('Lenken virker ikke lenger: eieren har laget nye lenker.').waitFor();
    const old = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(old.status).toBe(403);
    expect(a.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, FLOW);
});

describe('a deleted board is forgotten', () => {
  it('an open board closes with the reason, its local copy goes, and an offline reload shows nothing of it', async () => {
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const e = await newPerson(browser, 'Eva Redaktør');
    const later = await newPerson(browser, 'Lars Senere');
    await openBoard(e, server.url, board.id, board.tokens.editor);
    await e.page.waitForFunction(() => window.__malkart!.cards().length === 27);
    await e.page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 });
    // Someone who opened it earlier and left (their copy stays in IndexedDB).
    await openBoard(later, server.url, board.id, board.tokens.viewer);
    await later.page.waitForFunction(() => window.__malkart!.cards().length === 27);
    await later.page.goto(server.url);
    expect(await localDbs(later.page)).toContain(`malkart-${board.id}`);

    const del = await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(del.status).toBe(204);

    await e.page.getByText('Tavla er slettet av eieren.').waitFor();
    expect(await localDbs(e.page)).not.toContain(`malkart-${board.id}`);
    expect((await recentOf(e.page)).some((b) => b.id === board.id)).toBe(false);
    await e.context.setOffline(true);
    await e.page.reload();
    await e.page.locator('.mk-center-page').waitFor();
    expect(await e.page.locator('.mk-board').count()).toBe(0);
    expect(await localDbs(e.page)).not.toContain(`malkart-${board.id}`);

    // The one who left opens it again from the list: told it is deleted, the copy goes.
    await later.page.getByTestId('recent-boards').getByRole('link').first().click();
    await later.page.getByText('Tavla er slettet av eieren.').waitFor();
    expect(await localDbs(later.page)).not.toContain(`malkart-${board.id}`);
    expect((await recentOf(later.page)).some((b) => b.id === board.id)).toBe(false);
    expect(e.errors).toEqual([]);
    await e.context.close();
    await later.context.close();
  }, FLOW);
});

describe('«Tavler du har åpnet» keeps every board with its links', () => {
  it('«Lukk» warns once when no link was copied, the board stays listed with all three links, and the example takes the typed name', async () => {
    const p = await newPerson(browser, 'Lise Plan');
    await p.page.goto(server.url);
    await p.page.getByLabel('Navn på tavla').fill('Vår egen Lier-tavle');
    await p.page.getByTestId('create-example').click();
    await p.page.getByTestId('share-links').waitFor();
    await expect(p.page.locator('#mk-share-h').textContent()).resolves.toContain('Vår egen Lier-tavle');
    const created = Object.fromEntries(
      await Promise.all(['owner', 'editor', 'viewer'].map(async (r) => [r, await p.page.getByTestId(`link-${r}`).inputValue()] as const)),
    );

    await p.page.getByTestId('share-close').click();
    await p.page.getByTestId('close-warning').waitFor();
    expect(await p.page.getByTestId('share-links').count()).toBe(1);
    await p.page.getByTestId('share-close').click();
    expect(await p.page.getByTestId('share-links').count()).toBe(0);

    const item = p.page.getByTestId('recent-boards').locator('li').filter({ hasText: 'Vår egen Lier-tavle' }).first();
    await item.locator('summary').click();
    for (const role of ['owner', 'editor', 'viewer']) {
      await expect(item.getByTestId(`recent-link-${role}`).inputValue()).resolves.toBe(created[role]);
    }
    // Opening it from the list: the owner, and the board has the typed name.
    await item.getByRole('link', { name: 'Vår egen Lier-tavle' }).click();
    await waitForSync(p.page);
    expect(await p.page.evaluate(() => window.__malkart!.role)).toBe('owner');
    await expect(p.page.locator('.mk-board-title').textContent()).resolves.toBe('Vår egen Lier-tavle');

    // A second board, a link copied: «Lukk» closes at once.
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await p.page.goto(server.url);
    await p.page.getByLabel('Navn på tavla').fill('Andre tavle');
    await p.page.getByTestId('create-empty').click();
    await p.page.getByTestId('share-links').waitFor();
    await p.page.getByRole('button', { name: 'Kopier lenken: Leser' }).click();
    await p.page.getByTestId('share-close').click();
    expect(await p.page.getByTestId('share-links').count()).toBe(0);
    expect(await p.page.getByTestId('close-warning').count()).toBe(0);

    // A board opened by someone else's viewer link is listed too, with that link.
    const other = await createBoard(server.url, { title: 'Andres tavle' });
    await openBoard(p, server.url, other.id, other.tokens.viewer);
    await p.page.goto(server.url);
    const list = await recentOf(p.page);
    expect(list.map((b) => b.id)).toContain(other.id);
    expect(list.find((b) => b.id === other.id)!.tokens).toEqual({ viewer: other.tokens.viewer });
    expect(list.length).toBe(3);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, FLOW);
});
