// Bærekraftsmål (issue #14) in Chromium against a real server, two people on one board: one picks
// an SDG from the catalogue in the inspector (search by name, Enter), the other sees the coloured
// chip on the card at once, filters the canvas by that SDG and finds it in the analysis table.
import { beforeAll, describe, expect, it } from 'vitest';
import { cardSelector, newPerson, openAnalysis, openBoard, type Person } from './support/browser';
import { createBoard } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';
import { EXAMPLE_BOARD } from '../shared/examples';

const example = EXAMPLE_BOARD;

let kari: Person;
let siri: Person;

useServerAndBrowser();
beforeAll(async () => {
  const board = await createBoard(server.url, { board: example });
  kari = await newPerson(browser, 'Kari Kommune', { width: 1600, height: 1000 });
  siri = await newPerson(browser, 'Siri Stat', { width: 1600, height: 1000 });
  await openBoard(kari, server.url, board.id, board.tokens.editor);
  await openBoard(siri, server.url, board.id, board.tokens.editor);
});

describe('bærekraftsmål', () => {
  it('one person picks an SDG by name; the other sees its coloured chip, filters by it and finds it in the analysis', async () => {
    // Kari opens L3 in the inspector and adds goal 10 by searching its name.
    await kari.page.click(cardSelector('L3'));
    const picker = kari.page.getByTestId('sdg-picker');
    await picker.getByTestId('sdg-search').fill('ulikhet');
    await expect(picker.locator('[data-sdg-add]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sdgAdd))).resolves.toEqual(['10']);
    await picker.getByTestId('sdg-search').press('Enter');
    await kari.page.waitForFunction(() => (window.__malkart!.cards() as { id: string; sdg?: string[] }[]).find((c) => c.id === 'L3')?.sdg?.join() === '10');
    // A number finds the goal too; the chosen list names it and can remove it.
    await picker.getByTestId('sdg-search').fill('8');
    await picker.locator('[data-sdg-add="8"]').click();
    await kari.page.waitForFunction(() => (window.__malkart!.cards() as { id: string; sdg?: string[] }[]).find((c) => c.id === 'L3')?.sdg?.join() === '10,8');
    await picker.getByRole('button', { name: 'Fjern SDG 8' }).click();
    await kari.page.waitForFunction(() => (window.__malkart!.cards() as { id: string; sdg?: string[] }[]).find((c) => c.id === 'L3')?.sdg?.join() === '10');

    // Siri sees the chip in the goal's official colour, named in its tooltip.
    const chip = siri.page.locator(`${cardSelector('L3')} .mk-sdg-tag[data-sdg="10"]`);
    await chip.waitFor();
    expect(await chip.getAttribute('title')).toBe('10 Mindre ulikhet');
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(221, 19, 103)');

    // Siri filters by SDG 10: only the cards that name it (K1 from the example, L3 now) stay.
    await siri.page.getByRole('button', { name: 'Filter' }).click();
    await siri.page.locator('[data-filter="sdg"]').selectOption('10');
    await siri.page.waitForFunction(() => {
      const shown = (window.__malkart!.cards() as { id: string }[]).map((c) => c.id).filter((id) => !window.__malkart!.hidden().includes(id));
      return shown.sort().join() === 'K1,L3';
    });
    await siri.page.getByRole('button', { name: 'Vis alle' }).click();
    await siri.page.waitForFunction(() => window.__malkart!.hidden().length === 0);
    await siri.page.keyboard.press('Escape');

    // The analysis lists which cards support which SDG; an entry jumps to its card. (It folds away
    // while a card is selected, so the inspector has the column: open it.)
    await openAnalysis(siri.page);
    await siri.page.getByRole('tab', { name: /Dekning/ }).click();
    const table = siri.page.getByTestId('sdg-coverage');
    await table.getByRole('row', { name: /10 Mindre ulikhet/ }).getByRole('button', { name: 'Kortere gjennomsnittlig stønadstid for 18–24 år' }).click();
    await siri.page.waitForFunction(() => window.__malkart!.selected()[0] === 'L3');
    expect(kari.errors).toEqual([]);
    expect(siri.errors).toEqual([]);
  });
});
