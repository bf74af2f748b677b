// One share link: what its role allows, the link in a read-only field and a copy button.
// Used after creating a board, in the «Del» dialog and in «Tavler du har åpnet».
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import type { LinkKind } from '../../shared';

export const ROLE_TEXT: Record<LinkKind, { label: StringKey; help: StringKey }> = {
  owner: { label: 'roleOwner', help: 'roleOwnerHelp' },
  editor: { label: 'roleEditor', help: 'roleEditorHelp' },
  viewer: { label: 'roleViewer', help: 'roleViewerHelp' },
  stat: { label: 'roleStat', help: 'roleStatHelp' },
  kommune: { label: 'roleKommune', help: 'roleKommuneHelp' },
};

/** Copies text to the clipboard (falls back to a hidden textarea where the Clipboard API is refused). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const active = document.activeElement as HTMLElement | null;
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
    active?.focus?.();
  }
}

export function LinkRow({ role, url, onCopied, testId, compact }: { role: LinkKind; url: string; onCopied?(): void; testId?: string; compact?: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const roleName = t(ROLE_TEXT[role].label);
  return (
    <li className={`mk-share-item mk-role-${role}`}>
      <div className="mk-share-head">
        <strong>{roleName}</strong>
        {!compact && <span className="mk-muted">{t(ROLE_TEXT[role].help)}</span>}
      </div>
      <div className="mk-row">
        <input readOnly value={url} aria-label={t('linkFieldLabel', { role: roleName })} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="mk-btn"
          aria-label={t('copyLinkLabel', { role: roleName })}
          onClick={() => {
            void copyText(url).then(() => {
              onCopied?.();
              setCopied(true);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => setCopied(false), 2000);
            });
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <span className="mk-visually-hidden" aria-live="polite">
          {copied ? t('copied') : ''}
        </span>
      </div>
    </li>
  );
}
