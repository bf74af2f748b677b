import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deleteNodes, moveNodes, updateNode } from '../operations';
import { LANGS } from '../vocabulary';
import { agree, agreementOf, agreementSummary, evaluateAgreement, withdrawAgreement } from './agreements';
import { contentFingerprint } from './fingerprint';
import { workshopMaps } from './model';
import { KOMMUNE, ORIGIN, STAT, GUEST, T0, T1, replicaOf, sync, useWorkshopBoards } from './testing';

const { board, track } = useWorkshopBoards();

const agreeAs = (doc: Y.Doc, who: typeof STAT, side: string, targetId = 'G1', at = T0) =>
  agree(doc, { targetId, side, ...who, at }, ORIGIN);

describe('contentFingerprint', () => {
  it('ignores id, position and key order, and tells every content change', () => {
    const a = contentFingerprint({ kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'A', description: '', period: { from: 2024, to: 2027 } });
    const b = contentFingerprint({ period: { to: 2027, from: 2024 }, description: '', title: 'A', owner: 'felles', tier: 'nav_local', kind: 'goal', id: 'x', position: { x: 5, y: 9 } } as object);
    expect(a).toBe(b);
    expect(contentFingerprint({ kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'A ', description: '' })).not.toBe(a);
    expect(contentFingerprint({ kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'A', description: 'x', period: { from: 2024, to: 2027 } })).not.toBe(a);
    // A missing description is the empty one.
    expect(contentFingerprint({ kind: 'goal', title: 'A' })).toBe(contentFingerprint({ kind: 'goal', title: 'A', description: '' }));
  });
});

describe('agreement', () => {
  it('is open, then one side, then avtalt when both stat and kommune agree; who and when are kept', () => {
    const doc = board();
    expect(agreementOf(doc, 'G1')).toEqual({ state: 'open' });
    expect(agreeAs(doc, STAT, 'stat')).toEqual({ ok: true });
    const one = agreementOf(doc, 'G1');
    expect(one.state).toBe('stat');
    expect(one.stat).toMatchObject({ participantId: STAT.participantId, name: STAT.name, at: T0, side: 'stat' });
    expect(one.kommune).toBeUndefined();
    expect(agreeAs(doc, KOMMUNE, 'kommune', 'G1', T1).ok).toBe(true);
    const both = agreementOf(doc, 'G1');
    expect(both.state).toBe('avtalt');
    expect(both.kommune).toMatchObject({ name: KOMMUNE.name, at: T1 });
    expect(both.cleared).toBeUndefined();
  });

  it('kommune alone is one side too', () => {
    const doc = board();
    agreeAs(doc, KOMMUNE, 'kommune', 'M1');
    expect(agreementOf(doc, 'M1').state).toBe('kommune');
  });

  it('is one transaction with the caller\'s origin, undoable', () => {
    const doc = board();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const um = new Y.UndoManager([workshopMaps(doc).agreements], { trackedOrigins: new Set([ORIGIN]), captureTimeout: 0 });
    agreeAs(doc, STAT, 'stat');
    expect(origins).toEqual([ORIGIN]);
    um.undo();
    expect(agreementOf(doc, 'G1').state).toBe('open');
    um.destroy();
  });

  it('a second agreement by the same side keeps the first record', () => {
    const doc = board();
    agreeAs(doc, STAT, 'stat', 'G1', T0);
    agreeAs(doc, { participantId: 'p-other', name: 'Other' }, 'stat', 'G1', T1);
    expect(agreementOf(doc, 'G1').stat).toMatchObject({ participantId: STAT.participantId, at: T0 });
  });

  it('a title edit clears both sides and says so; editing it back restores them', () => {
    const doc = board();
    agreeAs(doc, STAT, 'stat');
    agreeAs(doc, KOMMUNE, 'kommune');
    updateNode(doc, 'G1', { title: 'Flere unge i jobb' }, ORIGIN);
    const after = agreementOf(doc, 'G1');
    expect(after.state).toBe('open');
    expect(after.stat).toBeUndefined();
    expect(after.cleared?.map((r) => r.side)).toEqual(['kommune', 'stat']);
    updateNode(doc, 'G1', { title: 'Flere unge i arbeid' }, ORIGIN);
    expect(agreementOf(doc, 'G1').state).toBe('avtalt');
  });

  it('any content field clears it (description, period, indicator target), moving within its band does not', () => {
    const doc = board();
    agreeAs(doc, STAT, 'stat', 'I1');
    agreeAs(doc, KOMMUNE, 'kommune', 'I1');
    // I1 is nav_local; a move into another band would change its tier, which is content.
    moveNodes(doc, { I1: { x: 400, y: 900, width: 200 } }, ORIGIN);
    expect(agreementOf(doc, 'I1').state).toBe('avtalt');
    updateNode(doc, 'I1', { target: { value: 60, year: 2027 } }, ORIGIN);
    expect(agreementOf(doc, 'I1').state).toBe('open');

    agreeAs(doc, STAT, 'stat', 'G2');
    updateNode(doc, 'G2', { description: 'Ny tekst' }, ORIGIN);
    expect(agreementOf(doc, 'G2')).toMatchObject({ state: 'open', cleared: [{ side: 'stat' }] });
  });

  it('an agreement and a concurrent title edit on two replicas merge to "cleared" on both', () => {
    const a = board();
    const b = replicaOf(a);
    track(b);
    agreeAs(a, STAT, 'stat');
    agreeAs(a, KOMMUNE, 'kommune');
    updateNode(b, 'G1', { title: 'Endret samtidig' }, ORIGIN);
    expect(agreementOf(a, 'G1').state).toBe('avtalt');
    sync(a, b);
    for (const d of [a, b]) {
      const s = agreementOf(d, 'G1');
      expect(s.state).toBe('open');
      expect(s.cleared).toHaveLength(2);
    }
  });

  it('concurrent agreements by stat and kommune on two replicas merge to avtalt', () => {
    const a = board();
    const b = replicaOf(a);
    track(b);
    agreeAs(a, STAT, 'stat');
    agreeAs(b, KOMMUNE, 'kommune');
    sync(a, b);
    expect(agreementOf(a, 'G1').state).toBe('avtalt');
    expect(agreementOf(b, 'G1').state).toBe('avtalt');
  });

  it('refuses cards that cannot be agreed, missing cards, and sides other than stat and kommune', () => {
    const doc = board();
    const note = agreeAs(doc, STAT, 'stat', 'N1');
    expect(note).toMatchObject({ ok: false, code: 'not_agreeable' });
    const missing = agreeAs(doc, STAT, 'stat', 'nope');
    expect(missing).toMatchObject({ ok: false, code: 'not_found' });
    const guest = agreeAs(doc, GUEST, 'gjest');
    expect(guest).toMatchObject({ ok: false, code: 'side_cannot_agree', field: 'side' });
    const felles = agreeAs(doc, GUEST, 'felles');
    expect(felles).toMatchObject({ ok: false, code: 'side_cannot_agree' });
    const badTime = agree(doc, { targetId: 'G1', side: 'stat', ...STAT, at: 'yesterday' }, ORIGIN);
    expect(badTime).toMatchObject({ ok: false, code: 'invalid_field', field: 'at' });
    for (const r of [note, missing, guest, felles, badTime]) {
      if (r.ok) throw new Error('expected a refusal');
      for (const lang of LANGS) expect(r.message[lang].length).toBeGreaterThan(10);
    }
    expect(workshopMaps(doc).agreements.size).toBe(0);
  });

  it('withdrawing takes one side back, including a cleared one', () => {
    const doc = board();
    agreeAs(doc, STAT, 'stat');
    agreeAs(doc, KOMMUNE, 'kommune');
    expect(withdrawAgreement(doc, { targetId: 'G1', side: 'kommune' }, ORIGIN)).toEqual({ ok: true });
    expect(agreementOf(doc, 'G1').state).toBe('stat');
    updateNode(doc, 'G1', { title: 'Endret' }, ORIGIN);
    withdrawAgreement(doc, { targetId: 'G1', side: 'stat' }, ORIGIN);
    expect(agreementOf(doc, 'G1')).toEqual({ state: 'open' });
    expect(withdrawAgreement(doc, { targetId: 'G1', side: 'gjest' }, ORIGIN)).toMatchObject({ ok: false, code: 'side_cannot_agree' });
  });

  it('the summary lists avtalt, one side only and open, goals first, by title; deleted cards drop out', () => {
    const doc = board();
    agreeAs(doc, STAT, 'stat', 'G1');
    agreeAs(doc, KOMMUNE, 'kommune', 'G1');
    agreeAs(doc, KOMMUNE, 'kommune', 'M1');
    agreeAs(doc, STAT, 'stat', 'G3');
    const s = agreementSummary(doc);
    expect(s.avtalt.map((i) => i.id)).toEqual(['G1']);
    expect(s.oneSide.map((i) => [i.id, i.state])).toEqual([['G3', 'stat'], ['M1', 'kommune']]);
    expect(s.open.map((i) => i.id)).toEqual(['G2', 'I1']);
    deleteNodes(doc, ['G1'], ORIGIN);
    expect(agreementSummary(doc).avtalt).toEqual([]);
  });

  it('evaluateAgreement works on plain interchange nodes', () => {
    const fields = { kind: 'goal', tier: 'nav_local', owner: 'felles', title: 'X', description: '' } as const;
    const rec = { targetId: 'X', side: 'stat' as const, ...STAT, at: T0, fingerprint: contentFingerprint(fields) };
    expect(evaluateAgreement({ ...fields, id: 'X', position: { x: 1, y: 2 } }, [rec]).state).toBe('stat');
    expect(evaluateAgreement({ ...fields, title: 'Y' }, [rec])).toEqual({ state: 'open', cleared: [rec] });
  });
});
