// One memoised node component per kind. Each shows what matters for its kind on the card.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { KIND_STYLE, PROGRESS_LABELS, STATUS_LABELS, isOneOf, PROGRESS_VALUES, STATUSES, type BoardNode, type Lang, type YearValue } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { localeOf } from '../../i18n/format';
import type { CardNode } from '../cardTypes';
import { CardShell } from './CardShell';
import { SdgChip } from '../panels/SdgPicker';
import { SeriesChart } from './SeriesChart';
import { indicatorStateText } from './indicatorState';
import { useContentLang } from '../contentLang';

type P = NodeProps<CardNode>;

function Meta({ card }: { card: BoardNode }) {
  const { pick } = useI18n();
  const bits: string[] = [];
  if (card.status && isOneOf(STATUSES, card.status)) bits.push(pick(STATUS_LABELS[card.status]));
  if (card.progress && isOneOf(PROGRESS_VALUES, card.progress)) bits.push(pick(PROGRESS_LABELS[card.progress]));
  if (card.period?.from || card.period?.to) bits.push(`${card.period.from ?? ''}–${card.period.to ?? ''}`);
  if (card.planRef) bits.push(card.planRef);
  const sdg = card.sdg?.length ? card.sdg : null;
  if (!bits.length && !sdg && !card.responsible) return null;
  return (
    <div className="mk-card-meta">
      {bits.length > 0 && <span>{bits.join(' · ')}</span>}
      {card.responsible && <span className="mk-card-resp">{card.responsible}</span>}
      {sdg && (
        <span className="mk-sdg">
          {sdg.map((g) => (
            <SdgChip key={g} code={g} />
          ))}
        </span>
      )}
    </div>
  );
}

const fmtValue = (v: YearValue | undefined, unit: string | undefined, lang: Lang) =>
  v ? `${v.value.toLocaleString(localeOf(lang))}${unit ? (unit === '%' ? '' : ' ') + unit : ''} (${v.year})` : '–';

export const GoalNode = memo(function GoalNode({ data, selected }: P) {
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.goal.icon}>
      <Meta card={data.card} />
    </CardShell>
  );
});

export const IndicatorNode = memo(function IndicatorNode({ data, selected }: P) {
  const { t, lang } = useI18n();
  const c = data.card;
  const arrow = c.direction === 'lower' ? '↓' : c.direction === 'higher' ? '↑' : '';
  const state = indicatorStateText(t, lang, c);
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.indicator.icon}>
      <div className="mk-indicator">
        <span title={t('baseline')}>{fmtValue(c.baseline, c.unit, lang)}</span>
        <span aria-hidden="true" className="mk-indicator-arrow">
          →
        </span>
        <span title={t('target')}>
          <strong>{fmtValue(c.target, c.unit, lang)}</strong> {arrow}
        </span>
        {state.latest && <span className="mk-indicator-latest">{state.latest}</span>}
        {/* Readable zoom only (CardShell draws no children below LOW_DETAIL_ZOOM); the words are in the card's name. */}
        {c.series && c.series.length >= 2 && (
          <SeriesChart series={c.series} target={c.target?.value} width={200} height={36} className="mk-card-chart" testId="card-series-chart" />
        )}
        {state.state !== 'noData' && (
          <span className="mk-indicator-state" data-state={state.state} data-testid="card-series-state">
            {state.judgement}
          </span>
        )}
      </div>
      {c.dataSource && <div className="mk-card-meta">{c.dataSource}</div>}
    </CardShell>
  );
});

export const DirectiveNode = memo(function DirectiveNode({ data, selected }: P) {
  const s = data.card.source;
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.directive.icon}>
      {s?.doc && <div className="mk-card-meta mk-card-source">{[s.doc, s.section].filter(Boolean).join(' – ')}</div>}
      <Meta card={data.card} />
    </CardShell>
  );
});

export const VisionNode = memo(function VisionNode({ data, selected }: P) {
  return <CardShell data={data} selected={selected} icon={KIND_STYLE.vision.icon} className="mk-card-vision" />;
});

export const FocusNode = memo(function FocusNode({ data, selected }: P) {
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.focus.icon}>
      <Meta card={data.card} />
    </CardShell>
  );
});

export const StrategyNode = memo(function StrategyNode({ data, selected }: P) {
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.strategy.icon}>
      <Meta card={data.card} />
    </CardShell>
  );
});

export const MeasureNode = memo(function MeasureNode({ data, selected }: P) {
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.measure.icon}>
      <Meta card={data.card} />
    </CardShell>
  );
});

export const InstrumentNode = memo(function InstrumentNode({ data, selected }: P) {
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.instrument.icon}>
      <Meta card={data.card} />
    </CardShell>
  );
});

export const ContextNode = memo(function ContextNode({ data, selected }: P) {
  return <CardShell data={data} selected={selected} icon={KIND_STYLE.context.icon} className="mk-card-context" />;
});

export const NoteNode = memo(function NoteNode({ data, selected }: P) {
  const d = data.card.description;
  const contentLang = useContentLang();
  return (
    <CardShell data={data} selected={selected} icon={KIND_STYLE.note.icon} className="mk-card-note">
      {d && (
        <div className="mk-card-desc" lang={contentLang}>
          {d.length > 140 ? `${d.slice(0, 140)}…` : d}
        </div>
      )}
    </CardShell>
  );
});
