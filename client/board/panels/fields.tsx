// Inspector inputs that keep a local draft, validate as you type, and write only valid values.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Localized } from '../../../shared';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { Writer } from './lastWriter';
import { useLiveDraft, type FieldNotice } from './liveDraft';

export type Check<T> = (raw: string) => { ok: true; value: T } | { ok: false; error: string };

/** Tells the person in a field that someone else changed it (see liveDraft.ts). */
export function Notice({ id, notice, onUseTheirs }: { id: string; notice: FieldNotice | null; onUseTheirs?(): void }) {
  const t = useT();
  if (!notice) return null;
  return (
    <span id={id} className="mk-field-notice" role="status" data-testid="field-notice">
      {notice.text}
      {notice.theirs !== undefined && onUseTheirs && (
        <>
          {' '}
          <button type="button" className="mk-link-btn" onMouseDown={(e) => e.preventDefault()} onClick={onUseTheirs}>
            {t('fieldUseTheirs')}
          </button>
        </>
      )}
    </span>
  );
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
  /** The name of whoever last changed the stored value (shown if it changes while the person is in the field). */
  whoChanged?(): Writer | null;
}

/** A text input bound to one field. `commit` returns an error text when the board refuses. */
export function TextField<T>({ id, label, value, check, commit, readOnly, multiline, type = 'text', testId, whoChanged }: TextProps<T>) {
  const auto = useId();
  const inputId = id ?? auto;
  const live = useLiveDraft(value, whoChanged);
  const { draft, setDraft } = live;
  const [error, setError] = useState<string | null>(null);
  const onChange = (raw: string) => {
    setDraft(raw);
    const r = check(raw);
    if (!r.ok) return setError(r.error);
    setError(commit(r.value));
  };
  const describedBy = [error && `${inputId}-err`, live.notice && `${inputId}-notice`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: inputId,
    value: draft,
    readOnly,
    'aria-invalid': !!error,
    'aria-describedby': describedBy,
    'data-testid': testId,
    onFocus: live.onFocus,
    onBlur: () => {
      live.onBlur();
      if (error) {
        live.reset(value);
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
      <Notice id={`${inputId}-notice`} notice={live.notice} onUseTheirs={() => {
        live.useTheirs();
        setError(null);
      }} />
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
  whoChanged?(): Writer | null;
}

export function SelectField({ label, value, options, labels, allowNone, readOnly, commit, testId, whoChanged }: SelectProps) {
  const { t, pick } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [value]);
  // A select has no draft: its value is always the stored one; the live draft only tells who changed it.
  const live = useLiveDraft(value ?? '', whoChanged);
  return (
    <div className={`mk-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={readOnly}
        data-testid={testId}
        aria-invalid={!!error}
        aria-describedby={live.notice ? `${id}-notice` : undefined}
        onFocus={live.onFocus}
        onBlur={live.onBlur}
        onChange={(e) => {
          live.setDraft(e.target.value);
          setError(commit(e.target.value === '' ? null : e.target.value));
        }}
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
      <Notice id={`${id}-notice`} notice={live.notice} />
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
