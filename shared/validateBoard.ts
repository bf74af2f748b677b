// Lists every rule a merged document breaks. A CRDT merges concurrent edits without asking, so
// two people can together give a card two parents or close a cycle; this reports it and repairs
// nothing (docs/domain.md: it repairs nothing, so nobody's work is silently deleted).
import type * as Y from 'yjs';
import { readGraph, type BoardGraph } from './boardDoc';
import { ACYCLIC_EDGE_KINDS, linkBreaks } from './linkRules';
import { nodeFieldSchemas, edgeFieldSchemas } from './fieldSchemas';
import { NODE_FIELDS } from './types';
import { EDGE_KINDS, NODE_KINDS, isOneOf, type Lang, type Localized } from './vocabulary';

export type ViolationCode =
  | 'multiple_parents'
  | 'cycle'
  | 'dangling_edge'
  | 'unknown_kind'
  | 'unknown_edge_kind'
  | 'invalid_field'
  | 'missing_title'
  | 'edge_kind_mismatch'
  | 'owner_rule'
  | 'note_linked'
  | 'self_link'
  | 'duplicate_edge';

export interface Violation {
  code: ViolationCode;
  nodeIds?: string[];
  edgeId?: string;
  edgeIds?: string[];
  message: string;
}

/** Strongly connected components with more than one node, found with Tarjan's algorithm. */
export function cyclesOf(nodeIds: Iterable<string>, next: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  // Iterative, so a long chain on a large board cannot overflow the call stack.
  for (const start of nodeIds) {
    if (idx.has(start)) continue;
    const work: { id: string; i: number }[] = [{ id: start, i: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const succ = next.get(frame.id) ?? [];
      if (frame.i < succ.length) {
        const w = succ[frame.i++]!;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, idx.get(w)!));
        }
      } else {
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1]!.id;
          low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
        }
        if (low.get(frame.id) === idx.get(frame.id)) {
          const comp: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== frame.id);
          if (comp.length > 1) out.push(comp.sort());
        }
      }
    }
  }
  return out;
}

const M: Record<ViolationCode, (p: Record<string, string>) => Localized> = {
  multiple_parents: (p) => ({
    nb: `«${p.title}» er delmål av flere overordnede (${p.parents}). Behold én av koblingene.`,
    nn: `«${p.title}» er delmål av fleire overordna (${p.parents}). Behald éi av koplingane.`,
    en: `"${p.title}" is part of several parents (${p.parents}). Keep one of the links.`,
  }),
  cycle: (p) => ({
    nb: `Målene danner en sirkel: ${p.titles}. Fjern én av koblingene.`,
    nn: `Måla dannar ein sirkel: ${p.titles}. Fjern éi av koplingane.`,
    en: `The goals form a cycle: ${p.titles}. Remove one of the links.`,
  }),
  dangling_edge: (p) => ({
    nb: `En kobling peker på et kort som er slettet (${p.missing}).`,
    nn: `Ei kopling peikar på eit kort som er sletta (${p.missing}).`,
    en: `A link points at a card that was deleted (${p.missing}).`,
  }),
  unknown_kind: (p) => ({ nb: `Ukjent korttype «${p.kind}».`, nn: `Ukjend korttype «${p.kind}».`, en: `Unknown card kind "${p.kind}".` }),
  unknown_edge_kind: (p) => ({ nb: `Ukjent koblingstype «${p.kind}».`, nn: `Ukjend koplingstype «${p.kind}».`, en: `Unknown link kind "${p.kind}".` }),
  invalid_field: (p) => ({
    nb: `«${p.title}»: ugyldig verdi i feltet «${p.field}».`,
    nn: `«${p.title}»: ugyldig verdi i feltet «${p.field}».`,
    en: `"${p.title}": invalid value in field "${p.field}".`,
  }),
  missing_title: () => ({ nb: 'Et kort mangler tittel.', nn: 'Eit kort manglar tittel.', en: 'A card has no title.' }),
  edge_kind_mismatch: (p) => ({
    nb: `Koblingen «${p.kind}» passer ikke mellom disse korttypene.`,
    nn: `Koplinga «${p.kind}» passar ikkje mellom desse korttypane.`,
    en: `The link "${p.kind}" does not fit between these card kinds.`,
  }),
  owner_rule: () => ({
    nb: 'Operasjonalisering mellom to kort med samme eier (og ingen er felles).',
    nn: 'Operasjonalisering mellom to kort med same eigar (og ingen er felles).',
    en: 'Operationalising between two cards of the same owner (and neither is joint).',
  }),
  note_linked: () => ({ nb: 'En lapp er koblet til et annet kort.', nn: 'Ein lapp er kopla til eit anna kort.', en: 'A sticky note is linked to another card.' }),
  self_link: () => ({ nb: 'Et kort er koblet til seg selv.', nn: 'Eit kort er kopla til seg sjølv.', en: 'A card is linked to itself.' }),
  duplicate_edge: (p) => ({
    nb: `Samme kobling «${p.kind}» finnes flere ganger.`,
    nn: `Same kopling «${p.kind}» finst fleire gonger.`,
    en: `The same link "${p.kind}" exists more than once.`,
  }),
};

export function validateBoard(doc: Y.Doc, lang: Lang = 'nb'): Violation[] {
  return validateGraph(readGraph(doc), lang);
}

export function validateGraph(graph: BoardGraph, lang: Lang = 'nb'): Violation[] {
  const out: Violation[] = [];
  const msg = (code: ViolationCode, p: Record<string, string> = {}) => M[code](p)[lang];
  const title = (id: string) => graph.nodes.get(id)?.title || id;
  const nodes = [...graph.nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const edges = [...graph.edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

  for (const n of nodes) {
    if (!isOneOf(NODE_KINDS, n.kind)) {
      out.push({ code: 'unknown_kind', nodeIds: [n.id], message: msg('unknown_kind', { kind: String(n.kind) }) });
    }
    if (!n.title.trim()) out.push({ code: 'missing_title', nodeIds: [n.id], message: msg('missing_title') });
    for (const f of NODE_FIELDS) {
      if (f === 'kind' || f === 'title' || f === 'description') continue;
      const v = n[f];
      if (v === undefined && f !== 'tier' && f !== 'owner') continue;
      if (!nodeFieldSchemas[f].safeParse(v).success) {
        out.push({ code: 'invalid_field', nodeIds: [n.id], message: msg('invalid_field', { title: title(n.id), field: f }) });
      }
    }
  }

  const parents = new Map<string, string[]>();
  const next = new Map<string, string[]>();
  const seenLinks = new Map<string, string>();
  for (const e of edges) {
    if (!isOneOf(EDGE_KINDS, e.kind)) {
      out.push({ code: 'unknown_edge_kind', edgeId: e.id, message: msg('unknown_edge_kind', { kind: String(e.kind) }) });
      continue;
    }
    const from = graph.nodes.get(e.source);
    const to = graph.nodes.get(e.target);
    if (!from || !to) {
      const missing = [!from ? e.source : null, !to ? e.target : null].filter(Boolean).join(', ');
      out.push({ code: 'dangling_edge', edgeId: e.id, message: msg('dangling_edge', { missing }) });
      continue;
    }
    const label = e.kind;
    if (e.source === e.target) out.push({ code: 'self_link', edgeId: e.id, nodeIds: [e.source], message: msg('self_link') });
    // Cards of a kind no one knows are reported as unknown_kind above, not again for their links.
    const known = isOneOf(NODE_KINDS, from.kind) && isOneOf(NODE_KINDS, to.kind);
    const breaks = linkBreaks(e.kind, from, to);
    if (breaks.includes('note')) {
      out.push({ code: 'note_linked', edgeId: e.id, nodeIds: [e.source, e.target], message: msg('note_linked') });
    } else if (known && (breaks.includes('source') || breaks.includes('target'))) {
      out.push({ code: 'edge_kind_mismatch', edgeId: e.id, nodeIds: [e.source, e.target], message: msg('edge_kind_mismatch', { kind: label }) });
    }
    if (breaks.includes('owner')) {
      out.push({ code: 'owner_rule', edgeId: e.id, nodeIds: [e.source, e.target], message: msg('owner_rule') });
    }
    for (const f of ['note', 'severity', 'resolution'] as const) {
      if (e[f] !== undefined && !edgeFieldSchemas[f].safeParse(e[f]).success) {
        out.push({ code: 'invalid_field', edgeId: e.id, message: msg('invalid_field', { title: e.id, field: f }) });
      }
    }
    const key =
      e.kind === 'conflictsWith' ? `${e.kind}|${[e.source, e.target].sort().join('|')}` : `${e.kind}|${e.source}|${e.target}`;
    const first = seenLinks.get(key);
    if (first) {
      out.push({ code: 'duplicate_edge', edgeId: e.id, edgeIds: [first, e.id], message: msg('duplicate_edge', { kind: label }) });
    } else seenLinks.set(key, e.id);

    if (e.kind === 'partOf') {
      const list = parents.get(e.source) ?? [];
      list.push(e.id);
      parents.set(e.source, list);
    }
    if (ACYCLIC_EDGE_KINDS.includes(e.kind)) {
      const list = next.get(e.source) ?? [];
      list.push(e.target);
      next.set(e.source, list);
    }
  }

  for (const [child, edgeIds] of [...parents.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // The same parent linked twice is one parent (and a duplicate_edge), not two.
    const parentIds = [...new Set(edgeIds.map((id) => graph.edges.get(id)!.target))];
    if (parentIds.length < 2) continue;
    out.push({
      code: 'multiple_parents',
      nodeIds: [child, ...parentIds],
      edgeIds,
      message: msg('multiple_parents', { title: title(child), parents: parentIds.map(title).join(', ') }),
    });
  }
  for (const comp of cyclesOf(nodes.map((n) => n.id), next)) {
    const inCycle = new Set(comp);
    const edgeIds = edges
      .filter((e) => ACYCLIC_EDGE_KINDS.includes(e.kind) && inCycle.has(e.source) && inCycle.has(e.target))
      .map((e) => e.id);
    out.push({ code: 'cycle', nodeIds: comp, edgeIds, message: msg('cycle', { titles: comp.map(title).join(' → ') }) });
  }
  return out;
}
