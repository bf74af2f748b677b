import type { Lang } from '../../shared';

/** A snapshot's time ("12. mars 2025, 14:05") in the UI language. */
export function formatDateTime(value: string | number | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatTime(value: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { timeStyle: 'short' }).format(value);
}
