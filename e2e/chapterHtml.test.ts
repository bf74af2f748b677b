// The HTML chapter as a kommune publishes it on its website (issue #14): fetched from a real
// server's export route, opened in Chromium, checked with axe-core (WCAG 2.1 A/AA and best
// practice: no violations), and photographed for docs/images/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBoardJson } from '../shared';
import { lierWithWorkshop } from '../shared/workshop/testing';
import { createBoard, type Created } from './support/server';
import { browser, server, useServerAndBrowser } from './support/session';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// The pictures in docs/ are refreshed only when asked (MALKART_GUIDE_IMAGES=1), so `npm test` leaves the checkout clean.
const IMAGES = new URL(process.env.MALKART_GUIDE_IMAGES === '1' ? '../docs/images/' : './artifacts/chapter/', import.meta.url);

let board: Created;

useServerAndBrowser();
beforeAll(async () => {
  const doc = lierWithWorkshop();
  board = await createBoard(server.url, { board: toBoardJson(doc) });
  doc.destroy();
});

async function chapter(query: string): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=html&${query}`, { headers: { Authorization: `Bearer ${board.tokens.viewer}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return res.text();
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  passes: { id: string }[];
}

describe('the HTML chapter', () => {
  for (const [name, query] of [
    ['publication, bokmål', 'variant=publication'],
    ['working, nynorsk, numbered, with comments', 'variant=working&lang=nn&numbering=word&comments=1'],
  ] as const) {
    it(`has no axe-core violations (${name})`, async () => {
      const html = await chapter(query);
      // Self-contained: no script, no external resource.
      expect(html).not.toMatch(/<script|<link|\bsrc=|url\((?!#)/i);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(query.includes('lang=nn') ? 'nn' : 'nb');
        await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
          return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        });
        expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // The rules that matter here did run and pass.
        expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'svg-img-alt', 'th-has-data-cells', 'heading-order', 'color-contrast']));
        // Figures carry a title and a description the screen reader reads.
        const figures = await page.$$eval('figure svg[role="img"]', (svgs) => svgs.map((s) => ({ title: s.querySelector('title')?.textContent, desc: s.querySelector('desc')?.textContent })));
        expect(figures).toHaveLength(3);
        for (const f of figures) expect(f.desc).toMatch(/^Figuren viser (båndet|bandet) /);
        if (name.startsWith('publication')) {
          mkdirSync(fileURLToPath(IMAGES), { recursive: true });
          await page.setViewportSize({ width: 1000, height: 1400 });
          await page.screenshot({ path: fileURLToPath(new URL('kapittel-html.png', IMAGES)) });
          await page.locator('section.band-kommuneplan').screenshot({ path: fileURLToPath(new URL('kapittel-html-kommuneplan.png', IMAGES)) });
        }
      } finally {
        await page.close();
      }
    });
  }
});
