import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, bandTop, CARD_HEIGHT_ESTIMATE, clampIntoBand, tierAtY, tierOfCardAt } from './bands';
import { TIERS } from './vocabulary';

describe('bands', () => {
  it('stack the tiers top to bottom, one band height apart', () => {
    expect(TIERS.map(bandTop)).toEqual([bandTop('national'), bandTop('national') + BAND_HEIGHT, bandTop('national') + 2 * BAND_HEIGHT]);
  });
  it('place a card by its centre; above the first band is national, below the last local', () => {
    for (const tier of TIERS) {
      expect(tierAtY(bandTop(tier))).toBe(tier);
      expect(tierAtY(bandTop(tier) + BAND_HEIGHT - 1)).toBe(tier);
    }
    expect(tierAtY(-1e6)).toBe('national');
    expect(tierAtY(1e6)).toBe('nav_local');
    expect(tierOfCardAt(bandTop('kommuneplan') - CARD_HEIGHT_ESTIMATE / 2)).toBe('kommuneplan');
    expect(tierOfCardAt(bandTop('kommuneplan') - CARD_HEIGHT_ESTIMATE / 2, 40)).toBe('national');
  });
  it('clamp a new card inside its band', () => {
    for (const tier of TIERS) {
      for (const y of [-1e5, bandTop(tier) + 100, 1e5]) expect(tierOfCardAt(clampIntoBand(tier, y))).toBe(tier);
    }
  });
});
