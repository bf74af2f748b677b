// The referat of a partnership meeting (#20 §2): who took part, what was agreed and by whom, what
// was withdrawn or cleared by an edit, vote results, the cards added, changed and removed, open
// comment threads with who must answer, and the divergences still open. A pure builder over plain
// input — the board at the meeting's start (its snapshot), the board now, the people present and,
// when trusted records exist (#16), the audit log — laid out as Markdown, HTML or DOCX.
// Nothing from before the meeting is told unless it changed in it.
import { diffBoards } from '../diffBoards';
import { divergences, graphFromJson } from '../readModels';
import type { BoardJson } from '../interchange/schema';
import type { BoardEdge, BoardNode } from '../types';
import { EDGE_KIND_LABELS, NODE_KIND_LABELS, SEVERITY_LABELS } from '../vocabulary';
import { evaluateAgreement, isAgreeableKind } from '../workshop/agreements';
import type { AgreementRecord, CommentThread, VoteRecord } from '../workshop/model';
import { AGREEING_SIDES, SIDE_LABELS, SIDES, type AgreeingSide, type Side } from '../workshop/sides';
import { rankTallies, tallyVote } from '../workshop/votes';
import { formatDateTime } from './format';
import type { ExportLang } from './labels';
import { REFERAT_LABELS } from './referatLabels';

/** A trusted record of a workshop act (#16's audit log), written by the server. */
export interface ReferatAuditEntry {
  at: string;
  action: 'agree' | 'withdraw' | (string & {});
  targetId?: string;
  side?: AgreeingSide;
  participantId?: string;
  name: string;
}

export interface ReferatParticipant {
  name: string;
  side?: Side | null;
  participantId?: string;
}

export interface ReferatInput {
  /** The board as it was when the facilitator marked the meeting's start (its snapshot). */
  start: BoardJson;
  /** The board now. */
  now: BoardJson;
  meeting: {
    /** The start snapshot's name. */
    label: string;
    startedAt: string;
    endedAt: string;
  };
  /** The people on the board when the referat is asked for (presence); others come from the records. */
  participants?: ReferatParticipant[];
  /** When given, who agreed or withdrew is read from it rather than from the board's own records. */
  audit?: ReferatAuditEntry[];
  lang: ExportLang;
}

export type ReferatBlock =
  | { type: 'p'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] };

export interface ReferatSection {
  key: 'participants' | 'agreed' | 'lost' | 'votes' | 'changes' | 'comments' | 'divergences';
  heading: string;
  blocks: ReferatBlock[];
}

export interface Referat {
  lang: ExportLang;
  title: string;
  facts: [string, string][];
  sections: ReferatSection[];
  closing: string;
}

const quote = (s: string) => `«${s.replace(/\s+/g, ' ').trim()}»`;
const time = (iso: string) => Date.parse(iso);

export function buildReferat(input: ReferatInput): Referat {
  const { start, now, meeting, lang } = input;
  const L = REFERAT_LABELS[lang];
  const since = time(meeting.startedAt);
  const during = (iso: string | undefined) => !!iso && time(iso) >= since;
  const startNodes = new Map(start.nodes.map((n) => [n.id, n]));
  const nowNodes = new Map(now.nodes.map((n) => [n.id, n]));
  const titleOf = (id: string) => {
    const n = nowNodes.get(id) ?? startNodes.get(id);
    return n ? quote(n.title) : L.deletedCard;
  };
  const kindOf = (n: BoardNode) => NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind;
  const sideName = (s: Side) => SIDE_LABELS[s][lang].toLowerCase();
  const linkText = (e: BoardEdge) => L.aLink(EDGE_KIND_LABELS[e.kind]?.[lang] ?? e.kind, titleOf(e.source), titleOf(e.target));
  const diff = diffBoards(start, now);
  const ws = now.workshop ?? { agreements: [], votes: [], comments: [] };

  // ---- who took part ----
  const sideOf = new Map<string, Side>();
  const people = new Map<string, { name: string; side?: Side }>();
  const meet = (name: string, participantId: string | undefined, side?: Side | null) => {
    const key = participantId ?? `name:${name}`;
    const known = people.get(key);
    const s = side ?? (participantId ? sideOf.get(participantId) : undefined) ?? known?.side;
    people.set(key, { name: known?.name ?? name, side: s });
    if (participantId && s) sideOf.set(participantId, s);
  };
  for (const p of input.participants ?? []) meet(p.name, p.participantId, p.side);
  for (const r of ws.agreements) if (during(r.at)) meet(r.name, r.participantId, r.side);
  for (const a of input.audit ?? []) if (during(a.at)) meet(a.name, a.participantId, a.side);
  for (const v of ws.votes) {
    if (during(v.createdAt)) meet(v.createdBy.name, v.createdBy.participantId);
    for (const b of v.ballots) if (during(b.at)) meet(b.name, b.participantId);
  }
  for (const t of ws.comments) {
    for (const m of t.messages) if (during(m.at)) meet(m.name, m.participantId);
    if (t.resolvedBy && during(t.resolvedAt)) meet(t.resolvedBy.name, t.resolvedBy.participantId);
  }
  // A second pass gives everyone the side any of their records told.
  for (const [key, p] of people) if (!p.side && !key.startsWith('name:') && sideOf.has(key)) p.side = sideOf.get(key);
  const bySide = new Map<Side | undefined, string[]>();
  for (const p of people.values()) bySide.set(p.side, [...(bySide.get(p.side) ?? []), p.name]);
  const sortNames = (l: string[]) => [...new Set(l)].sort((a, b) => a.localeCompare(b, 'nb'));
  const participantItems = [
    ...SIDES.filter((s) => bySide.has(s)).map((s) => `${SIDE_LABELS[s][lang]}: ${sortNames(bySide.get(s)!).join(', ')}`),
    ...(bySide.has(undefined) ? [`${L.sideUnknown}: ${sortNames(bySide.get(undefined)!).join(', ')}`] : []),
  ];
  const sections: ReferatSection[] = [
    { key: 'participants', heading: L.participants, blocks: [participantItems.length ? { type: 'list', items: participantItems } : { type: 'p', text: L.participantsNone }] },
  ];

  // ---- agreements given, withdrawn and cleared ----
  const audit = input.audit;
  const auditFor = (action: string, targetId: string, side: AgreeingSide) =>
    audit?.filter((a) => a.action === action && a.targetId === targetId && a.side === side && during(a.at)).at(-1);
  const givenBy = (rec: AgreementRecord): string => {
    if (!audit) return `${SIDE_LABELS[rec.side][lang]}: ${rec.name}, ${formatDateTime(rec.at, lang)}`;
    const a = auditFor('agree', rec.targetId, rec.side);
    return a ? `${SIDE_LABELS[rec.side][lang]}: ${a.name}, ${formatDateTime(a.at, lang)}` : `${SIDE_LABELS[rec.side][lang]}: ${rec.name} (${L.notInAudit})`;
  };
  const agreedRows: string[][] = [];
  const lost: string[] = [];
  for (const change of diff.agreements) {
    const node = nowNodes.get(change.id)!;
    const given = change.sides.filter((s) => s.change === 'agreed' && during(s.record.at));
    if (given.length) {
      agreedRows.push([
        quote(node.title),
        kindOf(node),
        change.after === 'avtalt' ? L.bothSides : change.after === 'open' ? '–' : L.oneSide(sideName(change.after)),
        given.map((s) => givenBy(s.record)).join('; '),
      ]);
    }
    for (const s of change.sides) {
      if (s.change === 'withdrawn') {
        const a = auditFor('withdraw', change.id, s.side);
        lost.push(L.withdrawn(sideName(s.side), quote(node.title), a ? `${a.name}, ${formatDateTime(a.at, lang)}` : ''));
      } else if (s.change === 'cleared') lost.push(L.cleared(sideName(s.side), quote(node.title)));
    }
  }
  // An agreement held at the start on a card removed in the meeting went with it.
  const startAgreements = new Map<string, AgreementRecord[]>();
  for (const r of start.workshop?.agreements ?? []) startAgreements.set(r.targetId, [...(startAgreements.get(r.targetId) ?? []), r]);
  for (const n of diff.nodes.removed) {
    if (!isAgreeableKind(n.kind)) continue;
    const status = evaluateAgreement(n, startAgreements.get(n.id) ?? []);
    for (const side of AGREEING_SIDES) if (status[side]) lost.push(L.removedWithCard(sideName(side), quote(n.title)));
  }
  sections.push({
    key: 'agreed',
    heading: L.agreed,
    blocks: agreedRows.length
      ? [{ type: 'p', text: L.agreedIntro }, { type: 'table', header: [...L.agreedHeader], rows: agreedRows }, { type: 'p', text: audit ? L.fromAudit : L.fromRecords }]
      : [{ type: 'p', text: L.agreedNone }],
  });
  if (lost.length) sections.push({ key: 'lost', heading: L.lost, blocks: [{ type: 'list', items: lost }] });

  // ---- votes held in the meeting: started, closed or voted in during it ----
  const startVotes = new Map((start.workshop?.votes ?? []).map((v) => [v.id, v]));
  const held = ws.votes
    .filter((v) => during(v.createdAt) || during(v.closedAt) || startVotes.get(v.id)?.status !== v.status || v.ballots.some((b) => during(b.at)))
    .sort((a, b) => time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : 1));
  const voteBlocks: ReferatBlock[] = [];
  for (const v of held) {
    // Since #16 the server keeps ballots and writes only the count and, at the close, the tallies.
    const voters = v.voted ?? new Set(v.ballots.filter((b) => Object.values(b.dots).some((d) => d > 0)).map((b) => b.participantId)).size;
    if (v.status !== 'closed') {
      voteBlocks.push({ type: 'p', text: L.voteOpen(v.title, voters) });
      continue;
    }
    const record: VoteRecord = { ...v };
    const titleOf = (id: string) => (nowNodes.get(id) ?? startNodes.get(id))?.title;
    const rows = v.results ? rankTallies(v.results, titleOf) : tallyVote(record, v.ballots.map((b) => ({ ...b, voteId: v.id })), titleOf);
    voteBlocks.push(
      { type: 'p', text: L.voteClosed(v.title, v.dots, voters) },
      { type: 'table', header: [...L.voteHeader], rows: rows.map((r) => [`${r.rank}.`, r.title ? quote(r.title) : L.deletedCard, String(r.dots), String(r.voters)]) },
    );
  }
  sections.push({ key: 'votes', heading: L.votes, blocks: voteBlocks.length ? voteBlocks : [{ type: 'p', text: L.votesNone }] });

  // ---- the map: cards and links added, changed, removed (moves are layout, not content) ----
  const { added, changed, removed } = diff.nodes;
  const changeBlocks: ReferatBlock[] = [];
  const anyChange = added.length + changed.length + removed.length + diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length > 0;
  if (anyChange) {
    changeBlocks.push({
      type: 'p',
      text: L.changesSummary({ added: added.length, changed: changed.length, removed: removed.length, linksAdded: diff.edges.added.length, linksRemoved: diff.edges.removed.length }),
    });
    const list = (heading: string, items: string[]) => {
      if (items.length) changeBlocks.push({ type: 'p', text: `${heading}:` }, { type: 'list', items });
    };
    list(L.added, added.map((n) => `${kindOf(n)} ${quote(n.title)}`));
    list(
      L.changed,
      changed.map((c) => {
        const before = startNodes.get(c.id)!;
        const renamed = c.changes.find((f) => f.field === 'title');
        const fields = c.changes.map((f) => L.fields[f.field] ?? f.field).join(', ');
        return `${kindOf(nowNodes.get(c.id)!)} ${quote(nowNodes.get(c.id)!.title)}${renamed ? ` (${L.formerly} ${quote(before.title)})` : ''}: ${fields}`;
      }),
    );
    list(L.removed, removed.map((n) => `${kindOf(n)} ${quote(n.title)}`));
    list(L.linksAdded, diff.edges.added.map(linkText));
    list(L.linksRemoved, diff.edges.removed.map(linkText));
    list(
      L.linksChanged,
      diff.edges.changed.map((c) => `${linkText(now.edges.find((e) => e.id === c.id)!)}: ${c.changes.map((f) => L.fields[f.field] ?? f.field).join(', ')}`),
    );
  }
  sections.push({ key: 'changes', heading: L.changes, blocks: anyChange ? changeBlocks : [{ type: 'p', text: L.changesNone }] });

  // ---- comment threads: open ones touched in the meeting, with who must answer ----
  const nameOf = new Map<string, string>();
  for (const [key, p] of people) if (!key.startsWith('name:')) nameOf.set(key, p.name);
  const subjectOf = (t: CommentThread) => {
    if (t.targetType === 'edge') {
      const e = now.edges.find((x) => x.id === t.targetId) ?? start.edges.find((x) => x.id === t.targetId);
      return e ? linkText(e) : L.deletedCard;
    }
    return titleOf(t.targetId);
  };
  const open = ws.comments.filter((t) => !t.resolved);
  const touched = open.filter((t) => t.messages.some((m) => during(m.at)));
  const commentRows = touched.map((t) => {
    const last = t.messages.at(-1)!;
    const mentioned = last.mentions.map((m) => nameOf.get(m) ?? m);
    // Who must answer: whoever the last message names; else the one who opened the thread, when someone else spoke last.
    const must = mentioned.length ? mentioned.join(', ') : last.participantId !== t.createdBy.participantId ? t.createdBy.name : L.mustAnswerUnclear;
    const text = last.text.replace(/\s+/g, ' ').trim();
    return [subjectOf(t), `${last.name}: «${text.length > 160 ? `${text.slice(0, 160)}…` : text}»`, must];
  });
  const resolvedNow = ws.comments.filter((t) => t.resolved && during(t.resolvedAt)).length;
  const commentBlocks: ReferatBlock[] = commentRows.length ? [{ type: 'table', header: [...L.commentsHeader], rows: commentRows }] : [{ type: 'p', text: L.commentsNone }];
  if (resolvedNow) commentBlocks.push({ type: 'p', text: L.resolvedInMeeting(resolvedNow) });
  if (open.length > touched.length) commentBlocks.push({ type: 'p', text: L.commentsOlder(open.length - touched.length) });
  sections.push({ key: 'comments', heading: L.comments, blocks: commentBlocks });

  // ---- divergences still open ----
  const openDivs = divergences(graphFromJson(now)).filter((d) => !d.edge.resolution?.trim());
  sections.push({
    key: 'divergences',
    heading: L.divergences,
    blocks: openDivs.length
      ? [
          {
            type: 'list',
            items: openDivs.map((d) => {
              const sev = d.edge.severity ? SEVERITY_LABELS[d.edge.severity]?.[lang] ?? '' : '';
              const note = d.edge.note?.replace(/\s+/g, ' ').trim();
              return `${L.divergence(quote(d.source.title), quote(d.target.title), sev)}${note ? `: ${note}` : ''}`;
            }),
          },
        ]
      : [{ type: 'p', text: L.divergencesNone }],
  });

  return {
    lang,
    title: L.title(now.meta.title),
    facts: [
      [L.meeting, meeting.label],
      [L.time, timeSpan(meeting.startedAt, meeting.endedAt, lang)],
      [L.board, now.meta.title + (now.meta.municipality ? ` (${now.meta.municipality})` : '')],
    ],
    sections,
    closing: L.closing(formatDateTime(meeting.endedAt, lang)),
  };
}

/** "12.03.2025 kl. 10.00–11.30", the end's date said only when it is another day. */
function timeSpan(from: string, to: string, lang: ExportLang): string {
  const a = formatDateTime(from, lang);
  const b = formatDateTime(to, lang);
  const day = (s: string) => s.split(' ')[0];
  return `${a}–${day(a) === day(b) ? b.split(' ').at(-1) : b}`;
}
