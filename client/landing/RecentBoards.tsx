// «Tavler du har åpnet»: every board this browser created or opened, with the links it holds.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../i18n/format';
import { boardLink, type Role } from '../api';
import { boardPath } from '../navigation';
import { BoardEntry } from '../ui/BoardEntry';
import { forgetBoard, listRecent } from './recentBoards';
import { LinkRow } from './LinkRow';

const ROLES: Role[] = ['owner', 'editor', 'viewer'];

export function RecentBoards() {
  const { t, lang } = useI18n();
  const [list, setList] = useState(listRecent);
  useEffect(() => {
    const refresh = () => setList(listRecent());
    window.addEventListener('malkart-recent', refresh);
    window.addEventListener('storage', refresh);
    return () => {
      window.removeEventListener('malkart-recent', refresh);
      window.removeEventListener('storage', refresh);
    };
  }, []);
  return (
    <section className="mk-card-panel" aria-labelledby="mk-recent-h">
      <h2 id="mk-recent-h">{t('recentTitle')}</h2>
      {list.length === 0 ? (
        <p className="mk-muted">{t('recentEmpty')}</p>
      ) : (
        <ul className="mk-recent" data-testid="recent-boards">
          {list.map((b) => {
            const href = boardPath(b.id, b.token);
            const held = ROLES.filter((r) => b.tokens[r]);
            return (
              <li key={b.id} data-board-id={b.id}>
                <BoardEntry href={href} title={b.title} role={b.role} />
                <span className="mk-muted">
                  {t('lastOpened')} {formatDateTime(b.openedAt, lang)}
                </span>
                <button type="button" className="mk-btn mk-btn-small mk-btn-ghost" onClick={() => forgetBoard(b.id)}>
                  {t('forget')}
                </button>
                <details className="mk-recent-links">
                  <summary>{t('recentLinks', { n: held.length })}</summary>
                  <ul className="mk-share-list">
                    {held.map((role) => (
                      <LinkRow key={role} role={role} url={boardLink(b.id, b.tokens[role]!)} testId={`recent-link-${role}`} compact />
                    ))}
                  </ul>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
