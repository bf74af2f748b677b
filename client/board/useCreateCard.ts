// The one way a card is created from the UI – palette click, N, double-click, a palette drag
// dropped on the board: in the free spot nearest where it was asked for (the middle of the view by
// default), owned by the creator's side where the kind allows, then selected with its title ready to type.
import { useCallback } from 'react';
import { useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import { newCardTitle } from './newCardTitle';
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, tierOfCardAt } from '../../shared';
import { freeSpot, ownerForNewCard, type Box } from './placement';
import { useIdentity } from '../workshop/identity';
import type { CardNode, LinkEdge } from './cardTypes';

/** Every card's box on the board, measured where React Flow has measured it. */
export function takenBoxes(rf: ReactFlowInstance<CardNode, LinkEdge>, except?: string): Box[] {
  const out: Box[] = [];
  for (const n of rf.getNodes()) {
    if (n.id === except) continue;
    const m = rf.getInternalNode(n.id)?.measured;
    out.push({ x: n.position.x, y: n.position.y, w: m?.width ?? CARD_WIDTH, h: m?.height ?? CARD_HEIGHT_ESTIMATE });
  }
  return out;
}

/** Creates a card of `kind` centred near the screen point `at` (default: the middle of the canvas); returns its id. */
export function useCreateCard(): (kind: NodeKind, at?: { x: number; y: number }) => string | null {
  const { lang } = useI18n();
  const { store, actions, readOnly } = useBoardContext();
  const rf = useReactFlow<CardNode, LinkEdge>();
  const me = useIdentity();
  return useCallback(
    (kind, at) => {
      if (readOnly) return null;
      const r = document.querySelector('.mk-canvas')?.getBoundingClientRect();
      if (!r) return null;
      const screen = at ?? { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      const p = rf.screenToFlowPosition(screen);
      // The part of the board on screen: a new card lands wholly in it when there is room.
      const a = rf.screenToFlowPosition({ x: r.left, y: r.top });
      const b = rf.screenToFlowPosition({ x: r.right, y: r.bottom });
      const view = { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
      const spot = freeSpot(takenBoxes(rf), { x: p.x - CARD_WIDTH / 2, y: p.y - CARD_HEIGHT_ESTIMATE / 2 }, CARD_WIDTH, CARD_HEIGHT_ESTIMATE, view);
      const owner = ownerForNewCard(kind, me.side, tierOfCardAt(spot.y));
      const id = actions.createCard(kind, spot, newCardTitle(kind, lang), owner);
      if (id) {
        store.flush();
        store.select([id]);
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#mk-field-title')?.select());
      }
      return id;
    },
    [readOnly, rf, actions, store, lang, me.side],
  );
}
