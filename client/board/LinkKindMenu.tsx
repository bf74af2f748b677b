// When several kinds of link fit two cards, the user picks one.
import { useEffect, useRef } from 'react';
import { EDGE_KIND_LABELS } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { EDGE_LOOKS } from './edges/edgeStyle';
import type { PendingLink } from './pendingLink';

export function LinkKindMenu({ pending, onChoose, onCancel }: { pending: PendingLink; onChoose(kind: PendingLink['kinds'][number]): void; onCancel(): void }) {
  const { t, pick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus after the key event that opened the menu has finished, so its Enter does not pick an item.
    const timer = setTimeout(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), 60);
    return () => clearTimeout(timer);
  }, []);
  const left = Math.min(pending.at.x, window.innerWidth - 240);
  const top = Math.min(pending.at.y, window.innerHeight - 40 - pending.kinds.length * 36);
  return (
    <div
      ref={ref}
      className="mk-popover mk-link-menu"
      role="menu"
      aria-label={t('chooseLinkKind')}
      style={{ left, top, position: 'fixed' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button[role=menuitem]') ?? [])];
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <div className="mk-popover-title">{t('chooseLinkKind')}</div>
      {pending.kinds.map((k) => (
        <button key={k} type="button" role="menuitem" className="mk-menu-item" data-kind={k} onClick={() => onChoose(k)}>
          <span className="mk-swatch-line" style={{ borderTopColor: EDGE_LOOKS[k].color, borderTopStyle: EDGE_LOOKS[k].dash ? 'dashed' : 'solid' }} />
          {pick(EDGE_KIND_LABELS[k])}
        </button>
      ))}
      <button type="button" className="mk-menu-item mk-menu-cancel" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
