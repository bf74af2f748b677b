import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { boardMaps } from './boardDoc';
import { applyBoardJson, toBoardJson } from './interchange/boardJson';
import { parseBoardJson } from './interchange/parseBoardJson';
import { createNode, deleteNode, link, updateNode, type OpResult } from './operations';
import { cyclesOf, validateBoard, type Violation, type ViolationCode } from './validateBoard';

function ok<T extends object>(r: OpResult<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message.en}`);
  return r;
}

/** A second replica of `base`, as another browser would hold it after sync. */
function fork(base: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  return d;
}

/** Exchanges what each replica lacks, both ways, as the server would relay it. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
  expect(toBoardJson(a)).toEqual(toBoardJson(b));
}

const codes = (vs: Violation[]) => vs.map((v) => v.code).sort();
const only = (vs: Violation[], code: ViolationCode) => vs.filter((v) => v.code === code);

/** Writes a node straight into the maps, as a foreign or older client could. */
function rawNode(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const maps = boardMaps(doc);
  doc.transact(() => {
    const y = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) y.set(k, v);
    maps.nodes.set(id, y);
    maps.layout.set(id, { x: 0, y: 0 });
  }, 'foreign');
}
function rawEdge(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const y = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) y.set(k, v);
  boardMaps(doc).edges.set(id, y);
}

let base: Y.Doc;
let a: Y.Doc;
let b: Y.Doc;
beforeEach(() => {
  base = new Y.Doc();
  const n = (id: string, kind: 'goal' | 'indicator' | 'directive' | 'focus', owner: 'stat' | 'kommune' | 'felles', title = id.toUpperCase()) =>
    ok(createNode(base, { id, kind, tier: 'kommuneplan', owner, title }, 'seed'));
  n('child', 'goal', 'kommune', 'Barnet');
  n('p1', 'goal', 'kommune', 'Forelder én');
  n('p2', 'focus', 'kommune', 'Forelder to');
  n('x', 'goal', 'felles');
  n('y', 'goal', 'felles');
  n('z', 'goal', 'felles');
  n('nat', 'goal', 'stat');
  n('loc', 'goal', 'felles');
  n('ind', 'indicator', 'felles');
  expect(validateBoard(base)).toEqual([]);
  a = fork(base);
  b = fork(base);
});

describe('what a merge lets through', () => {
  it('two people give one card two parents at once', () => {
    ok(link(a, { id: 'pa', kind: 'partOf', source: 'child', target: 'p1' }, 'A'));
    ok(link(b, { id: 'pb', kind: 'partOf', source: 'child', target: 'p2' }, 'B'));
    expect(validateBoard(a)).toEqual([]);
    expect(validateBoard(b)).toEqual([]);
    merge(a, b);
    const vs = validateBoard(a, 'en');
    expect(codes(vs)).toEqual(['multiple_parents']);
    expect(vs[0]).toMatchObject({ nodeIds: ['child', 'p1', 'p2'], edgeIds: ['pa', 'pb'] });
    expect(vs[0]!.message).toContain('Barnet');
    expect(vs[0]!.message).toContain('Forelder én');
    expect(vs[0]!.message).toContain('Forelder to');
    expect(validateBoard(b, 'en')).toEqual(vs);
  });

  it('two people close a cycle together, over different kinds', () => {
    ok(link(a, { id: 'c1', kind: 'contributesTo', source: 'x', target: 'y' }, 'A'));
    ok(link(a, { id: 'c2', kind: 'partOf', source: 'y', target: 'z' }, 'A'));
    ok(link(b, { id: 'c3', kind: 'operationalises', source: 'z', target: 'x' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a);
    expect(codes(vs)).toEqual(['cycle']);
    expect(vs[0]!.nodeIds).toEqual(['x', 'y', 'z']);
    expect(vs[0]!.edgeIds!.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('a cycle report names only the edges on it', () => {
    ok(link(a, { id: 'c1', kind: 'contributesTo', source: 'x', target: 'y' }, 'A'));
    ok(link(a, { id: 'off', kind: 'contributesTo', source: 'loc', target: 'x' }, 'A'));
    ok(link(b, { id: 'c2', kind: 'contributesTo', source: 'y', target: 'x' }, 'B'));
    merge(a, b);
    const vs = only(validateBoard(a), 'cycle');
    expect(vs).toHaveLength(1);
    expect(vs[0]!.nodeIds).toEqual(['x', 'y']);
    expect(vs[0]!.edgeIds!.sort()).toEqual(['c1', 'c2']);
  });

  it('one deletes a card while the other links to it', () => {
    deleteNode(a, 'ind', 'A');
    ok(link(b, { id: 'm', kind: 'measuredBy', source: 'loc', target: 'ind' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a, 'en');
    expect(codes(vs)).toEqual(['dangling_edge']);
    expect(vs[0]!.edgeId).toBe('m');
    expect(vs[0]!.message).toContain('ind');
  });

  it('one changes a kind while the other links with the old kind', () => {
    ok(link(a, { id: 'm', kind: 'measuredBy', source: 'loc', target: 'ind' }, 'A'));
    ok(updateNode(b, 'ind', { kind: 'goal' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a);
    expect(codes(vs)).toEqual(['edge_kind_mismatch']);
    expect(vs[0]).toMatchObject({ edgeId: 'm', nodeIds: ['loc', 'ind'] });
  });

  it('one turns a card into a note while the other links it', () => {
    ok(link(a, { id: 'k', kind: 'contributesTo', source: 'x', target: 'y' }, 'A'));
    ok(updateNode(b, 'x', { kind: 'note' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a);
    expect(codes(vs)).toEqual(['note_linked']);
    expect(vs[0]).toMatchObject({ edgeId: 'k', nodeIds: ['x', 'y'] });
  });

  it('one changes an owner while the other links across owners (operationalises owner rule)', () => {
    ok(link(a, { id: 'o', kind: 'operationalises', source: 'loc', target: 'nat' }, 'A'));
    ok(updateNode(b, 'loc', { owner: 'stat' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a);
    expect(codes(vs)).toEqual(['owner_rule']);
    expect(vs[0]).toMatchObject({ edgeId: 'o', nodeIds: ['loc', 'nat'] });
  });

  it('two people make the same link at once', () => {
    ok(link(a, { id: 'd1', kind: 'contributesTo', source: 'x', target: 'y' }, 'A'));
    ok(link(b, { id: 'd2', kind: 'contributesTo', source: 'x', target: 'y' }, 'B'));
    merge(a, b);
    const vs = validateBoard(a);
    expect(codes(vs)).toEqual(['duplicate_edge']);
    expect(vs[0]).toMatchObject({ edgeId: 'd2', edgeIds: ['d1', 'd2'] });
  });

  it('two people record the same conflict, from either end', () => {
    ok(link(a, { id: 'k1', kind: 'conflictsWith', source: 'x', target: 'y', note: 'A' }, 'A'));
    ok(link(b, { id: 'k2', kind: 'conflictsWith', source: 'y', target: 'x', note: 'B' }, 'B'));
    merge(a, b);
    expect(only(validateBoard(a), 'duplicate_edge')).toMatchObject([{ edgeIds: ['k1', 'k2'] }]);
  });

  it('the same parent twice is a duplicate link, not two parents', () => {
    ok(link(a, { id: 'pa', kind: 'partOf', source: 'child', target: 'p1' }, 'A'));
    ok(link(b, { id: 'pb', kind: 'partOf', source: 'child', target: 'p1' }, 'B'));
    merge(a, b);
    expect(codes(validateBoard(a))).toEqual(['duplicate_edge']);
  });

  it('a merge that breaks nothing reports nothing', () => {
    ok(link(a, { kind: 'partOf', source: 'child', target: 'p1' }, 'A'));
    ok(link(b, { kind: 'measuredBy', source: 'child', target: 'ind' }, 'B'));
    ok(updateNode(b, 'p1', { title: 'Nytt' }, 'B'));
    merge(a, b);
    expect(validateBoard(a)).toEqual([]);
  });
});

describe('what a foreign client can write', () => {
  let doc: Y.Doc;
  beforeEach(() => {
    doc = fork(base);
  });
  const good = { kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'T' };

  it('an unknown card kind', () => {
    rawNode(doc, 'u', { ...good, kind: 'banana' });
    const vs = validateBoard(doc, 'en');
    expect(codes(vs)).toEqual(['unknown_kind']);
    expect(vs[0]).toMatchObject({ nodeIds: ['u'] });
    expect(vs[0]!.message).toContain('banana');
  });

  it('an unknown edge kind', () => {
    rawEdge(doc, 'q', { kind: 'dependsOn', source: 'x', target: 'y' });
    const vs = validateBoard(doc, 'en');
    expect(codes(vs)).toEqual(['unknown_edge_kind']);
    expect(vs[0]).toMatchObject({ edgeId: 'q' });
    expect(vs[0]!.message).toContain('dependsOn');
  });

  it('invalid field values, each named', () => {
    rawNode(doc, 'v1', { ...good, tier: 'regional' });
    rawNode(doc, 'v2', { ...good, sdg: ['99'] });
    rawNode(doc, 'v3', { kind: 'goal', tier: 'national', title: 'No owner' });
    rawNode(doc, 'v4', { ...good, baseline: { value: 'high', year: 2020 } });
    const vs = validateBoard(doc, 'en');
    expect(codes(vs)).toEqual(['invalid_field', 'invalid_field', 'invalid_field', 'invalid_field']);
    const byNode = Object.fromEntries(vs.map((v) => [v.nodeIds![0], v.message]));
    expect(byNode.v1).toContain('"tier"');
    expect(byNode.v2).toContain('"sdg"');
    expect(byNode.v3).toContain('"owner"');
    expect(byNode.v4).toContain('"baseline"');
  });

  it('an invalid conflict severity', () => {
    rawEdge(doc, 'k', { kind: 'conflictsWith', source: 'x', target: 'y', severity: 'extreme' });
    const vs = validateBoard(doc, 'en');
    expect(codes(vs)).toEqual(['invalid_field']);
    expect(vs[0]).toMatchObject({ edgeId: 'k' });
  });

  it('a missing or blank title', () => {
    rawNode(doc, 't1', { ...good, title: undefined });
    rawNode(doc, 't2', { ...good, title: '   ' });
    const vs = validateBoard(doc);
    expect(codes(vs)).toEqual(['missing_title', 'missing_title']);
    expect(vs.map((v) => v.nodeIds![0]).sort()).toEqual(['t1', 't2']);
  });

  it('two parents, a cycle, a self-link, a note linked, the owner rule, a duplicate, written raw', () => {
    rawNode(doc, 'note', { ...good, kind: 'note' });
    rawNode(doc, 'dir', { kind: 'directive', tier: 'national', owner: 'stat', title: 'Føring' });
    rawEdge(doc, 'r1', { kind: 'partOf', source: 'child', target: 'p1' });
    rawEdge(doc, 'r2', { kind: 'partOf', source: 'child', target: 'p2' });
    rawEdge(doc, 'r3', { kind: 'partOf', source: 'x', target: 'y' });
    rawEdge(doc, 'r4', { kind: 'partOf', source: 'y', target: 'x' });
    rawEdge(doc, 'r5', { kind: 'contributesTo', source: 'z', target: 'z' });
    rawEdge(doc, 'r6', { kind: 'contributesTo', source: 'note', target: 'z' });
    rawEdge(doc, 'r7', { kind: 'operationalises', source: 'nat', target: 'dir' });
    rawEdge(doc, 'r8', { kind: 'measuredBy', source: 'loc', target: 'ind' });
    rawEdge(doc, 'r9', { kind: 'measuredBy', source: 'loc', target: 'ind' });
    const vs = validateBoard(doc);
    expect(codes(vs)).toEqual(['cycle', 'duplicate_edge', 'multiple_parents', 'note_linked', 'owner_rule', 'self_link'].sort());
    expect(only(vs, 'self_link')[0]).toMatchObject({ edgeId: 'r5', nodeIds: ['z'] });
    expect(only(vs, 'note_linked')[0]).toMatchObject({ edgeId: 'r6' });
    expect(only(vs, 'owner_rule')[0]).toMatchObject({ edgeId: 'r7' });
    expect(only(vs, 'duplicate_edge')[0]).toMatchObject({ edgeIds: ['r8', 'r9'] });
    expect(only(vs, 'multiple_parents')[0]).toMatchObject({ edgeIds: ['r1', 'r2'] });
    expect(only(vs, 'cycle')[0]).toMatchObject({ nodeIds: ['x', 'y'] });
  });
});

describe('validateBoard', () => {
  it('finds nothing wrong with the example board', () => {
    const parsed = parseBoardJson(JSON.parse(readFileSync(new URL('./examples/lier.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('example does not parse');
    const doc = new Y.Doc();
    applyBoardJson(doc, parsed.board, 'import');
    expect(validateBoard(doc)).toEqual([]);
  });

  it('speaks nb, nn and en', () => {
    const doc = fork(base);
    rawEdge(doc, 'q', { kind: 'partOf', source: 'x', target: 'gone' });
    const [nb, nn, en] = (['nb', 'nn', 'en'] as const).map((l) => validateBoard(doc, l)[0]!.message);
    for (const m of [nb, nn, en]) expect(m!.trim()).not.toBe('');
    expect(new Set([nb, nn, en]).size).toBe(3);
  });

  it('never changes the document it reads', () => {
    const doc = fork(base);
    rawNode(doc, 'u', { kind: 'banana', title: 7 });
    rawEdge(doc, 'q', { kind: 'partOf', source: 'x', target: 'gone' });
    rawEdge(doc, 'r', { kind: 'partOf', source: 'x', target: 'y' });
    rawEdge(doc, 's', { kind: 'partOf', source: 'y', target: 'x' });
    const sv = Y.encodeStateVector(doc);
    const state = Y.encodeStateAsUpdate(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const first = validateBoard(doc);
    expect(first.length).toBeGreaterThan(0);
    expect(validateBoard(doc)).toEqual(first);
    expect(transactions).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });
});

describe('cyclesOf', () => {
  it('finds each strongly connected group of two or more, and not a lone node', () => {
    const next = new Map([
      ['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', ['e']], ['e', ['d']], ['f', ['f']], ['g', ['a']],
    ]);
    const found = cyclesOf(['a', 'b', 'c', 'd', 'e', 'f', 'g'], next).map((c) => c.join(',')).sort();
    expect(found).toEqual(['a,b,c', 'd,e']);
  });
  it('handles a chain far longer than the call stack would allow recursively', () => {
    const n = 50_000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const next = new Map(ids.map((id, i) => [id, [ids[(i + 1) % n]!]]));
    const found = cyclesOf(ids, next);
    expect(found).toHaveLength(1);
    expect(found[0]).toHaveLength(n);
  });
});
