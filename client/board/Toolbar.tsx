// The editing tool row (editors only): palette, undo/redo and auto-layout.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type * as Y from 'yjs';
import type { NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import { Palette } from './Palette';
import { newCardTitle } from './newCardTitle';
import { CARD_WIDTH } from './bands';
import type { Notify } from './Toasts';
import { motionMs } from './motion';

interface Props {
  paletteKind: NodeKind;
  setPaletteKind(k: NodeKind): void;
  undo: Y.UndoManager | null;
  undoState: { canUndo: boolean; canRedo: boolean };
  notify: Notify;
}

export function Toolbar({ paletteKind, setPaletteKind, undo, undoState, notify }: Props) {
  const { t, lang } = useI18n();
  const { store, actions, readOnly } = useBoardContext();
  const rf = useReactFlow();
  const [busy, setBusy] = useState(false);

  const createInView = (kind: NodeKind) => {
    const el = document.querySelector('.mk-canvas');
    if (!el) return;
    const r = el.getBoundingClientRect();
    // Offset each new card a little so repeated clicks do not stack exactly.
    const jitter = (store.getNodes().length % 5) * 24;
    const p = rf.screenToFlowPosition({ x: r.left + r.width / 2 + jitter, y: r.top + r.height / 2 + jitter });
    const id = actions.createCard(kind, { x: p.x - CARD_WIDTH / 2, y: p.y - 40 }, newCardTitle(kind, lang));
    if (id) {
      store.flush();
      store.select([id]);
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#mk-field-title')?.select());
    }
  };

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
      {!readOnly && <Palette kind={paletteKind} setKind={setPaletteKind} onCreate={createInView} />}
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
