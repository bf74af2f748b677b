// What went wrong, in the server's own terms: services and rooms throw these and know nothing of
// HTTP. Each carries a stable code for the client (shared/wire.ts, `ErrorBody`) and a message a
// person can act on; server/http/errors.ts turns them into a status, for the routes and the
// WebSocket upgrade alike.

export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The request asks for something that cannot be: a bad field, a board file with errors. */
export class InvalidError extends DomainError {}
/** No credentials where they are needed. */
export class UnauthenticatedError extends DomainError {}
/** The credentials do not allow it. */
export class ForbiddenError extends DomainError {}
/** What it names is not there. */
export class NotFoundError extends DomainError {}
/** It clashes with the state things are in (a quota reached, the board changed meanwhile). */
export class ConflictError extends DomainError {}
/** Bigger than the server accepts. */
export class TooLargeError extends DomainError {}
/** The server cannot serve it right now; nothing was changed, trying again later may work. */
export class UnavailableError extends DomainError {}
/** Something the server holds is broken (a stored snapshot that no longer reads). */
export class InternalError extends DomainError {}

/** The board is not in storage: deleted, or never there (also when it goes while it is being opened). */
export class BoardGoneError extends NotFoundError {
  constructor(readonly boardId: string) {
    super('not_found', 'This board does not exist (it may just have been deleted).');
  }
}

/** The server holds as many boards as it may, all in use. */
export class TooManyBoardsError extends UnavailableError {
  constructor(loaded: number) {
    super('too_many_boards', `the server holds ${loaded} boards, its limit; try again shortly`);
  }
}

/** The board exists but could not be read from storage: it is refused, never served blank. */
export class BoardLoadError extends UnavailableError {
  constructor(boardId: string, cause: unknown) {
    super('storage_failed', `could not load board ${boardId} from storage: ${(cause as Error)?.message ?? String(cause)}. Nothing was changed; try again later.`);
  }
}

/** Several instances (STORE=postgres): another instance holds the board's live lease; the caller forwards to `owner`, or the client tries again. */
export class OwnedElsewhereError extends UnavailableError {
  constructor(
    readonly boardId: string,
    readonly owner: string,
    readonly remainingMs: number,
  ) {
    super('board_moving', 'The board is moving between servers; nothing was changed. Try again in a moment.');
  }
}
