// The words of the map (docs/domain.md): every kind, tier, owner and field value, with labels in
// bokmål, nynorsk and English. Values are stored in the Y.Doc and the interchange file as given here.

export type Lang = 'nb' | 'nn' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];
export type Localized = Record<Lang, string>;

const l = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

export const NODE_KINDS = [
  'directive', 'vision', 'focus', 'goal', 'strategy', 'indicator', 'measure', 'instrument', 'context', 'note',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NODE_KIND_LABELS: Record<NodeKind, Localized> = {
  directive: l('Føring', 'Føring', 'Directive'),
  vision: l('Visjon', 'Visjon', 'Vision'),
  focus: l('Satsingsområde', 'Satsingsområde', 'Focus area'),
  goal: l('Mål', 'Mål', 'Goal'),
  strategy: l('Strategi', 'Strategi', 'Strategy'),
  indicator: l('Indikator', 'Indikator', 'Indicator'),
  measure: l('Tiltak', 'Tiltak', 'Measure'),
  instrument: l('Styringsinstrument', 'Styringsinstrument', 'Governance instrument'),
  context: l('Trend / hendelse', 'Trend / hending', 'Trend / event'),
  note: l('Lapp', 'Lapp', 'Sticky note'),
};

export const TIERS = ['national', 'kommuneplan', 'nav_local'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, Localized> = {
  national: l('Nasjonale mål', 'Nasjonale mål', 'National goals'),
  kommuneplan: l('Kommuneplan', 'Kommuneplan', 'Municipal plan'),
  nav_local: l('Lokale NAV-mål', 'Lokale NAV-mål', 'Local NAV goals'),
};

export const OWNERS = ['stat', 'kommune', 'felles'] as const;
export type Owner = (typeof OWNERS)[number];
export const OWNER_LABELS: Record<Owner, Localized> = {
  stat: l('Stat', 'Stat', 'State'),
  kommune: l('Kommune', 'Kommune', 'Municipality'),
  felles: l('Felles', 'Felles', 'Joint'),
};

export const GOAL_LEVELS = ['samfunnsmål', 'hovedmål', 'delmål', 'brukermål', 'effektmål', 'resultatmål'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const GOAL_LEVEL_LABELS: Record<GoalLevel, Localized> = {
  samfunnsmål: l('Samfunnsmål', 'Samfunnsmål', 'Societal goal'),
  hovedmål: l('Hovedmål', 'Hovudmål', 'Main goal'),
  delmål: l('Delmål', 'Delmål', 'Sub-goal'),
  brukermål: l('Brukermål', 'Brukarmål', 'User goal'),
  effektmål: l('Effektmål', 'Effektmål', 'Outcome goal'),
  resultatmål: l('Resultatmål', 'Resultatmål', 'Output goal'),
};

export const STATUSES = ['forslag', 'utkast', 'vedtatt', 'utgått'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, Localized> = {
  forslag: l('Forslag', 'Forslag', 'Proposal'),
  utkast: l('Utkast', 'Utkast', 'Draft'),
  vedtatt: l('Vedtatt', 'Vedteke', 'Adopted'),
  utgått: l('Utgått', 'Utgått', 'Expired'),
};

export const PROGRESS_VALUES = ['ikke_startet', 'pågår', 'i_rute', 'avvik', 'nådd'] as const;
export type Progress = (typeof PROGRESS_VALUES)[number];
export const PROGRESS_LABELS: Record<Progress, Localized> = {
  ikke_startet: l('Ikke startet', 'Ikkje starta', 'Not started'),
  pågår: l('Pågår', 'Pågår', 'In progress'),
  i_rute: l('I rute', 'I rute', 'On track'),
  avvik: l('Avvik', 'Avvik', 'Off track'),
  nådd: l('Nådd', 'Nådd', 'Achieved'),
};

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, Localized> = {
  higher: l('Høyere er bedre', 'Høgare er betre', 'Higher is better'),
  lower: l('Lavere er bedre', 'Lågare er betre', 'Lower is better'),
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, Localized> = {
  low: l('Lav', 'Låg', 'Low'),
  medium: l('Middels', 'Middels', 'Medium'),
  high: l('Høy', 'Høg', 'High'),
};

export const EDGE_KINDS = [
  'partOf', 'contributesTo', 'operationalises', 'measuredBy', 'anchoredIn', 'governedThrough', 'influencedBy', 'conflictsWith',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export const EDGE_KIND_LABELS: Record<EdgeKind, Localized> = {
  partOf: l('delmål av', 'delmål av', 'part of'),
  contributesTo: l('bidrar til', 'bidreg til', 'contributes to'),
  operationalises: l('operasjonaliserer', 'operasjonaliserer', 'operationalises'),
  measuredBy: l('måles med', 'vert målt med', 'measured by'),
  anchoredIn: l('forankret i', 'forankra i', 'anchored in'),
  governedThrough: l('styres gjennom', 'vert styrt gjennom', 'governed through'),
  influencedBy: l('påvirket av', 'påverka av', 'influenced by'),
  conflictsWith: l('i konflikt med', 'i konflikt med', 'conflicts with'),
};

/** The usual owner and tier a new card of a kind gets when nothing else says. */
export const DEFAULT_OWNER: Record<NodeKind, Owner> = {
  directive: 'stat', vision: 'kommune', focus: 'kommune', goal: 'felles', strategy: 'felles', indicator: 'felles',
  measure: 'felles', instrument: 'felles', context: 'felles', note: 'felles',
};
export const DEFAULT_OWNER_FOR_TIER: Record<Tier, Owner> = { national: 'stat', kommuneplan: 'kommune', nav_local: 'felles' };

export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** SDG goal ("8") or target ("8.5", "8.a"). */
export const SDG_PATTERN = /^(1[0-7]|[1-9])(\.([1-9][0-9]?|[a-c]))?$/;

export const PERIOD_PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;
