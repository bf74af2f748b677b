// The workshop row under the toolbar, on every screen: who facilitates, follow-me, the timer, the
// open vote, the workshop panels and presentation mode.
import type { ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { openThreads } from '../../shared';
import { useWorkshop, useWorkshopVersion, type PanelName } from './WorkshopContext';
import { Timer } from './Timer';
import { VoteStatus } from './VoteStatus';
import { useLetterKeys } from '../ui/preferences';

const PANELS: [PanelName, StringKey][] = [
  ['people', 'wsParticipants'],
  ['agreement', 'wsAgreement'],
  ['votes', 'wsVotes'],
  ['comments', 'wsComments'],
  ['brainstorm', 'wsBrainstorm'],
];

/** `meeting`: the facilitator's «Marker møtestart» (MeetingStart, which needs the board's link). */
export function WorkshopBar({ meeting }: { meeting?: ReactNode } = {}) {
  const { t } = useI18n();
  const { ws, wa, me, isFacilitator, following, setFollowing, panel, setPanel, presenting, setPresenting, canEdit } = useWorkshop();
  const letterKeys = useLetterKeys();
  useWorkshopVersion();
  const rf = useReactFlow();
  const facilitator = ws.facilitator();
  const openThreadCount = openThreads(ws.doc).length;

  return (
    <div className="mk-ws-bar" role="toolbar" aria-label={t('wsToolbar')} data-testid="workshop-bar">
      <span className="mk-ws-lead" data-testid="facilitator-name">
        {facilitator ? t('wsFacilitatorIs', { name: facilitator.name }) : t('wsNoFacilitator')}
      </span>
      {facilitator && !isFacilitator && (
        <button
          type="button"
          className={`mk-btn mk-btn-small${following ? ' is-active' : ''}`}
          aria-pressed={following}
          onClick={() => setFollowing(!following)}
          data-testid="follow-toggle"
        >
          {following ? '◉ ' : '○ '}
          {t('wsFollow')}
        </button>
      )}
      {isFacilitator && (
        <button type="button" className="mk-btn mk-btn-small" onClick={() => wa.summon(rf.getViewport())} data-testid="summon">
          {t('wsSummon')}
        </button>
      )}
      {meeting}
      <Timer />
      <VoteStatus />
      <span className="mk-ws-spacer" />
      {!presenting && (
        <div className="mk-ws-panels" role="group">
          {PANELS.filter(([p]) => p !== 'brainstorm' || canEdit).map(([p, label]) => (
            <button
              key={p}
              type="button"
              className={`mk-btn mk-btn-small${panel === p ? ' is-active' : ''}`}
              aria-pressed={panel === p}
              aria-controls={panel ? 'mk-ws-drawer' : undefined}
              onClick={() => setPanel(panel === p ? null : p)}
              data-testid={`panel-${p}`}
            >
              {t(label)}
              {p === 'comments' && openThreadCount > 0 && <span className="mk-count">{openThreadCount}</span>}
            </button>
          ))}
        </div>
      )}
      <button
        type="button"
        className={`mk-btn mk-btn-small${presenting ? ' is-active' : ''}`}
        aria-pressed={presenting}
        aria-keyshortcuts={letterKeys ? 'Shift+P' : undefined}
        title={presenting || !letterKeys ? undefined : `${t('wsPresent')} (Shift+P)`}
        onClick={() => setPresenting(!presenting)}
        data-testid="present-toggle"
      >
        {presenting ? t('wsPresentLeave') : t('wsPresent')}
      </button>
      <span className="mk-visually-hidden">{me.name}</span>
    </div>
  );
}
