// The brainstorm parking area: a region above the three bands where quick-entry notes land, in a
// grid, each in the first free slot. Pure geometry, in flow coordinates.
import type { Position } from '../../shared';
import { BAND_TOP0, CARD_WIDTH } from '../../shared';

export const PARKING = { x: 0, y: BAND_TOP0 - 80 - 440, width: 6 * (CARD_WIDTH + 24) + 24, height: 440 };
const COLS = 6;
const ROW = 130;
const ROWS = Math.floor((PARKING.height - 40) / ROW);

function slot(i: number): Position {
  const col = i % COLS;
  const row = Math.floor(i / COLS) % ROWS;
  const layer = Math.floor(i / (COLS * ROWS));
  // Once the grid is full, the next layer is offset a little so notes stay readable.
  return { x: PARKING.x + 24 + col * (CARD_WIDTH + 24) + layer * 16, y: PARKING.y + 40 + row * ROW + layer * 16 };
}

/** Where the next note goes: the first slot no card stands on. */
export function nextParkingSlot(occupied: readonly Position[]): Position {
  for (let i = 0; i < COLS * ROWS * 4; i++) {
    const s = slot(i);
    if (!occupied.some((p) => Math.abs(p.x - s.x) < 60 && Math.abs(p.y - s.y) < 50)) return s;
  }
  return slot(0);
}

export function inParking(p: Position): boolean {
  return p.x >= PARKING.x && p.x < PARKING.x + PARKING.width && p.y >= PARKING.y && p.y < PARKING.y + PARKING.height;
}

/** Positions that put the given cards together in a compact grid, starting where the first one (top-left) stands. */
export function clusterPositions(cards: readonly { id: string; position: Position }[], gap = 20): Record<string, Position> {
  if (!cards.length) return {};
  const sorted = [...cards].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : 1));
  const origin = { x: Math.min(...cards.map((c) => c.position.x)), y: Math.min(...cards.map((c) => c.position.y)) };
  const cols = Math.max(1, Math.ceil(Math.sqrt(sorted.length)));
  const out: Record<string, Position> = {};
  sorted.forEach((c, i) => {
    out[c.id] = { x: origin.x + (i % cols) * (CARD_WIDTH + gap), y: origin.y + Math.floor(i / cols) * (100 + gap) };
  });
  return out;
}
