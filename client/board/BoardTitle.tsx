// The board's title in the top bar; editors rename it in place (Enter saves, Escape cancels).
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';

export function BoardTitle({ title }: { title: string }) {
  const t = useT();
  const { actions, readOnly } = useBoardContext();
  const [draft, setDraft] = useState<string | null>(null);

  if (draft === null) {
    return (
      <div className="mk-board-title-wrap">
        <h1 className="mk-board-title" title={title}>
          {title || t('untitledBoard')}
        </h1>
        {!readOnly && (
          <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={() => setDraft(title)} aria-label={t('renameBoard')} title={t('renameBoard')}>
            ✎
          </button>
        )}
      </div>
    );
  }

  const trimmed = draft.trim();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed) return;
    if (trimmed !== title) actions.renameBoard(trimmed);
    setDraft(null);
  };
  return (
    <form className="mk-board-title-wrap" onSubmit={save}>
      <input
        className="mk-board-title-input"
        aria-label={t('boardTitleLabel')}
        aria-invalid={!trimmed}
        value={draft}
        maxLength={500}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setDraft(null);
          }
        }}
        onBlur={(e) => {
          if (trimmed && trimmed !== title) actions.renameBoard(trimmed);
          if (!e.currentTarget.form?.contains(e.relatedTarget as Node | null)) setDraft(null);
        }}
      />
      <button type="submit" className="mk-btn mk-btn-small" disabled={!trimmed}>
        {t('save')}
      </button>
    </form>
  );
}
