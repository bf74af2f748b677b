// Who is here and what they are doing, over Yjs awareness: name and colour, cursor (in flow
// coordinates), selected cards, the in-flight position of a drag, and in a workshop the side, the
// participant id and the viewport (which followers of the facilitator track). None of it is in the document.
import type { Awareness } from 'y-protocols/awareness';
import type { Position, Side } from '../../shared';
import type { Role } from '../api';

export interface PeerState {
  user?: { name: string; color: string; role?: Role; side?: Side | null; participantId?: string };
  /** Stamped by the server from the connection's token. */
  role?: Role;
  cursor?: { x: number; y: number } | null;
  viewport?: Viewport | null;
  sel?: string[];
  drag?: Record<string, Position> | null;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface Peer extends PeerState {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

export const PEER_COLORS = ['#c2410c', '#0f766e', '#7c3aed', '#b91c1c', '#1d4ed8', '#a16207', '#be185d', '#15803d', '#4338ca', '#0e7490'];

export function colorFor(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return PEER_COLORS[Math.abs(h) % PEER_COLORS.length]!;
}

const THROTTLE_MS = 50;
const VIEWPORT_THROTTLE_MS = 120;

export class Presence {
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingCursor: { x: number; y: number } | null | undefined;
  private dragTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingDrag: Record<string, Position> | null | undefined;

  constructor(readonly awareness: Awareness) {}

  setUser(name: string, color: string, role: Role, who: { side?: Side | null; participantId?: string } = {}): void {
    this.awareness.setLocalStateField('user', { name, color, role, ...who });
  }

  private viewportTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingViewport: Viewport | null | undefined;
  /** This tab's viewport, throttled; `null` stops sharing it. */
  setViewport(v: Viewport | null): void {
    if (v === null) {
      if (this.viewportTimer) clearTimeout(this.viewportTimer);
      this.viewportTimer = null;
      this.pendingViewport = undefined;
      if ((this.awareness.getLocalState() as PeerState | null)?.viewport) this.awareness.setLocalStateField('viewport', null);
      return;
    }
    this.pendingViewport = v;
    if (this.viewportTimer) return;
    this.awareness.setLocalStateField('viewport', v);
    this.pendingViewport = undefined;
    this.viewportTimer = setTimeout(() => {
      this.viewportTimer = null;
      if (this.pendingViewport) this.setViewport(this.pendingViewport);
    }, VIEWPORT_THROTTLE_MS);
  }

  setCursor(pos: { x: number; y: number } | null): void {
    this.pendingCursor = pos;
    if (this.cursorTimer) return;
    this.awareness.setLocalStateField('cursor', pos);
    this.pendingCursor = undefined;
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      if (this.pendingCursor !== undefined) this.setCursor(this.pendingCursor);
    }, THROTTLE_MS);
  }

  setSelection(ids: string[]): void {
    const prev = (this.awareness.getLocalState() as PeerState | null)?.sel ?? [];
    if (prev.length === ids.length && prev.every((id, i) => id === ids[i])) return;
    this.awareness.setLocalStateField('sel', ids);
  }

  /** Positions of cards being dragged, throttled; `null` ends the drag at once. */
  setDrag(positions: Record<string, Position> | null): void {
    if (positions === null) {
      if (this.dragTimer) clearTimeout(this.dragTimer);
      this.dragTimer = null;
      this.pendingDrag = undefined;
      this.awareness.setLocalStateField('drag', null);
      return;
    }
    this.pendingDrag = positions;
    if (this.dragTimer) return;
    this.awareness.setLocalStateField('drag', positions);
    this.pendingDrag = undefined;
    this.dragTimer = setTimeout(() => {
      this.dragTimer = null;
      if (this.pendingDrag) this.setDrag(this.pendingDrag);
    }, THROTTLE_MS);
  }

  peers(): Peer[] {
    const out: Peer[] = [];
    const self = this.awareness.clientID;
    this.awareness.getStates().forEach((state, clientId) => {
      const s = state as PeerState;
      if (!s.user) return;
      out.push({ ...s, clientId, name: s.user.name, color: s.user.color, self: clientId === self });
    });
    return out.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name) || a.clientId - b.clientId));
  }

  subscribe(fn: () => void): () => void {
    this.awareness.on('change', fn);
    return () => this.awareness.off('change', fn);
  }
}
