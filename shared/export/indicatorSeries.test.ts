// The chapter's indicator tables carry the measured series and the on-track state (issue #14 §4).
import { describe, expect, it } from 'vitest';
import { exportHtml } from './html';
import { buildPlanChapter } from './planChapter';
import { LIER, SERIES_INDICATOR, edge, lierWithSeries, node } from './testBoards';
import type { BoardJson } from '../interchange/schema';

/** Each line's indicators measured: N5 (stat), K6 (kommune), L4 (felles), and X9, a felles indicator only a kommune goal is measured by. */
function bothLines(): BoardJson {
  const b = lierWithSeries();
  const set = (id: string, series: { period: string; value: number }[]) => (b.nodes.find((n) => n.id === id)!.series = series);
  set('N5', [{ period: '2024', value: 31 }, { period: '2025', value: 33 }]);
  set('L4', [{ period: '2025-H1', value: 52 }]);
  b.nodes.push(node({ id: 'X9', kind: 'indicator', tier: 'nav_local', owner: 'felles', title: 'Unge i jobb via IPS', unit: 'personer', series: [{ period: '2025', value: 14 }] }));
  b.edges.push(edge('eX9', 'measuredBy', 'K2', 'X9'));
  return b;
}
const rowsOf = (b: BoardJson, view: 'stat' | 'kommune') =>
  buildPlanChapter(b, { view, lang: 'nb', variant: 'publication' }).parts.flatMap((p) => p.blocks).flatMap((bl) => bl.indicators);

const TITLE = SERIES_INDICATOR;

describe('indicator tables with a series', () => {
  it('show the newest value with its period, the state, and the series', () => {
    const ch = buildPlanChapter(lierWithSeries(), { view: 'all', lang: 'nb' });
    const rows = ch.parts.flatMap((p) => p.blocks).flatMap((b) => b.indicators).filter((r) => r.indicator.startsWith(TITLE));
    expect(rows.length).toBeGreaterThan(0);
    // The line from 4,1 (2023) to 3 (2028) says 3,66 by 2025: 3,6 is on track, and lower than 2024's 3,9.
    expect(rows[0]).toMatchObject({
      latest: '3,6 % (2025)',
      state: 'I rute, bedre enn forrige måling',
      series: '3,9 % (2024) · 3,6 % (2025)',
      source: 'NAV Lier, egen telling',
    });
    const nn = buildPlanChapter(lierWithSeries(), { view: 'all', lang: 'nn' }).parts.flatMap((p) => p.blocks).flatMap((b) => b.indicators);
    expect(nn.find((r) => r.indicator.startsWith(TITLE))!.state).toBe('I rute, betre enn førre måling');
  });

  it('the HTML table has a state column, and the series is listed under it', () => {
    const html = exportHtml(lierWithSeries(), { view: 'all', lang: 'nb', variant: 'publication' });
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).toContain('<td class="num">3,6 % (2025)</td><td>I rute, bedre enn forrige måling</td><td>NAV Lier, egen telling</td>');
    expect(html).toContain('<li>Andel sosialhjelpsmottakere 18–24 år (lavere er bedre): 3,9 % (2024) · 3,6 % (2025)</li>');
    // Without a series nothing is listed.
    expect(exportHtml(LIER, { view: 'all', lang: 'nb', variant: 'publication' })).not.toContain('Måleserier');
  });

  it('the stat view and the kommune view each report their own line\'s indicators with the series', () => {
    const b = bothLines();
    const stat = rowsOf(b, 'stat');
    expect(stat.map((r) => [r.indicator.replace(/ \(.*\)$/, ''), r.series])).toEqual([
      ['Andel Nav-brukere som kommer i arbeid', '31 % (2024) · 33 % (2025)'],
      ['Andel KVP-deltakere i arbeid eller utdanning etter programmet', '52 % (2025-H1)'],
      ['Gjennomsnittlig stønadslengde 18–24 år', ''],
      // Its goal is the kommune's, so it is not in this view; the felles indicator is still reported, with its series.
      ['Unge i jobb via IPS', '14 personer (2025)'],
    ]);
    const kommune = rowsOf(b, 'kommune');
    expect(kommune.map((r) => r.indicator)).not.toContain('Andel Nav-brukere som kommer i arbeid');
    expect(kommune.find((r) => r.indicator.startsWith(SERIES_INDICATOR))!.series).toBe('3,9 % (2024) · 3,6 % (2025)');
    expect(kommune.find((r) => r.indicator.startsWith('Andel KVP'))!.series).toBe('52 % (2025-H1)');
    expect(kommune.find((r) => r.indicator === 'Unge i jobb via IPS')!.series).toBe('14 personer (2025)');

    const statHtml = exportHtml(b, { view: 'stat', lang: 'nb', variant: 'publication' });
    expect(statHtml).toContain('Andel Nav-brukere som kommer i arbeid (høyere er bedre): 31 % (2024) · 33 % (2025)');
    expect(statHtml).toContain('Unge i jobb via IPS: 14 personer (2025)');
    expect(statHtml).not.toContain(SERIES_INDICATOR);
    const kommuneHtml = exportHtml(b, { view: 'kommune', lang: 'nb', variant: 'publication' });
    expect(kommuneHtml).toContain(`${SERIES_INDICATOR} (lavere er bedre): 3,9 % (2024) · 3,6 % (2025)`);
    expect(kommuneHtml).not.toContain('Andel Nav-brukere som kommer i arbeid');
  });
});
