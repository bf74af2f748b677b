import lier from './lier.json';

/** The demo board: a Lier-like municipality, 27 cards (the source of truth; see docs/domain.md). */
export const EXAMPLE_BOARD: unknown = lier;
