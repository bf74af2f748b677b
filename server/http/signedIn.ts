// Which signed-in person (if any) a request comes from: the session cookie is read once per request
// (an unknown or expired one counts as signed out). Without sign-in configured nobody is signed in.
import { UnauthenticatedError } from '../errors';
import type { Request, RequestHandler } from 'express';
import type { SessionRecord } from '../storage/BoardStorage';
import type { Sessions } from '../auth/sessions';

const SESSION = Symbol('malkart.session');
type WithSession = Request & { [SESSION]?: SessionRecord | null };

export function readSession(sessions: Sessions | null): RequestHandler {
  return async (req, _res, next) => {
    (req as WithSession)[SESSION] = sessions ? await sessions.fromCookieHeader(req.headers.cookie) : null;
    next();
  };
}

/** The request's live session, or null. */
export function sessionOf(req: Request): SessionRecord | null {
  return (req as WithSession)[SESSION] ?? null;
}

/** The session, or 401 `signed_out`. */
export function requireSession(req: Request): SessionRecord {
  const session = sessionOf(req);
  if (!session) throw new UnauthenticatedError('signed_out', 'Sign in first.');
  return session;
}
