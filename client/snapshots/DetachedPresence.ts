// Presence for a snapshot on the canvas: the people on the live board are still listed, but
// nothing is sent (a cursor or selection over a snapshot means nothing to them) and their
// cursors, selections and drags are not drawn over the snapshot.
import { Presence, type Peer } from '../board/presence';
import type { Position } from '../../shared';
import type { Role } from '../api';

export class DetachedPresence extends Presence {
  constructor(private readonly live: Presence) {
    super(live.awareness);
  }
  override setUser(_name: string, _color: string, _role: Role): void {}
  override setCursor(_pos: { x: number; y: number } | null): void {}
  override setSelection(_ids: string[]): void {}
  override setDrag(_positions: Record<string, Position> | null): void {}
  override peers(): Peer[] {
    return this.live.peers().map(({ cursor: _c, sel: _s, drag: _d, ...p }) => p);
  }
  override subscribe(fn: () => void): () => void {
    return this.live.subscribe(fn);
  }
}
