// The words the exports add around the board's own text, in bokmål and nynorsk.
import type { View } from '../readModels';
import { WORKSHOP_EXPORT_LABELS, type WorkshopExportLabels } from './workshopLabels';

export type ExportLang = 'nb' | 'nn';

export interface ExportLabels {
  view: Record<View, string>;
  planPeriod: string;
  selection: string;
  status: string;
  progress: string;
  indicators: string;
  latest: string;
  see: string;
  from: string;
  to: string;
  divergences: string;
  divergencesIntro: string;
  note: string;
  severity: string;
  resolution: string;
  notResolved: string;
  coverageLists: {
    nationalGoalsNotOperationalised: string;
    localGoalsUnanchored: string;
    goalsWithoutIndicator: string;
    indicatorsWithoutTarget: string;
  };
  none: string;
  issues: string;
  issuesIntro: string;
  mapTitle: string;
  mapDescription: (p: { cards: number; links: number; conflicts: number; bands: string }) => string;
  workshop: WorkshopExportLabels;
}

export const EXPORT_LABELS: Record<ExportLang, ExportLabels> = {
  nb: {
    view: {
      all: 'Alle mål (stat, kommune og felles)',
      stat: 'Statens utsnitt: stat og felles',
      kommune: 'Kommunens utsnitt: kommune og felles',
    },
    planPeriod: 'Planperiode',
    selection: 'Utvalg',
    status: 'Status',
    progress: 'Fremdrift',
    indicators: 'Indikatorer',
    latest: 'siste',
    see: 'se',
    from: 'fra',
    to: 'til',
    divergences: 'Måldivergens',
    divergencesIntro: 'Mål som trekker i ulike retninger, til drøfting i partnerskapsmøtet.',
    note: 'Merknad',
    severity: 'Alvorlighetsgrad',
    resolution: 'Løsning',
    notResolved: 'Ikke avklart',
    coverageLists: {
      nationalGoalsNotOperationalised: 'Nasjonale mål som ingen lokale mål eller tiltak operasjonaliserer',
      localGoalsUnanchored: 'Lokale NAV-mål uten forankring',
      goalsWithoutIndicator: 'Mål uten indikator',
      indicatorsWithoutTarget: 'Indikatorer uten målverdi',
    },
    none: 'Ingen.',
    issues: 'Merknader til kartet',
    issuesIntro: 'Kartet bryter disse reglene. De bør rettes på tavla:',
    mapTitle: 'Målkart',
    mapDescription: ({ cards, links, conflicts, bands }) =>
      `Målkart med ${cards} kort og ${links} koblinger i båndene ${bands}. ` +
      'Farge og tekst på hvert kort viser eier: stat, kommune eller felles. ' +
      `${conflicts} ${conflicts === 1 ? 'målkonflikt er markert' : 'målkonflikter er markert'} med rød stiplet linje.`,
    workshop: WORKSHOP_EXPORT_LABELS.nb,
  },
  nn: {
    view: {
      all: 'Alle mål (stat, kommune og felles)',
      stat: 'Staten sitt utsnitt: stat og felles',
      kommune: 'Kommunen sitt utsnitt: kommune og felles',
    },
    planPeriod: 'Planperiode',
    selection: 'Utval',
    status: 'Status',
    progress: 'Framdrift',
    indicators: 'Indikatorar',
    latest: 'siste',
    see: 'sjå',
    from: 'frå',
    to: 'til',
    divergences: 'Måldivergens',
    divergencesIntro: 'Mål som dreg i ulike retningar, til drøfting i partnarskapsmøtet.',
    note: 'Merknad',
    severity: 'Alvorsgrad',
    resolution: 'Løysing',
    notResolved: 'Ikkje avklart',
    coverageLists: {
      nationalGoalsNotOperationalised: 'Nasjonale mål som ingen lokale mål eller tiltak operasjonaliserer',
      localGoalsUnanchored: 'Lokale NAV-mål utan forankring',
      goalsWithoutIndicator: 'Mål utan indikator',
      indicatorsWithoutTarget: 'Indikatorar utan målverdi',
    },
    none: 'Ingen.',
    issues: 'Merknader til kartet',
    issuesIntro: 'Kartet bryt desse reglane. Dei bør rettast på tavla:',
    mapTitle: 'Målkart',
    mapDescription: ({ cards, links, conflicts, bands }) =>
      `Målkart med ${cards} kort og ${links} koplingar i banda ${bands}. ` +
      'Farge og tekst på kvart kort viser eigar: stat, kommune eller felles. ' +
      `${conflicts} ${conflicts === 1 ? 'målkonflikt er markert' : 'målkonfliktar er markerte'} med raud stipla linje.`,
    workshop: WORKSHOP_EXPORT_LABELS.nn,
  },
};
