// The editing tool row (editors only): palette, undo/redo and auto-layout.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type * as Y from 'yjs';
import type { NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import { Palette } from './Palette';
import { useCreateCard } from './useCreateCard';
import { CARD_WIDTH } from '../../shared';
import type { Notify } from '../ui/Toasts';
import { motionMs } from './motion';

interface Props {
  paletteKind: NodeKind;
  setPaletteKind(k: NodeKind): void;
  undo: Y.UndoManager | null;
  undoState: { canUndo: boolean; canRedo: boolean };
  notify: Notify;
}

export function Toolbar({ paletteKind, setPaletteKind, undo, undoState, notify }: Props) {
  const { t } = useI18n();
  const { store, actions, readOnly } = useBoardContext();
  const rf = useReactFlow();
  const [busy, setBusy] = useState(false);

  const createInView = useCreateCard();

  const layout = async () => {
    setBusy(true);
    try {
      const { computeLayout } = await import('./autoLayout');
      const cards = [...store.allCards()];
      const positions = await computeLayout(cards, [...store.allLinks()], (id) => {
        const n = rf.getInternalNode(id);
        return { width: n?.measured.width ?? CARD_WIDTH, height: n?.measured.height ?? 110 };
      });
      actions.arrange(positions);
      notify(t('layoutDone'));
      store.flush();
      requestAnimationFrame(() => void rf.fitView({ padding: 0.08, duration: motionMs(300) }));
    } finally {
      setBusy(false);
    }
  };

  if (readOnly) return null;
  return (
    <div className="mk-toolbar" role="toolbar" aria-label={t('palette')}>
      {!readOnly && <Palette kind={paletteKind} setKind={setPaletteKind} onCreate={(k) => void createInView(k)} />}
      {!readOnly && (
        <div className="mk-toolgroup">
          <button
            type="button"
            className="mk-btn mk-btn-icon"
            disabled={!undoState.canUndo}
            onClick={() => {
              actions.endGesture();
              undo?.undo();
            }}
            aria-keyshortcuts="Control+Z"
            title={`${t('undo')} (Ctrl+Z)`}
            aria-label={t('undo')}
            data-testid="undo"
          >
            ↶ <span className="mk-btn-label">{t('undo')}</span>
          </button>
          <button
            type="button"
            className="mk-btn mk-btn-icon"
            disabled={!undoState.canRedo}
            onClick={() => {
              actions.endGesture();
              undo?.redo();
            }}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            title={`${t('redo')} (Ctrl+Shift+Z)`}
            aria-label={t('redo')}
            data-testid="redo"
          >
            ↷ <span className="mk-btn-label">{t('redo')}</span>
          </button>
          <button type="button" className="mk-btn" disabled={busy} onClick={() => void layout()}>
            {t('autoLayout')}
          </button>
        </div>
      )}
    </div>
  );
}
