// Cross-instance signals (STORE=postgres) over PostgreSQL LISTEN/NOTIFY: a token rotation, a
// board deletion, a member removed or changed, or a session ended on one instance reaches every
// instance, which closes the sockets it holds that the change revokes. Why Postgres and not Redis:
// the cluster already depends on Postgres and on nothing else; a NOTIFY sent in the transaction's
// wake arrives only once the change is committed (an instance that re-reads the store finds it);
// the traffic is a few messages per change. Redis pub/sub would add a second service to run, secure
// and lose. A signal carries only ids (board, member, the session's hash) and what happened;
// receivers re-read the store, so a duplicate or late signal is harmless, and after the listening
// connection drops (signals may have been missed) every loaded board is checked again (`onResync`).
import pg from 'pg';

export type ClusterSignal =
  /** The board's tokens changed: close connections whose token is no longer the board's for their role. */
  | { kind: 'tokens'; boardId: string }
  /** The board was deleted: close its connections (4404) and unload it. */
  | { kind: 'deleted'; boardId: string }
  /** A member of the board was removed or their role or side changed (#17): close their connections (4401, 4010). */
  | { kind: 'member'; boardId: string; sub: string }
  /** A session ended (sign-out, expiry): close its connections on every board (4402). */
  | { kind: 'session'; sessionIdHash: string };

export interface SignalHandlers {
  onSignal(signal: ClusterSignal): void | Promise<void>;
  /** The listener (re)connected and may have missed signals: check every loaded board. */
  onResync(): void | Promise<void>;
}

/** Publishing alone, for the routes: a single instance delivers to itself. */
export interface SignalPublisher {
  publish(signal: ClusterSignal): Promise<void>;
}

const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 400;

function parse(payload: string | undefined): ClusterSignal | null {
  try {
    const v = JSON.parse(payload ?? '') as { kind?: unknown; boardId?: unknown; sub?: unknown; sessionIdHash?: unknown };
    if (v.kind === 'session') return isShortString(v.sessionIdHash) ? { kind: 'session', sessionIdHash: v.sessionIdHash } : null;
    if (!isShortString(v.boardId) || v.boardId.length > 200) return null;
    if (v.kind === 'tokens' || v.kind === 'deleted') return { kind: v.kind, boardId: v.boardId };
    if (v.kind === 'member' && isShortString(v.sub)) return { kind: 'member', boardId: v.boardId, sub: v.sub };
  } catch {
    /* not ours */
  }
  return null;
}

const RECONNECT_MS = 500;

export class ClusterSignals implements SignalPublisher {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    /** One channel per schema: instances of different clusters in one database do not hear each other. */
    readonly channel: string,
    private readonly handlers: SignalHandlers,
  ) {}

  static async start(connectionString: string, pool: pg.Pool, handlers: SignalHandlers): Promise<ClusterSignals> {
    const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
    const signals = new ClusterSignals(connectionString, pool, `malkart:${rows[0]!.schema}`, handlers);
    await signals.listen();
    return signals;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel) return;
      const signal = parse(msg.payload);
      if (signal) void Promise.resolve(this.handlers.onSignal(signal)).catch((err: unknown) => console.error('cluster signal failed', err));
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.listen().then(
        () => Promise.resolve(this.handlers.onResync()).catch((err: unknown) => console.error('cluster resync failed', err)),
        () => this.scheduleReconnect(),
      );
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  async publish(signal: ClusterSignal): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(signal)]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
