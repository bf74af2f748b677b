import lier from './lier.json';

/** The demo board: a Lier-like municipality, 27 cards (copy of the project's DOMAIN-example.json). */
export const EXAMPLE_BOARD: unknown = lier;
