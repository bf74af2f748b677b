// Profiles the browser bench's first render (#19 §1): opens the generated board as bench/browser.ts
// does, with Chromium's JS sampling profiler (CDP Profiler) running from before navigation until
// the cards are drawn, and prints the page's own phase times (performance marks), Chromium's
// script / layout / style totals and the functions and files with the most self time.
// Alone: npx tsx bench/browserProfile.ts [cards] [out.cpuprofile]

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'vite';
import { launchBrowser, newPerson } from '../e2e/support/browser';
import { createBoard, startTestServer } from '../e2e/support/server';
import { generateBoard } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Names a profiled function by its place in our sources (the bundle's source map), not by its minified name. */
function namer(): (f: ProfileNode['callFrame']) => string {
  const maps = new Map<string, SourceMapConsumer | null>();
  return (f) => {
    const file = f.url.replace(/^.*\//, '');
    if (!file) return f.functionName || '(anonymous)';
    if (!maps.has(file)) {
      const map = path.join(root, 'dist/client/assets', `${file}.map`);
      maps.set(file, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
    }
    const m = maps.get(file);
    const o = m?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    if (!o?.source) return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    return `${o.name ?? f.functionName} ${o.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${o.line}`;
  };
}
const nameOf = namer();

function top(profile: Profile, key: (n: ProfileNode) => string, count: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const k = key(byId.get(id)!);
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const idle = self.get('(idle)') ?? 0;
  const busy = [...self.values()].reduce((a, b) => a + b, 0) - idle;
  console.log(`  busy ${(busy / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
}

/** Total time per function including callees (a function counted once per sample however deep it recurses). */
function inclusive(profile: Profile, match: RegExp, count: number): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = nameOf(byId.get(n)!.callFrame);
      if (!match.test(k) || seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  });
  for (const [k, us] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}

/** What the page did over time: per slice, busy ms and the phases (our code, Yjs, React) it was in. */
function timeline(profile: Profile & { startTime: number }, sliceMs = 250): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const phase = /client\/|applyUpdate |performWorkOnRoot |flushPassiveEffects |\(program\)|\(garbage collector\)|evaluate|compile/;
  const slices = new Map<number, { busy: number; phases: Map<string, number> }>();
  let t = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const d = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    const k = Math.floor(t / 1000 / sliceMs);
    const s = slices.get(k) ?? { busy: 0, phases: new Map() };
    slices.set(k, s);
    s.busy += d;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = nameOf(byId.get(n)!.callFrame);
      if (!phase.test(name) || seen.has(name)) continue;
      seen.add(name);
      s.phases.set(name, (s.phases.get(name) ?? 0) + d);
    }
  });
  for (const [k, s] of [...slices].sort((a, b) => a[0] - b[0])) {
    const top = [...s.phases].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, us]) => `${n.replace(/ .*\//, ' ')} ${(us / 1000).toFixed(0)}`);
    console.log(`  ${String(k * sliceMs).padStart(6)} ms  busy ${(s.busy / 1000).toFixed(0).padStart(4)}  ${top.join(' | ')}`);
  }
}

function report(profile: Profile): void {
  console.log('timeline:');
  timeline(profile as Profile & { startTime: number });
  console.log('self time by function:');
  top(profile, (x) => (x.callFrame.functionName === '(idle)' ? '(idle)' : nameOf(x.callFrame)), 40);
  console.log('self time by file:');
  top(profile, (x) => (x.callFrame.functionName === '(idle)' ? '(idle)' : nameOf(x.callFrame).replace(/^\S+ /, '').replace(/:\d+$/, '')), 15);
  console.log('inclusive (bundle functions):');
  inclusive(profile, /\.tsx?:|\.m?js:/, 60);
}

async function main(): Promise<void> {
  // A profile written before (with the bundle still in dist/client): only read it again.
  if (process.argv[2]?.endsWith('.cpuprofile')) return report(JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile);
  const n = Number(process.argv[2] ?? 2000);
  const out = process.argv[3];
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'client'), logLevel: 'warn', build: { sourcemap: true } });
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const board = await createBoard(server.url, { board: generateBoard(n) });
    const p = await newPerson(browser, 'Bench', { width: 1600, height: 1000 });
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await p.page.goto(`${server.url}/b/${board.id}?token=${board.tokens.editor}`);
    // A cheap probe (no cards() per frame, which reads every card from the doc): the cards in the DOM.
    await p.page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0 && window.__malkart?.syncState() === 'online', undefined, { timeout: 120_000 });
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const firstRenderMs = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const metrics = Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const nav = await p.page.evaluate(() => {
      const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const marks = performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`);
      const measures = performance.getEntriesByType('measure').map((m) => `${m.name} ${m.duration.toFixed(0)}ms@${m.startTime.toFixed(0)}`);
      // Where the first drawn card's handles sit (BoardStore's estimate for undrawn cards must match).
      const node = document.querySelector<HTMLElement>('.react-flow__node');
      const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
      const nr = node?.getBoundingClientRect();
      const handles = node && nr ? [...node.querySelectorAll('.react-flow__handle')].map((h) => {
        const r = h.getBoundingClientRect();
        return `${h.classList.contains('source') ? 'source' : 'target'} x ${((r.left - nr.left) / zoom).toFixed(1)} y ${((r.top - nr.top) / zoom).toFixed(1)} ${(r.width / zoom).toFixed(1)}×${(r.height / zoom).toFixed(1)} in ${(nr.width / zoom).toFixed(1)}×${(nr.height / zoom).toFixed(1)}`;
      }) : [];
      return { inDom: document.querySelectorAll('.react-flow__node').length, handles, responseEnd: e.responseEnd.toFixed(0), domContentLoaded: e.domContentLoadedEventEnd.toFixed(0), load: e.loadEventEnd.toFixed(0), marks, measures, cards: window.__malkart?.cards().length };
    });
    console.log(`first render ${firstRenderMs} ms (${n} cards; ${nav.cards} known)`, nav);
    const ms = (k: string) => `${((metrics[k] ?? 0) * 1000).toFixed(0)} ms`;
    console.log(`Chromium: task ${ms('TaskDuration')}, script ${ms('ScriptDuration')}, layout ${ms('LayoutDuration')} (${metrics.LayoutCount}), style ${ms('RecalcStyleDuration')} (${metrics.RecalcStyleCount}), nodes ${metrics.Nodes}`);
    report(profile);
    if (out) writeFileSync(out, JSON.stringify(profile));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
