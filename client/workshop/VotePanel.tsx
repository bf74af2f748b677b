// Dot votes: the facilitator starts one; while it is open nobody sees counts (voteResults gives
// none); closed votes stay listed with their ranked results, one of them shown on the cards.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { voteResults, voterCount } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { focusCard } from '../ui/focusCard';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { VoteStartDialog } from './VoteStartDialog';
import { formatWhen } from '../i18n/format';

export function VotePanel() {
  const { t, lang } = useI18n();
  const { ws, isFacilitator } = useWorkshop();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  useWorkshopVersion();
  const [starting, setStarting] = useState(false);
  const votes = ws.allVotes();
  const open = ws.openVote();
  const shown = ws.shownResultsVote();

  return (
    <div className="mk-ws-votes" data-testid="vote-panel">
      {isFacilitator ? (
        !open && (
          <button type="button" className="mk-btn mk-btn-primary" onClick={() => setStarting(true)} data-testid="start-vote">
            {t('wsVoteStart')}
          </button>
        )
      ) : (
        <p className="mk-muted mk-small">{t('wsVoteOnlyFacilitator')}</p>
      )}
      {open && (
        <section className="mk-ws-vote-open">
          <h3>{t('wsVoteOpen', { title: open.title })}</h3>
          <p className="mk-muted">{t('wsVoteHidden')}</p>
        </section>
      )}
      <h3>{t('wsVotePast')}</h3>
      {votes.filter((v) => v.status === 'closed').length === 0 && <p className="mk-muted mk-small">{t('wsVoteNone')}</p>}
      {votes
        .filter((v) => v.status === 'closed')
        .map((v) => {
          const results = voteResults(ws.doc, v.id) ?? [];
          return (
            <section key={v.id} className="mk-ws-vote-result" data-testid="vote-result" data-vote-id={v.id}>
              <h4>{t('wsVoteResults', { title: v.title })}</h4>
              <p className="mk-muted mk-small">
                {v.closedAt ? formatWhen(v.closedAt, lang) : ''} · {t('wsVoteVoters', { n: voterCount(ws.doc, v.id) })}
              </p>
              <label className="mk-check">
                <input type="radio" name="mk-shown-vote" checked={shown?.id === v.id} onChange={() => ws.showResults(v.id)} />
                {t('wsVoteShowOnCards')}
              </label>
              <ul className="mk-list mk-ws-ranked" data-testid="ranked-list">
                {results.map((r) => (
                  <li key={r.targetId} data-card-id={r.targetId} data-dots={r.dots}>
                    <button type="button" className="mk-list-btn" onClick={() => focusCard(rf, store, r.targetId)}>
                      <span className="mk-ws-rank">{r.rank}.</span> <strong>{r.dots} ●</strong> {r.title || r.targetId}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {shown && (
        <button type="button" className="mk-btn mk-btn-small" onClick={() => ws.showResults(null)}>
          ✕ {t('wsVoteShowOnCards')}
        </button>
      )}
      {starting && <VoteStartDialog onClose={() => setStarting(false)} />}
    </div>
  );
}
