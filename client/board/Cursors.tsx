// Other people's cursors, in flow coordinates, with their names and colours.
import { memo } from 'react';
import { ViewportPortal, useStore, type ReactFlowState } from '@xyflow/react';
import { usePeers } from '../ui/usePeers';
import { SIDE_LABELS, isSide } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { usePeerCursors } from '../ui/preferences';

const zoomOf = (s: ReactFlowState) => s.transform[2];

export const Cursors = memo(function Cursors() {
  const peers = usePeers();
  const zoom = useStore(zoomOf);
  const { pick } = useI18n();
  // Hidden by choice (help dialog): they move by themselves, which WCAG 2.2.2 asks can be stopped.
  if (!usePeerCursors()) return null;
  return (
    <ViewportPortal>
      {peers
        .filter((p) => !p.self && p.cursor)
        .map((p) => (
          <div
            key={p.clientId}
            className="mk-cursor"
            data-testid="peer-cursor"
            data-name={p.name}
            data-side={p.user?.side ?? undefined}
            style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px) scale(${1 / zoom})`, color: p.color }}
          >
            <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
              <path d="M1 1 L1 17 L5.5 13 L9 21 L12 19.6 L8.6 12 L15 12 Z" fill="currentColor" stroke="white" strokeWidth="1.5" />
            </svg>
            <span className="mk-cursor-name" style={{ background: p.color }}>
              {p.name}
              {isSide(p.user?.side) && <span className="mk-cursor-side"> · {pick(SIDE_LABELS[p.user.side])}</span>}
            </span>
          </div>
        ))}
    </ViewportPortal>
  );
});
