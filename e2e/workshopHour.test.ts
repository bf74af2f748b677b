// A workshop hour in miniature (#11 "Done when"): Frida facilitates, Siri (stat) and Kari (kommune)
// work the board, each in their own browser. They create cards, link by dropping on a card body,
// type into the same title at once, agree, comment and reply, vote, take a snapshot, restore it
// while someone has a field focused, and export. Nobody's text may be lost and no stray card appear.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { cardSelector, cards, waitForBoard, type CardInfo, type Person } from './support/browser';
import { createBoard, type Created } from './support/server';
import { WORKSHOP_BOARD, join, joinBothSides } from './support/workshop';
import { browser, server, useServerAndBrowser } from './support/session';

let board: Created;
let fac: Person;
let stat: Person;
let kommune: Person;
const everyone = () => [fac, stat, kommune];
/** Ids of the cards the people made on purpose; anything else appearing is a stray card. */
const expected = new Set(WORKSHOP_BOARD.nodes.map((n) => n.id));

useServerAndBrowser();
beforeAll(async () => {
  board = await createBoard(server.url, { board: WORKSHOP_BOARD });
  fac = await join(browser, server.url, board, board.tokens.owner, 'Frida Fasilitator', 'gjest');
  ({ stat, kommune } = await joinBothSides(browser, server.url, board));
}, 180_000);

const card = (page: Page, id: string, inner = '') => page.locator(`${cardSelector(id)} ${inner}`.trim());
const titleOf = async (page: Page, id: string) => (await cards(page)).find((c) => c.id === id)?.title;

async function select(page: Page, id: string): Promise<void> {
  await card(page, id).click({ position: { x: 30, y: 12 } });
  await page.waitForSelector(`[data-testid="card-inspector"][data-card-id="${id}"]`);
}

async function openPanel(page: Page, name: string): Promise<void> {
  if ((await page.getByTestId(`panel-${name}`).getAttribute('aria-pressed')) !== 'true') await page.getByTestId(`panel-${name}`).click();
  await page.waitForSelector(`[data-testid="drawer-${name}"]`);
}

async function sameCardsEverywhere(): Promise<CardInfo[]> {
  const want = [...expected].sort().join();
  for (const p of everyone()) await waitForBoard(p.page, `return cards.map(c => c.id).sort().join() === arg`, want);
  return cards(fac.page);
}

/** Creates a goal from the palette; returns the new card's id once every tab has it. */
async function createGoal(p: Person): Promise<string> {
  const before = new Set((await cards(p.page)).map((c) => c.id));
  await p.page.locator('.mk-palette-item[data-kind="goal"]').click();
  await p.page.waitForFunction((n) => window.__malkart!.cards().length === n, before.size + 1);
  const id = (await cards(p.page)).find((c) => !before.has(c.id))!.id;
  expected.add(id);
  await sameCardsEverywhere();
  return id;
}

let siriGoal = '';
let kariGoal = '';

describe('a workshop hour in miniature', () => {
  it('the facilitator takes the role; the others follow her view', async () => {
    await openPanel(fac.page, 'people');
    await fac.page.getByTestId('take-facilitator').click();
    await fac.page.getByTestId('panel-people').click();
    for (const p of [stat, kommune]) await p.page.locator('[data-testid="follow-toggle"][aria-pressed="true"]').waitFor();
  });

  it('create: each side’s new card is theirs, near the shared centre and on top of no other card', async () => {
    siriGoal = await createGoal(stat);
    kariGoal = await createGoal(kommune);
    const all = await sameCardsEverywhere();
    expect(all.find((c) => c.id === siriGoal)!.owner).toBe('stat');
    expect(all.find((c) => c.id === kariGoal)!.owner).toBe('kommune');
    const boxes = await fac.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({ id: el.dataset.id!, r: el.getBoundingClientRect().toJSON() as DOMRect })),
    );
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlap = a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom;
        expect(overlap, `${a.id} on ${b.id}`).toBe(false);
      }
    }
  });

  it('link by dropping on the body of the target card', async () => {
    const page = kommune.page;
    // From g2's handle (a card that was on the board from the start, well inside the view) onto the body of Kari's new card.
    await card(page, 'g2').hover();
    const h = (await card(page, 'g2', '.mk-handle-source').boundingBox())!;
    const target = (await card(page, kariGoal).boundingBox())!;
    const from = { x: h.x + h.width / 2, y: h.y + h.height / 2 };
    const to = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
    await page.mouse.move(to.x, to.y, { steps: 6 });
    const under = async (pt: { x: number; y: number }) =>
      page.evaluate(([x, y]) => document.elementsFromPoint(x!, y!).slice(0, 3).map((e) => String((e as HTMLElement).className).slice(0, 40)).join(' > '), [pt.x, pt.y]);
    const atDrop = await under(to);
    await page.mouse.up();
    await page
      .waitForFunction((id) => document.querySelector('[role=menu]') || window.__malkart!.edges().some((e: any) => e.target === id), kariGoal, { timeout: 10_000 })
      .catch(async () => {
        throw new Error(`no link: at the handle ${await under(from)}; at the drop ${atDrop}; toasts ${await page.locator('.mk-toast').allTextContents()}`);
      });
    if (await page.getByRole('menu').count()) await page.getByRole('menu').locator('[role=menuitem]').first().click();
    for (const p of everyone()) await waitForBoard(p.page, `return edges.some(e => e.source === 'g2' && e.target === arg)`, kariGoal);
  });

  // The title is a Y.Text bound live to the field (#11 §1): both people's keystrokes merge.
  it('two people type into the same title at once; both keep their words', async () => {
    await select(stat.page, 'g3');
    await select(kommune.page, 'g3');
    const fieldS = stat.page.getByTestId('field-title');
    const fieldK = kommune.page.getByTestId('field-title');
    await fieldS.click();
    await fieldK.click();
    await stat.page.keyboard.press('End');
    await kommune.page.keyboard.press('Home');
    await Promise.all([stat.page.keyboard.type(' i hele Lier', { delay: 15 }), kommune.page.keyboard.type('Mye ', { delay: 15 })]);
    for (const p of everyone()) await waitForBoard(p.page, `const t = cards.find(c => c.id === 'g3').title; return t.startsWith('Mye ') && t.endsWith(' i hele Lier')`);
    expect(await titleOf(fac.page, 'g3')).toBe('Mye Bedre helse for eldre i hele Lier');
    await expect(fieldS.inputValue()).resolves.toBe('Mye Bedre helse for eldre i hele Lier');
    await expect(fieldK.inputValue()).resolves.toBe('Mye Bedre helse for eldre i hele Lier');
    await stat.page.keyboard.press('Escape');
    await kommune.page.keyboard.press('Escape');
  });

  it('agree: both sides say «Enig», the goal is «Avtalt» for everyone', async () => {
    await card(stat.page, 'g1', '[data-testid="card-agree"]').click();
    await card(kommune.page, 'g1', '[data-testid="agreed-stat"]').waitFor();
    await card(kommune.page, 'g1', '[data-testid="card-agree"]').click();
    for (const p of everyone()) await card(p.page, 'g1', '[data-testid="avtalt"]').waitFor();
  });

  // «Svar» puts the caret in the reply box (#11 §2).
  it('comment, and a reply typed straight into «Svar»', async () => {
    await select(kommune.page, 'g2');
    const box = kommune.page.getByTestId('new-comment');
    await box.fill('Har vi tall for 2024?');
    await box.press('Enter');
    await card(stat.page, 'g2', '[data-testid="comment-badge"]').click();
    await stat.page.waitForSelector('[data-testid="card-inspector"][data-card-id="g2"]');
    await stat.page.getByTestId('reply-toggle').click();
    // «Svar» puts the caret in the reply box: typing goes there without another click.
    await stat.page.keyboard.type('Ja, SSB har dem.');
    await stat.page.keyboard.press('Enter');
    await kommune.page.locator('[data-testid="comment-message"]', { hasText: 'Ja, SSB har dem.' }).waitFor();
    await kommune.page.locator('[data-testid="comment-message"]', { hasText: 'Har vi tall for 2024?' }).waitFor();
  });

  it('vote: the facilitator sees how many have voted; a card with no dots shows no count', async () => {
    await openPanel(fac.page, 'votes');
    await fac.page.getByTestId('start-vote').click();
    await fac.page.getByTestId('vote-title').fill('Hva først?');
    await fac.page.getByTestId('scope-kind').check();
    await fac.page.getByTestId('vote-dots').fill('1');
    await fac.page.getByTestId('vote-start-submit').click();
    await fac.page.locator('[data-testid="voted-count"][data-voted="0"]').waitFor();
    expect(await fac.page.getByTestId('voted-count').innerText()).toBe('0 av 3 har stemt');
    await card(stat.page, 'g1', '[data-testid="dot-add"]').click();
    await fac.page.locator('[data-testid="voted-count"][data-voted="1"]').waitFor();
    await card(kommune.page, 'g1', '[data-testid="dot-add"]').click();
    await fac.page.locator('[data-testid="voted-count"][data-voted="2"]').waitFor();
    expect(await fac.page.getByTestId('voted-count').innerText()).toBe('2 av 3 har stemt');
    // Only the facilitator sees it.
    expect(await stat.page.getByTestId('voted-count').count()).toBe(0);
    await fac.page.getByTestId('close-vote').click();
    for (const p of everyone()) await card(p.page, 'g1', '[data-testid="vote-count"][data-count="2"]').waitFor();
    for (const id of ['g2', 'g3', siriGoal, kariGoal]) expect(await card(fac.page, id, '[data-testid="vote-count"]').count()).toBe(0);
    await fac.page.getByTestId('panel-votes').click();
  });

  let midway = '';
  it('snapshot, then a change', async () => {
    await fac.page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
    await fac.page.getByTestId('snapshot-label').fill('Midtveis');
    await fac.page.getByRole('button', { name: 'Ta øyeblikksbilde' }).click();
    const row = fac.page.getByTestId('snapshots').locator('li', { hasText: 'Midtveis' });
    await row.waitFor();
    midway = (await row.getAttribute('data-snapshot-id'))!;
    await fac.page.keyboard.press('Escape');
    await select(kommune.page, 'g2');
    await kommune.page.getByTestId('field-title').fill('Færre barn i lavinntekt – endret etter bildet');
    for (const p of everyone()) await waitForBoard(p.page, `return cards.find(c => c.id === 'g2').title.endsWith('endret etter bildet')`);
  });

  it('restore while Kari has the title focused: every board gets the snapshot’s text', async () => {
    await kommune.page.getByTestId('field-title').click();
    await kommune.page.keyboard.press('End');
    await fac.page.getByRole('button', { name: 'Øyeblikksbilder' }).click();
    await fac.page.locator(`[data-snapshot-id="${midway}"] button`, { hasText: 'Gjenopprett' }).click();
    await fac.page.getByTestId('restore-confirm').click();
    for (const p of everyone()) await waitForBoard(p.page, `return cards.find(c => c.id === 'g2').title === 'Færre barn i lavinntektsfamilier'`);
    if (await fac.page.getByRole('dialog').count()) await fac.page.keyboard.press('Escape');
  });

  // A restore refreshes a focused field (#11 §1).
  it('… and Kari’s focused field shows the restored text; her next keystroke does not bring the old one back', async () => {
    await kommune.page.waitForFunction(() => (document.querySelector('[data-testid="field-title"]') as HTMLInputElement | null)?.value === 'Færre barn i lavinntektsfamilier');
    await kommune.page.keyboard.press('End');
    await kommune.page.keyboard.type('!');
    for (const p of everyone()) await waitForBoard(p.page, `return cards.find(c => c.id === 'g2').title === 'Færre barn i lavinntektsfamilier!'`);
    await kommune.page.keyboard.press('Escape');
  });

  it('export: the file has everyone’s text and no stray card', async () => {
    const all = await sameCardsEverywhere();
    await fac.page.getByRole('button', { name: 'Eksporter' }).click();
    const dialog = fac.page.getByTestId('export-dialog');
    await dialog.getByTestId('export-format').selectOption('json');
    const [file] = await Promise.all([fac.page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    const json = JSON.parse(await readFile((await file.path())!, 'utf8')) as { nodes: { id: string; title: string }[]; edges: { source: string; target: string }[] };
    expect(json.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(json.nodes.map((n) => n.id).sort()).toEqual(all.map((c) => c.id).sort());
    const title = (id: string) => json.nodes.find((n) => n.id === id)?.title;
    // Every title in the file is the one every tab shows, including both people's words and Kari's «!» after the restore.
    for (const c of all) expect(title(c.id)).toBe(c.title);
    expect(title('g2')).toBe('Færre barn i lavinntektsfamilier!');
    expect(title('g3')).toBe('Mye Bedre helse for eldre i hele Lier');
    expect(json.edges.some((e) => e.source === 'g2' && e.target === kariGoal)).toBe(true);
    await fac.page.keyboard.press('Escape');
  });

  it('nobody saw a page error', () => {
    for (const p of everyone()) expect(p.errors).toEqual([]);
  });
});
