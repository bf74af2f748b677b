// Short messages: why a link was refused, what was pasted. Errors are announced to screen readers.
import { useCallback, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}
export type Notify = (text: string, kind?: 'info' | 'error') => void;

export function useToasts() {
  const [list, setList] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setList((l) => l.filter((t) => t.id !== id)), []);
  const push = useCallback<Notify>(
    (text, kind = 'info') => {
      const id = next.current++;
      setList((l) => [...l.slice(-3), { id, text, kind }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 3500);
    },
    [dismiss],
  );
  return { list, push, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  const t = useT();
  return (
    <div className="mk-toasts" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`mk-toast mk-toast-${x.kind}`} role={x.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${x.kind}`}>
          {x.kind === 'error' && <strong>{t('refused')}: </strong>}
          <span>{x.text}</span>
          <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={() => dismiss(x.id)} aria-label={t('close')}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
