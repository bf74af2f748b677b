import { useState } from 'react';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { useT } from '../i18n/I18nProvider';
import { ApiError, createBoard, type CreatedBoard } from '../api';

export function CreateBoard({ onCreated }: { onCreated(board: CreatedBoard, title: string): void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (input: { title: string } | { board: unknown }, shownTitle: string) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createBoard(input), shownTitle);
    } catch (err) {
      setError(t('errorGeneric', { message: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const exampleTitle = (EXAMPLE_BOARD as { meta: { title: string } }).meta.title;

  return (
    <section className="mk-card-panel" aria-labelledby="mk-create-h">
      <h2 id="mk-create-h">{t('createTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const name = title.trim() || t('untitledBoard');
          void run({ title: name }, name);
        }}
      >
        <label className="mk-field">
          <span>{t('boardTitleLabel')}</span>
          <input
            name="title"
            value={title}
            maxLength={500}
            placeholder={t('boardTitlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <div className="mk-row">
          <button type="submit" className="mk-btn mk-btn-primary" disabled={busy} data-testid="create-empty">
            {t('createEmpty')}
          </button>
          <button
            type="button"
            className="mk-btn"
            disabled={busy}
            data-testid="create-example"
            onClick={() => {
              // A name typed above names the copy of the example too.
              const name = title.trim();
              const example = EXAMPLE_BOARD as { meta: Record<string, unknown> };
              const board = name ? { ...example, meta: { ...example.meta, title: name } } : EXAMPLE_BOARD;
              void run({ board }, name || exampleTitle);
            }}
          >
            {t('createExample')}
          </button>
        </div>
      </form>
      {busy && <p role="status">{t('working')}</p>}
      {error && (
        <p role="alert" className="mk-error">
          {error}
        </p>
      )}
    </section>
  );
}
