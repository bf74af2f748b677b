// The one way the trust services change a board: as the server, through the board log's
// store-then-apply path (BoardLog.applyServerChange: stored, then applied and sent to every
// client), like a snapshot restore.
// `fn` runs on the board's server mirror (ServerWriter) inside one transaction, after any server
// change before it; whatever it answers is handed back.
import type * as Y from 'yjs';
import type { RoomManager } from '../sync/RoomManager';

export async function writeAsServer<T>(rooms: RoomManager, boardId: string, fn: (doc: Y.Doc) => T): Promise<T> {
  let out: T | undefined;
  await rooms.withRoom(boardId, (room) =>
    room.log.applyServerChange((doc) => {
      out = fn(doc);
    }),
  );
  return out as T;
}

/** Reads the live board (no change). */
export function readBoard<T>(rooms: RoomManager, boardId: string, fn: (doc: Y.Doc) => T): Promise<T> {
  return rooms.withRoom(boardId, (room) => fn(room.doc));
}
