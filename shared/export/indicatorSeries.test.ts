// The chapter's indicator tables carry the measured series and the on-track state (issue #14 §4).
import { describe, expect, it } from 'vitest';
import { exportHtml } from './html';
import { buildPlanChapter } from './planChapter';
import { LIER, SERIES_INDICATOR, lierWithSeries } from './testBoards';

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
});
