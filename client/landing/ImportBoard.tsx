// Import an interchange file: checked here first (errors with their paths), then by the server.
import { useRef, useState } from 'react';
import { parseBoardJsonText, type ImportError } from '../../shared';
import { useT } from '../i18n/I18nProvider';
import { ApiError, createBoard, type CreatedBoard } from '../api';

export function ImportBoard({ onCreated }: { onCreated(board: CreatedBoard, title: string): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setErrors([]);
    setMessage(null);
    setBusy(true);
    try {
      const parsed = parseBoardJsonText(await file.text());
      if (!parsed.ok) {
        setErrors(parsed.errors);
        return;
      }
      onCreated(await createBoard({ board: parsed.board }), parsed.board.meta.title);
    } catch (err) {
      if (err instanceof ApiError && err.details.length) setErrors(err.details);
      else setMessage(t('errorGeneric', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="mk-card-panel" aria-labelledby="mk-import-h">
      <h2 id="mk-import-h">{t('importTitle')}</h2>
      <p className="mk-muted">{t('importHelp')}</p>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="mk-visually-hidden"
        id="mk-import-file"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void onFile(f);
        }}
      />
      <label htmlFor="mk-import-file" className="mk-btn" aria-disabled={busy}>
        {t('importButton')}
      </label>
      {busy && <p role="status">{t('working')}</p>}
      {message && (
        <p role="alert" className="mk-error">
          {message}
        </p>
      )}
      {errors.length > 0 && (
        <div role="alert" className="mk-error-box" data-testid="import-errors">
          <p>{t('importErrors')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
