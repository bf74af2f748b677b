// Keystrokes go where the person is typing (issue #11 §2): single-key shortcuts act only on the
// canvas or a card; «Svar» focuses the reply box; @mention suggestions are never clipped and the
// mentioned person gets a notice; Escape returns from an inspector field to its card and closes
// side panels; and focus never falls to <body> after a link kind, «Enig», delete, a download or a menu.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardSelector, cards, waitForBoard, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { WORKSHOP_BOARD, joinBothSides } from './support/workshop';
import { browser, server, useServerAndBrowser } from './support/session';

let board: Created;
let stat: Person;
let kommune: Person;

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  ({ stat, kommune } = await joinBothSides(browser, server.url, board));
});

const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'BODY';
    return a.getAttribute('data-id') ?? a.getAttribute('data-testid') ?? a.tagName;
  });
async function notOnBody(page: Page): Promise<string> {
  await page.waitForFunction(() => !!document.activeElement && document.activeElement !== document.body, undefined, { timeout: 5000 });
  return active(page);
}
async function openCard(page: Page, id: string): Promise<void> {
  await page.locator(cardSelector(id)).click();
  await page.waitForSelector(`[data-testid="card-inspector"][data-card-id="${id}"]`);
}
const count = async (page: Page) => (await cards(page)).length;

describe('keystrokes go where the person is typing', () => {
  it('N, L, F and Delete typed in a field, the search box or a side-panel button do nothing to the board', async () => {
    const p = stat.page;
    const before = await count(p);
    await openCard(p, 'g1');
    const title = p.getByTestId('field-title');
    await title.click();
    await p.keyboard.press('End');
    await p.keyboard.type(' nlf');
    await p.keyboard.press('Delete');
    expect(await title.inputValue()).toBe('Flere unge i arbeid eller utdanning nlf');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Backspace');
    await p.keyboard.press('Backspace');

    await p.locator('#mk-search').focus();
    await p.keyboard.press('n');
    await p.keyboard.press('Escape');
    // A button in the side panel (the inspector's «Koble»): N and Delete are not for the board there.
    await p.locator('.mk-inspector-actions button').first().focus();
    await p.keyboard.press('n');
    await p.keyboard.press('Delete');
    await p.keyboard.press('f');
    expect(await count(p)).toBe(before);
    expect((await cards(p)).some((c) => c.id === 'g1')).toBe(true);
  });

  it('Escape in an inspector field returns focus to its card, where N makes a new card', async () => {
    const p = stat.page;
    await openCard(p, 'g1');
    await p.getByTestId('field-title').click();
    await p.keyboard.press('Escape');
    expect(await active(p)).toBe('g1');
    const before = await count(p);
    await p.keyboard.press('n');
    await waitForBoard(p, `return cards.length === ${before + 1}`);
    // the new card's title field has focus: typing names it, and N typed there is just a letter
    await p.keyboard.type('Nytt navn');
    await waitForBoard(p, `return cards.some(c => c.title === 'Nytt navn')`);
    expect(await count(p)).toBe(before + 1);
  });

  // A jump (search, a panel's list) gives the card focus once the view has moved there, ~0.3 s
  // later. Someone who has gone on meanwhile (into a field, a reply box) keeps their focus: the
  // late focus once took the keys of a reply being typed, and «@Ka» lost its «Ka» to the card.
  it('a jump to a card does not take focus back from a field the person went on to', async () => {
    const p = stat.page;
    await openCard(p, 'g2');
    const search = p.locator('#mk-search');
    await search.fill('lavinntekt');
    await search.press('Enter');
    // At once, as a quick person would: into the title field and typing.
    await p.getByTestId('field-title').focus();
    await p.keyboard.type(' ok');
    await p.waitForTimeout(800);
    expect(await active(p)).toBe('field-title');
    await p.keyboard.type('!');
    expect(await p.getByTestId('field-title').inputValue()).toBe('Færre barn i lavinntektsfamilier ok!');
    await p.keyboard.press('Escape');
    // With nothing else focused meanwhile, the jump still ends on the card (keyboard users act on it there).
    await search.fill('lavinntekt');
    await search.press('Enter');
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'g2');
  });

  // Since #13, L opens the link picker (type part of the target's title); once the link is made,
  // focus returns to the card the link was started from.
  it('after choosing a link kind, focus is back on the card the link started from', async () => {
    const p = stat.page;
    await openCard(p, 'g1');
    await p.locator(cardSelector('g1')).focus();
    await p.keyboard.press('l');
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'link-picker-input');
    await p.keyboard.type('lavinntekt');
    await p.locator('[data-testid="link-picker"] [role=option][data-card-id="g2"][aria-selected=true]').waitFor();
    await p.keyboard.press('Enter');
    const menu = p.locator('.mk-link-menu');
    await menu.waitFor();
    await p.waitForFunction(() => document.activeElement?.closest('.mk-link-menu'));
    await p.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await waitForBoard(p, `return edges.some(e => e.source === 'g1' && e.target === 'g2')`);
    expect(await notOnBody(p)).toBe('g1');
  });

  it('after deleting a card with links (inspector button, confirm), focus is on the board', async () => {
    const p = stat.page;
    await openCard(p, 'g1');
    await p.getByRole('button', { name: 'Slett kort' }).click();
    await p.getByTestId('confirm-delete').click();
    await waitForBoard(p, `return !cards.some(c => c.id === 'g1')`);
    expect(await notOnBody(p)).not.toBe('BODY');
  });

  it('after «Enig», focus stays in the inspector', async () => {
    const p = stat.page;
    await openCard(p, 'g3');
    await p.getByTestId('agree').click();
    await p.getByTestId('withdraw-agreement').waitFor();
    expect(await notOnBody(p)).not.toBe('BODY');
  });

  it('@mention suggestions are fully visible; the mentioned person sees a notice; «Svar» focuses the reply box', async () => {
    const p = stat.page;
    await openCard(p, 'g2');
    const box = p.getByTestId('new-comment');
    await box.click();
    await box.pressSequentially('Kan du sjekke dette, @Ka');
    const option = p.getByTestId('mention-option').filter({ hasText: 'Kari Kommune' }).first();
    await option.waitFor();
    // Nothing clips the list: the option's centre is on screen and it is the element drawn there.
    const visible = await option.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const inView = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      return inView && el.contains(document.elementFromPoint(x, y));
    });
    expect(visible).toBe(true);
    await box.press('Enter');
    await box.pressSequentially('?');
    await box.press('Enter');
    const notice = kommune.page.getByTestId('toast-info').filter({ hasText: 'Siri Stat nevnte deg' });
    await notice.waitFor();

    await openCard(kommune.page, 'g2');
    await kommune.page.getByTestId('reply-toggle').click();
    expect(await active(kommune.page)).toBe('reply');
    await kommune.page.keyboard.type('Ja, det gjør jeg.');
    await kommune.page.keyboard.press('Enter');
    await kommune.page.locator('[data-testid="comment-message"]', { hasText: 'Ja, det gjør jeg.' }).waitFor();
    expect(await notOnBody(kommune.page)).toBe('reply-toggle');
  });

  // WCAG 2.1.4: one-character shortcuts can be turned off (a speech-input user saying «new link»
  // would otherwise make a card and start a link); the rest of the keyboard keeps working.
  it('the one-key shortcuts can be turned off in the help, for this browser; Ctrl, F1, Delete and the arrows still work', async () => {
    const p = kommune.page;
    const before = await count(p);
    await openCard(p, 'g3');
    await p.locator(cardSelector('g3')).focus();
    await p.keyboard.press('F1');
    const toggle = p.getByTestId('letter-keys');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await p.keyboard.press('Escape');
    await toggle.waitFor({ state: 'detached' });

    await p.locator(cardSelector('g3')).focus();
    for (const key of ['n', 'l', 'r', 'g', 'f', '/', '?', 'Shift+P']) await p.keyboard.press(key);
    expect(await count(p)).toBe(before);
    expect(await p.locator('.mk-modal, [data-testid="link-picker"], [data-testid="red-thread-panel"]').count()).toBe(0);
    expect(await p.evaluate(() => document.documentElement.hasAttribute('data-presenting'))).toBe(false);
    expect(await active(p)).toBe('g3');
    expect(await p.getByTestId('red-thread-toggle').getAttribute('aria-keyshortcuts')).toBeNull();
    // The arrows still move the card, Ctrl+Z takes it back; F1 still opens the help.
    const x0 = (await cards(p)).find((c) => c.id === 'g3')!.x;
    await p.keyboard.press('ArrowRight');
    await waitForBoard(p, `return cards.find(c => c.id === 'g3').x > ${x0}`);
    await p.keyboard.press('Control+z');
    await waitForBoard(p, `return cards.find(c => c.id === 'g3').x === ${x0}`);

    // Kept for this browser, and on again from the help.
    await p.reload();
    await p.waitForFunction(() => window.__malkart?.syncState() === 'online');
    await p.locator(cardSelector('g3')).focus();
    await p.keyboard.press('n');
    await p.keyboard.press('F1');
    expect(await toggle.isChecked()).toBe(false);
    expect(await count(p)).toBe(before);
    await toggle.check();
    await p.keyboard.press('Escape');
    await p.locator(cardSelector('g3')).focus();
    await p.keyboard.press('n');
    await waitForBoard(p, `return cards.length === ${before + 1}`);
    await p.keyboard.press('Escape');
  });

  // WCAG 2.2.2: other people's cursors move by themselves; they can be hidden (and shown again).
  it('other people\'s cursors can be hidden in the help, and shown again', async () => {
    const p = kommune.page;
    const siri = p.locator('[data-testid="peer-cursor"][data-name="Siri Stat"]');
    const moveSiri = async () => {
      const box = (await stat.page.getByTestId('canvas').boundingBox())!;
      await stat.page.mouse.move(box.x + 200 + Math.random() * 100, box.y + 200);
      await stat.page.mouse.move(box.x + 320, box.y + 240, { steps: 4 });
    };
    await moveSiri();
    await siri.waitFor();
    const help = async () => {
      await p.getByRole('button', { name: 'Hjelp', exact: true }).click();
      await p.getByTestId('peer-cursors').waitFor();
    };
    await help();
    await p.getByTestId('peer-cursors').uncheck();
    await p.keyboard.press('Escape');
    await siri.waitFor({ state: 'detached' });
    await moveSiri();
    await p.waitForTimeout(400);
    expect(await siri.count()).toBe(0);
    // Who is here still shows.
    expect(await p.locator('.mk-avatars li[data-side="stat"]').count()).toBeGreaterThan(0);
    await help();
    await p.getByTestId('peer-cursors').check();
    await p.keyboard.press('Escape');
    await moveSiri();
    await siri.waitFor();
  });

  it('Escape closes a side panel and gives focus back to the button that opened it', async () => {
    const p = kommune.page;
    await p.getByTestId('panel-comments').click();
    await p.getByTestId('drawer-comments').waitFor();
    await p.locator('[data-testid="drawer-comments"] button').first().focus();
    await p.keyboard.press('n'); // not a new card: focus is in the side panel
    await p.keyboard.press('Escape');
    await p.getByTestId('drawer-comments').waitFor({ state: 'detached' });
    expect(await active(p)).toBe('panel-comments');
  });

  it('after closing a menu or a download, focus is on the control that opened it or in its dialog', async () => {
    const p = stat.page;
    await p.getByRole('button', { name: 'Filter', exact: true }).click();
    await p.getByTestId('filter-close').click();
    expect(await active(p)).toBe('BUTTON');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toContain('Filter');

    await p.getByRole('button', { name: 'Eksporter' }).click();
    const dialog = p.getByTestId('export-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-format').selectOption('md');
    await Promise.all([p.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    await p.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.getAttribute('data-phase') === 'done');
    expect(await notOnBody(p)).not.toBe('BODY');
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await notOnBody(p)).not.toBe('BODY');
    expect(stat.errors).toEqual([]);
    expect(kommune.errors).toEqual([]);
  });
});
