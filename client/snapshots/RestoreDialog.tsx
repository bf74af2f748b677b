// Restoring needs a confirmation that says what happens: the board becomes the snapshot for
// everyone, a "before restore" snapshot is taken first, and restoring that one is the undo.
import { useSnapshotName } from './snapshotName';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ApiError, restoreSnapshot, type RestoreResult, type SnapshotSummary } from '../api';
import { Modal } from '../ui/Modal';
import type { Notify } from '../ui/Toasts';
import { formatDateTime } from '../i18n/format';

interface Props {
  boardId: string;
  token: string;
  name: string;
  snapshot: SnapshotSummary;
  notify: Notify;
  onCancel(): void;
  onDone(result: RestoreResult): void;
}

export function RestoreDialog({ boardId, token, name, snapshot, notify, onCancel, onDone }: Props) {
  const { t, lang } = useI18n();
  const names = useSnapshotName();
  const label = names.name(snapshot.label);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await restoreSnapshot(boardId, token, snapshot.id, name);
      notify(result.before ? t('restoreDone', { label, before: names.name(result.before.label) }) : t('restoreDoneNoBefore', { label }));
      onDone(result);
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setError(err?.status === 403 ? t('restoreOwnerOnly') : t('restoreFailed', { message: err?.message ?? String(e) }));
      setBusy(false);
    }
  };
  return (
    <Modal title={t('restoreTitle', { label })} onClose={busy ? null : onCancel}>
      <div data-testid="restore-dialog">
        <p>{t('restoreBody', { date: formatDateTime(snapshot.createdAt, lang) })}</p>
        <p>{t('restoreBefore', { before: names.beforeRestoreOf(snapshot.label) })}</p>
        {error && (
          <p role="alert" className="mk-error">
            {error}
          </p>
        )}
        <div className="mk-row mk-row-end">
          <button type="button" className="mk-btn" onClick={onCancel} disabled={busy} autoFocus>
            {t('cancel')}
          </button>
          <button type="button" className="mk-btn mk-btn-danger" onClick={() => void run()} disabled={busy} data-testid="restore-confirm">
            {busy ? t('working') : t('restoreYes')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
