// How each kind of link looks: colour (AA contrast against the light board), dash and width.
import type { EdgeKind } from '../../../shared';

export interface EdgeLook {
  color: string;
  dash?: string;
  width: number;
}

export const EDGE_LOOKS: Record<EdgeKind, EdgeLook> = {
  partOf: { color: '#2b3a4a', width: 2.2 },
  contributesTo: { color: '#1f6f5c', width: 1.6 },
  operationalises: { color: '#6b2f8f', width: 2 },
  measuredBy: { color: '#8a5300', dash: '2 4', width: 1.6 },
  anchoredIn: { color: '#1f4e9c', dash: '8 4', width: 1.6 },
  governedThrough: { color: '#5b5f66', dash: '6 3 2 3', width: 1.4 },
  influencedBy: { color: '#7a6a00', dash: '1 4', width: 1.4 },
  conflictsWith: { color: '#c0152f', dash: '7 5', width: 2.6 },
};

export function edgeColor(kind: string): string {
  return (EDGE_LOOKS as Record<string, EdgeLook>)[kind]?.color ?? '#5b5f66';
}
