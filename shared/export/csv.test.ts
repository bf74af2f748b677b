import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BoardJson } from '../interchange/schema';
import { EDGE_COLUMNS, NODE_COLUMNS, exportCsv } from './csv';
import { LIER, board, edge, node } from './testBoards';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');

/** A strict RFC 4180 reader: BOM first, CRLF between records, quotes only around whole fields. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 1;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      value = end < 0 ? text.slice(i) : text.slice(i, i + end);
      expect(value).not.toMatch(/["\r\n]/);
      i += value.length;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  const [header, ...body] = rows;
  return body.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, k) => [h, r[k]!]));
  });
}

describe('exportCsv', () => {
  it('writes the reviewed node and edge tables for the demo board', () => {
    expect(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'nodes' })).toBe(golden('lier.nodes.csv'));
    expect(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'edges' })).toBe(golden('lier.edges.csv'));
  });

  it('uses stable English column names whatever the language', () => {
    const nb = exportCsv(LIER, { view: 'all', lang: 'nb', table: 'nodes' });
    expect(exportCsv(LIER, { view: 'all', lang: 'nn', table: 'nodes' })).toBe(nb);
    expect(nb.slice(1, nb.indexOf('\r\n'))).toBe(NODE_COLUMNS.join(','));
    const edges = exportCsv(LIER, { view: 'all', lang: 'nb', table: 'edges' });
    expect(edges.slice(1, edges.indexOf('\r\n'))).toBe(EDGE_COLUMNS.join(','));
  });

  it('parses back to one row per node and per edge', () => {
    const nodes = parseCsv(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'nodes' }));
    expect(nodes.map((r) => r.id).sort()).toEqual(LIER.nodes.map((n) => n.id).sort());
    const k2 = nodes.find((r) => r.id === 'K2')!;
    expect(k2).toMatchObject({ parent: 'K1', sdg: '4.3;8.6', periodFrom: '2024', periodTo: '2036', level: 'hovedmål' });
    const k6 = nodes.find((r) => r.id === 'K6')!;
    expect(k6).toMatchObject({ baselineValue: '4.1', baselineYear: '2023', targetValue: '3', targetYear: '2028', latestValue: '' });
    const edges = parseCsv(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'edges' }));
    expect(edges).toHaveLength(LIER.edges.length);
    expect(edges.find((r) => r.id === 'e29')).toMatchObject({ severity: 'high', sourceTitle: LIER.nodes.find((n) => n.id === 'K8')!.title });
  });

  for (const [view, owners] of [['stat', ['stat', 'felles']], ['kommune', ['kommune', 'felles']]] as const) {
    it(`view=${view} keeps exactly the ${owners.join(' and ')} cards and the links between them`, () => {
      const rows = parseCsv(exportCsv(LIER, { view, lang: 'nb', table: 'nodes' }));
      const want = LIER.nodes.filter((n) => (owners as readonly string[]).includes(n.owner)).map((n) => n.id).sort();
      expect(rows.map((r) => r.id).sort()).toEqual(want);
      expect(new Set(rows.map((r) => r.owner))).toEqual(new Set(owners));
      const kept = new Set(want);
      const edges = parseCsv(exportCsv(LIER, { view, lang: 'nb', table: 'edges' }));
      const wantEdges = LIER.edges.filter((e) => kept.has(e.source) && kept.has(e.target)).map((e) => e.id).sort();
      expect(edges.map((r) => r.id).sort()).toEqual(wantEdges);
      expect(wantEdges.length).toBeGreaterThan(0);
    });
  }

  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const b: BoardJson = board(
      [
        node({ id: 'a', title: '=HYPERLINK("http://x","klikk")', description: 'linje 1\nlinje 2, med "sitat"' }),
        node({ id: 'b', title: '@SUM(A1)', kind: 'indicator', baseline: { value: -3, year: 2024 }, unit: '-%', responsible: '+47 22 00 00 00' }),
        node({ id: 'c', title: '-1+2' }),
      ],
      [edge('e1', 'measuredBy', 'a', 'b', { note: '=1+1' })],
    );
    const rows = parseCsv(exportCsv(b, { view: 'all', lang: 'nb', table: 'nodes' }));
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.a!.title).toBe('\'=HYPERLINK("http://x","klikk")');
    expect(by.a!.description).toBe('linje 1\nlinje 2, med "sitat"');
    expect(by.b!.title).toBe("'@SUM(A1)");
    expect(by.b!.baselineValue).toBe('-3');
    expect(by.b!.unit).toBe("'-%");
    expect(by.b!.responsible).toBe("'+47 22 00 00 00");
    expect(by.c!.title).toBe("'-1+2");
    const edges = parseCsv(exportCsv(b, { view: 'all', lang: 'nb', table: 'edges' }));
    expect(edges[0]!.note).toBe("'=1+1");
  });

  it('orders rows by id, e2 before e10, so moving a card changes nothing', () => {
    const ids = parseCsv(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'edges' })).map((r) => r.id);
    expect(ids.slice(0, 11)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
    const moved = { ...LIER, nodes: LIER.nodes.map((n) => ({ ...n, position: { x: -n.position.x, y: n.position.y * 2 } })) };
    expect(exportCsv(moved, { view: 'all', lang: 'nb', table: 'nodes' })).toBe(exportCsv(LIER, { view: 'all', lang: 'nb', table: 'nodes' }));
  });
});
