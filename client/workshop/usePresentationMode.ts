// Presentation mode for the projector: large type, no editing chrome. Shift+P toggles it (when not
// typing), Escape leaves. The page shows it through a data attribute the stylesheet reads.
import { useEffect, useRef } from 'react';
import { letterKeysOn } from '../ui/preferences';
import { isTyping } from '../ui/keys';

export function usePresentationMode(on: boolean, set: (on: boolean) => void): void {
  const ref = useRef(on);
  ref.current = on;
  useEffect(() => {
    const root = document.documentElement;
    if (on) root.dataset.presenting = 'true';
    else delete root.dataset.presenting;
    return () => {
      delete root.dataset.presenting;
    };
  }, [on]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('.mk-modal')) return;
      if (e.key === 'Escape' && ref.current) {
        set(false);
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'P' && e.shiftKey && letterKeysOn()) {
        e.preventDefault();
        set(!ref.current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [set]);
}
