// A small accessible dialog: focus moves in, Escape closes (when closable), the page behind is inert.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

export function Modal({ title, onClose, children, wide }: { title: string; onClose: (() => void) | null; children: ReactNode; wide?: boolean }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Where focus was before the dialog, read while rendering: by the time effects run, an
  // autoFocus field inside the dialog has taken focus already, and focus would return to nothing.
  const opener = useRef<HTMLElement | null>(null);
  if (opener.current === null) opener.current = document.activeElement as HTMLElement | null;
  useEffect(() => {
    const prev = opener.current;
    const el = ref.current;
    if (el && !el.contains(document.activeElement)) {
      const first = el.querySelector<HTMLElement>('[autofocus], input, select, textarea, button');
      (first ?? el).focus();
    }
    return () => prev?.focus?.();
  }, []);
  // Escape closes even when focus has left the dialog (e.g. its button was disabled after a click).
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !closeRef.current) return;
      const all = document.querySelectorAll('.mk-modal');
      if (all[all.length - 1] !== ref.current) return;
      e.stopPropagation();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="mk-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose?.()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        tabIndex={-1}
        className={`mk-modal${wide ? ' mk-modal-wide' : ''}`}
      >
        <div className="mk-modal-head">
          <h2 id={id}>{title}</h2>
          {onClose && (
            <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={onClose} aria-label={t('close')}>
              ✕
            </button>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}
