// The projection reads the doc once per batch, reports exactly what changed, bumps its change
// counter for content (not for a move), and gives the analysis the same graph readGraph would.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createNode, link, moveNodes, readGraph, removeIndicatorValue, setIndicatorValues, updateNode, valuesMap } from '../../shared';
import { BoardProjection, type ProjectionChange } from './boardProjection';

function board() {
  const doc = new Y.Doc();
  createNode(doc, { id: 'a', kind: 'goal', tier: 'national', title: 'A', position: { x: 0, y: 0 } }, 'setup');
  createNode(doc, { id: 'b', kind: 'indicator', tier: 'national', title: 'B', position: { x: 0, y: 200 } }, 'setup');
  link(doc, { id: 'e1', kind: 'measuredBy', source: 'a', target: 'b' }, 'setup');
  return doc;
}

describe('BoardProjection', () => {
  it('reports the changed ids per batch and counts content changes only', () => {
    const doc = board();
    const seen: ProjectionChange[] = [];
    const p = new BoardProjection(doc, (c) => seen.push(c));
    p.flush();
    expect(seen[0]!.nodes.sort()).toEqual(['a', 'b']);
    expect(seen[0]!.edges).toEqual(['e1']);
    const v = p.graphVersion;
    moveNodes(doc, { a: { x: 9, y: 9 } }, 'remote');
    p.flush();
    expect(seen[1]).toEqual({ nodes: ['a'], edges: [], content: false });
    expect(p.graphVersion).toBe(v);
    expect(p.card('a')!.position).toEqual({ x: 9, y: 9 });
    updateNode(doc, 'b', { title: 'B2' }, 'remote');
    p.flush();
    expect(seen[2]).toEqual({ nodes: ['b'], edges: [], content: true });
    expect(p.graphVersion).toBe(v + 1);
    expect(p.card('b')!.title).toBe('B2');
    p.destroy();
  });

  it('gives the analysis the graph readGraph reads from the doc', () => {
    const doc = board();
    const p = new BoardProjection(doc, () => {});
    p.flush();
    expect(p.graph()).toEqual(readGraph(doc));
    p.destroy();
  });

  it('gives an indicator card its measured series, oldest first, and reads it again when a value changes', () => {
    const doc = board();
    const seen: ProjectionChange[] = [];
    const p = new BoardProjection(doc, (c) => seen.push(c));
    p.flush();
    expect(p.card('b')!.series).toBeUndefined();
    const v = p.graphVersion;
    setIndicatorValues(doc, [{ indicatorId: 'b', value: { period: '2025', value: 3.6 } }, { indicatorId: 'b', value: { period: '2024', value: 3.9 } }], 'remote');
    p.flush();
    expect(seen.at(-1)).toEqual({ nodes: ['b'], edges: [], content: true });
    expect(p.graphVersion).toBe(v + 1);
    expect(p.card('b')!.series).toEqual([{ period: '2024', value: 3.9 }, { period: '2025', value: 3.6 }]);
    removeIndicatorValue(doc, 'b', '2024', 'remote');
    removeIndicatorValue(doc, 'b', '2025', 'remote');
    p.flush();
    expect(p.card('b')!.series).toBeUndefined();
    // A value under an id that is no card changes nothing the board shows.
    const before = p.graphVersion;
    valuesMap(doc).set('stamp-1/2026', { value: 1 });
    p.flush();
    expect(p.graphVersion).toBe(before);
    p.destroy();
  });
});
