// The interchange format v1 as a zod schema. Objects are strict: an unknown field is reported
// with its path rather than silently dropped, so nothing a user typed disappears unnoticed.
import { z } from 'zod';
import type { BoardEdge, BoardMeta, BoardNode } from '../types';
import {
  LIMITS, edgeFieldSchemas, idSchema, indicatorValueSchema, metaFieldSchemas, nodeFieldSchemas, positionSchema,
} from '../fieldSchemas';
import { workshopJsonSchema } from '../workshop/schema';
import type { WorkshopJson } from '../workshop/model';

/** Interchange format v1 (`format: "malkart.board"`). */
export interface BoardJson {
  format: 'malkart.board';
  version: 1;
  meta: BoardMeta;
  nodes: BoardNode[];
  edges: BoardEdge[];
  /** Left out when the board holds no agreements, votes or comments. */
  workshop?: WorkshopJson;
}

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

export const edgeSchema = z.strictObject({
  id: idSchema,
  kind: edgeFieldSchemas.kind,
  source: edgeFieldSchemas.source,
  target: edgeFieldSchemas.target,
  note: edgeFieldSchemas.note.optional(),
  severity: edgeFieldSchemas.severity.optional(),
  resolution: edgeFieldSchemas.resolution.optional(),
});

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
