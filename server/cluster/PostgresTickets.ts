// WebSocket tickets shared by every instance (STORE=postgres): the browser asks one instance for a
// ticket and its socket may land on another. Only the ticket's SHA-256 is stored; taking it deletes
// the row in the same statement, so a ticket works once across the whole cluster. Expiry is by
// Postgres's clock; expired rows are swept as new tickets are issued.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { WS_TICKET_TTL_MS, type TicketGrant, type TicketStore } from '../auth/wsTickets';
import type { Role } from '../../shared';

const hash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

export class PostgresTickets implements TicketStore {
  constructor(
    private readonly pool: pg.Pool,
    readonly ttlMs = WS_TICKET_TTL_MS,
  ) {}

  async issue(grant: TicketGrant): Promise<{ ticket: string; expiresInMs: number }> {
    const ticket = randomBytes(24).toString('base64url');
    await this.pool.query(
      `WITH swept AS (DELETE FROM ws_tickets WHERE expires_at < clock_timestamp())
       INSERT INTO ws_tickets (ticket_hash, board_id, role, link, token_hash, session_id_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp() + $7 * interval '1 millisecond')`,
      [hash(ticket), grant.boardId, grant.role, grant.link, grant.tokenHash, grant.sessionIdHash ?? null, this.ttlMs],
    );
    return { ticket, expiresInMs: this.ttlMs };
  }

  async take(ticket: string, boardId: string): Promise<TicketGrant | null> {
    const { rows } = await this.pool.query<{ board_id: string; role: Role; link: TicketGrant['link']; token_hash: string; session_id_hash: string | null; live: boolean }>(
      'DELETE FROM ws_tickets WHERE ticket_hash = $1 RETURNING board_id, role, link, token_hash, session_id_hash, expires_at > clock_timestamp() AS live',
      [hash(ticket)],
    );
    const r = rows[0];
    if (!r || !r.live || r.board_id !== boardId) return null;
    // A member's ticket carries its session, checked again on connect (server/http/boardAccess.ts).
    return { boardId: r.board_id, role: r.role, link: r.link, tokenHash: r.token_hash, ...(r.session_id_hash ? { sessionIdHash: r.session_id_hash } : {}) };
  }
}
