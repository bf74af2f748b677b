// The open vote in the workshop bar: its question and your dots left; the facilitator closes it.
// No count of anyone's dots is ever read here.
import { useI18n } from '../i18n/I18nProvider';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';

export function VoteStatus() {
  const { t } = useI18n();
  const { ws, wa, isFacilitator, canEdit } = useWorkshop();
  useWorkshopVersion();
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
        <button type="button" className="mk-btn mk-btn-small mk-btn-primary" onClick={() => wa.closeVote(vote.id)} data-testid="close-vote">
          {t('wsVoteClose')}
        </button>
      )}
    </span>
  );
}
