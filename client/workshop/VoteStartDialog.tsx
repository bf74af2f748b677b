// The facilitator starts a dot vote: a question, the cards (the selection, every card of a kind,
// or every card in a band) and how many dots each participant gets.
import { useState } from 'react';
import { NODE_KINDS, NODE_KIND_LABELS, TIERS, TIER_LABELS, type NodeKind, type Tier } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { Modal } from '../ui/Modal';
import { useBoardContext } from '../board/BoardContext';
import { useWorkshop } from './WorkshopContext';

type Scope = 'selection' | 'kind' | 'band';

export function VoteStartDialog({ onClose }: { onClose(): void }) {
  const { t, pick } = useI18n();
  const { store } = useBoardContext();
  const { wa } = useWorkshop();
  const selected = store.selectedNodeIds();
  const [title, setTitle] = useState(t('wsVoteTitleDefault'));
  const [scope, setScope] = useState<Scope>(selected.length ? 'selection' : 'kind');
  const [kind, setKind] = useState<NodeKind>('goal');
  const [tier, setTier] = useState<Tier>('kommuneplan');
  const [dots, setDots] = useState(3);
  const all = [...store.allCards()];
  const targets =
    scope === 'selection' ? selected : scope === 'kind' ? all.filter((c) => c.kind === kind).map((c) => c.id) : all.filter((c) => c.tier === tier).map((c) => c.id);

  return (
    <Modal title={t('wsVoteStart')} onClose={onClose}>
      <form
        data-testid="vote-start-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!targets.length || !title.trim()) return;
          void wa.startVote(title.trim(), targets, dots).then((id) => id && onClose());
        }}
      >
        <label className="mk-field">
          <span>{t('wsVoteTitle')}</span>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="vote-title" />
        </label>
        <fieldset className="mk-field-group">
          <legend>{t('wsVoteScope')}</legend>
          <label className="mk-check">
            <input type="radio" name="mk-vote-scope" checked={scope === 'selection'} disabled={!selected.length} onChange={() => setScope('selection')} data-testid="scope-selection" />
            {t('wsVoteScopeSelection', { n: selected.length })}
          </label>
          <label className="mk-check">
            <input type="radio" name="mk-vote-scope" checked={scope === 'kind'} onChange={() => setScope('kind')} data-testid="scope-kind" />
            {t('wsVoteScopeKind')}
            <select value={kind} onChange={(e) => (setKind(e.target.value as NodeKind), setScope('kind'))} aria-label={t('wsVoteScopeKind')}>
              {NODE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {pick(NODE_KIND_LABELS[k])}
                </option>
              ))}
            </select>
          </label>
          <label className="mk-check">
            <input type="radio" name="mk-vote-scope" checked={scope === 'band'} onChange={() => setScope('band')} data-testid="scope-band" />
            {t('wsVoteScopeBand')}
            <select value={tier} onChange={(e) => (setTier(e.target.value as Tier), setScope('band'))} aria-label={t('wsVoteScopeBand')}>
              {TIERS.map((k) => (
                <option key={k} value={k}>
                  {pick(TIER_LABELS[k])}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <label className="mk-field">
          <span>{t('wsVoteDots')}</span>
          <input type="number" min={1} max={20} value={dots} onChange={(e) => setDots(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} data-testid="vote-dots" />
        </label>
        {!targets.length && <p className="mk-error">{t('wsVoteNoTargets')}</p>}
        <div className="mk-row mk-row-end">
          <button type="button" className="mk-btn" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="mk-btn mk-btn-primary" disabled={!targets.length || !title.trim()} data-testid="vote-start-submit">
            {t('wsVoteStart')} ({targets.length})
          </button>
        </div>
      </form>
    </Modal>
  );
}
