// Issue #12: exports of hostile boards. Each case failed (looped, exposed a formula, broke the
// XML) before the fix it guards.
import { describe, expect, it } from 'vitest';
import { parseBoardJson } from '../interchange/parseBoardJson';
import { LIMITS } from '../fieldSchemas';
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { exportJson } from './index';
import { exportSvg, wrapText } from './svg';
import { board, edge, node } from './testBoards';

const FORMULA = /^[=+\-@]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Every piece a spreadsheet could make a cell from, whichever separator it assumes and whether or
 * not it honours the quotes: split on , ; tab and line breaks without regard to quoting.
 */
function exposedFormulas(csv: string, sep: string): string[] {
  return csv
    .split(new RegExp(`[${sep}\\r\\n]`))
    .map((p) => p.replace(/^[\s"]+/, ''))
    .filter((p) => FORMULA.test(p) && !NUMBER.test(p.replace(/"+$/, '').trim()));
}

describe('CSV under ; and tab and line breaks (#12 finding 11)', () => {
  const hostile = [
    'Se vedlegg;=HYPERLINK("http://x","klikk")',
    'Se vedlegg\t=1+1',
    'linje 1\n=1+1',
    '\n=1+1',
    'linje 1\r\n@SUM(A1)',
    'a, -2+3',
  ];
  const b = board(
    hostile.map((title, i) => node({ id: `n${i}`, title, description: title })),
    [edge('e1', 'partOf', 'n0', 'n1', { note: 'ok;+1+cmd|x', resolution: 'x\n-1+1' })],
  );

  for (const sep of [',', ';', '\t']) {
    it(`no piece split on "${sep === '\t' ? 'tab' : sep}" or a line break starts a formula`, () => {
      for (const table of ['nodes', 'edges'] as const) {
        const csv = exportCsv(b, { view: 'all', lang: 'nb', table });
        expect(exposedFormulas(csv, sep), table).toEqual([]);
      }
    });
  }

  it('leaves plain numbers and ordinary text alone', () => {
    const csv = exportCsv(board([node({ id: 'a', title: 'Mål 1;2', sdg: ['8', '8.5'], baseline: { value: -3, year: 2024 }, kind: 'indicator' })]), {
      view: 'all', lang: 'nb', table: 'nodes',
    });
    expect(csv).toContain('"Mål 1;2"');
    expect(csv).toContain(',-3,');
    expect(csv).toContain('"8;8.5"');
  });
});

describe('narrow and huge cards (#12 findings 2, 3)', () => {
  it('wrapText ends for any width, zero and negative included, and returns at most maxLines', () => {
    for (const max of [0, -5, 0.5, Number.NaN]) {
      const lines = wrapText('Flere i arbeid og aktivitet', max, 3);
      expect(lines.length).toBeLessThanOrEqual(3);
      expect(lines.length).toBeGreaterThan(0);
    }
  });

  it('wrapText of a very long title keeps only what fits', () => {
    expect(wrapText('ord '.repeat(500_000), 20, 2)).toHaveLength(2);
  });

  it('a card 5 px wide still exports as SVG', () => {
    const svg = exportSvg(board([node({ id: 'a', title: 'Smalt kort med lang tittel', position: { x: 0, y: 0, width: 5, height: 5 } })]), {
      view: 'all', lang: 'nb',
    });
    expect(svg).toContain('<svg');
  });

  it('the schema bounds card size and position', () => {
    const withPos = (position: object) => ({ ...board([]), nodes: [{ id: 'a', kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'a', position }] });
    expect(parseBoardJson(withPos({ x: 0, y: 0, width: 240, height: 100 })).ok).toBe(true);
    expect(parseBoardJson(withPos({ x: 0, y: 0, width: 5 })).ok).toBe(false);
    expect(parseBoardJson(withPos({ x: 0, y: 0, height: LIMITS.maxCardSize + 1 })).ok).toBe(false);
    expect(parseBoardJson(withPos({ x: LIMITS.maxCoordinate + 1, y: 0 })).ok).toBe(false);
    expect(parseBoardJson(withPos({ x: 0, y: -LIMITS.maxCoordinate - 1 })).ok).toBe(false);
  });
});

describe('XML-illegal characters (#12 finding 13)', () => {
  const bad = 'Mål\uFFFE med\uFFFF rare\u0001 tegn\uD800';
  const b = board([node({ id: 'a', title: bad, description: bad, responsible: bad })], [], bad);

  it('the schema strips them on import', () => {
    const parsed = parseBoardJson(b);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.board.meta.title).toBe('Mål med rare tegn');
    expect(parsed.board.nodes[0]!.title).toBe('Mål med rare tegn');
    expect(parsed.board.nodes[0]!.description).toBe('Mål med rare tegn');
    expect(parsed.board.nodes[0]!.responsible).toBe('Mål med rare tegn');
  });

  it('no exporter writes them', () => {
    const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const outputs = {
      md: exportMarkdown(b, { view: 'all', lang: 'nb' }),
      csv: exportCsv(b, { view: 'all', lang: 'nb', table: 'nodes' }),
      json: exportJson(b),
      svg: exportSvg(b, { view: 'all', lang: 'nb' }),
    };
    for (const [format, text] of Object.entries(outputs)) expect(illegal.test(text.replace(/\\u[0-9a-f]{4}/gi, (m) => String.fromCharCode(parseInt(m.slice(2), 16)))), format).toBe(false);
  });
});

describe('text lengths (#12 finding 12)', () => {
  it('the schema bounds titles, descriptions and notes', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(parseBoardJson(board([node({ id: 'a', title: long(LIMITS.maxTitleLength + 1) })])).ok).toBe(false);
    expect(parseBoardJson(board([node({ id: 'a', description: long(LIMITS.maxTextLength + 1) })])).ok).toBe(false);
    expect(parseBoardJson(board([node({ id: 'a' }), node({ id: 'b' })], [edge('e', 'partOf', 'a', 'b', { note: long(LIMITS.maxTextLength + 1) })])).ok).toBe(false);
  });
});
