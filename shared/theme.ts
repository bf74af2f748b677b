// The one colour scheme of the map: owners (the partnership axis) and kinds, used by the canvas,
// the SVG/PNG export and the chapter's figures alike, so the document shows the board's colours.
// Every text/fill pair is WCAG AA (≥ 4.5:1); borders are ≥ 3:1 against the band tint.
import type { NodeKind, Owner, Tier } from './vocabulary';

export interface OwnerColours {
  /** Card border, the owner badge background (white text on it ≥ 7:1) and the kind label. */
  strong: string;
  /** Card fill (dark text #14181f on it ≥ 14:1). */
  fill: string;
  /** Band tint, legend and minimap colour. */
  soft: string;
}

export const OWNER_COLOURS: Record<Owner, OwnerColours> = {
  stat: { strong: '#1f4e9c', fill: '#eef4fd', soft: '#d6e4f9' },
  kommune: { strong: '#17663a', fill: '#edf7f0', soft: '#d3ecdc' },
  felles: { strong: '#6b2f8f', fill: '#f6eefa', soft: '#e7d6f1' },
};
const UNKNOWN_OWNER: OwnerColours = { strong: '#4b5563', fill: '#f3f4f6', soft: '#e5e7eb' };

export function ownerColours(owner: string): OwnerColours {
  return (OWNER_COLOURS as Record<string, OwnerColours>)[owner] ?? UNKNOWN_OWNER;
}

/** Each kind's mark: the symbol drawn before its label (canvas and figures), and a fill that
 *  replaces the owner's for kinds that are not owned content (a sticky note is yellow). */
export const KIND_STYLE: Record<NodeKind, { icon: string; colours?: OwnerColours }> = {
  goal: { icon: '◎' },
  indicator: { icon: '▥' },
  directive: { icon: '§' },
  vision: { icon: '✦' },
  focus: { icon: '◆' },
  strategy: { icon: '➜' },
  measure: { icon: '⚑' },
  instrument: { icon: '⚖' },
  context: { icon: '≈' },
  note: { icon: '✎', colours: { strong: '#6b5400', fill: '#fff6bf', soft: '#fff6bf' } },
};

/** The colours a card of this kind and owner is drawn in. */
export function cardColours(kind: string, owner: string): OwnerColours {
  return (KIND_STYLE as Record<string, { colours?: OwnerColours }>)[kind]?.colours ?? ownerColours(owner);
}

/** Band label colours (dark shades of the owner that usually holds the band). */
export const TIER_INK: Record<Tier, string> = { national: '#12346b', kommuneplan: '#0f4827', nav_local: '#4a1d63' };

export const INK = '#14181f';
export const MUTED_INK = '#3d4654';
export const BAND_TINT = '#f4f6f9';
export const CONFLICT_COLOUR = '#b3261e';
export const LINK_COLOUR = '#4b5563';
