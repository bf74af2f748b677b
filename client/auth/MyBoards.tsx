// «Mine tavler» on the landing page: the boards the signed-in person is a member of (issue #17).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SIDE_LABELS } from '../../shared';
import { navigate } from '../navigation';
import { myBoards, type MyBoard } from './authApi';

export function MyBoards() {
  const { t, pick } = useI18n();
  const [boards, setBoards] = useState<MyBoard[] | null>(null);
  useEffect(() => {
    let live = true;
    myBoards().then((b) => live && setBoards(b), () => live && setBoards([]));
    return () => {
      live = false;
    };
  }, []);
  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') };
  return (
    <section className="mk-card-panel" aria-labelledby="mk-my-boards-h">
      <h2 id="mk-my-boards-h">{t('myBoardsTitle')}</h2>
      {boards === null ? (
        <p role="status">{t('loading')}</p>
      ) : boards.length === 0 ? (
        <p className="mk-muted">{t('myBoardsEmpty')}</p>
      ) : (
        <ul className="mk-recent" data-testid="my-boards">
          {boards.map((b) => {
            const href = `/b/${encodeURIComponent(b.id)}`;
            return (
              <li key={b.id} data-board-id={b.id}>
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
                <span className="mk-muted">{pick(SIDE_LABELS[b.side])}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
