// One client's WebSocket in a room. The connection owns its socket: it listens to it (frames,
// pongs, errors, close), charges frames to its budget, sends with back-pressure — a client that
// cannot keep up is closed rather than slowing anyone else — and has one way out, `close()`,
// which also leaves the room.
import type { WebSocket } from 'ws';
import type { LinkKind, Role, Side } from '../../shared';
import type { Metrics } from '../metrics';
import { CLOSE, type CloseEvent } from '../protocol';
import { ConnectionBudget, type BudgetLimits } from './ConnectionBudget';

let nextConnectionId = 1;

/** The signed-in member behind a connection (issue #17): closed when removed, changed or signed out. */
export interface ConnectedMember {
  sub: string;
  /** The verified name and the side from the membership, stamped into their presence. */
  name: string;
  side: Side;
  sessionIdHash: string;
  /** When the session ends (ms since epoch): the connection is closed then. */
  sessionExpiresAt: number;
}

/** What a connection needs of its room: somewhere to hand its frames, and to leave. */
export interface ConnectionHost {
  handleFrame(conn: Connection, frame: Uint8Array): void;
  removeConnection(conn: Connection): void;
}

export interface ConnectionOptions {
  role: Role;
  /** Hash of the token (link) it came in with; awareness ties ids to it. */
  tokenHash: string;
  /** Which of the board's links it came in with (a member's: the link of their role); what the server stamps on their comments. */
  link?: LinkKind;
  maxBufferedBytes: number;
  metrics: Metrics;
  budget?: BudgetLimits;
}

export class Connection {
  readonly id = nextConnectionId++;
  readonly role: Role;
  readonly tokenHash: string;
  readonly link: LinkKind | undefined;
  /** Awareness client ids this connection has claimed; no other connection may speak for them. */
  readonly awarenessIds = new Set<number>();
  private isClosed = false;
  /** Sent the board's stored state before its room was loaded (RoomManager.acquire's early state). */
  sentLoadedState = false;
  /** Set for a signed-in member's connection; null for a share link's. */
  member: ConnectedMember | null = null;
  /** Answered the last heartbeat ping. */
  private alive = true;
  private readonly budget: ConnectionBudget | null;
  private readonly maxBufferedBytes: number;
  private readonly metrics: Metrics;

  constructor(
    readonly ws: WebSocket,
    private readonly room: ConnectionHost,
    opts: ConnectionOptions,
  ) {
    this.role = opts.role;
    this.tokenHash = opts.tokenHash;
    this.link = opts.link;
    this.maxBufferedBytes = opts.maxBufferedBytes;
    this.metrics = opts.metrics;
    this.budget = opts.budget
      ? new ConnectionBudget(
          opts.budget,
          () => ws.pause(),
          () => {
            if (!this.isClosed) ws.resume();
          },
        )
      : null;
    ws.on('message', this.onMessage);
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.left());
    ws.on('error', (err: Error & { code?: string }) => {
      // ws has already sent 1009 for an oversized message; counted here because the terminate
      // below means 'close' reports 1006, not the peer's echo of 1009.
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.metrics.rejectedMessages.inc({ reason: 'too_large' });
      ws.terminate();
    });
  }

  /** True once closed by either side: frames still in flight, or from a peer that ignores the close, count for nothing. */
  get closed(): boolean {
    return this.isClosed;
  }

  get canEdit(): boolean {
    return this.role !== 'viewer';
  }

  private onMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
    if (!isBinary) {
      this.metrics.rejectedMessages.inc({ reason: 'text' });
      this.close(CLOSE.textFrame);
      return;
    }
    const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    this.metrics.bytesIn.inc(frame.byteLength);
    if (this.isClosed) return;
    const admission = this.budget ? this.budget.admit(frame) : 'handle';
    if (admission !== 'handle') this.metrics.throttled.inc({ what: admission === 'drop' ? 'awareness_dropped' : 'closed' });
    if (admission === 'drop') return;
    if (admission === 'close') return this.close(CLOSE.overBudget);
    this.room.handleFrame(this, frame);
  };

  send(frame: Uint8Array): void {
    if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.metrics.slowClientsDisconnected.inc();
      this.close(CLOSE.tooFarBehind);
      return;
    }
    this.metrics.bytesOut.inc(frame.byteLength);
    this.ws.send(frame);
  }

  /** Heartbeat: a peer that did not answer the last ping is dropped (its room can then unload); others are pinged. */
  heartbeat(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  /**
   * Pings the peer now and resolves whether it answers within `ms`. A socket whose line dropped
   * without a close does not: its doc may already be back on a new socket (see RoomAwareness).
   */
  probe(ms: number): Promise<boolean> {
    if (this.isClosed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onPong = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.ws.off('pong', onPong);
        resolve(false);
      }, ms);
      timer.unref();
      this.ws.once('pong', onPong);
      try {
        this.ws.ping();
      } catch {
        this.ws.off('pong', onPong);
        clearTimeout(timer);
        resolve(false);
      }
    });
  }

  /** A peer that stopped answering: dropped at once, without a close handshake it would never answer. */
  terminate(): void {
    this.ws.terminate();
    this.left();
  }

  /** Closes the socket with `code` and `reason`, and leaves the room. Once; later calls do nothing. */
  close({ code, reason }: CloseEvent): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.budget?.stop();
    try {
      this.ws.close(code, clampReason(reason));
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the room open.
    setTimeout(() => this.ws.terminate(), 2000).unref();
    this.room.removeConnection(this);
  }

  /** The socket closed (either side): the connection is gone from the room. */
  private left(): void {
    this.isClosed = true;
    this.budget?.stop();
    this.room.removeConnection(this);
  }
}

/**
 * A close reason is at most 123 bytes of UTF-8 (RFC 6455); ws throws on a longer one, which would
 * drop the code too. Reasons can quote client input (a JSON parse error), so cut on a character.
 */
export function clampReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let out = '';
  let bytes = 0;
  for (const ch of reason) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 123) break;
    out += ch;
    bytes += n;
  }
  return out;
}
