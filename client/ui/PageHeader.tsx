// The header of the pages outside a board (landing, invitation): the product's name, who is
// signed in, and the language. On the landing page the name is the page's heading; pages with a
// heading of their own pass `nameIsHeading={false}`.
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { SignInBar } from '../auth/SignInBar';

export function PageHeader({ nameIsHeading }: { nameIsHeading: boolean }) {
  const t = useT();
  const Name = nameIsHeading ? 'h1' : 'span';
  return (
    <header className="mk-landing-header">
      <div className="mk-brand">
        <span className="mk-logo" aria-hidden="true" />
        <Name>{t('appName')}</Name>
      </div>
      <SignInBar />
      <LanguageSwitch />
    </header>
  );
}
