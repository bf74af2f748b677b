// Every open comment thread on the board; each jumps to its card or link. Threads whose card was
// deleted stay listed.
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { commentStampsOf, openThreads, trustedMessage } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { focusCard } from '../ui/focusCard';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { formatWhen } from '../i18n/format';
import { motionMs } from '../board/motion';

export function CommentsPanel() {
  const { t, lang } = useI18n();
  const { ws, openComments } = useWorkshop();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const version = useWorkshopVersion();
  const threads = useMemo(() => openThreads(ws.doc), [ws, version]);
  const targetName = (id: string, type: 'node' | 'edge') => {
    if (type === 'node') return store.card(id)?.title || t('untitledCard');
    const e = store.link(id);
    return e ? `${store.card(e.source)?.title ?? '?'} → ${store.card(e.target)?.title ?? '?'}` : id;
  };
  const jump = (id: string, type: 'node' | 'edge') => {
    if (type === 'node') focusCard(rf, store, id);
    else {
      const e = store.link(id);
      const a = e && rf.getInternalNode(e.source);
      const b = e && rf.getInternalNode(e.target);
      if (a && b) void rf.setCenter((a.internals.positionAbsolute.x + b.internals.positionAbsolute.x) / 2 + 120, (a.internals.positionAbsolute.y + b.internals.positionAbsolute.y) / 2 + 50, { zoom: Math.max(rf.getZoom(), 0.8), duration: motionMs(300) });
    }
    openComments(id, type);
  };
  return (
    <div className="mk-ws-comments-panel" data-testid="comments-panel">
      {threads.length === 0 && <p className="mk-muted">{t('wsNoOpenThreads')}</p>}
      <ul className="mk-list">
        {threads.map((th) => {
          // The first message's author and time as the server stamped them (#16 §4).
          const first = th.messages[0] && { ...th.messages[0], ...trustedMessage(th.id, th.messages[0], commentStampsOf(ws.doc)) };
          return (
            <li key={th.id} data-testid="open-thread" data-thread-id={th.id}>
              <button type="button" className="mk-list-btn" disabled={th.orphaned} onClick={() => jump(th.targetId, th.targetType)}>
                <strong>{th.orphaned ? t('wsOrphan') : targetName(th.targetId, th.targetType)}</strong>
                <br />
                <span className="mk-small">
                  {first ? `${first.name}: ${first.text.length > 90 ? `${first.text.slice(0, 90)}…` : first.text}` : ''}
                </span>
                <br />
                <span className="mk-muted mk-small">
                  {formatWhen(first?.at ?? th.createdAt, lang)} · {th.messages.length} ✉
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
