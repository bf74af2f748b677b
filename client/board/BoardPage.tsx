// /b/:id: checks the link with the server, asks for a name once, then opens the live board.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ApiError, getBoard, type BoardInfo, type Role } from '../api';
import { navigate } from '../navigation';
import { listRecent, recentToken, rememberBoard } from '../landing/recentBoards';
import { JoinDialog } from '../workshop/JoinDialog';
import { isComplete, useIdentity } from '../workshop/identity';
import { BoardView } from './BoardView';

type Load = { state: 'loading' } | { state: 'ready'; role: Role; info: BoardInfo | null } | { state: 'error'; message: string };

export function BoardPage({ boardId, token: urlToken }: { boardId: string; token: string }) {
  const t = useT();
  const token = urlToken || recentToken(boardId) || '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const identity = useIdentity();

  useEffect(() => {
    if (!token) {
      setLoad({ state: 'error', message: t('errorNoToken') });
      return;
    }
    let cancelled = false;
    getBoard(boardId, token)
      .then((info) => {
        if (cancelled) return;
        rememberBoard({ id: boardId, title: info.meta.title ?? '', role: info.role, token });
        setLoad({ state: 'ready', role: info.role, info });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const e = err instanceof ApiError ? err : null;
        // Offline: open from the local cache with the role remembered for this board.
        const known = listRecent().find((b) => b.id === boardId && b.token === token);
        if (e?.status === 0 && known) return setLoad({ state: 'ready', role: known.role, info: null });
        const message =
          e?.status === 404 ? t('errorNotFound') : e?.status === 401 || e?.status === 403 ? t('errorUnauthorized') : t('errorGeneric', { message: e?.message ?? String(err) });
        setLoad({ state: 'error', message });
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  if (load.state === 'error') {
    return (
      <div className="mk-center-page">
        <p role="alert" className="mk-error">
          {load.message}
        </p>
        <button type="button" className="mk-btn" onClick={() => navigate('/')}>
          {t('backHome')}
        </button>
      </div>
    );
  }
  if (load.state === 'loading') {
    return (
      <div className="mk-center-page" role="status">
        {t('loading')}
      </div>
    );
  }
  if (!isComplete(identity)) return <JoinDialog onDone={() => undefined} />;
  return <BoardView boardId={boardId} token={token} role={load.role} name={identity.name} initialTitle={load.info?.meta.title ?? ''} />;
}
