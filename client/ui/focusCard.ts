import type { ReactFlowInstance } from '@xyflow/react';
import type { BoardStore } from '../board/boardStore';
import { motionMs } from '../board/motion';

/** Selects a card, centres the view on it and gives it keyboard focus: how search and panels jump. */
export function focusCard(rf: ReactFlowInstance<any, any>, store: BoardStore, id: string): void {
  const node = rf.getInternalNode(id);
  if (!node) return;
  store.select([id]);
  const w = node.measured.width ?? 240;
  const h = node.measured.height ?? 110;
  void rf.setCenter(node.internals.positionAbsolute.x + w / 2, node.internals.positionAbsolute.y + h / 2, {
    zoom: Math.max(rf.getZoom(), 0.9),
    duration: motionMs(300),
  });
  setTimeout(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true }), motionMs(300) + 20);
}
