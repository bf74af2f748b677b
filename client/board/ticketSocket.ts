// A WebSocket class for y-websocket's `WebSocketPolyfill` option that first swaps the share-link
// token for a single-use ticket (POST /api/boards/:id/ws-ticket, token in the Authorization
// header) and opens /ws/<id>?ticket=… with it. y-websocket constructs a new socket for every
// (re)connect, so each attempt gets a fresh ticket and the token never appears in a URL.
// A refused ticket (the board was deleted, or the link rotated) ends the socket with the close
// code the server uses for the same on a live connection (4404, 4403), which y-websocket treats
// as final; a network failure ends it like a dropped connection, so it retries with backoff.
import { ApiError, wsTicket } from '../api';

export const CLOSE_REVOKED = 4403;
export const CLOSE_DELETED = 4404;

type Handler<E> = ((event: E) => void) | null;

/** A ticket asked for ahead (while the board's summary loads); a ticket lives ~30 s, so an older one is not used. */
const PREFETCH_FRESH_MS = 20_000;
const prefetched = new Map<string, { ticket: Promise<string>; at: number }>();
const keyOf = (boardId: string, token: string) => `${boardId} ${token}`;

/**
 * Asks for the socket's first ticket now, beside the board's summary, so opening the board waits
 * for one round trip less. The first socket takes it; if it fails, that socket fails as if it had
 * asked itself (and the next one asks again).
 */
export function prefetchTicket(boardId: string, token: string): void {
  if (!token) return;
  const ticket = wsTicket(boardId, token).then((r) => r.ticket);
  ticket.catch(() => undefined); // handled by the socket that takes it; unused, it is simply dropped
  prefetched.set(keyOf(boardId, token), { ticket, at: Date.now() });
}

const withParam = (url: string, param: string) => `${url}${url.includes('?') ? '&' : '?'}${param}`;

function takeTicket(boardId: string, token: string): Promise<string> {
  const key = keyOf(boardId, token);
  const early = prefetched.get(key);
  prefetched.delete(key);
  if (early && Date.now() - early.at < PREFETCH_FRESH_MS) return early.ticket;
  return wsTicket(boardId, token).then((r) => r.ticket);
}

/**
 * `isFresh` says whether the page holds nothing of the board yet (no local copy): then the socket
 * asks with `fresh=1`, and a server loading the board sends its stored state at once, while it
 * builds the board from the same bytes (a large board opens in about half the time).
 */
export function ticketSocketClass(boardId: string, token: string, isFresh: () => boolean = () => false): typeof WebSocket {
  class TicketSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'arraybuffer';
    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onclose: Handler<CloseEvent> = null;
    onerror: Handler<Event> = null;
    private ws: WebSocket | null = null;
    private ended = false;

    constructor(
      readonly url: string,
      readonly protocols?: string | string[],
    ) {
      void this.open();
    }

    get readyState(): number {
      if (this.ws) return this.ws.readyState;
      return this.ended ? 3 : 0;
    }

    private async open(): Promise<void> {
      const url = isFresh() ? withParam(this.url, 'fresh=1') : this.url;
      // A signed-in member without a link: the upgrade carries the session cookie (checked against PUBLIC_URL's origin).
      if (!token) return this.attach(new WebSocket(url, this.protocols));
      let ticket: string;
      try {
        ticket = await takeTicket(boardId, token);
      } catch (err) {
        if (this.ended) return;
        this.ended = true;
        const status = err instanceof ApiError ? err.status : 0;
        const code = status === 404 ? CLOSE_DELETED : status === 401 || status === 403 ? CLOSE_REVOKED : 4000 + 999;
        // 4999 is not in y-websocket's final range (4400–4499): it reconnects with backoff.
        this.onclose?.(new CloseEvent('close', { code, reason: err instanceof Error ? err.message : '', wasClean: false }));
        return;
      }
      if (this.ended) return;
      this.attach(new WebSocket(withParam(url, `ticket=${encodeURIComponent(ticket)}`), this.protocols));
    }

    private attach(ws: WebSocket): void {
      ws.binaryType = this.binaryType;
      ws.onopen = (e) => this.onopen?.(e);
      ws.onmessage = (e) => this.onmessage?.(e);
      ws.onerror = (e) => this.onerror?.(e);
      ws.onclose = (e) => {
        this.ended = true;
        this.onclose?.(e);
      };
      this.ws = ws;
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      this.ws?.send(data);
    }

    close(code?: number, reason?: string): void {
      this.ended = true;
      this.ws?.close(code, reason);
    }
  }
  return TicketSocket as unknown as typeof WebSocket;
}
