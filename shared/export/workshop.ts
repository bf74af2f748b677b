// The workshop's part of the chapter: who agreed to each goal, indicator and measure, an
// agreement overview, and (when asked for) the comment threads as an appendix. Everything here is
// absent for a board without workshop data, so such boards export exactly as before.
import type { BoardGraph } from '../boardDoc';
import { boardOrder } from '../readModels';
import type { BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import { EDGE_KIND_LABELS, NODE_KIND_LABELS } from '../vocabulary';
import { evaluateAgreement, isAgreeableKind, type AgreementStatus } from '../workshop/agreements';
import type { AgreementRecord, CommentThread } from '../workshop/model';
import { AGREEABLE_KINDS, AGREEING_SIDES } from '../workshop/sides';
import { formatDateTime } from './format';
import { EXPORT_LABELS, type ExportLang } from './labels';

export interface AgreementItem {
  title: string;
  detail: string;
  agreement: string;
}
export interface AgreementOverview {
  heading: string;
  intro: string;
  lists: { heading: string; items: AgreementItem[] }[];
}
export interface ChapterComment {
  author: string;
  at: string;
  text: string;
}
export interface ChapterThread {
  /** What the thread is about: "Mål «…» (se 2.1)", a link, or a deleted card. */
  subject: string;
  /** "Åpen" or "Løst av … 12.03.2025 kl. 10.00". */
  status: string;
  messages: ChapterComment[];
}
export interface CommentAppendix {
  heading: string;
  intro: string;
  groups: { heading: string; threads: ChapterThread[] }[];
  /** Said when there is no thread at all. */
  empty?: string;
}

/** Each agreeable card's agreement, for cards that have any record. */
export function agreementsOf(board: BoardJson): (node: BoardNode) => AgreementStatus | undefined {
  const byTarget = new Map<string, AgreementRecord[]>();
  for (const r of board.workshop?.agreements ?? []) byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), r]);
  return (node) => {
    const records = byTarget.get(node.id);
    return records && isAgreeableKind(node.kind) ? evaluateAgreement(node, records) : undefined;
  };
}

/** "Avtalt (stat: Siri Stat, 12.03.2025 kl. 10.00; kommune: …)", and what an edit cleared. */
export function agreementText(status: AgreementStatus, lang: ExportLang): string {
  const W = EXPORT_LABELS[lang].workshop;
  const who = (r: AgreementRecord) => `${r.name}, ${formatDateTime(r.at, lang)}`;
  const held = AGREEING_SIDES.flatMap((side) => (status[side] ? [`${W.side[side]}: ${who(status[side]!)}`] : []));
  let text = W.state[status.state] + (held.length ? ` (${held.join('; ')})` : '');
  if (status.cleared?.length) {
    text += `; ${W.changedAfterAgreement} ${status.cleared.map((r) => `${W.side[r.side]} (${who(r)})`).join(', ')}`;
  }
  return text;
}

export function buildAgreementOverview(
  board: BoardJson,
  graph: BoardGraph,
  lang: ExportLang,
  item: (n: BoardNode, extra?: string[]) => { title: string; detail: string },
): AgreementOverview | undefined {
  if (!board.workshop?.agreements.length) return undefined;
  const W = EXPORT_LABELS[lang].workshop;
  const statusOf = agreementsOf(board);
  const kindOrder: readonly string[] = AGREEABLE_KINDS;
  const cards = [...graph.nodes.values()]
    .filter((n) => isAgreeableKind(n.kind))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || boardOrder(a, b));
  const lists = { avtalt: [] as AgreementItem[], oneSide: [] as AgreementItem[], open: [] as AgreementItem[] };
  for (const n of cards) {
    const status = statusOf(n) ?? { state: 'open' as const };
    const entry = { ...item(n, [NODE_KIND_LABELS[n.kind][lang]]), agreement: agreementText(status, lang) };
    lists[status.state === 'avtalt' ? 'avtalt' : status.state === 'open' ? 'open' : 'oneSide'].push(entry);
  }
  return {
    heading: W.overview,
    intro: W.overviewIntro,
    lists: (['avtalt', 'oneSide', 'open'] as const).map((k) => ({ heading: W.lists[k], items: lists[k] })),
  };
}

export function buildCommentAppendix(
  board: BoardJson,
  graph: BoardGraph,
  lang: ExportLang,
  numberOf: ReadonlyMap<string, string>,
  everything: boolean,
): CommentAppendix {
  const L = EXPORT_LABELS[lang];
  const W = L.workshop;
  const allNodes = new Map(board.nodes.map((n) => [n.id, n]));
  const allEdges = new Set(board.edges.map((e) => e.id));
  const card = (n: BoardNode) => {
    const num = numberOf.get(n.id);
    return `${NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind} «${n.title}»${num ? ` (${L.see} ${num})` : ''}`;
  };
  const subjectOf = (t: CommentThread): string | undefined => {
    if (t.targetType === 'edge') {
      const e = graph.edges.get(t.targetId);
      if (e) {
        const s = graph.nodes.get(e.source);
        const d = graph.nodes.get(e.target);
        return `${W.link}: «${s?.title ?? e.source}» ${EDGE_KIND_LABELS[e.kind]?.[lang] ?? e.kind} «${d?.title ?? e.target}»`;
      }
      return !allEdges.has(t.targetId) && everything ? `${W.deletedLink} (${t.targetId})` : undefined;
    }
    const n = graph.nodes.get(t.targetId);
    if (n) return card(n);
    return !allNodes.has(t.targetId) && everything ? `${W.deletedCard} (${t.targetId})` : undefined;
  };
  const open: ChapterThread[] = [];
  const resolved: ChapterThread[] = [];
  for (const t of board.workshop?.comments ?? []) {
    const subject = subjectOf(t);
    if (!subject) continue;
    const status = t.resolved
      ? [W.resolvedBy, t.resolvedBy?.name, t.resolvedAt && formatDateTime(t.resolvedAt, lang)].filter(Boolean).join(' ')
      : W.open;
    const messages = t.messages.map((m) => ({ author: m.name, at: formatDateTime(m.at, lang), text: m.text }));
    (t.resolved ? resolved : open).push({ subject, status, messages });
  }
  const groups = [
    { heading: W.openThreads, threads: open },
    { heading: W.resolvedThreads, threads: resolved },
  ].filter((g) => g.threads.length);
  return { heading: W.comments, intro: W.commentsIntro, groups, ...(groups.length ? {} : { empty: W.noComments }) };
}

/** One agreement given or withdrawn, as the server's audit log holds it (#16): its time and its idea of who. */
export interface AgreementLogEntry {
  /** ISO 8601, the server's clock. */
  at: string;
  action: 'give' | 'withdraw';
  targetId: string;
  side: 'stat' | 'kommune';
  name: string;
  verified: boolean;
}

/**
 * The agreement log as an appendix section, oldest first: "12.03.2025 kl. 10.00 – Stat: Siri Stat
 * (ubekreftet navn) sa seg enig i Mål «…»". Entries about cards outside the view are left out;
 * a deleted card is named as such in the whole board's export.
 */
export function buildAgreementLog(
  entries: readonly AgreementLogEntry[],
  board: BoardJson,
  graph: BoardGraph,
  lang: ExportLang,
): { heading: string; intro: string; items: string[] } | undefined {
  const W = EXPORT_LABELS[lang].workshop;
  const onBoard = new Set(board.nodes.map((n) => n.id));
  const items: string[] = [];
  for (const e of [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const n = graph.nodes.get(e.targetId);
    if (!n && onBoard.has(e.targetId)) continue; // on the board, outside this view
    const card = n ? `${NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind} «${n.title}»` : `${W.deletedCard} (${e.targetId})`;
    const who = `${W.side[e.side].charAt(0).toUpperCase()}${W.side[e.side].slice(1)}: ${e.name}${e.verified ? '' : ` (${W.unverified})`}`;
    items.push(`${formatDateTime(e.at, lang)} – ${who} ${e.action === 'give' ? W.gave : W.withdrew} ${card}`);
  }
  return items.length ? { heading: W.agreementLog, intro: W.agreementLogIntro, items } : undefined;
}
