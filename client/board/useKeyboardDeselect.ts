// Ctrl+Enter (or Ctrl+Space) on a focused card adds it to the selection or takes it out: React
// Flow does both, but it blurs a card it takes out, and focus fell to the page. Taken out here
// instead, before React Flow sees the key, focus stays on the card.
import { useEffect, type RefObject } from 'react';
import type { BoardStore } from './boardStore';

export function useKeyboardDeselect(canvas: RefObject<HTMLElement | null>, store: BoardStore): void {
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.key !== 'Enter' && e.key !== ' ')) return;
      const card = e.target instanceof HTMLElement && e.target.matches('.react-flow__node') ? e.target : null;
      const id = card?.dataset.id;
      const selected = store.selectedNodeIds();
      if (!id || !selected.includes(id)) return;
      e.preventDefault();
      e.stopPropagation(); // React Flow's own handler (the blur) never runs
      store.select(selected.filter((s) => s !== id));
    };
    // Capture, on the way down: React Flow's handler runs at the root on the way back up.
    el.addEventListener('keydown', onKey, true);
    return () => el.removeEventListener('keydown', onKey, true);
  }, [canvas, store]);
}
