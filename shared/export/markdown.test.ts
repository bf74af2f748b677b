import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { LIER, board, edge, lierWithSeries, node } from './testBoards';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
const headings = (md: string) => md.split('\n').filter((l) => /^#{1,6} /.test(l));
const htmlHeadings = (html: string) => [...html.matchAll(/<h(\d)[^>]*>(.*?)<\/h\1>/g)].map((m) => `${'#'.repeat(Number(m[1]))} ${m[2]!.replace(/&#39;/g, "'")}`);

describe('exportMarkdown (the plan chapter)', () => {
  it('writes the reviewed chapter for the demo board', () => {
    expect(exportMarkdown(LIER, { view: 'all', lang: 'nb', variant: 'publication' })).toBe(golden('lier.md'));
  });

  it('has the same sections as the HTML chapter, at the heading level asked for, with no numbers typed by default', () => {
    for (const headingLevel of [1, 2, 3] as const) {
      const md = exportMarkdown(LIER, { view: 'all', lang: 'nb', variant: 'publication', headingLevel });
      const html = exportHtml(LIER, { view: 'all', lang: 'nb', variant: 'publication', headingLevel });
      expect(headings(md)).toEqual(htmlHeadings(html));
      expect(headings(md)[0]).toBe(`${'#'.repeat(headingLevel)} Lier: mål for arbeid og inkludering`);
    }
    expect(headings(exportMarkdown(LIER, { view: 'all', lang: 'nb' })).some((h) => /^#+ \d/.test(h))).toBe(false);
  });

  it('numbering=word types the numbers Word\'s heading list gives (Markdown has none of its own)', () => {
    const hs = headings(exportMarkdown(LIER, { view: 'all', lang: 'nb', variant: 'publication', numbering: 'word', headingLevel: 2 }));
    expect(hs.slice(0, 4)).toEqual([
      '## 1 Lier: mål for arbeid og inkludering',
      '### 1.1 Nasjonale mål og føringer',
      '#### 1.1.1 Nasjonale forventninger 2023–2027: Trygge og inkluderende lokalsamfunn',
      '#### 1.1.2 God inkludering av utsatte grupper i arbeidsmarkedet',
    ]);
    expect(hs).toContain('### 1.2 Kommuneplanens mål');
    expect(hs).toContain('###### 1.2.1.1.1 Flere med redusert arbeidsevne i arbeid');
  });

  it('publication leaves out the internal checks and the selection line; working keeps them', () => {
    const pub = exportMarkdown(LIER, { view: 'all', lang: 'nb', variant: 'publication' });
    expect(pub).not.toContain('Arbeidsgrunnlag');
    expect(pub).not.toContain('Utvalg:');
    const working = exportMarkdown(LIER, { view: 'all', lang: 'nb' });
    expect(working).toContain('## Arbeidsgrunnlag');
    expect(working).toContain('### Mål uten indikator');
  });

  it('carries the indicator table with state and the measured series', () => {
    const md = exportMarkdown(lierWithSeries(), { view: 'all', lang: 'nb', variant: 'publication' });
    expect(md).toContain('| Andel sosialhjelpsmottakere 18–24 år (lavere er bedre) | 4,1 % (2023) | 3 % (2028) | 3,6 % (2025) | I rute, bedre enn forrige måling | NAV Lier, egen telling |');
    expect(md).toContain('**Måleserier**\n\n- **Andel sosialhjelpsmottakere 18–24 år (lavere er bedre)**: 3,9 % (2024) · 3,6 % (2025)');
  });

  it('keeps one reporting line per view', () => {
    const stat = exportMarkdown(LIER, { view: 'stat', lang: 'nb' });
    expect(stat).not.toContain('Sammen skaper vi Lier');
    expect(stat).toContain('### Prioritere brukere med kort vei til arbeid');
    const kommune = exportMarkdown(LIER, { view: 'kommune', lang: 'nb' });
    expect(kommune).toContain('Visjon: «Sammen skaper vi Lier».');
    expect(kommune).not.toContain('Prioritere brukere med kort vei til arbeid');
    expect(kommune).toContain('Lavere sosialhjelpsutgifter mot mindre barnefattigdom');
    expect(kommune).not.toContain('Raske jobbformidlinger');
  });

  it('writes nynorsk', () => {
    const md = exportMarkdown(LIER, { view: 'all', lang: 'nn', variant: 'publication' });
    for (const s of ['## Nasjonale mål og føringar', '## Måla i kommuneplanen', '| Indikator | Utgangsverdi |', 'Vert målt ved «Andel Nav-brukere som kommer i arbeid».']) {
      expect(md).toContain(s);
    }
  });

  it('lists every divergence with its note, severity and resolution', () => {
    const b = board(
      [node({ id: 'a', title: 'A' }), node({ id: 'b', title: 'B', owner: 'stat', tier: 'national' })],
      [edge('c1', 'conflictsWith', 'a', 'b', { note: 'Kort vs lang', severity: 'low', resolution: 'Drøftes i partnerskapsmøtet' })],
    );
    const md = exportMarkdown(b, { view: 'all', lang: 'nb' });
    expect(md).toContain('**Kommuneplanens mål «A» og nasjonalt mål «B»**\n\n- **Merknad:** Kort vs lang\n- **Alvorlighetsgrad:** Lav\n- **Løsning:** Drøftes i partnerskapsmøtet');
  });

  it('escapes Markdown in user text, | in table cells especially', () => {
    const b = board(
      [
        node({ id: 'g', title: '# *Viktig* [lenke](x) <b>', description: '- ikke en liste\n1. ikke nummerert\n\n=== _ok_' }),
        node({ id: 'i', kind: 'indicator', title: 'Andel a | b', unit: '%|‰', dataSource: 'KOSTRA | SSB', target: { value: 1, year: 2030 } }),
      ],
      [edge('m', 'measuredBy', 'g', 'i')],
    );
    const md = exportMarkdown(b, { view: 'all', lang: 'nb' });
    expect(md).toContain('### \\# \\*Viktig\\* \\[lenke\\](x) \\<b\\>');
    expect(md).toContain('\\- ikke en liste\\\n1\\. ikke nummerert\n\n\\=== \\_ok\\_');
    const row = md.split('\n').find((l) => l.startsWith('| Andel'))!;
    expect(row).toBe('| Andel a \\| b | – | 1 %\\|‰ (2030) | – | Ingen måling | KOSTRA \\| SSB |');
    // Six cells: seven pipes that are not escaped.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
  });

  it('reports rule violations of the merged board in the working variant', () => {
    const b = board([node({ id: 'a', title: 'A' }), node({ id: 'b', title: 'B' })], [edge('p1', 'partOf', 'a', 'b'), edge('p2', 'partOf', 'b', 'a')]);
    expect(exportMarkdown(b, { view: 'all', lang: 'nb' })).toContain('### Merknader til kartet');
    expect(exportMarkdown(b, { view: 'all', lang: 'nb', variant: 'publication' })).not.toContain('Merknader til kartet');
  });
});
