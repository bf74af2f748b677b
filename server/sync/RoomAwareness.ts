// A room's awareness (who is here, cursors, selections, drags, the facilitator's viewport), kept by
// the server itself rather than by a y-protocols Awareness: every state a client sends is checked
// against shared/presence.ts before anyone else sees it, and parsed and stringified once.
//
// Rules (issue #12, finding 6):
// - A connection speaks for one client id: the first it sends a state for. Entries for other ids
//   (y-websocket echoes everyone's states back) are skipped unparsed — except that a new socket of
//   the same link or person takes its id over from an old socket that no longer answers a ping (its
//   close never arrived: the doc reconnected after the line dropped).
// - Each state is checked field by field; a bad field is dropped, an oversized state ignored. The
//   role is the one the connection's token gives; `drag` and `viewport` only where the role allows.
// - A participant id in use by holders of one link cannot be claimed by a connection with another.
// - Clocks never jump (a jump continues at +1), and the id of a connection that left stays reserved
//   for its link for a while, so a squatter cannot push an id's clock to 2^31 and hide its owner.
// - Changes go out in batches, one frame per `flushMs` to everyone, the sender included (a client
//   alone in a room needs the echo to know the line is alive).
import { PRESENCE_LIMITS, parsePresence, restrictPresence, type PresenceState } from '../../shared';
import type { Metrics } from '../metrics';
import { encodeAwarenessFrame, parseAwarenessState, readAwarenessEntries } from '../protocol';
import type { Connection } from './Connection';

/** Largest step a client id's clock may take; larger ones continue at +1. Honest clients step by 1. */
export const MAX_CLOCK_STEP = 100;
/** How long the id of a connection that left stays reserved for holders of the same link. */
export const RESERVE_MS = 2 * 60 * 1000;
/** How long the holder of an id claimed by another socket of its link has to answer a ping. */
export const PROBE_MS = 3000;
/** Clocks are unsigned 32-bit in every honest client; a first claim above it starts at 1 instead. */
const MAX_CLOCK = 2 ** 32 - 1;

interface Entry {
  clock: number;
  /** The checked state as sent to everyone; null once its owner left (the clock is remembered). */
  json: string | null;
  state: PresenceState | null;
  /** Before the role's restrictions: kept so a new facilitator's viewport is shared without waiting for it to move. */
  checked: PresenceState | null;
  conn: Connection | null;
}

export class RoomAwareness {
  private readonly entries = new Map<number, Entry>();
  private readonly owners = new Map<number, Connection>();
  /** Which id each connection speaks for. */
  private readonly idOf = new Map<Connection, number>();
  /** Participant id → the link (token hash) whose holders use it, and how many connections do. */
  private readonly participants = new Map<string, { tokenHash: string; conns: Set<Connection> }>();
  /** Ids whose owner left recently: only a connection with the same link may claim them until then. */
  private readonly reserved = new Map<number, { tokenHash: string; until: number }>();
  private readonly pending = new Set<number>();
  /** How far a rejoined connection's clocks are behind the server's for its id (see receive). */
  private readonly clockShift = new Map<Connection, number>();
  /** Ids claimed by a socket of the holder's link while the holder is asked whether it is alive. */
  private readonly challenges = new Map<number, { conn: Connection; update: Uint8Array }>();
  private timer: NodeJS.Timeout | null = null;
  private destroyed = false;
  /** When a named person last changed their presence (moved, selected, joined); 0 = never. */
  lastActiveAt = 0;

  constructor(
    private readonly broadcast: (frame: Uint8Array) => void,
    private readonly facilitatorId: () => string | undefined,
    private readonly metrics: Metrics,
    private readonly flushMs: number,
  ) {}

  /** Current states, keyed by client id (those whose owner left are not included). */
  getStates(): Map<number, PresenceState> {
    const out = new Map<number, PresenceState>();
    for (const [id, e] of this.entries) if (e.state) out.set(id, e.state);
    return out;
  }

  /** True when at least one person here has a name (an anonymous socket has none). */
  get hasNamedPeople(): boolean {
    for (const e of this.entries.values()) if (e.state?.user?.name) return true;
    return false;
  }

  /** Every present state in one frame (for a new connection, or a query), or null when nobody is here. */
  encodeAll(): Uint8Array | null {
    const list: { clientId: number; clock: number; json: string }[] = [];
    for (const [clientId, e] of this.entries) if (e.json !== null) list.push({ clientId, clock: e.clock, json: e.json });
    return list.length ? encodeAwarenessFrame(list) : null;
  }

  /** One awareness message of `conn`. Throws MalformedMessageError for a broken frame or state JSON. */
  receive(conn: Connection, update: Uint8Array): void {
    for (const raw of readAwarenessEntries(update)) {
      const owner = this.owners.get(raw.clientId);
      const mine = this.idOf.get(conn);
      if (owner !== undefined && owner !== conn) {
        // Someone else's. But the same id from a new socket of the same link (or person) may be that
        // doc back after its line dropped without a close reaching us (the heartbeat would find the
        // old socket only within a minute): ask the old socket; if it is dead, the id follows the doc.
        if (mine === undefined && owner.tokenHash === conn.tokenHash) this.challenge(raw.clientId, owner, conn, update);
        continue;
      }
      if (owner === undefined && mine !== undefined) {
        this.metrics.awarenessIgnored.inc({ reason: 'second_id' });
        continue;
      }
      if (raw.json.byteLength > PRESENCE_LIMITS.maxStateBytes) {
        this.metrics.awarenessIgnored.inc({ reason: 'too_large' });
        continue;
      }
      const parsed = parseAwarenessState(raw.json);
      if (owner === undefined && parsed === null) continue; // an echo of someone who left
      const entry = this.entries.get(raw.clientId);
      const known = entry?.clock;
      // A reconnect resends the state with the clock it had, which the server bumped when the id
      // left: that claim continues after it, so the person is seen again at once, and the
      // connection's later clocks are shifted by as much, so its next changes count too (the
      // reservation below still decides who may claim the id).
      const sent = raw.clock + (owner === conn ? (this.clockShift.get(conn) ?? 0) : 0);
      const rejoin = owner === undefined && entry !== undefined && entry.json === null && known !== undefined && sent <= known;
      if (known !== undefined && sent <= known && !rejoin) continue; // not newer: y-protocols ignores it too
      // No clock jumps: a clock far ahead continues at +1 instead. The sender's own clock stays ahead
      // of what others see, so its next change still counts; a squatter cannot push an id's clock
      // out of its owner's reach.
      let clock = sent;
      if (rejoin) {
        clock = known! + 1;
        this.clockShift.set(conn, clock - raw.clock);
      }
      if (known !== undefined ? clock > known + MAX_CLOCK_STEP : clock > MAX_CLOCK) {
        this.metrics.awarenessIgnored.inc({ reason: 'clock_jump' });
        clock = (known ?? 0) + 1;
      }
      if (owner === undefined) {
        // A claim. An id whose owner just left stays theirs for a while (a reconnect), unless the
        // claimant holds the same link.
        const held = this.reserved.get(raw.clientId);
        if (held && held.until > Date.now() && held.tokenHash !== conn.tokenHash) {
          this.metrics.awarenessIgnored.inc({ reason: 'reserved' });
          continue;
        }
        this.reserved.delete(raw.clientId);
        this.owners.set(raw.clientId, conn);
        this.idOf.set(conn, raw.clientId);
        conn.awarenessIds.add(raw.clientId);
      }
      if (parsed === null) this.leave(conn, clock);
      else this.set(conn, raw.clientId, clock, parsed);
    }
  }

  /** The connection is gone: its state is removed for everyone (with the next clock). */
  removeConnection(conn: Connection): void {
    const id = this.idOf.get(conn);
    if (id === undefined) return;
    this.leave(conn, (this.entries.get(id)?.clock ?? 0) + 1);
  }

  private set(conn: Connection, clientId: number, clock: number, raw: Record<string, unknown>): void {
    const { state, rejected } = parsePresence(raw);
    for (const field of rejected) this.metrics.awarenessIgnored.inc({ reason: `bad_${field}` });
    // The role is the connection's, never the client's.
    state.role = conn.role;
    // So are a signed-in member's name and side (verified); a link holder cannot claim to be verified.
    if (conn.member) state.user = { ...state.user, name: conn.member.name, side: conn.member.side, verified: true };
    else if (state.user?.verified !== undefined) {
      const { verified: _claimed, ...user } = state.user;
      state.user = user;
    }
    const pid = state.user?.participantId;
    if (pid !== undefined && !this.bindParticipant(conn, pid)) {
      this.metrics.awarenessIgnored.inc({ reason: 'participant_taken' });
      const { participantId: _taken, ...user } = state.user!;
      state.user = user;
    }
    if (state.user?.participantId === undefined) this.unbindParticipant(conn);
    const allowed = restrictPresence(state, { role: conn.role, facilitatorId: this.facilitatorId() });
    this.entries.set(clientId, { clock, json: JSON.stringify(allowed), state: allowed, checked: state, conn });
    if (allowed.user?.name) this.lastActiveAt = Date.now();
    this.queue(clientId);
  }

  /**
   * The facilitator changed (in the document): what each person may share is checked again. A
   * facilitator's first viewport can arrive before the document update that made them one.
   */
  facilitatorChanged(): void {
    const facilitatorId = this.facilitatorId();
    for (const [clientId, e] of this.entries) {
      if (!e.checked || !e.conn) continue;
      const allowed = restrictPresence(e.checked, { role: e.conn.role, facilitatorId });
      const json = JSON.stringify(allowed);
      if (json === e.json) continue;
      // Same clock would be ignored by every client: a re-check is a new version of the state.
      this.entries.set(clientId, { ...e, clock: e.clock + 1, json, state: allowed });
      this.queue(clientId);
    }
  }

  /**
   * `conn` claims `id`, held by `owner` of the same link. One probe per id at a time; the latest
   * claim is kept. An owner that answers keeps the id (an honest client's id cannot be taken by
   * another holder of its link); one that does not is dropped, and the claim is handled as the
   * rejoin it is.
   */
  private challenge(id: number, owner: Connection, conn: Connection, update: Uint8Array): void {
    const probing = this.challenges.has(id);
    this.challenges.set(id, { conn, update });
    if (probing) return;
    void owner.probe(PROBE_MS).then((alive) => {
      const claim = this.challenges.get(id);
      this.challenges.delete(id);
      if (alive || this.destroyed || this.owners.get(id) !== owner) return;
      this.metrics.awarenessIgnored.inc({ reason: 'dead_owner' });
      owner.terminate();
      if (claim && !claim.conn.closed) {
        try {
          this.receive(claim.conn, claim.update);
        } catch {
          // It was read once already; a frame that now fails to read is dropped.
        }
      }
    });
  }

  private leave(conn: Connection, clock: number): void {
    this.clockShift.delete(conn);
    const id = this.idOf.get(conn);
    if (id === undefined) return;
    this.idOf.delete(conn);
    this.owners.delete(id);
    conn.awarenessIds.delete(id);
    this.unbindParticipant(conn);
    const now = Date.now();
    for (const [held, r] of this.reserved) if (r.until <= now) this.reserved.delete(held);
    this.reserved.set(id, { tokenHash: conn.tokenHash, until: now + RESERVE_MS });
    this.entries.set(id, { clock, json: null, state: null, checked: null, conn: null });
    this.queue(id);
  }

  private bindParticipant(conn: Connection, pid: string): boolean {
    const bound = this.participants.get(pid);
    if (bound && bound.conns.has(conn)) return true;
    if (bound && bound.conns.size > 0 && bound.tokenHash !== conn.tokenHash) return false;
    this.unbindParticipant(conn);
    const b = bound && bound.conns.size > 0 ? bound : { tokenHash: conn.tokenHash, conns: new Set<Connection>() };
    b.conns.add(conn);
    this.participants.set(pid, b);
    return true;
  }

  private unbindParticipant(conn: Connection): void {
    for (const [pid, b] of this.participants) {
      if (b.conns.delete(conn) && b.conns.size === 0) this.participants.delete(pid);
    }
  }

  private queue(clientId: number): void {
    this.pending.add(clientId);
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => this.flush(), this.flushMs);
  }

  /** Sends every change since the last flush in one frame. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const list = [...this.pending].map((clientId) => {
      const e = this.entries.get(clientId)!;
      return { clientId, clock: e.clock, json: e.json ?? 'null' };
    });
    this.pending.clear();
    this.broadcast(encodeAwarenessFrame(list));
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
