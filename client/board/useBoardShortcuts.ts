// Keyboard shortcuts of the board (listed in the help dialog). Single-key shortcuts act only when
// focus is on the canvas or a card (or nowhere in particular); typing in a field, a menu, a dialog
// or a side panel is left alone, so a keystroke always goes where the person is typing. The
// one-character ones can be turned off (client/ui/preferences.ts).
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import type { Clip } from './boardActions';
import type { Notify } from '../ui/Toasts';
import { motionMs } from './motion';
import { useRedThread } from '../redThread/RedThreadContext';
import { letterKeysOn } from '../ui/preferences';
import { isCharacterKey, isTyping } from '../ui/keys';

interface Handlers {
  undo: Y.UndoManager | null;
  requestDelete(): void;
  startLink(): void;
  cancel(): void;
  createHere(): void;
  onHelp(): void;
  notify: Notify;
}

let clipboard: Clip | null = null;

/** Menus, dialogs and popovers own their keys, wherever they are drawn. */
const OWNS_KEYS = '[role="menu"], [role="menubar"], [role="listbox"], [role="dialog"], [role="alertdialog"], .mk-modal, .mk-popover';

/** Whether a single-key shortcut (N, L, F, Delete, arrows …) may act with focus on `el`. */
export function onBoardSurface(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement) || el === document.body || el === document.documentElement) return true;
  if (isTyping(el) || el.closest(OWNS_KEYS)) return false;
  return !!el.closest('[data-testid="canvas"]');
}

export function useBoardShortcuts(h: Handlers): void {
  const { store, actions, readOnly } = useBoardContext();
  const { t } = useI18n();
  const rf = useReactFlow();
  const redThread = useRedThread();
  const ref = useRef(h);
  ref.current = h;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { undo, requestDelete, startLink, cancel, createHere, onHelp, notify } = ref.current;
      if (document.querySelector('.mk-modal')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'f') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('#mk-search')?.focus();
        return;
      }
      if (isTyping(e.target)) return;
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        actions.endGesture();
        undo?.undo();
        return;
      }
      if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        actions.endGesture();
        undo?.redo();
        return;
      }
      if (mod && key === 'c') {
        const ids = store.selectedNodeIds();
        if (ids.length) clipboard = actions.copy(ids);
        return;
      }
      if (mod && key === 'v' && clipboard && !readOnly) {
        e.preventDefault();
        const ids = actions.paste(clipboard);
        store.flush();
        store.select(ids);
        notify(t('pasted', { n: ids.length }));
        return;
      }
      if (mod && key === 'd' && !readOnly) {
        e.preventDefault();
        const sel = store.selectedNodeIds();
        if (!sel.length) return;
        const ids = actions.paste(actions.copy(sel));
        store.flush();
        store.select(ids);
        return;
      }
      if (mod && key === 'a') {
        e.preventDefault();
        store.select(store.getNodes().filter((n) => !n.hidden).map((n) => n.id));
        return;
      }
      if (mod || e.altKey) return;
      if (!onBoardSurface(e.target)) return;
      // One-character shortcuts can be turned off (help dialog; WCAG 2.1.4).
      if (isCharacterKey(e) && !letterKeysOn()) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        requestDelete();
      } else if (e.key === 'Escape') {
        cancel();
      } else if (key === 'n' && !readOnly) {
        e.preventDefault();
        createHere();
      } else if (key === 'l' && !readOnly) {
        e.preventDefault();
        startLink();
      } else if (e.key === '?' || e.key === 'F1') {
        e.preventDefault();
        onHelp();
      } else if (key === 'f') {
        void rf.fitView({ padding: 0.08, duration: motionMs(200) });
      } else if (key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('#mk-search')?.focus();
      } else if (key === 'r' && redThread) {
        // The rød tråd of the one selected card, or off again.
        const sel = store.selectedNodeIds();
        if (sel.length === 1) {
          e.preventDefault();
          redThread.toggle(sel[0]!);
        } else if (redThread.thread) redThread.hide();
      } else if (key === 'g') {
        // focus the canvas: the first selected card, or the first card
        const id = store.selectedNodeIds()[0] ?? store.getNodes().find((n) => !n.hidden)?.id;
        if (id) document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, actions, readOnly, rf, t, redThread]);
}
