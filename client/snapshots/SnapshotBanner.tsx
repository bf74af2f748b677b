// The bar above a snapshot on the canvas: which snapshot, from when, that it is read-only, and
// the ways on: compare with now / show the snapshot only, restore (owners), back to the live board.
import { useSnapshotName } from './snapshotName';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { Role } from '../api';
import type { Notify } from '../ui/Toasts';
import type { SnapshotView } from './useSnapshotView';
import { RestoreDialog } from './RestoreDialog';
import { showSnapshot } from './showSnapshot';
import { formatDateTime, formatTime } from '../i18n/format';
import './snapshots.css';

interface Props {
  view: Exclude<SnapshotView, { status: 'off' }>;
  boardId: string;
  token: string;
  name: string;
  role: Role;
  notify: Notify;
}

export function SnapshotBanner({ view, boardId, token, name, role, notify }: Props) {
  const { t, lang } = useI18n();
  const names = useSnapshotName();
  const [restoring, setRestoring] = useState(false);
  const message = useRef<HTMLParagraphElement>(null);
  const ready = view.status === 'ready';
  // Announce the snapshot and put keyboard focus on the bar when it opens.
  useEffect(() => {
    if (ready) message.current?.focus();
  }, [ready, view.route.sid, view.route.mode]);

  // Escape closes the comparison (back to the live board) unless a dialog is open or the canvas
  // has a selection to clear first; focus then returns to the opener (BoardView).
  const comparing = ready && view.route.mode === 'compare';
  useEffect(() => {
    if (!comparing || restoring) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('.mk-modal')) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('.react-flow') && document.querySelector('.react-flow__node.selected')) return;
      e.preventDefault();
      showSnapshot(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [comparing, restoring]);

  let text: string;
  if (view.status === 'loading') text = t('snapLoading');
  else if (view.status === 'error') text = view.message;
  else {
    const date = formatDateTime(view.info.createdAt, lang);
    text = view.diff
      ? t('snapBannerCompare', { label: names.name(view.info.label), date, time: formatTime(view.asOf, lang) })
      : t('snapBannerView', { label: names.name(view.info.label), date });
  }

  return (
    <section
      className={`mk-snap-banner${view.status === 'error' ? ' is-error' : ''}`}
      aria-label={t('snapRegion')}
      data-testid="snapshot-banner"
      data-snapshot={view.route.sid}
      data-mode={view.route.mode}
      data-status={view.status}
    >
      <p ref={message} tabIndex={-1} className="mk-snap-text" role={view.status === 'error' ? 'alert' : 'status'}>
        {text}
      </p>
      {ready && view.diff && view.stale && (
        <span className="mk-snap-stale">
          {t('snapStale')}{' '}
          <button type="button" className="mk-btn mk-btn-small" onClick={view.refresh}>
            {t('snapRefresh')}
          </button>
        </span>
      )}
      <div className="mk-snap-actions">
        {ready && view.route.mode === 'view' && (
          <button type="button" className="mk-btn" onClick={() => showSnapshot({ sid: view.route.sid, mode: 'compare' })}>
            {t('snapCompare')}
          </button>
        )}
        {ready && view.route.mode === 'compare' && (
          <button type="button" className="mk-btn" onClick={() => showSnapshot({ sid: view.route.sid, mode: 'view' })}>
            {t('snapShowOnly')}
          </button>
        )}
        {ready && role === 'owner' && (
          <button type="button" className="mk-btn" onClick={() => setRestoring(true)} data-testid="banner-restore">
            {t('snapRestoreThis')}
          </button>
        )}
        <button type="button" className="mk-btn mk-btn-primary" onClick={() => showSnapshot(null)} data-testid="back-live">
          {t('snapBackLive')}
        </button>
      </div>
      {restoring && ready && (
        <RestoreDialog
          boardId={boardId}
          token={token}
          name={name}
          snapshot={view.info}
          notify={notify}
          onCancel={() => setRestoring(false)}
          onDone={() => {
            setRestoring(false);
            showSnapshot(null);
          }}
        />
      )}
    </section>
  );
}
