// The start page: create a board (empty, from the example, from a file), share its links,
// and the boards this browser has opened.
import { useState } from 'react';
import { PageHeader } from '../ui/PageHeader';
import { useT } from '../i18n/I18nProvider';
import type { CreatedBoard } from '../api';
import { CreateBoard } from './CreateBoard';
import { ImportBoard } from './ImportBoard';
import { ShareLinks } from './ShareLinks';
import { RecentBoards } from './RecentBoards';
import { rememberLinks } from './recentBoards';
import { navigate } from '../navigation';
import { MyBoards } from '../auth/MyBoards';
import { useSignIn } from '../auth/useSignIn';
import { signInHref } from '../auth/authApi';

export function LandingPage() {
  const t = useT();
  const signIn = useSignIn();
  const [created, setCreated] = useState<{ board: CreatedBoard; title: string } | null>(null);
  const onCreated = (board: CreatedBoard, title: string) => {
    // A signed-in person's board opens to its members (them) at once; its links are off for now.
    if (board.links === 'none') return navigate(`/b/${encodeURIComponent(board.id)}`);
    // All three links, so closing the panel never orphans the board (kept in this browser only).
    rememberLinks(board.id, board.tokens, { title });
    setCreated({ board, title });
  };
  return (
    <div className="mk-landing">
      <PageHeader nameIsHeading={true} />
      <main className="mk-landing-main">
        <p className="mk-tagline">{t('tagline')}</p>
        {signIn.state === 'signedOut' ? (
          // With sign-in configured, boards are made by signed-in people (who then own them).
          <section className="mk-card-panel" aria-labelledby="mk-sign-in-h">
            <h2 id="mk-sign-in-h">{t('signIn')}</h2>
            <p>{t('signInToCreate')}</p>
            <a className="mk-btn mk-btn-primary" href={signInHref()}>
              {t('signIn')}
            </a>
          </section>
        ) : created ? (
          <ShareLinks board={created.board} title={created.title} onDone={() => setCreated(null)} />
        ) : (
          <div className="mk-landing-grid">
            <CreateBoard onCreated={onCreated} />
            <ImportBoard onCreated={onCreated} />
          </div>
        )}
        {signIn.state === 'signedIn' && <MyBoards />}
        <RecentBoards />
      </main>
    </div>
  );
}
