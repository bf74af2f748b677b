// The schema of every stored value, one per field, so an operation can check the single value it
// writes, the readers can drop what no one can use, and the server's update guard can check an edit.
// The interchange file's schema (shared/interchange/schema.ts) is built from these.
import { z } from 'zod';
import {
  DIRECTIONS, EDGE_KINDS, GOAL_LEVELS, NODE_KINDS, OWNERS, PERIOD_PATTERN, PROGRESS_VALUES, SDG_PATTERN, SEVERITIES, STATUSES, TIERS,
} from './vocabulary';

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

const year = z.number().int().min(1900).max(2200);
const text = z.string().max(LIMITS.maxTextLength);
const shortText = z.string().max(LIMITS.maxTitleLength);
const coordinate = z.number().finite().min(-LIMITS.maxCoordinate).max(LIMITS.maxCoordinate);
const cardSize = z.number().finite().min(LIMITS.minCardSize).max(LIMITS.maxCardSize);
export const yearValueSchema = z.strictObject({ value: z.number().finite(), year });
export const periodSchema = z
  .strictObject({ from: year.optional(), to: year.optional() })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, 'period.from must not be after period.to');
export const positionSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: cardSize.optional(),
  height: cardSize.optional(),
});
export const sourceSchema = z.strictObject({ doc: shortText.optional(), section: shortText.optional(), url: shortText.optional() });

/** One measured value of an indicator's series (issue #14 §4). */
export const indicatorValueSchema = z.strictObject({
  period: z.string().regex(PERIOD_PATTERN, 'a period is a year such as "2024", or "2024-H1", "2024-Q3", "2024-03"'),
  value: z.number().finite(),
  source: shortText.optional(),
  comment: shortText.optional(),
});
/** The stored record of a value (the period is in its key). */
export const storedIndicatorValueSchema = indicatorValueSchema.omit({ period: true });
/** One schema per content field, so operations can check a single edited value. */
export const nodeFieldSchemas = {
  kind: z.enum(NODE_KINDS),
  tier: z.enum(TIERS),
  owner: z.enum(OWNERS),
  title: shortText,
  description: text,
  level: z.enum(GOAL_LEVELS),
  period: periodSchema,
  planRef: shortText,
  source: sourceSchema,
  responsible: shortText,
  status: z.enum(STATUSES),
  progress: z.enum(PROGRESS_VALUES),
  sdg: z.array(z.string().regex(SDG_PATTERN, 'not an SDG goal or target such as "8" or "8.5"')).max(169),
  unit: shortText,
  direction: z.enum(DIRECTIONS),
  baseline: yearValueSchema,
  target: yearValueSchema,
  latest: yearValueSchema,
  dataSource: shortText,
} as const;

export const edgeFieldSchemas = {
  kind: z.enum(EDGE_KINDS),
  source: idSchema,
  target: idSchema,
  note: text,
  severity: z.enum(SEVERITIES),
  resolution: text,
} as const;

export const metaFieldSchemas = {
  title: shortText,
  municipality: shortText,
  language: z.enum(['nb', 'nn']),
  period: periodSchema,
} as const;
