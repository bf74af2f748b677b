import { describe, expect, it } from 'vitest';
import { clusterPositions, inParking, nextParkingSlot, PARKING } from './parking';
import { TIERS } from '../../shared';
import { bandTop } from '../../shared';

describe('brainstorm parking area', () => {
  it('puts notes in free slots inside the area, one after another', () => {
    const taken: { x: number; y: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const s = nextParkingSlot(taken);
      expect(inParking(s)).toBe(true);
      expect(taken.some((p) => p.x === s.x && p.y === s.y)).toBe(false);
      taken.push(s);
    }
    expect(new Set(taken.map((p) => p.y)).size).toBe(2);
  });
  it('reuses a slot once its note has moved away', () => {
    const first = nextParkingSlot([]);
    const second = nextParkingSlot([first]);
    expect(nextParkingSlot([second])).toEqual(first);
  });
  it('lies above the bands', () => {
    expect(PARKING.y + PARKING.height).toBeLessThanOrEqual(bandTop(TIERS[0]));
  });
  it('clusters cards into a compact grid from the top-left card, without overlaps', () => {
    const cards = [
      { id: 'a', position: { x: 900, y: 40 } },
      { id: 'b', position: { x: 100, y: 500 } },
      { id: 'c', position: { x: 2000, y: 900 } },
      { id: 'd', position: { x: 50, y: 20 } },
    ];
    const out = clusterPositions(cards);
    expect(Object.keys(out).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(out.d).toEqual({ x: 50, y: 20 });
    const pts = Object.values(out);
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) expect(Math.abs(pts[i]!.x - pts[j]!.x) >= 240 || Math.abs(pts[i]!.y - pts[j]!.y) >= 100).toBe(true);
    expect(Math.max(...pts.map((p) => p.x)) - 50).toBeLessThan(600);
  });
});
