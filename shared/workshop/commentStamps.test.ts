// The one rule for a comment's author and time (#16 §4): the server's stamp when it has one for
// exactly this message, else the browser's claim, marked as not stamped.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '../boardDoc';
import { allThreads, startThread } from './comments';
import { commentStampsOf, messageFingerprint, messageStampKey, resolveStampKey, stampLookup, trustedMessage, trustedResolve, withStamps, type CommentStamp } from './commentStamps';
import type { CommentMessage, CommentThread } from './model';

const CLAIMED = '2025-01-01T10:00:00.000Z';
const SERVER = '2026-12-02T12:00:00.000Z';
const msg = (id: string, text: string, name = 'Ola'): CommentMessage => ({ id, participantId: 'p-x', name, text, at: CLAIMED, mentions: [] });
const thread = (messages: CommentMessage[], resolved = false): CommentThread => ({
  id: 't1', targetId: 'K1', targetType: 'node', createdAt: CLAIMED, createdBy: { participantId: 'p-x', name: 'Ola' }, resolved,
  ...(resolved ? { resolvedBy: { participantId: 'p-x', name: 'Ola' }, resolvedAt: CLAIMED } : {}), messages,
});
const stampOf = (m: CommentMessage, name: string, verified = true): CommentStamp => ({ at: SERVER, by: { name, verified }, of: messageFingerprint('t1', m) });

describe('trusted comment authors and times', () => {
  it('a stamped message shows the server\'s time and name; an unstamped one the claim, marked', () => {
    const m = msg('m1', 'Hei');
    const stamps = stampLookup({ [messageStampKey('m1')]: stampOf(m, 'Kari Verified') });
    expect(trustedMessage('t1', m, stamps)).toEqual({ name: 'Kari Verified', at: SERVER, stamped: true, verified: true });
    expect(trustedMessage('t1', msg('m2', 'Hei'), stamps)).toEqual({ name: 'Ola', at: CLAIMED, stamped: false, verified: false });
  });

  it('a stamp covers only the message it was made for: other words, or another thread, under the same id are not covered', () => {
    const m = msg('m1', 'Vi avventer.');
    const stamps = stampLookup({ [messageStampKey('m1')]: stampOf(m, 'Kari') });
    expect(trustedMessage('t1', msg('m1', 'Vi godtar alt.'), stamps).stamped).toBe(false);
    expect(trustedMessage('t2', m, stamps).stamped).toBe(false);
  });

  it('withStamps gives the thread as the server vouches for it: messages, creation and resolve', () => {
    const a = msg('m1', 'Først');
    const b = msg('m2', 'Så');
    const stamps = stampLookup({
      [messageStampKey('m1')]: stampOf(a, 'Kari'),
      [resolveStampKey('t1')]: { at: SERVER, by: { name: 'Siri', verified: false, link: 'stat', side: 'stat' } },
    });
    const out = withStamps(thread([a, b], true), stamps);
    expect(out.messages.map((m) => [m.name, m.at])).toEqual([['Kari', SERVER], ['Ola', CLAIMED]]);
    expect(out.createdAt).toBe(SERVER);
    expect(out.createdBy.name).toBe('Kari');
    expect([out.resolvedBy?.name, out.resolvedAt]).toEqual(['Siri', SERVER]);
    expect(trustedResolve(thread([a], true), stamps)).toEqual({ name: 'Siri', at: SERVER, stamped: true, verified: false });
    // An open thread has no resolve, whatever stamp is left from an earlier one.
    expect(withStamps(thread([a]), stamps).resolvedAt).toBeUndefined();
    expect(trustedResolve(thread([a]), stamps)).toBeUndefined();
  });

  it('threads are listed by the stamped time of their first message: a back-dated claim does not move a thread first', () => {
    const doc = new Y.Doc();
    boardMaps(doc).nodes.set('K1', new Y.Map());
    startThread(doc, { id: 'ta', targetId: 'K1', targetType: 'node', participantId: 'p-a', name: 'A', text: 'Først sendt', at: '2026-12-02T10:00:00.000Z', messageId: 'ma' }, 'a');
    startThread(doc, { id: 'tb', targetId: 'K1', targetType: 'node', participantId: 'p-b', name: 'B', text: 'Tilbakedatert', at: '2020-01-01T00:00:00.000Z', messageId: 'mb' }, 'b');
    expect(allThreads(doc).map((t) => t.id)).toEqual(['tb', 'ta']);
    const stamps = commentStampsOf(doc);
    stamps.set(messageStampKey('ma'), { at: '2026-12-02T10:00:01.000Z', by: { name: 'A', verified: false }, of: messageFingerprint('ta', { text: 'Først sendt', mentions: [] }) });
    stamps.set(messageStampKey('mb'), { at: '2026-12-02T10:00:02.000Z', by: { name: 'B', verified: false }, of: messageFingerprint('tb', { text: 'Tilbakedatert', mentions: [] }) });
    expect(allThreads(doc).map((t) => t.id)).toEqual(['ta', 'tb']);
  });
});
