// Strings of the rød tråd (#20 §1): the button, the panel with the ordered path, the board-wide check.
// Bokmål default, nynorsk, English; spread into STRINGS. The names of the breaks are shared with the
// chapter (THREAD_BREAK_LABELS in shared/redThread.ts).
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const RED_THREAD_STRINGS = {
  rtShow: l('Vis rød tråd', 'Vis raud tråd', 'Show red thread'),
  rtHide: l('Skjul rød tråd', 'Skjul raud tråd', 'Hide red thread'),
  rtTitle: l('Rød tråd', 'Raud tråd', 'Red thread'),
  rtFor: l('Rød tråd for «{title}»', 'Raud tråd for «{title}»', 'Red thread of «{title}»'),
  rtSummary: l(
    '{n} {n|kort|kort} i tråden, {b} {b|brudd|brudd}.',
    '{n} kort i tråden, {b} {b|brot|brot}.',
    '{n} {n|card|cards} on the thread, {b} {b|break|breaks}.',
  ),
  rtAbove: l('Svarer til', 'Svarar til', 'Answers to'),
  rtStart: l('Valgt kort', 'Valt kort', 'Chosen card'),
  rtBelow: l('Følges opp av', 'Blir følgt opp av', 'Carried out by'),
  rtNoneAbove: l('Kortet svarer ikke til noe over seg.', 'Kortet svarar ikkje til noko over seg.', 'The card answers to nothing above it.'),
  rtNoneBelow: l('Ingenting følger opp kortet.', 'Ingenting følgjer opp kortet.', 'Nothing carries the card out.'),
  rtBreaks: l('Brudd i tråden', 'Brot i tråden', 'Breaks in the thread'),
  rtNoBreaks: l('Ingen brudd i denne tråden.', 'Ingen brot i denne tråden.', 'No breaks in this thread.'),
  rtBoardNoBreaks: l('Tråden er hel: ingen brudd på tavla.', 'Tråden er heil: ingen brot på tavla.', 'The thread is whole: no breaks on the board.'),
  rtBoardIntro: l(
    'Fra nasjonale mål og kommuneplanens mål til tiltak og indikatorer. Velg et brudd for å gå til kortet.',
    'Frå nasjonale mål og kommuneplanen sine mål til tiltak og indikatorar. Vel eit brot for å gå til kortet.',
    'From national goals and the municipal plan\'s goals to measures and indicators. Choose a break to go to its card.',
  ),
  rtVia: l('via {links}', 'via {links}', 'via {links}'),
  rtLevel: l('nivå {n}', 'nivå {n}', 'level {n}'),
  rtShowShortcut: l('Vis eller skjul rød tråd for valgt kort', 'Vis eller skjul raud tråd for valt kort', 'Show or hide the red thread of the chosen card'),
  rtOnThread: l('på rød tråd', 'på raud tråd', 'on the red thread'),
} as const satisfies Record<string, Localized>;
