// Beside a comparison: the legend, a count, and every change since the snapshot, with changed
// fields as old → new. An entry jumps to its card on the canvas (a link's entry to its source card).
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { useBoardContext } from '../board/BoardContext';
import { focusCard } from '../ui/focusCard';
import { SIDE_LABELS, type BoardDiff, type BoardJson } from '../../shared';
import { formatDateTime } from '../i18n/format';
import { changeEntries, countChanges, DIFF_MARKS, formatFieldValue } from './diffMarks';
import type { IndicatorValue } from '../../shared';
import { DIFF_HELP, DiffBadge } from './DiffBadge';

const FIELD_LABELS: Record<string, StringKey> = {
  kind: 'fieldKind', title: 'fieldTitle', description: 'fieldDescription', tier: 'fieldTier', owner: 'fieldOwner', level: 'fieldLevel',
  period: 'fieldPeriod', planRef: 'fieldPlanRef', source: 'fieldSourceDoc', responsible: 'fieldResponsible', status: 'fieldStatus',
  progress: 'fieldProgress', unit: 'fieldUnit', direction: 'fieldDirection', baseline: 'fieldBaseline', target: 'fieldTarget',
  latest: 'fieldLatest', dataSource: 'fieldDataSource', note: 'fieldNote', severity: 'fieldSeverity', resolution: 'fieldResolution',
};

export function ComparePanel({ diff, now }: { diff: BoardDiff; now: BoardJson }) {
  const { t, pick, lang } = useI18n();
  const CHANGE_TEXT = { agreed: 'cmpAgreed', withdrawn: 'cmpWithdrawn', cleared: 'cmpCleared' } as const;
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const entries = useMemo(() => changeEntries(diff, now), [diff, now]);
  const counts = useMemo(() => countChanges(diff), [diff]);
  // Field names without the input hints in brackets ("Målverdi (verdi, år)" → "Målverdi").
  const label = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]!).replace(/\s*\(.*\)$/, '') : field);
  const value = (field: string, v: unknown) => formatFieldValue(field, v, pick);
  const num = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
  const measured = (v: IndicatorValue | null) => (v ? [num.format(v.value), v.source, v.comment].filter(Boolean).join(' – ') : '–');

  return (
    <aside className="mk-side mk-compare" aria-label={t('cmpTitle')} data-testid="compare-panel">
      <section className="mk-side-section mk-compare-head">
        <h2>{t('cmpTitle')}</h2>
        <p className="mk-muted" data-testid="compare-summary">
          {t('cmpSummary', counts)}
        </p>
        <h3 className="mk-compare-h3">{t('cmpLegend')}</h3>
        <ul className="mk-legend" data-testid="compare-legend">
          {DIFF_MARKS.map((m) => (
            <li key={m}>
              <DiffBadge mark={m} /> <span>{t(DIFF_HELP[m])}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="mk-side-section mk-compare-list">
        {entries.length === 0 ? (
          <p className="mk-muted">{t('cmpNone')}</p>
        ) : (
          <ul className="mk-list" data-testid="change-list">
            {entries.map((e) => (
              <li key={`${e.target}:${e.id}`} data-change-id={e.id} data-target={e.target} data-mark={e.mark}>
                <button
                  type="button"
                  className="mk-list-btn mk-change-btn"
                  disabled={!e.focusId}
                  title={e.focusId ? t('cmpJump') : undefined}
                  onClick={() => e.focusId && focusCard(rf, store, e.focusId)}
                >
                  <DiffBadge mark={e.mark} />{' '}
                  {e.target === 'edge' && <span className="mk-muted">{t('cmpLink')}: </span>}
                  {e.target === 'meta' ? t('cmpBoard') : e.title || t('untitledCard')}
                </button>
                {(e.fields.length > 0 || !!e.values?.length) && (
                  <ul className="mk-change-fields">
                    {e.fields.map((f) => (
                      <li key={f.field} data-field={f.field}>
                        <span className="mk-change-field">{label(f.field)}:</span> <del>{value(f.field, f.old)}</del> → <ins>{value(f.field, f.new)}</ins>
                      </li>
                    ))}
                    {e.values?.map((v) => (
                      <li key={`value:${v.period}`} data-value-period={v.period}>
                        <span className="mk-change-field">{t('cmpValue', { period: v.period })}:</span> <del>{measured(v.old)}</del> → <ins>{measured(v.new)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {diff.agreements.length > 0 && (
        <section className="mk-side-section mk-compare-list" data-testid="compare-agreements">
          <h3 className="mk-compare-h3">{t('cmpAgreements')}</h3>
          <ul className="mk-list">
            {diff.agreements.map((a) => (
              <li key={a.id} data-change-id={a.id}>
                <button type="button" className="mk-list-btn mk-change-btn" title={t('cmpJump')} onClick={() => focusCard(rf, store, a.id)}>
                  {a.title || t('untitledCard')}
                </button>
                <ul className="mk-change-fields">
                  {a.sides.map((c) => (
                    <li key={c.side} data-side={c.side} data-change={c.change}>
                      {t(CHANGE_TEXT[c.change], { side: pick(SIDE_LABELS[c.side]), name: c.record.name, when: formatDateTime(c.record.at, lang) })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
