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
} as const;

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.maxIdLength)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'id may hold only letters A–Z, digits and _ . : -');

