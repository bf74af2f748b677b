// The three horizontal bands of the board, one per tier, in flow coordinates. A card belongs to
// the band its centre lies in; cards above the first band count as national, below the last as local.
// The canvas draws them; `moveNodes` gives a card dropped in another band that band's tier.
import { TIERS, type Tier } from './vocabulary';

export const BAND_HEIGHT = 420;
export const BAND_TOP0 = -60;
export const CARD_WIDTH = 240;
export const CARD_HEIGHT_ESTIMATE = 110;

export function bandTop(tier: Tier): number {
  return BAND_TOP0 + TIERS.indexOf(tier) * BAND_HEIGHT;
}

export function tierAtY(centerY: number): Tier {
  const i = Math.floor((centerY - BAND_TOP0) / BAND_HEIGHT);
  return TIERS[Math.max(0, Math.min(TIERS.length - 1, i))]!;
}

/** The tier of a card whose top-left corner stands at `y`. */
export function tierOfCardAt(y: number, height = CARD_HEIGHT_ESTIMATE): Tier {
  return tierAtY(y + height / 2);
}

/** A y inside the band for a new card placed around `y`, kept clear of the band's edges. */
export function clampIntoBand(tier: Tier, y: number, height = CARD_HEIGHT_ESTIMATE): number {
  const top = bandTop(tier) + 40;
  const bottom = bandTop(tier) + BAND_HEIGHT - height - 20;
  return Math.max(top, Math.min(bottom, y));
}
