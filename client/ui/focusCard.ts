import type { ReactFlowInstance } from '@xyflow/react';
import type { BoardStore } from '../board/boardStore';
import { motionMs } from '../board/motion';
import { isTyping } from './keys';

/**
 * Selects a card, centres the view on it and gives it keyboard focus once the view is there: how
 * search and panels jump. The focus moves only if the person has not gone on meanwhile (into a
 * field, a reply box): a late focus would take the keys they are typing.
 */
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
  const from = document.activeElement;
  setTimeout(() => {
    if (wentOn(from, document.activeElement)) return;
    document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  }, motionMs(300) + 20);
}

/**
 * Whether focus moved from `from` to `now` by the person's own doing. Not when it is still there or
 * on the page itself, nor when `from` went away with its panel (the page's focus rescue put it
 * somewhere meanwhile) — unless it is now in a text field, where keys are being typed.
 */
function wentOn(from: Element | null, now: Element | null): boolean {
  if (!now || now === from || now === document.body) return false;
  if (isTyping(now)) return true;
  return !!from?.isConnected;
}
