// One real client of any of the three servers: y-websocket's WebsocketProvider for ours and the
// floor, @hocuspocus/provider for Hocuspocus (it speaks its own protocol). Counts bytes received.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardTarget } from '../servers/index';

process.setMaxListeners(0);

export interface BenchClient {
  doc: Y.Doc;
  awareness: Awareness;
  synced: Promise<void>;
  /** Bytes received on the socket so far. */
  bytesIn(): number;
  /** Resolves when the socket closes (the server went away). */
  closed: Promise<void>;
  destroy(): void;
}

export function connectBenchClient(target: BoardTarget, doc = new Y.Doc()): BenchClient {
  let bytes = 0;
  let onClose!: () => void;
  const closed = new Promise<void>((r) => (onClose = r));
  // A WebSocket that counts what it receives and reports its first close.
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer | ArrayBuffer) => (bytes += data.byteLength));
      this.on('close', () => onClose());
    }
  }
  if (target.kind === 'hocuspocus') {
    let resolveSynced!: () => void;
    const synced = new Promise<void>((r) => (resolveSynced = r));
    const provider = new HocuspocusProvider({
      url: target.wsUrl,
      name: target.room,
      document: doc,
      WebSocketPolyfill: CountingWebSocket,
      onSynced: ({ state }) => state && resolveSynced(),
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    return {
      doc,
      awareness: provider.awareness!,
      synced,
      bytesIn: () => bytes,
      closed,
      destroy() {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  // Ours: a client with nothing of the board says so, as the app does (the stored state comes while the board loads).
  class OursWebSocket extends CountingWebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(doc.store.clients.size === 0 ? `${address}${address.includes('?') ? '&' : '?'}fresh=1` : address, protocols);
    }
  }
  const provider = new WebsocketProvider(target.wsUrl, target.room, doc, {
    WebSocketPolyfill: (target.kind === 'ours' ? OursWebSocket : CountingWebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: target.token ? { token: target.token } : {},
    maxBackoffTime: 500,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    awareness: provider.awareness,
    synced,
    bytesIn: () => bytes,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
