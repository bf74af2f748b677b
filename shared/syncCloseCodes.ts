// Close codes of the live connection that the client needs to tell apart, shared so the server
// and the client read them from one place (server/protocol.ts lists them with the others).
// 4400–4499 are final: the y-websocket client stops reconnecting.

/** An edit wrote what the board's schema forbids: it was neither stored nor sent on. */
export const UPDATE_REFUSED = { code: 4422, reason: 'update refused: it breaks the board schema' } as const;
