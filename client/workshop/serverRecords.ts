// The workshop records the server writes (#16): agreements, votes and ballots go through the API,
// never into the document. Answers a localized refusal instead of throwing, like the document's
// operations, so WorkshopActions shows both alike. The participant pass (the id the server keeps
// this browser's ballots under) is kept per board in localStorage and renewed when refused.
import type { AgreeingSide, Localized, VoteRecord } from '../../shared';
import {
  ApiError, castBallot, closeVote, giveAgreement, myBallot, openVote, participantPass, withdrawAgreement, type Participant,
} from '../api';
import { STRINGS } from '../i18n/strings';

export interface ServerLink {
  boardId: string;
  token: string;
  /** The side this link is bound to (a stat or kommune link), or undefined: it cannot agree. */
  side?: AgreeingSide;
  /** True while the board's connection is up: the API is then reachable too. */
  online(): boolean;
}

export type ServerResult<T> = ({ ok: true } & T) | { ok: false; message: Localized };

const PASS_KEY = (boardId: string) => `malkart.pass.${boardId}`;

function readPass(boardId: string): string | null {
  try {
    return localStorage.getItem(PASS_KEY(boardId));
  } catch {
    return null;
  }
}
function writePass(boardId: string, pass: string): void {
  try {
    localStorage.setItem(PASS_KEY(boardId), pass);
  } catch {
    /* blocked storage: a new pass next time */
  }
}

const failed = (err: unknown): { ok: false; message: Localized } => {
  if (err instanceof ApiError && err.status === 0) return { ok: false, message: STRINGS.wsOfflineReason };
  const msg = err instanceof Error ? err.message : String(err);
  return { ok: false, message: { nb: msg, nn: msg, en: msg } };
};

export class ServerRecords {
  private pass: Promise<string> | null = null;

  constructor(private readonly link: ServerLink) {}

  /** Why the API cannot be asked now, or null. */
  private blocked(): Localized | null {
    return this.link.online() ? null : STRINGS.wsOfflineReason;
  }

  private async run<T>(fn: () => Promise<T>): Promise<ServerResult<T>> {
    const no = this.blocked();
    if (no) return { ok: false, message: no };
    try {
      return { ok: true, ...(await fn()) };
    } catch (err) {
      return failed(err);
    }
  }

  agree(targetId: string, name: string): Promise<ServerResult<object>> {
    const side = this.link.side;
    if (!side) return Promise.resolve({ ok: false, message: STRINGS.wsAgreeNeedsSideLink });
    return this.run(() => giveAgreement(this.link.boardId, this.link.token, { targetId, side, name }));
  }

  withdraw(targetId: string, name: string): Promise<ServerResult<object>> {
    const side = this.link.side;
    if (!side) return Promise.resolve({ ok: false, message: STRINGS.wsAgreeNeedsSideLink });
    return this.run(async () => {
      await withdrawAgreement(this.link.boardId, this.link.token, targetId, side, name);
      return {};
    });
  }

  startVote(input: { title: string; targetIds: string[]; dots: number; by: Participant }): Promise<ServerResult<{ vote: VoteRecord }>> {
    return this.run(() => openVote(this.link.boardId, this.link.token, input));
  }

  closeVote(voteId: string, by: Participant): Promise<ServerResult<{ vote: VoteRecord }>> {
    return this.run(() => closeVote(this.link.boardId, this.link.token, voteId, by));
  }

  private myPass(renew = false): Promise<string> {
    if (!renew) {
      const kept = readPass(this.link.boardId);
      if (kept) return Promise.resolve(kept);
    }
    this.pass ??= participantPass(this.link.boardId, this.link.token)
      .then((p) => {
        writePass(this.link.boardId, p.pass);
        return p.pass;
      })
      .finally(() => (this.pass = null));
    return this.pass;
  }

  /** Runs `fn` with this browser's pass, once more with a new pass if the server refuses it (a rotated link). */
  private async withPass<T>(fn: (pass: string) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.myPass());
    } catch (err) {
      if (err instanceof ApiError && err.code === 'pass_invalid') return fn(await this.myPass(true));
      throw err;
    }
  }

  castDots(voteId: string, name: string, dots: Record<string, number>): Promise<ServerResult<{ dots: Record<string, number> }>> {
    return this.run(() => this.withPass((pass) => castBallot(this.link.boardId, this.link.token, pass, voteId, { name, dots })));
  }

  /** My own ballot in an open vote (after a reload); empty when I have none or cannot ask. */
  async myDots(voteId: string): Promise<Record<string, number>> {
    if (this.blocked() || !readPass(this.link.boardId)) return {};
    try {
      return (await this.withPass((pass) => myBallot(this.link.boardId, this.link.token, pass, voteId))).dots;
    } catch {
      return {};
    }
  }
}
