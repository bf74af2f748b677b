// The workshop panel that opens beside the canvas: participants, agreement, votes, comments, brainstorm.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { focusCanvas } from '../board/panels/inspectorFocus';
import type { StringKey } from '../i18n/strings';
import { useWorkshop, type PanelName } from './WorkshopContext';
import { ParticipantsPanel } from './ParticipantsPanel';
import { AgreementPanel } from './AgreementPanel';
import { VotePanel } from './VotePanel';
import { CommentsPanel } from './CommentsPanel';
import { BrainstormPanel } from './BrainstormPanel';

const TITLES: Record<PanelName, StringKey> = {
  people: 'wsParticipants',
  agreement: 'wsAgreement',
  votes: 'wsVotes',
  comments: 'wsComments',
  brainstorm: 'wsBrainstorm',
};

export function WorkshopDrawer() {
  const { t } = useI18n();
  const { panel, setPanel, presenting } = useWorkshop();
  const ref = useRef<HTMLElement>(null);
  // The control that opened the panel gets focus back when it closes (Escape, ✕ or its own button).
  const opener = useRef<HTMLElement | null>(null);
  const shown = !!panel && !presenting;
  useEffect(() => {
    if (shown) {
      const active = document.activeElement as HTMLElement | null;
      if (active && active !== document.body && !ref.current?.contains(active)) opener.current = active;
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (!back) return;
    const now = document.activeElement;
    if (!now || now === document.body) {
      if (back.isConnected) back.focus();
      else focusCanvas();
    }
  }, [shown]);
  if (!panel || presenting) return null;
  const close = () => {
    const back = opener.current;
    setPanel(null);
    if (back?.isConnected) back.focus();
  };
  return (
    <section
      ref={ref}
      tabIndex={-1}
      id="mk-ws-drawer"
      className="mk-ws-drawer"
      aria-label={t(TITLES[panel])}
      data-testid={`drawer-${panel}`}
      onKeyDown={(e) => {
        // Escape closes the panel, unless something inside it used the key (a suggestion list, a field's own Escape).
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        close();
      }}
    >
      <div className="mk-ws-drawer-head">
        <h2>{t(TITLES[panel])}</h2>
        <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={close} aria-label={t('wsPanelClose')} data-testid="drawer-close">
          ✕
        </button>
      </div>
      <div className="mk-ws-drawer-body">
        {panel === 'people' && <ParticipantsPanel />}
        {panel === 'agreement' && <AgreementPanel />}
        {panel === 'votes' && <VotePanel />}
        {panel === 'comments' && <CommentsPanel />}
        {panel === 'brainstorm' && <BrainstormPanel />}
      </div>
    </section>
  );
}
