// Snapshots: take one with a name, list them, and (owners) restore one as an ordinary change.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, listSnapshots, restoreSnapshot, takeSnapshot, type SnapshotInfo } from '../api';
import { useBoardContext } from './BoardContext';
import { Modal } from './Modal';
import type { Notify } from './Toasts';

export function SnapshotsDialog({ boardId, token, name, onClose, notify }: { boardId: string; token: string; name: string; onClose(): void; notify: Notify }) {
  const { t, lang } = useI18n();
  const { role, readOnly } = useBoardContext();
  const [list, setList] = useState<SnapshotInfo[] | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short' });

  const reload = () =>
    listSnapshots(boardId, token)
      .then((l) => setList([...l].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())))
      .catch((e: unknown) => setError(t('errorGeneric', { message: e instanceof ApiError ? e.message : String(e) })));
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      notify(done);
      await reload();
    } catch (e) {
      setError(t('errorGeneric', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('snapshotsTitle')} onClose={onClose} wide>
      <p className="mk-muted">{t('snapshotHelp')}</p>
      {!readOnly && (
        <form
          className="mk-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim()) void run(() => takeSnapshot(boardId, token, label.trim(), name), t('snapshotTaken')).then(() => setLabel(''));
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
            <li key={s.id} className="mk-row">
              <strong>{s.label}</strong>
              <span className="mk-muted">
                {fmt.format(new Date(s.createdAt))} · {s.createdBy}
                {s.auto ? ` · ${t('snapshotAuto')}` : ''}
                {s.counts ? ` · ${t('snapshotCounts', s.counts)}` : ''}
              </span>
              {role === 'owner' && (
                <button
                  type="button"
                  className="mk-btn mk-btn-small"
                  style={{ marginLeft: 'auto' }}
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('snapshotRestoreConfirm', { label: s.label }))) {
                      void run(() => restoreSnapshot(boardId, token, s.id, name), t('snapshotRestored', { label: s.label }));
                    }
                  }}
                >
                  {t('snapshotRestore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
