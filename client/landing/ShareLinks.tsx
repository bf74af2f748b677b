// After creating: the owner, editor and viewer links, each with a copy button and what it allows.
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { boardLink, type CreatedBoard, type Role } from '../api';
import { navigate } from '../navigation';
import type { StringKey } from '../i18n/strings';

const ROLES: { role: Role; label: StringKey; help: StringKey }[] = [
  { role: 'owner', label: 'roleOwner', help: 'roleOwnerHelp' },
  { role: 'editor', label: 'roleEditor', help: 'roleEditorHelp' },
  { role: 'viewer', label: 'roleViewer', help: 'roleViewerHelp' },
];

export function ShareLinks({ board, title, onDone }: { board: CreatedBoard; title: string; onDone(): void }) {
  const t = useT();
  const [copied, setCopied] = useState<Role | null>(null);
  const copy = async (role: Role, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const ta = document.createElement('textarea');
      ta.value = url;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setCopied(role);
    setTimeout(() => setCopied((c) => (c === role ? null : c)), 2000);
  };
  return (
    <section className="mk-card-panel mk-share" aria-labelledby="mk-share-h" data-testid="share-links">
      <h2 id="mk-share-h">
        {t('created')}: {title}
      </h2>
      <p className="mk-muted">{t('createdHelp')}</p>
      <ul className="mk-share-list">
        {ROLES.map(({ role, label, help }) => {
          const url = boardLink(board.id, board.tokens[role]);
          return (
            <li key={role} className={`mk-share-item mk-role-${role}`}>
              <div className="mk-share-head">
                <strong>{t(label)}</strong>
                <span className="mk-muted">{t(help)}</span>
              </div>
              <div className="mk-row">
                <input readOnly value={url} aria-label={t(label)} data-testid={`link-${role}`} onFocus={(e) => e.target.select()} />
                <button type="button" className="mk-btn" onClick={() => void copy(role, url)} aria-live="polite">
                  {copied === role ? t('copied') : t('copy')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mk-row">
        <button type="button" className="mk-btn mk-btn-primary" onClick={() => navigate(`/b/${encodeURIComponent(board.id)}?token=${encodeURIComponent(board.tokens.owner)}`)}>
          {t('openBoard')}
        </button>
        <button type="button" className="mk-btn mk-btn-ghost" onClick={onDone}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
