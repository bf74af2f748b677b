// /b/:id: checks the link with the server, asks for a name once, then opens the live board.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ApiError, getBoardAccess, type AccessSummary, type Role } from '../api';
import { navigate } from '../navigation';
import { forgetBoard, forgetLink, listRecent, recentToken, rememberBoard } from '../landing/recentBoards';
import { clearLocalCopy } from './localCopy';
import { prefetchTicket } from './ticketSocket';
import { isRotatingOwnLink } from './ownLinkRotation';
import type { StringKey } from '../i18n/strings';
import { JoinDialog } from '../workshop/JoinDialog';
import { isComplete, useIdentity } from '../workshop/identity';
import { BoardView } from './BoardView';
import { saveIdentity } from '../workshop/identity';
import { useSignIn } from '../auth/useSignIn';
import { signInHref } from '../auth/authApi';

type Load = { state: 'loading' } | { state: 'ready'; role: Role; info: AccessSummary | null } | { state: 'error'; message: string };

export type GoneReason = 'deleted' | 'revoked' | 'removed' | 'signedOut';

/**
 * The board was deleted or this link rotated (issue 12 §10): the local copy goes, and so does the
 * link from «Tavler du har åpnet» (the whole board when deleted, or when it was the last link held).
 */
async function forgetGone(boardId: string, token: string, reason: GoneReason): Promise<StringKey> {
  // A member (issue #17): removed, or signed out; the browser holds no link to forget.
  if (reason === 'removed') {
    await clearLocalCopy(boardId);
    return 'goneRemoved';
  }
  if (reason === 'signedOut') return 'goneSignedOut';
  let lastLink = true;
  if (reason === 'deleted') forgetBoard(boardId);
  else {
    lastLink = forgetLink(boardId, token);
    // A rotation usually renews several links: keep only the other links held that still work.
    for (const other of Object.values(listRecent().find((b) => b.id === boardId)?.tokens ?? {})) {
      if (lastLink || !other) break;
      const stale = await getBoardAccess(boardId, other).then(
        () => false,
        (err: unknown) => err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404),
      );
      if (stale) lastLink = forgetLink(boardId, other);
    }
  }
  if (lastLink) await clearLocalCopy(boardId);
  return reason === 'deleted' ? 'goneDeleted' : lastLink ? 'goneRevoked' : 'goneRevokedKept';
}

export function BoardPage({ boardId, token: urlToken }: { boardId: string; token: string }) {
  const t = useT();
  const token = urlToken || recentToken(boardId) || '';
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Bumped when the owner changes this member's role or side: the board's summary is read again
  // (the live board stays on screen meanwhile) so the page's role and side are the new ones.
  const [summaryAsked, askSummaryAgain] = useState(0);
  const identity = useIdentity();
  const signIn = useSignIn();

  useEffect(() => {
    // Without a link, a signed-in member opens the board by their session (issue #17).
    if (!token && signIn.state === 'loading') return;
    if (!token && signIn.state !== 'signedIn') {
      setLoad({ state: 'error', message: t('errorNoToken') });
      return;
    }
    let cancelled = false;
    // The socket's ticket travels beside the summary (the first summary only: a later one is the
    // live board reading its role again).
    if (token && summaryAsked === 0 && navigator.onLine) prefetchTicket(boardId, token);
    // Access only: the board's content (its title too) comes over the socket, which is then the
    // first to load the board on the server and can be sent it while the server builds it.
    getBoardAccess(boardId, token)
      .then((info) => {
        if (cancelled) return;
        if (token && !info.member) rememberBoard({ id: boardId, title: '', role: info.role, token });
        // A member's name and side are the verified ones from the server, not chosen in the join dialog.
        if (info.member) saveIdentity(info.member.name, info.member.side);
        setLoad({ state: 'ready', role: info.role, info });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const e = err instanceof ApiError ? err : null;
        // Offline: open from the local cache with the role remembered for this board.
        const known = listRecent().find((b) => b.id === boardId && Object.values(b.tokens).includes(token));
        const role = known && (Object.entries(known.tokens).find(([, v]) => v === token)?.[0] as Role | undefined);
        if (e?.status === 0 && role) return setLoad({ state: 'ready', role, info: null });
        // A board this browser knew: deleted or its link rotated — say so and forget it here.
        const wasKnown = listRecent().some((b) => b.id === boardId);
        if (wasKnown && (e?.status === 404 || ((e?.status === 401 || e?.status === 403) && e.code === 'token_invalid'))) {
          void forgetGone(boardId, token, e.status === 404 ? 'deleted' : 'revoked').then((key) => {
            if (!cancelled) setLoad({ state: 'error', message: t(key) });
          });
          return;
        }
        if (e?.status === 404) void clearLocalCopy(boardId);
        const message =
          e?.code === 'not_member'
            ? t('errorNotMember')
            : e?.status === 404
              ? t('errorNotFound')
              : e?.status === 401 || e?.status === 403
                ? t('errorUnauthorized')
                : t('errorGeneric', { message: e?.message ?? String(err) });
        setLoad({ state: 'error', message });
      });
    return () => {
      cancelled = true;
    };
    // With a link, whether someone is signed in does not change what the link opens: the summary is
    // not asked again when /api/me answers (it was, and the page waited for the second answer).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token, token ? 'link' : signIn.state, summaryAsked]);

  if (load.state === 'error') {
    return (
      <div className="mk-center-page">
        <p role="alert" className="mk-error">
          {load.message}
        </p>
        {signIn.state === 'signedOut' && (
          <a className="mk-btn mk-btn-primary" href={signInHref()}>
            {t('signIn')}
          </a>
        )}
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
  // A stat or kommune link decides the side (#16): the person is asked once more if theirs differs.
  const boundSide = load.info?.side;
  if (!isComplete(identity) || (boundSide && identity.side !== boundSide)) return <JoinDialog onDone={() => undefined} boundSide={boundSide} />;
  const onGone = (reason: GoneReason) => {
    // The owner who just made a new owner link is moved to it; its old connection closing is expected.
    if (reason === 'revoked' && isRotatingOwnLink(boardId)) return;
    setLoad({ state: 'loading' });
    void forgetGone(boardId, token, reason).then((key) => setLoad({ state: 'error', message: t(key) }));
  };
  return <BoardView boardId={boardId} token={token} role={load.role} side={boundSide} name={identity.name} initialTitle={listRecent().find((b) => b.id === boardId)?.title ?? ''} onGone={onGone} onMemberChanged={() => askSummaryAgain((n) => n + 1)} />;
}
