// Which kinds of link may join two cards, and — when none may — the refusal to show: the rule
// that blocks the most natural kind, in the words of shared/linkRules.
import { checkLink, EDGE_ENDPOINTS, EDGE_KINDS, ruleViewOf, type BoardMaps, type EdgeKind, type LinkRefusal } from '../../shared';

export type LinkChoice = { ok: true; kinds: EdgeKind[] } | { ok: false; refusal: LinkRefusal };

export function linkChoice(maps: BoardMaps, source: string, target: string): LinkChoice {
  const view = ruleViewOf(maps);
  const kinds = EDGE_KINDS.filter((k) => checkLink(view, k, source, target) === null);
  if (kinds.length) return { ok: true, kinds };
  const s = view.node(source);
  const t = view.node(target);
  // The kind whose endpoints fit best names the real obstacle (a second parent, a cycle …).
  const fits = EDGE_KINDS.find((k) => s && t && EDGE_ENDPOINTS[k].from.includes(s.kind) && EDGE_ENDPOINTS[k].to.includes(t.kind));
  const fromFits = EDGE_KINDS.find((k) => s && EDGE_ENDPOINTS[k].from.includes(s.kind));
  const kind = fits ?? fromFits ?? 'partOf';
  const refusal = checkLink(view, kind, source, target);
  return {
    ok: false,
    refusal: refusal ?? { code: 'unknown_edge_kind', message: { nb: 'Koblingen er ikke tillatt.', nn: 'Koplinga er ikkje tillaten.', en: 'The link is not allowed.' } },
  };
}

