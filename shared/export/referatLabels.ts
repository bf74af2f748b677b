// The words of the meeting referat (#20 §2), in bokmål and nynorsk: what a secretary writes.
import type { ExportLang } from './labels';

export interface ReferatLabels {
  title(board: string): string;
  meeting: string;
  time: string;
  board: string;
  startSnapshot: string;
  participants: string;
  participantsNone: string;
  sideUnknown: string;
  agreed: string;
  agreedIntro: string;
  agreedNone: string;
  agreedHeader: [string, string, string, string];
  bothSides: string;
  oneSide(side: string): string;
  fromAudit: string;
  notInAudit: string;
  fromRecords: string;
  lost: string;
  withdrawn(side: string, card: string, by: string): string;
  cleared(side: string, card: string): string;
  removedWithCard(side: string, card: string): string;
  votes: string;
  votesNone: string;
  voteClosed(title: string, dots: number, voters: number): string;
  voteOpen(title: string, voters: number): string;
  voteHeader: [string, string, string, string];
  changes: string;
  changesNone: string;
  changesSummary(c: { added: number; changed: number; removed: number; linksAdded: number; linksRemoved: number }): string;
  added: string;
  changed: string;
  /** "(før «old title»)" */
  formerly: string;
  removed: string;
  linksAdded: string;
  linksRemoved: string;
  linksChanged: string;
  fields: Record<string, string>;
  comments: string;
  commentsNone: string;
  commentsHeader: [string, string, string];
  commentsOlder(n: number): string;
  resolvedInMeeting(n: number): string;
  mustAnswerUnclear: string;
  deletedCard: string;
  aLink(kind: string, a: string, b: string): string;
  divergences: string;
  divergencesNone: string;
  divergence(a: string, b: string, severity: string): string;
  closing(endedAt: string): string;
}

const n = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

export const REFERAT_LABELS: Record<ExportLang, ReferatLabels> = {
  nb: {
    title: (b) => `Referat: ${b}`,
    meeting: 'Møte',
    time: 'Tid',
    board: 'Målkart',
    startSnapshot: 'Møtestart (øyeblikksbilde)',
    participants: 'Til stede',
    participantsNone: 'Ingen deltakere er registrert.',
    sideUnknown: 'Side ikke oppgitt',
    agreed: 'Enighet i møtet',
    agreedIntro: 'Disse målene, indikatorene og tiltakene fikk enighet i møtet:',
    agreedNone: 'Det ble ikke gitt ny enighet i møtet.',
    agreedHeader: ['Kort', 'Type', 'Status etter møtet', 'Gitt av'],
    bothSides: 'Avtalt mellom stat og kommune',
    oneSide: (s) => `Enighet fra ${s}, venter på den andre parten`,
    fromAudit: 'Hvem som sa seg enig er hentet fra revisjonsloggen.',
    notInAudit: 'ikke bekreftet i revisjonsloggen',
    fromRecords: 'Hvem som sa seg enig er hentet fra tavlas egne enighetsposter.',
    lost: 'Trukket tilbake eller falt bort',
    withdrawn: (s, c, by) => `${cap(s)} trakk tilbake enigheten om ${c}${by ? ` (${by})` : ''}.`,
    cleared: (s, c) => `Enigheten fra ${s} om ${c} falt bort fordi kortet ble endret etterpå.`,
    removedWithCard: (s, c) => `Enigheten fra ${s} om ${c} falt bort fordi kortet ble fjernet.`,
    votes: 'Avstemninger',
    votesNone: 'Det ble ikke holdt avstemninger i møtet.',
    voteClosed: (t, d, v) => `«${t}»: ${n(d, 'prikk', 'prikker')} per deltaker, ${n(v, 'deltaker', 'deltakere')} stemte. Resultat:`,
    voteOpen: (t, v) => `«${t}» er fortsatt åpen (${n(v, 'deltaker', 'deltakere')} har stemt). Resultatet vises når den lukkes.`,
    voteHeader: ['Plass', 'Kort', 'Prikker', 'Deltakere'],
    changes: 'Endringer på kartet',
    changesNone: 'Ingen kort eller koblinger ble endret i møtet.',
    changesSummary: (c) =>
      summary('I møtet ble', 'og', [[c.added, 'kort', 'kort', 'lagt til'], [c.changed, 'kort', 'kort', 'endret'], [c.removed, 'kort', 'kort', 'fjernet'], [c.linksAdded, 'kobling', 'koblinger', 'lagt til'], [c.linksRemoved, 'kobling', 'koblinger', 'fjernet']]),
    added: 'Lagt til',
    changed: 'Endret',
    formerly: 'før',
    removed: 'Fjernet',
    linksAdded: 'Nye koblinger',
    linksRemoved: 'Fjernede koblinger',
    linksChanged: 'Endrede koblinger',
    fields: {
      kind: 'type', tier: 'bånd', owner: 'eier', title: 'tittel', description: 'beskrivelse', level: 'nivå', period: 'periode',
      planRef: 'planreferanse', source: 'kilde', responsible: 'ansvarlig', status: 'status', progress: 'fremdrift', sdg: 'bærekraftsmål',
      unit: 'enhet', direction: 'retning', baseline: 'utgangsverdi', target: 'målverdi', latest: 'siste verdi', dataSource: 'datakilde',
      note: 'merknad', severity: 'alvorsgrad', resolution: 'løsning',
    },
    comments: 'Åpne kommentartråder',
    commentsNone: 'Ingen kommentartråder fra møtet står åpne.',
    commentsHeader: ['Gjelder', 'Siste innlegg', 'Må svare'],
    commentsOlder: (c) => `I tillegg står ${n(c, 'eldre tråd', 'eldre tråder')} fra før møtet ${c === 1 ? 'åpen' : 'åpne'}.`,
    resolvedInMeeting: (c) => `${n(c, 'tråd', 'tråder')} ble løst i møtet.`,
    mustAnswerUnclear: 'Ikke avklart',
    deletedCard: 'et slettet kort',
    aLink: (k, a, b) => `${a} ${k} ${b}`,
    divergences: 'Målkonflikter som står åpne',
    divergencesNone: 'Ingen målkonflikter står åpne.',
    divergence: (a, b, s) => `${a} i konflikt med ${b}${s ? ` (alvorsgrad ${s.toLowerCase()})` : ''}`,
    closing: (t) => `Referatet er laget av Målkart ${t} fra endringene på tavla siden møtestart.`,
  },
  nn: {
    title: (b) => `Referat: ${b}`,
    meeting: 'Møte',
    time: 'Tid',
    board: 'Målkart',
    startSnapshot: 'Møtestart (augneblinksbilete)',
    participants: 'Til stades',
    participantsNone: 'Ingen deltakarar er registrerte.',
    sideUnknown: 'Side ikkje oppgitt',
    agreed: 'Semje i møtet',
    agreedIntro: 'Desse måla, indikatorane og tiltaka fekk semje i møtet:',
    agreedNone: 'Det vart ikkje gitt ny semje i møtet.',
    agreedHeader: ['Kort', 'Type', 'Status etter møtet', 'Gitt av'],
    bothSides: 'Avtalt mellom stat og kommune',
    oneSide: (s) => `Semje frå ${s}, ventar på den andre parten`,
    fromAudit: 'Kven som sa seg samd, er henta frå revisjonsloggen.',
    notInAudit: 'ikkje stadfesta i revisjonsloggen',
    fromRecords: 'Kven som sa seg samd, er henta frå tavla sine eigne semjepostar.',
    lost: 'Trekt tilbake eller fall bort',
    withdrawn: (s, c, by) => `${cap(s)} trekte tilbake semja om ${c}${by ? ` (${by})` : ''}.`,
    cleared: (s, c) => `Semja frå ${s} om ${c} fall bort fordi kortet vart endra etterpå.`,
    removedWithCard: (s, c) => `Semja frå ${s} om ${c} fall bort fordi kortet vart fjerna.`,
    votes: 'Avstemmingar',
    votesNone: 'Det vart ikkje halde avstemmingar i møtet.',
    voteClosed: (t, d, v) => `«${t}»: ${n(d, 'prikk', 'prikkar')} per deltakar, ${n(v, 'deltakar', 'deltakarar')} stemde. Resultat:`,
    voteOpen: (t, v) => `«${t}» er framleis open (${n(v, 'deltakar', 'deltakarar')} har stemt). Resultatet blir vist når ho blir lukka.`,
    voteHeader: ['Plass', 'Kort', 'Prikkar', 'Deltakarar'],
    changes: 'Endringar på kartet',
    changesNone: 'Ingen kort eller koplingar vart endra i møtet.',
    changesSummary: (c) =>
      summary('I møtet vart', 'og', [[c.added, 'kort', 'kort', 'lagt til'], [c.changed, 'kort', 'kort', 'endra'], [c.removed, 'kort', 'kort', 'fjerna'], [c.linksAdded, 'kopling', 'koplingar', 'lagt til'], [c.linksRemoved, 'kopling', 'koplingar', 'fjerna']]),
    added: 'Lagt til',
    changed: 'Endra',
    formerly: 'før',
    removed: 'Fjerna',
    linksAdded: 'Nye koplingar',
    linksRemoved: 'Fjerna koplingar',
    linksChanged: 'Endra koplingar',
    fields: {
      kind: 'type', tier: 'band', owner: 'eigar', title: 'tittel', description: 'skildring', level: 'nivå', period: 'periode',
      planRef: 'planreferanse', source: 'kjelde', responsible: 'ansvarleg', status: 'status', progress: 'framdrift', sdg: 'berekraftsmål',
      unit: 'eining', direction: 'retning', baseline: 'utgangsverdi', target: 'målverdi', latest: 'siste verdi', dataSource: 'datakjelde',
      note: 'merknad', severity: 'alvorsgrad', resolution: 'løysing',
    },
    comments: 'Opne kommentartrådar',
    commentsNone: 'Ingen kommentartrådar frå møtet står opne.',
    commentsHeader: ['Gjeld', 'Siste innlegg', 'Må svare'],
    commentsOlder: (c) => `I tillegg står ${n(c, 'eldre tråd', 'eldre trådar')} frå før møtet ${c === 1 ? 'open' : 'opne'}.`,
    resolvedInMeeting: (c) => `${n(c, 'tråd', 'trådar')} vart løyste i møtet.`,
    mustAnswerUnclear: 'Ikkje avklart',
    deletedCard: 'eit sletta kort',
    aLink: (k, a, b) => `${a} ${k} ${b}`,
    divergences: 'Målkonfliktar som står opne',
    divergencesNone: 'Ingen målkonfliktar står opne.',
    divergence: (a, b, s) => `${a} i konflikt med ${b}${s ? ` (alvorsgrad ${s.toLowerCase()})` : ''}`,
    closing: (t) => `Referatet er laga av Målkart ${t} frå endringane på tavla sidan møtestart.`,
  },
};

/** "I møtet ble 1 kort lagt til, 2 kort endret og 1 kobling fjernet." — only what happened. */
function summary(lead: string, and: string, parts: [number, string, string, string][]): string {
  const said = parts.filter(([c]) => c > 0).map(([c, one, other, what]) => `${n(c, one, other)} ${what}`);
  if (!said.length) return '';
  const list = said.length === 1 ? said[0]! : `${said.slice(0, -1).join(', ')} ${and} ${said.at(-1)}`;
  return `${lead} ${list}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
