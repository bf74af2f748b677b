import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from './examples';
import { diffBoards } from './diffBoards';
import type { BoardJson } from './interchange/schema';
import { toBoardJson } from './interchange/boardJson';
import { moveNodes, updateNode } from './operations';
import { agree, withdrawAgreement } from './workshop/agreements';
import { KOMMUNE, ORIGIN, STAT, T2, lierWithWorkshop } from './workshop/testing';

const example = () => structuredClone(EXAMPLE_BOARD) as BoardJson;

describe('diffBoards', () => {
  it('finds nothing between a board and itself', () => {
    const d = diffBoards(example(), example());
    expect(d).toEqual({ meta: [], nodes: { added: [], removed: [], changed: [], moved: [] }, edges: { added: [], removed: [], changed: [] }, agreements: [], series: [] });
  });

  it('lists added, removed and changed cards and links with old and new values; a move is not a change', () => {
    const before = example();
    const after = example();
    after.nodes = after.nodes.filter((n) => n.id !== 'C2');
    after.edges = after.edges.filter((e) => e.target !== 'C2');
    after.nodes.push({ id: 'L9', kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'Nytt mål', description: '', position: { x: 5, y: 900 } });
    const k2 = after.nodes.find((n) => n.id === 'K2')!;
    k2.title = 'Alle unge fullfører videregående';
    k2.position = { x: 999, y: 420 };
    after.nodes.find((n) => n.id === 'K3')!.position = { x: 1, y: 1 };
    after.edges.find((e) => e.id === 'e28')!.note = 'Ny begrunnelse';
    after.meta.title = 'Lier 2025';

    const d = diffBoards(before, after);
    expect(d.nodes.added.map((n) => n.id)).toEqual(['L9']);
    expect(d.nodes.removed.map((n) => n.id)).toEqual(['C2']);
    expect(d.nodes.changed).toEqual([
      { id: 'K2', title: 'Alle unge fullfører videregående', changes: [{ field: 'title', old: 'Alle unge fullfører utdanning eller er i arbeid', new: 'Alle unge fullfører videregående' }] },
    ]);
    expect(d.nodes.moved.sort()).toEqual(['K2', 'K3']);
    expect(d.edges.removed.map((e) => e.id)).toEqual(['e27']);
    expect(d.edges.changed).toEqual([
      { id: 'e28', changes: [{ field: 'note', old: 'Raske jobbformidlinger mot KVP for dem som står langt fra arbeidslivet', new: 'Ny begrunnelse' }] },
    ]);
    expect(d.meta).toEqual([{ field: 'title', old: 'Lier: mål for arbeid og inkludering', new: 'Lier 2025' }]);
  });
});

describe('diffBoards and measured series', () => {
  const withSeries = (b: BoardJson, id: string, series: NonNullable<BoardJson['nodes'][number]['series']>) => {
    b.nodes.find((n) => n.id === id)!.series = series;
    return b;
  };

  it('lists per indicator the values added, changed and removed, by period; the card itself is not a field change', () => {
    const before = withSeries(example(), 'K6', [{ period: '2023', value: 4.1 }, { period: '2024', value: 3.9, source: 'KOSTRA' }]);
    withSeries(before, 'N5', [{ period: '2024', value: 70 }]);
    const after = withSeries(example(), 'K6', [{ period: '2024', value: 3.8, source: 'KOSTRA' }, { period: '2025', value: 3.6 }]);
    const d = diffBoards(before, after);
    expect(d.series).toEqual([
      {
        id: 'K6',
        title: 'Andel sosialhjelpsmottakere 18–24 år',
        added: [{ period: '2025', value: 3.6 }],
        changed: [{ period: '2024', old: { period: '2024', value: 3.9, source: 'KOSTRA' }, new: { period: '2024', value: 3.8, source: 'KOSTRA' } }],
        removed: [{ period: '2023', value: 4.1 }],
      },
      { id: 'N5', title: before.nodes.find((n) => n.id === 'N5')!.title, added: [], changed: [], removed: [{ period: '2024', value: 70 }] },
    ]);
    expect(d.nodes.changed).toEqual([]);
  });

  it('a source or comment that changes is a changed value; an added or removed indicator brings its series along unlisted', () => {
    const before = withSeries(example(), 'K6', [{ period: '2024', value: 3.9 }]);
    const after = withSeries(example(), 'K6', [{ period: '2024', value: 3.9, comment: 'revidert' }]);
    after.nodes.push({ id: 'I9', kind: 'indicator', tier: 'kommuneplan', owner: 'kommune', title: 'Ny', description: '', position: { x: 0, y: 0 }, series: [{ period: '2024', value: 1 }] });
    const d = diffBoards(before, after);
    expect(d.series.map((s) => [s.id, s.added.length, s.changed.map((c) => c.period), s.removed.length])).toEqual([['K6', 0, ['2024'], 0]]);
  });
});

describe('diffBoards and agreements', () => {
  it('reports per card and side what was agreed, withdrawn and cleared by an edit; a move changes nothing', () => {
    const doc = lierWithWorkshop();
    const before = toBoardJson(doc);
    updateNode(doc, 'K2', { title: 'Alle unge fullfører videregående' }, ORIGIN);
    withdrawAgreement(doc, { targetId: 'K3', side: 'stat' }, ORIGIN);
    agree(doc, { targetId: 'T1', side: 'stat', ...STAT, at: T2 }, ORIGIN);
    agree(doc, { targetId: 'L1', side: 'kommune', ...KOMMUNE, at: T2 }, ORIGIN);
    moveNodes(doc, { K4: { x: 1, y: 2 } }, ORIGIN);
    const d = diffBoards(before, toBoardJson(doc));
    doc.destroy();
    const summary = d.agreements.map((a) => [a.id, a.before, a.after, a.sides.map((s) => `${s.side}:${s.change}:${s.record.name}`)]);
    expect(summary).toEqual([
      ['K2', 'avtalt', 'open', [`stat:cleared:${STAT.name}`, `kommune:cleared:${KOMMUNE.name}`]],
      ['K3', 'stat', 'open', [`stat:withdrawn:${STAT.name}`]],
      ['L1', 'open', 'kommune', [`kommune:agreed:${KOMMUNE.name}`]],
      ['T1', 'kommune', 'avtalt', [`stat:agreed:${STAT.name}`]],
    ]);
    expect(d.agreements[3]!.sides[0]!.record).toMatchObject({ at: T2, side: 'stat' });
  });

  it('finds no agreement change between a workshop board and itself', () => {
    const doc = lierWithWorkshop();
    const b = toBoardJson(doc);
    doc.destroy();
    expect(diffBoards(b, structuredClone(b)).agreements).toEqual([]);
  });
});
