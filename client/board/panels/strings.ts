// Strings of the inspector's live fields: who else changed a field, a card deleted under you (spread into STRINGS).
import type { Localized } from '../../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const INSPECTOR_STRINGS = {
  someoneElse: l('Noen andre', 'Nokon andre', 'Someone else'),
  fieldChangedBy: l('{name} endret dette feltet.', '{name} endra dette feltet.', '{name} changed this field.'),
  fieldChangedWhileEditing: l(
    '{name} endret dette feltet mens du skrev (til «{value}»). Det du skriver nå, erstatter det.',
    '{name} endra dette feltet medan du skreiv (til «{value}»). Det du skriv no, erstattar det.',
    '{name} changed this field while you were typing (to "{value}"). What you type now replaces it.',
  ),
  fieldUseTheirs: l('Bruk deres', 'Bruk deira', 'Use theirs'),
  fieldEmptyValue: l('tomt', 'tomt', 'empty'),
  inspectorCardGone: l('Kortet du så på, ble slettet av en annen.', 'Kortet du såg på, vart sletta av ein annan.', 'The card you were viewing was deleted by someone else.'),
  inspectorReadOnlyNow: l(
    'Tilgangen din er endret: tavla vises nå bare for lesing.',
    'Tilgangen din er endra: tavla blir no berre vist for lesing.',
    'Your access has changed: the board is now read-only.',
  ),
} as const satisfies Record<string, Localized>;
