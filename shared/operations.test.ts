import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { boardMaps } from './boardDoc';
import { toBoardJson } from './interchange/boardJson';
import {
  createNode, deleteNode, deleteNodes, link, moveNodes, setMeta, unlink, updateEdge, updateNode,
  type OpRefusalCode, type OpResult,
} from './operations';
import { LANGS } from './vocabulary';
import { bandTop, CARD_HEIGHT_ESTIMATE, tierOfCardAt } from './bands';
import type { BoardJson } from './interchange/schema';

const ME = { user: 'me' };
const OTHER = { user: 'someone else' };

/** Origins of every transaction `act` runs. */
function transactionsOf(doc: Y.Doc, act: () => void): unknown[] {
  const origins: unknown[] = [];
  const listen = (tr: Y.Transaction) => origins.push(tr.origin);
  doc.on('afterTransaction', listen);
  try {
    act();
  } finally {
    doc.off('afterTransaction', listen);
  }
  return origins;
}

function undoManager(doc: Y.Doc, origin: unknown = ME): Y.UndoManager {
  const m = boardMaps(doc);
  // captureTimeout 0: two transactions never merge into one undo step, so one step proves one transaction.
  return new Y.UndoManager([m.meta, m.nodes, m.layout, m.edges], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
}

const withoutNode = (b: BoardJson, id: string): BoardJson => ({ ...b, nodes: b.nodes.filter((n) => n.id !== id) });

/**
 * Runs `act` (one operation with origin ME) and proves it is exactly one transaction with that
 * origin, that one undo reverts all of it, and that the undo leaves a later change by another
 * origin alone. Leaves the document as `act` made it (redone).
 */
function expectOneUndoableStep<T>(doc: Y.Doc, act: () => T): T {
  const before = toBoardJson(doc);
  const um = undoManager(doc);
  let result!: T;
  expect(transactionsOf(doc, () => (result = act()))).toEqual([ME]);
  const after = toBoardJson(doc);
  expect(after).not.toEqual(before);
  expect(um.undoStack).toHaveLength(1);

  const other = createNode(doc, { id: 'by-other', kind: 'goal', tier: 'national', title: 'Not mine' }, OTHER);
  expect(other.ok).toBe(true);
  expect(um.undoStack).toHaveLength(1);

  um.undo();
  const undone = toBoardJson(doc);
  expect(undone.nodes.some((n) => n.id === 'by-other')).toBe(true);
  expect(withoutNode(undone, 'by-other')).toEqual(before);
  expect(um.undoStack).toHaveLength(0);

  um.redo();
  deleteNode(doc, 'by-other', OTHER);
  expect(toBoardJson(doc)).toEqual(after);
  um.destroy();
  return result;
}

/** A refused operation answers with the code, in every language, and leaves the document untouched. */
function expectRefused(doc: Y.Doc, act: () => OpResult<object>, code: OpRefusalCode, field?: string) {
  const sv = Y.encodeStateVector(doc);
  const before = toBoardJson(doc);
  let r!: OpResult<object>;
  expect(transactionsOf(doc, () => (r = act()))).toEqual([]);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  if (field !== undefined) expect(r.field).toBe(field);
  for (const lang of LANGS) expect(r.message[lang].trim()).not.toBe('');
  expect(Y.encodeStateVector(doc)).toEqual(sv);
  expect(toBoardJson(doc)).toEqual(before);
}

function ok<T extends object>(r: OpResult<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message.en}`);
  return r;
}

let doc: Y.Doc;
beforeEach(() => {
  doc = new Y.Doc();
});

/** A small board: a national directive and goal, a municipal goal, a local goal, an indicator. */
function seed() {
  ok(createNode(doc, { id: 'dir', kind: 'directive', tier: 'national', title: 'Føring' }, 'seed'));
  ok(createNode(doc, { id: 'nat', kind: 'goal', tier: 'national', owner: 'stat', title: 'Nasjonalt mål' }, 'seed'));
  ok(createNode(doc, { id: 'kom', kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'Kommunalt mål' }, 'seed'));
  ok(createNode(doc, { id: 'loc', kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'Lokalt mål', position: { x: 10, y: 20 } }, 'seed'));
  ok(createNode(doc, { id: 'ind', kind: 'indicator', tier: 'nav_local', title: 'Indikator' }, 'seed'));
}

describe('createNode', () => {
  it('adds a card with its layout in one undoable transaction, filling the defaults', () => {
    const r = expectOneUndoableStep(doc, () =>
      createNode(doc, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Mål', position: { x: 5, y: 6 } }, ME),
    );
    expect(r).toEqual({ ok: true, id: 'g1' });
    const maps = boardMaps(doc);
    const y = maps.nodes.get('g1')!;
    // goal's usual owner is felles (docs/domain.md: a local NAV goal is usually owned felles).
    expect(y.get('owner')).toBe('felles');
    expect(y.get('title')).toBeInstanceOf(Y.Text);
    expect(String(y.get('title'))).toBe('Mål');
    expect(y.get('description')).toBeInstanceOf(Y.Text);
    expect(String(y.get('description'))).toBe('');
    expect(y.has('position')).toBe(false);
    expect(maps.layout.get('g1')).toEqual({ x: 5, y: 6 });
  });

  it('gives a directive the state as owner, an empty title and position 0,0 when nothing else is said', () => {
    const r = ok(createNode(doc, { kind: 'directive', tier: 'national' }, ME));
    const node = toBoardJson(doc).nodes.find((n) => n.id === r.id)!;
    expect(node).toEqual({ id: r.id, kind: 'directive', tier: 'national', owner: 'stat', title: '', description: '', position: { x: 0, y: 0 } });
  });

  it('generates distinct ids the interchange file accepts', () => {
    const a = ok(createNode(doc, { kind: 'goal', tier: 'national' }, ME)).id;
    const b = ok(createNode(doc, { kind: 'goal', tier: 'national' }, ME)).id;
    expect(a).not.toBe(b);
    for (const id of [a, b]) expect(id).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
  });

  it('keeps every field docs/domain.md lists, including the indicator fields', () => {
    const r = ok(
      createNode(doc, {
        id: 'i1', kind: 'indicator', tier: 'nav_local', owner: 'kommune', title: 'Andel', description: 'Tekst',
        unit: '%', direction: 'lower', baseline: { value: 4.1, year: 2023 }, target: { value: 3, year: 2028 },
        latest: { value: 3.9, year: 2024 }, dataSource: 'KOSTRA', sdg: ['8', '8.5', '1.a'], period: { from: 2024, to: 2028 },
        planRef: 'KPS', source: { doc: 'Doc', section: '2', url: 'https://example.org' }, responsible: 'NAV', status: 'utkast', progress: 'pågår',
      }, ME),
    );
    const node = toBoardJson(doc).nodes.find((n) => n.id === r.id)!;
    expect(node.baseline).toEqual({ value: 4.1, year: 2023 });
    expect(node.sdg).toEqual(['8', '8.5', '1.a']);
    expect(node.progress).toBe('pågår');
    expect(node.description).toBe('Tekst');
  });

  it('refuses invalid values, naming the field', () => {
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'regional' as never }, ME), 'invalid_field', 'tier');
    expectRefused(doc, () => createNode(doc, { kind: 'widget' as never, tier: 'national' }, ME), 'invalid_field');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', sdg: ['18'] }, ME), 'invalid_field', 'sdg');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', period: { from: 2030, to: 2020 } }, ME), 'invalid_field', 'period');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', title: 'x'.repeat(501) }, ME), 'invalid_field', 'title');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', colour: 'red' } as never, ME), 'invalid_field', 'colour');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', position: { x: Number.NaN, y: 0 } }, ME), 'invalid_field', 'position');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', position: { x: 0, y: Infinity } }, ME), 'invalid_field', 'position');
  });

  it('refuses a card without its required fields (a caller without types)', () => {
    expectRefused(doc, () => createNode(doc, { kind: 'goal' } as never, ME), 'invalid_field', 'tier');
    expectRefused(doc, () => createNode(doc, { kind: 'goal', tier: 'national', title: null } as never, ME), 'invalid_field', 'title');
  });

  it('refuses an id already on the board instead of replacing that card', () => {
    seed();
    ok(link(doc, { kind: 'measuredBy', source: 'loc', target: 'ind' }, ME));
    expectRefused(doc, () => createNode(doc, { id: 'ind', kind: 'note', tier: 'nav_local', title: 'Lapp' }, ME), 'invalid_field', 'id');
    expect(boardMaps(doc).nodes.get('ind')!.get('kind')).toBe('indicator');
  });

  it('refuses an id the interchange file would not accept', () => {
    expectRefused(doc, () => createNode(doc, { id: 'has space', kind: 'goal', tier: 'national' }, ME), 'invalid_field', 'id');
    expectRefused(doc, () => createNode(doc, { id: '', kind: 'goal', tier: 'national' }, ME), 'invalid_field', 'id');
    expectRefused(doc, () => createNode(doc, { id: 'x'.repeat(65), kind: 'goal', tier: 'national' }, ME), 'invalid_field', 'id');
  });
});

describe('updateNode', () => {
  beforeEach(seed);

  it('changes fields in one undoable transaction', () => {
    expectOneUndoableStep(doc, () => updateNode(doc, 'kom', { title: 'Nytt navn', level: 'hovedmål', sdg: ['4.3'], status: 'vedtatt' }, ME));
    const n = toBoardJson(doc).nodes.find((x) => x.id === 'kom')!;
    expect(n).toMatchObject({ title: 'Nytt navn', level: 'hovedmål', sdg: ['4.3'], status: 'vedtatt' });
  });

  it('null clears an optional field', () => {
    ok(updateNode(doc, 'kom', { level: 'delmål', planRef: 'KPS', baseline: { value: 1, year: 2020 } }, ME));
    expectOneUndoableStep(doc, () => updateNode(doc, 'kom', { level: null, planRef: null, baseline: null }, ME));
    const y = boardMaps(doc).nodes.get('kom')!;
    expect(y.has('level')).toBe(false);
    expect(y.has('planRef')).toBe(false);
    expect(y.has('baseline')).toBe(false);
    expect(toBoardJson(doc).nodes.find((x) => x.id === 'kom')).not.toHaveProperty('level');
  });

  it('null clears the description to an empty text', () => {
    ok(updateNode(doc, 'kom', { description: 'Noe' }, ME));
    ok(updateNode(doc, 'kom', { description: null }, ME));
    expect(String(boardMaps(doc).nodes.get('kom')!.get('description'))).toBe('');
  });

  it('refuses null for a required field', () => {
    for (const f of ['kind', 'tier', 'owner', 'title'] as const) {
      expectRefused(doc, () => updateNode(doc, 'kom', { [f]: null }, ME), 'invalid_field', f);
    }
  });

  it('refuses unknown cards, unknown fields and invalid values', () => {
    expectRefused(doc, () => updateNode(doc, 'nope', { title: 'x' }, ME), 'not_found');
    expectRefused(doc, () => updateNode(doc, 'kom', { colour: 'red' } as never, ME), 'invalid_field', 'colour');
    expectRefused(doc, () => updateNode(doc, 'kom', { status: 'godkjent' } as never, ME), 'invalid_field', 'status');
    expectRefused(doc, () => updateNode(doc, 'kom', { target: { value: 1, year: 1800 } }, ME), 'invalid_field', 'target');
  });

  describe('description is a Y.Text changed by a diff', () => {
    it('edits only the changed span', () => {
      ok(updateNode(doc, 'kom', { description: 'Hello world' }, ME));
      const text = boardMaps(doc).nodes.get('kom')!.get('description') as Y.Text;
      const deltas: unknown[] = [];
      text.observe((ev) => deltas.push(ev.delta));
      ok(updateNode(doc, 'kom', { description: 'Hello brave world' }, ME));
      ok(updateNode(doc, 'kom', { description: 'Hello world' }, ME));
      ok(updateNode(doc, 'kom', { description: 'Hallo world!' }, ME));
      expect(deltas).toHaveLength(3);
      expect(deltas[0]).toEqual([{ retain: 6 }, { insert: 'brave ' }]);
      expect(deltas[1]).toEqual([{ retain: 6 }, { delete: 6 }]);
      // "Hello world" → "Hallo world!": common prefix "H", no common suffix, so one span from 1 to the end.
      expect(deltas[2]).toHaveLength(3);
      expect(deltas[2]).toEqual(expect.arrayContaining([{ retain: 1 }, { delete: 10 }, { insert: 'allo world!' }]));
      // The same Y.Text object stays in place (no replacement that would drop a concurrent edit).
      expect(boardMaps(doc).nodes.get('kom')!.get('description')).toBe(text);
    });

    it('two people typing in different places of one description both keep their words', () => {
      ok(updateNode(doc, 'kom', { description: 'Flere i arbeid.' }, ME));
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      ok(updateNode(doc, 'kom', { description: 'Mange flere i arbeid.' }, ME));
      ok(updateNode(other, 'kom', { description: 'Flere i arbeid og utdanning.' }, OTHER));
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
      const merged = toBoardJson(doc).nodes.find((n) => n.id === 'kom')!.description;
      expect(merged).toBe('Mange flere i arbeid og utdanning.');
      expect(toBoardJson(other)).toEqual(toBoardJson(doc));
    });

    it('undo of a description edit restores the old text', () => {
      ok(updateNode(doc, 'kom', { description: 'Før' }, 'seed'));
      expectOneUndoableStep(doc, () => updateNode(doc, 'kom', { description: 'Etter' }, ME));
      expect(toBoardJson(doc).nodes.find((n) => n.id === 'kom')!.description).toBe('Etter');
      const um = undoManager(doc);
      ok(updateNode(doc, 'kom', { description: 'Etter alt' }, ME));
      um.undo();
      expect(toBoardJson(doc).nodes.find((n) => n.id === 'kom')!.description).toBe('Etter');
    });
  });

  describe('a change of kind or owner that breaks a link is refused', () => {
    it('turning a linked card into a note', () => {
      ok(link(doc, { kind: 'measuredBy', source: 'loc', target: 'ind' }, ME));
      expectRefused(doc, () => updateNode(doc, 'loc', { kind: 'note' }, ME), 'kind_breaks_links');
      expectRefused(doc, () => updateNode(doc, 'ind', { kind: 'note' }, ME), 'kind_breaks_links');
    });
    it('a kind the link does not allow, at either end', () => {
      ok(link(doc, { id: 'p', kind: 'partOf', source: 'loc', target: 'kom' }, ME));
      expectRefused(doc, () => updateNode(doc, 'loc', { kind: 'measure' }, ME), 'kind_breaks_links');
      expectRefused(doc, () => updateNode(doc, 'kom', { kind: 'strategy' }, ME), 'kind_breaks_links');
      // partOf may start at a strategy and end at a focus area: those changes fit.
      ok(updateNode(doc, 'loc', { kind: 'strategy' }, ME));
      ok(updateNode(doc, 'kom', { kind: 'focus' }, ME));
    });
    it('an owner change that breaks the operationalises owner rule', () => {
      ok(link(doc, { kind: 'operationalises', source: 'loc', target: 'nat' }, ME));
      expectRefused(doc, () => updateNode(doc, 'loc', { owner: 'stat' }, ME), 'kind_breaks_links');
      expectRefused(doc, () => updateNode(doc, 'nat', { owner: 'felles', kind: 'note' }, ME), 'kind_breaks_links');
      ok(updateNode(doc, 'loc', { owner: 'kommune' }, ME));
      // stat → kommune: now the target cannot become kommune too.
      expectRefused(doc, () => updateNode(doc, 'nat', { owner: 'kommune' }, ME), 'kind_breaks_links');
    });
    it('an unlinked card may become anything', () => {
      expectOneUndoableStep(doc, () => updateNode(doc, 'kom', { kind: 'note' }, ME));
      expect(boardMaps(doc).nodes.get('kom')!.get('kind')).toBe('note');
    });
  });
});

describe('deleteNode and deleteNodes', () => {
  beforeEach(() => {
    seed();
    ok(link(doc, { id: 'e-in', kind: 'operationalises', source: 'loc', target: 'kom' }, 'seed'));
    ok(link(doc, { id: 'e-out', kind: 'measuredBy', source: 'kom', target: 'ind' }, 'seed'));
    ok(link(doc, { id: 'e-keep', kind: 'operationalises', source: 'loc', target: 'nat' }, 'seed'));
    ok(updateNode(doc, 'kom', { description: 'Beskrivelse', level: 'hovedmål' }, 'seed'));
  });

  it('removes the card, every link in and out of it and its layout, in one undoable transaction', () => {
    expectOneUndoableStep(doc, () => deleteNode(doc, 'kom', ME));
    const maps = boardMaps(doc);
    expect(maps.nodes.has('kom')).toBe(false);
    expect(maps.layout.has('kom')).toBe(false);
    expect([...maps.edges.keys()].sort()).toEqual(['e-keep']);
    expect(maps.nodes.size).toBe(4);
  });

  it('undo brings the card back whole: fields, description, links and position', () => {
    const before = toBoardJson(doc);
    const um = undoManager(doc);
    deleteNode(doc, 'kom', ME);
    um.undo();
    expect(toBoardJson(doc)).toEqual(before);
    expect(boardMaps(doc).nodes.get('kom')!.get('description')).toBeInstanceOf(Y.Text);
  });

  it('deletes several cards together, and ignores ids not on the board', () => {
    expectOneUndoableStep(doc, () => deleteNodes(doc, ['kom', 'loc', 'gone'], ME));
    const b = toBoardJson(doc);
    expect(b.nodes.map((n) => n.id).sort()).toEqual(['dir', 'ind', 'nat']);
    expect(b.edges).toEqual([]);
    expect([...boardMaps(doc).layout.keys()].sort()).toEqual(['dir', 'ind', 'nat']);
  });
});

describe('link', () => {
  beforeEach(seed);

  it('adds a link in one undoable transaction', () => {
    const r = expectOneUndoableStep(doc, () => link(doc, { id: 'l1', kind: 'operationalises', source: 'loc', target: 'nat' }, ME));
    expect(r).toEqual({ ok: true, id: 'l1' });
    expect(toBoardJson(doc).edges).toEqual([{ id: 'l1', kind: 'operationalises', source: 'loc', target: 'nat' }]);
  });

  it('a conflict carries its note, severity and resolution', () => {
    const r = ok(link(doc, { kind: 'conflictsWith', source: 'kom', target: 'nat', note: 'Hvorfor', severity: 'high', resolution: 'Avklares' }, ME));
    expect(toBoardJson(doc).edges.find((e) => e.id === r.id)).toEqual({
      id: r.id, kind: 'conflictsWith', source: 'kom', target: 'nat', note: 'Hvorfor', severity: 'high', resolution: 'Avklares',
    });
  });

  it('refuses what the rules refuse, passing the rule code on', () => {
    expectRefused(doc, () => link(doc, { kind: 'measuredBy', source: 'ind', target: 'loc' }, ME), 'source_kind_not_allowed');
    expectRefused(doc, () => link(doc, { kind: 'operationalises', source: 'nat', target: 'dir' }, ME), 'owner_rule');
    expectRefused(doc, () => link(doc, { kind: 'partOf', source: 'kom', target: 'kom' }, ME), 'self_link');
    expectRefused(doc, () => link(doc, { kind: 'partOf', source: 'kom', target: 'gone' }, ME), 'unknown_node');
    expectRefused(doc, () => link(doc, { kind: 'dependsOn' as never, source: 'kom', target: 'nat' }, ME), 'unknown_edge_kind');
    ok(link(doc, { kind: 'partOf', source: 'loc', target: 'kom' }, ME));
    expectRefused(doc, () => link(doc, { kind: 'partOf', source: 'loc', target: 'nat' }, ME), 'second_parent');
    expectRefused(doc, () => link(doc, { kind: 'partOf', source: 'loc', target: 'kom' }, ME), 'duplicate');
    expectRefused(doc, () => link(doc, { kind: 'contributesTo', source: 'kom', target: 'loc' }, ME), 'cycle');
    ok(createNode(doc, { id: 'note', kind: 'note', tier: 'nav_local', title: 'Lapp' }, ME));
    expectRefused(doc, () => link(doc, { kind: 'contributesTo', source: 'note', target: 'kom' }, ME), 'note_not_linkable');
  });

  it('refuses a note, severity or resolution on anything but a conflict', () => {
    expectRefused(doc, () => link(doc, { kind: 'contributesTo', source: 'loc', target: 'kom', note: 'x' }, ME), 'invalid_field', 'note');
    expectRefused(doc, () => link(doc, { kind: 'contributesTo', source: 'loc', target: 'kom', severity: 'low' }, ME), 'invalid_field');
  });

  it('refuses invalid conflict fields and unknown fields', () => {
    expectRefused(doc, () => link(doc, { kind: 'conflictsWith', source: 'loc', target: 'kom', severity: 'extreme' as never }, ME), 'invalid_field', 'severity');
    expectRefused(doc, () => link(doc, { kind: 'contributesTo', source: 'loc', target: 'kom', weight: 2 } as never, ME), 'invalid_field', 'weight');
  });

  it('refuses an edge id already on the board instead of replacing that link', () => {
    ok(link(doc, { id: 'taken', kind: 'measuredBy', source: 'kom', target: 'ind' }, ME));
    expectRefused(doc, () => link(doc, { id: 'taken', kind: 'measuredBy', source: 'nat', target: 'ind' }, ME), 'invalid_field', 'id');
    expectRefused(doc, () => link(doc, { id: 'bad id', kind: 'measuredBy', source: 'nat', target: 'ind' }, ME), 'invalid_field', 'id');
  });
});

describe('unlink', () => {
  beforeEach(() => {
    seed();
    ok(link(doc, { id: 'a', kind: 'measuredBy', source: 'kom', target: 'ind' }, 'seed'));
    ok(link(doc, { id: 'b', kind: 'measuredBy', source: 'loc', target: 'ind' }, 'seed'));
    ok(link(doc, { id: 'c', kind: 'operationalises', source: 'loc', target: 'nat' }, 'seed'));
  });
  it('removes one link in one undoable transaction', () => {
    expectOneUndoableStep(doc, () => unlink(doc, 'a', ME));
    expect([...boardMaps(doc).edges.keys()].sort()).toEqual(['b', 'c']);
    expect(boardMaps(doc).nodes.size).toBe(5);
  });
  it('removes several links in one undoable transaction, ignoring unknown ids', () => {
    expectOneUndoableStep(doc, () => unlink(doc, ['a', 'c', 'nope'], ME));
    expect([...boardMaps(doc).edges.keys()]).toEqual(['b']);
  });
});

describe('updateEdge', () => {
  beforeEach(() => {
    seed();
    ok(link(doc, { id: 'x', kind: 'conflictsWith', source: 'kom', target: 'nat', note: 'Først', severity: 'low' }, 'seed'));
    ok(link(doc, { id: 'm', kind: 'measuredBy', source: 'kom', target: 'ind' }, 'seed'));
  });
  it('changes note, severity and resolution of a conflict in one undoable transaction', () => {
    expectOneUndoableStep(doc, () => updateEdge(doc, 'x', { note: 'Så', severity: 'high', resolution: 'Løst' }, ME));
    expect(toBoardJson(doc).edges.find((e) => e.id === 'x')).toEqual({
      id: 'x', kind: 'conflictsWith', source: 'kom', target: 'nat', note: 'Så', severity: 'high', resolution: 'Løst',
    });
  });
  it('null clears a field', () => {
    expectOneUndoableStep(doc, () => updateEdge(doc, 'x', { severity: null }, ME));
    expect(boardMaps(doc).edges.get('x')!.has('severity')).toBe(false);
    expect(boardMaps(doc).edges.get('x')!.get('note')).toBe('Først');
  });
  it('refuses a non-conflict, an unknown edge, kind or endpoint changes and invalid values', () => {
    expectRefused(doc, () => updateEdge(doc, 'm', { note: 'x' }, ME), 'invalid_field', 'note');
    expectRefused(doc, () => updateEdge(doc, 'nope', { note: 'x' }, ME), 'not_found');
    expectRefused(doc, () => updateEdge(doc, 'x', { kind: 'partOf' } as never, ME), 'invalid_field', 'kind');
    expectRefused(doc, () => updateEdge(doc, 'x', { target: 'loc' } as never, ME), 'invalid_field', 'target');
    expectRefused(doc, () => updateEdge(doc, 'x', { severity: 'extreme' } as never, ME), 'invalid_field', 'severity');
  });
});

describe('moveNodes', () => {
  beforeEach(seed);
  it('moves several cards in one undoable transaction, touching only the layout', () => {
    let contentChanged = 0;
    boardMaps(doc).nodes.observeDeep((_events, tr) => {
      if (tr.origin === ME) contentChanged++;
    });
    // Each stays in its own band (shared/bands.ts), so no tier changes.
    const r = expectOneUndoableStep(doc, () => moveNodes(doc, { kom: { x: 100, y: 500 }, loc: { x: -5, y: 907.5 } }, ME));
    expect(r).toEqual({ ok: true, retiered: [] });
    expect(contentChanged).toBe(0);
    expect(boardMaps(doc).layout.get('kom')).toEqual({ x: 100, y: 500 });
    expect(boardMaps(doc).layout.get('loc')).toEqual({ x: -5, y: 907.5 });
  });
  it('a move is not an edit of a goal: an undo manager of content never sees it', () => {
    const m = boardMaps(doc);
    const contentUndo = new Y.UndoManager([m.nodes, m.edges], { trackedOrigins: new Set([ME]), captureTimeout: 0 });
    ok(moveNodes(doc, { kom: { x: 1, y: 501 } }, ME));
    expect(contentUndo.undoStack).toHaveLength(0);
    ok(updateNode(doc, 'kom', { title: 'Endret' }, ME));
    expect(contentUndo.undoStack).toHaveLength(1);
  });
  it('keeps the size when only the place changes', () => {
    ok(moveNodes(doc, { kom: { x: 1, y: 502, width: 300, height: 120 } }, ME));
    ok(moveNodes(doc, { kom: { x: 3, y: 504 } }, ME));
    expect(boardMaps(doc).layout.get('kom')).toEqual({ x: 3, y: 504, width: 300, height: 120 });
  });
  it('refuses the whole move if one card is missing or one position is invalid', () => {
    expectRefused(doc, () => moveNodes(doc, { kom: { x: 1, y: 1 }, gone: { x: 2, y: 2 } }, ME), 'not_found');
    expectRefused(doc, () => moveNodes(doc, { kom: { x: 1, y: 1 }, loc: { x: Number.NaN, y: 2 } }, ME), 'invalid_field', 'position');
    expectRefused(doc, () => moveNodes(doc, { kom: { x: 1, y: 1, width: -3 } }, ME), 'invalid_field', 'position');
    expectRefused(doc, () => moveNodes(doc, { kom: { x: 1, y: 1, z: 3 } as never }, ME), 'invalid_field', 'position');
  });
});

describe('moveNodes: a card dropped in another band takes its tier', () => {
  beforeEach(seed);
  const tierOf = (d: Y.Doc, id: string) => boardMaps(d).nodes.get(id)!.get('tier');
  it('changes the tier with the move, in the same undo step, and says which cards it changed', () => {
    const r = expectOneUndoableStep(doc, () => moveNodes(doc, { kom: { x: 0, y: bandTop('nav_local') + 100 }, loc: { x: 0, y: bandTop('nav_local') + 300 } }, ME));
    expect(r).toEqual({ ok: true, retiered: ['kom'] });
    expect(tierOf(doc, 'kom')).toBe('nav_local');
    expect(tierOf(doc, 'loc')).toBe('nav_local');
  });
  it('goes by the card centre: its drawn height when given, else the estimate', () => {
    const y = bandTop('kommuneplan') - CARD_HEIGHT_ESTIMATE / 2 + 10; // the estimated centre is just inside kommuneplan
    ok(moveNodes(doc, { nat: { x: 0, y } }, ME));
    expect(tierOf(doc, 'nat')).toBe('kommuneplan');
    ok(moveNodes(doc, { nat: { x: 0, y } }, ME, { nat: 40 })); // a short card's centre is still national
    expect(tierOf(doc, 'nat')).toBe('national');
  });
  it('cards above the first band count as national, below the last as local', () => {
    ok(moveNodes(doc, { kom: { x: 0, y: -5000 }, dir: { x: 0, y: 50_000 } }, ME));
    expect(tierOf(doc, 'kom')).toBe('national');
    expect(tierOf(doc, 'dir')).toBe('nav_local');
  });
  it('two people dropping one card in different bands at once: every replica keeps a tier that matches its band', () => {
    for (let round = 0; round < 20; round++) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      ok(createNode(a, { id: 'g', kind: 'goal', tier: 'kommuneplan', title: 'Mål', position: { x: 0, y: 500 } }, 'seed'));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      ok(moveNodes(a, { g: { x: 0, y: bandTop('national') + 100 } }, 'a'));
      ok(moveNodes(b, { g: { x: 0, y: bandTop('nav_local') + 100 } }, 'b'));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      for (const d of [a, b]) expect(tierOf(d, 'g')).toBe(tierOfCardAt(boardMaps(d).layout.get('g')!.y));
      expect(boardMaps(a).layout.get('g')).toEqual(boardMaps(b).layout.get('g'));
    }
  });
});

describe('setMeta', () => {
  it('sets and clears board fields in one undoable transaction', () => {
    ok(setMeta(doc, { title: 'Tavle', municipality: 'Lier' }, 'seed'));
    expectOneUndoableStep(doc, () => setMeta(doc, { title: 'Ny', language: 'nn', period: { from: 2024, to: 2036 }, municipality: null }, ME));
    expect(toBoardJson(doc).meta).toEqual({ title: 'Ny', language: 'nn', period: { from: 2024, to: 2036 } });
  });
  it('refuses an empty title, unknown fields and invalid values', () => {
    ok(setMeta(doc, { title: 'Tavle' }, 'seed'));
    expectRefused(doc, () => setMeta(doc, { title: null }, ME), 'invalid_field', 'title');
    expectRefused(doc, () => setMeta(doc, { owner: 'x' } as never, ME), 'invalid_field', 'owner');
    expectRefused(doc, () => setMeta(doc, { language: 'en' } as never, ME), 'invalid_field', 'language');
    expectRefused(doc, () => setMeta(doc, { period: { from: 2040, to: 2030 } }, ME), 'invalid_field', 'period');
  });
});
