import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  facilitatorOf, handOverFacilitator, releaseFacilitator, summonEveryone, summonOf, takeFacilitator,
  timerOf, timerPause, timerRemaining, timerReset, timerStart,
} from './session';
import { FACILITATOR, KOMMUNE, ORIGIN, STAT, T0, T1, replicaOf, sync } from './testing';

const docs: Y.Doc[] = [];
const doc = () => {
  const d = new Y.Doc();
  docs.push(d);
  return d;
};
afterEach(() => {
  for (const d of docs.splice(0)) d.destroy();
});

describe('facilitator', () => {
  it('is taken when free, one at a time, handed over only by the holder, and released', () => {
    const d = doc();
    expect(facilitatorOf(d)).toBeUndefined();
    expect(takeFacilitator(d, { ...FACILITATOR, at: T0 }, ORIGIN)).toEqual({ ok: true });
    expect(facilitatorOf(d)).toEqual({ ...FACILITATOR, since: T0 });
    const taken = takeFacilitator(d, { ...STAT, at: T1 }, ORIGIN);
    expect(taken).toMatchObject({ ok: false, code: 'facilitator_taken' });
    if (!taken.ok) expect(taken.message.nb).toContain(FACILITATOR.name);
    expect(handOverFacilitator(d, { from: STAT.participantId, to: STAT, at: T1 }, ORIGIN)).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(handOverFacilitator(d, { from: FACILITATOR.participantId, to: KOMMUNE, at: T1 }, ORIGIN)).toEqual({ ok: true });
    expect(facilitatorOf(d)).toEqual({ ...KOMMUNE, since: T1 });
    expect(releaseFacilitator(d, { participantId: FACILITATOR.participantId }, ORIGIN)).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(releaseFacilitator(d, { participantId: KOMMUNE.participantId }, ORIGIN)).toEqual({ ok: true });
    expect(facilitatorOf(d)).toBeUndefined();
    expect(takeFacilitator(d, { ...STAT, at: T1 }, ORIGIN)).toEqual({ ok: true });
  });

  it('may be taken over when its holder is no longer in the room', () => {
    const d = doc();
    takeFacilitator(d, { ...FACILITATOR, at: T0 }, ORIGIN);
    expect(takeFacilitator(d, { ...STAT, at: T1, present: new Set([STAT.participantId, FACILITATOR.participantId]) }, ORIGIN).ok).toBe(false);
    expect(takeFacilitator(d, { ...STAT, at: T1, present: new Set([STAT.participantId]) }, ORIGIN)).toEqual({ ok: true });
    expect(facilitatorOf(d)?.participantId).toBe(STAT.participantId);
  });

  it('two taking it at once on two replicas end with the same one facilitator', () => {
    const a = doc();
    const b = replicaOf(a);
    docs.push(b);
    takeFacilitator(a, { ...STAT, at: T0 }, ORIGIN);
    takeFacilitator(b, { ...KOMMUNE, at: T0 }, ORIGIN);
    sync(a, b);
    expect(facilitatorOf(a)).toEqual(facilitatorOf(b));
    expect([STAT.participantId, KOMMUNE.participantId]).toContain(facilitatorOf(a)!.participantId);
  });

  it('only the facilitator summons everyone, with a new nonce each time', () => {
    const d = doc();
    const summon = { viewport: { x: 10, y: -20, zoom: 1.5 }, by: FACILITATOR, at: T0, nonce: 'n1' };
    expect(summonEveryone(d, summon, ORIGIN)).toMatchObject({ ok: false, code: 'not_facilitator' });
    takeFacilitator(d, { ...FACILITATOR, at: T0 }, ORIGIN);
    expect(summonEveryone(d, summon, ORIGIN)).toEqual({ ok: true });
    expect(summonOf(d)).toEqual(summon);
    expect(summonEveryone(d, { ...summon, viewport: { x: 0, y: 0, zoom: 0 } }, ORIGIN)).toMatchObject({ ok: false, field: 'viewport.zoom' });
  });
});

describe('timer', () => {
  it('counts down while running, holds while paused, resumes, and resets', () => {
    const d = doc();
    expect(timerOf(d).state).toBe('idle');
    expect(timerStart(d, { now: 1_000_000, durationMs: 60_000 }, ORIGIN)).toEqual({ ok: true });
    const running = timerOf(d);
    expect(running).toEqual({ state: 'running', durationMs: 60_000, remainingMs: 60_000, startedAt: 1_000_000 });
    expect(timerRemaining(running, 1_000_000)).toBe(60_000);
    expect(timerRemaining(running, 1_015_000)).toBe(45_000);
    expect(timerRemaining(running, 1_100_000)).toBe(0);
    // A clock behind the starter's never shows more than was left.
    expect(timerRemaining(running, 990_000)).toBe(60_000);
    expect(timerStart(d, { now: 1_010_000 }, ORIGIN)).toMatchObject({ ok: false, code: 'timer_state' });

    expect(timerPause(d, { now: 1_020_000 }, ORIGIN)).toEqual({ ok: true });
    const paused = timerOf(d);
    expect(paused).toEqual({ state: 'paused', durationMs: 60_000, remainingMs: 40_000 });
    expect(timerRemaining(paused, 9_999_999)).toBe(40_000);
    expect(timerPause(d, { now: 1_030_000 }, ORIGIN)).toMatchObject({ ok: false, code: 'timer_state' });

    timerStart(d, { now: 2_000_000 }, ORIGIN);
    expect(timerRemaining(timerOf(d), 2_010_000)).toBe(30_000);

    expect(timerReset(d, {}, ORIGIN)).toEqual({ ok: true });
    expect(timerOf(d)).toEqual({ state: 'idle', durationMs: 60_000, remainingMs: 60_000 });
    expect(timerReset(d, { durationMs: 300_000 }, ORIGIN)).toEqual({ ok: true });
    expect(timerRemaining(timerOf(d), 0)).toBe(300_000);
    expect(timerReset(d, { durationMs: -5 }, ORIGIN)).toMatchObject({ ok: false, code: 'invalid_field', field: 'durationMs' });
    expect(timerStart(d, { now: 0, durationMs: 1.5 }, ORIGIN)).toMatchObject({ ok: false, field: 'durationMs' });
  });
});
