// The open vote in the workshop bar: its question and your dots left; the facilitator closes it.
// No count of anyone's dots is ever read here.
import { voterCount } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { usePeers } from '../ui/usePeers';
import { participantsOf } from './participants';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';

export function VoteStatus() {
  const { t } = useI18n();
  const { ws, wa, isFacilitator, canEdit } = useWorkshop();
  useWorkshopVersion();
  const peers = usePeers();
  const vote = ws.openVote();
  if (!vote) return null;
  const left = ws.myDotsLeft(vote.id);
  return (
    <span className="mk-ws-vote-status" data-testid="vote-status" data-vote-id={vote.id}>
      <strong>{t('wsVoteOpen', { title: vote.title })}</strong>
      {canEdit && (
        <span className="mk-ws-dots-left" data-testid="dots-left" data-left={left}>
          {t('wsDotsLeft', { n: left })}
        </span>
      )}
      {isFacilitator && (
        <span className="mk-ws-voted" data-testid="voted-count" data-voted={voterCount(ws.doc, vote.id)}>
          {t('wsVotedOf', { n: voterCount(ws.doc, vote.id), m: votersOnline(peers) })}
        </span>
      )}
      {isFacilitator && (
        <button type="button" className="mk-btn mk-btn-small mk-btn-primary" onClick={() => wa.closeVote(vote.id)} data-testid="close-vote">
          {t('wsVoteClose')}
        </button>
      )}
    </span>
  );
}

/** The people here who can place dots (editors and owners), each counted once however many tabs they have open. */
function votersOnline(peers: ReturnType<typeof usePeers>): number {
  return participantsOf(peers).filter((p) => p.role !== 'viewer').length;
}
