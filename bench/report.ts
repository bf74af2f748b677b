// Turns the figures of one run into Markdown tables: side by side, ratios ours/floor and
// ours/Hocuspocus, and a flag on every latency run whose clients reached under 90 % of the rate.
import type { BenchResults } from './run';
import type { LatencyResult } from './latency';

const ACHIEVED_FLOOR = 0.9;

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const pct = (x: number) => `${Math.round(x * 100)} %`;

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function lowRate(r: LatencyResult): boolean {
  return r.achievedShare < ACHIEVED_FLOOR;
}

const NOT_MEASURED = 'not measured';

/**
 * The figures #19 §1 sets targets for, each against its target, with the floor (the bare relay;
 * in the browser, plain React Flow) and Hocuspocus beside it where they apply. A figure whose
 * scenario did not run (or failed) says so; it is never taken from another run.
 */
export function targetsTable(r: BenchResults): string {
  const ms = (x: number | undefined) => (x === undefined ? NOT_MEASURED : `${x} ms`);
  const cpu = (x: number | undefined, what = 'CPU') => (x === undefined ? '' : ` (${x} ms ${what})`);
  const met = (x: number | undefined, target: number) => (x === undefined ? '–' : x <= target ? 'yes' : '**no**');
  const restart = (k: string) => (r.restart ?? []).find((x) => x.server === k);
  const ours = restart('ours');
  const l = r.loadMemory;
  const b = r.browser;
  const png = r.export.find((e) => e.format === 'png' && e.board !== 'example' && !e.error);
  const lat = (k: string) => r.latency.find((x) => x.scenario === '1×40' && x.server === k);
  const [p99Ours, p99Floor, p99Hp] = [lat('ours'), lat('floor'), lat('hocuspocus')].map((x) => x?.latencyMs.p99);
  const p99Ratio = p99Ours !== undefined && p99Floor ? Math.round((p99Ours / p99Floor) * 100) / 100 : undefined;
  const baseline = b?.baseline?.find((x) => x.name === 'react-flow');
  const rows: string[][] = [
    [
      'restart after kill -9 until /healthz answers', ours ? `${ours.healthzMs} ms${cpu(ours.cpuMs)}` : NOT_MEASURED, '≤ 500 ms', met(ours?.healthzMs, 500),
      restart('floor') ? `${restart('floor')!.healthzMs} ms` : '–', restart('hocuspocus') ? `${restart('hocuspocus')!.healthzMs} ms` : '–',
    ],
    [
      `${b ? b.cards.toLocaleString('en') : '2,000'} cards + links: first render in Chromium`, ms(b?.firstRenderMs), '≤ 1,500 ms', met(b?.firstRenderMs, 1500),
      baseline ? `${baseline.firstRenderMs} ms (plain React Flow)` : '–', '–',
    ],
    [
      `${l ? l.nodes.toLocaleString('en') : '5,000'}-card board: cold load from storage`, l ? `${l.coldLoadFromStorageMs} ms${cpu(l.coldLoadCpuMs)}` : NOT_MEASURED, '≤ 150 ms',
      met(l?.coldLoadFromStorageMs, 150), '–', '–',
    ],
    [
      `${l ? l.nodes.toLocaleString('en') : '5,000'}-card board: first sync of a new client, not loaded / loaded`,
      l ? `${l.firstSyncColdMs} / ${l.firstSyncWarmMs} ms${cpu(l.firstSyncColdServerCpuMs, 'server CPU, not loaded')}` : NOT_MEASURED, '≤ 250 ms',
      met(l?.firstSyncColdMs, 250), '–', '–',
    ],
    [`PNG of ${png ? png.cards : 500} goals`, ms(png?.ms), '≤ 1,000 ms', met(png?.ms, 1000), '–', '–'],
    [
      'p99 edit latency 1×40, ours / floor', p99Ratio !== undefined ? `${p99Ratio}× (${p99Ours} ms)` : NOT_MEASURED, '≤ 1.5×', met(p99Ratio, 1.5),
      p99Floor !== undefined ? `${p99Floor} ms` : '–', p99Hp !== undefined ? `${p99Hp} ms` : '–',
    ],
  ];
  return table(['figure', 'now', 'target', 'met?', 'floor', 'Hocuspocus'], rows);
}

export function toMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Målkart bench — ${r.date}`);
  out.push(`Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}. Load average at start: ${m.loadAverage.join(' / ')}.`);
  out.push(`Options: ${JSON.stringify(r.options)}`);

  out.push('## Targets (#19)');
  out.push(
    'Each figure of #19 §1 against its target, from this run; "not measured" when its scenario did not run. ' +
      'Floor: the bare y-protocols relay (in the browser: plain React Flow on the same board). Wall times swing with the machine\'s load (above); CPU times less.',
  );
  out.push(targetsTable(r));

  if (r.latency.length) {
    out.push('## Latency and throughput');
    out.push(
      `Edit-to-other-client latency; each client makes ${r.options.rate} edits/s (move, retitle, link)${r.options.cursors ? ' and moves its cursor as often' : ''}. ` +
        'Clients run in their own processes on the same cores as the server. "achieved" is the share of the nominal edit rate the clients managed; ⚠ marks under 90 %. ' +
        '`ours-normal` is our server with SQLITE_SYNCHRONOUS=NORMAL (commits wait for the OS, not for the disk): the difference to `ours` is the disk\'s fsync.',
    );
    out.push(
      table(
        ['scenario', 'server', 'p50 ms', 'p95 ms', 'p99 ms', 'edits/s (nominal)', 'achieved', 'deliveries/s', 'delivered', 'server CPU', 'server peak RSS MiB'],
        r.latency.map((x) => [
          x.scenario, x.server, x.latencyMs.p50, x.latencyMs.p95, x.latencyMs.p99, `${x.editsPerSec} (${x.nominalEditsPerSec})`,
          `${pct(x.achievedShare)}${lowRate(x) ? ' ⚠' : ''}`, x.deliveriesPerSec, pct(x.deliveredShare), `${x.serverCpuPercent} %`, x.serverPeakRssMiB,
        ]),
      ),
    );
    if (r.latencyRounds.length) {
      out.push(
        `Each row is the median (by p99) of ${r.options.rounds} rounds that alternated the servers. p99 per round: ` +
          r.latencyRounds.map((runs) => `${runs[0]?.scenario} ${runs[0]?.server} ${runs.map((x) => x.latencyMs.p99).join(' / ')}`).join('; ') + ' ms.',
      );
    }
    const scenarios = [...new Set(r.latency.map((x) => x.scenario))];
    const rows: string[][] = [];
    for (const s of scenarios) {
      const get = (k: string) => r.latency.find((x) => x.scenario === s && x.server === k);
      for (const [name, peer] of [['ours', 'floor'], ['ours', 'hocuspocus'], ['ours-normal', 'floor']] as const) {
        const ours = get(name);
        const p = get(peer);
        if (!ours || !p) continue;
        rows.push([
          s, `${name}/${peer}`, ratio(ours.latencyMs.p50, p.latencyMs.p50), ratio(ours.latencyMs.p95, p.latencyMs.p95), ratio(ours.latencyMs.p99, p.latencyMs.p99),
          ratio(ours.deliveriesPerSec, p.deliveriesPerSec), ratio(ours.serverCpuPercent, p.serverCpuPercent), ratio(ours.serverPeakRssMiB, p.serverPeakRssMiB),
        ]);
      }
    }
    if (rows.length) {
      out.push('Ratios (below 1 is better for ours; the design bar is p99 within 2× of the floor, #19 targets 1.5× at 1×40):');
      out.push(table(['scenario', 'ratio', 'p50', 'p95', 'p99', 'deliveries/s', 'server CPU', 'peak RSS'], rows));
    }
  }

  if (r.durability.length) {
    out.push('## Durability (SIGKILL mid-burst, restart)');
    out.push('"lost" counts updates some client had received from the server but that are gone after the restart. Ours must be 0 (also with SQLITE_SYNCHRONOUS=NORMAL: a killed process loses nothing the OS has); the floor keeps nothing by design.');
    out.push(table(['server', 'sent', 'seen by a client', 'survived restart', 'lost'], r.durability.map((d) => [d.server, d.sent, d.seenByObserver, d.survived, `**${d.lost}**`])));
  }

  if (r.restart?.length) {
    out.push('## Restart (kill -9, then start until /healthz answers)');
    out.push(
      `On the data the killed process left; ${r.restart[0]!.runs} restarts each, alternating the servers. Ours as it ships (node dist/server/main.js, built ahead), ` +
        'Hocuspocus and the floor as plain JavaScript; each with a compile cache of its own that the first (uncounted) start fills. CPU: all the process\'s threads until the answer.',
    );
    out.push(table(['server', 'ms (median)', 'min – max ms', 'CPU ms (median)'], r.restart.map((x) => [x.server, x.healthzMs, `${x.minMs} – ${x.maxMs}`, x.cpuMs])));
  }

  if (r.cluster) {
    const c = r.cluster;
    out.push('## Cluster (two instances on Postgres, STORE=postgres)');
    out.push(`Edit latency, sender → another client, ${c.edits} edits: both clients on the board's owner ("direct"), against both on the other instance, whose sockets are forwarded to the owner (the hop, crossed on the way in and out). Failover: SIGKILL of the owner → the first edit accepted again through the other instance, LEASE_MS=${c.leaseMs}.`);
    out.push(table(['path', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], [
      ['direct (owner)', c.direct.p50, c.direct.p95, c.direct.p99, c.direct.max],
      ['proxied (other instance)', c.proxied.p50, c.proxied.p95, c.proxied.p99, c.proxied.max],
      ['hop cost (proxied − direct)', +(c.proxied.p50 - c.direct.p50).toFixed(1), +(c.proxied.p95 - c.direct.p95).toFixed(1), +(c.proxied.p99 - c.direct.p99).toFixed(1), ''],
    ]));
    out.push(`Failover: **${c.failoverMs} ms** from the kill to the first edit accepted again.`);
  }

  if (r.loadMemory) {
    const l = r.loadMemory;
    out.push('## Load and memory (ours)');
    out.push(
      table(
        ['figure', 'value'],
        [
          ['board', `${l.nodes} cards, ${l.edges} links`],
          ['import over REST', `${l.importMs} ms`],
          ['stored (state + log)', `${(l.storedBytes / 1024 / 1024).toFixed(2)} MiB`],
          ['cold load from storage (read + apply; wall, CPU)', `${l.coldLoadFromStorageMs} ms, ${l.coldLoadCpuMs} ms CPU`],
          ['first sync, new client, board not loaded (wall, server CPU)', `${l.firstSyncColdMs} ms, ${l.firstSyncColdServerCpuMs} ms CPU`],
          ['first sync, new client, board loaded (wall, server CPU)', `${l.firstSyncWarmMs} ms, ${l.firstSyncWarmServerCpuMs} ms CPU`],
          ['bytes on the wire (first sync)', `${(l.wireBytes / 1024 / 1024).toFixed(2)} MiB`],
          ['RSS per loaded board', `${l.rssPerLargeBoardMiB} MiB`],
          [`RSS before / peak / after ${l.openClose.boards} boards opened and closed`, `${l.openClose.baselineMiB} / ${l.openClose.peakMiB} / ${l.openClose.afterMiB} MiB (${l.openClose.growthMiB >= 0 ? '+' : ''}${l.openClose.growthMiB}; ${l.openClose.loadedAfter} still loaded)`],
          ['live heap after a full GC, before / after', `${l.openClose.heapBeforeMiB} / ${l.openClose.heapAfterMiB} MiB`],
        ],
      ),
    );
  }

  if (r.export.length) {
    out.push('## Export (ours, over HTTP)');
    out.push('"others waited" is the slowest `/healthz` answer during the export: how long the server kept every other request and board waiting.');
    out.push(table(['board', 'cards', 'format', 'ms (median)', 'bytes', 'others waited ms'], r.export.map((e) => [e.board, e.cards, e.format, e.error ? `failed: ${e.error}` : e.ms, e.bytes, e.othersWaitedMs])));
  }

  if (r.browser) {
    const b = r.browser;
    out.push('## Browser (Chromium, ours)');
    out.push('First render: from navigation until every card is known and the first are drawn, in a fresh browser context each time; the median of the opens (the first finds the board not loaded on the server).');
    out.push(
      table(
        ['cards', 'links', 'cards in DOM', 'first render ms (median; each open)', 'pan frame ms median / p95 / max', 'remote-move frame ms median / p95 / max', 'page errors'],
        [[b.cards, b.edges, b.nodesInDom, runs(b.firstRenderMs, b.firstRenderRunsMs), `${b.panFrameMs.median} / ${b.panFrameMs.p95} / ${b.panFrameMs.max}`, `${b.remoteMoveFrameMs.median} / ${b.remoteMoveFrameMs.p95} / ${b.remoteMoveFrameMs.max}`, b.errors.length]],
      ),
    );
    if (b.baseline?.length) {
      out.push('Plain React Flow on the same board in the same run (bench/baseline/: memoised custom nodes, nothing else); ours / baseline:');
      out.push(
        table(
          ['baseline', 'cards in DOM', 'first render ms (median; each open)', 'pan frame ms median / p95 / max', 'ours / baseline: first render', 'pan median', 'pan p95'],
          b.baseline.map((x) => [x.name, x.nodesInDom, runs(x.firstRenderMs, x.firstRenderRunsMs), `${x.panFrameMs.median} / ${x.panFrameMs.p95} / ${x.panFrameMs.max}`, `${x.ratio.firstRender}×`, `${x.ratio.panMedian}×`, `${x.ratio.panP95}×`]),
        ),
      );
    }
    if (b.largest) {
      const l = b.largest;
      out.push(table(['largest board: cards', 'links', 'cards in DOM', 'first render ms', 'pan frame ms median / p95 / max'], [[l.cards, l.edges, l.nodesInDom, l.firstRenderMs, `${l.panFrameMs.median} / ${l.panFrameMs.p95} / ${l.panFrameMs.max}`]]));
    }
    if (b.outline) {
      out.push(table(['outline view: open ms', 'tree items in DOM', 'rows', 'End key ms'], [[b.outline.openMs, b.outline.itemsInDom, b.outline.rows, b.outline.endKeyMs]]));
    }
  }
  if (r.skipped.length) out.push(`Skipped or failed: ${r.skipped.join('; ')}`);
  return out.join('\n\n') + '\n';
}

/** A median with the runs it came from: "3413 (4012 / 3413 / 3320)"; older results have no runs. */
function runs(medianMs: number, each: readonly number[] | undefined): string {
  return each && each.length > 1 ? `${medianMs} (${each.join(' / ')})` : String(medianMs);
}
