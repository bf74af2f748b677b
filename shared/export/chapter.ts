// The kommuneplan chapter as plain data: what the Markdown and DOCX exporters lay out, so both
// say the same thing. Every string here is final text in the chosen language, not yet escaped.
import type { BoardGraph } from '../boardDoc';
import { boardOrder, coverage, divergences, flattenTree, partOfTree, type Coverage, type View } from '../readModels';
import type { BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import { indexLinks } from '../linkIndex';
import { validateGraph } from '../validateBoard';
import {
  DIRECTION_LABELS, EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, NODE_KIND_LABELS, OWNER_LABELS, PROGRESS_LABELS, SEVERITY_LABELS, STATUS_LABELS,
  type EdgeKind,
} from '../vocabulary';
import { formatPeriod, formatYearValue, lowerFirst, viewGraph } from './format';
import { EXPORT_LABELS, type ExportLabels, type ExportLang } from './labels';
import {
  agreementText, agreementsOf, buildAgreementOverview, buildCommentAppendix, type AgreementOverview, type CommentAppendix,
} from './workshop';

export interface Fact {
  label: string;
  value: string;
}
/** A card named in running text: its title, then owner and where its heading is, "(Kommune; se 5.1)". */
export interface Item {
  title: string;
  detail: string;
  /** Who agreed to it and when, for a measure some side agreed to (workshop). */
  agreement?: string;
}
export interface IndicatorRow {
  indicator: string;
  unit: string;
  baseline: string;
  target: string;
  latest: string;
  source: string;
  /** Who agreed to the indicator and its target (workshop). */
  agreement?: string;
}
export interface ChapterSection {
  /** "1", "1.2", … as partOfTree numbers it */
  number: string;
  depth: number;
  title: string;
  description: string;
  facts: Fact[];
  strategies: Item[];
  measures: Item[];
  indicators: IndicatorRow[];
}
export interface ChapterDivergence {
  source: Item;
  target: Item;
  relation: string;
  facts: Fact[];
}
export interface CoverageList {
  heading: string;
  items: Item[];
}
export interface Chapter {
  lang: ExportLang;
  labels: ExportLabels;
  title: string;
  intro: Fact[];
  sections: ChapterSection[];
  divergences: ChapterDivergence[];
  coverage: CoverageList[];
  /** Rule violations of the merged board (validateBoard), reported and never repaired. */
  issues: string[];
  /** Present when the board holds agreements. */
  agreements?: AgreementOverview;
  /** Present when asked for (`comments: true`). */
  comments?: CommentAppendix;
}

const COVERAGE_KEYS: readonly (keyof Coverage)[] = [
  'nationalGoalsNotOperationalised', 'localGoalsUnanchored', 'goalsWithoutIndicator', 'indicatorsWithoutTarget',
];

export function buildChapter(board: BoardJson, opts: { view: View; lang: ExportLang; comments?: boolean }): Chapter {
  return chapterOf(board, viewGraph(board, opts.view), opts);
}

/** The chapter of an already filtered graph (exported so a test can count how often links are read). */
export function chapterOf(board: BoardJson, graph: BoardGraph, opts: { view: View; lang: ExportLang; comments?: boolean }): Chapter {
  const { lang } = opts;
  const L = EXPORT_LABELS[lang];
  const entries = flattenTree(partOfTree(graph));
  const numberOf = new Map(entries.map((e) => [e.node.id, e.number]));
  const links = indexLinks(graph);
  const agreementOf = agreementsOf(board);
  const agreed = (n: BoardNode) => {
    const status = agreementOf(n);
    return status ? agreementText(status, lang) : undefined;
  };

  const item = (n: BoardNode, extra: string[] = []): Item => {
    const num = numberOf.get(n.id);
    const parts = [OWNER_LABELS[n.owner]?.[lang] ?? n.owner, ...extra.filter(Boolean), ...(num ? [`${L.see} ${num}`] : [])];
    return { title: n.title, detail: `(${parts.join('; ')})` };
  };
  /** Nodes of `kind` with an edge of one of `edgeKinds` into `id`, in board order. */
  const into = (id: string, edgeKinds: EdgeKind[], kind: BoardNode['kind']): BoardNode[] => {
    const found = new Set<BoardNode>();
    for (const e of links.into(id, edgeKinds)) {
      const n = graph.nodes.get(e.source);
      if (n?.kind === kind) found.add(n);
    }
    return [...found].sort(boardOrder);
  };
  const outOf = (id: string, edgeKind: EdgeKind, kind: BoardNode['kind']): BoardNode[] => {
    const found = new Set<BoardNode>();
    for (const e of links.out(id, [edgeKind])) {
      const n = graph.nodes.get(e.target);
      if (n?.kind === kind) found.add(n);
    }
    return [...found].sort(boardOrder);
  };

  const sections = entries.map(({ node: n, number, depth }): ChapterSection => {
    const facts: Fact[] = [];
    const add = (label: string, value: string | undefined) => {
      if (value) facts.push({ label, value });
    };
    add(L.type, NODE_KIND_LABELS[n.kind]?.[lang]);
    add(L.level, n.level && (GOAL_LEVEL_LABELS[n.level]?.[lang] ?? n.level));
    add(L.owner, OWNER_LABELS[n.owner]?.[lang] ?? n.owner);
    add(L.period, formatPeriod(n.period, lang));
    add(L.planRef, n.planRef);
    add(L.responsible, n.responsible);
    add(L.status, n.status && (STATUS_LABELS[n.status]?.[lang] ?? n.status));
    add(L.progress, n.progress && (PROGRESS_LABELS[n.progress]?.[lang] ?? n.progress));
    add(L.sdg, n.sdg?.join(', '));
    add(L.anchoredIn, outOf(n.id, 'anchoredIn', 'directive').map((d) => d.title).join('; '));
    add(L.workshop.agreement, agreed(n));
    return {
      number,
      depth,
      title: n.title,
      description: n.description,
      facts,
      strategies: into(n.id, ['partOf', 'contributesTo'], 'strategy').map((s) => item(s)),
      measures: into(n.id, ['contributesTo', 'operationalises'], 'measure').map((m) => {
        const it = item(m, [formatPeriod(m.period, lang), m.responsible ?? '']);
        const a = agreed(m);
        return a ? { ...it, agreement: a } : it;
      }),
      indicators: outOf(n.id, 'measuredBy', 'indicator').map((i) => {
        const row = indicatorRow(i, lang);
        const a = agreed(i);
        return a ? { ...row, agreement: a } : row;
      }),
    };
  });

  const cov = coverage(graph);
  const chapter: Chapter = {
    lang,
    labels: L,
    title: board.meta.title,
    intro: introFacts(graph, opts.view, lang),
    sections,
    divergences: divergences(graph).map(({ edge, source, target }) => ({
      source: item(source),
      target: item(target),
      relation: EDGE_KIND_LABELS.conflictsWith[lang],
      facts: [
        { label: L.note, value: edge.note?.trim() || '–' },
        { label: L.severity, value: edge.severity ? (SEVERITY_LABELS[edge.severity]?.[lang] ?? edge.severity) : '–' },
        { label: L.resolution, value: edge.resolution?.trim() || L.notResolved },
      ],
    })),
    coverage: COVERAGE_KEYS.map((k) => ({ heading: L.coverageLists[k], items: cov[k].map((n) => item(n)) })),
    issues: validateGraph(graph, lang).map((v) => v.message),
  };
  const overview = buildAgreementOverview(board, graph, lang, item);
  if (overview) chapter.agreements = overview;
  if (opts.comments) chapter.comments = buildCommentAppendix(board, graph, lang, numberOf, opts.view === 'all');
  return chapter;
}

function introFacts(graph: BoardGraph, view: View, lang: ExportLang): Fact[] {
  const L = EXPORT_LABELS[lang];
  const out: Fact[] = [];
  if (graph.meta.municipality) out.push({ label: L.municipality, value: graph.meta.municipality });
  const period = formatPeriod(graph.meta.period, lang);
  if (period) out.push({ label: L.planPeriod, value: period });
  out.push({ label: L.selection, value: L.view[view] });
  return out;
}

export function indicatorRow(n: BoardNode, lang: ExportLang): IndicatorRow {
  const direction = n.direction ? DIRECTION_LABELS[n.direction]?.[lang] : undefined;
  return {
    indicator: direction ? `${n.title} (${lowerFirst(direction)})` : n.title,
    unit: n.unit ?? '',
    baseline: formatYearValue(n.baseline),
    target: formatYearValue(n.target),
    latest: formatYearValue(n.latest),
    source: n.dataSource ?? '',
  };
}
