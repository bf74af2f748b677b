// Every workshop write the UI makes, through shared/workshop's operations, one transaction each
// with this tab's origin. Times and ids are made here (shared/ never reads the clock). A refusal
// is shown to the person in their language; a viewer can call none of them.
import type * as Y from 'yjs';
import {
  agree, closeVote, castDots, createNode, handOverFacilitator, newId, releaseFacilitator, reopenThread, reply, resolveThread,
  startThread, startVote, summonEveryone, takeFacilitator, timerPause, timerReset, timerStart, withdrawAgreement,
  DEFAULT_OWNER, type Localized, type Position, type Viewport,
} from '../../shared';
import type { Identity } from './identity';
import { serverNow } from './serverClock';

interface Result {
  ok: boolean;
  message?: Localized;
}

/** Sent when this tab took the facilitator role: the start of a meeting (MeetingStart.tsx takes its snapshot). */
export const FACILITATOR_TAKEN_EVENT = 'malkart:facilitator-taken';

export class WorkshopActions {
  constructor(
    readonly doc: Y.Doc,
    readonly origin: object,
    readonly readOnly: boolean,
    private readonly me: () => Identity,
    private readonly refused: (message: Localized) => void,
  ) {}

  private run<T extends Result>(fn: () => T): T | null {
    if (this.readOnly) return null;
    const r = fn();
    if (!r.ok && r.message) this.refused(r.message);
    return r.ok ? r : null;
  }
  private ref() {
    const { participantId, name } = this.me();
    return { participantId, name };
  }
  private now = () => new Date().toISOString();

  takeFacilitator(present: ReadonlySet<string>): boolean {
    const ok = !!this.run(() => takeFacilitator(this.doc, { ...this.ref(), at: this.now(), present }, this.origin));
    // Taking the role marks the start of a meeting (MeetingStart takes its snapshot).
    if (ok && typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(FACILITATOR_TAKEN_EVENT));
    return ok;
  }
  handOver(to: { participantId: string; name: string }): boolean {
    return !!this.run(() => handOverFacilitator(this.doc, { from: this.me().participantId, to, at: this.now() }, this.origin));
  }
  release(): boolean {
    return !!this.run(() => releaseFacilitator(this.doc, { participantId: this.me().participantId }, this.origin));
  }
  summon(viewport: Viewport): boolean {
    return !!this.run(() => summonEveryone(this.doc, { viewport, by: this.ref(), at: this.now(), nonce: newId('s') }, this.origin));
  }

  timerStart(durationMs?: number): void {
    this.run(() => timerStart(this.doc, { now: serverNow(), ...(durationMs ? { durationMs } : {}) }, this.origin));
  }
  timerPause(): void {
    this.run(() => timerPause(this.doc, { now: serverNow() }, this.origin));
  }
  timerReset(durationMs?: number): void {
    this.run(() => timerReset(this.doc, durationMs ? { durationMs } : {}, this.origin));
  }

  agree(targetId: string): boolean {
    const me = this.me();
    return !!this.run(() => agree(this.doc, { targetId, side: me.side ?? '', participantId: me.participantId, name: me.name, at: this.now() }, this.origin));
  }
  withdraw(targetId: string): boolean {
    return !!this.run(() => withdrawAgreement(this.doc, { targetId, side: this.me().side ?? '' }, this.origin));
  }

  startVote(title: string, targetIds: string[], dots: number): string | null {
    const id = newId('v');
    const r = this.run(() => startVote(this.doc, { id, title, targetIds, dots, createdBy: this.ref(), createdAt: this.now() }, this.origin));
    return r ? id : null;
  }
  castDots(voteId: string, dots: Record<string, number>): boolean {
    return !!this.run(() => castDots(this.doc, { voteId, ...this.ref(), dots, at: this.now() }, this.origin));
  }
  closeVote(voteId: string): boolean {
    return !!this.run(() => closeVote(this.doc, { voteId, participantId: this.me().participantId, at: this.now() }, this.origin));
  }

  startThread(targetId: string, targetType: 'node' | 'edge', text: string, mentions: string[]): string | null {
    const id = newId('t');
    const r = this.run(() =>
      startThread(this.doc, { id, targetId, targetType, ...this.ref(), text, mentions, at: this.now() }, this.origin),
    );
    return r ? id : null;
  }
  reply(threadId: string, text: string, mentions: string[]): boolean {
    return !!this.run(() => reply(this.doc, { threadId, ...this.ref(), text, mentions, at: this.now() }, this.origin));
  }
  resolve(threadId: string): boolean {
    return !!this.run(() => resolveThread(this.doc, { threadId, ...this.ref(), at: this.now() }, this.origin));
  }
  reopen(threadId: string): boolean {
    return !!this.run(() => reopenThread(this.doc, { threadId }, this.origin));
  }

  /** A sticky note in the brainstorm parking area (above the bands, so it takes no band's tier yet). */
  addNote(title: string, position: Position): string | null {
    const r = this.run(() => createNode(this.doc, { kind: 'note', tier: 'national', owner: DEFAULT_OWNER.note, title, position }, this.origin));
    return r && 'id' in r ? (r.id as string) : null;
  }
}
