// The words the exports use for the workshop record (issue #7): agreement and comments, nb and nn.
export interface WorkshopExportLabels {
  agreement: string;
  state: { avtalt: string; stat: string; kommune: string; open: string };
  side: { stat: string; kommune: string };
  at: string;
  changedAfterAgreement: string;
  indicatorAgreements: string;
  overview: string;
  overviewIntro: string;
  lists: { avtalt: string; oneSide: string; open: string };
  comments: string;
  commentsIntro: string;
  openThreads: string;
  resolvedThreads: string;
  open: string;
  resolvedBy: string;
  link: string;
  deletedCard: string;
  deletedLink: string;
  noComments: string;
  /** The agreement log from the server's audit log (#16): who gave and withdrew agreement, and when. */
  agreementLog: string;
  agreementLogIntro: string;
  gave: string;
  withdrew: string;
  unverified: string;
}

export const WORKSHOP_EXPORT_LABELS: Record<'nb' | 'nn', WorkshopExportLabels> = {
  nb: {
    agreement: 'Enighet',
    state: { avtalt: 'Avtalt', stat: 'Bare staten er enig', kommune: 'Bare kommunen er enig', open: 'Ikke avtalt' },
    side: { stat: 'stat', kommune: 'kommune' },
    at: 'kl.',
    changedAfterAgreement: 'endret etter enighet fra',
    indicatorAgreements: 'Enighet om indikatorene',
    overview: 'Enighet mellom stat og kommune',
    overviewIntro:
      'Hvilke mål, indikatorer og tiltak stat og kommune har sagt seg enige i. Et kort som er endret etter at en part sa seg enig, ' +
      'regnes ikke som avtalt før parten sier seg enig på nytt.',
    lists: { avtalt: 'Avtalt av begge parter', oneSide: 'Enighet fra én part', open: 'Ikke avtalt' },
    comments: 'Vedlegg: Kommentarer',
    commentsIntro: 'Kommentartrådene fra tavla, åpne og løste, med alle innlegg.',
    openThreads: 'Åpne tråder',
    resolvedThreads: 'Løste tråder',
    open: 'Åpen',
    resolvedBy: 'Løst av',
    link: 'Kobling',
    deletedCard: 'Slettet kort',
    deletedLink: 'Slettet kobling',
    noComments: 'Ingen kommentarer.',
    agreementLog: 'Logg over enighet',
    agreementLogIntro:
      'Fra tjenerens revisjonslogg: hvem som sa seg enig eller trakk enigheten tilbake, og når (tjenerens klokke). ' +
      'Navn fra innlogging er bekreftet; et navn skrevet inn på en partslenke er merket ubekreftet.',
    gave: 'sa seg enig i',
    withdrew: 'trakk tilbake enighet i',
    unverified: 'ubekreftet navn',
  },
  nn: {
    agreement: 'Semje',
    state: { avtalt: 'Avtalt', stat: 'Berre staten er samd', kommune: 'Berre kommunen er samd', open: 'Ikkje avtalt' },
    side: { stat: 'stat', kommune: 'kommune' },
    at: 'kl.',
    changedAfterAgreement: 'endra etter semje frå',
    indicatorAgreements: 'Semje om indikatorane',
    overview: 'Semje mellom stat og kommune',
    overviewIntro:
      'Kva for mål, indikatorar og tiltak stat og kommune har sagt seg samde i. Eit kort som er endra etter at ein part sa seg samd, ' +
      'vert ikkje rekna som avtalt før parten seier seg samd på nytt.',
    lists: { avtalt: 'Avtalt av begge partar', oneSide: 'Semje frå éin part', open: 'Ikkje avtalt' },
    comments: 'Vedlegg: Kommentarar',
    commentsIntro: 'Kommentartrådane frå tavla, opne og løyste, med alle innlegg.',
    openThreads: 'Opne trådar',
    resolvedThreads: 'Løyste trådar',
    open: 'Open',
    resolvedBy: 'Løyst av',
    link: 'Kopling',
    deletedCard: 'Sletta kort',
    deletedLink: 'Sletta kopling',
    noComments: 'Ingen kommentarar.',
    agreementLog: 'Logg over semje',
    agreementLogIntro:
      'Frå revisjonsloggen til tenaren: kven som sa seg samd eller trekte semja tilbake, og når (klokka til tenaren). ' +
      'Namn frå innlogging er stadfesta; eit namn skrive inn på ei partslenkje er merkt ustadfesta.',
    gave: 'sa seg samd i',
    withdrew: 'trekte tilbake semje i',
    unverified: 'ustadfesta namn',
  },
};
