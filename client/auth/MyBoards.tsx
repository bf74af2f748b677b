// «Mine tavler» on the landing page: the boards the signed-in person is a member of (issue #17).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SIDE_LABELS } from '../../shared';
import { BoardEntry } from '../ui/BoardEntry';
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
                <BoardEntry href={href} title={b.title} role={b.role} />
                <span className="mk-muted">{pick(SIDE_LABELS[b.side])}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
