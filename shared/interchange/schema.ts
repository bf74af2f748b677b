// The interchange format v1 as a zod schema. Objects are strict: an unknown field is reported
// with its path rather than silently dropped, so nothing a user typed disappears unnoticed.
import { z } from 'zod';
import {
  DIRECTIONS, EDGE_KINDS, GOAL_LEVELS, NODE_KINDS, OWNERS, PROGRESS_VALUES, SDG_PATTERN, SEVERITIES, STATUSES, TIERS,
} from '../vocabulary';
import { LIMITS, idSchema } from './primitives';
import { workshopJsonSchema } from '../workshop/schema';
import { PERIOD_PATTERN } from '../indicators/series';

export { LIMITS, idSchema };

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
export const seriesSchema = z
  .array(indicatorValueSchema)
  .max(LIMITS.maxSeriesLength)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((v, i) => {
      const first = seen.get(v.period);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'period'], message: `period "${v.period}" is already in the series (at [${first}])` });
      else seen.set(v.period, i);
    });
  });

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

const f = nodeFieldSchemas;
export const nodeSchema = z.strictObject({
  id: idSchema,
  kind: f.kind,
  tier: f.tier,
  owner: f.owner,
  title: f.title,
  description: f.description.default(''),
  level: f.level.optional(),
  period: f.period.optional(),
  planRef: f.planRef.optional(),
  source: f.source.optional(),
  responsible: f.responsible.optional(),
  status: f.status.optional(),
  progress: f.progress.optional(),
  sdg: f.sdg.optional(),
  unit: f.unit.optional(),
  direction: f.direction.optional(),
  baseline: f.baseline.optional(),
  target: f.target.optional(),
  latest: f.latest.optional(),
  dataSource: f.dataSource.optional(),
  /** Measured values, oldest first; left out when there are none (files before the series still import). */
  series: seriesSchema.optional(),
  position: positionSchema.default({ x: 0, y: 0 }),
});

export const edgeFieldSchemas = {
  kind: z.enum(EDGE_KINDS),
  source: idSchema,
  target: idSchema,
  note: text,
  severity: z.enum(SEVERITIES),
  resolution: text,
} as const;

export const edgeSchema = z.strictObject({
  id: idSchema,
  kind: edgeFieldSchemas.kind,
  source: edgeFieldSchemas.source,
  target: edgeFieldSchemas.target,
  note: edgeFieldSchemas.note.optional(),
  severity: edgeFieldSchemas.severity.optional(),
  resolution: edgeFieldSchemas.resolution.optional(),
});

export const metaFieldSchemas = {
  title: shortText,
  municipality: shortText,
  language: z.enum(['nb', 'nn']),
  period: periodSchema,
} as const;

export const metaSchema = z.strictObject({
  title: metaFieldSchemas.title,
  municipality: metaFieldSchemas.municipality.optional(),
  language: metaFieldSchemas.language.optional(),
  period: metaFieldSchemas.period.optional(),
});

export const boardJsonSchema = z.strictObject({
  format: z.literal('malkart.board'),
  version: z.literal(1),
  meta: metaSchema,
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges),
  /** Agreements, votes and comment threads (issue #7); left out when there are none. */
  workshop: workshopJsonSchema.optional(),
});
