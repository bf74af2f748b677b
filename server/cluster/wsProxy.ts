// One internal hop: a WebSocket upgrade for a board another instance owns is forwarded there as it
// came (the owner checks the token or ticket itself) and the two sockets are piped together, so the
// owner's frames — its close codes too — reach the client unchanged. The hop is marked with the
// cluster's secret (from Postgres, never configured or sent to clients), so the owner does not
// forward it again and does not count the forwarding instance against per-address upgrade limits.
import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export const HOP_HEADER = 'x-malkart-hop';

/** The owner could not be reached (down, paused, or not answering in time); nothing was sent to the client. */
export class OwnerUnreachableError extends Error {}

function headerBlock(rawHeaders: string[], skip: (name: string) => boolean = () => false): string {
  let out = '';
  for (let i = 0; i < rawHeaders.length; i += 2) if (!skip(rawHeaders[i]!.toLowerCase())) out += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return out;
}

/**
 * Forwards the upgrade to `ownerUrl` (its INSTANCE_URL). Resolves once the owner answered — the
 * sockets are then piped, or its refusal relayed — and rejects with OwnerUnreachableError if it did
 * not answer within `timeoutMs`, leaving the client's socket untouched for the caller to use.
 */
export function proxyUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, ownerUrl: string, hopSecret: string, timeoutMs: number): Promise<void> {
  const target = new URL(req.url ?? '/', ownerUrl);
  const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host, [HOP_HEADER]: hopSecret, 'x-forwarded-for': forwardedFor };
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const preq = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers, agent: false });
    const timer = setTimeout(() => {
      preq.destroy();
      settle(new OwnerUnreachableError(`${ownerUrl} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    preq.on('error', (err) => settle(new OwnerUnreachableError(`${ownerUrl}: ${err.message}`)));
    preq.on('upgrade', (res, upstream, upstreamHead) => {
      if (settled || socket.destroyed) {
        upstream.destroy();
        return settle();
      }
      settle();
      socket.write(`HTTP/1.1 101 Switching Protocols\r\n${headerBlock(res.rawHeaders)}\r\n`);
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstream.write(head);
      (upstream as Duplex & { setNoDelay?(v: boolean): void }).setNoDelay?.(true);
      (socket as Duplex & { setNoDelay?(v: boolean): void }).setNoDelay?.(true);
      upstream.pipe(socket);
      socket.pipe(upstream);
      const end = () => {
        upstream.destroy();
        socket.destroy();
      };
      // Either side ending ends both at once: a half-closed pipe would leave a client waiting for
      // frames from an owner that died (it would notice only after y-websocket's 30 s silence).
      for (const s of [upstream, socket]) for (const event of ['error', 'end', 'close']) s.on(event, end);
    });
    // A refusal (403, 404, 503 …): relayed as the owner gave it.
    preq.on('response', (res) => {
      settle();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (socket.destroyed) return;
        const body = Buffer.concat(chunks);
        socket.end(
          `HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ''}\r\n${headerBlock(res.rawHeaders, (n) => n === 'content-length' || n === 'connection' || n === 'transfer-encoding')}` +
            `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('latin1')}`,
          'latin1',
        );
      });
    });
    preq.end();
  });
}
