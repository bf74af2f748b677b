import { describe, expect, it } from 'vitest';
import { diffBoards, type BoardJson } from '../../shared';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { changeEntries, compareBoard, countChanges, diffMarks, formatFieldValue } from './diffMarks';

const example = () => structuredClone(EXAMPLE_BOARD) as BoardJson;

/** The Lier board, then: C2 deleted with its links, L9 added and linked, K2 retitled and moved, K3 only moved, e28's note changed. */
function edited(): { before: BoardJson; after: BoardJson } {
  const before = example();
  const after = example();
  after.nodes = after.nodes.filter((n) => n.id !== 'C2');
  after.edges = after.edges.filter((e) => e.source !== 'C2' && e.target !== 'C2');
  after.nodes.push({ id: 'L9', kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'Nytt mål', description: '', position: { x: 5, y: 900 } });
  after.edges.push({ id: 'eNew', kind: 'partOf', source: 'L9', target: 'K2' });
  const k2 = after.nodes.find((n) => n.id === 'K2')!;
  k2.title = 'Alle unge fullfører';
  k2.position = { x: 999, y: 420 };
  after.nodes.find((n) => n.id === 'K3')!.position = { x: 1, y: 1 };
  after.edges.find((e) => e.id === 'e28')!.note = 'Ny begrunnelse';
  after.meta.title = 'Lier 2025';
  return { before, after };
}

describe('diffMarks', () => {
  it('marks each card and link once; a card that changed and moved is "changed"', () => {
    const { before, after } = edited();
    const diff = diffBoards(before, after);
    const m = diffMarks(diff);
    expect(m.nodes.get('L9')).toBe('added');
    expect(m.nodes.get('C2')).toBe('removed');
    expect(m.nodes.get('K2')).toBe('changed');
    expect(m.nodes.get('K3')).toBe('moved');
    expect(m.nodes.has('K1')).toBe(false);
    expect(m.edges.get('eNew')).toBe('added');
    expect(m.edges.get('e28')).toBe('changed');
    const removedLinks = before.edges.filter((e) => e.source === 'C2' || e.target === 'C2').map((e) => e.id);
    expect(removedLinks.length).toBeGreaterThan(0);
    for (const id of removedLinks) expect(m.edges.get(id)).toBe('removed');
    expect(countChanges(diff)).toEqual({ added: 1, removed: 1, changed: 1, moved: 1 });
  });

  it('marks nothing when the board equals the snapshot', () => {
    const m = diffMarks(diffBoards(example(), example()));
    expect(m.nodes.size + m.edges.size).toBe(0);
  });
});

describe('compareBoard', () => {
  it('draws the board now plus the removed cards (as they were) and their links as ghosts', () => {
    const { before, after } = edited();
    const diff = diffBoards(before, after);
    const drawn = compareBoard(after, diff);
    const c2 = before.nodes.find((n) => n.id === 'C2')!;
    expect(drawn.nodes.find((n) => n.id === 'C2')).toEqual(c2);
    expect(drawn.nodes).toHaveLength(after.nodes.length + 1);
    expect(drawn.nodes.find((n) => n.id === 'K2')!.title).toBe('Alle unge fullfører');
    const ghostLinks = before.edges.filter((e) => e.source === 'C2' || e.target === 'C2');
    for (const e of ghostLinks) expect(drawn.edges).toContainEqual(e);
    expect(drawn.edges).toHaveLength(after.edges.length + ghostLinks.length);
  });

  it('leaves out a removed link whose card is neither on the board nor a ghost', () => {
    const { before, after } = edited();
    const diff = diffBoards(before, after);
    diff.nodes.removed = [];
    const drawn = compareBoard(after, diff);
    expect(drawn.nodes.some((n) => n.id === 'C2')).toBe(false);
    expect(drawn.edges.some((e) => e.source === 'C2' || e.target === 'C2')).toBe(false);
  });
});

describe('changeEntries', () => {
  it('lists cards (added, removed, changed, moved), then links, then the board, with old → new', () => {
    const { before, after } = edited();
    const entries = changeEntries(diffBoards(before, after), after);
    const cards = entries.filter((e) => e.target === 'node');
    expect(cards.map((e) => [e.id, e.mark])).toEqual([['L9', 'added'], ['C2', 'removed'], ['K2', 'changed'], ['K3', 'moved']]);
    expect(cards.find((e) => e.id === 'K2')!.fields).toEqual([{ field: 'title', old: before.nodes.find((n) => n.id === 'K2')!.title, new: 'Alle unge fullfører' }]);
    const note = entries.find((e) => e.id === 'e28')!;
    expect(note).toMatchObject({ target: 'edge', mark: 'changed', focusId: after.edges.find((e) => e.id === 'e28')!.source });
    expect(note.fields).toEqual([{ field: 'note', old: before.edges.find((e) => e.id === 'e28')!.note ?? null, new: 'Ny begrunnelse' }]);
    const added = entries.find((e) => e.id === 'eNew')!;
    expect(added.title).toBe(`Nytt mål → Alle unge fullfører`);
    expect(entries.at(-1)).toMatchObject({ target: 'meta', fields: [{ field: 'title', new: 'Lier 2025' }] });
  });
});

describe('measured series in the comparison', () => {
  it('marks an indicator whose values changed as changed and lists the values by period, old → new', () => {
    const before = example();
    const after = example();
    before.nodes.find((n) => n.id === 'K6')!.series = [{ period: '2023', value: 4.1 }, { period: '2024', value: 3.9 }];
    after.nodes.find((n) => n.id === 'K6')!.series = [{ period: '2024', value: 3.8, source: 'KOSTRA' }, { period: '2025', value: 3.6 }];
    const diff = diffBoards(before, after);
    expect(diffMarks(diff).nodes.get('K6')).toBe('changed');
    expect(countChanges(diff)).toEqual({ added: 0, removed: 0, changed: 1, moved: 0 });
    const k6 = changeEntries(diff, after).find((e) => e.id === 'K6')!;
    expect(k6).toMatchObject({ target: 'node', mark: 'changed', fields: [] });
    expect(k6.values).toEqual([
      { period: '2023', old: { period: '2023', value: 4.1 }, new: null },
      { period: '2024', old: { period: '2024', value: 3.9 }, new: { period: '2024', value: 3.8, source: 'KOSTRA' } },
      { period: '2025', old: null, new: { period: '2025', value: 3.6 } },
    ]);
  });

  it('puts the values beside the fields of an indicator that also changed otherwise', () => {
    const before = example();
    const after = example();
    after.nodes.find((n) => n.id === 'K6')!.title = 'Unge på sosialhjelp';
    after.nodes.find((n) => n.id === 'K6')!.series = [{ period: '2025', value: 3.6 }];
    const k6 = changeEntries(diffBoards(before, after), after).filter((e) => e.id === 'K6');
    expect(k6).toHaveLength(1);
    expect(k6[0]!.fields.map((f) => f.field)).toEqual(['title']);
    expect(k6[0]!.values).toEqual([{ period: '2025', old: null, new: { period: '2025', value: 3.6 } }]);
  });
});

describe('formatFieldValue', () => {
  const pick = (l: { nb: string }) => l.nb;
  it('shows vocabulary values by their label, numbers with their year, and none as a dash', () => {
    expect(formatFieldValue('owner', 'kommune', pick)).toBe('Kommune');
    expect(formatFieldValue('target', { value: 80, year: 2030 }, pick)).toBe('80 (2030)');
    expect(formatFieldValue('period', { from: 2024, to: 2027 }, pick)).toBe('2024–2027');
    expect(formatFieldValue('sdg', ['8', '8.5'], pick)).toBe('8, 8.5');
    expect(formatFieldValue('level', null, pick)).toBe('–');
    expect(formatFieldValue('title', 'x'.repeat(200), pick)).toHaveLength(121);
  });
});
