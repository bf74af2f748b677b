// The facilitator marks the start of a meeting (#20 §2): a snapshot named for it (its label is
// data, shared/snapshotLabel.ts), taken automatically when someone takes the facilitator role here
// and by hand with «Marker møtestart». The referat (export dialog) runs from it.
import { useCallback, useEffect, useState } from 'react';
import { meetingStartLabel } from '../../shared';
import { takeSnapshot, ApiError } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../i18n/format';
import { useWorkshop } from './WorkshopContext';
import { FACILITATOR_TAKEN_EVENT } from './workshopActions';

export function MeetingStart({ boardId, token }: { boardId: string; token: string }) {
  const { t, lang } = useI18n();
  const { isFacilitator, canEdit, me, notify } = useWorkshop();
  const [busy, setBusy] = useState(false);
  const [marked, setMarked] = useState<string | null>(null);
  const mark = useCallback(async () => {
    setBusy(true);
    try {
      const s = await takeSnapshot(boardId, token, meetingStartLabel(''), me.name);
      setMarked(String(s.createdAt));
      notify(t('wsMeetingMarked', { time: formatDateTime(s.createdAt, lang) }));
    } catch (e) {
      notify(t('wsMeetingMarkFailed', { message: e instanceof ApiError ? e.message : String(e) }), 'error');
    } finally {
      setBusy(false);
    }
  }, [boardId, token, me.name, notify, t, lang]);
  // Taking the role starts the meeting: one snapshot, without asking.
  useEffect(() => {
    if (!canEdit) return;
    const on = () => void mark();
    window.addEventListener(FACILITATOR_TAKEN_EVENT, on);
    return () => window.removeEventListener(FACILITATOR_TAKEN_EVENT, on);
  }, [mark, canEdit]);
  if (!isFacilitator || !canEdit) return null;
  return (
    <button
      type="button"
      className="mk-btn mk-btn-small"
      onClick={() => void mark()}
      disabled={busy}
      title={marked ? t('wsMeetingMarkedAt', { time: formatDateTime(marked, lang) }) : undefined}
      data-testid="mark-meeting-start"
    >
      {t('wsMeetingMark')}
    </button>
  );
}
