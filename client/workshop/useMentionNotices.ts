// A person mentioned in a comment sees a notice while online: every message that arrives from
// someone else and names this participant is announced once (not the ones already on the board
// when it opened, nor their own).
import { useEffect, useRef } from 'react';
import { allThreads } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import type { BoardStore } from '../board/boardStore';
import type { Notify } from '../ui/Toasts';
import type { WorkshopStore } from './workshopStore';

export function useMentionNotices(ws: WorkshopStore, store: BoardStore, participantId: string, notify: Notify): void {
  const { t } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    const seen = new Set<string>();
    for (const th of allThreads(ws.doc)) for (const m of th.messages) seen.add(m.id);
    const check = () => {
      for (const th of allThreads(ws.doc)) {
        for (const m of th.messages) {
          if (seen.has(m.id)) continue;
          seen.add(m.id);
          if (m.participantId === participantId || !m.mentions.includes(participantId)) continue;
          const target = th.targetType === 'node' ? store.card(th.targetId)?.title : undefined;
          const text = m.text.length > 80 ? `${m.text.slice(0, 80)}…` : m.text;
          notify(tRef.current('wsMentionedYou', { name: m.name, target: target || '…', text }), 'info');
        }
      }
    };
    const off = ws.subscribe(check);
    return () => {
      off();
    };
  }, [ws, store, participantId, notify]);
}
