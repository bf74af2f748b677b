// Strings of the snapshot view, comparison, restore and export dialog (spread into STRINGS).
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const SNAPSHOT_STRINGS = {
  // snapshot list
  snapOpen: l('Åpne', 'Opne', 'Open'),
  snapOpenLabel: l('Åpne «{label}» skrivebeskyttet', 'Opne «{label}» skriveverna', 'Open "{label}" read-only'),
  snapCompare: l('Sammenlign med nå', 'Samanlikn med no', 'Compare with now'),
  snapCompareLabel: l('Sammenlign «{label}» med tavla nå', 'Samanlikn «{label}» med tavla no', 'Compare "{label}" with the board now'),
  snapRestoreLabel: l('Gjenopprett «{label}»', 'Gjenopprett «{label}»', 'Restore "{label}"'),
  snapBy: l('av {name}', 'av {name}', 'by {name}'),
  // banner
  snapBannerView: l(
    'Du ser på øyeblikksbildet «{label}» fra {date} – skrivebeskyttet.',
    'Du ser på augneblinksbiletet «{label}» frå {date} – skriveverna.',
    'You are looking at snapshot "{label}" from {date}, read-only.',
  ),
  snapBannerCompare: l(
    'Øyeblikksbildet «{label}» fra {date} sammenlignet med tavla nå (per {time}) – skrivebeskyttet.',
    'Augneblinksbiletet «{label}» frå {date} samanlikna med tavla no (per {time}) – skriveverna.',
    'Snapshot "{label}" from {date} compared with the board now (as of {time}), read-only.',
  ),
  snapRegion: l('Øyeblikksbilde', 'Augneblinksbilete', 'Snapshot'),
  snapLoading: l('Henter øyeblikksbildet …', 'Hentar augneblinksbiletet …', 'Loading the snapshot …'),
  snapLoadFailed: l(
    'Øyeblikksbildet kunne ikke åpnes: {message} Gå tilbake til tavla og prøv igjen.',
    'Augneblinksbiletet kunne ikkje opnast: {message} Gå tilbake til tavla og prøv igjen.',
    'The snapshot could not be opened: {message} Go back to the board and try again.',
  ),
  snapNotFound: l(
    'Dette øyeblikksbildet finnes ikke på tavla (det kan være slettet, eller lenken er feil).',
    'Dette augneblinksbiletet finst ikkje på tavla (det kan vere sletta, eller lenkja er feil).',
    'This snapshot is not on the board (it may have been removed, or the link is wrong).',
  ),
  snapBackLive: l('Tilbake til levende tavle', 'Tilbake til levande tavle', 'Back to the live board'),
  snapShowOnly: l('Vis bare øyeblikksbildet', 'Vis berre augneblinksbiletet', 'Show the snapshot only'),
  snapRefresh: l('Oppdater sammenligningen', 'Oppdater samanlikninga', 'Refresh the comparison'),
  snapStale: l('Tavla er endret siden.', 'Tavla er endra sidan.', 'The board has changed since.'),
  snapRestoreThis: l('Gjenopprett dette', 'Gjenopprett dette', 'Restore this'),
  // restore
  restoreTitle: l('Gjenopprette «{label}»?', 'Gjenopprette «{label}»?', 'Restore "{label}"?'),
  restoreBody: l(
    'Tavla blir slik den var {date}, for alle som har den oppe. Det som er endret etterpå, forsvinner fra tavla.',
    'Tavla blir slik ho var {date}, for alle som har ho oppe. Det som er endra etterpå, forsvinn frå tavla.',
    'The board becomes what it was on {date}, for everyone who has it open. What changed since disappears from the board.',
  ),
  restoreBefore: l(
    'Først tas øyeblikksbildet «{before}» av tavla slik den er nå. Vil du angre, gjenoppretter du det.',
    'Først blir augneblinksbiletet «{before}» teke av tavla slik ho er no. Vil du angre, gjenopprettar du det.',
    'First the snapshot "{before}" is taken of the board as it is now. To undo, restore that one.',
  ),
  snapAutoName: l('Automatisk', 'Automatisk', 'Automatic'),
  snapBeforeRestore: l('Før gjenoppretting av «{label}»', 'Før gjenoppretting av «{label}»', 'Before restoring «{label}»'),
  restoreYes: l('Gjenopprett', 'Gjenopprett', 'Restore'),
  restoreDone: l(
    'Gjenopprettet «{label}». Tavla slik den var før, er lagret som «{before}» – gjenopprett det for å angre.',
    'Gjenoppretta «{label}». Tavla slik ho var før, er lagra som «{before}» – gjenopprett det for å angre.',
    'Restored "{label}". The board as it was before is saved as "{before}" – restore that to undo.',
  ),
  restoreDoneNoBefore: l(
    'Gjenopprettet «{label}». Tavla slik den var før, kunne ikke lagres som øyeblikksbilde.',
    'Gjenoppretta «{label}». Tavla slik ho var før, kunne ikkje lagrast som augneblinksbilete.',
    'Restored "{label}". The board as it was before could not be saved as a snapshot.',
  ),
  restoreFailed: l(
    'Gjenopprettingen mislyktes: {message} Prøv igjen om litt.',
    'Gjenopprettinga mislukkast: {message} Prøv igjen om litt.',
    'The restore failed: {message} Try again in a moment.',
  ),
  restoreOwnerOnly: l(
    'Bare eieren kan gjenopprette. Be eieren gjøre det, eller åpne tavla med eierlenken.',
    'Berre eigaren kan gjenopprette. Be eigaren gjere det, eller opne tavla med eigarlenkja.',
    'Only the owner can restore. Ask the owner, or open the board with the owner link.',
  ),
  // comparison
  cmpTitle: l('Endringer siden øyeblikksbildet', 'Endringar sidan augneblinksbiletet', 'Changes since the snapshot'),
  cmpLegend: l('Tegnforklaring', 'Teiknforklaring', 'Legend'),
  cmpNone: l('Ingen endringer – tavla er lik øyeblikksbildet.', 'Ingen endringar – tavla er lik augneblinksbiletet.', 'No changes – the board equals the snapshot.'),
  cmpSummary: l(
    'Nye: {added} · fjernet: {removed} · endret: {changed} · flyttet: {moved}',
    'Nye: {added} · fjerna: {removed} · endra: {changed} · flytta: {moved}',
    'New: {added} · removed: {removed} · changed: {changed} · moved: {moved}',
  ),
  cmpLink: l('Kobling', 'Kopling', 'Link'),
  cmpBoard: l('Tavla', 'Tavla', 'The board'),
  cmpAgreements: l('Enighet', 'Semje', 'Agreement'),
  cmpAgreed: l('{side}: enig ({name}, {when})', '{side}: samd ({name}, {when})', '{side}: agreed ({name}, {when})'),
  cmpWithdrawn: l('{side}: trakk enigheten ({name})', '{side}: trekte semja ({name})', '{side}: withdrew agreement ({name})'),
  cmpCleared: l('{side}: nullstilt – kortet ble endret etter enigheten ({name})', '{side}: nullstilt – kortet vart endra etter semja ({name})', '{side}: cleared – the card changed after agreement ({name})'),
  cmpJump: l('Vis på tavla', 'Vis på tavla', 'Show on the board'),
  cmpOldNew: l('{field}: {old} → {new}', '{field}: {old} → {new}', '{field}: {old} → {new}'),
  diffAdded: l('Ny', 'Ny', 'New'),
  diffRemoved: l('Fjernet', 'Fjerna', 'Removed'),
  diffChanged: l('Endret', 'Endra', 'Changed'),
  diffMoved: l('Flyttet', 'Flytta', 'Moved'),
  diffAddedHelp: l('lagt til etter øyeblikksbildet', 'lagt til etter augneblinksbiletet', 'added after the snapshot'),
  diffRemovedHelp: l('fjernet siden – vises som spøkelseskort', 'fjerna sidan – vist som spøkjelseskort', 'removed since – shown as ghost cards'),
  diffChangedHelp: l('innholdet er endret', 'innhaldet er endra', 'content changed'),
  diffMovedHelp: l('bare flyttet', 'berre flytta', 'only moved'),
  // export dialog
  exportFormat: l('Format', 'Format', 'Format'),
  exportLanguage: l('Språk i dokumentet', 'Språk i dokumentet', 'Document language'),
  exportLangNb: l('Bokmål', 'Bokmål', 'Bokmål'),
  exportLangNn: l('Nynorsk', 'Nynorsk', 'Nynorsk'),
  exportSource: l('Kilde', 'Kjelde', 'Source'),
  exportSourceLive: l('Tavla nå', 'Tavla no', 'The board now'),
  exportWithComments: l('Legg ved kommentarene (vedlegg)', 'Legg ved kommentarane (vedlegg)', 'Append the comments'),
  exportDownload: l('Last ned', 'Last ned', 'Download'),
  exportWaiting: l('Serveren lager fila …', 'Tenaren lagar fila …', 'The server is making the file …'),
  exportReceiving: l('Laster ned {received} av {total} …', 'Lastar ned {received} av {total} …', 'Downloading {received} of {total} …'),
  exportReceivingUnknown: l('Laster ned {received} …', 'Lastar ned {received} …', 'Downloading {received} …'),
  exportDone: l('Lastet ned {name} ({size}).', 'Lasta ned {name} ({size}).', 'Downloaded {name} ({size}).'),
  exportCancelled: l('Eksporten ble avbrutt.', 'Eksporten vart avbroten.', 'The export was cancelled.'),
  exportProgress: l('Eksport', 'Eksport', 'Export'),
  exportErrNetwork: l(
    'Fikk ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.',
    'Fekk ikkje kontakt med tenaren. Sjekk nettsambandet og prøv igjen.',
    'Could not reach the server. Check the connection and try again.',
  ),
  exportErrAccess: l(
    'Lenken din gir ikke lenger tilgang til tavla. Be eieren om en ny lenke.',
    'Lenkja di gir ikkje lenger tilgang til tavla. Be eigaren om ei ny lenkje.',
    'Your link no longer gives access to the board. Ask the owner for a new link.',
  ),
  exportErrNotFound: l(
    'Fant ikke det som skulle eksporteres: {message} Velg en annen kilde.',
    'Fann ikkje det som skulle eksporterast: {message} Vel ei anna kjelde.',
    'What was to be exported was not found: {message} Choose another source.',
  ),
  exportErrServer: l(
    'Serveren klarte ikke å lage fila: {message} Prøv igjen, eller velg et annet format.',
    'Tenaren klarte ikkje å lage fila: {message} Prøv igjen, eller vel eit anna format.',
    'The server could not make the file: {message} Try again, or choose another format.',
  ),
} as const satisfies Record<string, Localized>;
