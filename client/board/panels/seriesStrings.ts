// Strings of an indicator's measured series in the inspector (issue #14 §4; spread into STRINGS).
import type { Localized } from '../../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const SERIES_STRINGS = {
  seriesTitle: l('Måleverdier', 'Måleverdiar', 'Measured values'),
  seriesEmpty: l('Ingen måleverdier ennå.', 'Ingen måleverdiar enno.', 'No measured values yet.'),
  seriesPeriod: l('Periode', 'Periode', 'Period'),
  seriesValue: l('Verdi', 'Verdi', 'Value'),
  seriesSource: l('Kilde', 'Kjelde', 'Source'),
  seriesComment: l('Kommentar', 'Kommentar', 'Comment'),
  seriesAdd: l('Legg til verdi', 'Legg til verdi', 'Add value'),
  seriesRemove: l('Fjern verdien for {period}', 'Fjern verdien for {period}', 'Remove the value for {period}'),
  seriesBadPeriod: l('Skriv en periode som 2024, 2024-H1, 2024-Q3 eller 2024-03.', 'Skriv ein periode som 2024, 2024-H1, 2024-Q3 eller 2024-03.', 'Enter a period such as 2024, 2024-H1, 2024-Q3 or 2024-03.'),
  seriesBadValue: l('Skriv et tall, for eksempel 3,6.', 'Skriv eit tal, til dømes 3,6.', 'Enter a number, for example 3.6.'),
  seriesChart: l('Måleverdier over tid: {points}', 'Måleverdiar over tid: {points}', 'Measured values over time: {points}'),
  seriesLatest: l('Siste verdi: {value} ({period})', 'Siste verdi: {value} ({period})', 'Latest value: {value} ({period})'),
  stateReached: l('Nådd', 'Nådd', 'Reached'),
  stateOnTrack: l('I rute', 'I rute', 'On track'),
  stateOffTrack: l('Ikke i rute', 'Ikkje i rute', 'Off track'),
  stateNoTarget: l('Mangler målverdi', 'Manglar målverdi', 'No target'),
  stateNoData: l('Ingen måling', 'Inga måling', 'Not measured'),
  trendImproving: l('bedre enn forrige måling', 'betre enn førre måling', 'better than the previous measurement'),
  trendWorsening: l('dårligere enn forrige måling', 'dårlegare enn førre måling', 'worse than the previous measurement'),
  trendFlat: l('uendret', 'uendra', 'unchanged'),
} as const satisfies Record<string, Localized>;
