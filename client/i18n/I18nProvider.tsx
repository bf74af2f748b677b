// The UI language: bokmål by default, remembered in localStorage, switchable at any time.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LANGS, type Lang, type Localized } from '../../shared';
import { STRINGS, type StringKey } from './strings';

const STORAGE_KEY = 'malkart.lang';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** Picks the UI language's text of a label from shared/vocabulary or a refusal message. */
  pick(text: Localized): string;
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v && (LANGS as readonly string[]).includes(v)) return v as Lang;
  } catch {
    /* storage may be blocked */
  }
  return 'nb';
}

/** Fills `{name}` from params; `{n|one|other}` picks the singular when n is 1 («1 kobling», «2 koblinger»). */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k: string, one: string, other: string) => (k in params ? (Number(params[k]) === 1 ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : lang === 'nn' ? 'nn' : 'nb';
    return {
      lang,
      setLang,
      t: (key, params) => format(STRINGS[key][lang], params),
      pick: (text) => text[lang],
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The translate function of the current UI language. */
export function useT(): Translate {
  return useI18n().t;
}
