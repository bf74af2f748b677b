// Dates and numbers in the UI language: bokmål and nynorsk share Norwegian formats.
import type { Lang } from '../../shared';

export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nb-NO';
}

/** A full date and time ("12. mars 2025, 14:05"): snapshots, recent boards. */
export function formatDateTime(value: string | number | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatTime(value: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short' }).format(value);
}

/** A short moment in a meeting ("12. mar., 14:05"): agreements, comments, votes; bad input is shown as given. */
export function formatWhen(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(localeOf(lang), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
