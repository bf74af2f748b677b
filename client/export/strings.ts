// The words of issue #14 in the UI: the export dialog's plan chapter options and the SDG picker,
// filter and analysis; bokmål, nynorsk, English.
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const EXPORT_STRINGS = {
  exportHtml: l('Kommuneplankapittel for nettsider (HTML)', 'Kommuneplankapittel for nettsider (HTML)', 'Municipal plan chapter for the web (HTML)'),
  exportVariant: l('Utgave', 'Utgåve', 'Edition'),
  exportVariantPublication: l(
    'Til publisering: uten navn, tidspunkt og interne sjekker',
    'Til publisering: utan namn, tidspunkt og interne sjekkar',
    'For publication: no names, times or internal checks',
  ),
  exportVariantWorking: l('Arbeidsutgave: alt fra tavla', 'Arbeidsutgåve: alt frå tavla', 'Working copy: everything on the board'),
  exportHeadingLevel: l('Kapitlets overskriftsnivå i planen', 'Overskriftsnivået til kapittelet i planen', "The chapter's heading level in the plan"),
  exportHeadingLevelN: l('Overskrift {level}', 'Overskrift {level}', 'Heading {level}'),
  exportNumbering: l('Nummerering av overskrifter', 'Nummerering av overskrifter', 'Heading numbering'),
  exportNumberingNone: l('Ingen (planen nummererer selv)', 'Ingen (planen nummererer sjølv)', 'None (the plan numbers them)'),
  exportNumberingTyped: l('Tall i overskriftene (1, 1.1, 1.1.1)', 'Tal i overskriftene (1, 1.1, 1.1.1)', 'Numbers in the headings (1, 1.1, 1.1.1)'),
  exportNumberingWord: l('Words egen nummerering (1, 1.1, 1.1.1)', 'Word si eiga nummerering (1, 1.1, 1.1.1)', "Word's own numbering (1, 1.1, 1.1.1)"),
  // the referat of a meeting (#20 §2)
  exportReferatDocx: l('Referat fra møtet (Word)', 'Referat frå møtet (Word)', 'Meeting referat (Word)'),
  exportReferatHtml: l('Referat fra møtet (HTML)', 'Referat frå møtet (HTML)', 'Meeting referat (HTML)'),
  exportReferatMd: l('Referat fra møtet (Markdown)', 'Referat frå møtet (Markdown)', 'Meeting referat (Markdown)'),
  exportSince: l('Møtet startet', 'Møtet starta', 'The meeting started'),
  exportSinceNone: l(
    'Ingen møtestart er markert. Tilretteleggeren markerer den i workshoplinja (det skjer også når noen blir tilrettelegger).',
    'Ingen møtestart er markert. Tilretteleggaren markerer han i workshoplinja (det skjer òg når nokon blir tilretteleggar).',
    'No meeting start is marked. The facilitator marks it in the workshop bar (it also happens when someone becomes facilitator).',
  ),
  // Bærekraftsmål (SDG) picker, filter and analysis
  sdgSearch: l('Legg til bærekraftsmål (søk på nummer eller navn)', 'Legg til berekraftsmål (søk på nummer eller namn)', 'Add an SDG (search by number or name)'),
  sdgResults: l('Treff', 'Treff', 'Matches'),
  sdgChosen: l('Valgte bærekraftsmål', 'Valde berekraftsmål', 'Chosen SDGs'),
  sdgRemove: l('Fjern SDG {code}', 'Fjern SDG {code}', 'Remove SDG {code}'),
  sdgNoMatch: l('Ingen bærekraftsmål passer.', 'Ingen berekraftsmål passar.', 'No SDG matches.'),
  filterSdg: l('Bærekraftsmål', 'Berekraftsmål', 'SDG'),
  filterSdgAll: l('Alle kort', 'Alle kort', 'All cards'),
  sdgCoverageTitle: l('Bærekraftsmål', 'Berekraftsmål', 'SDGs'),
  sdgCoverageNone: l('Ingen kort er knyttet til bærekraftsmål.', 'Ingen kort er knytte til berekraftsmål.', 'No card names an SDG.'),
};
