// Who is signed in (landing header and the board's top bar): «Logg inn», or the verified name and
// «Logg ut». Nothing when the server has no sign-in configured.
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { signInHref } from './authApi';
import { signOut, useSignIn } from './useSignIn';

export function SignInBar() {
  const t = useT();
  const signIn = useSignIn();
  const [busy, setBusy] = useState(false);
  if (signIn.state === 'signedOut') {
    return (
      <a className="mk-btn mk-btn-primary" href={signInHref()} data-testid="sign-in">
        {t('signIn')}
      </a>
    );
  }
  if (signIn.state !== 'signedIn') return null;
  return (
    <span className="mk-signed-in" data-testid="signed-in">
      <span className="mk-signed-in-name">{t('signedInAs', { name: signIn.user.name })}</span>
      <button
        type="button"
        className="mk-btn mk-btn-small mk-btn-ghost"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
        data-testid="sign-out"
      >
        {t('signOut')}
      </button>
    </span>
  );
}
