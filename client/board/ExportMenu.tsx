// The top bar's Export button: opens the export dialog, with the snapshot on the canvas (if any)
// as the default source.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useLocation } from '../navigation';
import { readSnapshotRoute } from '../snapshots/snapshotRoute';
import { ExportDialog } from '../export/ExportDialog';
import { useBoardContext } from './BoardContext';

export function ExportMenu({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n();
  const { store } = useBoardContext();
  const { search } = useLocation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="mk-btn" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('exportTitle')}
      </button>
      {open && (
        <ExportDialog
          boardId={boardId}
          token={token}
          snapshotId={readSnapshotRoute(search)?.sid ?? null}
          boardLanguage={String(store.maps.meta.get('language') ?? '')}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
