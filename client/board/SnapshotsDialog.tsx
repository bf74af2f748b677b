// Snapshots: take one with a name; list them (label, time, author, counts); open one read-only on
// the canvas, compare it with now, or (owners) restore it after a confirmation.
import { useSnapshotName } from '../snapshots/snapshotName';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, listSnapshots, takeSnapshot, type Role, type SnapshotSummary } from '../api';
import { Modal } from '../ui/Modal';
import type { Notify } from '../ui/Toasts';
import { RestoreDialog } from '../snapshots/RestoreDialog';
import { rememberSnapshotOpener, showSnapshot } from '../snapshots/showSnapshot';

/** The top bar's «Øyeblikksbilder» button: focus returns there when a snapshot opened from here closes. */
export const SNAPSHOTS_BUTTON = '[data-testid="snapshots-button"]';
import { readSnapshotRoute } from '../snapshots/snapshotRoute';
import { formatDateTime } from '../i18n/format';
import { isLinkKind } from '../../shared';
import { ROLE_TEXT } from '../landing/LinkRow';

interface Props {
  boardId: string;
  token: string;
  name: string;
  role: Role;
  onClose(): void;
  notify: Notify;
}

export function SnapshotsDialog({ boardId, token, name, role, onClose, notify }: Props) {
  const { t, lang } = useI18n();
  const names = useSnapshotName();
  const [list, setList] = useState<SnapshotSummary[] | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<SnapshotSummary | null>(null);
  const canTake = role !== 'viewer';

  const reload = () =>
    listSnapshots(boardId, token)
      .then((l) => setList([...l].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())))
      .catch((e: unknown) => setError(t('errorGeneric', { message: e instanceof ApiError ? e.message : String(e) })));
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      await takeSnapshot(boardId, token, label.trim(), name);
      notify(t('snapshotTaken'));
      setLabel('');
      await reload();
    } catch (e) {
      setError(t('errorGeneric', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const open = (s: SnapshotSummary, mode: 'view' | 'compare') => {
    rememberSnapshotOpener(SNAPSHOTS_BUTTON);
    onClose();
    showSnapshot({ sid: s.id, mode });
  };

  return (
    <Modal title={t('snapshotsTitle')} onClose={onClose} wide>
      <p className="mk-muted">{t('snapshotHelp')}</p>
      {canTake && (
        <form
          className="mk-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim()) void take();
          }}
        >
          <input
            aria-label={t('snapshotLabel')}
            placeholder={t('snapshotLabelPlaceholder')}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            style={{ flex: 1, width: 'auto' }}
            data-testid="snapshot-label"
          />
          <button type="submit" className="mk-btn mk-btn-primary" disabled={busy || !label.trim()}>
            {t('snapshotTake')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="mk-error">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p className="mk-muted">{t('snapshotNone')}</p>}
      {list && list.length > 0 && (
        <ul className="mk-list mk-snapshots" data-testid="snapshots">
          {list.map((s) => (
            <li key={s.id} className="mk-snapshot-row" data-snapshot-id={s.id}>
              <div className="mk-snapshot-info">
                <strong>{names.name(s.label)}</strong>
                <span className="mk-muted">
                  {formatDateTime(s.createdAt, lang)} ·{' '}
                  {/* Since #16 the server names the link that took it; older snapshots hold a typed name. */}
                  {isLinkKind(s.createdBy) ? t('snapByLink', { link: t(ROLE_TEXT[s.createdBy].label) }) : t('snapBy', { name: s.createdBy })}
                  {s.auto ? ` · ${t('snapshotAuto')}` : ''}
                  {s.counts ? ` · ${t('snapshotCounts', s.counts)}` : ''}
                </span>
              </div>
              <div className="mk-snapshot-actions">
                <button type="button" className="mk-btn mk-btn-small" onClick={() => open(s, 'view')} aria-label={t('snapOpenLabel', { label: names.name(s.label) })} data-action="open">
                  {t('snapOpen')}
                </button>
                <button type="button" className="mk-btn mk-btn-small" onClick={() => open(s, 'compare')} aria-label={t('snapCompareLabel', { label: names.name(s.label) })} data-action="compare">
                  {t('snapCompare')}
                </button>
                {role === 'owner' && (
                  <button
                    type="button"
                    className="mk-btn mk-btn-small"
                    disabled={busy}
                    onClick={() => setRestoring(s)}
                    aria-label={t('snapRestoreLabel', { label: names.name(s.label) })}
                    data-action="restore"
                  >
                    {t('snapshotRestore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {restoring && (
        <RestoreDialog
          boardId={boardId}
          token={token}
          name={name}
          snapshot={restoring}
          notify={notify}
          onCancel={() => setRestoring(null)}
          onDone={() => {
            setRestoring(null);
            void reload();
            // Someone restoring while looking at a snapshot wants to see the result.
            if (readSnapshotRoute(location.search)) showSnapshot(null);
          }}
        />
      )}
    </Modal>
  );
}
