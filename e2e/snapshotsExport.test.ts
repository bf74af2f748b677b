// Snapshots and export from the board page, in Chromium against a real server: take a snapshot,
// change the live board from other clients, open the snapshot read-only on the canvas (also from a
// link), compare it with now, restore it while two people are connected (and undo that by
// restoring the "before restore" snapshot), and export through the dialog with progress.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { agree, createNode, moveNodes, setIndicatorValues, updateNode } from '../shared';
import { ARTIFACTS, cardSelector, newPerson, openBoard, waitForBoard, type CardInfo, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { connectNodeClient, type NodeClient } from './support/yclient';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD as {
  meta: { title: string };
  nodes: { id: string; title: string }[];
};
const titleOf = (id: string) => example.nodes.find((n) => n.id === id)!.title;
const K2_NEW = 'Alle unge fullfører – revidert etter workshop';

let board: Created;
let owner: Person;
let editor: Person;
let other: NodeClient | null = null;
let sid = '';

const snapshotState = (page: Page) => page.evaluate(() => window.__malkart?.snapshot() ?? null);
const cardsOf = (page: Page) => page.evaluate(() => window.__malkart!.cards() as CardInfo[]);
const waitForSnapshot = (page: Page, mode: 'view' | 'compare') =>
  page.waitForFunction((m) => window.__malkart?.snapshot()?.status === 'ready' && window.__malkart.snapshot()?.mode === m, mode, { timeout: 15_000 });
const openSnapshots = async (page: Page) => {
  await page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
  await page.getByRole('dialog', { name: 'Øyeblikksbilder' }).waitFor();
};

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: example });
  owner = await newPerson(browser, 'Olga Eier');
  editor = await newPerson(browser, 'Egil Redaktør');
  await openBoard(owner, server.url, board.id, board.tokens.owner);
  await openBoard(editor, server.url, board.id, board.tokens.editor);
});
afterAll(async () => {
  other?.close();
});

describe('snapshots on the canvas', () => {
  it('takes a snapshot with a label; the list shows label, time, author and counts', async () => {
    const page = owner.page;
    await openSnapshots(page);
    await page.getByTestId('snapshot-label').fill('Før endringer');
    await page.getByRole('button', { name: 'Ta øyeblikksbilde' }).click();
    const row = page.getByTestId('snapshots').locator('li', { hasText: 'Før endringer' });
    await row.waitFor();
    sid = (await row.getAttribute('data-snapshot-id'))!;
    expect(sid).toBeTruthy();
    const text = await row.innerText();
    // The author is the link that took it (#16 §4), not a name the browser sends.
    expect(text).toContain('tatt med lenken «Eier»');
    expect(text).toContain('27 kort, 29 koblinger');
    expect(text).toMatch(/\d{1,2}:\d{2}/);
    await page.keyboard.press('Escape');
  });

  it('the live board changes from other clients', async () => {
    // The editor deletes T3 (and its link e21) in the browser …
    await editor.page.click(cardSelector('T3'));
    await editor.page.keyboard.press('Delete');
    await editor.page.getByTestId('confirm-delete').click();
    // … and a second client retitles K2, adds L9 and moves K3.
    other = await connectNodeClient(server.url, board.id, board.tokens.editor);
    const o = { remote: true };
    expect(updateNode(other.doc, 'K2', { title: K2_NEW }, o).ok).toBe(true);
    expect(createNode(other.doc, { id: 'L9', kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'Nytt lokalt mål', position: { x: 2700, y: 860 } }, o).ok).toBe(true);
    expect(setIndicatorValues(other.doc, [{ indicatorId: 'K6', value: { period: '2025', value: 3.6, source: 'KOSTRA' } }], o).ok).toBe(true);
    expect(moveNodes(other.doc, { K3: { x: 960, y: 470 } }, o).ok).toBe(true);
    // The agreement is the server's to write (#16): given with the stat link.
    const agreed = await fetch(`${server.url}/api/boards/${board.id}/agreements`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.stat}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ targetId: 'K4', side: 'stat', name: 'Siri Stat' }),
    });
    expect(agreed.status).toBe(201);
    await waitForBoard(
      owner.page,
      `return !cards.some(c => c.id === 'T3') && cards.some(c => c.id === 'L9') && cards.find(c => c.id === 'K2').title === arg && cards.find(c => c.id === 'K3').x === 960`,
      K2_NEW,
    );
  });

  it('opens the snapshot read-only on the canvas: its cards as they were, no way to edit, keyboard reachable', async () => {
    const page = owner.page;
    expect(await page.locator('.mk-handle').count()).toBeGreaterThan(0); // the live board is editable
    await openSnapshots(page);
    await page.getByRole('button', { name: 'Åpne «Før endringer» skrivebeskyttet' }).click();
    await waitForSnapshot(page, 'view');
    expect(new URL(page.url()).searchParams.get('snapshot')).toBe(sid);
    const banner = page.getByTestId('snapshot-banner');
    expect(await banner.innerText()).toMatch(/øyeblikksbildet «Før endringer» fra .* – skrivebeskyttet/);
    await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="snapshot-banner"]'));

    // The cards as they were when the snapshot was taken.
    const cards = await cardsOf(page);
    expect(cards).toHaveLength(27);
    expect(cards.find((c) => c.id === 'T3')?.title).toBe(titleOf('T3'));
    expect(cards.find((c) => c.id === 'K2')?.title).toBe(titleOf('K2'));
    expect(cards.some((c) => c.id === 'L9')).toBe(false);
    expect(cards.find((c) => c.id === 'K3')?.x).toBe(900);
    await page.locator(cardSelector('T3')).waitFor();
    await page.screenshot({ path: fileURLToPath(new URL('snapshot-view.png', ARTIFACTS)) });

    // No editing: no tool row, no link handles, read-only inspector, Delete and N do nothing.
    expect(await page.locator('.mk-toolbar').count()).toBe(0);
    expect(await page.locator('.mk-handle').count()).toBe(0);
    await page.click(cardSelector('K2'));
    await page.waitForFunction(() => window.__malkart!.selected().join() === 'K2');
    expect(await page.getByTestId('field-title').getAttribute('readonly')).not.toBeNull();
    await page.keyboard.press('Delete');
    await page.keyboard.press('n');
    expect(await page.getByTestId('confirm-delete').count()).toBe(0);
    expect(await cardsOf(page)).toHaveLength(27);
    // Nothing of the snapshot reached the live board.
    await waitForBoard(editor.page, `return cards.some(c => c.id === 'L9') && !cards.some(c => c.id === 'T3')`);
  });

  it('a link with ?snapshot= opens the snapshot directly', async () => {
    const viewer = await newPerson(browser, 'Vera Leser');
    await viewer.page.goto(`${server.url}/b/${board.id}?token=${board.tokens.viewer}&snapshot=${sid}`);
    await waitForSnapshot(viewer.page, 'view');
    expect((await cardsOf(viewer.page)).some((c) => c.id === 'T3')).toBe(true);
    expect(await viewer.page.getByTestId('banner-restore').count()).toBe(0); // only owners restore
    // Back to the live board.
    await viewer.page.getByTestId('back-live').click();
    await viewer.page.waitForFunction(() => window.__malkart?.snapshot() === null && window.__malkart.cards().some((c) => (c as { id: string }).id === 'L9'));
    expect(new URL(viewer.page.url()).searchParams.has('snapshot')).toBe(false);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });

  it('compares the snapshot with now: marks on the cards, ghosts for removed ones, a legend and a list that jumps', async () => {
    const page = owner.page;
    // Opening the snapshot was a history entry: Back shows the live board, Forward the snapshot again.
    await page.goBack();
    await page.waitForFunction(() => window.__malkart?.snapshot() === null && window.__malkart.cards().some((c) => (c as { id: string }).id === 'L9'));
    expect(await page.locator('.mk-toolbar').count()).toBe(1);
    await page.goForward();
    await waitForSnapshot(page, 'view');
    // From the banner by keyboard: Tab from the banner text to "Sammenlign med nå", then Enter.
    await page.locator('.mk-snap-text').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sammenlign med nå');
    await page.keyboard.press('Enter');
    await waitForSnapshot(page, 'compare');
    expect(new URL(page.url()).searchParams.get('compare')).toBe('now');

    const marks = await page.evaluate(() => window.__malkart!.diffMarks());
    expect(marks).toEqual({ T3: 'removed', L9: 'added', K2: 'changed', K3: 'moved', K6: 'changed' });
    // The same marks on the rendered cards; the removed card is drawn (a ghost) with its old title.
    for (const [id, mark] of Object.entries(marks)) {
      await page.locator(`${cardSelector(id)} .mk-card[data-diff="${mark}"]`).waitFor();
    }
    expect(await page.locator(`${cardSelector('K1')} .mk-card`).getAttribute('data-diff')).toBeNull();
    expect(await page.locator(cardSelector('T3')).innerText()).toContain('Fjernet');
    expect(await page.locator(cardSelector('T3')).innerText()).toContain(titleOf('T3'));
    expect(await page.locator(cardSelector('K2')).innerText()).toContain(K2_NEW);
    expect(await page.locator('.react-flow__edge.mk-diff-removed').count()).toBe(1); // e21, T3's link

    const panel = page.getByTestId('compare-panel');
    expect(await panel.getByTestId('compare-summary').innerText()).toBe('Nye: 1 · fjernet: 1 · endret: 2 · flyttet: 1');
    // A new measured value changes the indicator: listed by period, old → new.
    expect(await panel.locator('[data-change-id="K6"] [data-value-period="2025"]').innerText()).toBe('Måleverdi 2025: – → 3,6 – KOSTRA');
    expect(await panel.getByTestId('compare-legend').locator('li').count()).toBe(4);
    const k2 = panel.locator('[data-change-id="K2"]');
    expect(await k2.getAttribute('data-mark')).toBe('changed');
    expect(await k2.locator('[data-field="title"]').innerText()).toBe(`Tittel: ${titleOf('K2')} → ${K2_NEW}`);
    expect(await panel.locator('[data-change-id="e21"]').getAttribute('data-mark')).toBe('removed');
    // The agreement given since the snapshot is listed with its side and who gave it.
    const k4 = panel.getByTestId('compare-agreements').locator('[data-change-id="K4"] [data-side="stat"]');
    expect(await k4.getAttribute('data-change')).toBe('agreed');
    expect(await k4.innerText()).toMatch(/^Stat: enig \(Siri Stat, /);
    await panel.locator('[data-change-id="L9"] button').click();
    await page.waitForFunction(() => window.__malkart!.selected().join() === 'L9');
    await page.screenshot({ path: fileURLToPath(new URL('snapshot-compare.png', ARTIFACTS)) });

    // The comparison is a picture of one moment: a later edit is announced, and a refresh includes it.
    expect(updateNode(other!.doc, 'K1', { title: 'Livskvalitet, inkludering og mestring' }, { remote: true }).ok).toBe(true);
    await page.getByRole('button', { name: 'Oppdater sammenligningen' }).click();
    await page.waitForFunction(() => window.__malkart?.snapshot()?.status === 'ready' && window.__malkart.diffMarks().K1 === 'changed');
    expect(await page.getByTestId('compare-summary').innerText()).toBe('Nye: 1 · fjernet: 1 · endret: 3 · flyttet: 1');
  });

  it('restores after a confirmation while two people are connected; restoring the "before" snapshot undoes it', async () => {
    const page = owner.page;
    await page.getByTestId('banner-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    expect(await dialog.innerText()).toContain('Før gjenoppretting av «Før endringer»');
    await dialog.getByTestId('restore-confirm').click();
    // The owner is taken back to the live board; both live clients get the snapshot's board.
    await page.waitForFunction(() => window.__malkart?.snapshot() === null);
    expect(new URL(page.url()).searchParams.has('snapshot')).toBe(false);
    const restored = `return cards.length === 27 && cards.some(c => c.id === 'T3') && !cards.some(c => c.id === 'L9')
      && cards.find(c => c.id === 'K2').title === arg && edges.some(e => e.id === 'e21')`;
    await waitForBoard(page, restored, titleOf('K2'));
    await waitForBoard(editor.page, restored, titleOf('K2'));
    expect(await page.getByTestId('toast-info').last().innerText()).toContain('Før gjenoppretting av «Før endringer»');

    // Undo: restore the snapshot taken before the restore.
    await openSnapshots(page);
    await page.getByRole('button', { name: 'Gjenopprett «Før gjenoppretting av «Før endringer»»' }).click();
    await page.getByTestId('restore-confirm').click();
    const undone = `return cards.some(c => c.id === 'L9') && !cards.some(c => c.id === 'T3') && cards.find(c => c.id === 'K2').title === arg`;
    await waitForBoard(editor.page, undone, K2_NEW);
    await waitForBoard(page, undone, K2_NEW);
    await page.keyboard.press('Escape');
    expect(owner.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  });
});

describe('export dialog', () => {
  async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-phase') === 'done');
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('downloads Markdown of a snapshot in nynorsk and a Word chapter of the board now, with progress', async () => {
    const page = editor.page;
    await page.getByRole('button', { name: 'Eksporter' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-format').selectOption('md');
    await dialog.getByTestId('export-lang').selectOption('nn');
    await dialog.getByTestId('export-source').selectOption(sid);
    const md = await download(page);
    expect(md.name).toMatch(/^lier-mal-for-arbeid-og-inkludering\.md$/);
    const text = md.bytes.toString('utf8');
    expect(text).toContain(example.meta.title);
    expect(text).toContain(titleOf('T3')); // in the snapshot, no longer on the live board
    expect(text).not.toContain('Nytt lokalt mål');
    expect(text).toContain('## Måla i kommuneplanen'); // nynorsk, as chosen
    expect(text).not.toContain('Kommuneplanens mål');
    expect(text).not.toContain('Arbeidsgrunnlag'); // the edition to publish, by default
    // The bar followed the stream to the file's full length.
    const bar = dialog.getByTestId('export-progress');
    expect(Number(await bar.getAttribute('data-received'))).toBe(md.bytes.length);
    expect(Number(await bar.getAttribute('data-total'))).toBe(md.bytes.length);
    expect(await dialog.getByTestId('export-status').innerText()).toContain(`Lastet ned ${md.name}`);

    await dialog.getByTestId('export-format').selectOption('docx');
    await dialog.getByTestId('export-source').selectOption('live');
    await dialog.getByTestId('export-view').selectOption('kommune');
    const docx = await download(page);
    expect(docx.name).toBe('lier-mal-for-arbeid-og-inkludering-kommune.docx');
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Number(await bar.getAttribute('data-received'))).toBe(docx.bytes.length);

    // The plan chapter's options (docx, html, md): the edition to publish by default, which has no
    // comment appendix; the heading level and Word-style numbering reach the file.
    await dialog.getByTestId('export-format').selectOption('html');
    expect(await dialog.getByTestId('export-variant').inputValue()).toBe('publication');
    expect(await dialog.getByTestId('export-comments').count()).toBe(0);
    await dialog.getByTestId('export-heading-level').selectOption('2');
    await dialog.getByTestId('export-numbering').selectOption('word');
    const html = await download(page);
    expect(html.name).toBe('lier-mal-for-arbeid-og-inkludering-kommune.html');
    expect(html.bytes.toString('utf8')).toContain(`<h2>${example.meta.title}</h2>`);
    expect(html.bytes.toString('utf8')).toContain('counter-increment:h2');
    await dialog.getByTestId('export-variant').selectOption('working');
    expect(await dialog.getByTestId('export-comments').count()).toBe(1);
    expect(await dialog.getByTestId('export-heading-level').count()).toBe(1);
    // Markdown takes the same options; its numbers are typed into the headings.
    await dialog.getByTestId('export-format').selectOption('md');
    expect(await dialog.getByTestId('export-heading-level').inputValue()).toBe('2');
    expect(await dialog.getByTestId('export-numbering').inputValue()).toBe('word');
    expect(await download(page).then((f) => f.bytes.toString('utf8'))).toMatch(/^## 1 Lier: mål for arbeid og inkludering\n/);
    await dialog.getByTestId('export-numbering').selectOption('none');

    // The comment appendix is asked for in the dialog; it is offered for the documents only.
    await dialog.getByTestId('export-format').selectOption('md');
    expect(await download(page).then((f) => f.bytes.toString('utf8'))).not.toMatch(/Vedlegg: Kommentar/);
    await dialog.getByTestId('export-comments').check();
    expect(await download(page).then((f) => f.bytes.toString('utf8'))).toMatch(/Vedlegg: Kommentar/);
    await dialog.getByTestId('export-format').selectOption('csv-nodes');
    expect(await dialog.getByTestId('export-comments').count()).toBe(0);
    await dialog.getByTestId('export-format').selectOption('docx');
    await page.screenshot({ path: fileURLToPath(new URL('export-dialog.png', ARTIFACTS)) });
  });

  it('says what went wrong and what to do when the link no longer gives access', async () => {
    const page = editor.page;
    const res = await fetch(`${server.url}/api/boards/${board.id}/tokens/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.status).toBe(200);
    // The editor's connection is closed (4403): the open dialog gives way to the reason, and this
    // browser's copy of the board is removed (issue 12 §10).
    await page.getByText('Lenken virker ikke lenger: eieren har laget nye lenker.').waitFor();
    expect(await page.getByTestId('export-dialog').count()).toBe(0);
    expect(await page.locator('.mk-center-page [role="alert"]').innerText()).toContain('Be eieren om den nye lenken');
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
