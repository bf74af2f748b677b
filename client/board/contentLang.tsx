// The language the board's own text is written in (its cards' titles and descriptions), marked on
// that text when it differs from the UI language (WCAG 3.1.2), so a screen reader reads a bokmål
// title on an English screen with Norwegian pronunciation. A board without a language is bokmål.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { BoardStore } from './boardStore';

const ContentLang = createContext<string | undefined>(undefined);

/** `lang` for an element holding the board's text: undefined when it is the UI language. */
export function useContentLang(): string | undefined {
  return useContext(ContentLang);
}

export function ContentLangProvider({ store, children }: { store: BoardStore; children: ReactNode }) {
  const { lang } = useI18n();
  const board = useSyncExternalStore(store.subscribeMeta, () => String(store.maps.meta.get('language') ?? '')) || 'nb';
  return <ContentLang.Provider value={board === lang ? undefined : board}>{children}</ContentLang.Provider>;
}
