// Linking without a mouse: L (or «Koble fra dette kortet») opens this picker. Type part of a
// title, move with the arrow keys, Enter links; the cards nearest the source come first when
// nothing is typed. Cards the rules refuse are listed with the reason and cannot be chosen.
import { useId, useMemo, useState } from 'react';
import { NODE_KIND_LABELS, isOneOf, NODE_KINDS, type BoardNode } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';
import { Modal } from '../ui/Modal';
import { linkChoice } from './linkChoice';

const SHOWN = 12;
const norm = (s: string) => s.toLocaleLowerCase('nb').normalize('NFKD');

export function LinkPicker({ source, onPick, onCancel }: { source: string; onPick(target: string): void; onCancel(): void }) {
  const { t, pick, lang } = useI18n();
  const { store } = useBoardContext();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const from = store.card(source);
  const hits = useMemo(() => {
    const needle = norm(q.trim());
    const all = [...store.allCards()].filter((c) => c.id !== source);
    let list: BoardNode[];
    if (needle) {
      list = all
        .map((c) => ({ c, at: norm(c.title).indexOf(needle) }))
        .filter((h) => h.at >= 0)
        .sort((a, b) => a.at - b.at || a.c.title.localeCompare(b.c.title))
        .map((h) => h.c);
    } else {
      const p = from?.position ?? { x: 0, y: 0 };
      list = all.sort((a, b) => Math.hypot(a.position.x - p.x, a.position.y - p.y) - Math.hypot(b.position.x - p.x, b.position.y - p.y));
    }
    return list.slice(0, SHOWN).map((c) => ({ card: c, choice: linkChoice(store.maps, source, c.id) }));
  }, [q, store, source, from]);
  const choose = (i: number) => {
    const h = hits[i];
    if (h?.choice.ok) onPick(h.card.id);
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Modal title={t('linkPickerTitle', { title: from?.title || t('untitledCard') })} onClose={onCancel}>
      <div className="mk-link-picker" data-testid="link-picker">
        <label className="mk-field">
          <span>{t('linkPickerSearch')}</span>
          <input
            type="text"
            role="combobox"
            autoFocus
            autoComplete="off"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={hits[active] ? optionId(active) : undefined}
            value={q}
            data-testid="link-picker-input"
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const d = e.key === 'ArrowDown' ? 1 : -1;
                setActive((a) => Math.max(0, Math.min(hits.length - 1, a + d)));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                choose(active);
              }
            }}
          />
        </label>
        <ul id={listId} role="listbox" className="mk-link-picker-list" aria-label={t('linkPickerSearch')}>
          {hits.length === 0 && <li className="mk-muted">{t('searchNoHits')}</li>}
          {hits.map((h, i) => {
            const kind = isOneOf(NODE_KINDS, h.card.kind) ? pick(NODE_KIND_LABELS[h.card.kind]) : h.card.kind;
            const refused = h.choice.ok ? null : h.choice.refusal.message[lang];
            return (
              <li
                key={h.card.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                aria-disabled={!h.choice.ok}
                data-card-id={h.card.id}
                className={`mk-link-picker-item${i === active ? ' is-active' : ''}${refused ? ' is-refused' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setActive(i);
                  choose(i);
                }}
              >
                <span className="mk-link-picker-title">{h.card.title || t('untitledCard')}</span>
                <span className="mk-muted"> · {kind}</span>
                {refused && <span className="mk-link-picker-refused">{refused}</span>}
              </li>
            );
          })}
        </ul>
      </div>
    </Modal>
  );
}
