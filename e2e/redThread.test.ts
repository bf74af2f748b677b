// The rød tråd in Chromium on the example board (#20 §1): from a card by keyboard (R) and by the
// inspector's button, the chain highlighted and the rest dimmed, the ordered path in the side panel
// and in the outline view, the board-wide check in the analysis, each break jumping to its card;
// and another person's edit (a y-websocket client) mends the thread on this screen.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, cardSelector, newPerson, openAnalysis, openBoard } from './support/browser';
import { createBoard } from './support/server';
import { connectNodeClient } from './support/yclient';
import { seriousViolations } from './support/axe';
import { contrastRatio, createNode, link } from '../shared';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

useServerAndBrowser();

/** Card ids by their mark on the canvas (off-screen cards included: React Flow draws only what is in view). */
const marked = (page: Page, mark: 'on' | 'dim') => page.evaluate((m) => window.__malkart!.threadMarks(m), mark);
const pathIds = (page: Page, prefix: string, group: string) =>
  page.locator(`[data-testid="${prefix}-${group}"] [data-rt-id]`).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.rtId!));

/**
 * What is dimmed while a thread is shown: each card drawn (its opacity, and whether every text in it
 * has 4.5:1 against its background) and each link drawn (its opacity, the line's contrast against
 * white — the lightest band is white with a 5 % tint, the stricter test — and its label's text
 * against the label). The page gives the computed colours; the ratios are shared/contrast.ts's.
 */
async function dimmed(page: Page) {
  const seen = await page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.mk-card.is-thread-dim')].map((card) => {
      // Every element with text of its own, against the nearest background painted behind it in the card.
      const backgroundOf = (el: HTMLElement | null): string => {
        for (let e = el; e && e !== card.parentElement; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (!/rgba\(.*,\s*0\)$/.test(c) && c !== 'transparent') return c;
        }
        return 'rgb(255, 255, 255)';
      };
      const texts = [card, ...card.querySelectorAll<HTMLElement>('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .map((el) => [getComputedStyle(el).color, backgroundOf(el)] as const);
      return { id: card.closest('.react-flow__node')?.getAttribute('data-id'), opacity: Number(getComputedStyle(card).opacity), texts };
    });
    const links = [...document.querySelectorAll<SVGGElement>('.react-flow__edge.mk-thread-dim')].map((edge) => {
      const text = edge.querySelector('.mk-edge-label text');
      const rect = edge.querySelector('.mk-edge-label rect');
      let opacity = 1;
      for (let e: Element | null = edge; e && e !== document.body; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return {
        id: edge.getAttribute('data-id'),
        opacity,
        stroke: getComputedStyle(edge.querySelector('path.react-flow__edge-path')!).stroke,
        label: text && rect ? ([getComputedStyle(text).fill, getComputedStyle(rect).fill] as const) : null,
      };
    });
    return { cards, links };
  });
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    cards: seen.cards.map(({ id, opacity, texts }) => {
      const worst = Math.min(...texts.map(([fg, bg]) => contrastRatio(fg, bg)));
      return { id, opacity, worst: round(worst), ok: worst >= 4.5 };
    }),
    links: seen.links.map(({ id, opacity, stroke, label }) => {
      const line = contrastRatio(stroke, '#ffffff');
      const text = label && contrastRatio(label[0], label[1]);
      return { id, opacity, line: round(line), lineOk: line >= 3, label: text, labelOk: text === null || text >= 4.5 };
    }),
  };
}

describe('rød tråd', () => {
  it('shows the chain of a card on the canvas, in the side panel and in the outline; the board-wide check jumps to each break', async () => {
    const board = await createBoard(server.url, { board: example });
    const a = await newPerson(browser, 'Kari Kommune', { width: 1600, height: 1000, side: 'kommune' });
    await openBoard(a, server.url, board.id, board.tokens.editor);
    const page = a.page;
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 27);

    // By keyboard: focus the delmål «Flere med redusert arbeidsevne i arbeid» (K4), select it, press R.
    await page.locator(cardSelector('K4')).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('r');
    const panel = page.getByTestId('red-thread-panel');
    await panel.waitFor();
    expect(await marked(page, 'on')).toEqual(['K0', 'K1', 'K2', 'K4', 'K5', 'L2', 'L4', 'N1']);
    expect(await marked(page, 'dim')).toHaveLength(27 - 8);
    expect(await page.locator('.react-flow__edge.mk-thread-on').count()).toBe(7);
    // What is drawn carries the marks: the card on the thread outlined in red, the others dimmed.
    expect(await page.locator(`${cardSelector('K2')} .mk-card.is-thread-on`).count()).toBe(1);
    expect(await page.locator(`${cardSelector('K3')} .mk-card.is-thread-dim`).count()).toBe(1);
    // Focus stayed on the card.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('K4');
    // Dimmed is grey, not faded: every dimmed card's text keeps AA contrast (4.5:1) while the thread
    // is shown. (axe leaves the canvas's cards "incomplete", so the contrast is computed here.)
    const { cards: dimCards, links } = await dimmed(page);
    expect(dimCards.length).toBeGreaterThan(0);
    for (const d of dimCards) expect(d, JSON.stringify(d)).toMatchObject({ opacity: 1, ok: true });
    // The links outside it: grey, not faded — the line 3:1 against the lightest board, its label 4.5:1.
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l, JSON.stringify(l)).toMatchObject({ opacity: 1, lineOk: true, labelOk: true });
    expect(await seriousViolations(page, '.react-flow__nodes')).toEqual([]);
    // The ordered path: what it answers to (the vision first), the card, what carries it out; the break named.
    expect(await pathIds(page, 'rt-side', 'above')).toEqual(['K0', 'N1', 'K1', 'K2']);
    expect(await pathIds(page, 'rt-side', 'below')).toEqual(['K5', 'L2', 'L4']);
    expect(await panel.getByRole('status').textContent()).toBe('8 kort i tråden, 1 brudd.');
    expect(await page.getByTestId('rt-side-breaks').textContent()).toContain('Kommuneplanmål uten tiltak');
    mkdirSync(fileURLToPath(ARTIFACTS), { recursive: true });
    await page.waitForTimeout(300);
    await page.screenshot({ path: fileURLToPath(new URL('red-thread.png', ARTIFACTS)) });

    // A line of the path goes to its card; the thread stays.
    await page.locator('[data-testid="rt-side-above"] [data-rt-id="N1"] button').click();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.id === 'N1');
    expect(await page.evaluate(() => window.__malkart!.selected())).toEqual(['N1']);
    expect(await marked(page, 'on')).toContain('K4');

    // Someone else adds a measure for K4: the break goes away here, and the measure joins the thread.
    const b = await connectNodeClient(server.url, board.id, board.tokens.editor);
    createNode(b.doc, { id: 'T9', kind: 'measure', tier: 'kommuneplan', title: 'Jobbmesse for personer med redusert arbeidsevne', position: { x: 2400, y: 700 } }, 'b');
    link(b.doc, { id: 'e90', kind: 'contributesTo', source: 'T9', target: 'K4' }, 'b');
    await page.waitForFunction(() => document.querySelector('[data-testid="red-thread-panel"] [role="status"]')?.textContent === '9 kort i tråden, 0 brudd.');
    expect(await pathIds(page, 'rt-side', 'below')).toEqual(['K5', 'T9', 'L2', 'L4']);

    // Escape in the panel hides the thread and gives focus back to the card it was for.
    await page.locator('[data-testid="rt-side-above"] [data-rt-id="K0"] button').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await marked(page, 'dim')).toEqual([]);
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.id === 'K4');

    // The inspector's button, on a measure: up through the local goal to the kommuneplan and national goals.
    await page.locator(cardSelector('T1')).click();
    const toggle = page.getByTestId('red-thread-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await pathIds(page, 'rt-side', 'above')).toEqual(['K0', 'N1', 'N2', 'K1', 'N4', 'K2', 'L1']);

    // The outline view lists the same path, and a line activates its row in the tree.
    await page.getByRole('button', { name: 'Listevisning' }).click();
    const outline = page.getByTestId('outline-red-thread');
    await outline.waitFor();
    expect(await pathIds(page, 'rt-ol', 'above')).toEqual(['K0', 'N1', 'N2', 'K1', 'N4', 'K2', 'L1']);
    await outline.locator('[data-rt-id="K2"] button').click();
    const tree = page.getByTestId('outline-tree');
    expect(await tree.evaluate((el) => el === document.activeElement)).toBe(true);
    const activeRow = await tree.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${activeRow}`).getAttribute('class')).toContain('is-thread-on');
    expect(await page.locator(`#${activeRow} [data-name]`).textContent()).toContain('på rød tråd');
    await outline.getByRole('button', { name: 'Skjul rød tråd' }).click();
    await outline.waitFor({ state: 'detached' });
    expect(await tree.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await marked(page, 'dim')).toEqual([]);

    // The board-wide check: the resultatmål K8 has neither measure nor indicator; each break jumps.
    await openAnalysis(page);
    await page.getByRole('tab', { name: /Rød tråd/ }).click();
    const check = page.getByTestId('red-thread-check');
    expect(await check.locator('h3').allTextContents()).toEqual(['Kommuneplanmål uten tiltak 1', 'Kommuneplanmål uten indikator 1']);
    await check.getByRole('button', { name: /Lavere netto driftsutgifter/ }).first().click();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.id === 'K8');
    expect(a.errors).toEqual([]);
    b.close();
    await a.context.close();
  });
});
