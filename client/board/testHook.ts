// A small read-only window for browser tests: plain data about cards, links, peers and sync state,
// so tests assert on state rather than pixels.
import type { Role } from '../api';
import type { BoardStore } from './boardStore';
import type { Presence } from './presence';
import type { SyncState } from './connectionStatus';
import type { SnapshotView } from '../snapshots/useSnapshotView';

declare global {
  interface Window {
    __malkart?: {
      cards(): unknown[];
      /** How many cards the document holds: a cheap probe to poll (cards() reads every card). */
      cardCount(): number;
      edges(): unknown[];
      peers(): unknown[];
      syncState(): SyncState;
      role: Role;
      selected(): string[];
      rendered(): string[];
      hidden(): string[];
      /** The snapshot on the canvas (cards() etc. then read it), or null for the live board. */
      snapshot(): { id: string; mode: string; status: string } | null;
      /** Comparison marks per card id: added, removed, changed, moved. */
      diffMarks(): Record<string, string>;
      /** The React Flow viewport of this tab, with the canvas size. */
      viewport(): { x: number; y: number; zoom: number; width: number; height: number } | null;
      /** The workshop as this tab sees it (never vote counts before a vote is closed). */
      workshop(): unknown;
      /** While a rød tråd is shown: the ids of the cards on it and of those dimmed (sorted). */
      threadMarks(mark: 'on' | 'dim'): string[];
    };
  }
}

/** Read-only probes registered by other parts of the page (the workshop registers both). */
export const testProbes: { viewport?: () => { x: number; y: number; zoom: number; width: number; height: number }; workshop?: () => unknown } = {};

export function installTestHook(o: { store: BoardStore; presence: Presence; role: Role; state: () => SyncState; snapshot?: () => SnapshotView }): () => void {
  const { store, presence, role } = o;
  window.__malkart = {
    role,
    cards: () => {
      const out: unknown[] = [];
      store.maps.nodes.forEach((y, id) => {
        const pos = store.maps.layout.get(id) ?? { x: 0, y: 0 };
        const json = y.toJSON() as Record<string, unknown>;
        out.push({ id, ...json, x: pos.x, y: pos.y });
      });
      return out;
    },
    edges: () => {
      const out: unknown[] = [];
      store.maps.edges.forEach((y, id) => out.push({ id, ...(y.toJSON() as object) }));
      return out;
    },
    cardCount: () => store.maps.nodes.size,
    peers: () =>
      presence.peers().filter((p) => !p.self).map((p) => ({
        clientId: p.clientId, name: p.name, color: p.color, role: p.role, cursor: p.cursor ?? null, selection: p.sel ?? [], dragging: !!p.drag,
      })),
    syncState: o.state,
    selected: () => store.selectedNodeIds(),
    hidden: () => store.getNodes().filter((n) => n.hidden).map((n) => n.id),
    snapshot: () => {
      const v = o.snapshot?.();
      return v && v.status !== 'off' ? { id: v.route.sid, mode: v.route.mode, status: v.status } : null;
    },
    diffMarks: () => store.diffMarks(),
    viewport: () => testProbes.viewport?.() ?? null,
    workshop: () => testProbes.workshop?.() ?? null,
    threadMarks: (mark) => store.getNodes().filter((n) => n.data.thread === mark).map((n) => n.id).sort(),
    rendered: () => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => el.dataset.id ?? ''),
  };
  return () => {
    delete window.__malkart;
  };
}
