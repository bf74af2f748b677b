// An indicator's measured values over time (issue #14 §4). Pure: periods, ordering, the newest
// value, and the trend and on-track state against baseline, target and direction.
import type { Direction } from '../vocabulary';
import type { IndicatorValue, YearValue } from '../types';
import { PERIOD_PATTERN } from '../vocabulary';


/** First and last month of a period as month numbers (year × 12 + month − 1), or null when it is not a period. */
export function periodSpan(period: string): { start: number; end: number; year: number } | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const base = year * 12;
  if (m[2]) return { start: base + Number(m[2]) - 1, end: base + Number(m[2]) - 1, year };
  if (m[3]) return { start: base + (Number(m[3]) - 1) * 3, end: base + Number(m[3]) * 3 - 1, year };
  if (m[4]) return { start: base + (Number(m[4]) - 1) * 6, end: base + Number(m[4]) * 6 - 1, year };
  return { start: base, end: base + 11, year };
}

/** Oldest first: by the period's end, then its start, then the text (so every replica lists the same order). */
export function comparePeriods(a: string, b: string): number {
  const sa = periodSpan(a);
  const sb = periodSpan(b);
  if (sa && sb && (sa.end !== sb.end || sa.start !== sb.start)) return sa.end - sb.end || sa.start - sb.start;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortSeries(series: readonly IndicatorValue[]): IndicatorValue[] {
  return [...series].sort((a, b) => comparePeriods(a.period, b.period));
}

/** «Siste verdi»: the newest measured value, or null for an empty series. */
export function newestValue(series: readonly IndicatorValue[]): IndicatorValue | null {
  let best: IndicatorValue | null = null;
  for (const v of series) if (!best || comparePeriods(v.period, best.period) > 0) best = v;
  return best;
}

export type Trend = 'improving' | 'worsening' | 'flat' | 'unknown';
/**
 * reached: the newest value meets the target. onTrack: the straight line from the baseline to the
 * target says we should be at least here by now, and we are. offTrack: we are behind that line
 * (or moving away from the target). noTarget / noData: cannot be judged.
 */
export type TrackState = 'reached' | 'onTrack' | 'offTrack' | 'noTarget' | 'noData';

export interface IndicatorAssessment {
  latest: IndicatorValue | null;
  previous: IndicatorValue | null;
  trend: Trend;
  state: TrackState;
}

export interface AssessInput {
  direction?: Direction;
  baseline?: YearValue;
  target?: YearValue;
  /** The card's single «siste verdi» field, used when the series is empty. */
  latest?: YearValue;
  series?: readonly IndicatorValue[];
}

/** Trend and on-track state of an indicator. Without a direction, higher is taken as better. */
export function assessIndicator(input: AssessInput): IndicatorAssessment {
  const sorted = sortSeries(input.series ?? []);
  let latest = sorted.at(-1) ?? null;
  const previous = sorted.length >= 2 ? sorted.at(-2)! : null;
  if (!latest && input.latest) latest = { period: String(input.latest.year), value: input.latest.value };
  const sign = input.direction === 'lower' ? -1 : 1;

  // Trend: the newest against the one before; with one value, against the baseline.
  let trend: Trend = 'unknown';
  const before = previous?.value ?? input.baseline?.value;
  if (latest && before !== undefined) {
    const d = (latest.value - before) * sign;
    trend = d > 0 ? 'improving' : d < 0 ? 'worsening' : 'flat';
  }

  let state: TrackState;
  if (!latest) state = 'noData';
  else if (!input.target) state = 'noTarget';
  else if ((latest.value - input.target.value) * sign >= 0) state = 'reached';
  else {
    const at = periodSpan(latest.period)?.year ?? input.target.year;
    const base = input.baseline;
    if (base && input.target.year > base.year) {
      const share = Math.min(1, Math.max(0, (at - base.year) / (input.target.year - base.year)));
      const expected = base.value + (input.target.value - base.value) * share;
      state = (latest.value - expected) * sign >= 0 ? 'onTrack' : 'offTrack';
    } else {
      // No baseline to draw the line from: on track while moving the right way.
      state = trend === 'worsening' ? 'offTrack' : trend === 'improving' ? 'onTrack' : 'offTrack';
    }
  }
  return { latest, previous, trend, state };
}
