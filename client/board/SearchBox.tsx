// Search by title: hits are highlighted on the canvas and listed; choosing one jumps to the card.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useT } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import { focusCard } from '../ui/focusCard';

const norm = (s: string) => s.toLocaleLowerCase('nb').normalize('NFKD');

export function SearchBox() {
  const t = useT();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const version = useSyncExternalStore(store.subscribeGraph, store.getGraphVersion);
  const hits = useMemo(() => {
    const needle = norm(q.trim());
    if (!needle) return [];
    return [...store.allCards()].filter((c) => norm(c.title).includes(needle)).sort((a, b) => a.title.localeCompare(b.title));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, version, store]);
  useEffect(() => {
    store.setMatches(new Set(hits.map((h) => h.id)));
  }, [hits, store]);
  useEffect(() => () => store.setMatches(new Set()), [store]);

  const jump = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    setActive(i);
    focusCard(rf, store, hit.id);
    setOpen(false);
  };
  const listShown = open && !!q.trim();
  return (
    <div className="mk-search" role="search">
      <input
        id="mk-search"
        type="text"
        role="combobox"
        value={q}
        placeholder={t('search')}
        aria-label={t('search')}
        aria-autocomplete="list"
        // A combobox may say whether its list is open, and name the list only while it is in the page.
        aria-expanded={listShown}
        aria-controls={listShown ? 'mk-search-hits' : undefined}
        aria-activedescendant={listShown && hits[active] ? `mk-search-hit-${active}` : undefined}
        autoComplete="off"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            jump(active);
          } else if (e.key === 'Escape') {
            setQ('');
            setOpen(false);
          }
        }}
      />
      {listShown && (
        <ul id="mk-search-hits" className="mk-popover mk-search-hits" role="listbox" aria-label={t('search')}>
          {hits.length === 0 && (
            <li className="mk-muted" role="option" aria-selected={false} aria-disabled="true">
              {t('searchNoHits')}
            </li>
          )}
          {hits.slice(0, 10).map((h, i) => (
            <li
              key={h.id}
              id={`mk-search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={`mk-menu-item${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => jump(i)}
            >
              {h.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
