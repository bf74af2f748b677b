// Per-client-address rate limits (issue #12, finding 4: 2,000 boards with one idle socket each in
// 9 s filled MAX_LOADED_BOARDS). Board creation through express-rate-limit; WebSocket upgrades,
// which never reach Express, through a small fixed-window counter on the upgrade path. Both read
// the client address the same way Express does, so TRUST_PROXY makes X-Forwarded-For count for both.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import proxyaddr from 'proxy-addr';
import type { ServerConfig } from '../config';
import type { Metrics } from '../metrics';
import { sendError } from './errors';

/** Express's reading of `trust proxy`, for requests Express never sees (upgrades). */
export function compileTrust(value: ServerConfig['trustProxy']): (addr: string, i: number) => boolean {
  if (value === true) return () => true;
  if (value === false) return () => false;
  if (typeof value === 'number') return (_a, i) => i < value;
  return proxyaddr.compile(value.split(',').map((v) => v.trim()));
}

/** The client address of a request, by the same rule Express uses for `req.ip`. */
export function clientAddress(req: IncomingMessage, trust: (addr: string, i: number) => boolean): string {
  return proxyaddr(req as Parameters<typeof proxyaddr>[0], trust);
}

/** POST /api/boards: at most `createLimit` per address per `createWindowMs`, then 429 with Retry-After. */
export function createBoardLimiter(config: ServerConfig, metrics: Metrics): RequestHandler {
  if (config.createLimit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: config.createWindowMs,
    limit: config.createLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, res) => {
      metrics.rateLimited.inc({ what: 'create' });
      sendError(res, 429, 'rate_limited', 'Too many boards created from this address; try again later.');
    },
  });
}

/**
 * GET /auth/login: at most `loginLimit` per address per `loginWindowMs`, then 429. Each login
 * under way is a row in the store until it is used or expires, so this bounds what one address
 * can put there (a kommune's office behind one address signs in well within the default).
 */
export function loginLimiter(config: ServerConfig, metrics: Metrics): RequestHandler {
  if (config.loginLimit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: config.loginWindowMs,
    limit: config.loginLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, res) => {
      metrics.rateLimited.inc({ what: 'login' });
      sendError(res, 429, 'rate_limited', 'Too many sign-ins started from this address; try again later.');
    },
  });
}

/** Fixed-window counter of WebSocket upgrades per address. */
export class UpgradeLimiter {
  private readonly counts = new Map<string, number>();
  private windowEnds: number;
  private readonly trust: (addr: string, i: number) => boolean;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    trustProxy: ServerConfig['trustProxy'],
  ) {
    this.trust = compileTrust(trustProxy);
    this.windowEnds = Date.now() + windowMs;
  }

  /** Counts one upgrade; returns the seconds to wait when the address is over its limit, else 0. */
  take(req: IncomingMessage, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    if (now >= this.windowEnds) {
      this.counts.clear();
      this.windowEnds = now + this.windowMs;
    }
    const key = ipKeyGenerator(clientAddress(req, this.trust));
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n > this.limit ? Math.ceil((this.windowEnds - now) / 1000) : 0;
  }
}
