// The words an indicator card and the inspector use for its measured state.
import { describe, expect, it } from 'vitest';
import { format } from '../../i18n/I18nProvider';
import { STRINGS, type StringKey } from '../../i18n/strings';
import { indicatorStateText, measuredText } from './indicatorState';

const tr = (lang: 'nb' | 'nn' | 'en') => (key: StringKey, p?: Record<string, string | number>) => format(STRINGS[key][lang], p);

describe('indicatorState', () => {
  it('writes values with the decimal sign and percent spacing of the language', () => {
    expect(measuredText(3.6, '%', 'nb')).toBe('3,6 %');
    expect(measuredText(3.6, '%', 'en')).toBe('3.6%');
    expect(measuredText(5, 'måneder', 'nn')).toBe('5 måneder');
    expect(measuredText(12, undefined, 'nb')).toBe('12');
  });

  it('takes the newest of the series over the card\'s own «siste verdi», and says state and trend', () => {
    const card = {
      unit: '%', direction: 'lower' as const, baseline: { value: 4.1, year: 2023 }, target: { value: 3, year: 2028 }, latest: { value: 4.5, year: 2022 },
      series: [{ period: '2024', value: 3.9 }, { period: '2025', value: 3.6 }],
    };
    expect(indicatorStateText(tr('nn'), 'nn', card)).toEqual({ state: 'onTrack', latest: 'Siste verdi: 3,6 % (2025)', judgement: 'I rute, betre enn førre måling' });
    expect(indicatorStateText(tr('nb'), 'nb', { ...card, series: [] })).toMatchObject({ latest: 'Siste verdi: 4,5 % (2022)', state: 'offTrack' });
    expect(indicatorStateText(tr('en'), 'en', { unit: '%' })).toEqual({ state: 'noData', latest: null, judgement: 'Not measured' });
  });
});
