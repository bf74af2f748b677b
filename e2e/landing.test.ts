// The landing page: create from the example, share links with their roles, import errors with paths,
// and the boards this browser has opened.
import { describe, expect, it } from 'vitest';
import { newPerson, waitForSync } from './support/browser';
import { browser, server, useServerAndBrowser } from './support/session';

useServerAndBrowser();

describe('landing page', () => {
  it('creates a board from the example and shows the three links', async () => {
    const p = await newPerson(browser, 'Lise Plan');
    await p.page.goto(server.url);
    await p.page.getByTestId('create-example').click();
    await p.page.getByTestId('share-links').waitFor();
    const links = await Promise.all(['owner', 'editor', 'viewer'].map((r) => p.page.getByTestId(`link-${r}`).inputValue()));
    // The token travels in the fragment, never in a URL the browser sends (issue 12 §9).
    for (const l of links) expect(l).toMatch(new RegExp(`^${server.url}/b/[^?#]+#token=.+`));
    expect(new Set(links).size).toBe(3);
    await expect(p.page.locator('.mk-share').textContent()).resolves.toContain('Kan se tavla live, men ikke endre noe.');

    await p.page.getByRole('button', { name: 'Åpne tavla' }).click();
    await waitForSync(p.page);
    await p.page.waitForFunction(() => window.__malkart!.cards().length === 27);
    expect(await p.page.evaluate(() => window.__malkart!.role)).toBe('owner');

    // Back on the landing page the board is listed as opened here.
    await p.page.goto(server.url);
    await expect(p.page.getByTestId('recent-boards').textContent()).resolves.toContain('Lier: mål for arbeid og inkludering');
    await p.context.close();
  });

  it('lists import errors with their paths', async () => {
    const p = await newPerson(browser, 'Lise Plan');
    await p.page.goto(server.url);
    const bad = {
      format: 'malkart.board',
      version: 1,
      meta: { title: 'Feil' },
      nodes: [{ id: 'a', kind: 'wish', tier: 'national', owner: 'stat', title: 'x' }],
      edges: [],
    };
    await p.page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const errors = p.page.getByTestId('import-errors');
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain('nodes[0].kind');
    await p.context.close();
  });

  it('switches language and remembers it', async () => {
    const p = await newPerson(browser, 'Lise Plan');
    await p.page.goto(server.url);
    await p.page.locator('.mk-lang select').selectOption('nn');
    await expect(p.page.getByTestId('create-example').textContent()).resolves.toBe('Opprett frå døme (Lier)');
    await p.page.reload();
    await expect(p.page.getByTestId('create-example').textContent()).resolves.toBe('Opprett frå døme (Lier)');
    await p.page.locator('.mk-lang select').selectOption('en');
    await expect(p.page.getByTestId('create-empty').textContent()).resolves.toBe('Create empty board');
    await p.context.close();
  });
});
