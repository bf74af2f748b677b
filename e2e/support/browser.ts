// Chromium driven by playwright-core (Debian's, or the one npm brought: see chromiumPath.ts), and
// helpers to open a board as a named person.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './chromiumPath';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url);

export async function launchBrowser(): Promise<Browser> {
  const found = await findChromium();
  if (found.source === '@sparticuz/chromium') console.log(`Chromium: ${found.executablePath} (${found.source})`);
  return chromium.launch({
    executablePath: found.executablePath,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (its own storage) with the display name and workshop side already chosen. */
export async function newPerson(browser: Browser, name: string, opts: { width?: number; height?: number; side?: string } = {}): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 }, locale: 'nb-NO' });
  await context.addInitScript(([n, side]: [string, string]) => {
    if (!localStorage.getItem('malkart.name')) localStorage.setItem('malkart.name', n);
    if (!localStorage.getItem('malkart.side')) localStorage.setItem('malkart.side', side);
  }, [name, opts.side ?? 'gjest'] as [string, string]);
  const page = await context.newPage();
  // E2E_THROTTLE=4: every page's CPU four times slower, to bring out races a fast machine hides.
  if (process.env.E2E_THROTTLE) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.E2E_THROTTLE) });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

export async function openBoard(p: Person, base: string, id: string, token: string): Promise<void> {
  // The share-link form: the token in the fragment, never sent to the server.
  await p.page.goto(`${base}/b/${id}#token=${token}`);
  await waitForSync(p.page);
}

export async function waitForSync(page: Page, state = 'online'): Promise<void> {
  await page.waitForFunction((s) => window.__malkart?.syncState() === s, state, { timeout: 15_000 });
}

export type CardInfo = { id: string; kind: string; tier: string; owner: string; title: string; x: number; y: number };
export type EdgeInfo = { id: string; kind: string; source: string; target: string; note?: string };

export const cards = (page: Page) => page.evaluate(() => window.__malkart!.cards() as CardInfo[]);
export const edges = (page: Page) => page.evaluate(() => window.__malkart!.edges() as EdgeInfo[]);

/**
 * Waits until a predicate over the page's cards and edges holds. The predicate runs here in Node,
 * on what the page reports: the app's CSP (no 'unsafe-eval') forbids building it in the page.
 */
export async function waitForBoard(page: Page, fn: string, arg?: unknown, timeout = 10_000): Promise<void> {
  // eslint-disable-next-line no-new-func
  const predicate = new Function('cards', 'edges', 'peers', 'arg', fn) as (c: unknown, e: unknown, p: unknown, a: unknown) => boolean;
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = await page.evaluate(() => {
      const m = window.__malkart;
      return m ? { cards: m.cards(), edges: m.edges(), peers: m.peers() } : null;
    });
    if (s && predicate(s.cards, s.edges, s.peers, arg)) return;
    if (Date.now() > deadline) throw new Error(`waitForBoard: timed out after ${timeout} ms waiting for: ${fn}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The centre of an element on screen. */
export async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export const cardSelector = (id: string) => `.react-flow__node[data-id="${id}"]`;

/** Drags from one card's link handle onto another card, as a person would. */
export async function dragLink(page: Page, from: string, to: string): Promise<void> {
  await page.hover(cardSelector(from));
  const a = await centerOf(page, `${cardSelector(from)} .mk-handle-source`);
  const b = await centerOf(page, `${cardSelector(to)} .mk-handle-target`);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Opens the analysis panel if it is folded (it folds away while something is selected). */
export async function openAnalysis(page: Page): Promise<void> {
  const toggle = page.getByTestId('analysis-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/**
 * Waits for `waiting`; if it fails (a timeout under load, say), the error is thrown again with what
 * the page showed at that moment: the focused element, the open text boxes and suggestions, and the
 * peers this tab sees, so a failure in CI says what happened.
 */
export async function explainTimeout<T>(page: Page, waiting: Promise<T>): Promise<T> {
  try {
    return await waiting;
  } catch (err) {
    const seen = await page
      .evaluate(() => ({
        focused: document.activeElement?.outerHTML.slice(0, 200) ?? null,
        textBoxes: [...document.querySelectorAll('textarea')].map((t) => `${t.dataset.testid ?? t.getAttribute('aria-label')}: ${JSON.stringify(t.value)}`),
        suggestions: [...document.querySelectorAll('[data-testid="mention-option"]')].map((o) => o.textContent),
        peers: window.__malkart?.peers() ?? null,
      }))
      .catch((e: unknown) => `page not readable: ${String(e)}`);
    (err as Error).message += `\nThe page then: ${JSON.stringify(seen, null, 1)}`;
    throw err;
  }
}
