// The dependencies inside shared/ run one way (ARCHITECTURE.md): each module may import only its
// own layer or those below, and no imports go round in a circle. Test helpers and tests are exempt.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.dirname(fileURLToPath(import.meta.url));

/** Bottom first. A module is placed by the first pattern its path (from shared/) matches. */
const LAYERS: [string, RegExp][] = [
  ['vocabulary', /^(vocabulary|xmlText|yText|wire|seeded|contrast)$/],
  ['types', /^(types|fieldSchemas|theme|snapshotLabel|indicators\/series)$/],
  ['boardDoc', /^(boardDoc|migrateTexts)$/],
  ['operations/rules', /^(bands|linkRules|linkIndex|operations|validateBoard|indicators\/seriesDoc)$/],
  ['read models, workshop', /^(readModels|redThread|sdg|indicators\/csvImport|workshop\/.*|presence|trust)$/],
  ['interchange/export', /^(interchange\/.*|diffBoards|export\/.*|examples\/.*)$/],
  ['surface', /^index$/],
];

function modules(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__golden__' ? [] : modules(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !/^(testing|testBoards)\.ts$/.test(e.name) ? [p] : [];
  });
}
const name = (file: string) => path.relative(root, file).replace(/\.ts$/, '');
function layerOf(mod: string): number {
  const i = LAYERS.findIndex(([, re]) => re.test(mod));
  if (i < 0) throw new Error(`${mod} is in no layer: add it to LAYERS`);
  return i;
}
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)].map((m) => {
    const target = path.resolve(path.dirname(file), m[1]!);
    for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) {
      try {
        readFileSync(candidate);
        return name(candidate);
      } catch {
        /* try the next */
      }
    }
    return name(target);
  });
}

describe('shared/ layers', () => {
  const graph = new Map(modules().map((f) => [name(f), importsOf(f)]));

  it('every module imports only its own layer or those below', () => {
    const upward: string[] = [];
    for (const [mod, deps] of graph) {
      for (const dep of deps) if (layerOf(dep) > layerOf(mod)) upward.push(`${mod} → ${dep}`);
    }
    expect(upward).toEqual([]);
  });

  it('no import cycles, between modules or between the folders interchange/ and workshop/', () => {
    const folder = (m: string) => m.split('/')[0]!;
    const edges = (useFolders: boolean) => {
      const out = new Map<string, Set<string>>();
      for (const [mod, deps] of graph) {
        const from = useFolders ? folder(mod) : mod;
        for (const dep of deps) {
          const to = useFolders ? folder(dep) : dep;
          if (to === from) continue;
          if (!out.has(from)) out.set(from, new Set());
          out.get(from)!.add(to);
        }
      }
      return out;
    };
    for (const useFolders of [false, true]) {
      const next = edges(useFolders);
      const state = new Map<string, 'open' | 'done'>();
      const cycles: string[] = [];
      const visit = (n: string, trail: string[]) => {
        if (state.get(n) === 'done') return;
        if (state.get(n) === 'open') return void cycles.push([...trail.slice(trail.indexOf(n)), n].join(' → '));
        state.set(n, 'open');
        for (const m of next.get(n) ?? []) visit(m, [...trail, n]);
        state.set(n, 'done');
      };
      for (const n of next.keys()) visit(n, []);
      expect(cycles).toEqual([]);
    }
  });

  it('types.ts imports nothing but the vocabulary', () => {
    expect(graph.get('types')).toEqual(['vocabulary']);
  });
});
