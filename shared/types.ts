import type { AgreementRecord, BallotRecord, CommentThread, VoteRecord } from './workshop/model';
import type { IndicatorValue } from './indicators/series';
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

export type BallotJson = Omit<BallotRecord, 'voteId'>;
export interface VoteJson extends VoteRecord {
  ballots: BallotJson[];
}
/** The workshop's lasting record in interchange v1. The live session (facilitator, timer) is not part of it. */
export interface WorkshopJson {
  agreements: AgreementRecord[];
  votes: VoteJson[];
  comments: CommentThread[];
}
