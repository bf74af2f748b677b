// «Logg» for the board's owner (#16 §5): the server's audit log, newest first, a page at a time,
// and the whole log as CSV. Read-only; nothing here changes the board.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared';
import { ApiError, auditCsvText, auditPage } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { formatDateTime } from '../i18n/format';
import { Modal } from '../ui/Modal';
import { saveBlob } from '../export/download';

export function AuditButton({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="mk-btn" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="audit-button">
        {t('auditButton')}
      </button>
      {open && <AuditDialog boardId={boardId} token={token} onClose={() => setOpen(false)} />}
    </>
  );
}

export function AuditDialog({ boardId, token, onClose }: { boardId: string; token: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => setError(t('auditFailed', { message: err instanceof ApiError ? err.message : String(err) }));

  useEffect(() => {
    let live = true;
    auditPage(boardId, token).then(
      (page) => {
        if (!live) return;
        setEntries(page.entries);
        setNext(page.next);
      },
      (err: unknown) => live && fail(err),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  const more = async () => {
    setBusy(true);
    try {
      const page = await auditPage(boardId, token, next);
      setEntries((e) => [...(e ?? []), ...page.entries]);
      setNext(page.next);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const csv = async () => {
    try {
      saveBlob(new Blob([await auditCsvText(boardId, token)], { type: 'text/csv' }), `malkart-logg-${boardId}.csv`);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Modal title={t('auditTitle')} onClose={onClose}>
      <div className="mk-audit" data-testid="audit-dialog">
        <p className="mk-muted mk-small">{t('auditIntro')}</p>
        {error && (
          <p role="alert" className="mk-error">
            {error}
          </p>
        )}
        {!entries && !error && <p role="status">{t('auditLoading')}</p>}
        {entries && entries.length === 0 && <p>{t('auditEmpty')}</p>}
        {entries && entries.length > 0 && (
          <table className="mk-audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditAction')}</th>
                <th scope="col">{t('auditActor')}</th>
                <th scope="col">{t('auditTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}|${i}`} data-action={e.action} data-target={e.target ?? ''}>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>
                    {t(`audit.${e.action}` as StringKey)}
                    {typeof e.details?.side === 'string' ? ` (${e.details.side})` : ''}
                  </td>
                  <td>
                    {e.actor.name}
                    {!e.actor.verified && <span className="mk-muted"> ({t('auditUnverified')})</span>}
                  </td>
                  <td>{e.target ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="mk-row">
          {next !== undefined && (
            <button type="button" className="mk-btn" disabled={busy} onClick={() => void more()} data-testid="audit-more">
              {t('auditMore')}
            </button>
          )}
          <button type="button" className="mk-btn" onClick={() => void csv()} data-testid="audit-csv">
            {t('auditCsv')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
