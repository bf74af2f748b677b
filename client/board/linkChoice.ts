// Which kinds of link may join two cards, and — when none may — the refusal to show: the rule
// that blocks the most natural kind, in the words of shared/linkRules.
import { checkLink, EDGE_KINDS, linkFit, ruleViewOf, type BoardMaps, type EdgeKind, type LinkRefusal } from '../../shared';

export type LinkChoice = { ok: true; kinds: EdgeKind[] } | { ok: false; refusal: LinkRefusal };

export function linkChoice(maps: BoardMaps, source: string, target: string): LinkChoice {
  const view = ruleViewOf(maps);
  const refusals = new Map(EDGE_KINDS.map((k) => [k, checkLink(view, k, source, target)] as const));
  const kinds = EDGE_KINDS.filter((k) => refusals.get(k) === null);
  if (kinds.length) return { ok: true, kinds };
  // Every kind is refused. The kind whose endpoints fit best names the real obstacle (the owner
  // rule, a second parent, a cycle …) rather than "wrong kind of card".
  const s = view.node(source);
  const t = view.node(target);
  const fits = s && t ? EDGE_KINDS.find((k) => ['ok', 'owner'].includes(linkFit(k, s, t))) : undefined;
  const fromFits = s && t ? EDGE_KINDS.find((k) => linkFit(k, s, t) === 'target') : undefined;
  return { ok: false, refusal: refusals.get(fits ?? fromFits ?? EDGE_KINDS[0])! };
}
