import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenTree, graphFromJson, partOfTree } from '../readModels';
import { exportMarkdown } from './markdown';
import { LIER, board, edge, node } from './testBoards';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
const headings = (md: string) => md.split('\n').filter((l) => /^#{2,6} \d/.test(l));

describe('exportMarkdown', () => {
  it('writes the reviewed chapter for the demo board', () => {
    expect(exportMarkdown(LIER, { view: 'all', lang: 'nb' })).toBe(golden('lier.md'));
  });

  it('numbers the headings as partOfTree does, one # deeper per level', () => {
    const want = flattenTree(partOfTree(graphFromJson(LIER))).map(
      (e) => `${'#'.repeat(Math.min(e.depth + 1, 6))} ${e.number} ${e.node.title}`,
    );
    expect(headings(exportMarkdown(LIER, { view: 'all', lang: 'nb' }))).toEqual(want);
  });

  it('caps deep levels at ######', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => node({ id: `g${i}` }));
    const edges = nodes.slice(1).map((n, i) => edge(`p${i}`, 'partOf', n.id, `g${i}`));
    const hs = headings(exportMarkdown(board(nodes, edges), { view: 'all', lang: 'nb' }));
    expect(hs.at(-1)).toBe('###### 1.1.1.1.1.1.1.1 g7');
    expect(hs.filter((h) => h.startsWith('###### '))).toHaveLength(4);
  });

  it('keeps one reporting line per view, renumbered', () => {
    const stat = exportMarkdown(LIER, { view: 'stat', lang: 'nb' });
    expect(stat).not.toContain('Sammen skaper vi Lier');
    expect(stat).toContain('## 4 Prioritere brukere med kort vei til arbeid');
    expect(stat).toContain('## 5 Arbeidsrettet oppfølging');
    const kommune = exportMarkdown(LIER, { view: 'kommune', lang: 'nb' });
    expect(kommune).toContain('## 1 Sammen skaper vi Lier');
    expect(kommune).not.toContain('Prioritere brukere med kort vei til arbeid');
    // The N6–L2 conflict has a stat end, so only the kommune one is left.
    expect(kommune).toContain('Lavere sosialhjelpsutgifter mot mindre barnefattigdom');
    expect(kommune).not.toContain('Raske jobbformidlinger');
  });

  it('writes nynorsk section names and values', () => {
    const md = exportMarkdown(LIER, { view: 'all', lang: 'nn' });
    for (const s of ['- **Eigar:** Kommune', '**Indikatorar**', '| Indikator | Eining |', '## Måldivergens', '- **Alvorsgrad:** Høg', '### Mål utan indikator', '- **Nivå:** Hovudmål']) {
      expect(md).toContain(s);
    }
    expect(md).not.toContain('Eier:');
  });

  it('lists every divergence with its note, severity and resolution', () => {
    const b = board(
      [node({ id: 'a', title: 'A' }), node({ id: 'b', title: 'B', owner: 'stat', tier: 'national' })],
      [edge('c1', 'conflictsWith', 'a', 'b', { note: 'Kort vs lang', severity: 'low', resolution: 'Drøftes i partnerskapsmøtet' })],
    );
    const md = exportMarkdown(b, { view: 'all', lang: 'nb' });
    expect(md).toContain('- **A** (Kommune; se 2) i konflikt med **B** (Stat; se 1)\n  - **Merknad:** Kort vs lang\n  - **Alvorlighetsgrad:** Lav\n  - **Løsning:** Drøftes i partnerskapsmøtet');
    expect(exportMarkdown(board([node({ id: 'a' })]), { view: 'all', lang: 'nb' })).toContain('Ingen målkonflikter er registrert.');
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
    expect(md).toContain('## 1 \\# \\*Viktig\\* \\[lenke\\](x) \\<b\\>');
    expect(md).toContain('\\- ikke en liste\\\n1\\. ikke nummerert\n\n\\=== \\_ok\\_');
    const row = md.split('\n').find((l) => l.startsWith('| Andel'))!;
    expect(row).toBe('| Andel a \\| b | %\\|‰ | – | 1 (2030) | – | KOSTRA \\| SSB |');
    // Six cells: seven pipes that are not escaped.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
  });

  it('reports rule violations of the merged board without repairing them', () => {
    const b = board([node({ id: 'a', title: 'A' }), node({ id: 'b', title: 'B' })], [edge('p1', 'partOf', 'a', 'b'), edge('p2', 'partOf', 'b', 'a')]);
    const md = exportMarkdown(b, { view: 'all', lang: 'nb' });
    expect(md).toContain('## Merknader til kartet');
    expect(md).not.toContain('## 1 ');
  });
});
