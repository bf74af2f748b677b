import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../shared';
import {
  ContextNode, DirectiveNode, FocusNode, GoalNode, IndicatorNode, InstrumentNode, MeasureNode, NoteNode, StrategyNode, VisionNode,
} from './cardNodes';

/** Defined once at module level, so React Flow never re-creates the node components. */
export const nodeTypes: Record<NodeKind, NodeTypes[string]> = {
  directive: DirectiveNode,
  vision: VisionNode,
  focus: FocusNode,
  goal: GoalNode,
  strategy: StrategyNode,
  indicator: IndicatorNode,
  measure: MeasureNode,
  instrument: InstrumentNode,
  context: ContextNode,
  note: NoteNode,
};

export const KIND_ICONS: Record<NodeKind, string> = {
  directive: '§', vision: '✦', focus: '◆', goal: '◎', strategy: '➜', indicator: '▥', measure: '⚑', instrument: '⚖', context: '≈', note: '✎',
};
