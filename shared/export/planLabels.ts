// The words of the plan chapter (issue #14) in bokmål and nynorsk: band headings, link
// sentences and the few words around the board's own text.
import type { TrackState, Trend } from '../indicators/series';
import type { EdgeKind, Tier } from '../vocabulary';
import type { ExportLang } from './labels';

export interface PlanLabels {
  parts: { national: string; kommuneplan: string; nav_local: string; partnership: string; sdg: string; divergences: string; appendix: string };
  intro: (p: { municipality?: string; office?: string }) => string;
  partIntro: { national: string; kommuneplan: string; nav_local: string; partnership: string; sdg: string };
  sdgColumns: { goal: string; cards: string };
  vision: string;
  otherGoals: string;
  trends: string;
  unplaced: string;
  /** "nasjonalt mål", "nasjonale mål": how a goal of each band is named in running text. */
  goalOf: Record<Tier, { one: string; many: string }>;
  /** Sentence openers for a card's own links (out) and for links into it (in). */
  out: Partial<Record<EdgeKind, string>>;
  in: Partial<Record<EdgeKind, string>>;
  conflictSuffix: string;
  and: string;
  strategiesLead: string;
  measuresLead: string;
  indicatorsLead: string;
  columns: { indicator: string; baseline: string; target: string; latest: string; state: string; source: string };
  /** The on-track state and the trend in the indicator table (shared/indicators/series.ts). */
  states: Record<TrackState, string>;
  trendWords: Record<Trend, string>;
  /** Lead of the list of measured series under an indicator table. */
  seriesLead: string;
  responsible: string;
  sdg: string;
  owner: string;
  agreedPublication: (date: string) => string;
  figure: string;
  figureTitle: Record<Tier, string>;
  figureAlt: (p: { band: string; cards: string; links: string }) => string;
  figureNoLinks: string;
  figureTooLarge: (cards: number) => string;
  noInstruments: string;
  divergenceBetween: string;
  tableCaption: (goal: string) => string;
}

export const PLAN_LABELS: Record<ExportLang, PlanLabels> = {
  nb: {
    parts: {
      national: 'Nasjonale mål og føringer',
      kommuneplan: 'Kommuneplanens mål',
      nav_local: 'NAV-kontorets lokale mål',
      partnership: 'Partnerskapet og styringsinstrumentene',
      sdg: 'Bærekraftsmålene i planen',
      divergences: 'Mål til drøfting',
      appendix: 'Arbeidsgrunnlag',
    },
    intro: ({ municipality, office }) =>
      `Kapitlet viser målene ${municipality ? `${municipality} kommune` : 'kommunen'} og ${office ?? 'NAV-kontoret'} har kartlagt sammen: ` +
      'de nasjonale målene planen svarer på, kommuneplanens mål med strategier, tiltak og indikatorer, NAV-kontorets lokale mål ' +
      'og styringsinstrumentene i partnerskapet.',
    partIntro: {
      national: 'Nasjonale mål og føringer som kommuneplanen og NAV-kontoret svarer på.',
      kommuneplan: 'Kommuneplanens mål etter satsingsområde, med strategier (slik gjør vi det), tiltak og indikatorer (slik måler vi det).',
      nav_local: 'NAV-kontorets lokale mål og hvilke nasjonale mål og kommuneplanmål de operasjonaliserer.',
      partnership: 'Samarbeidet mellom stat og kommune styres gjennom disse instrumentene.',
      sdg: 'Hvilke av FNs bærekraftsmål målene i planen støtter. Delmål av bærekraftsmålene står i parentes.',
    },
    sdgColumns: { goal: 'Bærekraftsmål', cards: 'Mål i planen som støtter det' },
    vision: 'Visjon',
    otherGoals: 'Andre mål',
    trends: 'Trender og hendelser',
    unplaced: 'Andre strategier, tiltak og indikatorer',
    goalOf: {
      national: { one: 'nasjonalt mål', many: 'nasjonale mål' },
      kommuneplan: { one: 'kommuneplanens mål', many: 'kommuneplanens mål' },
      nav_local: { one: 'NAV-kontorets mål', many: 'NAV-kontorets mål' },
    },
    out: {
      contributesTo: 'Bidrar til',
      operationalises: 'Operasjonaliserer',
      anchoredIn: 'Forankret i',
      measuredBy: 'Måles ved',
      governedThrough: 'Styres gjennom',
      influencedBy: 'Påvirkes av',
      conflictsWith: 'Kan trekke i en annen retning enn',
      partOf: 'Del av',
    },
    in: {
      contributesTo: 'Får bidrag fra',
      operationalises: 'Operasjonaliseres av',
      anchoredIn: 'Ligger til grunn for',
      governedThrough: 'Styrer',
      influencedBy: 'Påvirker',
      conflictsWith: 'Kan trekke i en annen retning enn',
    },
    conflictSuffix: 'se «Mål til drøfting»',
    and: 'og',
    strategiesLead: 'Strategier – slik gjør vi det',
    measuresLead: 'Tiltak',
    indicatorsLead: 'Indikatorer – slik måler vi det',
    columns: { indicator: 'Indikator', baseline: 'Utgangsverdi', target: 'Målverdi', latest: 'Siste verdi', state: 'Status', source: 'Kilde' },
    states: { reached: 'Nådd', onTrack: 'I rute', offTrack: 'Ikke i rute', noTarget: 'Mangler målverdi', noData: 'Ingen måling' },
    trendWords: { improving: 'bedre enn forrige måling', worsening: 'dårligere enn forrige måling', flat: 'uendret', unknown: '' },
    seriesLead: 'Måleserier',
    responsible: 'Ansvar',
    sdg: 'Bærekraftsmål',
    owner: 'Eier',
    agreedPublication: (date) => `Avtalt mellom stat og kommune ${date}.`,
    figure: 'Figur',
    figureTitle: { national: 'Nasjonale mål og føringer', kommuneplan: 'Kommuneplanens mål', nav_local: 'NAV-kontorets lokale mål' },
    figureAlt: ({ band, cards, links }) => `Figuren viser båndet ${band} på tavla. Kort: ${cards}. Koblinger: ${links}.`,
    figureNoLinks: 'ingen innenfor båndet',
    figureTooLarge: (n) => `Båndet har ${n} kort, for mange til en lesbar figur på en side. Hele kartet finnes som SVG- eller PNG-eksport fra Målkart.`,
    noInstruments: 'Ingen styringsinstrumenter er lagt inn på tavla.',
    divergenceBetween: 'og',
    tableCaption: (goal) => `Indikatorer for «${goal}»`,
  },
  nn: {
    parts: {
      national: 'Nasjonale mål og føringar',
      kommuneplan: 'Måla i kommuneplanen',
      nav_local: 'Lokale mål for NAV-kontoret',
      partnership: 'Partnarskapen og styringsinstrumenta',
      sdg: 'Berekraftsmåla i planen',
      divergences: 'Mål til drøfting',
      appendix: 'Arbeidsgrunnlag',
    },
    intro: ({ municipality, office }) =>
      `Kapittelet viser måla ${municipality ? `${municipality} kommune` : 'kommunen'} og ${office ?? 'NAV-kontoret'} har kartlagt saman: ` +
      'dei nasjonale måla planen svarar på, måla i kommuneplanen med strategiar, tiltak og indikatorar, dei lokale måla for NAV-kontoret ' +
      'og styringsinstrumenta i partnarskapen.',
    partIntro: {
      national: 'Nasjonale mål og føringar som kommuneplanen og NAV-kontoret svarar på.',
      kommuneplan: 'Måla i kommuneplanen etter satsingsområde, med strategiar (slik gjer vi det), tiltak og indikatorar (slik måler vi det).',
      nav_local: 'Dei lokale måla for NAV-kontoret og kva for nasjonale mål og kommuneplanmål dei operasjonaliserer.',
      partnership: 'Samarbeidet mellom stat og kommune vert styrt gjennom desse instrumenta.',
      sdg: 'Kva for berekraftsmål frå FN måla i planen støttar. Delmål av berekraftsmåla står i parentes.',
    },
    sdgColumns: { goal: 'Berekraftsmål', cards: 'Mål i planen som støttar det' },
    vision: 'Visjon',
    otherGoals: 'Andre mål',
    trends: 'Trendar og hendingar',
    unplaced: 'Andre strategiar, tiltak og indikatorar',
    goalOf: {
      national: { one: 'nasjonalt mål', many: 'nasjonale mål' },
      kommuneplan: { one: 'kommuneplanmålet', many: 'kommuneplanmåla' },
      nav_local: { one: 'NAV-kontoret sitt mål', many: 'NAV-kontoret sine mål' },
    },
    out: {
      contributesTo: 'Bidreg til',
      operationalises: 'Operasjonaliserer',
      anchoredIn: 'Forankra i',
      measuredBy: 'Vert målt ved',
      governedThrough: 'Vert styrt gjennom',
      influencedBy: 'Vert påverka av',
      conflictsWith: 'Kan dra i ei anna retning enn',
      partOf: 'Del av',
    },
    in: {
      contributesTo: 'Får bidrag frå',
      operationalises: 'Vert operasjonalisert av',
      anchoredIn: 'Ligg til grunn for',
      governedThrough: 'Styrer',
      influencedBy: 'Påverkar',
      conflictsWith: 'Kan dra i ei anna retning enn',
    },
    conflictSuffix: 'sjå «Mål til drøfting»',
    and: 'og',
    strategiesLead: 'Strategiar – slik gjer vi det',
    measuresLead: 'Tiltak',
    indicatorsLead: 'Indikatorar – slik måler vi det',
    columns: { indicator: 'Indikator', baseline: 'Utgangsverdi', target: 'Målverdi', latest: 'Siste verdi', state: 'Status', source: 'Kjelde' },
    states: { reached: 'Nådd', onTrack: 'I rute', offTrack: 'Ikkje i rute', noTarget: 'Manglar målverdi', noData: 'Inga måling' },
    trendWords: { improving: 'betre enn førre måling', worsening: 'dårlegare enn førre måling', flat: 'uendra', unknown: '' },
    seriesLead: 'Måleseriar',
    responsible: 'Ansvar',
    sdg: 'Berekraftsmål',
    owner: 'Eigar',
    agreedPublication: (date) => `Avtalt mellom stat og kommune ${date}.`,
    figure: 'Figur',
    figureTitle: { national: 'Nasjonale mål og føringar', kommuneplan: 'Måla i kommuneplanen', nav_local: 'Lokale mål for NAV-kontoret' },
    figureAlt: ({ band, cards, links }) => `Figuren viser bandet ${band} på tavla. Kort: ${cards}. Koplingar: ${links}.`,
    figureNoLinks: 'ingen innanfor bandet',
    figureTooLarge: (n) => `Bandet har ${n} kort, for mange til ein lesbar figur på ei side. Heile kartet finst som SVG- eller PNG-eksport frå Målkart.`,
    noInstruments: 'Ingen styringsinstrument er lagde inn på tavla.',
    divergenceBetween: 'og',
    tableCaption: (goal) => `Indikatorar for «${goal}»`,
  },
};
