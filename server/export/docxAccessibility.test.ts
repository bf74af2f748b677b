// The exported kommuneplan chapter stays accessible (issue #13, docs/tilgjengelighetserklaering.md):
// read from the real export route of a real server, the document has a title and a language, its
// headings use real heading styles that the style sheet defines, every table repeats a header row,
// and the map figure has alt text. Only properties any rendering of the chapter must keep are
// checked, not its wording or layout.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../app';

const example = JSON.parse(readFileSync(new URL('../../shared/examples/lier.json', import.meta.url), 'utf8'));

let server: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;
let base: string;
let board: { id: string; tokens: { viewer: string } };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'malkart-docx-a11y-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, autoSnapshotMs: 0 });
  base = server.url.replace(/\/$/, '');
  const res = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ board: example }) });
  expect(res.status).toBe(201);
  board = (await res.json()) as typeof board;
});
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function exportParts(lang: 'nb' | 'nn') {
  const res = await fetch(`${base}/api/boards/${board.id}/export?format=docx&lang=${lang}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), core: await read('docProps/core.xml') };
}

const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe.each(['nb', 'nn'] as const)('the exported docx (%s) keeps its accessibility', (lang) => {
  let doc: Awaited<ReturnType<typeof exportParts>>;
  beforeAll(async () => {
    doc = await exportParts(lang);
  });

  it('has a document title', () => {
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(doc.core)?.[1]?.trim() ?? '';
    expect(title.length).toBeGreaterThan(0);
  });

  it('sets the document language', () => {
    const want = lang === 'nn' ? 'nn-NO' : 'nb-NO';
    const langs = [...`${doc.styles}${doc.document}`.matchAll(/<w:lang [^>]*w:val="([^"]+)"/g)].map((m) => m[1]);
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set([want]));
  });

  it('uses real heading styles, defined in the style sheet, for its sections', () => {
    const used = new Set([...doc.document.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((m) => m[1]!));
    expect(used.has('Heading1')).toBe(true);
    expect(used.size).toBeGreaterThanOrEqual(2);
    for (const style of used) {
      const def = new RegExp(`<w:style [^>]*w:styleId="${style}"[^>]*>(.*?)</w:style>`, 's').exec(doc.styles)?.[1] ?? '';
      // A heading style screen readers and the navigation pane know: named "heading N" with an outline level.
      expect(def).toMatch(/<w:name w:val="heading \d"\/>|<w:outlineLvl /i);
    }
    // No heading text is faked with bold body text: every headed paragraph has words.
    const headed = [...doc.document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading\d"\/>(.*?)<\/w:p>/g)].map((m) => text(m[1]!));
    expect(headed.every((h) => h.trim().length > 0)).toBe(true);
  });

  it('repeats a header row on every table', () => {
    const tables = [...doc.document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(0);
    for (const tbl of tables) {
      const firstRow = /<w:tr[ >](.*?)<\/w:tr>/s.exec(tbl)?.[1] ?? '';
      expect(firstRow).toMatch(/<w:tblHeader\s*\/>|<w:tblHeader w:val="(true|1|on)"\s*\/>/);
    }
  });

  it('gives the map figure alt text', () => {
    const figures = [...doc.document.matchAll(/<wp:docPr ([^>]*)\/?>/g)].map((m) => m[1]!);
    expect(figures.length).toBeGreaterThan(0);
    for (const attrs of figures) {
      const descr = /descr="([^"]*)"/.exec(attrs)?.[1] ?? '';
      expect(descr.trim().length).toBeGreaterThan(20);
    }
  });
});
