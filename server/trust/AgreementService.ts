// Two-party agreements written by the server alone (#16 §2). A side-bound link (or, after sign-in,
// a member with that side) gives or withdraws its own side's agreement; the server writes the
// record into the board with its own time, the fingerprint it computed of the card as it is now,
// and the actor — so no browser can agree for a side it is not, or back-date anything.
import {
  agree, agreementKey, boardMaps, isAgreeableKind, isAgreeingSide, withdrawAgreement, workshopMaps,
  type AgreeingSide, type AgreementRecord,
} from '../../shared';
import type { RoomManager } from '../sync/RoomManager';
import type { AuditLog } from '../audit/AuditLog';
import type { BoardAccess } from '../http/boardAccess';
import { ForbiddenError, InvalidError, NotFoundError } from '../errors';
import { readBoard, writeAsServer } from './serverWrite';
import { actorOf } from '../audit/AuditLog';

const SERVER_ORIGIN = 'server-agreement';

function checkSide(access: Pick<BoardAccess, 'side' | 'link'>, side: unknown): AgreeingSide {
  if (!isAgreeingSide(side)) throw new InvalidError('invalid_request', '"side" must be "stat" or "kommune".', [{ path: 'side', message: 'invalid' }]);
  if (access.side !== side) {
    throw new ForbiddenError(
      'side_not_bound',
      access.side
        ? `Your link is bound to ${access.side}; it can agree for ${access.side} only.`
        : `Only the ${side} link can agree for ${side}; the ${access.link} link cannot agree. Ask the owner for the ${side} link.`,
    );
  }
  return side;
}

export class AgreementService {
  constructor(
    private readonly rooms: RoomManager,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Gives `side`'s agreement to the card as it is now; answers the record on the board (the first one, if the side already agreed to this content). */
  async give(boardId: string, access: BoardAccess, input: { targetId?: unknown; side?: unknown; name?: unknown }): Promise<{ record: AgreementRecord; created: boolean }> {
    const side = checkSide(access, input.side);
    const targetId = typeof input.targetId === 'string' ? input.targetId : '';
    // A signed-in member (#17) agrees under the name their identity provider gave, whatever is typed.
    const verified = access.identity?.verified === true && access.identity.name !== null;
    const name = verified ? access.identity.name! : typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 200) throw new InvalidError('invalid_request', 'Give the "name" of the person agreeing (1–200 characters).', [{ path: 'name', message: 'required' }]);
    const at = this.now().toISOString();
    const result = await writeAsServer(this.rooms, boardId, (doc) => {
      const ynode = boardMaps(doc).nodes.get(targetId);
      if (!ynode) return { error: new NotFoundError('card_not_found', `There is no card "${targetId.slice(0, 60)}" on this board.`) };
      if (!isAgreeableKind(ynode.get('kind'))) return { error: new InvalidError('not_agreeable', 'Only goals, indicators and measures can be agreed.') };
      const before = workshopMaps(doc).agreements.get(agreementKey(targetId, side));
      const r = agree(doc, { targetId, side, participantId: `link-${side}`, name, at }, SERVER_ORIGIN);
      if (!r.ok) return { error: new InvalidError(r.code, r.message.en) };
      const record = workshopMaps(doc).agreements.get(agreementKey(targetId, side))!;
      if (record === before) return { record, created: false };
      // The record agree() wrote, marked as the server's: verified for a member, a typed name on a link is not.
      const stamped: AgreementRecord = { ...record, verified };
      workshopMaps(doc).agreements.set(agreementKey(targetId, side), stamped);
      return { record: stamped, created: true };
    });
    if ('error' in result) throw result.error;
    if (result.created) {
      await this.audit.record(boardId, 'agreement.give', { name, verified }, {
        target: targetId,
        details: { side, fingerprint: result.record.fingerprint, link: access.link },
      });
    }
    return result;
  }

  /** Takes `side`'s agreement back (also one given to an earlier version of the card). */
  async withdraw(boardId: string, access: BoardAccess, targetId: string, sideParam: string, name?: string): Promise<void> {
    const side = checkSide(access, sideParam);
    const had = await readBoard(this.rooms, boardId, (doc) => workshopMaps(doc).agreements.get(agreementKey(targetId, side)));
    if (!had) return;
    await writeAsServer(this.rooms, boardId, (doc) => withdrawAgreement(doc, { targetId, side }, SERVER_ORIGIN));
    const actor = actorOf(access, name ?? had.name);
    await this.audit.record(boardId, 'agreement.withdraw', actor, { target: targetId, details: { side, link: access.link } });
  }
}
