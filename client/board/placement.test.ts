import { describe, expect, it } from 'vitest';
import { freeSpot, ownerForNewCard, type Box } from './placement';
import { CARD_HEIGHT_ESTIMATE as H, CARD_WIDTH as W, tierOfCardAt } from '../../shared';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot([], { x: 100, y: 500 })).toEqual({ x: 100, y: 500 });
  });

  it('never puts a card on top of another, however many are created at one centre', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 40; i++) {
      const p = freeSpot(taken, { x: 100, y: 500 });
      const box = { x: p.x, y: p.y, w: W, h: H };
      for (const o of taken) expect(overlap(box, o)).toBe(false);
      // Stays in the band it was asked for.
      expect(tierOfCardAt(p.y)).toBe('kommuneplan');
      taken.push(box);
    }
    // The first ones stay near the centre.
    expect(Math.abs(taken[1]!.x - 100) + Math.abs(taken[1]!.y - 500)).toBeLessThan(W + 40);
  });

  it('prefers a spot wholly in view', () => {
    const view = { x: -200, y: 300, w: 700, h: 500 };
    const taken: Box[] = [];
    for (let i = 0; i < 4; i++) {
      const p = freeSpot(taken, { x: 100, y: 500 }, W, H, view);
      expect(p.x).toBeGreaterThanOrEqual(view.x);
      expect(p.x + W).toBeLessThanOrEqual(view.x + view.w);
      taken.push({ x: p.x, y: p.y, w: W, h: H });
    }
  });

  it('steps around a card of measured size that covers the spot', () => {
    const big = { x: 50, y: 450, w: 400, h: 300 };
    const p = freeSpot([big], { x: 100, y: 500 });
    expect(overlap({ x: p.x, y: p.y, w: W, h: H }, big)).toBe(false);
  });
});

describe('ownerForNewCard', () => {
  it('takes the creator side where the kind allows it', () => {
    expect(ownerForNewCard('goal', 'stat', 'kommuneplan')).toBe('stat');
    expect(ownerForNewCard('goal', 'kommune', 'national')).toBe('kommune');
    expect(ownerForNewCard('directive', 'kommune', 'national')).toBe('stat');
    expect(ownerForNewCard('goal', 'gjest', 'nav_local')).toBe('felles');
    expect(ownerForNewCard('measure', null, 'kommuneplan')).toBe('kommune');
  });
});
