// The parking area drawn on the canvas (in flow coordinates) while brainstorming or while notes wait there.
import { useSyncExternalStore, useContext } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { WorkshopContext } from './WorkshopContext';
import { inParking, PARKING } from './parking';

export function ParkingArea() {
  const { t } = useI18n();
  const ctx = useContext(WorkshopContext);
  const { store } = useBoardContext();
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);
  const used = nodes.some((n) => inParking(n.position));
  if (!ctx || (ctx.panel !== 'brainstorm' && !used)) return null;
  return (
    <ViewportPortal>
      <div
        className="mk-ws-parking"
        aria-hidden="true"
        style={{ transform: `translate(${PARKING.x}px, ${PARKING.y}px)`, width: PARKING.width, height: PARKING.height }}
      >
        <span className="mk-ws-parking-label">{t('wsParking')}</span>
      </div>
    </ViewportPortal>
  );
}
