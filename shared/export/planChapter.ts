// The kommuneplan chapter as a planner reads it (issue #14): sections by band — national goals
// and føringer, the kommuneplan's goals by satsingsområde with strategies, measures and
// indicators, the NAV office's local goals, the partnership's instruments, goals to discuss —
// each goal as text with a sentence of its links. Plain data, final text in the chosen
// language, laid out by the DOCX and HTML exporters. Every link is indexed once (indexLinks),
// so building it is linear in cards + links.
import { assessIndicator } from '../indicators/series';
import type { BoardGraph } from '../boardDoc';
import { indexLinks } from '../linkIndex';
import { boardOrder, coverage, divergences, type View } from '../readModels';
import type { BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import { sdgCoverage } from '../sdg';
import { validateGraph } from '../validateBoard';
import {
  DIRECTION_LABELS, EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, NODE_KIND_LABELS, OWNER_LABELS, PROGRESS_LABELS, SEVERITY_LABELS, STATUS_LABELS, TIER_LABELS,
  type EdgeKind, type NodeKind, type Tier,
} from '../vocabulary';
import { formatNumber, formatPeriod, lowerFirst, viewGraph } from './format';
import { EXPORT_LABELS, type ExportLabels, type ExportLang } from './labels';
import { PLAN_LABELS, type PlanLabels } from './planLabels';
import { redThreadSection } from './redThreadSection';
import {
  agreementText, agreementsOf, buildAgreementLog, buildAgreementOverview, buildCommentAppendix, type AgreementLogEntry, type AgreementOverview, type CommentAppendix,
} from './workshop';

export type Variant = 'publication' | 'working';
export type Numbering = 'none' | 'word';
export const VARIANTS: readonly Variant[] = ['publication', 'working'];
export const NUMBERINGS: readonly Numbering[] = ['none', 'word'];
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevelOption = (typeof HEADING_LEVELS)[number];

export interface PlanOptions {
  view: View;
  lang: ExportLang;
  /** publication: no names, timestamps, open-agreement list or internal checks. Default working. */
  variant?: Variant;
  /** The comment threads as an appendix (working variant only: they carry names). */
  comments?: boolean;
  /** The server's audit log of agreements given and withdrawn (#16): listed in the appendix of the working variant. */
  agreementLog?: readonly AgreementLogEntry[];
}

export interface PlanItem {
  title: string;
  /** "(2025–2027; NAV Lier)"; empty when there is nothing to add. */
  detail: string;
  /** Agreement text for the item, when the variant shows one. */
  agreement?: string;
}
export interface PlanIndicatorRow {
  indicator: string;
  baseline: string;
  target: string;
  /** The newest measured value with its period: the series' newest, else the card's own «siste verdi». */
  latest: string;
  /** "I rute, bedre enn forrige måling" (assessIndicator). */
  state: string;
  /** "71 % (2022) · 72 % (2023)": the whole measured series; empty without one. */
  series: string;
  source: string;
  agreement?: string;
}
export interface PlanList {
  lead: string;
  items: PlanItem[];
}
/** One card as a subsection: heading, a line of facts, its description, link sentences, lists, table. */
export interface PlanBlock {
  id: string;
  kind: NodeKind | 'group';
  owner?: string;
  /** Depth under the part's heading: 1 is the part's direct subsection. */
  depth: number;
  title: string;
  /** "Hovedmål · 2024–2036 · KPS 2024–2036 · Bærekraftsmål 4.3, 8.6" */
  meta: string;
  /** Paragraphs of the description; single line breaks kept inside a paragraph. */
  paragraphs: string[];
  /** "Bidrar til nasjonalt mål «X». Måles ved «Y»." as separate sentences. */
  sentences: string[];
  lists: PlanList[];
  indicators: PlanIndicatorRow[];
  agreement?: string;
}
export interface PlanFigure {
  tier: Tier;
  /** Numbered in chapter order: "Figur 2: Kommuneplanens mål". */
  caption: string;
  title: string;
  /** Alt text: what the figure shows, card by card and link by link. */
  description: string;
}
export type PartKey = 'national' | 'kommuneplan' | 'nav_local' | 'partnership' | 'sdg' | 'divergences';
export interface PlanPart {
  key: PartKey;
  heading: string;
  intro: string[];
  figure?: PlanFigure;
  blocks: PlanBlock[];
  /** A table of the part's own (the SDG coverage), with a header row. */
  table?: { caption: string; header: string[]; rows: string[][]; widths: number[] };
}
export interface PlanDivergence {
  between: string;
  note: string;
  severity: string;
  resolution: string;
}
export interface PlanAppendix {
  heading: string;
  sections: { heading: string; intro?: string; items: string[] }[];
}
export interface PlanChapter {
  lang: ExportLang;
  variant: Variant;
  labels: PlanLabels;
  exportLabels: ExportLabels;
  title: string;
  intro: string[];
  parts: PlanPart[];
  divergences: PlanDivergence[];
  /** Working variant: coverage checks, rule violations, the agreement overview. */
  appendix?: PlanAppendix;
  agreements?: AgreementOverview;
  comments?: CommentAppendix;
}

const BANDS: readonly Tier[] = ['national', 'kommuneplan', 'nav_local'];
/** 12 rows of 3 cards: about one printed page. */
export const FIGURE_MAX_CARDS = 36;
const GOALISH: ReadonlySet<NodeKind> = new Set(['goal', 'focus']);

/** "A, B og C". */
export function joinList(parts: string[], and: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

const quote = (s: string) => `«${s.replace(/\s+/g, ' ').trim()}»`;

export function buildPlanChapter(board: BoardJson, opts: PlanOptions): PlanChapter {
  return planChapterOf(board, viewGraph(board, opts.view), opts);
}

/** The chapter of an already filtered graph (exported so a test can count how often links are read). */
export function planChapterOf(board: BoardJson, graph: BoardGraph, opts: PlanOptions): PlanChapter {
  const { lang } = opts;
  const variant = opts.variant ?? 'working';
  const working = variant === 'working';
  const P = PLAN_LABELS[lang];
  const L = EXPORT_LABELS[lang];
  const links = indexLinks(graph);
  const node = (id: string) => graph.nodes.get(id);
  const agreementOf = agreementsOf(board);

  const agreement = (n: BoardNode): string | undefined => {
    const status = agreementOf(n);
    if (!status) return undefined;
    if (working) return agreementText(status, lang);
    if (status.state !== 'avtalt') return undefined;
    // The later of the two sides' agreements is when it became agreed; the date only, no names.
    const at = [status.stat?.at, status.kommune?.at].filter((x): x is string => !!x).sort().at(-1);
    return P.agreedPublication(at ? formatDate(at) : '').replace(' .', '.');
  };

  /** How a card is named in running text: "nasjonalt mål «X»", "tiltak «Y»". */
  // A trend's title says what it is ("Trend: …", "Hendelse: …"), so it is named by its title alone.
  const refNoun = (n: BoardNode, many: boolean) =>
    n.kind === 'goal' ? P.goalOf[n.tier][many ? 'many' : 'one'] : n.kind === 'context' ? '' : lowerFirst(NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind);
  const refs = (nodes: BoardNode[]): string => {
    const groups = new Map<string, BoardNode[]>();
    for (const n of nodes) {
      const key = n.kind === 'goal' ? `goal:${n.tier}` : n.kind;
      const g = groups.get(key);
      if (g) g.push(n);
      else groups.set(key, [n]);
    }
    return joinList(
      [...groups.values()].map((g) => `${refNoun(g[0]!, g.length > 1)} ${joinList(g.map((n) => quote(n.title)), P.and)}`.trim()),
      P.and,
    );
  };
  const ends = (edges: { source: string; target: string }[], side: 'source' | 'target', keep: (n: BoardNode) => boolean) => {
    const seen = new Set<string>();
    const out: BoardNode[] = [];
    for (const e of edges) {
      const n = node(e[side]);
      if (n && keep(n) && !seen.has(n.id)) {
        seen.add(n.id);
        out.push(n);
      }
    }
    return out.sort(boardOrder);
  };

  const OUT_KINDS: EdgeKind[] = ['contributesTo', 'operationalises', 'anchoredIn', 'governedThrough', 'influencedBy', 'conflictsWith'];
  /** The link sentences of a card: its own links first, then what links into it from other goals and cards. */
  const sentences = (n: BoardNode): string[] => {
    const out: string[] = [];
    for (const kind of OUT_KINDS) {
      // A measure or strategy's contribution is said under the goal it serves, as a list item.
      const targets = ends(links.out(n.id, [kind]), 'target', () => true);
      if (kind === 'conflictsWith') targets.push(...ends(links.into(n.id, [kind]), 'source', () => true));
      if (!targets.length) continue;
      out.push(`${P.out[kind]} ${refs(targets)}${kind === 'conflictsWith' ? ` (${P.conflictSuffix})` : ''}.`);
    }
    const measured = ends(links.out(n.id, ['measuredBy']), 'target', (t) => t.kind === 'indicator');
    if (measured.length) out.push(`${P.out.measuredBy} ${joinList(measured.map((t) => quote(t.title)), P.and)}.`);
    for (const kind of ['operationalises', 'contributesTo', 'anchoredIn', 'governedThrough', 'influencedBy'] as const) {
      // Incoming links from goals only: measures and strategies are listed under the goal.
      const sources = ends(links.into(n.id, [kind]), 'source', (s) => s.kind === 'goal' || n.kind !== 'goal');
      if (sources.length) out.push(`${P.in[kind]} ${refs(sources)}.`);
    }
    return out;
  };

  const metaLine = (n: BoardNode): string => {
    const parts = [
      n.level ? GOAL_LEVEL_LABELS[n.level]?.[lang] : undefined,
      formatPeriod(n.period, lang),
      n.planRef,
      n.source?.doc && n.source.doc !== n.title ? [n.source.doc, n.source.section].filter(Boolean).join(', ') : undefined,
      n.responsible ? `${P.responsible}: ${n.responsible}` : undefined,
      n.sdg?.length ? `${P.sdg} ${n.sdg.join(', ')}` : undefined,
    ];
    if (working) {
      parts.push(
        `${P.owner}: ${OWNER_LABELS[n.owner]?.[lang] ?? n.owner}`,
        n.status && `${L.status}: ${STATUS_LABELS[n.status]?.[lang] ?? n.status}`,
        n.progress && `${L.progress}: ${PROGRESS_LABELS[n.progress]?.[lang] ?? n.progress}`,
      );
    }
    return parts.filter(Boolean).join(' · ');
  };

  const placed = new Set<string>();
  const item = (n: BoardNode): PlanItem => {
    placed.add(n.id);
    const extra = [formatPeriod(n.period, lang), n.responsible ?? ''].filter(Boolean);
    const a = agreement(n);
    return { title: n.title, detail: extra.length ? `(${extra.join('; ')})` : '', ...(a ? { agreement: a } : {}) };
  };
  const indicatorRowOf = (i: BoardNode): PlanIndicatorRow => {
    placed.add(i.id);
    const direction = i.direction ? DIRECTION_LABELS[i.direction]?.[lang] : undefined;
    const a = agreement(i);
    const assessed = assessIndicator(i);
    const trend = P.trendWords[assessed.trend];
    return {
      indicator: direction ? `${i.title} (${lowerFirst(direction)})` : i.title,
      baseline: valueOf(i.baseline, i.unit),
      target: valueOf(i.target, i.unit),
      latest: assessed.latest ? periodValueOf(assessed.latest, i.unit) : '–',
      state: trend && assessed.state !== 'noData' ? `${P.states[assessed.state]}, ${trend}` : P.states[assessed.state],
      series: (i.series ?? []).map((v) => periodValueOf(v, i.unit)).join(' · '),
      source: assessed.latest?.source ?? i.dataSource ?? '',
      ...(a ? { agreement: a } : {}),
    };
  };

  const block = (n: BoardNode, depth: number): PlanBlock => {
    placed.add(n.id);
    const strategies = ends(links.into(n.id, ['partOf', 'contributesTo']), 'source', (s) => s.kind === 'strategy');
    const measures = ends(links.into(n.id, ['contributesTo', 'operationalises']), 'source', (s) => s.kind === 'measure');
    const indicators = ends(links.out(n.id, ['measuredBy']), 'target', (t) => t.kind === 'indicator');
    const lists: PlanList[] = [];
    if (strategies.length) lists.push({ lead: P.strategiesLead, items: strategies.map(item) });
    if (measures.length) lists.push({ lead: P.measuresLead, items: measures.map(item) });
    const a = agreement(n);
    return {
      id: n.id,
      kind: n.kind,
      owner: n.owner,
      depth,
      title: n.title,
      meta: metaLine(n),
      paragraphs: paragraphsOf(n.description),
      sentences: sentences(n),
      lists,
      indicators: indicators.map(indicatorRowOf),
      ...(a ? { agreement: a } : {}),
    };
  };
  const group = (title: string, depth: number, items: PlanList[] = []): PlanBlock => ({
    id: `group:${title}`, kind: 'group', depth, title, meta: '', paragraphs: [], sentences: [], lists: items, indicators: [],
  });

  // Children by partOf within a band: goals and focus areas nest under their parent goal or focus.
  const partChildren = (id: string, tier: Tier) =>
    ends(links.into(id, ['partOf']), 'source', (c) => c.tier === tier && GOALISH.has(c.kind) && !placed.has(c.id));
  const goalTree = (n: BoardNode, depth: number, out: PlanBlock[]) => {
    if (placed.has(n.id)) return;
    out.push(block(n, Math.min(depth, 5)));
    for (const c of partChildren(n.id, n.tier)) goalTree(c, depth + 1, out);
  };
  const byKind = (tier: Tier, kind: NodeKind) => [...graph.nodes.values()].filter((n) => n.tier === tier && n.kind === kind).sort(boardOrder);
  const isRoot = (n: BoardNode) =>
    !links.out(n.id, ['partOf']).some((e) => {
      const p = node(e.target);
      return p && p.tier === n.tier && GOALISH.has(p.kind);
    });

  let figureNo = 0;
  const parts: PlanPart[] = [];
  for (const tier of BANDS) {
    const inBand = [...graph.nodes.values()].filter((n) => n.tier === tier && n.kind !== 'note' && n.kind !== 'instrument');
    if (!inBand.length) continue;
    const blocks: PlanBlock[] = [];
    const intro = [P.partIntro[tier]];
    for (const v of byKind(tier, 'vision')) {
      placed.add(v.id);
      intro.push(`${P.vision}: ${quote(v.title)}.${v.description.trim() ? ` ${v.description.trim()}` : ''}`);
    }
    for (const d of byKind(tier, 'directive')) blocks.push(block(d, 1));
    const focus = byKind(tier, 'focus').filter(isRoot);
    for (const f of focus) goalTree(f, 1, blocks);
    const rootGoals = byKind(tier, 'goal').filter((g) => !placed.has(g.id) && isRoot(g));
    if (focus.length && rootGoals.length) {
      blocks.push(group(P.otherGoals, 1));
      for (const g of rootGoals) goalTree(g, 2, blocks);
    } else for (const g of rootGoals) goalTree(g, 1, blocks);
    // Goals caught under a parent outside the tree (a cycle), so nothing is lost.
    for (const g of byKind(tier, 'goal')) goalTree(g, 1, blocks);
    const trends = byKind(tier, 'context');
    if (trends.length) {
      blocks.push(
        group(P.trends, 1, [{
          lead: '',
          items: trends.map((c) => {
            placed.add(c.id);
            const affected = ends(links.into(c.id, ['influencedBy']), 'source', () => true);
            const desc = c.description.replace(/\s+/g, ' ').trim();
            const said = [desc, affected.length ? `${P.in.influencedBy} ${refs(affected)}.` : ''].filter(Boolean).join(' ');
            return { title: c.title, detail: said ? `– ${said}` : '' };
          }),
        }]),
      );
    }
    const unplaced = inBand.filter((n) => !placed.has(n.id) && ['strategy', 'measure', 'indicator'].includes(n.kind)).sort(boardOrder);
    if (unplaced.length) {
      // An indicator whose goal is not in this chapter (another line's, in a stat or kommune view) keeps its table row and series.
      const others = unplaced.filter((n) => n.kind !== 'indicator');
      const g = group(P.unplaced, 1, others.length ? [{ lead: '', items: others.map(item) }] : []);
      g.indicators = unplaced.filter((n) => n.kind === 'indicator').map(indicatorRowOf);
      blocks.push(g);
    }
    // A band of more cards than a page can show legibly gets no figure; the map export shows it whole.
    const cards = [...graph.nodes.values()].filter((n) => n.tier === tier).length;
    if (cards > FIGURE_MAX_CARDS) intro.push(P.figureTooLarge(cards));
    else figureNo += 1;
    parts.push({
      key: tier,
      heading: P.parts[tier],
      intro,
      ...(cards <= FIGURE_MAX_CARDS ? { figure: figureOf(graph, tier, lang, figureNo) } : {}),
      blocks,
    });
  }

  const instruments = [...graph.nodes.values()].filter((n) => n.kind === 'instrument').sort(boardOrder);
  parts.push({
    key: 'partnership',
    heading: P.parts.partnership,
    intro: [instruments.length ? P.partIntro.partnership : P.noInstruments],
    blocks: instruments.map((n) => block(n, 1)),
  });

  const sdg = sdgCoverage(graph);
  if (sdg.length) {
    parts.push({
      key: 'sdg',
      heading: P.parts.sdg,
      intro: [P.partIntro.sdg],
      blocks: [],
      table: {
        caption: P.parts.sdg,
        header: [P.sdgColumns.goal, P.sdgColumns.cards],
        widths: [3000, 6026],
        rows: sdg.map((r) => [
          `${r.goal.number} ${r.goal.name[lang]}`,
          r.cards.map(({ node: n, codes }) => {
            const targets = codes.filter((c) => c.includes('.'));
            return `${n.title}${targets.length ? ` (${targets.join(', ')})` : ''}`;
          }).join('; '),
        ]),
      },
    });
  }

  const divs = divergences(graph).map(({ edge, source, target }) => ({
    between: `${refNoun(source, false)} ${quote(source.title)} ${P.divergenceBetween} ${refNoun(target, false)} ${quote(target.title)}`,
    note: edge.note?.trim() || '–',
    severity: edge.severity ? (SEVERITY_LABELS[edge.severity]?.[lang] ?? edge.severity) : '–',
    resolution: edge.resolution?.trim() || L.notResolved,
  }));
  if (divs.length) parts.push({ key: 'divergences', heading: P.parts.divergences, intro: [L.divergencesIntro], blocks: [] });

  const chapter: PlanChapter = {
    lang,
    variant,
    labels: P,
    exportLabels: L,
    title: board.meta.title,
    intro: [
      P.intro({ municipality: graph.meta.municipality, office: graph.meta.municipality ? `NAV ${graph.meta.municipality}` : undefined }),
      [formatPeriod(graph.meta.period, lang) && `${L.planPeriod}: ${formatPeriod(graph.meta.period, lang)}.`, working ? `${L.selection}: ${L.view[opts.view]}.` : '']
        .filter(Boolean)
        .join(' '),
    ].filter(Boolean),
    parts,
    divergences: divs,
  };
  if (working) {
    const cov = coverage(graph);
    const covKeys = ['nationalGoalsNotOperationalised', 'localGoalsUnanchored', 'goalsWithoutIndicator', 'indicatorsWithoutTarget'] as const;
    const issues = validateGraph(graph, lang).map((v) => v.message);
    const agreementLog = opts.agreementLog ? buildAgreementLog(opts.agreementLog, board, graph, lang) : undefined;
    chapter.appendix = {
      heading: P.parts.appendix,
      sections: [
        ...covKeys.map((k) => ({ heading: L.coverageLists[k], items: cov[k].map((n) => n.title) })),
        redThreadSection(graph, lang),
        ...(issues.length ? [{ heading: L.issues, intro: L.issuesIntro, items: issues }] : []),
        ...(agreementLog ? [agreementLog] : []),
      ],
    };
    const overview = buildAgreementOverview(board, graph, lang, (n) => ({ title: n.title, detail: `(${OWNER_LABELS[n.owner]?.[lang] ?? n.owner})` }));
    if (overview) chapter.agreements = overview;
    if (opts.comments) chapter.comments = buildCommentAppendix(board, graph, lang, new Map(), opts.view === 'all');
  }
  return chapter;
}

/** The figure of one band: its caption and an alt text that names every card and link it shows. */
function figureOf(graph: BoardGraph, tier: Tier, lang: ExportLang, no: number): PlanFigure {
  const P = PLAN_LABELS[lang];
  const cards = [...graph.nodes.values()].filter((n) => n.tier === tier).sort(boardOrder);
  const ids = new Set(cards.map((n) => n.id));
  const EDGE = EXPORT_EDGE(lang);
  const linkTexts = [...graph.edges.values()]
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => `${quote(graph.nodes.get(e.source)!.title)} ${EDGE[e.kind]} ${quote(graph.nodes.get(e.target)!.title)}`);
  const title = P.figureTitle[tier];
  return {
    tier,
    caption: `${P.figure} ${no}: ${title}`,
    title,
    description: P.figureAlt({
      band: TIER_LABELS[tier][lang],
      cards: cards.map((n) => `${NODE_KIND_LABELS[n.kind]?.[lang] ?? n.kind} ${quote(n.title)} (${OWNER_LABELS[n.owner]?.[lang] ?? n.owner})`).join('; ') || '–',
      links: linkTexts.join('; ') || P.figureNoLinks,
    }),
  };
}

const EXPORT_EDGE = (lang: ExportLang): Record<EdgeKind, string> =>
  Object.fromEntries(Object.entries(EDGE_KIND_LABELS).map(([k, v]) => [k, v[lang]])) as Record<EdgeKind, string>;

function withUnit(n: number, unit: string | undefined): string {
  return unit ? (unit === '%' ? `${formatNumber(n)} %` : `${formatNumber(n)} ${unit}`) : formatNumber(n);
}
function valueOf(v: { value: number; year: number } | undefined, unit: string | undefined): string {
  if (!v) return '–';
  return `${withUnit(v.value, unit)} (${v.year})`;
}
function periodValueOf(v: { value: number; period: string }, unit: string | undefined): string {
  return `${withUnit(v.value, unit)} (${v.period})`;
}

export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "12.03.2025", the date in Norwegian time, no clock. */
function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = Object.fromEntries(OSLO_DATE.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year}`;
}
const OSLO_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
