// Every API error has one shape: { "error": { "code", "message", "details"? } }.
import type { ErrorRequestHandler, Response } from 'express';
import { BoardLoadError, OwnedElsewhereError, TooManyBoardsError } from '../sync/RoomManager';
import { FencedError } from '../storage/BoardStorage';
import { classifyStorageError, storageErrorResponse } from '../storage/storageHealth';

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

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  res.status(status).json({ error: details === undefined ? { code, message } : { code, message, details } });
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof ApiError) return sendError(res, err.status, err.code, err.message, err.details);
  // The same answers the WebSocket upgrade gives: the board exists but cannot be served right now.
  if (err instanceof BoardLoadError) return sendError(res, 503, 'storage_failed', `${err.message}. Nothing was changed; try again later.`);
  if (err instanceof TooManyBoardsError) return sendError(res, 503, 'too_many_boards', err.message);
  // Several instances: the board changed owner while this request ran; nothing was written here.
  if (err instanceof OwnedElsewhereError || err instanceof FencedError) {
    res.setHeader('Retry-After', '1');
    return sendError(res, 503, 'board_moving', 'The board is moving between servers; nothing was changed. Try again in a moment.');
  }
  const fault = classifyStorageError(err);
  if (fault) {
    const r = storageErrorResponse(fault);
    return sendError(res, r.status, r.code, r.message);
  }
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'malformed_json', `The request body is not valid JSON: ${e.message}`);
  if (e.type === 'entity.too.large') return sendError(res, 413, 'too_large', 'The request body is larger than the server accepts.');
  if (e.status && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'bad_request', e.message ?? 'Bad request');
  console.error('unhandled error', err);
  return sendError(res, 500, 'internal', 'Something went wrong on the server. Try again; if it persists, tell the administrator.');
};
