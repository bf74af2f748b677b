import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../i18n/format';
import { navigate } from '../navigation';
import { forgetBoard, listRecent } from './recentBoards';

export function RecentBoards() {
  const { t, lang } = useI18n();
  const [list, setList] = useState(listRecent);
  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') };
  return (
    <section className="mk-card-panel" aria-labelledby="mk-recent-h">
      <h2 id="mk-recent-h">{t('recentTitle')}</h2>
      {list.length === 0 ? (
        <p className="mk-muted">{t('recentEmpty')}</p>
      ) : (
        <ul className="mk-recent" data-testid="recent-boards">
          {list.map((b) => {
            const href = `/b/${encodeURIComponent(b.id)}?token=${encodeURIComponent(b.token)}`;
            return (
              <li key={b.id}>
                <a
                  href={href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  {b.title || t('untitledBoard')}
                </a>
                <span className={`mk-role-badge mk-role-${b.role}`}>{roleLabel[b.role]}</span>
                <span className="mk-muted">
                  {t('lastOpened')} {formatDateTime(b.openedAt, lang)}
                </span>
                <button
                  type="button"
                  className="mk-btn mk-btn-small mk-btn-ghost"
                  onClick={() => {
                    forgetBoard(b.id);
                    setList(listRecent());
                  }}
                >
                  {t('forget')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
