// Strings of share links: the «Del» dialog, the links kept in «Tavler du har åpnet», and why a
// board was forgotten (spread into STRINGS).
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const LINK_STRINGS = {
  share: l('Del', 'Del', 'Share'),
  shareTitle: l('Del tavla', 'Del tavla', 'Share the board'),
  shareIntroOwner: l(
    'Send hver person lenken for rollen de skal ha. Den som har en lenke, får rollen den gir.',
    'Send kvar person lenkja for rolla dei skal ha. Den som har ei lenkje, får rolla ho gir.',
    'Send each person the link for the role they should have. Whoever holds a link gets its role.',
  ),
  shareIntroEditor: l(
    'Du kan dele lenken for lesing med dem som bare skal se på. Nye lenker lager eieren.',
    'Du kan dele lenkja for lesing med dei som berre skal sjå på. Nye lenkjer lagar eigaren.',
    'You can share the viewer link with people who should only watch. The owner makes new links.',
  ),
  shareIntroViewer: l(
    'Du har en lenke for lesing. Den kan du dele videre; andre lenker får du fra eieren.',
    'Du har ei lenkje for lesing. Ho kan du dele vidare; andre lenkjer får du frå eigaren.',
    'You have a viewer link. You may pass it on; other links come from the owner.',
  ),
  shareNotHeld: l(
    'Denne nettleseren har ikke denne lenken. Lag nye lenker for å få den (de gamle slutter da å virke).',
    'Denne nettlesaren har ikkje denne lenkja. Lag nye lenkjer for å få ho (dei gamle sluttar då å verke).',
    'This browser does not hold this link. Make new links to get it (the old ones then stop working).',
  ),
  shareNotHeldOther: l('Denne nettleseren har ikke denne lenken. Spør eieren.', 'Denne nettlesaren har ikkje denne lenkja. Spør eigaren.', 'This browser does not hold this link. Ask the owner.'),
  roleStat: l('Stat', 'Stat', 'State'),
  roleStatHelp: l(
    'Redigerer som redaktør og kan si seg enig på vegne av staten (NAV).',
    'Redigerer som redaktør og kan seie seg einig på vegner av staten (NAV).',
    'Edits like an editor and can agree on behalf of the state (NAV).',
  ),
  roleKommune: l('Kommune', 'Kommune', 'Municipality'),
  roleKommuneHelp: l(
    'Redigerer som redaktør og kan si seg enig på vegne av kommunen.',
    'Redigerer som redaktør og kan seie seg einig på vegner av kommunen.',
    'Edits like an editor and can agree on behalf of the municipality.',
  ),
  shareSides: l(
    'Stat-lenken gir du til statens folk (NAV), kommune-lenken til kommunens. Bare de kan si seg enige på vegne av sin side; redaktørlenken redigerer, men kan ikke si seg enig.',
    'Stat-lenkja gir du til folka til staten (NAV), kommune-lenkja til folka til kommunen. Berre dei kan seie seg einige på vegner av si side; redaktørlenkja redigerer, men kan ikkje seie seg einig.',
    'Give the state link to the state\'s people (NAV) and the municipality link to the municipality\'s. Only they can agree for their side; the editor link edits but cannot agree.',
  ),
  shareOwnerWarn: l(
    'Gi eierlenken bare til dem som skal administrere tavla.',
    'Gi eigarlenkja berre til dei som skal administrere tavla.',
    'Give the owner link only to people who should manage the board.',
  ),
  copyLinkLabel: l('Kopier lenken: {role}', 'Kopier lenkja: {role}', 'Copy the link: {role}'),
  linkFieldLabel: l('Lenke: {role}', 'Lenkje: {role}', 'Link: {role}'),
  rotateLinks: l('Lag nye lenker for redaktør, leser, stat og kommune', 'Lag nye lenkjer for redaktør, lesar, stat og kommune', 'Make new editor, viewer, state and municipality links'),
  rotateLinksConfirm: l(
    'De gamle lenkene for redaktør, leser, stat og kommune slutter å virke med en gang, og alle som bruker dem, kobles fra. Lage nye?',
    'Dei gamle lenkjene for redaktør, lesar, stat og kommune sluttar å verke med ein gong, og alle som brukar dei, blir kopla frå. Lage nye?',
    'The old editor, viewer, state and municipality links stop working at once, and everyone using them is disconnected. Make new ones?',
  ),
  rotateOwner: l('Lag ny eierlenke', 'Lag ny eigarlenkje', 'Make a new owner link'),
  rotateOwnerConfirm: l(
    'Den gamle eierlenken slutter å virke, og alle som bruker den, kobles fra – også i andre nettlesere. Denne nettleseren får den nye. Lage ny?',
    'Den gamle eigarlenkja sluttar å verke, og alle som brukar ho, blir kopla frå – også i andre nettlesarar. Denne nettlesaren får den nye. Lage ny?',
    'The old owner link stops working and everyone using it is disconnected – in other browsers too. This browser gets the new one. Make a new one?',
  ),
  rotateYes: l('Ja, lag nye', 'Ja, lag nye', 'Yes, make new ones'),
  rotatedLinks: l('Nye lenker er laget og lagret i denne nettleseren. Send dem til dem som skal ha dem.', 'Nye lenkjer er laga og lagra i denne nettlesaren. Send dei til dei som skal ha dei.', 'New links are made and kept in this browser. Send them to the people who should have them.'),
  closeUncopiedWarning: l(
    'Du har ikke kopiert lenkene. De er lagret under «Tavler du har åpnet» – men bare i denne nettleseren. Kopier dem, eller trykk «Lukk» igjen.',
    'Du har ikkje kopiert lenkjene. Dei er lagra under «Tavler du har opna» – men berre i denne nettlesaren. Kopier dei, eller trykk «Lukk» igjen.',
    'You have not copied the links. They are kept under "Boards you have opened" – but only in this browser. Copy them, or press "Close" again.',
  ),
  goneDeleted: l(
    'Tavla er slettet av eieren. Kopien i denne nettleseren er fjernet, og tavla er tatt ut av «Tavler du har åpnet».',
    'Tavla er sletta av eigaren. Kopien i denne nettlesaren er fjerna, og tavla er teken ut av «Tavler du har opna».',
    'The owner has deleted the board. The copy in this browser is removed, and the board is taken out of "Boards you have opened".',
  ),
  goneRevoked: l(
    'Lenken virker ikke lenger: eieren har laget nye lenker. Kopien i denne nettleseren er fjernet. Be eieren om den nye lenken.',
    'Lenkja verkar ikkje lenger: eigaren har laga nye lenkjer. Kopien i denne nettlesaren er fjerna. Be eigaren om den nye lenkja.',
    'The link no longer works: the owner has made new links. The copy in this browser is removed. Ask the owner for the new link.',
  ),
  goneRevokedKept: l(
    'Lenken virker ikke lenger: eieren har laget nye lenker. Du har fortsatt en annen lenke til tavla under «Tavler du har åpnet».',
    'Lenkja verkar ikkje lenger: eigaren har laga nye lenkjer. Du har framleis ei anna lenkje til tavla under «Tavler du har opna».',
    'The link no longer works: the owner has made new links. You still hold another link to the board under "Boards you have opened".',
  ),
  recentLinks: l('Lenkene dine ({n})', 'Lenkjene dine ({n})', 'Your links ({n})'),
} as const satisfies Record<string, Localized>;
