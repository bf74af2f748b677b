// Filters by owner, kind, tier and bærekraftsmål (only the cards that name it); hidden cards (and their links) leave the canvas until cleared.
import { useEffect, useState } from 'react';
import { NODE_KIND_LABELS, NODE_KINDS, OWNER_LABELS, OWNERS, SDG_GOALS, TIER_LABELS, TIERS, sdgGoalOf, type Localized } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';

type Sets = { owner: Set<string>; kind: Set<string>; tier: Set<string> };
const empty = (): Sets => ({ owner: new Set(), kind: new Set(), tier: new Set() });

export function FilterMenu() {
  const { t, pick } = useI18n();
  const { store } = useBoardContext();
  const [open, setOpen] = useState(false);
  // Each set lists what is hidden; empty means all shown.
  const [hidden, setHidden] = useState<Sets>(empty);
  const [sdg, setSdg] = useState<number | null>(null);
  const count = hidden.owner.size + hidden.kind.size + hidden.tier.size + (sdg === null ? 0 : 1);
  useEffect(() => {
    store.setFilter(
      count === 0
        ? null
        : (c) =>
            !hidden.owner.has(c.owner) && !hidden.kind.has(c.kind) && !hidden.tier.has(c.tier) &&
            (sdg === null || (c.sdg ?? []).some((code) => sdgGoalOf(code)?.number === sdg)),
    );
  }, [hidden, sdg, count, store]);
  useEffect(() => () => store.setFilter(null), [store]);

  const toggle = (group: keyof Sets, value: string) =>
    setHidden((h) => {
      const next = { ...h, [group]: new Set(h[group]) };
      if (next[group].has(value)) next[group].delete(value);
      else next[group].add(value);
      return next;
    });

  const section = (group: keyof Sets, title: string, values: readonly string[], labels: Record<string, Localized>) => (
    <fieldset className="mk-filter-group">
      <legend>{title}</legend>
      {values.map((v) => (
        <label key={v} className="mk-check">
          <input type="checkbox" checked={!hidden[group].has(v)} onChange={() => toggle(group, v)} data-filter={`${group}:${v}`} />
          {pick(labels[v]!)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="mk-filter">
      <button type="button" className={`mk-btn${count ? ' is-active' : ''}`} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('filters')}
        {count > 0 && <span className="mk-count">{count}</span>}
      </button>
      {open && (
        <div className="mk-popover mk-filter-pop" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {section('owner', t('filterOwner'), OWNERS, OWNER_LABELS)}
          {section('tier', t('filterTier'), TIERS, TIER_LABELS)}
          {section('kind', t('filterKind'), NODE_KINDS, NODE_KIND_LABELS)}
          <label className="mk-field">
            <span>{t('filterSdg')}</span>
            <select value={sdg ?? ''} onChange={(e) => setSdg(e.target.value ? Number(e.target.value) : null)} data-filter="sdg">
              <option value="">{t('filterSdgAll')}</option>
              {SDG_GOALS.map((g) => (
                <option key={g.number} value={g.number}>
                  {g.number} {pick(g.name)}
                </option>
              ))}
            </select>
          </label>
          <div className="mk-row mk-row-end">
            <button type="button" className="mk-btn mk-btn-small" onClick={() => {
              setHidden(empty());
              setSdg(null);
            }}>
              {t('filterClear')}
            </button>
            <button type="button" className="mk-btn mk-btn-small mk-btn-primary" onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
