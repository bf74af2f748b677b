import { describe, expect, it } from 'vitest';
import type { BoardEdge, BoardNode } from '../../shared';
import { ancestorsOf, buildOutline, flattenOutline, typeAhead } from './outlineModel';

const card = (id: string, tier: string, x: number, y: number, title = id): BoardNode =>
  ({ id, kind: 'goal', tier, owner: 'kommune', title, description: '', position: { x, y } }) as BoardNode;
const partOf = (id: string, source: string, target: string): BoardEdge => ({ id, kind: 'partOf', source, target });

describe('outline model', () => {
  const cards = [
    card('A', 'kommuneplan', 0, 400, 'Arbeid'),
    card('B', 'kommuneplan', 300, 500, 'Bolig'),
    card('A1', 'kommuneplan', 0, 600, 'Unge i arbeid'),
    card('A2', 'kommuneplan', 300, 600, 'Eldre i arbeid'),
    card('N', 'nav_local', 0, 900, 'Lokalt'),
    card('X', 'national', 0, 0, 'Nasjonalt'),
  ];
  const links = [partOf('e1', 'A2', 'A'), partOf('e2', 'A1', 'A'), partOf('e3', 'N', 'A'), partOf('e4', 'A', 'A1')];
  const tree = buildOutline(cards, links);

  it('groups by band and nests partOf children in reading order; a parent in another band or a cycle does not nest', () => {
    expect(tree.roots).toEqual({ national: ['X'], kommuneplan: ['A', 'B'], nav_local: ['N'] });
    expect(tree.children.get('A')).toEqual(['A1', 'A2']);
    // e4 (A partOf A1) would close a cycle: A stays a root.
    expect(tree.parent.get('A')).toBeUndefined();
  });

  it('flattens with levels, positions and collapse', () => {
    const rows = flattenOutline(tree, new Set());
    expect(rows.map((r) => `${r.key}:${r.level}:${r.posinset}/${r.setsize}`)).toEqual([
      'band:national:1:1/3', 'X:2:1/1', 'band:kommuneplan:1:2/3', 'A:2:1/2', 'A1:3:1/2', 'A2:3:2/2', 'B:2:2/2', 'band:nav_local:1:3/3', 'N:2:1/1',
    ]);
    const folded = flattenOutline(tree, new Set(['A', 'band:national']));
    expect(folded.map((r) => r.key)).toEqual(['band:national', 'band:kommuneplan', 'A', 'B', 'band:nav_local', 'N']);
    expect(folded.find((r) => r.key === 'A')).toMatchObject({ hasChildren: true, expanded: false });
    expect(ancestorsOf(tree, 'A2')).toEqual(['A', 'band:kommuneplan']);
  });

  it('type-ahead finds the next row by its label, wrapping', () => {
    const rows = flattenOutline(tree, new Set());
    const label = (r: { key: string }) => cards.find((c) => c.id === r.key)?.title ?? '';
    expect(rows[typeAhead(rows, label, 0, 'b')]!.key).toBe('B');
    expect(rows[typeAhead(rows, label, 3, 'u')]!.key).toBe('A1');
    expect(typeAhead(rows, label, 0, 'zz')).toBe(-1);
  });
});
