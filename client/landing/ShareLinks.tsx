// After creating: the owner, editor and viewer links, each with a copy button and what it allows.
// The links are already kept under «Tavler du har åpnet»; «Lukk» warns once if none was copied.
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { boardLink, type CreatedBoard, type Role } from '../api';
import { boardPath, navigate } from '../navigation';
import { LinkRow } from './LinkRow';

const ROLES: Role[] = ['owner', 'editor', 'viewer'];

export function ShareLinks({ board, title, onDone }: { board: CreatedBoard; title: string; onDone(): void }) {
  const t = useT();
  const [copiedAny, setCopiedAny] = useState(false);
  const [warned, setWarned] = useState(false);
  return (
    <section className="mk-card-panel mk-share" aria-labelledby="mk-share-h" data-testid="share-links">
      <h2 id="mk-share-h">
        {t('created')}: {title}
      </h2>
      <p className="mk-muted">{t('createdHelp')}</p>
      <ul className="mk-share-list">
        {ROLES.map((role) => (
          <LinkRow key={role} role={role} url={boardLink(board.id, board.tokens[role])} testId={`link-${role}`} onCopied={() => setCopiedAny(true)} />
        ))}
      </ul>
      {warned && !copiedAny && (
        <p role="alert" className="mk-warning" data-testid="close-warning">
          {t('closeUncopiedWarning')}
        </p>
      )}
      <div className="mk-row">
        <button type="button" className="mk-btn mk-btn-primary" onClick={() => navigate(boardPath(board.id, board.tokens.owner))}>
          {t('openBoard')}
        </button>
        <button
          type="button"
          className="mk-btn mk-btn-ghost"
          data-testid="share-close"
          onClick={() => {
            // Warn once: the links are safe in this browser, but nowhere else yet.
            if (!copiedAny && !warned) setWarned(true);
            else onDone();
          }}
        >
          {t('close')}
        </button>
      </div>
    </section>
  );
}
