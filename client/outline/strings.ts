// Strings of the outline view, the canvas's accessible names and the announcements of others'
// changes (bokmål default, nynorsk, English), spread into STRINGS.
import type { Localized, NodeKind } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const OUTLINE_STRINGS = {
  outline: l('Listevisning', 'Listevising', 'List view'),
  outlineTree: l('Kortene på tavla', 'Korta på tavla', 'The cards on the board'),
  outlineOnly: l('Bare listen', 'Berre lista', 'List only'),
  outlineHelp: l(
    'Piltaster flytter, høyre og venstre åpner og lukker, skriv for å hoppe. Enter endrer, Shift+Enter lager kort på samme nivå, Ctrl+Enter lager underkort, Delete sletter.',
    'Piltastar flyttar, høgre og venstre opnar og lukkar, skriv for å hoppe. Enter endrar, Shift+Enter lagar kort på same nivå, Ctrl+Enter lagar underkort, Delete slettar.',
    'Arrow keys move, right and left expand and collapse, type to jump. Enter edits, Shift+Enter adds a sibling card, Ctrl+Enter adds a child card, Delete deletes.',
  ),
  outlineActions: l('Handlinger for valgt kort', 'Handlingar for valt kort', 'Actions on the chosen card'),
  olAddChild: l('Nytt underkort', 'Nytt underkort', 'New child card'),
  olAddSibling: l('Nytt kort på samme nivå', 'Nytt kort på same nivå', 'New card alongside'),
  olAddInBand: l('Nytt kort i {band}', 'Nytt kort i {band}', 'New card in {band}'),
  olEdit: l('Endre', 'Endre', 'Edit'),
  olEditTitle: l('Endre kortet', 'Endre kortet', 'Edit the card'),
  olNewTitle: l('Nytt kort', 'Nytt kort', 'New card'),
  olLink: l('Koble til …', 'Kople til …', 'Link to …'),
  olLinkTitle: l('Koble «{title}» til et annet kort', 'Kople «{title}» til eit anna kort', 'Link “{title}” to another card'),
  olLinkSearch: l('Søk etter kortet', 'Søk etter kortet', 'Search for the card'),
  olLinkCards: l('Kort som passer ({n})', 'Kort som passar ({n})', 'Matching cards ({n})'),
  olLinkKind: l('Type kobling', 'Type kopling', 'Kind of link'),
  olLinkChoose: l('Velg kortet det skal kobles til.', 'Vel kortet det skal koplast til.', 'Choose the card to link to.'),
  olLinkSave: l('Koble', 'Kople', 'Link'),
  olComment: l('Kommenter', 'Kommenter', 'Comment'),
  olCommentTitle: l('Kommentar til «{title}»', 'Kommentar til «{title}»', 'Comment on “{title}”'),
  olCommentText: l('Kommentar', 'Kommentar', 'Comment'),
  olEmptyBand: l('ingen kort', 'ingen kort', 'no cards'),
  olCards: l('{n} kort', '{n} kort', '{n} cards'),
  olLinkIn: l('«{title}» {kind} dette', '«{title}» {kind} dette', '“{title}” {kind} this'),
  olCreate: l('Opprett', 'Opprett', 'Create'),
  // agreement as read out
  agOpen: l('Ikke avtalt', 'Ikkje avtala', 'Not agreed'),
  agStat: l('Stat er enig', 'Staten er einig', 'State agrees'),
  agKommune: l('Kommunen er enig', 'Kommunen er einig', 'Municipality agrees'),
  agAvtalt: l('Avtalt', 'Avtala', 'Agreed'),
  agChanged: l('endret etter enighet', 'endra etter semje', 'changed after agreement'),
  // the canvas's accessible names
  edgeAria: l('Kobling: «{source}» {kind} «{target}»', 'Kopling: «{source}» {kind} «{target}»', 'Link: “{source}” {kind} “{target}”'),
  roleCard: l('kort', 'kort', 'card'),
  roleLink: l('kobling', 'kopling', 'link'),
  a11yInteractive: l('Slå redigering av og på', 'Slå redigering av og på', 'Toggle interactivity'),
  // announcements of others' changes
  annSomeone: l('Noen', 'Nokon', 'Someone'),
  annAdded: l('{name} la til {thing} «{title}»', '{name} la til {thing} «{title}»', '{name} added {thing} “{title}”'),
  annDeleted: l('«{title}» ble slettet', '«{title}» vart sletta', '“{title}” was deleted'),
  annLinked: l('{name} koblet «{source}» til «{target}» ({kind})', '{name} kopla «{source}» til «{target}» ({kind})', '{name} linked “{source}” to “{target}” ({kind})'),
  annMany: l('{n} endringer fra andre', '{n} endringar frå andre', '{n} changes by others'),
} as const satisfies Record<string, Localized>;

/** A kind with its definite article, for «Kari la til målet …». */
export const KIND_DEFINITE: Record<NodeKind, Localized> = {
  directive: l('føringen', 'føringa', 'the directive'),
  vision: l('visjonen', 'visjonen', 'the vision'),
  focus: l('satsingsområdet', 'satsingsområdet', 'the focus area'),
  goal: l('målet', 'målet', 'the goal'),
  strategy: l('strategien', 'strategien', 'the strategy'),
  indicator: l('indikatoren', 'indikatoren', 'the indicator'),
  measure: l('tiltaket', 'tiltaket', 'the measure'),
  instrument: l('styringsinstrumentet', 'styringsinstrumentet', 'the governance instrument'),
  context: l('trenden', 'trenden', 'the trend'),
  note: l('lappen', 'lappen', 'the note'),
};
