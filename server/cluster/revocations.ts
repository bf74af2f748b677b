// What a signal from any instance (STORE=postgres) revokes among the sockets this instance holds.
// Each check re-reads the store rather than trusting the signal, so a late, repeated or stray
// signal closes nothing that is still allowed; after the listener reconnects (signals may have
// been missed) every loaded board is checked in full (`recheckLoadedBoards`).
import { CLOSE } from '../protocol';
import type { BoardStorage } from '../storage/BoardStorage';
import type { Room } from '../sync/Room';
import type { RoomManager } from '../sync/RoomManager';
import { linkAllowed, linkPolicyOf } from '../auth/identity';
import type { ClusterSignal } from './ClusterSignals';

export async function applySignal(signal: ClusterSignal, storage: BoardStorage, rooms: RoomManager): Promise<void> {
  if (signal.kind === 'session') return closeEndedSessions(await rooms.loadedRooms(), storage, new Set([signal.sessionIdHash]));
  const room = await rooms.loaded(signal.boardId);
  if (!room) return;
  if (signal.kind === 'member') return recheckMembers(room, storage, new Set([signal.sub]));
  const board = signal.kind === 'deleted' ? undefined : await storage.getBoard(signal.boardId);
  if (!board) return rooms.closeBoard(signal.boardId, CLOSE.boardDeleted);
  // Members are not link holders: neither a rotation nor the link policy closes their sockets. A
  // link holder's hash must still be one of the board's links (a stat or kommune link is an editor
  // whose hash is not the editor link's), and its kind of link not turned off.
  const links = linkPolicyOf(board);
  const current = new Set(Object.values(board.tokens).filter((h): h is string => typeof h === 'string'));
  room.closeConnections(CLOSE.tokenRevoked, (c) => c.member === null && (!current.has(c.tokenHash) || !linkAllowed(links, c.role)));
}

/** Everything a missed signal could have revoked, on every loaded board: links, memberships, sessions. */
export async function recheckLoadedBoards(storage: BoardStorage, rooms: RoomManager): Promise<void> {
  const loaded = await rooms.loadedRooms();
  for (const room of loaded) {
    await applySignal({ kind: 'tokens', boardId: room.boardId }, storage, rooms);
    await recheckMembers(room, storage, new Set([...room.connections].flatMap((c) => (c.member ? [c.member.sub] : []))));
  }
  const sessions = new Set(loaded.flatMap((room) => [...room.connections].flatMap((c) => (c.member ? [c.member.sessionIdHash] : []))));
  await closeEndedSessions(loaded, storage, sessions);
}

/** Closes the connections of these people on the board: 4401 when no longer a member, 4010 when their role or side changed. */
async function recheckMembers(room: Room, storage: BoardStorage, subs: Set<string>): Promise<void> {
  for (const sub of subs) {
    const member = await storage.getMember(room.boardId, sub);
    if (!member) room.closeConnections(CLOSE.memberRemoved, (c) => c.member?.sub === sub);
    else room.closeConnections(CLOSE.memberChanged, (c) => c.member?.sub === sub && (c.role !== member.role || c.member.side !== member.side));
  }
}

/** Closes (4402) the connections of those sessions that are no longer in the store. */
async function closeEndedSessions(rooms: Room[], storage: BoardStorage, idHashes: Set<string>): Promise<void> {
  const ended = new Set<string>();
  for (const idHash of idHashes) if (!(await storage.getSession(idHash))) ended.add(idHash);
  if (ended.size === 0) return;
  for (const room of rooms) room.closeConnections(CLOSE.signedOut, (c) => c.member !== null && ended.has(c.member.sessionIdHash));
}
