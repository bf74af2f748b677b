// Brainstorm: type and press Enter, again and again – each idea lands as a sticky note in the
// parking area above the bands. Selected notes can be clustered together or turned into a goal,
// measure or indicator with their text kept (the inspector's kind change, as one undo step).
import { useState, useSyncExternalStore } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_KIND_LABELS, type NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { useWorkshop } from './WorkshopContext';
import { clusterPositions, nextParkingSlot, PARKING } from './parking';
import { motionMs } from '../board/motion';

const PROMOTE_TO: NodeKind[] = ['goal', 'measure', 'indicator'];

export function BrainstormPanel() {
  const { t, pick } = useI18n();
  const { store, actions } = useBoardContext();
  const { wa, canEdit, notify } = useWorkshop();
  const rf = useReactFlow();
  const [text, setText] = useState('');
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);
  const selected = nodes.filter((n) => n.selected);
  const notes = selected.filter((n) => n.data.card.kind === 'note');
  if (!canEdit) return <p className="mk-muted">{t('wsViewerCannot')}</p>;

  const add = () => {
    const title = text.trim();
    if (!title) return;
    const at = nextParkingSlot([...store.allCards()].map((c) => c.position));
    if (wa.addNote(title, at)) {
      setText('');
      store.flush();
      const z = rf.getZoom();
      const vp = rf.getViewport();
      const el = document.querySelector('.mk-canvas')?.getBoundingClientRect();
      // Bring the parking area into view when a note lands out of sight, clear of this panel on the left.
      if (el && (at.x * z + vp.x < 360 || at.y * z + vp.y < 0 || (at.x + 240) * z + vp.x > el.width || (at.y + 100) * z + vp.y > el.height)) {
        const w = PARKING.width * 1.5;
        void rf.fitBounds({ x: PARKING.x - PARKING.width * 0.5, y: PARKING.y, width: w, height: PARKING.height }, { padding: 0.05, duration: motionMs(250) });
      }
    }
  };

  return (
    <div className="mk-ws-brainstorm" data-testid="brainstorm-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="mk-field">
          <span>{t('wsBrainstormLabel')}</span>
          <input
            autoFocus
            value={text}
            maxLength={200}
            placeholder={t('wsBrainstormPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="brainstorm-input"
          />
        </label>
      </form>
      <h3>{t('wsSelectNotes')}</h3>
      <div className="mk-row">
        <button
          type="button"
          className="mk-btn"
          disabled={selected.length < 2}
          onClick={() => actions.arrange(clusterPositions(selected.map((n) => ({ id: n.id, position: n.position }))))}
          data-testid="cluster"
        >
          {t('wsCluster')} ({selected.length})
        </button>
      </div>
      <div className="mk-row" role="group" aria-label={t('wsPromote')}>
        <span>{t('wsPromote')}:</span>
        {PROMOTE_TO.map((k) => (
          <button
            key={k}
            type="button"
            className="mk-btn mk-btn-small"
            disabled={!notes.length}
            onClick={() => {
              for (const n of notes) {
                if (actions.changeKind(n.id, k)) notify(t('wsPromoted', { title: n.data.card.title, kind: pick(NODE_KIND_LABELS[k]).toLowerCase() }));
              }
            }}
            data-testid={`promote-${k}`}
          >
            {pick(NODE_KIND_LABELS[k])}
          </button>
        ))}
      </div>
    </div>
  );
}
