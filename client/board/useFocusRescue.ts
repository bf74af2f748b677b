// Focus never falls to <body>: when the focused element disappears (a menu closed by choosing an
// item, a button replaced after a click, a card deleted — here or by someone else), focus goes to
// the open dialog, or the side panel or outline view it was in, or else the selected card, or else the canvas. Moving focus on purpose (a click on empty page, Tab)
// is left alone: only a focused element that was removed from the page is rescued.
import { useEffect } from 'react';
import type { BoardStore } from './boardStore';
import { focusCanvas, focusCardElement } from './panels/inspectorFocus';

export function useFocusRescue(store: BoardStore): void {
  useEffect(() => {
    let last: Element | null = document.activeElement;
    /** The dialog or side panel the focused element sat in. */
    let container: HTMLElement | null = null;
    let frame = 0;
    const rescue = () => {
      frame = 0;
      if (!last || (last.isConnected && !last.matches(':disabled'))) return;
      const now = document.activeElement;
      if (now && now !== document.body) return;
      last = null;
      const modals = document.querySelectorAll<HTMLElement>('.mk-modal');
      const modal = modals[modals.length - 1];
      if (modal) return modal.focus();
      if (container?.isConnected && container.tabIndex >= -1 && container.matches('.mk-ws-drawer')) return container.focus();
      // A button of the outline view that went away or was disabled («Enig» once agreed): the
      // person is working in the tree, so focus goes back to it, not to the canvas.
      const tree = container?.isConnected && container.matches('.mk-outline') ? container.querySelector<HTMLElement>('[role=tree]') : null;
      if (tree) return tree.focus();
      const sel = store.selectedNodeIds();
      if (sel.length === 1 && store.card(sel[0]!)) focusCardElement(sel[0]!);
      else focusCanvas();
    };
    // After React has finished (a dialog's cleanup may return focus to its opener first).
    const later = () => {
      if (!frame) frame = requestAnimationFrame(rescue);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (!(e.target instanceof Element)) return;
      last = e.target;
      container = e.target.closest<HTMLElement>('.mk-modal, .mk-ws-drawer, .mk-outline');
    };
    // Browsers do not all send focusout when the focused element is removed or disabled; watch for both.
    const observer = new MutationObserver(() => {
      if (last && (!last.isConnected || last.matches(':disabled'))) later();
    });
    // A focused button that gets disabled (a download running) loses focus too.
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
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
