// Structured JSON logs (pino), one line per event, for a kommune's log collector (docs/drift.md
// "Overvåking"). Every request line carries a request id, the board id and the caller's role.
// Tokens are secrets (a share link is the whole credential): they are removed from every logged
// URL and header before anything is written, so a log never holds one.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Headers that carry credentials; their values are never written. */
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'sec-websocket-protocol'];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'malkart' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A second guard: any field named token(s) anywhere in a logged object is censored.
      redact: { paths: ['token', 'tokens', '*.token', '*.tokens', '*.*.token', '*.*.tokens'], censor: '[redacted]' },
    },
    destination,
  );
}

/** A URL (path and query) with the value of every `token` parameter replaced. */
export function redactUrl(raw: string | undefined): string {
  if (!raw) return '';
  const q = raw.indexOf('?');
  if (q < 0) return raw;
  const params = raw
    .slice(q + 1)
    .split('&')
    .map((pair) => (safeDecode(pair.split('=')[0]!.replace(/\+/g, ' ')).trim().toLowerCase() === 'token' ? 'token=[redacted]' : pair));
  return `${raw.slice(0, q)}?${params.join('&')}`;
}
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Request headers worth logging, without credentials. */
export function redactHeaders(headers: IncomingMessage['headers']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.includes(k) ? '[redacted]' : k === 'referer' ? redactUrl(String(v)) : v;
  return out;
}

/** The id a proxy gave the request (X-Request-Id, if it looks like one) or a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

/** The board a path names: /api/boards/<id>/… or /ws/<id>. */
export function boardIdOf(url: string | undefined): string | undefined {
  const m = /^\/(?:api\/boards|ws)\/([^/?]+)/.exec(url ?? '');
  return m ? safeDecode(m[1]!) : undefined;
}

/** One line per HTTP request when it ends: id, method, redacted URL, status, time, board and role. */
export function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestId(req);
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/metrics') return; // probes every few seconds: not news
      const role = (req as { access?: { role?: string } }).access?.role;
      const status = res.statusCode;
      log[status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'](
        {
          reqId: id,
          method: req.method,
          url: redactUrl(req.originalUrl),
          status,
          ms: Math.round(performance.now() - started),
          boardId: boardIdOf(req.originalUrl),
          role,
          userAgent: req.headers['user-agent'],
        },
        'request',
      );
    });
    next();
  };
}
