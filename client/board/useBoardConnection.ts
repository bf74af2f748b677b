// One board's Y.Doc, bound to the server through y-websocket and cached in IndexedDB so a reload
// shows the board at once (and offline edits survive a reload) and merges on return.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { wsBase } from '../api';
import { ticketSocketClass } from './ticketSocket';
import { localDbName } from './localCopy';
import { forgetDepartedClocks } from './forgetDepartedClocks';
import type { SyncState } from './connectionStatus';
import { CLOSE } from '../../shared';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** True once the board content is here, from the server or from the local cache. */
  loaded: boolean;
  /** True once synced with the server at least once. */
  synced: boolean;
  state: SyncState;
  closeReason?: string;
  /** The close code when the server ended the connection for good (4403 link rotated, 4404 board deleted, …). */
  closeCode?: number;
  /**
   * How often the server said this member's role or side changed (4010): the connection comes back
   * by itself, but what the page learnt of role and side at load must be asked again.
   */
  memberChanges: number;
}

export function useBoardConnection(boardId: string, token: string): BoardConnection | null {
  const [conn, setConn] = useState<BoardConnection | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const idb = new IndexeddbPersistence(localDbName(boardId), doc);
    const startOnline = navigator.onLine;
    const provider = new WebsocketProvider(`${wsBase()}/ws`, boardId, doc, {
      // No token in the URL: each (re)connect fetches a single-use ticket (issue 12 §9).
      // Nothing of the board here yet (no local copy loaded): the server may send it while it loads it.
      WebSocketPolyfill: ticketSocketClass(boardId, token, () => doc.store.clients.size === 0),
      // Each tab talks to the server itself: a BroadcastChannel would let a read-only tab pass
      // updates to an editing tab of the same browser.
      disableBc: true,
      connect: startOnline,
      maxBackoffTime: 5000,
    });
    let everSynced = false;
    let loaded = false;
    let state: SyncState = startOnline ? 'connecting' : 'offline';
    let closeReason: string | undefined;
    let closeCode: number | undefined;
    let memberChanges = 0;
    let disposed = false;

    const publish = () => {
      if (disposed) return;
      setConn({ doc, provider, awareness: provider.awareness, loaded, synced: everSynced, state, closeReason, closeCode, memberChanges });
    };
    const recompute = () => {
      if (!navigator.onLine) state = 'offline';
      else if (closeReason) state = 'closed';
      else if (provider.wsconnected && provider.synced) state = 'online';
      else state = everSynced ? 'reconnecting' : 'connecting';
      publish();
    };

    provider.on('status', (event: { status: string }) => {
      if (event.status === 'disconnected') forgetDepartedClocks(provider.awareness);
      recompute();
    });
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        everSynced = true;
        loaded = true;
      }
      recompute();
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code !== CLOSE.memberChanged.code) return;
      memberChanges += 1;
      publish();
    });
    provider.on('closed', (event: { code: number; reason: string }) => {
      closeReason = event.reason || String(event.code);
      closeCode = event.code;
      recompute();
    });
    void idb.whenSynced.then(() => {
      // A cache with content shows the board before the server answers.
      if (doc.getMap('nodes').size > 0) loaded = true;
      publish();
    });

    // Browsers keep an open WebSocket through "offline" (and test harnesses emulate offline
    // without closing it), so follow the browser's own online state explicitly.
    const onOffline = () => {
      provider.disconnect();
      recompute();
    };
    const onOnline = () => {
      provider.connect();
      recompute();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    publish();

    return () => {
      disposed = true;
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.awareness.setLocalState(null);
      provider.destroy();
      void idb.destroy();
      doc.destroy();
    };
  }, [boardId, token]);

  return conn;
}
