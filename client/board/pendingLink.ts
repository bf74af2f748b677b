// A link dropped between two cards that waits for its kind: what the canvas shows and the kind menu offers.
import type { EdgeKind } from '../../shared';

export interface PendingLink {
  source: string;
  target: string;
  kinds: EdgeKind[];
  at: { x: number; y: number };
}
