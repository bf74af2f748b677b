// Board title, connection state, who is here, language and help.
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { navigate } from '../navigation';
import { useBoardContext } from './BoardContext';
import type { SyncState } from './connectionStatus';
import { usePeers } from '../ui/usePeers';
import type { StringKey } from '../i18n/strings';
import { useReactFlow } from '@xyflow/react';
import { SearchBox } from './SearchBox';
import { FilterMenu } from './FilterMenu';
import { ExportMenu } from './ExportMenu';
import { ShareButton } from './ShareDialog';
import { AuditButton } from '../audit/AuditDialog';
import { BoardTitle } from './BoardTitle';
import { SIDE_LABELS, isSide } from '../../shared';
import { sideColor } from '../workshop/sideColors';
import { motionMs } from './motion';
import { SignInBar } from '../auth/SignInBar';
import { useLetterKeys } from '../ui/preferences';

const STATUS: Record<SyncState, StringKey> = {
  online: 'statusOnline',
  connecting: 'statusConnecting',
  reconnecting: 'statusReconnecting',
  offline: 'statusOffline',
  closed: 'statusClosed',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function TopBar({ title, state, onHelp, onSnapshots, boardId, token, outlineOpen, onOutline }: { title: string; state: SyncState; onHelp(): void; onSnapshots(): void; boardId: string; token: string; outlineOpen: boolean; onOutline(): void }) {
  const { t, pick } = useI18n();
  const { readOnly, role } = useBoardContext();
  const peers = usePeers();
  const rf = useReactFlow();
  const letterKeys = useLetterKeys();
  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') }[role];
  return (
    <header className="mk-topbar">
      <a
        href="/"
        className="mk-brand mk-brand-small"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        <span className="mk-logo" aria-hidden="true" />
        <span>{t('appName')}</span>
      </a>
      <BoardTitle title={title} />
      <span className={`mk-role-badge mk-role-${role}`}>{readOnly ? t('readOnly') : roleLabel}</span>
      <div className="mk-viewtools">
        <button type="button" className={`mk-btn${outlineOpen ? ' is-active' : ''}`} aria-pressed={outlineOpen} onClick={onOutline} data-testid="outline-toggle">
          {t('outline')}
        </button>
        <SearchBox />
        <FilterMenu />
        <button type="button" className="mk-btn" onClick={() => void rf.fitView({ padding: 0.08, duration: motionMs(300) })} aria-keyshortcuts={letterKeys ? 'F' : undefined}>
          {t('fit')}
        </button>
        <ExportMenu boardId={boardId} token={token} />
        <button type="button" className="mk-btn" onClick={onSnapshots} data-testid="snapshots-button">
          {t('snapshotsTitle')}
        </button>
      </div>
      <div className="mk-topbar-right">
        <span className={`mk-status mk-status-${state}`} role="status" data-testid="sync-state" data-state={state} title={t(STATUS[state])}>
          <span className="mk-status-dot" aria-hidden="true" />
          <span className="mk-status-text">{t(STATUS[state])}</span>
        </span>
        <ul className="mk-avatars" aria-label={t('people')}>
          {peers.map((p) => (
            <li
              key={p.clientId}
              className={`mk-avatar${p.role === 'viewer' ? ' is-viewer' : ''}${isSide(p.user?.side) ? ` mk-side-${p.user.side}` : ''}`}
              style={{ background: sideColor(p.user?.side, p.color) }}
              data-side={p.user?.side ?? undefined}
              data-verified={p.user?.verified ? 'true' : undefined}
              title={`${p.user?.verified ? t('verifiedName', { name: p.name }) : p.name}${p.self ? ` (${t('you')})` : ''}${isSide(p.user?.side) ? ` – ${pick(SIDE_LABELS[p.user.side])}` : ''}${p.role === 'viewer' ? ` – ${t('roleViewer')}` : ''}`}
            >
              <span aria-hidden="true">{initials(p.name)}</span>
              {p.user?.verified && (
                <span className="mk-avatar-verified" aria-hidden="true">
                  ✓
                </span>
              )}
              <span className="mk-visually-hidden">
                {p.user?.verified ? t('verifiedName', { name: p.name }) : p.name}
                {p.self ? ` (${t('you')})` : ''}
                {isSide(p.user?.side) ? `, ${pick(SIDE_LABELS[p.user.side])}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <SignInBar />
        <ShareButton boardId={boardId} token={token} />
        {role === 'owner' && !readOnly && <AuditButton boardId={boardId} token={token} />}
        <LanguageSwitch />
        <button type="button" className="mk-btn mk-btn-ghost" onClick={onHelp} aria-keyshortcuts={letterKeys ? '? F1' : 'F1'}>
          {t('help')}
        </button>
      </div>
    </header>
  );
}
