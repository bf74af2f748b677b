import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deleteNodes } from '../operations';
import { allThreads, openThreadCounts, openThreads, reopenThread, reply, resolveThread, startThread, threadsOf } from './comments';
import { KOMMUNE, ORIGIN, STAT, T0, T1, T2, replicaOf, sync, useWorkshopBoards } from './testing';

const { board, track } = useWorkshopBoards();

function thread(doc: Y.Doc, targetId = 'G1', id = 't1', targetType: 'node' | 'edge' = 'node') {
  const r = startThread(doc, { id, targetId, targetType, ...STAT, text: ' Er 2027 realistisk? ', mentions: [KOMMUNE.participantId], at: T0, messageId: `${id}-m1` }, ORIGIN);
  if (!r.ok) throw new Error(r.message.en);
  return r;
}

describe('comment threads', () => {
  it('start, reply, resolve and reopen, with open counts per card', () => {
    const doc = board();
    thread(doc);
    thread(doc, 'E1', 't2', 'edge');
    expect(openThreadCounts(doc)).toEqual(new Map([['G1', 1], ['E1', 1]]));
    expect(reply(doc, { threadId: 't1', ...KOMMUNE, text: 'Ja, med jobbspesialister.', at: T1, messageId: 'm2' }, ORIGIN)).toEqual({ ok: true, id: 'm2' });
    const [t] = threadsOf(doc, 'G1');
    expect(t).toMatchObject({ id: 't1', targetType: 'node', resolved: false, orphaned: false, createdBy: STAT, createdAt: T0 });
    expect(t!.messages).toEqual([
      { id: 't1-m1', ...STAT, text: 'Er 2027 realistisk?', at: T0, mentions: [KOMMUNE.participantId] },
      { id: 'm2', ...KOMMUNE, text: 'Ja, med jobbspesialister.', at: T1, mentions: [] },
    ]);

    expect(resolveThread(doc, { threadId: 't1', ...KOMMUNE, at: T2 }, ORIGIN)).toEqual({ ok: true });
    expect(threadsOf(doc, 'G1')[0]).toMatchObject({ resolved: true, resolvedBy: KOMMUNE, resolvedAt: T2 });
    expect(openThreadCounts(doc)).toEqual(new Map([['E1', 1]]));
    expect(openThreads(doc).map((x) => x.id)).toEqual(['t2']);

    expect(reopenThread(doc, { threadId: 't1' }, ORIGIN)).toEqual({ ok: true });
    const reopened = threadsOf(doc, 'G1')[0]!;
    expect(reopened.resolved).toBe(false);
    expect(reopened.resolvedBy).toBeUndefined();
    expect(openThreadCounts(doc).get('G1')).toBe(1);
  });

  it('a reply to a resolved thread reopens it', () => {
    const doc = board();
    thread(doc);
    resolveThread(doc, { threadId: 't1', ...STAT, at: T1 }, ORIGIN);
    reply(doc, { threadId: 't1', ...KOMMUNE, text: 'Ett spørsmål til', at: T2 }, ORIGIN);
    expect(threadsOf(doc, 'G1')[0]).toMatchObject({ resolved: false });
  });

  it('refuses empty text, missing targets and missing threads', () => {
    const doc = board();
    expect(startThread(doc, { targetId: 'G1', targetType: 'node', ...STAT, text: '   ', at: T0 }, ORIGIN)).toMatchObject({ ok: false, code: 'invalid_field', field: 'messages.0.text' });
    expect(startThread(doc, { targetId: 'G1', targetType: 'edge', ...STAT, text: 'x', at: T0 }, ORIGIN)).toMatchObject({ ok: false, code: 'not_found' });
    expect(startThread(doc, { targetId: 'nope', targetType: 'node', ...STAT, text: 'x', at: T0 }, ORIGIN)).toMatchObject({ ok: false, code: 'not_found' });
    expect(reply(doc, { threadId: 'nope', ...STAT, text: 'x', at: T0 }, ORIGIN)).toMatchObject({ ok: false, code: 'not_found' });
    thread(doc);
    expect(reply(doc, { threadId: 't1', ...STAT, text: '', at: T0 }, ORIGIN)).toMatchObject({ ok: false, code: 'invalid_field', field: 'text' });
    expect(allThreads(doc)).toHaveLength(1);
  });

  it('survive the deletion of their card, listed as orphaned', () => {
    const doc = board();
    thread(doc);
    thread(doc, 'E1', 't2', 'edge');
    deleteNodes(doc, ['G1'], ORIGIN); // takes link E1 with it
    expect(openThreads(doc).map((t) => [t.id, t.orphaned])).toEqual([['t1', true], ['t2', true]]);
    expect(reply(doc, { threadId: 't1', ...KOMMUNE, text: 'Kortet er borte', at: T1 }, ORIGIN).ok).toBe(true);
  });

  it('concurrent replies and a concurrent resolve on two replicas all survive, in the same order', () => {
    const a = board();
    thread(a);
    const b = replicaOf(a);
    track(b);
    reply(a, { threadId: 't1', ...STAT, text: 'fra A', at: T1, messageId: 'ma' }, ORIGIN);
    reply(b, { threadId: 't1', ...KOMMUNE, text: 'fra B', at: T1, messageId: 'mb' }, ORIGIN);
    resolveThread(b, { threadId: 't1', ...KOMMUNE, at: T2 }, ORIGIN);
    sync(a, b);
    const ta = threadsOf(a, 'G1')[0]!;
    expect(ta).toEqual(threadsOf(b, 'G1')[0]);
    expect(ta.messages.map((m) => m.id).sort()).toEqual(['ma', 'mb', 't1-m1']);
    expect(ta.messages[0]!.id).toBe('t1-m1');
  });
});
