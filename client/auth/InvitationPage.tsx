// /invitasjon#token=…: an invitation to a board. Signed out, it offers «Logg inn» (coming back
// here); signed in, it names the board, role and side, and «Ta imot» makes the person a member.
import { useEffect, useRef, useState } from 'react';
import { PageHeader } from '../ui/PageHeader';
import { useI18n } from '../i18n/I18nProvider';
import { SIDE_LABELS } from '../../shared';
import { ApiError } from '../api';
import { navigate } from '../navigation';
import { acceptInvitation, previewInvitation, signInHref } from './authApi';
import { useSignIn } from './useSignIn';

type Preview = Awaited<ReturnType<typeof previewInvitation>>;

export function InvitationPage({ token }: { token: string }) {
  const { t, pick } = useI18n();
  const signIn = useSignIn();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (signIn.state !== 'signedIn' || !token) return;
    let live = true;
    previewInvitation(token).then(
      (p) => live && setPreview(p),
      (err: unknown) => live && setError(err instanceof ApiError && err.status === 404 ? t('invitationGone') : t('errorGeneric', { message: String((err as Error).message) })),
    );
    return () => {
      live = false;
    };
  }, [signIn.state, token, t]);

  const accept = async () => {
    setBusy(true);
    try {
      const { boardId } = await acceptInvitation(token);
      navigate(`/b/${encodeURIComponent(boardId)}`);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t('invitationGone') : t('errorGeneric', { message: String((err as Error).message) }));
      setBusy(false);
    }
  };
  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') };

  return (
    <div className="mk-landing">
      <PageHeader nameIsHeading={false} />
      <main className="mk-landing-main">
        <section className="mk-card-panel" aria-labelledby="mk-invitation-h" data-testid="invitation">
          <h1 id="mk-invitation-h" tabIndex={-1} ref={heading}>
            {t('invitationTitle')}
          </h1>
          {error ? (
            <p role="alert" className="mk-error">
              {error}
            </p>
          ) : signIn.state === 'signedOut' ? (
            <>
              <p>{t('invitationSignIn')}</p>
              <a className="mk-btn mk-btn-primary" href={signInHref()}>
                {t('signIn')}
              </a>
            </>
          ) : preview ? (
            <>
              <p>{t('invitationText', { title: preview.title || t('untitledBoard'), role: roleLabel[preview.role].toLowerCase(), side: pick(SIDE_LABELS[preview.side]) })}</p>
              <button type="button" className="mk-btn mk-btn-primary" disabled={busy} onClick={() => void accept()} data-testid="invitation-accept">
                {t('invitationAccept')}
              </button>
            </>
          ) : (
            <p role="status">{t('loading')}</p>
          )}
        </section>
      </main>
    </div>
  );
}
