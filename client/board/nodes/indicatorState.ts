// An indicator's measured state as words, for its card (visible and in its accessible name) and
// the inspector: «siste verdi» with its period, the on-track state and the trend (shared/indicators/series.ts).
import { assessIndicator, type BoardNode, type Lang, type TrackState, type Trend } from '../../../shared';
import type { Translate } from '../../i18n/I18nProvider';
import { localeOf } from '../../i18n/format';
import type { StringKey } from '../../i18n/strings';

export const STATE_KEYS: Record<TrackState, StringKey> = {
  reached: 'stateReached', onTrack: 'stateOnTrack', offTrack: 'stateOffTrack', noTarget: 'stateNoTarget', noData: 'stateNoData',
};
export const TREND_KEYS: Record<Trend, StringKey | null> = { improving: 'trendImproving', worsening: 'trendWorsening', flat: 'trendFlat', unknown: null };

/** "3,6 %" (nb, nn) or "3.6%" (en); other units after a space. */
export function measuredText(value: number, unit: string | undefined, lang: Lang): string {
  const n = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(value);
  if (!unit) return n;
  return unit === '%' && lang === 'en' ? `${n}%` : `${n} ${unit}`;
}

export interface IndicatorStateText {
  state: TrackState;
  /** "Siste verdi: 3,6 % (2025)", or null without any measurement. */
  latest: string | null;
  /** "Ikke i rute, dårligere enn forrige måling". */
  judgement: string;
}

export function indicatorStateText(t: Translate, lang: Lang, card: Pick<BoardNode, 'direction' | 'baseline' | 'target' | 'latest' | 'series' | 'unit'>): IndicatorStateText {
  const a = assessIndicator(card);
  const trendKey = TREND_KEYS[a.trend];
  return {
    state: a.state,
    latest: a.latest ? t('seriesLatest', { value: measuredText(a.latest.value, card.unit, lang), period: a.latest.period }) : null,
    judgement: t(STATE_KEYS[a.state]) + (trendKey && a.state !== 'noData' ? `, ${t(trendKey)}` : ''),
  };
}

/** The sentence an indicator card adds to its accessible name. */
export function indicatorAriaText(t: Translate, lang: Lang, card: BoardNode): string {
  const s = indicatorStateText(t, lang, card);
  return [s.latest && `${s.latest}.`, `${s.judgement}.`].filter(Boolean).join(' ');
}
