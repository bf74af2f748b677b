// Inspector inputs that keep a local draft, validate as you type, and write only valid values.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Localized } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';

export type Check<T> = (raw: string) => { ok: true; value: T } | { ok: false; error: string };

function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return { draft, setDraft, focused };
}

interface TextProps<T> {
  id?: string;
  label: string;
  value: string;
  check: Check<T>;
  commit(value: T): string | null;
  readOnly: boolean;
  multiline?: boolean;
  type?: 'text' | 'number' | 'url';
  testId?: string;
}

/** A text input bound to one field. `commit` returns an error text when the board refuses. */
export function TextField<T>({ id, label, value, check, commit, readOnly, multiline, type = 'text', testId }: TextProps<T>) {
  const auto = useId();
  const inputId = id ?? auto;
  const { draft, setDraft, focused } = useDraft(value);
  const [error, setError] = useState<string | null>(null);
  const onChange = (raw: string) => {
    setDraft(raw);
    const r = check(raw);
    if (!r.ok) return setError(r.error);
    setError(commit(r.value));
  };
  const common = {
    id: inputId,
    value: draft,
    readOnly,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${inputId}-err` : undefined,
    'data-testid': testId,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      if (error) {
        setDraft(value);
        setError(null);
      }
    },
  };
  return (
    <div className={`mk-field${error ? ' has-error' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <span id={`${inputId}-err`} className="mk-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string | undefined;
  options: readonly string[];
  labels: Record<string, Localized>;
  allowNone?: boolean;
  readOnly: boolean;
  commit(value: string | null): string | null;
  testId?: string;
}

export function SelectField({ label, value, options, labels, allowNone, readOnly, commit, testId }: SelectProps) {
  const { t, pick } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [value]);
  return (
    <div className={`mk-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={readOnly}
        data-testid={testId}
        aria-invalid={!!error}
        onChange={(e) => setError(commit(e.target.value === '' ? null : e.target.value))}
      >
        {(allowNone || !value) && <option value="">{t('none')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o] ? pick(labels[o]!) : o}
          </option>
        ))}
      </select>
      {error && (
        <span className="mk-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mk-field-group">
      <legend>{title}</legend>
      <div className="mk-field-pair">{children}</div>
    </fieldset>
  );
}
