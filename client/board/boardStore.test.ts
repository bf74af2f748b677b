// The store patches only what changed: untouched card objects stay identical (so memoised
// components skip them), and local selection survives remote edits.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { adoptUserNodes, getNodesInside } from '@xyflow/system';
import { createNode, link, moveNodes, updateNode } from '../../shared';
import { BoardStore } from './boardStore';

function board() {
  const doc = new Y.Doc();
  for (let i = 0; i < 5; i++) createNode(doc, { id: `n${i}`, kind: 'goal', tier: 'national', title: `Goal ${i}`, position: { x: i * 300, y: 0 } }, 'setup');
  createNode(doc, { id: 'ind', kind: 'indicator', tier: 'national', title: 'Indicator', position: { x: 0, y: 200 } }, 'setup');
  link(doc, { id: 'e1', kind: 'measuredBy', source: 'n0', target: 'ind' }, 'setup');
  return doc;
}

describe('BoardStore', () => {
  it('gives React Flow cards it can leave undrawn: before any is measured, only those in view count as visible (#19 §1)', () => {
    const store = new BoardStore(board());
    // React Flow's own adoption of our nodes and its onlyRenderVisibleElements test, on a 500×150 view at the origin.
    const lookup = new Map();
    adoptUserNodes(store.getNodes(), lookup, new Map(), {});
    const inView = getNodesInside(lookup, { x: 0, y: 0, width: 500, height: 150 }, [0, 0, 1], true).map((n) => n.id);
    expect(inView.sort()).toEqual(['n0', 'n1']);
    // Once drawn and measured, React Flow's measured handles stand: the estimated ones go.
    store.applyNodeChanges([{ id: 'n0', type: 'dimensions', dimensions: { width: 240, height: 96 } }]);
    const n0 = store.getNodes().find((n) => n.id === 'n0')!;
    expect(n0.measured).toEqual({ width: 240, height: 96 });
    expect(n0.handles).toBeUndefined();
    expect(store.getNodes().find((n) => n.id === 'n1')!.handles).toHaveLength(2);
  });

  it('reads every card and link', () => {
    const store = new BoardStore(board());
    expect(store.getNodes().map((n) => n.id).sort()).toEqual(['ind', 'n0', 'n1', 'n2', 'n3', 'n4']);
    expect(store.getEdges()).toHaveLength(1);
    expect(store.getNodes().find((n) => n.id === 'n1')!.type).toBe('goal');
  });

  it('rebuilds only the changed card and keeps the others identical', () => {
    const doc = board();
    const store = new BoardStore(doc);
    const before = new Map(store.getNodes().map((n) => [n.id, n]));
    updateNode(doc, 'n2', { title: 'Renamed' }, 'remote');
    moveNodes(doc, { n3: { x: 5, y: 5 } }, 'remote');
    store.flush();
    const after = new Map(store.getNodes().map((n) => [n.id, n]));
    for (const id of ['n0', 'n1', 'n4', 'ind']) expect(after.get(id)).toBe(before.get(id));
    expect(after.get('n2')).not.toBe(before.get('n2'));
    expect(after.get('n2')!.data.card.title).toBe('Renamed');
    expect(after.get('n3')!.position).toEqual({ x: 5, y: 5 });
    expect(store.getEdges()[0]).toBe(store.getEdges()[0]);
  });

  it('a filter hides the links of filtered-out cards, follows edits, and leaves other links as they were', () => {
    const doc = board();
    link(doc, { id: 'e2', kind: 'contributesTo', source: 'n1', target: 'n2' }, 'setup');
    const store = new BoardStore(doc);
    const edge = (id: string) => store.getEdges().find((e) => e.id === id)!;
    store.setFilter((c) => c.owner !== 'kommune');
    const e2 = edge('e2');
    expect([edge('e1').hidden, e2.hidden]).toEqual([false, false]);
    // n0 is edited into the filtered-out owner: its card and its link hide at the next flush.
    updateNode(doc, 'n0', { owner: 'kommune' }, 'remote');
    store.flush();
    expect(store.getNodes().find((n) => n.id === 'n0')!.hidden).toBe(true);
    expect(edge('e1').hidden).toBe(true);
    expect(edge('e2')).toBe(e2);
    store.setFilter(null);
    expect(edge('e1').hidden).toBe(false);
    expect(edge('e2')).toBe(e2);
  });

  it('batches many changes into one update of the arrays', () => {
    const doc = board();
    const store = new BoardStore(doc);
    let emits = 0;
    store.subscribe(() => emits++);
    for (let i = 0; i < 50; i++) updateNode(doc, 'n1', { title: `t${i}` }, 'remote');
    expect(emits).toBe(0);
    store.flush();
    expect(emits).toBe(1);
  });

  it('keeps local selection and measured size through remote edits, and never writes them to the doc', () => {
    const doc = board();
    const store = new BoardStore(doc);
    store.applyNodeChanges([
      { type: 'select', id: 'n1', selected: true },
      { type: 'dimensions', id: 'n1', dimensions: { width: 240, height: 100 } },
    ]);
    updateNode(doc, 'n1', { title: 'Changed elsewhere' }, 'remote');
    store.flush();
    const n1 = store.getNodes().find((n) => n.id === 'n1')!;
    expect(n1.selected).toBe(true);
    expect(n1.measured).toEqual({ width: 240, height: 100 });
    expect(n1.data.card.title).toBe('Changed elsewhere');
    expect((doc.getMap('nodes').get('n1') as Y.Map<unknown>).toJSON()).not.toHaveProperty('selected');
  });

  it('reports finished moves (not in-flight drags) and shows remote drags live', () => {
    const doc = board();
    const store = new BoardStore(doc);
    expect(store.applyNodeChanges([{ type: 'position', id: 'n0', position: { x: 1, y: 1 }, dragging: true }])).toEqual({});
    expect(store.applyNodeChanges([{ type: 'position', id: 'n0', position: { x: 2, y: 2 }, dragging: false }])).toEqual({ n0: { x: 2, y: 2 } });
    store.setRemoteDrag(new Map([['n4', { x: 99, y: 99 }]]));
    expect(store.getNodes().find((n) => n.id === 'n4')!.position).toEqual({ x: 99, y: 99 });
    store.setRemoteDrag(new Map());
    expect(store.getNodes().find((n) => n.id === 'n4')!.position).toEqual({ x: 1200, y: 0 });
  });

  it('removes deleted cards and their links', () => {
    const doc = board();
    const store = new BoardStore(doc);
    doc.transact(() => {
      doc.getMap('edges').delete('e1');
      doc.getMap('nodes').delete('ind');
    });
    store.flush();
    expect(store.getNodes().some((n) => n.id === 'ind')).toBe(false);
    expect(store.getEdges()).toHaveLength(0);
  });

  it('a rød tråd marks its cards and links on, dims the rest, rebuilds only what it changes, and a new card joins dimmed', () => {
    const doc = board();
    link(doc, { id: 'e2', kind: 'contributesTo', source: 'n1', target: 'n2' }, 'setup');
    const store = new BoardStore(doc);
    const node = (id: string) => store.getNodes().find((n) => n.id === id)!;
    const edge = (id: string) => store.getEdges().find((e) => e.id === id)!;
    store.setThread({ nodes: new Set(['n0', 'ind']), edges: new Set(['e1']) });
    expect(['n0', 'ind', 'n1'].map((id) => node(id).data.thread)).toEqual(['on', 'on', 'dim']);
    expect([edge('e1').className, edge('e2').className]).toEqual(['mk-thread-on', 'mk-thread-dim']);
    const n3 = node('n3');
    // Another thread that leaves n3 dimmed keeps its object.
    store.setThread({ nodes: new Set(['n1', 'n2']), edges: new Set(['e2']) });
    expect(node('n3')).toBe(n3);
    expect(node('n0').data.thread).toBe('dim');
    createNode(doc, { id: 'late', kind: 'goal', tier: 'national', title: 'Late', position: { x: 0, y: 400 } }, 'remote');
    store.flush();
    expect(node('late').data.thread).toBe('dim');
    store.setThread(null);
    expect(node('n1').data.thread).toBeUndefined();
    expect(edge('e2').className).toBeUndefined();
  });
});
