// A board in a list of boards («Tavler du har åpnet», «Mine tavler»): its title as an in-app link
// and a badge with the role it is opened with.
import type { Role } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../navigation';

export function BoardEntry({ href, title, role }: { href: string; title: string; role: Role }) {
  const { t } = useI18n();
  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') };
  return (
    <>
      <a
        href={href}
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        {title || t('untitledBoard')}
      </a>
      <span className={`mk-role-badge mk-role-${role}`}>{roleLabel[role]}</span>
    </>
  );
}
