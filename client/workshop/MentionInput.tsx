// A comment box that suggests participants after "@" (arrow keys and Enter or Tab to pick). Enter
// sends, Shift+Enter starts a new line. Mentions are the participants whose "@Name" the text holds.
import { useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/I18nProvider';
import { usePeers } from '../ui/usePeers';
import { allThreads } from '../../shared';
import { participantsOf } from './participants';
import { useWorkshop } from './WorkshopContext';

export interface Mentionable {
  participantId: string;
  name: string;
}

/** Everyone who can be mentioned: people here now and everyone who has written a comment. */
export function useMentionables(): Mentionable[] {
  const peers = usePeers();
  const { ws } = useWorkshop();
  return useMemo(() => {
    const byId = new Map<string, Mentionable>();
    for (const th of allThreads(ws.doc)) for (const m of th.messages) byId.set(m.participantId, { participantId: m.participantId, name: m.name });
    for (const p of participantsOf(peers)) byId.set(p.participantId, { participantId: p.participantId, name: p.name });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [peers, ws, ws.version]);
}

/** The "@…" being typed before the caret, and the people whose names start with it (at most six). */
function suggest(people: readonly Mentionable[], text: string, caret: number): { query: RegExpExecArray | null; suggestions: Mentionable[] } {
  const query = /@([^\s@]*)$/u.exec(text.slice(0, caret));
  const typed = query ? query[1]!.toLowerCase() : '';
  return { query, suggestions: query ? people.filter((p) => p.name.toLowerCase().startsWith(typed)).slice(0, 6) : [] };
}

export function mentionsIn(text: string, people: readonly Mentionable[]): string[] {
  return people.filter((p) => text.includes(`@${p.name}`)).map((p) => p.participantId);
}

/**
 * Where the suggestion list goes: fixed to the viewport beside the box (below it, or above when
 * there is no room), drawn at the page's top level so no panel's scrolling or overflow clips it.
 */
function useListPlace(anchor: React.RefObject<HTMLElement | null>, open: boolean): CSSProperties {
  const [place, setPlace] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!open || !anchor.current) return;
    const update = () => {
      const r = anchor.current!.getBoundingClientRect();
      const below = window.innerHeight - r.bottom;
      const style: CSSProperties = { position: 'fixed', left: Math.max(4, Math.min(r.left, window.innerWidth - 260)), minWidth: Math.min(r.width, 320), zIndex: 1000 };
      if (below >= 200 || below >= r.top) Object.assign(style, { top: r.bottom + 2, maxHeight: below - 8 });
      else Object.assign(style, { bottom: window.innerHeight - r.top + 2, maxHeight: r.top - 8 });
      setPlace(style);
    };
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [anchor, open]);
  return place;
}

export function MentionInput({ label, onSend, testId, autoFocus, onEscape }: {
  label: string;
  onSend(text: string, mentions: string[]): boolean;
  testId: string;
  autoFocus?: boolean;
  /** Escape with no suggestions open (a reply box closes and gives focus back to «Svar»). */
  onEscape?(): void;
}) {
  const { t } = useI18n();
  const people = useMentionables();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const { query, suggestions } = suggest(people, text, caret);
  const open = suggestions.length > 0 && dismissed !== caret;
  const place = useListPlace(box, open);

  // The box as the person sees it: the text and caret are read from it again after every key, so
  // a selection event React skipped (it compares with its own last selection, not ours) cannot
  // leave the list filtered by an older caret.
  const readBox = () => {
    const el = box.current;
    if (!el) return;
    setText(el.value);
    setCaret(el.selectionStart ?? el.value.length);
  };

  const pickPerson = (p: Mentionable, at = { text, caret, query }) => {
    if (!at.query) return;
    const start = at.caret - at.query[0].length;
    const next = `${at.text.slice(0, start)}@${p.name} ${at.text.slice(at.caret)}`;
    setText(next);
    setCaret(start + p.name.length + 2);
    setActive(0);
  };
  const send = () => {
    const v = text.trim();
    if (!v) return;
    if (onSend(v, mentionsIn(v, people))) {
      setText('');
      setCaret(0);
    }
  };

  return (
    <div className="mk-ws-mention">
      <label className="mk-field">
        <span className="mk-visually-hidden">{label}</span>
        <textarea
          ref={box}
          autoFocus={autoFocus}
          rows={2}
          value={text}
          maxLength={2000}
          placeholder={t('wsCommentPlaceholder')}
          aria-label={label}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setActive(0);
          }}
          onSelect={(e) => setCaret((e.target as HTMLTextAreaElement).selectionStart ?? 0)}
          onKeyUp={readBox}
          onClick={readBox}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              if (open) setDismissed(caret);
              else if (onEscape) onEscape();
              else return;
              e.preventDefault();
              e.stopPropagation();
              return;
            }
            if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
            } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
              e.preventDefault();
              // Picked from what the box holds now, not from the last render's state.
              const el = e.currentTarget;
              const now = { text: el.value, caret: el.selectionStart ?? el.value.length };
              const live = suggest(people, now.text, now.caret);
              const shown = suggestions[Math.min(active, suggestions.length - 1)]!;
              const person = live.suggestions.find((p) => p.participantId === shown.participantId) ?? live.suggestions[0];
              if (person) pickPerson(person, { ...now, query: live.query });
            } else if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
          data-testid={testId}
        />
      </label>
      {open && createPortal(
        <ul id={listId} role="listbox" className="mk-popover mk-ws-mention-list" aria-label={t('wsMentionSuggestions')} style={place} data-testid="mention-list">
          {suggestions.map((p, i) => (
            <li
              key={p.participantId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`mk-menu-item${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pickPerson(p);
              }}
              data-testid="mention-option"
            >
              @{p.name}
            </li>
          ))}
        </ul>,
        document.body,
      )}
      <div className="mk-row mk-row-end">
        <button type="button" className="mk-btn mk-btn-small mk-btn-primary" disabled={!text.trim()} onClick={send} data-testid={`${testId}-send`}>
          {t('wsSend')}
        </button>
      </div>
    </div>
  );
}

/** A message's text with its mentions set apart. */
export function MessageText({ text, people }: { text: string; people: readonly Mentionable[] }) {
  const names = people.map((p) => p.name).filter(Boolean).sort((a, b) => b.length - a.length);
  if (!names.length) return <>{text}</>;
  const re = new RegExp(`(@(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'g');
  return (
    <>
      {text.split(re).map((part, i) =>
        i % 2 ? (
          <strong key={i} className="mk-ws-mention-tag">
            {part}
          </strong>
        ) : (
          part
        ),
      )}
    </>
  );
}
