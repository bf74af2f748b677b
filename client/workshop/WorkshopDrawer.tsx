// The workshop panel that opens beside the canvas: participants, agreement, votes, comments, brainstorm.
import { useI18n } from '../i18n/I18nProvider';
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
  if (!panel || presenting) return null;
  return (
    <section id="mk-ws-drawer" className="mk-ws-drawer" aria-label={t(TITLES[panel])} data-testid={`drawer-${panel}`}>
      <div className="mk-ws-drawer-head">
        <h2>{t(TITLES[panel])}</h2>
        <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={() => setPanel(null)} aria-label={t('wsPanelClose')}>
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
