// Indicator follow-up (issue #14 §4) in Chromium against a real server, two people on one board:
// Kari adds measured values to an indicator with the keyboard alone; Siri, with the same indicator
// open, sees the table, the line chart and the on-track state update.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardSelector, newPerson, openBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let kari: Person;
let siri: Person;

useServerAndBrowser();
beforeAll(async () => {
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  const board = await createBoard(server.url, { board: example });
  kari = await newPerson(browser, 'Kari Kommune', { width: 1600, height: 1000 });
  siri = await newPerson(browser, 'Siri Stat', { width: 1600, height: 1000 });
  await openBoard(kari, server.url, board.id, board.tokens.editor);
  await openBoard(siri, server.url, board.id, board.tokens.editor);
}, 180_000);

describe('indicator series', () => {
  it('one person adds values by keyboard; the other sees the table, the chart and the state', async () => {
    await kari.page.click(cardSelector('K6'));
    await siri.page.click(cardSelector('K6'));
    const ks = kari.page.getByTestId('indicator-series');
    const ss = siri.page.getByTestId('indicator-series');
    await expect(ss.getByTestId('series-state').textContent()).resolves.toContain('Ingen måling');

    for (const [period, value] of [['2024', '3,9'], ['2025', '3,6']] as const) {
      await ks.getByTestId('series-period').fill(period);
      await ks.getByTestId('series-value').fill(value);
      await ks.getByTestId('series-value').press('Enter');
    }
    // Focus returns to the period field for the next value.
    expect(await kari.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('series-period');

    await siri.page.waitForFunction(() => document.querySelectorAll('[data-testid="indicator-series"] tbody tr').length === 2);
    await ss.getByTestId('series-chart').waitFor();
    expect(await ss.getByTestId('series-chart').getAttribute('aria-label')).toBe('Måleverdier over tid: 2024: 3,9, 2025: 3,6');
    // Lower is better; 4,1 % (2023) to 3 % (2028): 3,6 in 2025 is ahead of the line.
    expect(await ss.getByTestId('series-state').textContent()).toBe('Siste verdi: 3,6 (2025). I rute, bedre enn forrige måling');

    // A bad period is explained, and nothing is written.
    await ks.getByTestId('series-period').fill('neste år');
    await ks.getByTestId('series-value').fill('3');
    await ks.getByTestId('series-add').click();
    expect(await ks.getByRole('alert').textContent()).toContain('2024-Q3');
    expect(await ss.locator('tbody tr').count()).toBe(2);
  }, 180_000);

  it('the card shows the line chart and says latest value, state and trend at readable zoom; the overview card draws no chart', async () => {
    const card = siri.page.locator(cardSelector('K6'));
    const chart = card.getByTestId('card-series-chart');
    const zoom = () => siri.page.evaluate(() => window.__malkart!.viewport()!.zoom);
    // The example board opens at overview zoom: zoom in over the card (the wheel zooms about the pointer).
    for (let i = 0; i < 12 && (await zoom()) < 0.45; i++) {
      const before = await zoom();
      const box = (await card.boundingBox())!;
      await siri.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await siri.page.mouse.wheel(0, -200);
      await siri.page.waitForFunction((z) => window.__malkart!.viewport()!.zoom > z, before);
    }
    expect(await zoom()).toBeGreaterThanOrEqual(0.45);
    await chart.waitFor();
    expect(await chart.getAttribute('data-points')).toBe('2');
    await card.screenshot({ path: fileURLToPath(new URL('./artifacts/indicator-card.png', import.meta.url)) });
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    expect(await card.getByTestId('card-series-state').textContent()).toBe('I rute, bedre enn forrige måling');
    const said = 'Siste verdi: 3,6 % (2025). I rute, bedre enn forrige måling.';
    expect(await card.getAttribute('aria-label')).toContain(said);
    // Kari's own card says it too (the series reached her canvas through her own write).
    expect(await kari.page.locator(cardSelector('K6')).getAttribute('aria-label')).toContain(said);

    // Zoom out by the canvas's own button until the cards draw their overview blocks.
    for (let i = 0; i < 12 && (await zoom()) >= 0.45; i++) {
      const before = await zoom();
      await siri.page.locator('.react-flow__controls-zoomout').click();
      await siri.page.waitForFunction((z) => window.__malkart!.viewport()!.zoom < z, before);
    }
    expect(await zoom()).toBeLessThan(0.45);
    await siri.page.waitForSelector(`${cardSelector('K6')} .mk-card.is-low`);
    expect(await card.getByTestId('card-series-chart').count()).toBe(0);
    expect(await card.getAttribute('aria-label')).toContain(said);
  }, 180_000);

  it('CSV import: the preview names the unmatched row and column; the import reaches the other person', async () => {
    await siri.page.getByTestId('csv-open').click();
    const dialog = siri.page.getByRole('dialog');
    await dialog.getByTestId('csv-text').fill('indikator;periode;verdi;kilde\nL5;2025;4,4;KOSTRA\nIngen slik;2025;1;\n');
    const preview = dialog.getByTestId('csv-preview');
    await preview.waitFor();
    expect(await preview.locator('p').first().textContent()).toBe('1 rader kan importeres, 1 kan ikke.');
    expect(await dialog.getByTestId('csv-errors').textContent()).toBe('Rad 3, kolonne «indikator»: Ingen indikator har id eller tittel «Ingen slik».');
    await dialog.getByTestId('csv-import').click();
    await dialog.getByText('1 verdier er importert.').waitFor();
    await siri.page.keyboard.press('Escape');
    await kari.page.click(cardSelector('L5'));
    await kari.page.waitForFunction(() => document.querySelector('[data-testid="indicator-series"] tbody tr th')?.textContent === '2025');
  }, 180_000);
});
