// The outline view's editing dialogs: a card (new child, new sibling, or edit title, kind, owner
// and band), a link through a searchable list of cards, and a comment. Plain form controls, so
// they work the same with a keyboard and a screen reader; refusals are shown in the dialog.
import { useContext, useMemo, useState } from 'react';
import {
  NODE_KINDS, OWNERS, TIERS, DEFAULT_OWNER_FOR_TIER, NODE_KIND_LABELS, OWNER_LABELS, TIER_LABELS,
  type EdgeKind, type NodeKind, type Owner, type Position, type Tier,
} from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { Modal } from '../ui/Modal';
import { bandTop, CARD_WIDTH, clampIntoBand } from '../../shared';
import { linkChoice } from '../board/linkChoice';
import { WorkshopCoreContext } from '../workshop/WorkshopContext';
import { edgeKindLabel } from '../board/nodes/ariaNames';
import type { OutlineTree } from './outlineModel';

export type CardDialogMode =
  | { type: 'edit'; id: string }
  /** A new card in a band, under `parentId` (linked «delmål av» it), placed after `after` if given. */
  | { type: 'new'; tier: Tier; parentId: string | null; after: string | null };

const GAP_X = CARD_WIDTH + 40;
const norm = (s: string) => s.toLocaleLowerCase('nb').normalize('NFKD');

export function CardDialog({ mode, tree, onDone }: { mode: CardDialogMode; tree: OutlineTree; onDone(newId: string | null): void }) {
  const { t, pick } = useI18n();
  const { store, actions } = useBoardContext();
  const existing = mode.type === 'edit' ? store.card(mode.id) : undefined;
  const parent = mode.type === 'new' && mode.parentId ? store.card(mode.parentId) : undefined;
  const startTier: Tier = existing ? ((TIERS as readonly string[]).includes(existing.tier) ? existing.tier : 'national') : mode.type === 'new' ? mode.tier : 'national';
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<NodeKind>(existing?.kind ?? 'goal');
  const [tier, setTier] = useState<Tier>(startTier);
  const [owner, setOwner] = useState<Owner>(existing?.owner ?? DEFAULT_OWNER_FOR_TIER[startTier]);
  const [error, setError] = useState<string | null>(null);

  /** Where a new card goes: right of its last sibling, or under its parent, kept inside its band. */
  const placeNew = (): Position => {
    if (mode.type !== 'new') return { x: 0, y: 0 };
    const siblings = (mode.parentId ? tree.children.get(mode.parentId) : tree.roots[mode.tier]) ?? [];
    const sibCards = siblings.map((id) => store.card(id)).filter((c) => !!c);
    const anchor = mode.after ? store.card(mode.after) : undefined;
    let x: number;
    let y: number;
    if (sibCards.length) {
      x = Math.max(...sibCards.map((c) => c.position.x)) + GAP_X;
      y = anchor?.position.y ?? sibCards[sibCards.length - 1]!.position.y;
    } else if (parent) {
      x = parent.position.x;
      y = parent.position.y + 150;
    } else {
      x = 0;
      y = bandTop(tier) + 60;
    }
    if (tier !== mode.tier) y = bandTop(tier) + 60;
    return { x, y: clampIntoBand(tier, y) };
  };

  const save = () => {
    const clean = title.trim();
    if (!clean) return setError(t('invalidRequired'));
    if (mode.type === 'new') {
      const id = actions.createCard(kind, placeNew(), clean);
      if (!id) return setError(t('refused'));
      store.flush();
      if (store.card(id)?.owner !== owner) actions.updateCard(id, { owner });
      if (parent) actions.linkCards(id, parent.id, 'partOf');
      return onDone(id);
    }
    if (!existing) return onDone(null);
    actions.endGesture();
    if (clean !== existing.title) {
      const r = actions.updateCard(existing.id, { title: clean });
      if (!r.ok) return setError(pick(r.message));
    }
    if (kind !== existing.kind && !actions.changeKind(existing.id, kind)) return setError(t('refused'));
    if (owner !== existing.owner) {
      const r = actions.updateCard(existing.id, { owner });
      if (!r.ok) return setError(pick(r.message));
    }
    if (tier !== startTier) {
      const y = clampIntoBand(tier, existing.position.y - bandTop(startTier) + bandTop(tier));
      actions.moveCards({ [existing.id]: { x: existing.position.x, y } });
    }
    actions.endGesture();
    onDone(null);
  };

  return (
    <Modal title={mode.type === 'edit' ? t('olEditTitle') : t('olNewTitle')} onClose={() => onDone(null)}>
      <form
        data-testid="ol-card-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="mk-field">
          <span>{t('fieldTitle')}</span>
          <input autoFocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!error} data-testid="ol-title" />
        </label>
        <div className="mk-field-pair">
          <label className="mk-field">
            <span>{t('fieldKind')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as NodeKind)} data-testid="ol-kind">
              {NODE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {pick(NODE_KIND_LABELS[k])}
                </option>
              ))}
            </select>
          </label>
          <label className="mk-field">
            <span>{t('fieldOwner')}</span>
            <select value={owner} onChange={(e) => setOwner(e.target.value as Owner)} data-testid="ol-owner">
              {OWNERS.map((o) => (
                <option key={o} value={o}>
                  {pick(OWNER_LABELS[o])}
                </option>
              ))}
            </select>
          </label>
          <label className="mk-field">
            <span>{t('fieldTier')}</span>
            <select value={tier} onChange={(e) => setTier(e.target.value as Tier)} data-testid="ol-tier">
              {TIERS.map((x) => (
                <option key={x} value={x}>
                  {pick(TIER_LABELS[x])}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p className="mk-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="mk-row mk-row-end">
          <button type="button" className="mk-btn" onClick={() => onDone(null)}>
            {t('cancel')}
          </button>
          <button type="submit" className="mk-btn mk-btn-primary" data-testid="ol-save">
            {mode.type === 'edit' ? t('save') : t('olCreate')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

const MAX_LISTED = 40;

export function LinkDialog({ source, onDone }: { source: string; onDone(): void }) {
  const { t, pick } = useI18n();
  const { store, actions } = useBoardContext();
  const from = store.card(source);
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [kind, setKind] = useState<EdgeKind | null>(null);
  const matches = useMemo(() => {
    const needle = norm(q.trim());
    return [...store.allCards()]
      .filter((c) => c.id !== source && (!needle || norm(c.title).includes(needle)))
      .sort((a, b) => a.title.localeCompare(b.title, 'nb'));
  }, [q, store, source]);
  const choice = target ? linkChoice(store.maps, source, target) : null;
  const kinds = choice?.ok ? choice.kinds : [];
  const chosenKind = kind && kinds.includes(kind) ? kind : (kinds[0] ?? null);
  const save = () => {
    if (!target || !chosenKind) return;
    if (actions.linkCards(source, target, chosenKind)) onDone();
  };
  return (
    <Modal title={t('olLinkTitle', { title: from?.title || t('untitledCard') })} onClose={onDone} wide>
      <form
        data-testid="ol-link-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="mk-field">
          <span>{t('olLinkSearch')}</span>
          <input type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} data-testid="ol-link-search" />
        </label>
        <fieldset className="mk-field-group mk-ol-pick">
          <legend>{t('olLinkCards', { n: matches.length })}</legend>
          {matches.length === 0 && <p className="mk-muted">{t('searchNoHits')}</p>}
          {matches.slice(0, MAX_LISTED).map((c) => (
            <label key={c.id} className="mk-check">
              <input type="radio" name="mk-ol-target" value={c.id} checked={target === c.id} onChange={() => setTarget(c.id)} data-testid={`ol-target-${c.id}`} />
              {c.title || t('untitledCard')} <span className="mk-ol-muted">({pick(NODE_KIND_LABELS[c.kind] ?? { nb: c.kind, nn: c.kind, en: c.kind })}, {pick(TIER_LABELS[c.tier] ?? { nb: c.tier, nn: c.tier, en: c.tier })})</span>
            </label>
          ))}
        </fieldset>
        {!target && <p className="mk-muted">{t('olLinkChoose')}</p>}
        {choice && !choice.ok && (
          <p className="mk-field-error" role="alert">
            {pick(choice.refusal.message)}
          </p>
        )}
        {kinds.length > 0 && (
          <label className="mk-field">
            <span>{t('olLinkKind')}</span>
            <select value={chosenKind ?? ''} onChange={(e) => setKind(e.target.value as EdgeKind)} data-testid="ol-link-kind">
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {edgeKindLabel(pick, k)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="mk-row mk-row-end">
          <button type="button" className="mk-btn" onClick={onDone}>
            {t('cancel')}
          </button>
          <button type="submit" className="mk-btn mk-btn-primary" disabled={!chosenKind} data-testid="ol-link-save">
            {t('olLinkSave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function CommentDialog({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const { store } = useBoardContext();
  const core = useContext(WorkshopCoreContext);
  const [text, setText] = useState('');
  const c = store.card(id);
  return (
    <Modal title={t('olCommentTitle', { title: c?.title || t('untitledCard') })} onClose={onDone}>
      <form
        data-testid="ol-comment-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim() || !core) return;
          if (core.wa.startThread(id, 'node', text.trim(), [])) onDone();
        }}
      >
        <label className="mk-field">
          <span>{t('olCommentText')}</span>
          <textarea autoFocus rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="ol-comment-text" />
        </label>
        <div className="mk-row mk-row-end">
          <button type="button" className="mk-btn" onClick={onDone}>
            {t('cancel')}
          </button>
          <button type="submit" className="mk-btn mk-btn-primary" disabled={!text.trim()} data-testid="ol-comment-send">
            {t('wsSend')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
