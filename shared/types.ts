import type { Direction, EdgeKind, GoalLevel, NodeKind, Owner, Progress, Severity, Status, Tier } from './vocabulary';

export interface YearValue {
  value: number;
  year: number;
}
export interface Period {
  from?: number;
  to?: number;
}
export interface SourceRef {
  doc?: string;
  section?: string;
  url?: string;
}
export interface Position {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** The content of a card: everything docs/domain.md lists except its id and position. */
export interface NodeFields {
  kind: NodeKind;
  tier: Tier;
  owner: Owner;
  title: string;
  description: string;
  level?: GoalLevel;
  period?: Period;
  planRef?: string;
  source?: SourceRef;
  responsible?: string;
  status?: Status;
  progress?: Progress;
  sdg?: string[];
  // indicator fields
  unit?: string;
  direction?: Direction;
  baseline?: YearValue;
  target?: YearValue;
  latest?: YearValue;
  dataSource?: string;
}
export type NodeField = keyof NodeFields;

/** Every content field in the order the interchange file writes them. */
export const NODE_FIELDS: readonly NodeField[] = [
  'kind', 'tier', 'owner', 'title', 'description', 'level', 'period', 'planRef', 'source', 'responsible', 'status',
  'progress', 'sdg', 'unit', 'direction', 'baseline', 'target', 'latest', 'dataSource',
];
export const INDICATOR_FIELDS: readonly NodeField[] = ['unit', 'direction', 'baseline', 'target', 'latest', 'dataSource'];

/** One measured value. `period` is a year ("2024"), a half ("2024-H1"), a quarter ("2024-Q3") or a month ("2024-03"). */
export interface IndicatorValue {
  period: string;
  value: number;
  source?: string;
  comment?: string;
}

export interface BoardNode extends NodeFields {
  id: string;
  /** An indicator's measured values, oldest first (stored apart from the card: shared/indicators/seriesDoc.ts). */
  series?: IndicatorValue[];
  position: Position;
}

export interface EdgeFields {
  kind: EdgeKind;
  source: string;
  target: string;
  note?: string;
  severity?: Severity;
  resolution?: string;
}
export const EDGE_FIELDS: readonly (keyof EdgeFields)[] = ['kind', 'source', 'target', 'note', 'severity', 'resolution'];
export interface BoardEdge extends EdgeFields {
  id: string;
}

export interface BoardMeta {
  title: string;
  municipality?: string;
  language?: 'nb' | 'nn';
  period?: Period;
}
export const META_FIELDS: readonly (keyof BoardMeta)[] = ['title', 'municipality', 'language', 'period'];
