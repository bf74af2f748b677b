import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPlanChapter } from '../../shared/export';
import { describeMap, exportSvg } from '../../shared/export';
import { LIER, board, edge, lierWithSeries, node } from '../../shared/export/testBoards';
import { toBoardJson } from '../../shared';
import { lierWithWorkshop } from '../../shared/workshop/testing';
import type { BoardJson } from '../../shared';
import { INDICATOR_COLUMNS, exportDocx, type DocxOptions } from './docx';
import { renderPng } from './png';

async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), numbering: await read('word/numbering.xml'), zip };
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => unescape([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

/** Every paragraph in a HeadingN style, as "HeadingN text". */
function headings(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d)"\/>(.*?)<\/w:p>/g)].map((m) => `${m[1]} ${texts(m[2]!)}`);
}
const workshop = (): BoardJson => {
  const doc = lierWithWorkshop();
  const b = toBoardJson(doc);
  doc.destroy();
  return b;
};
const NAMES = ['Siri Stat', 'Kari Kommune', 'Frida Fasilitator', 'Gunnar Gjest'];
const figure = (svg: string) => renderPng(svg, { width: 1200 });
const docx = (b: BoardJson, o: Partial<DocxOptions> = {}) => exportDocx(b, { view: 'all', lang: 'nb', ...o });

// The pictures in docs/ are refreshed only when asked (MALKART_GUIDE_IMAGES=1), so `npm test` leaves the checkout clean.
const IMAGES = fileURLToPath(new URL(process.env.MALKART_GUIDE_IMAGES === '1' ? '../../docs/images/' : '../../e2e/artifacts/chapter/', import.meta.url));
const office = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;

/** The document as LibreOffice lays it out on paper, as pdftotext reads the pages; `pages` also
 *  keeps the first pages as PNG (pdftoppm) under docs/images/ for people to look at. */
function renderedText(buf: Buffer, pages?: { prefix: string; count: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'malkart-docx-'));
  try {
    const file = join(dir, 'chapter.docx');
    writeFileSync(file, buf);
    execFileSync(office!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000, stdio: 'ignore' });
    if (pages && spawnSync('which', ['pdftoppm']).status === 0) {
      mkdirSync(IMAGES, { recursive: true });
      execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', String(pages.count), join(dir, 'chapter.pdf'), join(IMAGES, pages.prefix)]);
    }
    return execFileSync('pdftotext', [join(dir, 'chapter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('exportDocx: the plan chapter', () => {
  for (const level of [1, 2, 3] as const) {
    it(`starts the chapter at Heading ${level}, its bands one level deeper, goals below, no numbers in heading text`, async () => {
      const hs = headings((await parts(await docx(LIER, { headingLevel: level }))).document);
      expect(hs[0]).toBe(`Heading${level} Lier: mål for arbeid og inkludering`);
      const bands = hs.filter((h) => h.startsWith(`Heading${level + 1} `)).map((h) => h.slice(9));
      expect(bands).toEqual([
        'Nasjonale mål og føringer', 'Kommuneplanens mål', 'NAV-kontorets lokale mål', 'Partnerskapet og styringsinstrumentene',
        'Bærekraftsmålene i planen', 'Mål til drøfting', 'Arbeidsgrunnlag',
      ]);
      // A satsingsområde, its goal and that goal's sub-goal nest one level each (at most Heading6).
      expect(hs).toContain(`Heading${level + 2} Livskvalitet og inkludering`);
      expect(hs).toContain(`Heading${level + 3} Alle unge fullfører utdanning eller er i arbeid`);
      expect(hs).toContain(`Heading${Math.min(level + 4, 6)} Flere med redusert arbeidsevne i arbeid`);
      expect(hs.every((h) => !/^Heading\d \d/.test(h))).toBe(true);
      expect(hs.some((h) => /Heading[1-6]/.test(h) && Number(h[7]) < level)).toBe(false);
    });
  }

  it('numbering=word puts one multilevel list on the heading styles, counting from the chapter level; none has no list', async () => {
    const word = await parts(await docx(LIER, { headingLevel: 2, numbering: 'word' }));
    const numId = /<w:style [^>]*w:styleId="Heading2".*?<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/s.exec(word.styles)?.[1];
    expect(numId).toBeDefined();
    expect(word.styles).toMatch(/w:styleId="Heading3".*?<w:numPr><w:ilvl w:val="2"\/>/s);
    expect(word.styles).not.toMatch(/w:styleId="Heading1".*?<w:numPr>.*?w:styleId="Heading2"/s);
    expect(word.numbering).toContain('<w:lvlText w:val="%2"/>');
    expect(word.numbering).toContain('<w:lvlText w:val="%2.%3"/>');
    expect(word.numbering).toContain('<w:lvlText w:val="%2.%3.%4"/>');
    // A space after the number, not a tab: a deep number (1.2.1.1.1) otherwise jumps to the second tab stop.
    expect(word.numbering.match(/<w:suff w:val="space"\/>/g)).toHaveLength(6);
    // The heading text itself carries no number.
    expect(headings(word.document)[0]).toBe('Heading2 Lier: mål for arbeid og inkludering');
    const none = await parts(await docx(LIER, { headingLevel: 2, numbering: 'none' }));
    expect(none.styles).not.toContain('<w:numPr>');
  });

  it('keeps a goal\'s line of facts on the page of the text it introduces', async () => {
    const { document } = await parts(await docx(LIER, { variant: 'publication' }));
    const meta = (document.match(/<w:p>.*?<\/w:p>/gs) ?? []).find((p) => texts(p) === 'Hovedmål · 2024–2036 · KPS 2024–2036 · Bærekraftsmål 4.3, 8.6');
    expect(meta).toBeDefined();
    expect(meta).toContain('<w:keepNext/>');
  });

  it('gives every table a repeated header row and fixed column widths', async () => {
    const { document } = await parts(await docx(LIER));
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    expect(tables).toHaveLength(6);
    for (const t of tables) {
      const rows = t.match(/<w:tr>.*?<\/w:tr>/gs)!;
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
    }
    const indicatorTables = tables.filter((t) => texts(t).startsWith('Indikator'));
    expect(indicatorTables).toHaveLength(5);
    for (const t of indicatorTables) {
      const rows = t.match(/<w:tr>.*?<\/w:tr>/gs)!;
      expect([...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(INDICATOR_COLUMNS);
    }
    // The indicator's name is the long text of a row: its column is the widest (it was a quarter of the table, and names ran to five lines).
    const total = INDICATOR_COLUMNS.reduce((a, b) => a + b, 0);
    expect(total).toBe(9026);
    expect(Math.max(...INDICATOR_COLUMNS)).toBe(INDICATOR_COLUMNS[0]);
    expect(INDICATOR_COLUMNS[0]! / total).toBeGreaterThan(0.28);
    // The SDG coverage table: which plan goals support which goal.
    expect(texts(tables.find((t) => texts(t).startsWith('Bærekraftsmål'))!)).toContain(
      '8 Anstendig arbeid og økonomisk vekstLivskvalitet og inkludering; Alle unge fullfører utdanning eller er i arbeid (8.6); Flere med redusert arbeidsevne i arbeid (8.5)',
    );
    expect(texts(document)).toContain('IndikatorUtgangsverdiMålverdiSiste verdiStatusKilde');
    expect(texts(document)).toContain('5 måneder (2023)');
  });

  it('puts one figure per band with alt text that names its cards and links', async () => {
    const b = LIER;
    const { document, zip } = await parts(await docx(b, { renderFigure: figure }));
    const ch = buildPlanChapter(b, { view: 'all', lang: 'nb' });
    const docPrs = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPrs).toHaveLength(3);
    const want = ch.parts.flatMap((p) => (p.figure ? [p.figure] : []));
    docPrs.forEach((d, i) => {
      expect(unescape(/descr="([^"]*)"/.exec(d)![1]!)).toBe(want[i]!.description);
      expect(unescape(/title="([^"]*)"/.exec(d)![1]!)).toBe(want[i]!.title);
    });
    expect(want[1]!.description).toContain('Mål «Alle unge fullfører utdanning eller er i arbeid» (Kommune)');
    expect(want[1]!.description).toContain('«Flere med redusert arbeidsevne i arbeid» delmål av «Alle unge fullfører utdanning eller er i arbeid»');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(3);
    expect(texts(document)).toContain('Figur 2: Kommuneplanens mål');
  });

  it('can put the whole map first, with the map description as its alt text', async () => {
    const map = renderPng(exportSvg(LIER, { view: 'all', lang: 'nb' }), { width: 1600 });
    const { document, zip } = await parts(await docx(LIER, { mapPng: map, renderFigure: figure }));
    const docPrs = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPrs).toHaveLength(4);
    expect(unescape(/descr="([^"]*)"/.exec(docPrs[0]!)![1]!)).toBe(describeMap(LIER, { view: 'all', lang: 'nb' }).description);
    const media = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).map((f) => zip.file(f)!.async('nodebuffer')));
    expect(media.some((m) => m.equals(map))).toBe(true);
  });

  it('sets Arial as the font and the document language to nb-NO or nn-NO; writes nynorsk', async () => {
    const nb = await parts(await docx(LIER));
    expect(nb.styles).toContain('<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>');
    expect(nb.styles).toContain('<w:lang w:val="nb-NO"/>');
    const nn = await parts(await docx(LIER, { lang: 'nn' }));
    expect(nn.styles).toContain('<w:lang w:val="nn-NO"/>');
    expect(headings(nn.document)).toContain('Heading2 Måla i kommuneplanen');
    expect(texts(nn.document)).toContain('Vert målt ved «Andel sosialhjelpsmottakere 18–24 år».');
  });

  it('keeps user text as text', async () => {
    const b = board(
      [node({ id: 'a', title: 'A & <b> "c"', description: 'Første linje\nandre linje\n\nNytt avsnitt' }), node({ id: 'z' })],
      [edge('x', 'partOf', 'a', 'z')],
    );
    const { document } = await parts(await docx(b));
    expect(headings(document)).toContain('Heading4 A & <b> "c"');
    expect(document).toMatch(/>Første linje<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>andre linje</);
    expect(document).toContain('>Nytt avsnitt</w:t>');
  });

  it('working: names, times and the open-agreement list; publication: none of them, "Avtalt mellom stat og kommune" with the date', async () => {
    const working = texts((await parts(await docx(workshop(), { variant: 'working', comments: true }))).document);
    for (const name of NAMES) expect(working).toContain(name);
    expect(working).toContain('Ikke avtalt');
    expect(working).toContain('Mål uten indikator');

    const pub = await parts(await docx(workshop(), { variant: 'publication', comments: true }));
    const text = texts(pub.document);
    for (const name of NAMES) expect(text).not.toContain(name);
    expect(text).not.toMatch(/kl\. \d\d\.\d\d/);
    expect(text).not.toContain('Ikke avtalt');
    expect(text).not.toContain('Mål uten indikator');
    expect(text).toContain('Avtalt mellom stat og kommune 12.03.2025.');
    expect(headings(pub.document).map((h) => h.slice(9))).not.toContain('Arbeidsgrunnlag');
  });

  describe.skipIf(!office || !pdftotext)(`as LibreOffice prints it${office && pdftotext ? '' : ' (skipped: soffice or pdftotext missing)'}`, () => {
    it('reads band by band, with link sentences and instruments, and no participant names in the publication', async () => {
      const text = renderedText(await docx(workshop(), { variant: 'publication', headingLevel: 2, renderFigure: figure }), { prefix: 'kapittel-docx-side', count: 4 });
      const order = ['Nasjonale mål og føringer', 'Kommuneplanens mål etter satsingsområde', 'NAV-kontorets lokale mål og hvilke', 'Partnerskapet og styringsinstrumentene', 'Mål som trekker i ulike retninger'];
      const at = order.map((s) => text.indexOf(s));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const s of [
        'Bidrar til nasjonalt mål «God inkludering av utsatte grupper i arbeidsmarkedet». Måles ved «Andel Nav-brukere som kommer i arbeid».',
        'Operasjonaliserer nasjonalt mål «Flere i arbeid og aktivitet, færre på stønad» og kommuneplanens mål «Alle unge fullfører utdanning eller er i arbeid».',
        'Partnerskapsavtale (NAV-loven § 14) med årlig partnerskapsmøte',
        'Lederavtale og resultatavtale for NAV-leder',
        'Utgangsverdi', // the header in one piece, not "Utgangsverd i"
        'Figur 1: Nasjonale mål og føringer',
      ]) expect(text).toContain(s);
      for (const name of NAMES) expect(text).not.toContain(name);
    }, 180_000);

    it('prints nynorsk', async () => {
      const text = renderedText(await docx(LIER, { lang: 'nn', variant: 'publication' }));
      expect(text).toContain('Måla i kommuneplanen');
      expect(text).toContain('Lokale mål for NAV-kontoret');
      expect(text).toContain('Vert styrt gjennom styringsinstrument «Partnerskapsavtale (NAV-loven § 14) med årlig partnerskapsmøte»');
    }, 180_000);
  });

  it('indicator tables carry the state, and the measured series is listed under them (#14 §4)', async () => {
    const { document } = await parts(await docx(lierWithSeries(), { variant: 'publication' }));
    const t = texts(document);
    expect(t).toContain('3,6 % (2025)I rute, bedre enn forrige målingNAV Lier, egen telling');
    expect(t).toContain('MåleserierAndel sosialhjelpsmottakere 18–24 år (lavere er bedre): 3,9 % (2024) · 3,6 % (2025)');
  });
});
