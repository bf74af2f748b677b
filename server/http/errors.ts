// Every API error has one shape (shared/wire.ts `ErrorBody`): { "error": { "code", "message", "details"? } }.
// `httpErrorOf` is the one mapping from what went wrong to an HTTP answer, used by the routes'
// error handler and by the WebSocket upgrade alike.
import type { ErrorRequestHandler, Response } from 'express';
import type { ErrorBody } from '../../shared';
import {
  ConflictError, DomainError, ForbiddenError, InternalError, InvalidError, NotFoundError, TooLargeError, UnauthenticatedError, UnavailableError,
} from '../errors';
import { classifyStorageError, storageErrorResponse } from '../storage/storageHealth';

/** An error only HTTP has words for (415, 499…), thrown by a route itself; services throw DomainErrors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface HttpError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

const STATUS_OF: [new (...args: never[]) => DomainError, number][] = [
  [InvalidError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TooLargeError, 413],
  [InternalError, 500],
  [UnavailableError, 503],
];

/** The HTTP answer for an error, or null when it is unexpected (a bug): the caller logs it and answers for itself. */
export function httpErrorOf(err: unknown): HttpError | null {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (err instanceof DomainError) {
    const status = STATUS_OF.find(([kind]) => err instanceof kind)?.[1] ?? 500;
    return { status, code: err.code, message: err.message, details: err.details };
  }
  const fault = classifyStorageError(err);
  if (fault) return storageErrorResponse(fault);
  // express's body parser
  const e = err as { type?: string; status?: number; message?: string } | null;
  if (e?.type === 'entity.parse.failed') return { status: 400, code: 'malformed_json', message: `The request body is not valid JSON: ${e.message}` };
  if (e?.type === 'entity.too.large') return { status: 413, code: 'too_large', message: 'The request body is larger than the server accepts.' };
  if (e?.status && e.status >= 400 && e.status < 500) return { status: e.status, code: 'bad_request', message: e.message ?? 'Bad request' };
  return null;
}

export function errorBody({ code, message, details }: Omit<HttpError, 'status'>): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  res.status(status).json(errorBody({ code, message, details }));
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const known = httpErrorOf(err);
  if (known) return sendError(res, known.status, known.code, known.message, known.details);
  console.error('unhandled error', err);
  return sendError(res, 500, 'internal', 'Something went wrong on the server. Try again; if it persists, tell the administrator.');
};
