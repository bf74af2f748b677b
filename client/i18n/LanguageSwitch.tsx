import { LANGS, type Lang } from '../../shared';
import { useI18n } from './I18nProvider';

const NAMES: Record<Lang, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="mk-lang">
      <span className="mk-visually-hidden">{t('language')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('language')}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'en' ? 'en' : l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
