// Who is here and what they are doing, over Yjs awareness: name and colour, cursor (in flow
// coordinates), selected cards, the in-flight position of a drag, and in a workshop the side, the
// participant id and the viewport (which followers of the facilitator track). None of it is in the document.
//
// Every peer's state is untrusted (any link holder can write anything into awareness): `peers()`
// reads each one through the schema in shared/presence.ts, field by field, so a number where a
// name belongs is dropped instead of throwing in every browser on the board.
import type { Awareness } from 'y-protocols/awareness';
import type { Position, Side } from '../../shared';
import { PRESENCE_LIMITS, PRESENCE_ROLES, parsePresence, type PresenceState } from '../../shared';
import type { Role } from '../api';

export type PeerState = PresenceState;
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

  /** This tab's own role, until the server's stamp comes back (the role in `user` is only a hint to old servers). */
  private ownRole: Role | undefined;

  constructor(readonly awareness: Awareness) {}

  setUser(name: string, color: string, role: Role, who: { side?: Side | null; participantId?: string } = {}): void {
    this.ownRole = role;
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

  setSelection(all: string[]): void {
    // A larger selection shares its first cards: the server drops a longer list whole.
    const ids = all.length > PRESENCE_LIMITS.maxSelection ? all.slice(0, PRESENCE_LIMITS.maxSelection) : all;
    const prev = (this.awareness.getLocalState() as PeerState | null)?.sel ?? [];
    if (prev.length === ids.length && prev.every((id, i) => id === ids[i])) return;
    this.awareness.setLocalStateField('sel', ids);
  }

  /** Positions of cards being dragged, throttled; `null` ends the drag at once. */
  setDrag(all: Record<string, Position> | null): void {
    const positions = all && capDrag(all);
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
    this.awareness.getStates().forEach((raw, clientId) => {
      const { state: s } = parsePresence(raw);
      if (!s.user) return;
      const isSelf = clientId === self;
      const role = s.role ?? (isSelf && this.ownRole && PRESENCE_ROLES.includes(this.ownRole) ? this.ownRole : undefined);
      out.push({ ...s, role, clientId, name: s.user.name, color: s.user.color ?? colorFor(`${s.user.name}|${clientId}`), self: isSelf });
    });
    return out.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name) || a.clientId - b.clientId));
  }

  subscribe(fn: () => void): () => void {
    this.awareness.on('change', fn);
    return () => this.awareness.off('change', fn);
  }
}

/** At most the cards a drag may share (the server drops a larger one whole); the rest move at drop. */
function capDrag(positions: Record<string, Position>): Record<string, Position> {
  const keys = Object.keys(positions);
  if (keys.length <= PRESENCE_LIMITS.maxDrag) return positions;
  return Object.fromEntries(keys.slice(0, PRESENCE_LIMITS.maxDrag).map((k) => [k, positions[k]!]));
}
