import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps, createNode, link, type NodeKind, type Owner } from '../../shared';
import { linkChoice } from './linkChoice';

function board(cards: Record<string, [NodeKind, Owner]>) {
  const doc = new Y.Doc();
  for (const [id, [kind, owner]] of Object.entries(cards)) createNode(doc, { id, kind, owner, tier: 'kommuneplan', title: id }, 'me');
  return doc;
}

describe('linkChoice', () => {
  it('offers every kind the rules allow between the two cards', () => {
    const doc = board({ a: ['goal', 'felles'], b: ['goal', 'kommune'] });
    expect(linkChoice(boardMaps(doc), 'a', 'b')).toEqual({ ok: true, kinds: ['partOf', 'contributesTo', 'operationalises', 'conflictsWith'] });
  });

  it('names the owner rule when only operationalises fits the kinds', () => {
    const doc = board({ m: ['measure', 'kommune'], d: ['directive', 'kommune'] });
    const r = linkChoice(boardMaps(doc), 'm', 'd');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('owner_rule');
  });

  it('names the second parent, not a kind mismatch, when the fitting kind is taken', () => {
    const doc = board({ c: ['focus', 'kommune'], p1: ['vision', 'kommune'], p2: ['vision', 'kommune'] });
    expect(link(doc, { kind: 'partOf', source: 'c', target: 'p1' }, 'me').ok).toBe(true);
    const r = linkChoice(boardMaps(doc), 'c', 'p2');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('second_parent');
  });

  it('names the target kind when the source fits some kind but not towards this card', () => {
    const doc = board({ i: ['indicator', 'felles'], g: ['goal', 'felles'] });
    const doc2 = board({ m: ['measure', 'felles'], v: ['vision', 'felles'] });
    const r = linkChoice(boardMaps(doc2), 'm', 'v');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('target_kind_not_allowed');
    const r2 = linkChoice(boardMaps(doc), 'i', 'g');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.refusal.code).toBe('source_kind_not_allowed');
  });

  it('refuses a sticky note with its own reason', () => {
    const doc = board({ n: ['note', 'felles'], g: ['goal', 'felles'] });
    for (const [s, t] of [['n', 'g'], ['g', 'n']] as const) {
      const r = linkChoice(boardMaps(doc), s, t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refusal.code).toBe('note_not_linkable');
    }
  });
});
