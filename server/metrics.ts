// Prometheus metrics, one registry per server instance (tests start many servers in one process).
import client from 'prom-client';

export class Metrics {
  readonly registry = new client.Registry();
  readonly boardsLoaded = new client.Gauge({ name: 'malkart_boards_loaded', help: 'Boards held in memory', registers: [this.registry] });
  readonly connections = new client.Gauge({
    name: 'malkart_connections', help: 'Open WebSocket connections by role', labelNames: ['role'] as const, registers: [this.registry],
  });
  readonly updatesIn = new client.Counter({ name: 'malkart_updates_in_total', help: 'Document updates received and stored', registers: [this.registry] });
  readonly updatesOut = new client.Counter({ name: 'malkart_updates_out_total', help: 'Document update messages sent to clients', registers: [this.registry] });
  readonly bytesIn = new client.Counter({ name: 'malkart_bytes_in_total', help: 'WebSocket bytes received', registers: [this.registry] });
  readonly bytesOut = new client.Counter({ name: 'malkart_bytes_out_total', help: 'WebSocket bytes sent', registers: [this.registry] });
  readonly earlyStates = new client.Counter({
    name: 'malkart_early_states_total', help: 'New clients sent a board\'s stored state while its room was still loading', registers: [this.registry],
  });
  readonly viewerUpdatesDropped = new client.Counter({
    name: 'malkart_viewer_updates_dropped_total', help: 'Document updates from viewers, dropped', registers: [this.registry],
  });
  readonly rejectedMessages = new client.Counter({
    name: 'malkart_rejected_messages_total', help: 'Frames that closed their connection', labelNames: ['reason'] as const, registers: [this.registry],
  });
  readonly awarenessIgnored = new client.Counter({
    name: 'malkart_awareness_ignored_total', help: 'Awareness entries or fields dropped by the server checks', labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly throttled = new client.Counter({
    name: 'malkart_throttled_total', help: 'Times a connection was over its budget (paused or, past the limit, answered less)', labelNames: ['what'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new client.Counter({
    name: 'malkart_rate_limited_total', help: 'Requests refused by the per-address rate limits', labelNames: ['what'] as const, registers: [this.registry],
  });
  readonly evictions = new client.Counter({
    name: 'malkart_boards_evicted_total', help: 'Loaded boards unloaded to make room for another', registers: [this.registry],
  });
  readonly fenced = new client.Counter({
    name: 'malkart_boards_fenced_total', help: 'Boards dropped because another instance took their lease (STORE=postgres)', registers: [this.registry],
  });
  readonly proxiedConnections = new client.Counter({
    name: 'malkart_proxied_total', help: 'WebSockets and API requests forwarded to the instance that owns the board', labelNames: ['what'] as const, registers: [this.registry],
  });
  readonly slowClientsDisconnected = new client.Counter({
    name: 'malkart_slow_clients_disconnected_total', help: 'Clients closed for falling too far behind', registers: [this.registry],
  });
  readonly persistLatency = new client.Histogram({
    name: 'malkart_persist_seconds', help: 'Time from receiving an update to it being durable',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1], registers: [this.registry],
  });
  readonly commitBatchSize = new client.Histogram({
    name: 'malkart_commit_batch_size', help: 'Updates per group commit', buckets: [1, 2, 5, 10, 20, 50, 100, 500], registers: [this.registry],
  });
  readonly logLength = new client.Gauge({
    name: 'malkart_update_log_length', help: 'Update log rows not yet compacted, over loaded boards', registers: [this.registry],
  });
  readonly compactions = new client.Counter({ name: 'malkart_compactions_total', help: 'Log compactions', registers: [this.registry] });
  readonly loadFailures = new client.Counter({ name: 'malkart_board_load_failures_total', help: 'Boards whose storage read failed', registers: [this.registry] });

  constructor() {
    // Includes nodejs_eventloop_lag_seconds, process CPU and memory.
    client.collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  /** The export render pool's queue, its limits and its failures, read at each scrape. */
  watchRenderPool(pool: RenderPoolView): void {
    const r = [this.registry];
    const gauge = (name: string, help: string, read: () => number) =>
      new client.Gauge({ name, help, registers: r, collect() { this.set(read()); } });
    gauge('malkart_export_queue_length', 'Exports waiting for a render worker', () => pool.waiting);
    gauge('malkart_export_running', 'Exports being rendered now', () => pool.running);
    gauge('malkart_export_workers', 'Render worker threads alive or starting', () => pool.workers);
    gauge('malkart_export_queue_limit', 'Exports that may wait (EXPORT_QUEUE); one more gets 503', () => pool.limits.maxQueue);
    gauge('malkart_export_timeout_seconds', 'Time limit of one render (EXPORT_TIMEOUT_MS)', () => pool.limits.timeoutMs / 1000);
    // Counters that the pool keeps; exposed as counters, set to its count at each scrape.
    const counter = (name: string, help: string, read: () => number) =>
      new client.Counter({ name, help, registers: r, collect() { this.reset(); this.inc(read()); } });
    counter('malkart_export_timeouts_total', 'Renders stopped for passing their time limit', () => pool.stats.timeouts);
    counter('malkart_export_crashes_total', 'Render workers that crashed or exited', () => pool.stats.crashes);
    counter('malkart_export_refused_total', 'Exports refused with 503 because the queue was full', () => pool.stats.refused);
  }
}

/** What /metrics reads from the render pool (server/export/RenderPool.ts). */
export interface RenderPoolView {
  readonly waiting: number;
  readonly running: number;
  readonly workers: number;
  readonly limits: { maxQueue: number; timeoutMs: number };
  readonly stats: { timeouts: number; crashes: number; refused: number };
}
