// Card titles as Y.Text: new cards hold one, older boards (a plain string) read the same
// everywhere, convert on first write or by migrateTexts, and export exactly as before.
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps, readGraph } from './boardDoc';
import { applyBoardJson, toBoardJson } from './interchange/boardJson';
import { parseBoardJson } from './interchange/parseBoardJson';
import { createNode, link, ruleViewOf, updateNode } from './operations';
import { hasPlainTexts, migrateTexts } from './migrateTexts';
import { diffBoards } from './diffBoards';
import { exportMarkdown } from './export/markdown';
import type { BoardJson } from './interchange/schema';

const EXAMPLE_TEXT = readFileSync(new URL('./examples/lier.json', import.meta.url), 'utf8');

function exampleDoc(): Y.Doc {
  const r = parseBoardJson(JSON.parse(EXAMPLE_TEXT));
  if (!r.ok) throw new Error('example does not parse');
  const doc = new Y.Doc();
  applyBoardJson(doc, r.board, 'import');
  return doc;
}

/** The example as an older server stored it: every title a plain string in the node's Y.Map. */
function oldStyleDoc(): Y.Doc {
  const doc = exampleDoc();
  doc.transact(() => {
    for (const y of boardMaps(doc).nodes.values()) y.set('title', String(y.get('title')));
  });
  return doc;
}

describe('card titles are Y.Text', () => {
  it('a new card and an imported one hold their title as a Y.Text', () => {
    const doc = new Y.Doc();
    createNode(doc, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Mål' }, 'me');
    const y = boardMaps(doc).nodes.get('g1')!;
    expect(y.get('title')).toBeInstanceOf(Y.Text);
    expect(String(y.get('title'))).toBe('Mål');
    for (const n of boardMaps(exampleDoc()).nodes.values()) expect(n.get('title')).toBeInstanceOf(Y.Text);
  });

  it('two people typing in one title at once both keep their words', () => {
    const a = new Y.Doc();
    createNode(a, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Flere i arbeid' }, 'a');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateNode(a, 'g1', { title: 'Flere unge i arbeid' }, 'a');
    updateNode(b, 'g1', { title: 'Flere i arbeid og utdanning' }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readGraph(a).nodes.get('g1')!.title).toBe('Flere unge i arbeid og utdanning');
    expect(readGraph(b).nodes.get('g1')!.title).toBe('Flere unge i arbeid og utdanning');
  });

  it('the example round-trips byte-identical, with titles as Y.Text', () => {
    const out = JSON.stringify(toBoardJson(exampleDoc()));
    const again = new Y.Doc();
    applyBoardJson(again, JSON.parse(out) as BoardJson, 'import');
    expect(JSON.stringify(toBoardJson(again))).toBe(out);
  });
});

describe('older boards (title a plain string)', () => {
  it('read the same everywhere: graph, interchange, rules, diff and the chapter export', () => {
    const now = exampleDoc();
    const old = oldStyleDoc();
    expect(hasPlainTexts(old)).toBe(true);
    expect(hasPlainTexts(now)).toBe(false);
    expect(JSON.stringify(toBoardJson(old))).toBe(JSON.stringify(toBoardJson(now)));
    expect([...readGraph(old).nodes.values()]).toEqual([...readGraph(now).nodes.values()]);
    const id = [...boardMaps(old).nodes.keys()][0]!;
    expect(ruleViewOf(boardMaps(old)).node(id)!.title).toBe(ruleViewOf(boardMaps(now)).node(id)!.title);
    const d = diffBoards(toBoardJson(old), toBoardJson(now));
    expect([d.nodes.added, d.nodes.removed, d.nodes.changed, d.nodes.moved]).toEqual([[], [], [], []]);
    const md = (doc: Y.Doc) => exportMarkdown(toBoardJson(doc), { view: 'all', lang: 'nb' });
    expect(md(old)).toBe(md(now));
  });

  it('migrateTexts turns every plain title into a Y.Text with the same words, in one transaction', () => {
    const old = oldStyleDoc();
    const before = JSON.stringify(toBoardJson(old));
    let transactions = 0;
    old.on('afterTransaction', () => transactions++);
    const n = migrateTexts(old, 'migrate');
    expect(n).toBe(boardMaps(old).nodes.size);
    expect(transactions).toBe(1);
    expect(hasPlainTexts(old)).toBe(false);
    for (const y of boardMaps(old).nodes.values()) expect(y.get('title')).toBeInstanceOf(Y.Text);
    expect(JSON.stringify(toBoardJson(old))).toBe(before);
    expect(migrateTexts(old, 'migrate')).toBe(0);
  });

  it('the first edit of a plain title converts it; an unchanged restore leaves it alone', () => {
    const old = oldStyleDoc();
    const id = [...boardMaps(old).nodes.keys()][0]!;
    const y = boardMaps(old).nodes.get(id)!;
    const json = toBoardJson(old);
    let writes = 0;
    old.on('update', () => writes++);
    applyBoardJson(old, json, 'restore');
    expect(writes).toBe(0);
    expect(typeof y.get('title')).toBe('string');
    updateNode(old, id, { title: 'Ny tittel' }, 'me');
    expect(y.get('title')).toBeInstanceOf(Y.Text);
    expect(String(y.get('title'))).toBe('Ny tittel');
  });

  it('links check their rules against a plain title too', () => {
    const old = oldStyleDoc();
    const ids = [...boardMaps(old).nodes.keys()];
    // any refusal message that names a title names it as text, never as [object …]
    for (const s of ids.slice(0, 5)) for (const t of ids.slice(0, 5)) {
      const r = link(old, { kind: 'partOf', source: s, target: t }, 'me');
      if (!r.ok) expect(r.message.nb).not.toContain('[object');
    }
  });
});
