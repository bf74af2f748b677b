// The workshop's part of the board document (session, agreements, votes, ballots, comments), read
// for React. The maps are observed (and the cards, whose content decides whether an agreement still
// holds); derived values are recomputed lazily once per change and handed out per card as objects
// that stay identical while unchanged, so only the cards whose marks change re-render.
import type * as Y from 'yjs';
import { agreementOf, openThreadCounts, voteResults, type AgreementState } from '../../shared';

export interface Facilitator {
  participantId: string;
  name: string;
  since: string;
}
export interface TimerState {
  state: 'idle' | 'running' | 'paused';
  durationMs: number;
  remainingMs: number;
  startedAt?: number;
}
export interface Summon {
  viewport: { x: number; y: number; zoom: number };
  by: { participantId: string; name: string };
  at: string;
  nonce: string;
}
export interface Vote {
  id: string;
  title: string;
  targetIds: string[];
  dots: number;
  status: 'open' | 'closed';
  createdBy: { participantId: string; name: string };
  createdAt: string;
  closedAt?: string;
}

export interface CardMarks {
  agreement?: { state: AgreementState; changed: boolean; stat?: { name: string; at: string }; kommune?: { name: string; at: string } };
  openThreads: number;
  /** The open vote this card is in, with this participant's own dots (never anyone else's). */
  voting?: { voteId: string; mine: number; left: number };
  /** Dots from the closed vote whose results are shown. */
  result?: { dots: number; rank: number };
}

const EMPTY: CardMarks = { openThreads: 0 };
type Listener = () => void;

export class WorkshopStore {
  readonly session: Y.Map<unknown>;
  readonly agreements: Y.Map<unknown>;
  readonly votes: Y.Map<unknown>;
  readonly ballots: Y.Map<unknown>;
  readonly comments: Y.Map<unknown>;
  private listeners = new Set<Listener>();
  private disposers: (() => void)[] = [];
  private marks = new Map<string, CardMarks>();
  private marksVersion = -1;
  /** Bumped on every change to the workshop maps or the cards. */
  version = 0;
  /** Which closed vote's results the cards show: undefined = the latest, null = none. */
  private shownVote: string | null | undefined = undefined;

  constructor(
    readonly doc: Y.Doc,
    private readonly me: () => { participantId: string },
  ) {
    this.session = doc.getMap('session');
    this.agreements = doc.getMap('agreements');
    this.votes = doc.getMap('votes');
    this.ballots = doc.getMap('ballots');
    this.comments = doc.getMap('comments');
    const bump = () => {
      this.version++;
      for (const fn of this.listeners) fn();
    };
    for (const m of [this.session, this.agreements, this.votes, this.ballots, this.comments, doc.getMap('nodes')]) {
      m.observeDeep(bump);
      this.disposers.push(() => m.unobserveDeep(bump));
    }
  }

  destroy(): void {
    for (const d of this.disposers) d();
    this.listeners.clear();
  }

  subscribe = (fn: Listener) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = () => this.version;

  /** Something local changed (identity, shown vote): recompute marks. */
  touch(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  facilitator(): Facilitator | null {
    return (this.session.get('facilitator') as Facilitator | undefined) ?? null;
  }
  timer(): TimerState | null {
    return (this.session.get('timer') as TimerState | undefined) ?? null;
  }
  summon(): Summon | null {
    return (this.session.get('summon') as Summon | undefined) ?? null;
  }

  allVotes(): Vote[] {
    const out: Vote[] = [];
    this.votes.forEach((v) => out.push(v as Vote));
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
  }
  openVote(): Vote | null {
    return this.allVotes().find((v) => v.status === 'open') ?? null;
  }
  /** My own dots in a vote (the only ballot the UI ever reads). */
  myDots(voteId: string): Record<string, number> {
    const b = this.ballots.get(`${voteId}|${this.me().participantId}`) as { dots?: Record<string, number> } | undefined;
    return b?.dots ?? {};
  }
  shownResultsVote(): Vote | null {
    if (this.shownVote === null) return null;
    const closed = this.allVotes().filter((v) => v.status === 'closed');
    return (this.shownVote ? closed.find((v) => v.id === this.shownVote) : closed[0]) ?? null;
  }
  showResults(voteId: string | null): void {
    this.shownVote = voteId;
    this.touch();
  }

  /** The marks of one card: the same object until they change. */
  cardMarks = (id: string): CardMarks => {
    if (this.marksVersion !== this.version) this.recompute();
    return this.marks.get(id) ?? EMPTY;
  };

  private recompute(): void {
    const next = new Map<string, CardMarks>();
    const get = (id: string) => {
      let m = next.get(id);
      if (!m) next.set(id, (m = { openThreads: 0 }));
      return m;
    };
    // Agreements: only cards with records can be anything but open.
    const withRecords = new Set<string>();
    this.agreements.forEach((rec) => withRecords.add((rec as { targetId: string }).targetId));
    for (const id of withRecords) {
      const a = agreementOf(this.doc, id);
      if (!a) continue;
      const who = (r: { name: string; at: string } | undefined) => (r ? { name: r.name, at: r.at } : undefined);
      get(id).agreement = { state: a.state, changed: !!a.cleared?.length, stat: who(a.stat), kommune: who(a.kommune) };
    }
    for (const [id, n] of openThreadCounts(this.doc)) get(id).openThreads = n;
    const open = this.openVote();
    if (open) {
      const mine = this.myDots(open.id);
      const left = open.dots - Object.values(mine).reduce((s, n) => s + n, 0);
      for (const id of open.targetIds) get(id).voting = { voteId: open.id, mine: mine[id] ?? 0, left };
    }
    const shown = this.shownResultsVote();
    const results = shown ? voteResults(this.doc, shown.id) : null;
    for (const r of results ?? []) get(r.targetId).result = { dots: r.dots, rank: r.rank };
    // Keep the previous object where nothing changed.
    for (const [id, m] of next) {
      const prev = this.marks.get(id);
      if (prev && sameMarks(prev, m)) next.set(id, prev);
    }
    this.marks = next;
    this.marksVersion = this.version;
  }
}

function sameMarks(a: CardMarks, b: CardMarks): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
