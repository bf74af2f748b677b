import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { describeMap, exportSvg } from '../../shared/export/index';
import { LIER, board, edge, node } from '../../shared/export/testBoards';
import { filterView, flattenTree, graphFromJson, partOfTree } from '../../shared/readModels';
import { toBoardJson } from '../../shared/interchange/boardJson';
import { lierWithWorkshop } from '../../shared/workshop/testing';
import { exportDocx } from './docx';
import { renderPng } from './png';

async function parts(buf: Buffer): Promise<{ document: string; styles: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(buf);
  return { document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string'), zip };
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every paragraph in a HeadingN style, as "HeadingN text". */
function headings(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d)"\/>(.*?)<\/w:p>/g)].map(
    (m) => `${m[1]} ${unescape([...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))}`,
  );
}

const office = ['libreoffice', 'soffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);

describe('exportDocx', () => {
  const png = renderPng(exportSvg(LIER, { view: 'all', lang: 'nb' }), { width: 1600 });

  for (const view of ['all', 'stat', 'kommune'] as const) {
    it(`numbers its heading styles as partOfTree does (view=${view})`, async () => {
      const { document } = await parts(await exportDocx(LIER, { view, lang: 'nb' }));
      const tree = flattenTree(partOfTree(filterView(graphFromJson(LIER), view)));
      const want = tree.map((e) => `Heading${Math.min(e.depth, 6)} ${e.number} ${e.node.title}`);
      const got = headings(document).filter((h) => /^Heading\d \d/.test(h));
      expect(got).toEqual(want);
      expect(headings(document).slice(-6)).toEqual([
        'Heading1 Måldivergens', 'Heading1 Dekning',
        'Heading2 Nasjonale mål som ingen lokale mål eller tiltak operasjonaliserer',
        'Heading2 Lokale NAV-mål uten forankring', 'Heading2 Mål uten indikator', 'Heading2 Indikatorer uten målverdi',
      ]);
    });
  }

  it('marks the indicator table header row and writes the values', async () => {
    const { document } = await parts(await exportDocx(LIER, { view: 'all', lang: 'nb' }));
    const tables = document.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(5);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(5);
    expect(document).toContain('>4,1 (2023)</w:t>');
    expect(document).toContain('>Raske jobbformidlinger mot KVP for dem som står langt fra arbeidslivet</w:t>');
  });

  it('embeds the map as a PNG figure with alt text', async () => {
    const { document, zip } = await parts(await exportDocx(LIER, { view: 'all', lang: 'nb', mapPng: png }));
    const { title, description } = describeMap(LIER, { view: 'all', lang: 'nb' });
    const docPr = /<wp:docPr [^>]*>/.exec(document)?.[0] ?? '';
    expect(unescape(/descr="([^"]*)"/.exec(docPr)?.[1] ?? '')).toBe(description);
    expect(unescape(/title="([^"]*)"/.exec(docPr)?.[1] ?? '')).toBe(title);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0]!)!.async('nodebuffer')).equals(png)).toBe(true);
    // Without a map there is no figure.
    expect((await parts(await exportDocx(LIER, { view: 'all', lang: 'nb' }))).document).not.toContain('<wp:docPr');
  });

  it('sets the document language to nb-NO or nn-NO', async () => {
    expect((await parts(await exportDocx(LIER, { view: 'all', lang: 'nb' }))).styles).toContain('<w:lang w:val="nb-NO"/>');
    const nn = await parts(await exportDocx(LIER, { view: 'all', lang: 'nn' }));
    expect(nn.styles).toContain('<w:lang w:val="nn-NO"/>');
    expect(headings(nn.document)).toContain('Heading2 Mål utan indikator');
  });

  it('keeps user text as text', async () => {
    const b = board(
      [node({ id: 'a', title: 'A & <b> "c"', description: 'Første linje\nandre linje\n\nNytt avsnitt' }), node({ id: 'z' })],
      [edge('x', 'partOf', 'z', 'z')],
    );
    const { document } = await parts(await exportDocx(b, { view: 'all', lang: 'nb' }));
    expect(headings(document)).toContain('Heading1 1 A & <b> "c"');
    expect(document).toMatch(/>Første linje<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>andre linje</);
    expect(document).toContain('>Nytt avsnitt</w:t>');
    expect(headings(document)).toContain('Heading1 Merknader til kartet');
  });

  describe('with a workshop held on the board', () => {
    const workshop = () => {
      const doc = lierWithWorkshop();
      const b = toBoardJson(doc);
      doc.destroy();
      return b;
    };
    const texts = (xml: string) => unescape([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

    it('says who agreed to what and when, with an agreement overview; no appendix unless asked for', async () => {
      const { document } = await parts(await exportDocx(workshop(), { view: 'all', lang: 'nb' }));
      const text = texts(document);
      expect(text).toContain('Enighet: Avtalt (stat: Siri Stat, 12.03.2025 kl. 10.00; kommune: Kari Kommune, 12.03.2025 kl. 10.05)');
      expect(text).toContain('Ungdomsteam med IPS-jobbspesialist (Felles; 2025–2027) – Bare kommunen er enig (kommune: Kari Kommune, 12.03.2025 kl. 10.10)');
      expect(text).toContain('endret etter enighet fra kommune (Kari Kommune, 12.03.2025 kl. 10.00)');
      const hs = headings(document);
      expect(hs).toEqual(expect.arrayContaining([
        'Heading1 Enighet mellom stat og kommune', 'Heading2 Avtalt av begge parter', 'Heading2 Enighet fra én part', 'Heading2 Ikke avtalt',
      ]));
      expect(hs.indexOf('Heading1 Enighet mellom stat og kommune')).toBeGreaterThan(hs.indexOf('Heading1 Dekning'));
      expect(hs).not.toContain('Heading1 Vedlegg: Kommentarer');
    });

    it('adds the comment threads as an appendix when asked for, open and resolved, with every message', async () => {
      const { document } = await parts(await exportDocx(workshop(), { view: 'all', lang: 'nb', comments: true }));
      const hs = headings(document);
      expect(hs.slice(-3)).toEqual(['Heading1 Vedlegg: Kommentarer', 'Heading2 Åpne tråder', 'Heading2 Løste tråder']);
      const appendix = texts(document.slice(document.lastIndexOf('Vedlegg: Kommentarer')));
      for (const s of [
        'Mål «Alle unge fullfører utdanning eller er i arbeid» (se 5.1.1) – Åpen',
        'Siri Stat, 12.03.2025 kl. 10.00: Er 2027 realistisk?',
        'Kari Kommune, 12.03.2025 kl. 10.05: Ja, med IPS i ungdomsteamet.',
        'Slettet kort (C2) – Åpen',
        'Kobling: «Livskvalitet og inkludering» delmål av «Sammen skaper vi Lier» – Løst av Frida Fasilitator 12.03.2025 kl. 10.10',
        'Gunnar Gjest, 12.03.2025 kl. 10.00: Hører dette under livskvalitet?',
      ]) expect(appendix).toContain(s);
      const nn = headings((await parts(await exportDocx(workshop(), { view: 'all', lang: 'nn', comments: true }))).document);
      expect(nn).toEqual(expect.arrayContaining(['Heading1 Semje mellom stat og kommune', 'Heading1 Vedlegg: Kommentarar', 'Heading2 Løyste trådar']));
    });
  });

  it.skipIf(!office)(`opens in LibreOffice and converts to PDF${office ? '' : ' (skipped: neither libreoffice nor soffice is on PATH)'}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'malkart-docx-'));
    try {
      const file = join(dir, 'lier.docx');
      writeFileSync(file, await exportDocx(LIER, { view: 'all', lang: 'nb', mapPng: png }));
      execFileSync(office!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000, stdio: 'ignore' });
      expect(readFileSync(join(dir, 'lier.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
