// The React Flow shapes of cards and links. `data` holds plain copies of the document's fields
// plus decorations that are never written to the document (rings, marks).
import type { Edge, Node } from '@xyflow/react';
import type { BoardEdge, BoardNode, NodeKind, EdgeKind } from '../../shared';
import type { DiffMark } from '../snapshots/diffMarks';

export interface CardData extends Record<string, unknown> {
  card: BoardNode;
  /** Colour and name of another person who has this card selected. */
  ring?: { color: string; name: string };
  /** validateBoard reports a rule this card breaks. */
  invalid?: boolean;
  /** Highlighted by the search. */
  match?: boolean;
  /** In a snapshot comparison: added, removed (a ghost), changed or moved since the snapshot. */
  diff?: DiffMark;
  /** While a rød tråd is shown: on it, or dimmed. */
  thread?: ThreadMark;
}
/** A card or link while a rød tråd is shown (client/redThread/). */
export type ThreadMark = 'on' | 'dim';
export type CardNode = Node<CardData, NodeKind>;

export interface LinkData extends Record<string, unknown> {
  edge: BoardEdge;
  invalid?: boolean;
  diff?: DiffMark;
  thread?: ThreadMark;
}
export type LinkEdge = Edge<LinkData, EdgeKind>;
