import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyBoardJson, parseBoardJson, toBoardJson, validateBoard } from './index';

describe('example board', () => {
  it('imports and exports equal', () => {
    const raw = JSON.parse(readFileSync(new URL('./examples/lier.json', import.meta.url), 'utf8'));
    const parsed = parseBoardJson(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const doc = new Y.Doc();
    applyBoardJson(doc, parsed.board, 'import');
    const out = toBoardJson(doc);
    expect(out.nodes).toHaveLength(27);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect({ ...out, nodes: out.nodes, edges: out.edges }).toEqual({ ...raw, nodes: [...raw.nodes].sort(byId), edges: [...raw.edges].sort(byId) });
    expect(validateBoard(doc)).toEqual([]);
  });
});
