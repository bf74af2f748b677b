// A Yjs client in Node speaking the same protocol as the browser, for checks a UI cannot make
// (a viewer sending document updates on its own).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

export interface NodeClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export async function connectNodeClient(base: string, boardId: string, token: string): Promise<NodeClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('node client did not sync')), 10_000);
    provider.on('sync', (s: boolean) => {
      if (s) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
