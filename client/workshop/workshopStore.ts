// The workshop's part of the board document (session, agreements, votes, ballots, comments), read
// for React. The maps are observed (and the cards, whose content decides whether an agreement still
// holds); derived values are recomputed lazily once per change and handed out per card as objects
// that stay identical while unchanged, so only the cards whose marks change re-render.
import type * as Y from 'yjs';
import {
  agreementOf, ballotOf, commentStampsOf, dotsLeft, facilitatorOf, openThreadCounts, summonOf, timerOf, voteResults, votesOf, workshopMaps,
  type AgreementState, type FacilitatorRecord, type SummonRecord, type TimerRecord, type VoteRecord, type WorkshopMaps,
} from '../../shared';

/** Who gave a side's agreement and when; `verified` when the server took the name from a member's sign-in. */
export interface AgreedBy {
  name: string;
  at: string;
  verified: boolean;
}

export interface CardMarks {
  agreement?: { state: AgreementState; changed: boolean; stat?: AgreedBy; kommune?: AgreedBy };
  openThreads: number;
  /** The open vote this card is in, with this participant's own dots (never anyone else's). */
  voting?: { voteId: string; mine: number; left: number };
  /** Dots from the closed vote whose results are shown. */
  result?: { dots: number; rank: number };
}

const EMPTY: CardMarks = { openThreads: 0 };
type Listener = () => void;

export class WorkshopStore {
  readonly maps: WorkshopMaps;
  private listeners = new Set<Listener>();
  private disposers: (() => void)[] = [];
  private marks = new Map<string, CardMarks>();
  private marksVersion = -1;
  /** Bumped on every change to the workshop maps, and to a card that has an agreement record. */
  version = 0;
  /** Which closed vote's results the cards show: undefined = the latest, null = none. */
  private shownVote: string | null | undefined = undefined;
  /** My own ballots as the server answered them (#16): the board holds nobody's ballot. */
  private mine = new Map<string, Record<string, number>>();

  constructor(
    readonly doc: Y.Doc,
    private readonly me: () => { participantId: string },
  ) {
    this.maps = workshopMaps(doc);
    const bump = () => this.touch();
    const { session, agreements, votes, ballots, comments } = this.maps;
    // The server's comment stamps (#16 §4) arrive after the comment itself: they change what it shows.
    for (const m of [session, agreements, votes, ballots, comments, commentStampsOf(doc)] as Y.Map<unknown>[]) {
      m.observeDeep(bump);
      this.disposers.push(() => m.unobserveDeep(bump));
    }
    // A card's content decides whether an agreement on it still holds; edits of other cards
    // (every keystroke anywhere on the board) leave the workshop as it was.
    const nodes = doc.getMap('nodes');
    const onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const agreed = new Set<string>();
      agreements.forEach((r) => agreed.add(r.targetId));
      if (!agreed.size) return;
      for (const e of events) {
        const ids = e.target === nodes ? [...(e as Y.YMapEvent<unknown>).keysChanged] : [String(e.path[0])];
        if (ids.some((id) => agreed.has(id))) return bump();
      }
    };
    nodes.observeDeep(onNodes);
    this.disposers.push(() => nodes.unobserveDeep(onNodes));
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

  /** Something changed (the doc, identity, the shown vote): marks are recomputed when next read. */
  touch(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  facilitator(): FacilitatorRecord | null {
    return facilitatorOf(this.doc) ?? null;
  }
  timer(): TimerRecord {
    return timerOf(this.doc);
  }
  summon(): SummonRecord | null {
    return summonOf(this.doc) ?? null;
  }

  /** Newest first. */
  allVotes(): VoteRecord[] {
    return votesOf(this.doc).reverse();
  }
  openVote(): VoteRecord | null {
    return this.allVotes().find((v) => v.status === 'open') ?? null;
  }
  /** My own dots in a vote (the only ballot the UI ever reads): the server's answer, or a ballot in an older board. */
  myDots(voteId: string): Record<string, number> {
    return this.mine.get(voteId) ?? ballotOf(this.doc, voteId, this.me().participantId)?.dots ?? {};
  }
  myDotsLeft(voteId: string): number {
    if (!this.mine.has(voteId)) return dotsLeft(this.doc, voteId, this.me().participantId);
    const vote = votesOf(this.doc).find((v) => v.id === voteId);
    const used = Object.values(this.mine.get(voteId)!).reduce((a, n) => a + n, 0);
    return Math.max(0, (vote?.dots ?? 0) - used);
  }
  /** The server kept my ballot: these are my dots now. */
  setMyDots(voteId: string, dots: Record<string, number>): void {
    this.mine.set(voteId, { ...dots });
    this.touch();
  }
  shownResultsVote(): VoteRecord | null {
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
    this.maps.agreements.forEach((rec) => withRecords.add(rec.targetId));
    for (const id of withRecords) {
      const a = agreementOf(this.doc, id);
      if (!a) continue;
      const who = (r: { name: string; at: string; verified?: boolean } | undefined): AgreedBy | undefined => (r ? { name: r.name, at: r.at, verified: r.verified === true } : undefined);
      get(id).agreement = { state: a.state, changed: !!a.cleared?.length, stat: who(a.stat), kommune: who(a.kommune) };
    }
    for (const [id, n] of openThreadCounts(this.doc)) get(id).openThreads = n;
    const open = this.openVote();
    if (open) {
      const mine = this.myDots(open.id);
      const left = this.myDotsLeft(open.id);
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
