// Colours by owner (the partnership axis): each pair is WCAG AA (≥ 4.5:1) for text on its fill.
import type { Owner } from '../../shared';

export interface OwnerTheme {
  /** Card border and the owner badge background (white text on it ≥ 7:1). */
  strong: string;
  /** Card fill (dark text #14181f on it ≥ 14:1). */
  fill: string;
  /** Band tint and minimap colour. */
  soft: string;
}

export const OWNER_THEME: Record<Owner, OwnerTheme> = {
  stat: { strong: '#1f4e9c', fill: '#eef4fd', soft: '#d6e4f9' },
  kommune: { strong: '#17663a', fill: '#edf7f0', soft: '#d3ecdc' },
  felles: { strong: '#6b2f8f', fill: '#f6eefa', soft: '#e7d6f1' },
};

export function ownerTheme(owner: string): OwnerTheme {
  return (OWNER_THEME as Record<string, OwnerTheme>)[owner] ?? { strong: '#4b5563', fill: '#f3f4f6', soft: '#e5e7eb' };
}
