// Strings of sign-in (issue #17): «Logg inn», my boards, invitations, members in «Del» (spread into STRINGS).
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const AUTH_STRINGS = {
  signIn: l('Logg inn', 'Logg inn', 'Sign in'),
  signOut: l('Logg ut', 'Logg ut', 'Sign out'),
  signedInAs: l('Logget inn som {name}', 'Logga inn som {name}', 'Signed in as {name}'),
  signInToCreate: l(
    'Logg inn med organisasjonens pålogging for å lage tavler og se tavlene du er medlem av.',
    'Logg inn med pålogginga til organisasjonen for å lage tavler og sjå tavlene du er medlem av.',
    "Sign in with your organisation's login to create boards and see the boards you are a member of.",
  ),
  myBoardsTitle: l('Mine tavler', 'Mine tavler', 'My boards'),
  myBoardsEmpty: l('Du er ikke medlem av noen tavle ennå.', 'Du er ikkje medlem av noka tavle enno.', 'You are not a member of any board yet.'),
  invitationTitle: l('Invitasjon', 'Invitasjon', 'Invitation'),
  invitationText: l(
    'Du er invitert til «{title}» som {role}, for {side}.',
    'Du er invitert til «{title}» som {role}, for {side}.',
    'You are invited to “{title}” as {role}, for {side}.',
  ),
  invitationSignIn: l('Logg inn for å ta imot invitasjonen.', 'Logg inn for å ta imot invitasjonen.', 'Sign in to accept the invitation.'),
  invitationAccept: l('Ta imot og åpne tavla', 'Ta imot og opne tavla', 'Accept and open the board'),
  invitationGone: l(
    'Invitasjonen er ukjent, brukt eller utløpt. Be eieren om en ny.',
    'Invitasjonen er ukjend, brukt eller utgått. Be eigaren om ein ny.',
    'The invitation is unknown, used or expired. Ask the owner for a new one.',
  ),
  verified: l('verifisert', 'verifisert', 'verified'),
  verifiedName: l('{name} (verifisert pålogging)', '{name} (verifisert pålogging)', '{name} (verified sign-in)'),
  membersTitle: l('Medlemmer', 'Medlemmer', 'Members'),
  membersIntro: l(
    'Medlemmer logger inn med egen bruker. Siden de snakker for, settes her og ikke i nettleseren.',
    'Medlemmer loggar inn med eigen brukar. Sida dei talar for, blir sett her og ikkje i nettlesaren.',
    'Members sign in with their own account. The side they speak for is set here, not in their browser.',
  ),
  memberRoleLabel: l('Rolle for {name}', 'Rolle for {name}', 'Role of {name}'),
  memberSideLabel: l('Side for {name}', 'Side for {name}', 'Side of {name}'),
  memberRemove: l('Fjern', 'Fjern', 'Remove'),
  memberRemoveLabel: l('Fjern {name} fra tavla', 'Fjern {name} frå tavla', 'Remove {name} from the board'),
  inviteTitle: l('Inviter', 'Inviter', 'Invite'),
  inviteRole: l('Rolle', 'Rolle', 'Role'),
  inviteSide: l('Side', 'Side', 'Side'),
  inviteCreate: l('Lag invitasjonslenke', 'Lag invitasjonslenkje', 'Make an invitation link'),
  inviteLinkLabel: l('Invitasjonslenke (virker én gang, i 7 dager)', 'Invitasjonslenkje (verkar éin gong, i 7 dagar)', 'Invitation link (works once, for 7 days)'),
  inviteCopy: l('Kopier invitasjonslenken', 'Kopier invitasjonslenkja', 'Copy the invitation link'),
  openInvitations: l('{n} ubrukte invitasjoner', '{n} ubrukte invitasjonar', '{n} unused invitations'),
  linkPolicyTitle: l('Delingslenker', 'Delingslenkjer', 'Share links'),
  linkPolicyAll: l('Alle lenker virker (eier, redaktør, leser)', 'Alle lenkjer verkar (eigar, redaktør, lesar)', 'All links work (owner, editor, viewer)'),
  linkPolicyViewer: l('Bare leselenken virker (f.eks. for en storskjerm)', 'Berre leselenkja verkar (t.d. for ein storskjerm)', 'Only the viewer link works (e.g. for a public screen)'),
  linkPolicyNone: l('Ingen lenker: bare medlemmer', 'Ingen lenkjer: berre medlemmer', 'No links: members only'),
  goneRemoved: l('Du er ikke lenger medlem av denne tavla.', 'Du er ikkje lenger medlem av denne tavla.', 'You are no longer a member of this board.'),
  goneSignedOut: l('Du er logget ut. Logg inn igjen for å fortsette.', 'Du er logga ut. Logg inn att for å halde fram.', 'You are signed out. Sign in again to continue.'),
  errorNotMember: l(
    'Du er logget inn, men ikke medlem av denne tavla. Be eieren om en invitasjon.',
    'Du er logga inn, men ikkje medlem av denne tavla. Be eigaren om ein invitasjon.',
    'You are signed in but not a member of this board. Ask the owner for an invitation.',
  ),
};
