// Sign-in in the browser (issue #17), against a real OpenID provider in-process (oidc-provider's
// development login accepts any user name): Kari signs in with «Logg inn», creates a board (she owns
// it, links off), invites Ola from «Del»; Ola opens the invitation, signs in, accepts and lands on
// the board; Kari sets Ola's side to kommune; each sees the other by verified name and side in the
// top bar. Kari takes the stat side herself; both agree on a goal at about the same time, and both
// screens show it «Avtalt» with both verified names, as the audit log does. Then Kari removes Ola,
// whose board says so at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { cardSelector, cards, launchBrowser } from './support/browser';
import { nameOf, startSignInServer } from '../server/testing/testProvider';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let browser: Browser;
let server: Awaited<ReturnType<typeof startSignInServer>>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startSignInServer({ clientDir: path.join(root, 'dist/client'), autoSnapshotMs: 0, exportWorkers: 0 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function person(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nb-NO' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** At the provider's development login page: any user name and password. */
async function loginAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(server.provider.issuer));
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  await page.waitForURL((u) => u.href.startsWith(server.url));
}

/** The people in the top bar, other than oneself, as their avatars name them. */
const peopleShown = (page: Page) =>
  page.$$eval('.mk-avatars .mk-avatar', (els) => els.map((el) => ({ title: el.getAttribute('title') ?? '', verified: el.getAttribute('data-verified'), side: el.getAttribute('data-side') })));

describe('sign-in, members and sides bound to people', () => {
  it('two people signed in: the owner invites the other, sets her side to kommune, both see each other verified and agree on a goal', async () => {
    const kari = await person();
    await kari.page.goto(`${server.url}/`);
    await kari.page.getByTestId('sign-in').click();
    await loginAtProvider(kari.page, 'kari');
    await expect.poll(() => kari.page.getByTestId('signed-in').textContent()).toContain(nameOf('kari'));

    // Her new board opens at once, for its members.
    await kari.page.getByLabel('Navn på tavla').fill('Lier 2027');
    await kari.page.getByTestId('create-empty').click();
    await kari.page.waitForURL(/\/b\/[a-z0-9]+$/);
    const boardId = new URL(kari.page.url()).pathname.split('/').pop()!;
    await kari.page.waitForFunction(() => window.__malkart?.syncState() === 'online', undefined, { timeout: 15_000 });
    await expect.poll(() => kari.page.locator('.mk-topbar [data-testid="signed-in"]').textContent()).toContain(nameOf('kari'));

    // «Del»: an invitation as editor, side gjest for now.
    await kari.page.getByTestId('share-button').click();
    await kari.page.getByTestId('invite-role').selectOption('editor');
    await kari.page.getByTestId('invite-side').selectOption('gjest');
    await kari.page.getByTestId('invite-create').click();
    const invitation = await kari.page.getByTestId('invite-link').inputValue();
    expect(invitation).toMatch(/\/invitasjon#token=/);

    const ola = await person();
    await ola.page.goto(invitation);
    await ola.page.getByRole('link', { name: 'Logg inn' }).first().click();
    await loginAtProvider(ola.page, 'ola');
    await ola.page.waitForURL(/\/invitasjon#token=/);
    await ola.page.getByTestId('invitation-accept').click();
    await ola.page.waitForURL(new RegExp(`/b/${boardId}$`));
    await ola.page.waitForFunction(() => window.__malkart?.syncState() === 'online', undefined, { timeout: 15_000 });

    // Kari sets Ola's side: Ola reconnects with it, and everyone sees it.
    // The dialog lists the members as they were when it opened: open it again.
    await kari.page.keyboard.press('Escape');
    await kari.page.getByTestId('share-button').click();
    await kari.page.getByTestId('member-side-ola').selectOption('kommune');

    await expect
      .poll(async () => (await peopleShown(kari.page)).find((p) => p.title.includes(nameOf('ola'))), { timeout: 15_000 })
      .toMatchObject({ verified: 'true', side: 'kommune' });
    // Ola's reconnect (with her new side) sees Kari again at once, without Kari doing anything.
    await kari.page.keyboard.press('Escape');
    await expect
      .poll(async () => (await peopleShown(ola.page)).find((p) => p.title.includes(nameOf('kari'))), { timeout: 8000 })
      .toMatchObject({ verified: 'true' });
    // Kari takes the stat side herself; her open board learns it without a reload, as Ola's did kommune.
    await kari.page.getByTestId('share-button').click();
    await kari.page.getByTestId('member-side-kari').selectOption('stat');
    await kari.page.keyboard.press('Escape');

    // A goal, and both agree to it at about the same time, each with the button on their own screen.
    await kari.page.waitForFunction(() => window.__malkart?.syncState() === 'online', undefined, { timeout: 15_000 });
    await kari.page.locator('.mk-palette-item[data-kind="goal"]').click();
    await kari.page.waitForFunction(() => window.__malkart!.cards().length === 1);
    const goal = (await cards(kari.page))[0]!.id;
    await ola.page.waitForFunction((id) => (window.__malkart!.cards() as { id: string }[]).some((c) => c.id === id), goal);
    const agreeOn = (page: Page) => page.locator(`${cardSelector(goal)} [data-testid="card-agree"]`);
    await Promise.all([agreeOn(kari.page).waitFor({ timeout: 15_000 }), agreeOn(ola.page).waitFor({ timeout: 15_000 })]);
    await Promise.all([agreeOn(kari.page).click(), agreeOn(ola.page).click()]);
    for (const p of [kari, ola]) {
      const avtalt = p.page.locator(`${cardSelector(goal)} [data-testid="avtalt"]`);
      await avtalt.waitFor({ timeout: 15_000 });
      const tip = (await avtalt.getAttribute('title')) ?? '';
      expect(tip).toContain(`${nameOf('kari')} (verifisert pålogging)`);
      expect(tip).toContain(`${nameOf('ola')} (verifisert pålogging)`);
    }
    // The audit log (the owner's): both agreements, by verified people.
    const audit = await kari.page.context().request.get(`${server.url}/api/boards/${boardId}/audit`);
    expect(audit.status()).toBe(200);
    const given = ((await audit.json()) as { entries: { action: string; actor: { name: string; verified: boolean }; details?: { side?: string } }[] }).entries
      .filter((e) => e.action === 'agreement.give')
      .map((e) => ({ side: e.details?.side, name: e.actor.name, verified: e.actor.verified }));
    expect(given).toEqual(
      expect.arrayContaining([
        { side: 'stat', name: nameOf('kari'), verified: true },
        { side: 'kommune', name: nameOf('ola'), verified: true },
      ]),
    );
    expect(given).toHaveLength(2);

    // «Mine tavler» on Ola's landing page.
    const olaHome = await ola.page.context().newPage();
    await olaHome.goto(`${server.url}/`);
    await expect.poll(() => olaHome.getByTestId('my-boards').textContent()).toContain('Lier 2027');

    // Removed: Ola's board says so at once.
    await kari.page.getByTestId('share-button').click();
    await kari.page.getByRole('button', { name: `Fjern ${nameOf('ola')} fra tavla` }).click();
    await expect.poll(() => ola.page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain('ikke lenger medlem');
    expect(kari.errors).toEqual([]);
    expect(ola.errors).toEqual([]);
  }, 120_000);
});
