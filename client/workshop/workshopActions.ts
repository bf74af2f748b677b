// Every workshop write the UI makes: the meeting's own records through shared/workshop's
// operations, one transaction each with this tab's origin; agreements, votes and ballots through
// the server, which writes them (#16, serverRecords.ts). A refusal is shown to the person in their
// language; a viewer can call none of them.
import type * as Y from 'yjs';
import {
  createNode, handOverFacilitator, newId, releaseFacilitator, reopenThread, reply, resolveThread,
  startThread, summonEveryone, takeFacilitator, timerPause, timerReset, timerStart,
  DEFAULT_OWNER, type Localized, type Position, type Viewport,
} from '../../shared';
import type { Identity } from './identity';
import { serverNow } from './serverClock';
import type { ServerRecords, ServerResult } from './serverRecords';

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
    private readonly server: ServerRecords,
    /** The server's answer to my ballot: my own dots, kept by the store (never read from the board). */
    private readonly onMyDots: (voteId: string, dots: Record<string, number>) => void = () => undefined,
  ) {}

  private async call<T extends object>(fn: () => Promise<ServerResult<T>>): Promise<(T & { ok: true }) | null> {
    if (this.readOnly) return null;
    const r = await fn();
    if (!r.ok) {
      this.refused(r.message);
      return null;
    }
    return r;
  }

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

  agree(targetId: string): Promise<boolean> {
    return this.call(() => this.server.agree(targetId, this.me().name)).then((r) => !!r);
  }
  withdraw(targetId: string): Promise<boolean> {
    return this.call(() => this.server.withdraw(targetId, this.me().name)).then((r) => !!r);
  }

  async startVote(title: string, targetIds: string[], dots: number): Promise<string | null> {
    const r = await this.call(() => this.server.startVote({ title, targetIds, dots, by: this.ref() }));
    return r ? r.vote.id : null;
  }
  async castDots(voteId: string, dots: Record<string, number>): Promise<boolean> {
    const r = await this.call(() => this.server.castDots(voteId, this.me().name, dots));
    if (r) this.onMyDots(voteId, r.dots);
    return !!r;
  }
  async closeVote(voteId: string): Promise<boolean> {
    return !!(await this.call(() => this.server.closeVote(voteId, this.ref())));
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
