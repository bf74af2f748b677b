// A card's SDG codes are a Y.Array (boardDoc LIST_FIELDS): two people who add or remove codes on
// the same card at the same moment both keep their change. As one plain array the later write
// replaced the whole list and one person's code was gone on every screen.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps, readNode } from './boardDoc';
import { createNode, updateNode } from './operations';
import { hasPlainTexts, migrateTexts } from './migrateTexts';
import { toBoardJson } from './interchange/boardJson';

/** Two replicas of one board with a card that has SDG 3, in sync. */
function twoPeople(sdg: string[] = ['3']): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  createNode(a, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Mål', sdg }, 'a');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}
function exchange(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}
const codes = (doc: Y.Doc) => [...(readNode(boardMaps(doc), 'g1')!.sdg ?? [])].sort();

describe('SDG codes of a card, two people at once', () => {
  it('both add a different code: both codes stay, on both screens', () => {
    const [a, b] = twoPeople();
    updateNode(a, 'g1', { sdg: ['3', '8'] }, 'a');
    updateNode(b, 'g1', { sdg: ['3', '13'] }, 'b');
    exchange(a, b);
    expect(codes(a)).toEqual(['13', '3', '8']);
    expect(codes(b)).toEqual(codes(a));
  });

  it('one removes a code while the other adds one: the removal and the addition both hold', () => {
    const [a, b] = twoPeople(['3', '4']);
    updateNode(a, 'g1', { sdg: ['4'] }, 'a');
    updateNode(b, 'g1', { sdg: ['3', '4', '8'] }, 'b');
    exchange(a, b);
    expect(codes(a)).toEqual(['4', '8']);
    expect(codes(b)).toEqual(['4', '8']);
  });

  it('both add the same code: it reads once, and the next write leaves one copy', () => {
    const [a, b] = twoPeople();
    updateNode(a, 'g1', { sdg: ['3', '8'] }, 'a');
    updateNode(b, 'g1', { sdg: ['3', '8'] }, 'b');
    exchange(a, b);
    expect(readNode(boardMaps(a), 'g1')!.sdg).toEqual(['3', '8']);
    updateNode(a, 'g1', { sdg: ['3', '8', '1'] }, 'a');
    expect((boardMaps(a).nodes.get('g1')!.get('sdg') as Y.Array<string>).toArray().sort()).toEqual(['1', '3', '8']);
    expect(toBoardJson(a).nodes[0]!.sdg).toEqual(['3', '8', '1']);
  });

  it('clearing the list removes the field', () => {
    const [a] = twoPeople();
    updateNode(a, 'g1', { sdg: null }, 'a');
    expect(boardMaps(a).nodes.get('g1')!.has('sdg')).toBe(false);
  });
});

describe('an older board with a plain code list', () => {
  it('reads the same, is found and converted by the migration, and keeps both people’s codes after it', () => {
    const [a] = twoPeople();
    boardMaps(a).nodes.get('g1')!.set('sdg', ['3', '5']);
    expect(readNode(boardMaps(a), 'g1')!.sdg).toEqual(['3', '5']);
    expect(hasPlainTexts(a)).toBe(true);
    expect(migrateTexts(a, 'server')).toBe(1);
    expect(hasPlainTexts(a)).toBe(false);
    expect(boardMaps(a).nodes.get('g1')!.get('sdg')).toBeInstanceOf(Y.Array);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateNode(a, 'g1', { sdg: ['3', '5', '8'] }, 'a');
    updateNode(b, 'g1', { sdg: ['5'] }, 'b');
    exchange(a, b);
    expect(codes(a)).toEqual(['5', '8']);
  });

  it('a write of the same codes leaves an older plain list as it is (no change on restore or import)', () => {
    const [a] = twoPeople();
    boardMaps(a).nodes.get('g1')!.set('sdg', ['3']);
    let changed = 0;
    a.on('update', () => changed++);
    updateNode(a, 'g1', { sdg: ['3'] }, 'a');
    expect(changed).toBe(0);
  });
});
