// Every API error has one shape: { "error": { "code", "message", "details"? } }.
import type { ErrorRequestHandler, Response } from 'express';

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
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'malformed_json', `The request body is not valid JSON: ${e.message}`);
  if (e.type === 'entity.too.large') return sendError(res, 413, 'too_large', 'The request body is larger than the server accepts.');
  if (e.status && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'bad_request', e.message ?? 'Bad request');
  console.error('unhandled error', err);
  return sendError(res, 500, 'internal', 'Something went wrong on the server. Try again; if it persists, tell the administrator.');
};
