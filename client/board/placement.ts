// Where a new card goes and who owns it. A new card lands in the free spot nearest the place asked
// for (the view's centre, a double-click, a drop), never on top of another card; people who follow
// the facilitator share one centre, so without this their cards would pile up on one spot.
import { DEFAULT_OWNER_FOR_TIER, type NodeKind, type Owner, type Position, type Tier } from '../../shared';
import { BAND_HEIGHT, bandTop, CARD_HEIGHT_ESTIMATE, CARD_WIDTH, clampIntoBand, tierOfCardAt } from '../../shared';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space kept between a new card and its neighbours. */
const GAP = 16;
const STEP_X = CARD_WIDTH + GAP;
const STEP_Y = CARD_HEIGHT_ESTIMATE + GAP;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;

/**
 * The top-left corner for a new card wanted at `want` (its top-left corner): that spot if it is
 * free, else the nearest free one on a card-sized grid around it, inside the same band.
 */
export function freeSpot(taken: readonly Box[], want: Position, w = CARD_WIDTH, h = CARD_HEIGHT_ESTIMATE, view?: Box): Position {
  // A spot wholly in view comes first; only when there is none does the search look outside it.
  if (view) {
    const inView = search(taken, want, w, h, view);
    if (inView) return inView;
  }
  return search(taken, want, w, h) ?? beyond(taken, want, w, h);
}

function search(taken: readonly Box[], want: Position, w: number, h: number, view?: Box): Position | null {
  const tier: Tier = tierOfCardAt(want.y, h);
  const top = bandTop(tier) + 40;
  const bottom = bandTop(tier) + BAND_HEIGHT - h - 20;
  const start = { x: Math.round(want.x), y: Math.round(clampIntoBand(tier, want.y, h)) };
  const near = taken.filter((b) => Math.abs(b.x - start.x) < STEP_X * 14 && b.y + b.h > top - GAP && b.y < bottom + h + GAP);
  const rows = Math.ceil(BAND_HEIGHT / STEP_Y);
  let best: (Position & { d: number }) | null = null;
  for (let dx = -12; dx <= 12; dx++) {
    for (let dy = -rows; dy <= rows; dy++) {
      const p = { x: start.x + dx * STEP_X, y: start.y + dy * STEP_Y };
      if (p.y < top - 0.5 || p.y > bottom + 0.5) continue;
      if (view && (p.x < view.x || p.y < view.y || p.x + w > view.x + view.w || p.y + h > view.y + view.h)) continue;
      // Rows count a little more than columns: a card beside reads as "near" sooner than one below.
      const d = Math.hypot(dx * STEP_X, dy * STEP_Y * 1.5);
      if (best && d >= best.d) continue;
      const box = { x: p.x, y: p.y, w, h };
      if (!near.some((o) => overlaps(box, o))) best = { ...p, d };
    }
  }
  return best ? { x: best.x, y: best.y } : null;
}

function beyond(taken: readonly Box[], want: Position, w: number, h: number): Position {
  const tier: Tier = tierOfCardAt(want.y, h);
  const top = bandTop(tier) + 40;
  const bottom = bandTop(tier) + BAND_HEIGHT - h - 20;
  const start = { x: Math.round(want.x), y: Math.round(clampIntoBand(tier, want.y, h)) };
  // A band full for twelve card widths each way: go right of everything in it.
  const right = Math.max(...taken.filter((b) => b.y + b.h > top && b.y < bottom + h).map((b) => b.x + b.w), start.x);
  return { x: right + GAP * 2, y: start.y };
}

/** The owner of a new card: a directive is the state's; otherwise the creator's side where it is an owner, else the band's usual owner. */
export function ownerForNewCard(kind: NodeKind, side: string | null | undefined, tier: Tier): Owner {
  if (kind === 'directive') return 'stat';
  if (side === 'stat' || side === 'kommune') return side;
  return DEFAULT_OWNER_FOR_TIER[tier];
}
