// The rules for links (docs/domain.md), checked where a link is made. A refusal is data (a code and a
// message in every language), never an exception: the UI shows it and the user carries on.
import type { EdgeKind, Localized, NodeKind, Owner } from './vocabulary';
import { EDGE_KINDS, EDGE_KIND_LABELS, NODE_KIND_LABELS, isOneOf } from './vocabulary';
import type { EdgeFields } from './types';

/** The one table: which node kinds each edge kind may connect (docs/domain.md "Links"). */
export const EDGE_ENDPOINTS: Record<EdgeKind, { from: readonly NodeKind[]; to: readonly NodeKind[] }> = {
  partOf: { from: ['goal', 'strategy', 'focus'], to: ['goal', 'focus', 'vision'] },
  contributesTo: { from: ['goal', 'strategy', 'measure'], to: ['goal'] },
  operationalises: { from: ['goal', 'measure'], to: ['goal', 'directive'] },
  measuredBy: { from: ['goal', 'measure'], to: ['indicator'] },
  anchoredIn: { from: ['goal', 'strategy', 'focus'], to: ['directive'] },
  governedThrough: { from: ['goal', 'measure'], to: ['instrument'] },
  influencedBy: { from: ['goal', 'focus'], to: ['context'] },
  conflictsWith: { from: ['goal'], to: ['goal'] },
};

/** Edge kinds that together must form no cycle. */
export const ACYCLIC_EDGE_KINDS: readonly EdgeKind[] = ['partOf', 'contributesTo', 'operationalises'];

export type LinkRefusalCode =
  | 'unknown_edge_kind'
  | 'unknown_node'
  | 'self_link'
  | 'note_not_linkable'
  | 'source_kind_not_allowed'
  | 'target_kind_not_allowed'
  | 'duplicate'
  | 'second_parent'
  | 'cycle'
  | 'owner_rule';

export interface LinkRefusal {
  code: LinkRefusalCode;
  message: Localized;
}

/** What the rules need to know of a board; both a live Y.Doc and a plain graph provide it. */
export interface RuleView {
  node(id: string): { kind: NodeKind; owner: Owner; title: string } | undefined;
  edges(): Iterable<EdgeFields & { id: string }>;
}

/** A kind's label; a kind no one knows (written by a foreign client) is shown as stored. */
const kindLabel = (kind: NodeKind, lang: keyof Localized) => NODE_KIND_LABELS[kind]?.[lang].toLowerCase() ?? String(kind);
const kindList = (kinds: readonly NodeKind[], lang: keyof Localized) => kinds.map((k) => kindLabel(k, lang)).join(', ');

export function ownerRuleHolds(a: Owner, b: Owner): boolean {
  return a !== b || a === 'felles' || b === 'felles';
}

export function endpointKindsAllowed(kind: EdgeKind, from: NodeKind, to: NodeKind): 'ok' | 'source' | 'target' {
  const rule = EDGE_ENDPOINTS[kind];
  if (!rule.from.includes(from)) return 'source';
  if (!rule.to.includes(to)) return 'target';
  return 'ok';
}

/** What the pair rules look at of a card. */
export interface LinkEnd {
  kind: NodeKind;
  owner: Owner;
}

/**
 * The one predicate for two cards: may an edge of `kind` go from `from` to `to`? `linkBreaks` lists
 * every pair rule it breaks — a sticky note, the source's or target's kind (EDGE_ENDPOINTS), the
 * owner rule — and `linkFit` names the first, or 'ok'. The rules that need the whole board
 * (duplicate, second parent, cycle) are checkLink's.
 */
export type LinkBreak = 'note' | 'source' | 'target' | 'owner';
export type LinkFit = 'ok' | LinkBreak;
export function linkBreaks(kind: EdgeKind, from: LinkEnd, to: LinkEnd): LinkBreak[] {
  const out: LinkBreak[] = [];
  if (from.kind === 'note' || to.kind === 'note') out.push('note');
  const ends = endpointKindsAllowed(kind, from.kind, to.kind);
  if (ends !== 'ok') out.push(ends);
  if (kind === 'operationalises' && !ownerRuleHolds(from.owner, to.owner)) out.push('owner');
  return out;
}
export function linkFit(kind: EdgeKind, from: LinkEnd, to: LinkEnd): LinkFit {
  return linkBreaks(kind, from, to)[0] ?? 'ok';
}

/** The edge kinds two cards allow between them (from → to), in EDGE_KINDS order. */
export function edgeKindsBetween(from: LinkEnd, to: LinkEnd): EdgeKind[] {
  return EDGE_KINDS.filter((k) => linkFit(k, from, to) === 'ok');
}

function sameLink(e: EdgeFields, kind: EdgeKind, source: string, target: string): boolean {
  if (e.kind !== kind) return false;
  if (e.source === source && e.target === target) return true;
  return kind === 'conflictsWith' && e.source === target && e.target === source;
}

/** True when `to` reaches `from` over the acyclic edge kinds, i.e. adding from → to closes a cycle. */
export function wouldCloseCycle(edges: Iterable<EdgeFields>, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!ACYCLIC_EDGE_KINDS.includes(e.kind)) continue;
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>([to]);
  const stack = [to];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === from) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}

/** Null when the link may be made; otherwise why not. */
export function checkLink(view: RuleView, kind: string, source: string, target: string): LinkRefusal | null {
  if (!isOneOf(EDGE_KINDS, kind)) {
    return {
      code: 'unknown_edge_kind',
      message: {
        nb: `Ukjent koblingstype «${kind}».`,
        nn: `Ukjend koplingstype «${kind}».`,
        en: `Unknown link kind "${kind}".`,
      },
    };
  }
  const from = view.node(source);
  const to = view.node(target);
  if (!from || !to) {
    return {
      code: 'unknown_node',
      message: {
        nb: 'Kortet finnes ikke lenger på tavla.',
        nn: 'Kortet finst ikkje lenger på tavla.',
        en: 'The card no longer exists on the board.',
      },
    };
  }
  if (source === target) {
    return {
      code: 'self_link',
      message: {
        nb: 'Et kort kan ikke kobles til seg selv.',
        nn: 'Eit kort kan ikkje koplast til seg sjølv.',
        en: 'A card cannot be linked to itself.',
      },
    };
  }
  const fit = linkFit(kind, from, to);
  if (fit === 'note') {
    return {
      code: 'note_not_linkable',
      message: {
        nb: 'En lapp kan ikke kobles. Gjør den først om til et mål, tiltak eller en annen type.',
        nn: 'Ein lapp kan ikkje koplast. Gjer han først om til eit mål, tiltak eller ein annan type.',
        en: 'A sticky note cannot be linked. Turn it into a goal, measure or another kind first.',
      },
    };
  }
  const label = EDGE_KIND_LABELS[kind];
  if (fit === 'source') {
    const kinds = EDGE_ENDPOINTS[kind].from;
    return {
      code: 'source_kind_not_allowed',
      message: {
        nb: `«${label.nb}» kan bare gå fra ${kindList(kinds, 'nb')}, ikke fra ${kindLabel(from.kind, 'nb')}.`,
        nn: `«${label.nn}» kan berre gå frå ${kindList(kinds, 'nn')}, ikkje frå ${kindLabel(from.kind, 'nn')}.`,
        en: `"${label.en}" can only start at ${kindList(kinds, 'en')}, not at ${kindLabel(from.kind, 'en')}.`,
      },
    };
  }
  if (fit === 'target') {
    const kinds = EDGE_ENDPOINTS[kind].to;
    return {
      code: 'target_kind_not_allowed',
      message: {
        nb: `«${label.nb}» kan bare gå til ${kindList(kinds, 'nb')}, ikke til ${kindLabel(to.kind, 'nb')}.`,
        nn: `«${label.nn}» kan berre gå til ${kindList(kinds, 'nn')}, ikkje til ${kindLabel(to.kind, 'nn')}.`,
        en: `"${label.en}" can only end at ${kindList(kinds, 'en')}, not at ${kindLabel(to.kind, 'en')}.`,
      },
    };
  }
  if (fit === 'owner') {
    return {
      code: 'owner_rule',
      message: {
        nb: 'Operasjonalisering må gå mellom ulike eiere (stat og kommune), eller fra eller til et felles mål.',
        nn: 'Operasjonalisering må gå mellom ulike eigarar (stat og kommune), eller frå eller til eit felles mål.',
        en: 'Operationalising must link different owners (state and municipality), or involve a joint goal.',
      },
    };
  }
  const edges = [...view.edges()];
  if (edges.some((e) => sameLink(e, kind, source, target))) {
    return {
      code: 'duplicate',
      message: {
        nb: `Kortene er allerede koblet med «${label.nb}».`,
        nn: `Korta er allereie kopla med «${label.nn}».`,
        en: `The cards are already linked with "${label.en}".`,
      },
    };
  }
  if (kind === 'partOf') {
    const parentEdge = edges.find((e) => e.kind === 'partOf' && e.source === source);
    if (parentEdge) {
      const parent = view.node(parentEdge.target)?.title ?? '';
      return {
        code: 'second_parent',
        message: {
          nb: `«${from.title}» er allerede delmål av «${parent}». Et kort kan bare ha én overordnet.`,
          nn: `«${from.title}» er allereie delmål av «${parent}». Eit kort kan berre ha éin overordna.`,
          en: `"${from.title}" is already part of "${parent}". A card can have only one parent.`,
        },
      };
    }
  }
  if (ACYCLIC_EDGE_KINDS.includes(kind) && wouldCloseCycle(edges, source, target)) {
    return {
      code: 'cycle',
      message: {
        nb: 'Koblingen ville lage en sirkel: målet ville bidra til seg selv gjennom andre mål.',
        nn: 'Koplinga ville laga ein sirkel: målet ville bidra til seg sjølv gjennom andre mål.',
        en: 'The link would close a cycle: the goal would contribute to itself through other goals.',
      },
    };
  }
  return null;
}
