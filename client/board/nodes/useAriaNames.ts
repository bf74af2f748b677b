// Names every card and link on the canvas in the UI language (React Flow's aria-label), and
// renames the cards whose agreement or open comments change.
import { useContext, useEffect } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { WorkshopCoreContext } from '../../workshop/WorkshopContext';
import { cardName, linkName } from './ariaNames';

export function useAriaNames(): void {
  const { t, pick, lang } = useI18n();
  const { store } = useBoardContext();
  const ws = useContext(WorkshopCoreContext)?.ws;
  useEffect(() => {
    store.setLabeler({
      node: (card) => cardName(t, pick, card, ws?.cardMarks(card.id), lang),
      edge: (link, source, target) => linkName(t, pick, link, source, target),
      roles: { node: t('roleCard'), edge: t('roleLink') },
    });
    const off = ws?.subscribe(() => store.relabel());
    return () => {
      off?.();
    };
  }, [store, t, pick, lang, ws]);
}
