// One client's WebSocket in a room: its role, the awareness ids it owns, and sending with
// back-pressure — a client that cannot keep up is closed rather than slowing anyone else.
import type { WebSocket } from 'ws';
import type { Role } from '../storage/BoardStorage';
import type { Metrics } from '../metrics';
import { CLOSE } from '../protocol';
import type { Side } from '../../shared/workshop/sides';
import { ConnectionBudget, type Admission, type BudgetLimits } from './ConnectionBudget';

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

export class Connection {
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has claimed; no other connection may speak for them. */
  readonly awarenessIds = new Set<number>();
  closed = false;
  /** Set for a signed-in member's connection; null for a share link's. */
  member: ConnectedMember | null = null;
  private readonly budget: ConnectionBudget | null;

  constructor(
    readonly ws: WebSocket,
    readonly role: Role,
    readonly tokenHash: string,
    private readonly maxBufferedBytes: number,
    private readonly metrics: Metrics,
    budget?: BudgetLimits,
  ) {
    this.budget = budget
      ? new ConnectionBudget(
          budget,
          () => ws.pause(),
          () => {
            if (!this.closed) ws.resume();
          },
        )
      : null;
  }

  /** Charges a received frame to this connection's budget: handle it, drop it (awareness), or close. */
  admit(frame: Uint8Array): Admission {
    if (!this.budget) return 'handle';
    const a = this.budget.admit(frame);
    if (a !== 'handle') this.metrics.throttled.inc({ what: a === 'drop' ? 'awareness_dropped' : 'closed' });
    return a;
  }

  get canEdit(): boolean {
    return this.role !== 'viewer';
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.metrics.slowClientsDisconnected.inc();
      this.close(CLOSE.tooFarBehind);
      return;
    }
    this.metrics.bytesOut.inc(frame.byteLength);
    this.ws.send(frame);
  }

  close({ code, reason }: { code: number; reason: string }): void {
    if (this.closed) return;
    this.closed = true;
    this.budget?.stop();
    try {
      this.ws.close(code, clampReason(reason));
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the room open.
    setTimeout(() => this.ws.terminate(), 2000).unref();
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
