// WebSocket close codes both sides must agree on: the server closes with them, the client reads
// them. y-websocket treats 4400–4499 as final (it stops reconnecting) and every other code as
// transient. Pure: no I/O.
export const WIRE_CLOSE = {
  /** An update would take the board past its size quota (MAX_BOARD_BYTES); final, resending it would fail again. */
  boardTooLarge: { code: 4413, reason: 'board is at its size limit; this change was not saved' },
  /** The connection kept sending past its budget; transient, the client reconnects and resyncs. */
  overBudget: { code: 4529, reason: 'too many messages; reconnect' },
  /** The server needed the room for boards in use and unloaded this idle one; transient. */
  evicted: { code: 4509, reason: 'board unloaded to make room on the server; reconnect to continue' },
  /** An edit wrote what the board's schema forbids: it was neither stored nor sent on; final. */
  updateRefused: { code: 4422, reason: 'update refused: it breaks the board schema' },
  /** Signed-in member (issue #17): the owner removed them from the board; final. */
  memberRemoved: { code: 4401, reason: 'you are no longer a member of this board' },
  /** Signed-in member: they signed out or their session ended; final (sign in again). */
  signedOut: { code: 4402, reason: 'signed out or the session ended' },
  /** Signed-in member: the owner changed their role or side; transient, the reconnect carries the new one. */
  memberChanged: { code: 4010, reason: 'your role or side on this board changed; reconnecting' },
} as const;
