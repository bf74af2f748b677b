// Two-part fields (value + year, from + to) that write only when the pair is complete and valid.
import { useEffect, useId, useRef, useState } from 'react';
import type { Period, YearValue } from '../../../shared';
import { useT } from '../../i18n/I18nProvider';
import { numberCheck, yearCheck } from './checks';

function usePair(a: string, b: string) {
  const [pair, setPair] = useState<[string, string]>([a, b]);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setPair([a, b]);
  }, [a, b]);
  return { pair, setPair, focused };
}

function PairInputs(props: {
  legend: string;
  labels: [string, string];
  pair: [string, string];
  error: string | null;
  readOnly: boolean;
  onChange(pair: [string, string]): void;
  focused: React.MutableRefObject<boolean>;
  testId?: string;
}) {
  const id = useId();
  const { legend, labels, pair, error, readOnly, onChange, focused, testId } = props;
  return (
    <fieldset className={`mk-field-group${error ? ' has-error' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      <div className="mk-field-pair">
        {[0, 1].map((i) => (
          <div className="mk-field" key={i}>
            <label htmlFor={`${id}-${i}`}>{labels[i]}</label>
            <input
              id={`${id}-${i}`}
              inputMode={i === 0 ? 'decimal' : 'numeric'}
              value={pair[i]}
              readOnly={readOnly}
              aria-invalid={!!error}
              onFocus={() => (focused.current = true)}
              onBlur={() => (focused.current = false)}
              onChange={(e) => onChange(i === 0 ? [e.target.value, pair[1]] : [pair[0], e.target.value])}
            />
          </div>
        ))}
      </div>
      {error && (
        <span className="mk-field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

export function YearValueField({ legend, value, readOnly, commit, testId }: { legend: string; value: YearValue | undefined; readOnly: boolean; commit(v: YearValue | null): string | null; testId?: string }) {
  const t = useT();
  const { pair, setPair, focused } = usePair(value ? String(value.value) : '', value ? String(value.year) : '');
  const [error, setError] = useState<string | null>(null);
  const onChange = (next: [string, string]) => {
    setPair(next);
    const v = numberCheck(t)(next[0]);
    const y = yearCheck(t)(next[1]);
    if (!v.ok) return setError(v.error);
    if (!y.ok) return setError(y.error);
    if (v.value === null && y.value === null) return setError(commit(null));
    if (v.value === null || y.value === null) return setError(t('invalidPair'));
    setError(commit({ value: v.value, year: y.value }));
  };
  return <PairInputs legend={legend} labels={[t('fieldValue'), t('fieldYear')]} pair={pair} error={error} readOnly={readOnly} onChange={onChange} focused={focused} testId={testId} />;
}

export function PeriodField({ value, readOnly, commit }: { value: Period | undefined; readOnly: boolean; commit(v: Period | null): string | null }) {
  const t = useT();
  const { pair, setPair, focused } = usePair(value?.from != null ? String(value.from) : '', value?.to != null ? String(value.to) : '');
  const [error, setError] = useState<string | null>(null);
  const onChange = (next: [string, string]) => {
    setPair(next);
    const a = yearCheck(t)(next[0]);
    const b = yearCheck(t)(next[1]);
    if (!a.ok) return setError(a.error);
    if (!b.ok) return setError(b.error);
    if (a.value !== null && b.value !== null && a.value > b.value) return setError(t('invalidPeriod'));
    if (a.value === null && b.value === null) return setError(commit(null));
    const p: Period = {};
    if (a.value !== null) p.from = a.value;
    if (b.value !== null) p.to = b.value;
    setError(commit(p));
  };
  return (
    <PairInputs legend={t('fieldPeriod')} labels={[t('fieldPeriodFrom'), t('fieldPeriodTo')]} pair={pair} error={error} readOnly={readOnly} onChange={onChange} focused={focused} />
  );
}
