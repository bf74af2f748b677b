import type { Lang, NodeKind } from '../../shared';

// "Nytt mål", "Ny strategi": the title a new card starts with, in the right grammatical gender.
const NB: Record<NodeKind, string> = {
  directive: 'Ny føring', vision: 'Ny visjon', focus: 'Nytt satsingsområde', goal: 'Nytt mål', strategy: 'Ny strategi',
  indicator: 'Ny indikator', measure: 'Nytt tiltak', instrument: 'Nytt styringsinstrument', context: 'Ny trend / hendelse', note: 'Ny lapp',
};
const NN: Record<NodeKind, string> = {
  ...NB, context: 'Ny trend / hending',
};
const EN: Record<NodeKind, string> = {
  directive: 'New directive', vision: 'New vision', focus: 'New focus area', goal: 'New goal', strategy: 'New strategy',
  indicator: 'New indicator', measure: 'New measure', instrument: 'New governance instrument', context: 'New trend / event', note: 'New note',
};

export function newCardTitle(kind: NodeKind, lang: Lang): string {
  return (lang === 'en' ? EN : lang === 'nn' ? NN : NB)[kind];
}
