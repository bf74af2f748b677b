// Who is in the workshop room: the side a participant speaks for. Only the two parties of the
// partnership (stat and kommune) can mark a card as agreed; the others take part in everything else.
import type { Localized } from '../vocabulary';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const SIDES = ['stat', 'kommune', 'brukerrep', 'tillitsvalgt', 'gjest'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Record<Side, Localized> = {
  stat: l('Stat', 'Stat', 'State'),
  kommune: l('Kommune', 'Kommune', 'Municipality'),
  brukerrep: l('Brukerrepresentant', 'Brukarrepresentant', 'User representative'),
  tillitsvalgt: l('Tillitsvalgt', 'Tillitsvald', 'Employee representative'),
  gjest: l('Gjest', 'Gjest', 'Guest'),
};

/** The two parties whose agreement makes a card "avtalt". */
export const AGREEING_SIDES = ['stat', 'kommune'] as const;
export type AgreeingSide = (typeof AGREEING_SIDES)[number];

export function isAgreeingSide(side: unknown): side is AgreeingSide {
  return side === 'stat' || side === 'kommune';
}
export function isSide(side: unknown): side is Side {
  return typeof side === 'string' && (SIDES as readonly string[]).includes(side);
}

/** The card kinds the partnership agrees on. */
export const AGREEABLE_KINDS = ['goal', 'indicator', 'measure'] as const;
