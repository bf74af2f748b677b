import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyBoardJson, toBoardJson } from '../interchange/boardJson';
import { parseBoardJsonText } from '../interchange/parseBoardJson';
import { validateBoard } from '../validateBoard';
import { EXAMPLE_BOARD } from './index';

// shared/examples/lier.json is the project's own demo board and the source of truth for it
// (docs/domain.md describes the model it follows). It must stay a valid interchange v1 file that
// breaks none of the board's rules and survives a trip through a Y.Doc unchanged.
const FILE = new URL('./lier.json', import.meta.url);
const text = readFileSync(FILE, 'utf8');

/** The file with its cards and links in id order: the order of the arrays carries no meaning. */
function byId(board: unknown): unknown {
  const b = structuredClone(board) as { nodes: { id: string }[]; edges: { id: string }[] };
  const cmp = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  b.nodes.sort(cmp);
  b.edges.sort(cmp);
  return b;
}

describe('the example board (lier.json)', () => {
  it('imports: it parses as interchange v1 without errors', () => {
    const r = parseBoardJsonText(text);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(EXAMPLE_BOARD).toEqual(JSON.parse(text));
  });

  it('validates: a board built from it breaks none of the rules', () => {
    const r = parseBoardJsonText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const doc = new Y.Doc();
    applyBoardJson(doc, r.board, 'import');
    expect(validateBoard(doc)).toEqual([]);
    expect(r.board.nodes.length).toBeGreaterThan(20);
    expect(r.board.edges.length).toBeGreaterThan(20);
    doc.destroy();
  });

  it('round-trips: file → Y.Doc → file gives the same cards and links, and again through a second doc', () => {
    const r = parseBoardJsonText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const a = new Y.Doc();
    applyBoardJson(a, r.board, 'import');
    const out = toBoardJson(a);
    expect(byId(out)).toEqual(byId(JSON.parse(text)));
    const b = new Y.Doc();
    applyBoardJson(b, out, 'import');
    expect(JSON.stringify(toBoardJson(b))).toBe(JSON.stringify(out));
    a.destroy();
    b.destroy();
  });
});
