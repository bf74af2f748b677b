// The smallest pieces of the interchange format, apart so that the workshop records (shared/workshop)
// and the board schema can both use them without importing each other.
import { z } from 'zod';

export const LIMITS = {
  /** Largest interchange file accepted, in bytes of UTF-8 JSON. */
  maxFileBytes: 10 * 1024 * 1024,
  maxNodes: 20_000,
  maxEdges: 60_000,
  maxIdLength: 64,
  maxTitleLength: 500,
  maxTextLength: 20_000,
  /** Measured values in one indicator's series. */
  maxSeriesLength: 1_000,
  /** Cards narrower or lower than this cannot hold a line of text (and once made the SVG wrap loop forever). */
  minCardSize: 40,
  maxCardSize: 2_000,
  /** Positions stay within ±this many pixels, so a map (and its PNG) has a bounded size. */
  maxCoordinate: 100_000,
} as const;

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.maxIdLength)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'id may hold only letters A–Z, digits and _ . : -');

