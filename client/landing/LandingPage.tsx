// The start page: create a board (empty, from the example, from a file), share its links,
// and the boards this browser has opened.
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { CreatedBoard } from '../api';
import { CreateBoard } from './CreateBoard';
import { ImportBoard } from './ImportBoard';
import { ShareLinks } from './ShareLinks';
import { RecentBoards } from './RecentBoards';
import { rememberLinks } from './recentBoards';

export function LandingPage() {
  const t = useT();
  const [created, setCreated] = useState<{ board: CreatedBoard; title: string } | null>(null);
  const onCreated = (board: CreatedBoard, title: string) => {
    // All three links, so closing the panel never orphans the board (kept in this browser only).
    rememberLinks(board.id, board.tokens, { title });
    setCreated({ board, title });
  };
  return (
    <div className="mk-landing">
      <header className="mk-landing-header">
        <div className="mk-brand">
          <span className="mk-logo" aria-hidden="true" />
          <h1>{t('appName')}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <main className="mk-landing-main">
        <p className="mk-tagline">{t('tagline')}</p>
        {created ? (
          <ShareLinks board={created.board} title={created.title} onDone={() => setCreated(null)} />
        ) : (
          <div className="mk-landing-grid">
            <CreateBoard onCreated={onCreated} />
            <ImportBoard onCreated={onCreated} />
          </div>
        )}
        <RecentBoards />
      </main>
    </div>
  );
}
