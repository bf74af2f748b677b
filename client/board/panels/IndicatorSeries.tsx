// An indicator's measured values in the inspector (issue #14 §4): the state against baseline and
// target, a small line chart, the values as a table, and a form to add one. The series lives in
// its own Y.Map (shared/indicators/seriesDoc.ts), observed here so a colleague's value appears at once.
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  PERIOD_PATTERN, assessIndicator, parseCsvNumber, readSeries, removeIndicatorValue, setIndicatorValues, valuesMap,
  type BoardNode, type IndicatorValue,
} from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { CsvImportDialog } from './CsvImportDialog';
import { SeriesChart } from '../nodes/SeriesChart';
import { STATE_KEYS, TREND_KEYS } from '../nodes/indicatorState';

function useSeries(id: string): IndicatorValue[] {
  const { store } = useBoardContext();
  const [series, setSeries] = useState(() => readSeries(store.doc, id));
  useEffect(() => {
    const map = valuesMap(store.doc);
    const update = () => setSeries(readSeries(store.doc, id));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [store.doc, id]);
  return series;
}

export function IndicatorSeries({ card, readOnly }: { card: BoardNode; readOnly: boolean }) {
  const { t, pick, lang } = useI18n();
  const { store, actions } = useBoardContext();
  const series = useSeries(card.id);
  const num = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 }).format(n);
  const a = assessIndicator({ ...card, series });
  const trendKey = TREND_KEYS[a.trend];
  const stateText = t(STATE_KEYS[a.state]) + (trendKey && a.state !== 'noData' ? `, ${t(trendKey)}` : '');
  const idBase = useId();
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const origin = actions.origin;
  const [csvOpen, setCsvOpen] = useState(false);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!PERIOD_PATTERN.test(period.trim())) return setError(t('seriesBadPeriod'));
    const n = parseCsvNumber(value);
    if (n === null) return setError(t('seriesBadValue'));
    const v: IndicatorValue = { period: period.trim(), value: n };
    if (source.trim()) v.source = source.trim();
    const r = setIndicatorValues(store.doc, [{ indicatorId: card.id, value: v }], origin);
    if (!r.ok) return setError(pick(r.message));
    setError(null);
    setPeriod('');
    setValue('');
    document.getElementById(`${idBase}-period`)?.focus();
  };

  return (
    <section className="mk-series" aria-labelledby={`${idBase}-title`} data-testid="indicator-series">
      <h3 id={`${idBase}-title`} className="mk-group-title">{t('seriesTitle')}</h3>
      <p role="status" data-testid="series-state">
        {a.latest ? `${t('seriesLatest', { value: num(a.latest.value), period: a.latest.period })}. ` : ''}
        {stateText}
      </p>
      <SeriesChart series={series} target={card.target?.value} label={t('seriesChart', { points: series.map((v) => `${v.period}: ${num(v.value)}`).join(', ') })} />
      {series.length === 0 ? (
        <p>{t('seriesEmpty')}</p>
      ) : (
        <table className="mk-series-table">
          <thead>
            <tr>
              <th scope="col">{t('seriesPeriod')}</th>
              <th scope="col">{t('seriesValue')}</th>
              <th scope="col">{t('seriesSource')}</th>
              {!readOnly && <th scope="col"><span className="mk-visually-hidden">{t('seriesRemove', { period: '' })}</span></th>}
            </tr>
          </thead>
          <tbody>
            {[...series].reverse().map((v) => (
              <tr key={v.period}>
                <th scope="row">{v.period}</th>
                <td>{num(v.value)}</td>
                <td>{[v.source, v.comment].filter(Boolean).join(' – ')}</td>
                {!readOnly && (
                  <td>
                    <button type="button" className="mk-btn mk-btn-small" aria-label={t('seriesRemove', { period: v.period })} onClick={() => removeIndicatorValue(store.doc, card.id, v.period, origin)}>
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <form className="mk-series-add" onSubmit={add} aria-describedby={error ? `${idBase}-err` : undefined}>
          <label htmlFor={`${idBase}-period`}>{t('seriesPeriod')}</label>
          <input id={`${idBase}-period`} value={period} onChange={(e) => setPeriod(e.target.value)} placeholder="2025" inputMode="text" size={8} data-testid="series-period" />
          <label htmlFor={`${idBase}-value`}>{t('seriesValue')}</label>
          <input id={`${idBase}-value`} value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" size={8} data-testid="series-value" />
          <label htmlFor={`${idBase}-source`}>{t('seriesSource')}</label>
          <input id={`${idBase}-source`} value={source} onChange={(e) => setSource(e.target.value)} size={12} />
          <button type="submit" className="mk-btn" data-testid="series-add">{t('seriesAdd')}</button>
          {error && <span id={`${idBase}-err`} className="mk-field-error" role="alert">{error}</span>}
        </form>
      )}
      {!readOnly && (
        <button type="button" className="mk-btn" onClick={() => setCsvOpen(true)} data-testid="csv-open">{t('csvOpen')}</button>
      )}
      {csvOpen && <CsvImportDialog onClose={() => setCsvOpen(false)} />}
    </section>
  );
}
