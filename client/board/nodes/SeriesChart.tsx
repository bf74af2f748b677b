// A small line chart of an indicator's measured values, oldest on the left, the target as a dashed
// line. The inspector's chart is an image with the values as its name; the card's is drawn only
// (its words are in the card's accessible name, see indicatorState.ts).
import type { IndicatorValue } from '../../../shared';

interface Props {
  series: readonly IndicatorValue[];
  target?: number;
  /** The chart's accessible name; without one the chart is hidden from assistive technology. */
  label?: string;
  width?: number;
  height?: number;
  className?: string;
  testId?: string;
}

export function SeriesChart({ series, target, label, width = 240, height = 64, className = 'mk-series-chart', testId = 'series-chart' }: Props) {
  if (series.length < 2) return null;
  const W = width, H = height, P = 5;
  const values = series.map((v) => v.value).concat(target === undefined ? [] : [target]);
  const min = Math.min(...values), max = Math.max(...values);
  const y = (v: number) => (max === min ? H / 2 : H - P - ((v - min) / (max - min)) * (H - 2 * P));
  const x = (i: number) => P + (i / (series.length - 1)) * (W - 2 * P);
  const points = series.map((v, i) => `${x(i).toFixed(1)},${y(v.value).toFixed(1)}`).join(' ');
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <svg className={className} viewBox={`0 0 ${W} ${H}`} width={W} height={H} data-testid={testId} data-points={series.length} {...a11y}>
      {target !== undefined && <line x1={P} x2={W - P} y1={y(target)} y2={y(target)} stroke="currentColor" strokeDasharray="4 3" opacity={0.5} />}
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={2} />
      {series.map((v, i) => <circle key={v.period} cx={x(i)} cy={y(v.value)} r={2.5} fill="currentColor" />)}
    </svg>
  );
}
