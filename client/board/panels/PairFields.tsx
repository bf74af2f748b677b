// Two-part fields (value + year, from + to) that write only when the pair is complete and valid.
import { useId, useState } from 'react';
import type { Period, YearValue } from '../../../shared';
import { useT } from '../../i18n/I18nProvider';
import { numberCheck, yearCheck } from './checks';
import type { Writer } from './lastWriter';
import { useLiveDraft } from './liveDraft';
import { Notice } from './fields';

// The pair is kept as one draft string ("a\u0000b") so a change to either half made elsewhere is
// seen, and told about, like any other field's.
const SEP = '\u0000';
function usePair(a: string, b: string, whoChanged?: () => Writer | null) {
  const live = useLiveDraft(`${a}${SEP}${b}`, whoChanged);
  const [x = '', y = ''] = live.draft.split(SEP);
  return { pair: [x, y] as [string, string], setPair: (p: [string, string]) => live.setDraft(p.join(SEP)), live };
}

function PairInputs(props: {
  legend: string;
  labels: [string, string];
  pair: [string, string];
  error: string | null;
  readOnly: boolean;
  onChange(pair: [string, string]): void;
  live: ReturnType<typeof usePair>['live'];
  testId?: string;
}) {
  const id = useId();
  const { legend, labels, pair, error, readOnly, onChange, live, testId } = props;
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
              aria-describedby={live.notice ? `${id}-notice` : undefined}
              onFocus={live.onFocus}
              onBlur={live.onBlur}
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
      <Notice id={`${id}-notice`} notice={live.notice} onUseTheirs={live.useTheirs} />
    </fieldset>
  );
}

export function YearValueField({ legend, value, readOnly, commit, testId, whoChanged }: { legend: string; value: YearValue | undefined; readOnly: boolean; commit(v: YearValue | null): string | null; testId?: string; whoChanged?(): Writer | null }) {
  const t = useT();
  const { pair, setPair, live } = usePair(value ? String(value.value) : '', value ? String(value.year) : '', whoChanged);
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
  return <PairInputs legend={legend} labels={[t('fieldValue'), t('fieldYear')]} pair={pair} error={error} readOnly={readOnly} onChange={onChange} live={live} testId={testId} />;
}

export function PeriodField({ value, readOnly, commit, whoChanged }: { value: Period | undefined; readOnly: boolean; commit(v: Period | null): string | null; whoChanged?(): Writer | null }) {
  const t = useT();
  const { pair, setPair, live } = usePair(value?.from != null ? String(value.from) : '', value?.to != null ? String(value.to) : '', whoChanged);
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
    <PairInputs legend={t('fieldPeriod')} labels={[t('fieldPeriodFrom'), t('fieldPeriodTo')]} pair={pair} error={error} readOnly={readOnly} onChange={onChange} live={live} />
  );
}
