// Short-lived, single-use WebSocket tickets: the browser app swaps its share-link token for one
// (POST /api/boards/:id/ws-ticket) and puts only the ticket in the WebSocket URL, so the long-lived
// token never appears in a URL the browser requests (issue 12 §9). A ticket is bound to one board
// and to the role and token it was issued for; a rotation in between makes it worthless.
import { randomBytes } from 'node:crypto';
import type { LinkKind, Role } from '../../shared';

export interface TicketGrant {
  boardId: string;
  role: Role;
  /** The link the ticket was issued for (a stat or kommune link is an editor bound to a side). */
  link: LinkKind;
  /** Hash of the share-link token the ticket was issued for (checked again on use). */
  tokenHash: string;
  /** A member's ticket: the hash of their session id; the session and membership are checked again on use. */
  sessionIdHash?: string;
}

interface Entry extends TicketGrant {
  expiresAt: number;
}

export const WS_TICKET_TTL_MS = 30_000;
/** More outstanding tickets than this and the oldest are dropped (they expire in 30 s anyway). */
const MAX_OUTSTANDING = 10_000;

/** Where tickets are kept: in this process (one instance), or in Postgres (several: issued on one, used on another). */
export interface TicketStore {
  readonly ttlMs: number;
  issue(grant: TicketGrant): { ticket: string; expiresInMs: number } | Promise<{ ticket: string; expiresInMs: number }>;
  /** The grant of a ticket for `boardId`, removing it: a ticket works once. Null if unknown, used, expired or for another board. */
  take(ticket: string, boardId: string): TicketGrant | null | Promise<TicketGrant | null>;
}

export class WsTickets implements TicketStore {
  private readonly tickets = new Map<string, Entry>();

  constructor(
    readonly ttlMs = WS_TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  issue(grant: TicketGrant): { ticket: string; expiresInMs: number } {
    this.sweep();
    while (this.tickets.size >= MAX_OUTSTANDING) {
      const oldest = this.tickets.keys().next().value as string;
      this.tickets.delete(oldest);
    }
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { ...grant, expiresAt: this.now() + this.ttlMs });
    return { ticket, expiresInMs: this.ttlMs };
  }

  /** The grant of a ticket for `boardId`, removing it: a ticket works once. Null if unknown, used, expired or for another board. */
  take(ticket: string, boardId: string): TicketGrant | null {
    const entry = this.tickets.get(ticket);
    if (!entry) return null;
    this.tickets.delete(ticket);
    if (entry.expiresAt <= this.now() || entry.boardId !== boardId) return null;
    return {
      boardId: entry.boardId, role: entry.role, link: entry.link, tokenHash: entry.tokenHash, ...(entry.sessionIdHash ? { sessionIdHash: entry.sessionIdHash } : {}),
    };
  }

  get size(): number {
    return this.tickets.size;
  }

  private sweep(): void {
    const now = this.now();
    // Insertion order is expiry order (one TTL for all).
    for (const [key, entry] of this.tickets) {
      if (entry.expiresAt > now) break;
      this.tickets.delete(key);
    }
  }
}
