// Secret ballots (#16 §3): votes are opened and closed by the server, ballots are cast through it
// and kept in the board store, one per participant (the server-issued id of a pass). While a vote
// is open the board holds only how many have voted; closing it writes the tallies into the board
// and then drops the ballots. Everything for one board runs in turn, so a ballot and the close
// cannot cross.
import {
  checkBallot, closeVoteWithTally, facilitatorCheck, newId, setVoted, startVote, voteOf,
  type VoteRecord, type WorkshopRefusal,
} from '../../shared';
import type { BoardStorage, StoredBallot } from '../storage/BoardStorage';
import type { RoomManager } from '../sync/RoomManager';
import type { AuditLog } from '../audit/AuditLog';
import { actorOf } from '../audit/AuditLog';
import type { BoardAccess } from '../http/boardAccess';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, type DomainError } from '../errors';
import { readBoard, writeAsServer } from './serverWrite';

const ORIGIN = 'server-vote';

const KIND: Record<string, new (code: string, message: string, details?: unknown) => DomainError> = {
  not_found: NotFoundError, vote_closed: ConflictError, not_facilitator: ForbiddenError,
};
const refusal = (r: WorkshopRefusal): DomainError =>
  new (KIND[r.code] ?? InvalidError)(r.code, r.message.en, r.field ? [{ path: r.field, message: r.message.en }] : undefined);

function text(v: unknown, what: string, max = 200): string {
  if (typeof v !== 'string' || !v.trim() || v.trim().length > max) {
    throw new InvalidError('invalid_request', `Give "${what}" (1–${max} characters).`, [{ path: what, message: 'required' }]);
  }
  return v.trim();
}

/** Who asks, in the workshop's terms: the facilitator rule compares this id with the facilitator record. */
function byOf(v: unknown): { participantId: string; name: string } {
  const b = (v ?? {}) as { participantId?: unknown; name?: unknown };
  return { participantId: text(b.participantId, 'by.participantId', 100), name: text(b.name, 'by.name') };
}

export class BallotBox {
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: BoardStorage,
    private readonly rooms: RoomManager,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `fn` after everything queued for this board. */
  private inTurn<T>(boardId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.turns.get(boardId) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(fn);
    this.turns.set(boardId, mine);
    void mine.finally(() => {
      if (this.turns.get(boardId) === mine) this.turns.delete(boardId);
    }).catch(() => undefined);
    return mine;
  }

  async open(boardId: string, access: BoardAccess, body: unknown): Promise<VoteRecord> {
    const b = (body ?? {}) as { title?: unknown; targetIds?: unknown; dots?: unknown; by?: unknown };
    const by = byOf(b.by);
    const title = typeof b.title === 'string' ? b.title.trim() : '';
    const targetIds = Array.isArray(b.targetIds) ? b.targetIds.filter((t): t is string => typeof t === 'string') : [];
    const dots = typeof b.dots === 'number' ? b.dots : NaN;
    const id = newId('v');
    const createdAt = this.now().toISOString();
    return this.inTurn(boardId, async () => {
      const r = await writeAsServer(this.rooms, boardId, (doc) => {
        const started = startVote(doc, { id, title, targetIds, dots, createdBy: by, createdAt }, ORIGIN);
        if (!started.ok) return started;
        setVoted(doc, id, 0, ORIGIN);
        return { ok: true as const, vote: voteOf(doc, id)! };
      });
      if (!r.ok) throw refusal(r);
      await this.audit.record(boardId, 'vote.open', actorOf(access, by.name), { target: id, details: { cards: targetIds.length, dots, link: access.link } });
      return r.vote;
    });
  }

  /** Stores a participant's whole ballot (replacing theirs), then writes how many have voted. */
  async cast(boardId: string, participantId: string, voteId: string, body: unknown): Promise<{ dots: Record<string, number>; voted: number }> {
    const b = (body ?? {}) as { name?: unknown; dots?: unknown };
    const name = text(b.name, 'name');
    if (!b.dots || typeof b.dots !== 'object' || Array.isArray(b.dots)) throw new InvalidError('invalid_request', 'Give "dots": {cardId: number}.', [{ path: 'dots', message: 'required' }]);
    const given = b.dots as Record<string, unknown>;
    return this.inTurn(boardId, async () => {
      const vote = await readBoard(this.rooms, boardId, (doc) => voteOf(doc, voteId));
      const checked = checkBallot(vote, voteId, given);
      if (!checked.ok) throw refusal(checked);
      const ballot: StoredBallot = { voteId, participantId, name, dots: checked.dots, at: this.now().toISOString() };
      await this.storage.putBallot(boardId, ballot);
      const voted = (await this.storage.listBallots(boardId, voteId)).filter((x) => Object.keys(x.dots).length > 0).length;
      await writeAsServer(this.rooms, boardId, (doc) => setVoted(doc, voteId, voted, ORIGIN));
      return { dots: checked.dots, voted };
    });
  }

  /** A participant's own ballot in a vote: what they may see of it while it is open. */
  async mine(boardId: string, participantId: string, voteId: string): Promise<Record<string, number>> {
    const all = await this.storage.listBallots(boardId, voteId);
    return all.find((x) => x.participantId === participantId)?.dots ?? {};
  }

  /** Closes a vote: the facilitator, or any editor when there is none. The tallies go into the board, the ballots away. */
  async close(boardId: string, access: BoardAccess, voteId: string, body: unknown): Promise<VoteRecord> {
    const by = byOf((body as { by?: unknown } | undefined)?.by);
    return this.inTurn(boardId, async () => {
      const ballots = (await this.storage.listBallots(boardId, voteId)).filter((x) => Object.keys(x.dots).length > 0);
      const at = this.now().toISOString();
      const r = await writeAsServer(this.rooms, boardId, (doc) => {
        const vote = voteOf(doc, voteId);
        if (vote?.status === 'closed') return { ok: true as const, vote, already: true };
        const notAllowed = vote ? facilitatorCheck(doc, by.participantId) : null;
        if (notAllowed) return notAllowed;
        const closed = closeVoteWithTally(doc, { voteId, at, ballots }, ORIGIN);
        return closed.ok ? { ...closed, already: false } : closed;
      });
      if (!r.ok) throw refusal(r);
      if (r.already) return r.vote;
      await this.storage.clearBallots(boardId, voteId);
      const dots = ballots.reduce((n, x) => n + Object.values(x.dots).reduce((a, c) => a + c, 0), 0);
      await this.audit.record(boardId, 'vote.close', actorOf(access, by.name), { target: voteId, details: { voters: ballots.length, dots, link: access.link } });
      return r.vote;
    });
  }
}
