// The audit log's UI strings (#16 §5), spread into STRINGS.
import type { Localized } from '../../shared';

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const AUDIT_STRINGS = {
  auditButton: l('Logg', 'Logg', 'Log'),
  auditTitle: l('Logg over tavla', 'Logg over tavla', 'Board log'),
  auditIntro: l(
    'Det serveren har registrert: enighet gitt og trukket, avstemninger, øyeblikksbilder, nye lenker. Tid og lenke er serverens; navn skrevet inn på en lenke er ikke bekreftet.',
    'Det tenaren har registrert: semje gitt og trekt, avstemmingar, augneblinksbilete, nye lenkjer. Tid og lenkje er tenaren sine; namn skrivne inn på ei lenkje er ikkje stadfesta.',
    'What the server recorded: agreements given and withdrawn, votes, snapshots, new links. Times and links are the server\'s; a name typed on a link is not verified.',
  ),
  auditWhen: l('Når', 'Når', 'When'),
  auditAction: l('Hva', 'Kva', 'What'),
  auditActor: l('Hvem', 'Kven', 'Who'),
  auditTarget: l('Gjelder', 'Gjeld', 'Concerns'),
  auditUnverified: l('ikke bekreftet', 'ikkje stadfesta', 'not verified'),
  auditMore: l('Vis eldre', 'Vis eldre', 'Show older'),
  auditCsv: l('Last ned som CSV', 'Last ned som CSV', 'Download as CSV'),
  auditEmpty: l('Ingenting registrert ennå.', 'Ingenting registrert enno.', 'Nothing recorded yet.'),
  auditLoading: l('Henter loggen …', 'Hentar loggen …', 'Loading the log …'),
  auditFailed: l('Loggen kunne ikke hentes: {message}', 'Loggen kunne ikkje hentast: {message}', 'The log could not be loaded: {message}'),
  'audit.board.create': l('Tavla opprettet', 'Tavla oppretta', 'Board created'),
  'audit.board.import': l('Tavla importert', 'Tavla importert', 'Board imported'),
  'audit.board.delete': l('Tavla slettet', 'Tavla sletta', 'Board deleted'),
  'audit.tokens.rotate': l('Nye lenker', 'Nye lenkjer', 'New links'),
  'audit.agreement.give': l('Enig', 'Einig', 'Agreed'),
  'audit.agreement.withdraw': l('Enighet trukket', 'Semje trekt', 'Agreement withdrawn'),
  'audit.vote.open': l('Avstemning startet', 'Avstemming starta', 'Vote opened'),
  'audit.vote.close': l('Avstemning avsluttet', 'Avstemming avslutta', 'Vote closed'),
  'audit.snapshot.take': l('Øyeblikksbilde tatt', 'Augneblinksbilete teke', 'Snapshot taken'),
  'audit.snapshot.restore': l('Øyeblikksbilde gjenopprettet', 'Augneblinksbilete attoppretta', 'Snapshot restored'),
} as const satisfies Record<string, Localized>;
