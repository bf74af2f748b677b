// Colours by owner (the partnership axis): the one scheme in shared/theme.ts, which the exports use too.
import { ownerColours, OWNER_COLOURS, type OwnerColours } from '../../shared';

export type OwnerTheme = OwnerColours;
export const OWNER_THEME = OWNER_COLOURS;

export function ownerTheme(owner: string): OwnerTheme {
  return ownerColours(owner);
}
