import type { Lang } from '../../shared';

/** A stored ISO time as the reader's local date and time. */
export function formatWhen(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
