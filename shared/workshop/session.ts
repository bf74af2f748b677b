// The live meeting: who facilitates, the shared timer, and "bring everyone here". It lives in the
// board document (so it survives a reload and reaches late joiners) but is not part of the
// interchange file, snapshots' content or exports. The facilitator's live viewport for
// "follow me" travels in awareness, not here.
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  workshopMaps, type FacilitatorRecord, type ParticipantRef, type SummonRecord, type TimerRecord, type Viewport, type WorkshopResult,
} from './model';
import { checkRecord, refuse } from './refusals';
import { participantRefSchema, timestampSchema } from './schema';

const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

export function facilitatorOf(doc: Y.Doc): FacilitatorRecord | undefined {
  return workshopMaps(doc).session.get('facilitator') as FacilitatorRecord | undefined;
}

export function isFacilitator(doc: Y.Doc, participantId: string): boolean {
  return facilitatorOf(doc)?.participantId === participantId;
}

const facilitatorSchema = z.strictObject({ participantId: participantRefSchema.shape.participantId, name: participantRefSchema.shape.name, since: timestampSchema });

const notTheFacilitator = () =>
  refuse('not_facilitator', {
    nb: 'Bare fasilitatoren kan gjøre dette. Be fasilitatoren om det, eller om å gi deg rollen.',
    nn: 'Berre fasilitatoren kan gjere dette. Be fasilitatoren om det, eller om å gi deg rolla.',
    en: 'Only the facilitator can do this. Ask the facilitator to, or to hand you the role.',
  });

export interface TakeFacilitatorInput extends ParticipantRef {
  /** ISO 8601 time. */
  at: string;
  /**
   * Participants present in the room now (from awareness). When given and the current
   * facilitator is not among them, the role may be taken: someone who left cannot hand it over.
   */
  present?: ReadonlySet<string>;
}

/** Takes the facilitator role when no one holds it (or its holder has left the room). */
export function takeFacilitator(doc: Y.Doc, input: TakeFacilitatorInput, origin: unknown): WorkshopResult {
  const current = facilitatorOf(doc);
  if (current?.participantId === input.participantId) return { ok: true };
  if (current && !(input.present && !input.present.has(current.participantId))) {
    return refuse('facilitator_taken', {
      nb: `${current.name} er fasilitator. Be om å få rollen overlevert.`,
      nn: `${current.name} er fasilitator. Be om å få rolla overlevert.`,
      en: `${current.name} is the facilitator. Ask them to hand the role over.`,
    });
  }
  const record: FacilitatorRecord = { participantId: input.participantId, name: input.name, since: input.at };
  const bad = checkRecord(facilitatorSchema, record);
  if (bad) return bad;
  doc.transact(() => workshopMaps(doc).session.set('facilitator', record), origin);
  return { ok: true };
}

/** The current facilitator hands the role to another participant. */
export function handOverFacilitator(
  doc: Y.Doc,
  input: { from: string; to: ParticipantRef; at: string },
  origin: unknown,
): WorkshopResult {
  if (!isFacilitator(doc, input.from)) return notTheFacilitator();
  const record: FacilitatorRecord = { participantId: input.to.participantId, name: input.to.name, since: input.at };
  const bad = checkRecord(facilitatorSchema, record);
  if (bad) return bad;
  doc.transact(() => workshopMaps(doc).session.set('facilitator', record), origin);
  return { ok: true };
}

/** The current facilitator gives the role up; then anyone may take it. */
export function releaseFacilitator(doc: Y.Doc, input: { participantId: string }, origin: unknown): WorkshopResult {
  if (!isFacilitator(doc, input.participantId)) return notTheFacilitator();
  doc.transact(() => workshopMaps(doc).session.delete('facilitator'), origin);
  return { ok: true };
}

// --- timer ---------------------------------------------------------------------------------

export const DEFAULT_TIMER_MS = 5 * 60 * 1000;
const IDLE_TIMER: TimerRecord = { state: 'idle', durationMs: DEFAULT_TIMER_MS, remainingMs: DEFAULT_TIMER_MS };

export function timerOf(doc: Y.Doc): TimerRecord {
  return (workshopMaps(doc).session.get('timer') as TimerRecord | undefined) ?? IDLE_TIMER;
}

/** Milliseconds left at `now` (epoch ms), never below 0. Clients tick this locally; the doc changes only on start/pause/reset. */
export function timerRemaining(timer: TimerRecord, now: number): number {
  if (timer.state !== 'running' || timer.startedAt === undefined) return Math.max(0, timer.remainingMs);
  return Math.max(0, Math.min(timer.remainingMs, timer.remainingMs - (now - timer.startedAt)));
}

const timerStateRefusal = (nb: string, nn: string, en: string) => refuse('timer_state', { nb, nn, en });

function badDuration(ms: unknown) {
  if (typeof ms === 'number' && Number.isInteger(ms) && ms > 0 && ms <= MAX_TIMER_MS) return null;
  return refuse('invalid_field', {
    nb: 'Tiden må være mellom ett sekund og 24 timer.',
    nn: 'Tida må vere mellom eitt sekund og 24 timar.',
    en: 'The time must be between one second and 24 hours.',
  }, 'durationMs');
}

/** Starts the timer from idle (with `durationMs`, or the last one set) or resumes it from a pause. */
export function timerStart(doc: Y.Doc, input: { now: number; durationMs?: number }, origin: unknown): WorkshopResult {
  const timer = timerOf(doc);
  if (timer.state === 'running') {
    return timerStateRefusal('Tidtakeren går allerede.', 'Tidtakaren går allereie.', 'The timer is already running.');
  }
  let next: TimerRecord;
  if (timer.state === 'paused') {
    next = { state: 'running', durationMs: timer.durationMs, remainingMs: timer.remainingMs, startedAt: input.now };
  } else {
    const durationMs = input.durationMs ?? timer.durationMs;
    const bad = badDuration(durationMs);
    if (bad) return bad;
    next = { state: 'running', durationMs, remainingMs: durationMs, startedAt: input.now };
  }
  doc.transact(() => workshopMaps(doc).session.set('timer', next), origin);
  return { ok: true };
}

export function timerPause(doc: Y.Doc, input: { now: number }, origin: unknown): WorkshopResult {
  const timer = timerOf(doc);
  if (timer.state !== 'running') {
    return timerStateRefusal('Tidtakeren går ikke.', 'Tidtakaren går ikkje.', 'The timer is not running.');
  }
  const next: TimerRecord = { state: 'paused', durationMs: timer.durationMs, remainingMs: timerRemaining(timer, input.now) };
  doc.transact(() => workshopMaps(doc).session.set('timer', next), origin);
  return { ok: true };
}

/** Stops the timer and sets it back to its full time (or to a new `durationMs`). */
export function timerReset(doc: Y.Doc, input: { durationMs?: number } = {}, origin: unknown): WorkshopResult {
  const durationMs = input.durationMs ?? timerOf(doc).durationMs;
  const bad = badDuration(durationMs);
  if (bad) return bad;
  const next: TimerRecord = { state: 'idle', durationMs, remainingMs: durationMs };
  doc.transact(() => workshopMaps(doc).session.set('timer', next), origin);
  return { ok: true };
}

// --- bring everyone here -------------------------------------------------------------------

const summonSchema = z.strictObject({
  viewport: z.strictObject({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive().finite() }),
  by: participantRefSchema,
  at: timestampSchema,
  nonce: z.string().min(1).max(64),
});

export function summonOf(doc: Y.Doc): SummonRecord | undefined {
  return workshopMaps(doc).session.get('summon') as SummonRecord | undefined;
}

/**
 * "Bring everyone here", once: every client moves its view to `viewport` when it sees a summon
 * whose nonce it has not acted on. (A client should remember the nonce present when it loads the
 * board, so an old summon does not move a late joiner.) Only the facilitator summons.
 */
export function summonEveryone(
  doc: Y.Doc,
  input: { viewport: Viewport; by: ParticipantRef; at: string; nonce: string },
  origin: unknown,
): WorkshopResult {
  if (!isFacilitator(doc, input.by.participantId)) return notTheFacilitator();
  const record: SummonRecord = { viewport: { ...input.viewport }, by: { ...input.by }, at: input.at, nonce: input.nonce };
  const bad = checkRecord(summonSchema, record);
  if (bad) return bad;
  doc.transact(() => workshopMaps(doc).session.set('summon', record), origin);
  return { ok: true };
}
