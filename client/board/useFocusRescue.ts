// Focus never falls to <body>: when the focused element disappears (a menu closed by choosing an
// item, a button replaced after a click, a card deleted — here or by someone else), focus goes to
// the selected card, or else to the canvas. Moving focus on purpose (a click on empty page, Tab)
// is left alone: only a focused element that was removed from the page is rescued.
import { useEffect } from 'react';
import type { BoardStore } from './boardStore';
import { focusCanvas, focusCardElement } from './panels/inspectorFocus';

export function useFocusRescue(store: BoardStore): void {
  useEffect(() => {
    let last: Element | null = document.activeElement;
    let frame = 0;
    const rescue = () => {
      frame = 0;
      if (!last || last.isConnected) return;
      const now = document.activeElement;
      if (now && now !== document.body) return;
      last = null;
      const sel = store.selectedNodeIds();
      if (sel.length === 1 && store.card(sel[0]!)) focusCardElement(sel[0]!);
      else focusCanvas();
    };
    // After React has finished (a dialog's cleanup may return focus to its opener first).
    const later = () => {
      if (!frame) frame = requestAnimationFrame(rescue);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Element) last = e.target;
    };
    // Browsers do not all send focusout when the focused element is removed; watch removals too.
    const observer = new MutationObserver(() => {
      if (last && !last.isConnected) later();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', later);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', later);
    };
  }, [store]);
}
