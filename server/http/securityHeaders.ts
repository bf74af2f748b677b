// Headers that keep share links from leaking (issue 12 §9): a CSP without inline script whose
// connect-src allows this origin and its WebSocket only, no framing, no Referer, nosniff;
// API answers are never cached (they carry tokens, tickets and board content).
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The Host header if it is a plain host[:port], so nothing a client sends can add a directive. */
function hostOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
}

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // 'self' covers ws: of the same host in CSP 3; older browsers need it named.
        'connect-src': ["'self'", (req) => `ws://${hostOf(req)}`, (req) => `wss://${hostOf(req)}`],
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // Workshops often run on plain HTTP in a local network: do not rewrite requests to https.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only makes sense behind TLS, which a reverse proxy adds; it would pin plain-HTTP workshop laptops.
    strictTransportSecurity: false,
    // The app opens no cross-origin windows and loads nothing cross-origin.
    crossOriginEmbedderPolicy: false,
  });
}

/** `Cache-Control: no-store` on every API answer. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
