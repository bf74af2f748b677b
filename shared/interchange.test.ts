import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps } from './boardDoc';
import { applyBoardJson, toBoardJson } from './interchange/boardJson';
import { formatPath, parseBoardJson, parseBoardJsonText, type ImportError, type ParseResult } from './interchange/parseBoardJson';
import { LIMITS } from './fieldSchemas';
import { createNode, link, setMeta, updateNode } from './operations';
import type { BoardJson } from './interchange/schema';

const EXAMPLE_TEXT = readFileSync(new URL('./examples/lier.json', import.meta.url), 'utf8');
const example = (): any => JSON.parse(EXAMPLE_TEXT);

function parsed(value: unknown): BoardJson {
  const r = parseBoardJson(value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.board;
}
function errorsOf(r: ParseResult): ImportError[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function undoManager(doc: Y.Doc, origin: unknown) {
  const m = boardMaps(doc);
  return new Y.UndoManager([m.meta, m.nodes, m.layout, m.edges], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
}

describe('the example board round-trips', () => {
  it('parse → apply → toBoardJson → parse → apply into a fresh doc → equal', () => {
    const raw = example();
    const first = new Y.Doc();
    applyBoardJson(first, parsed(raw), 'import');
    const out = toBoardJson(first);
    // Nothing lost or changed against the file (the export lists by id).
    expect(out).toEqual({ ...raw, nodes: byId(raw.nodes), edges: byId(raw.edges) });
    expect(out.nodes).toHaveLength(raw.nodes.length);
    expect(out.edges).toHaveLength(raw.edges.length);

    const text = JSON.stringify(out);
    const again = parseBoardJsonText(text);
    expect(again.ok).toBe(true);
    const second = new Y.Doc();
    applyBoardJson(second, (again as { board: BoardJson }).board, 'import');
    expect(toBoardJson(second)).toEqual(out);
    expect(JSON.stringify(toBoardJson(second))).toBe(text);
  });

  it('a description and a position left out of the file read as empty and 0,0', () => {
    const raw = example();
    delete raw.nodes[0].description;
    delete raw.nodes[0].position;
    const board = parsed(raw);
    expect(board.nodes[0]).toMatchObject({ description: '', position: { x: 0, y: 0 } });
  });

  it('descriptions are stored as Y.Text so later typing merges', () => {
    const raw = example();
    raw.nodes[1].description = 'Tekst';
    const doc = new Y.Doc();
    applyBoardJson(doc, parsed(raw), 'import');
    const y = boardMaps(doc).nodes.get(raw.nodes[1].id)!.get('description');
    expect(y).toBeInstanceOf(Y.Text);
    expect(String(y)).toBe('Tekst');
  });
});

describe('applyBoardJson onto a board that holds other content', () => {
  function oldBoard(): Y.Doc {
    const doc = new Y.Doc();
    setMeta(doc, { title: 'Gammel tavle', municipality: 'Drammen' }, 'old');
    // N1 and N2 share ids with the example but hold other content; old1 and old2 do not exist there.
    createNode(doc, { id: 'N1', kind: 'goal', tier: 'kommuneplan', title: 'Gammel N1', level: 'delmål', position: { x: 9, y: 9, width: 50 } }, 'old');
    createNode(doc, { id: 'N2', kind: 'goal', tier: 'national', owner: 'stat', title: 'Gammel N2', description: 'Gammel tekst' }, 'old');
    createNode(doc, { id: 'old1', kind: 'goal', tier: 'nav_local', title: 'Bare gammel' }, 'old');
    createNode(doc, { id: 'old2', kind: 'indicator', tier: 'nav_local', title: 'Gammel indikator' }, 'old');
    link(doc, { id: 'e1', kind: 'measuredBy', source: 'old1', target: 'old2' }, 'old');
    link(doc, { id: 'olde', kind: 'contributesTo', source: 'N1', target: 'N2' }, 'old');
    return doc;
  }

  it('leaves exactly the new content, in one transaction', () => {
    const doc = oldBoard();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const board = parsed(example());
    applyBoardJson(doc, board, 'restore');
    expect(origins).toEqual(['restore']);
    const fresh = new Y.Doc();
    applyBoardJson(fresh, board, 'import');
    expect(toBoardJson(doc)).toEqual(toBoardJson(fresh));
    const maps = boardMaps(doc);
    expect([...maps.layout.keys()].sort()).toEqual(board.nodes.map((n) => n.id).sort());
    expect(maps.nodes.get('N1')!.has('level')).toBe(false);
    expect(maps.meta.get('municipality')).toBe('Lier');
  });

  it('one undo brings the old board back exactly', () => {
    const doc = oldBoard();
    const before = toBoardJson(doc);
    const um = undoManager(doc, 'restore');
    applyBoardJson(doc, parsed(example()), 'restore');
    expect(toBoardJson(doc)).not.toEqual(before);
    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(toBoardJson(doc)).toEqual(before);
  });

  it('touches only what differs', () => {
    const doc = new Y.Doc();
    const board = parsed(example());
    applyBoardJson(doc, board, 'import');
    const sv = Y.encodeStateVector(doc);
    const text = boardMaps(doc).nodes.get('N2')!.get('description');
    applyBoardJson(doc, parsed(example()), 'import');
    expect(Y.encodeStateVector(doc)).toEqual(sv);

    const changed = example();
    const n2 = changed.nodes.find((n: { id: string }) => n.id === 'N2');
    n2.title = 'Ny tittel';
    const events: { path: (string | number)[]; keys: string[] }[] = [];
    boardMaps(doc).nodes.observeDeep((evs) => {
      for (const ev of evs) events.push({ path: ev.path, keys: [...ev.keys.keys()] });
    });
    let otherMaps = 0;
    for (const m of ['meta', 'layout', 'edges'] as const) boardMaps(doc)[m].observeDeep(() => otherMaps++);
    applyBoardJson(doc, parsed(changed), 'import');
    // The title is a Y.Text: a changed title is an edit of its characters, not a new value.
    expect(events).toEqual([{ path: ['N2', 'title'], keys: [] }]);
    expect(otherMaps).toBe(0);
    expect(boardMaps(doc).nodes.get('N2')!.get('description')).toBe(text);
  });

  it('a restore merges with what another person typed meanwhile in a kept description', () => {
    const raw = example();
    raw.nodes[1].description = 'Flere i arbeid.';
    const doc = new Y.Doc();
    applyBoardJson(doc, parsed(raw), 'import');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    updateNode(other, raw.nodes[1].id, { description: 'Flere i arbeid og utdanning.' }, 'them');
    raw.nodes[1].description = 'Mange flere i arbeid.';
    applyBoardJson(doc, parsed(raw), 'restore');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(toBoardJson(doc).nodes.find((n) => n.id === raw.nodes[1].id)!.description).toBe('Mange flere i arbeid og utdanning.');
  });
});

describe('bad files get path-precise messages', () => {
  const paths = (errors: ImportError[]) => errors.map((e) => e.path);

  it('a wrong type', () => {
    const raw = example();
    raw.nodes[2].title = 42;
    const errors = errorsOf(parseBoardJson(raw));
    expect(paths(errors)).toEqual(['nodes[2].title']);
    expect(errors[0]!.message).toMatch(/string/i);
  });

  it('wrong types deep inside a value', () => {
    const raw = example();
    raw.nodes[4].baseline.year = '2024';
    raw.edges[27].severity = 'extreme';
    expect(paths(errorsOf(parseBoardJson(raw))).sort()).toEqual(['edges[27].severity', 'nodes[4].baseline.year']);
  });

  it('an unknown node kind', () => {
    const raw = example();
    raw.nodes[3].kind = 'wish';
    const errors = errorsOf(parseBoardJson(raw));
    expect(paths(errors)).toEqual(['nodes[3].kind']);
  });

  it('an unknown edge kind', () => {
    const raw = example();
    raw.edges[5].kind = 'dependsOn';
    expect(paths(errorsOf(parseBoardJson(raw)))).toEqual(['edges[5].kind']);
  });

  it('an unknown field, on a node, an edge and the file', () => {
    const raw = example();
    raw.nodes[1].colour = 'red';
    raw.edges[0].weight = 2;
    raw.extra = true;
    const errors = errorsOf(parseBoardJson(raw));
    expect(errors).toHaveLength(3);
    const at = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(at['nodes[1]']).toBe('unknown field "colour"');
    expect(at['edges[0]']).toBe('unknown field "weight"');
    expect(at['(root)']).toBe('unknown field "extra"');
  });

  it('duplicate node ids', () => {
    const raw = example();
    raw.nodes[5].id = raw.nodes[1].id;
    // edges to the lost id would dangle: point them at the first holder to isolate the error.
    for (const e of raw.edges) for (const end of ['source', 'target']) if (e[end] === 'N6') e[end] = raw.nodes[1].id;
    const errors = errorsOf(parseBoardJson(raw));
    expect(paths(errors)).toEqual(['nodes[5].id']);
    expect(errors[0]!.message).toContain(`"${raw.nodes[1].id}"`);
    expect(errors[0]!.message).toContain('nodes[1]');
  });

  it('duplicate edge ids', () => {
    const raw = example();
    raw.edges[3].id = raw.edges[0].id;
    const errors = errorsOf(parseBoardJson(raw));
    expect(paths(errors)).toEqual(['edges[3].id']);
    expect(errors[0]!.message).toContain('edges[0]');
  });

  it('edges to missing nodes', () => {
    const raw = example();
    raw.edges[0].target = 'nowhere';
    raw.edges[2].source = 'nobody';
    const errors = errorsOf(parseBoardJson(raw));
    expect(paths(errors)).toEqual(['edges[0].target', 'edges[2].source']);
    expect(errors[0]!.message).toContain('"nowhere"');
  });

  it('a wrong format or version, or no object at all', () => {
    expect(paths(errorsOf(parseBoardJson({ ...example(), format: 'miro.board' })))).toEqual(['format']);
    expect(paths(errorsOf(parseBoardJson({ ...example(), version: 2 })))).toEqual(['version']);
    expect(paths(errorsOf(parseBoardJson([])))).toEqual(['(root)']);
    expect(paths(errorsOf(parseBoardJson(null)))).toEqual(['(root)']);
  });

  it('a missing required field', () => {
    const raw = example();
    delete raw.nodes[7].tier;
    delete raw.meta.title;
    expect(paths(errorsOf(parseBoardJson(raw))).sort()).toEqual(['meta.title', 'nodes[7].tier']);
  });

  it('invalid JSON text', () => {
    const errors = errorsOf(parseBoardJsonText(EXAMPLE_TEXT.slice(0, 200)));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('(root)');
    expect(errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('a file over the size bound is refused before it is parsed', () => {
    const errors = errorsOf(parseBoardJsonText('x'.repeat(LIMITS.maxFileBytes + 1)));
    expect(errors).toEqual([{ path: '(root)', message: expect.stringContaining(String(LIMITS.maxFileBytes)) }]);
    expect(errors[0]!.message).toContain(String(LIMITS.maxFileBytes + 1));
  });

  it('the bound counts UTF-8 bytes, not characters', () => {
    // 'ø' is two bytes in UTF-8: fewer characters than the bound, more bytes.
    const text = 'ø'.repeat(LIMITS.maxFileBytes / 2 + 1);
    expect(text.length).toBeLessThan(LIMITS.maxFileBytes);
    const errors = errorsOf(parseBoardJsonText(text));
    expect(errors[0]!.message).toContain(String(LIMITS.maxFileBytes + 2));
  });

  it('a file of exactly the bound is accepted', () => {
    const text = EXAMPLE_TEXT + ' '.repeat(LIMITS.maxFileBytes - new TextEncoder().encode(EXAMPLE_TEXT).length);
    expect(new TextEncoder().encode(text).length).toBe(LIMITS.maxFileBytes);
    expect(parseBoardJsonText(text).ok).toBe(true);
  });

  it('many errors are capped so a hostile file cannot flood the answer', () => {
    const raw = example();
    raw.nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, kind: 'nope', tier: 'national', owner: 'stat', title: 't' }));
    raw.edges = [];
    const errors = errorsOf(parseBoardJson(raw));
    expect(errors).toHaveLength(100);
    expect(errors[99]!.path).toBe('nodes[99].kind');
  });
});

describe('formatPath', () => {
  it('writes property names with dots and indexes in brackets', () => {
    expect(formatPath(['nodes', 2, 'baseline', 'year'])).toBe('nodes[2].baseline.year');
    expect(formatPath(['meta'])).toBe('meta');
    expect(formatPath([])).toBe('(root)');
  });
});
