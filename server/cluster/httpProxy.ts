// The API's half of routing (STORE=postgres): a request for a board that another instance owns is
// forwarded there in one hop, because what it reads or changes is that instance's live room (a
// restore, an indicator import, the live export). The body is sent on only once the owner's
// connection is up, so when the owner is down the request is still whole and served here after
// its lease has run out.
import http from 'node:http';
import type { RequestHandler } from 'express';
import type { Cluster } from './Cluster';
import type { RoomManager } from '../sync/RoomManager';
import type { Metrics } from '../metrics';
import { HOP_HEADER } from './wsProxy';
import { sendError } from '../http/errors';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

function forward(req: http.IncomingMessage & { originalUrl?: string }, res: http.ServerResponse, ownerUrl: string, hopSecret: string, timeoutMs: number): Promise<'done' | 'unreachable'> {
  const target = new URL(req.originalUrl ?? req.url ?? '/', ownerUrl);
  const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  return new Promise((resolve) => {
    let connected = false;
    let answered = false;
    const preq = http.request({
      host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method,
      headers: { ...req.headers, host: target.host, [HOP_HEADER]: hopSecret, 'x-forwarded-for': forwardedFor },
      timeout: timeoutMs,
      // A connection of its own: the body is sent only once it is up, which a reused socket never signals.
      agent: false,
    });
    preq.on('socket', (s) => s.once('connect', () => {
      connected = true;
      req.pipe(preq);
    }));
    preq.on('timeout', () => preq.destroy(new Error(`${ownerUrl} did not answer within ${timeoutMs} ms`)));
    preq.on('response', (pres) => {
      answered = true;
      const headers: string[] = [];
      for (let i = 0; i < pres.rawHeaders.length; i += 2) if (!HOP_BY_HOP.has(pres.rawHeaders[i]!.toLowerCase())) headers.push(pres.rawHeaders[i]!, pres.rawHeaders[i + 1]!);
      res.writeHead(pres.statusCode ?? 502, headers);
      pres.pipe(res);
      pres.on('end', () => resolve('done'));
      pres.on('error', () => res.destroy());
    });
    preq.on('error', () => {
      if (answered) return res.destroy();
      if (!connected) return resolve('unreachable');
      // The body went to an owner that stopped answering: the client tries again.
      if (!res.headersSent) res.setHeader('Retry-After', '1');
      sendError(res as never, 503, 'board_moving', 'The server that holds this board did not answer; try again in a moment.');
      resolve('done');
    });
  });
}

/**
 * Mounted on /api/boards/:id before the body parsers: forwards to the board's owner, or lets this
 * instance serve it. `answerWithinMs` bounds a silent owner: longer than the longest export.
 */
export function routeBoardRequests(cluster: Cluster, rooms: RoomManager, metrics: Metrics, leaseMs: number, answerWithinMs: number): RequestHandler {
  return async (req, res, next) => {
    try {
      const boardId = String(req.params.id);
      if (cluster.isHop(req) || (await rooms.loaded(boardId))) return next();
      const deadline = Date.now() + 2 * leaseMs;
      while (Date.now() < deadline) {
        const elsewhere = await cluster.ownerElsewhere(boardId);
        if (!elsewhere) return next();
        if ((await forward(req, res, elsewhere.owner, cluster.hopHeaderValue, answerWithinMs)) === 'done') {
          metrics.proxiedConnections.inc({ what: 'api' });
          return;
        }
        await cluster.waitForExpiry(boardId, deadline - Date.now());
      }
      return next();
    } catch (err) {
      next(err);
    }
  };
}
