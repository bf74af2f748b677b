// The workshop's marks on a card: each side's agreement ("Avtalt" when both, "Endret etter
// enighet" when the content changed since), "Enig" for stat/kommune participants, open comment
// threads, the dot control of an open vote (your own dots only) and, once closed, the result.
import { memo, useContext } from 'react';
import { SIDE_LABELS, isAgreeableKind, type BoardNode } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { WorkshopCoreContext, useCardMarks } from './WorkshopContext';
import { formatWhen } from '../i18n/format';

export const CardMarks = memo(function CardMarks({ card }: { card: BoardNode }) {
  const ctx = useContext(WorkshopCoreContext);
  const marks = useCardMarks(card.id);
  const { t, pick, lang } = useI18n();
  if (!ctx) return null;
  const { wa, ws, canEdit, openComments, boundSide, online } = ctx;
  const agreeable = isAgreeableKind(card.kind);
  const a = marks.agreement;
  const state = a?.state ?? 'open';
  // Only a stat or kommune link agrees, for its own side, through the server (#16).
  const mySide = boundSide ?? null;
  const title = card.title || t('untitledCard');
  const tip = (side: 'stat' | 'kommune') => {
    const r = a?.[side];
    return r
      ? t('wsAgreedBy', { side: pick(SIDE_LABELS[side]), name: r.verified ? t('verifiedName', { name: r.name }) : r.name, when: formatWhen(r.at, lang) })
      : t('wsNotYetAgreed', { side: pick(SIDE_LABELS[side]) });
  };
  // Viewers watch a vote but place no dots.
  const voting = canEdit ? marks.voting : undefined;
  const vote = voting ? ws.openVote() : null;
  const setMine = (n: number) => {
    if (!vote) return;
    const next = { ...ws.myDots(vote.id) };
    if (n > 0) next[card.id] = n;
    else delete next[card.id];
    void wa.castDots(vote.id, next);
  };

  const showAgreement = agreeable && (state !== 'open' || a?.changed || (canEdit && mySide));
  // A card no one gave a dot shows no result at all, rather than «0 ●».
  const result = marks.result && marks.result.dots > 0 ? marks.result : null;
  if (!showAgreement && !marks.openThreads && !voting && !result) return null;
  return (
    <div className="mk-ws-marks nodrag nopan" data-testid="card-marks">
      {agreeable && state === 'avtalt' && (
        <span className="mk-ws-avtalt-badge" title={`${tip('stat')}\n${tip('kommune')}`} data-testid="avtalt">
          ✓✓ {t('wsAgreed')}
        </span>
      )}
      {agreeable && state !== 'avtalt' &&
        (['stat', 'kommune'] as const).map((side) =>
          a?.[side] ? (
            <span key={side} className={`mk-ws-side-tag mk-side-${side}`} title={tip(side)} data-testid={`agreed-${side}`}>
              {pick(SIDE_LABELS[side])} ✓
            </span>
          ) : null,
        )}
      {a?.changed && (
        <span className="mk-ws-changed-tag" title={t('wsChangedAfterHelp')} data-testid="changed-tag">
          {t('wsChangedAfter')}
        </span>
      )}
      {agreeable && canEdit && mySide && !a?.[mySide] && (
        <button
          type="button"
          className="mk-ws-agree-btn"
          // Kept focusable while offline, so the reason can be read; a click then says it.
          aria-disabled={!online || undefined}
          title={online ? undefined : t('wsOfflineReason')}
          onClick={() => void wa.agree(card.id)}
          aria-label={`${t('wsAgreeLong', { side: pick(SIDE_LABELS[mySide]) })}: ${title}${online ? '' : ` – ${t('wsOfflineReason')}`}`}
          data-testid="card-agree"
        >
          ✓ {t('wsAgree')}
        </button>
      )}
      {marks.openThreads > 0 && (
        <button
          type="button"
          className="mk-ws-comment-badge"
          onClick={() => openComments(card.id, 'node')}
          aria-label={t('wsCommentsOpen', { n: marks.openThreads })}
          title={t('wsCommentsOpen', { n: marks.openThreads })}
          data-testid="comment-badge"
        >
          ✉ {marks.openThreads}
        </button>
      )}
      {voting && vote && (
        <span className="mk-ws-dots" data-testid="dot-control">
          <button
            type="button"
            className="mk-ws-dot-btn"
            disabled={!canEdit || voting.mine === 0}
            onClick={() => setMine(voting.mine - 1)}
            aria-label={t('wsDotRemove', { title })}
            data-testid="dot-remove"
          >
            −
          </button>
          <span className="mk-ws-my-dots" title={t('wsMyDots', { n: voting.mine })} data-testid="my-dots">
            {'●'.repeat(Math.min(voting.mine, 10)) || '○'}
          </span>
          <button
            type="button"
            className="mk-ws-dot-btn"
            disabled={!canEdit || voting.left <= 0}
            onClick={() => setMine(voting.mine + 1)}
            aria-label={t('wsDotAdd', { title })}
            data-testid="dot-add"
          >
            +
          </button>
        </span>
      )}
      {result && (
        <span className="mk-ws-result" data-testid="vote-count" data-count={result.dots} title={t('wsVoteCount', { n: result.dots })}>
          #{result.rank} · {result.dots} ●
        </span>
      )}
    </div>
  );
});
