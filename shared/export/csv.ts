// One row per node or per edge, for spreadsheets and planning systems: RFC 4180 with CRLF and a
// UTF-8 BOM (so Excel reads the æøå right), stable English column names, values as stored.
import type { View } from '../readModels';
import type { BoardEdge, BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import { naturalCompare, viewGraph } from './format';
import { withoutXmlIllegal } from '../xmlText';

type Cell = string | number | undefined;

export const NODE_COLUMNS = [
  'id', 'kind', 'tier', 'owner', 'title', 'level', 'parent', 'periodFrom', 'periodTo', 'planRef', 'status', 'progress', 'sdg',
  'unit', 'direction', 'baselineValue', 'baselineYear', 'targetValue', 'targetYear', 'latestValue', 'latestYear', 'dataSource',
  'responsible', 'sourceDoc', 'sourceSection', 'sourceUrl', 'description',
] as const;
export const EDGE_COLUMNS = ['id', 'kind', 'source', 'target', 'sourceTitle', 'targetTitle', 'note', 'severity', 'resolution'] as const;

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

// Where a spreadsheet may start a new cell: our comma, the semicolon Norwegian Excel splits on,
// tab, and line breaks (an importer that ignores our quotes splits records there too).
const SEPARATED = /([,;\t\r\n])/;

/**
 * Every piece a spreadsheet could make a cell of that would run as a formula gets an apostrophe
 * before its first character (OWASP "CSV injection"): the start of the value and the start of
 * every piece after a separator or line break, leading spaces skipped. Quoting alone is not
 * enough, as a spreadsheet that assumes another separator does not honour quotes mid-field.
 * Plain numbers such as -3 are left alone: they are values, and a spreadsheet reads them as such.
 */
export function neutraliseFormula(value: string): string {
  if (!/[=+\-@]/.test(value)) return value;
  return value
    .split(SEPARATED)
    .map((piece, i) => {
      if (i % 2) return piece; // a separator
      const m = /^([ \u00A0]*)([=+\-@])/.exec(piece);
      return m && !NUMBER.test(piece.trim()) ? `${m[1]}'${piece.slice(m[1]!.length)}` : piece;
    })
    .join('');
}

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  const s = neutraliseFormula(String(value));
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvText(header: readonly string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function nodeRow(n: BoardNode, parent: string | undefined): Cell[] {
  return [
    n.id, n.kind, n.tier, n.owner, n.title, n.level, parent, n.period?.from, n.period?.to, n.planRef, n.status, n.progress,
    n.sdg?.join(';'), n.unit, n.direction, n.baseline?.value, n.baseline?.year, n.target?.value, n.target?.year,
    n.latest?.value, n.latest?.year, n.dataSource, n.responsible, n.source?.doc, n.source?.section, n.source?.url, n.description,
  ];
}

function edgeRow(e: BoardEdge, title: (id: string) => string | undefined): Cell[] {
  return [e.id, e.kind, e.source, e.target, title(e.source), title(e.target), e.note, e.severity, e.resolution];
}

/** `lang` is accepted like every exporter's, but the columns and values are language-neutral on purpose. */
export function exportCsv(board: BoardJson, opts: { view: View; lang: 'nb' | 'nn'; table: 'nodes' | 'edges' }): string {
  board = withoutXmlIllegal(board);
  const graph = viewGraph(board, opts.view);
  const byId = <T extends { id: string }>(a: T, b: T) => naturalCompare(a.id, b.id);
  const edges = [...graph.edges.values()].sort(byId);
  if (opts.table === 'edges') {
    return csvText(EDGE_COLUMNS, edges.map((e) => edgeRow(e, (id) => graph.nodes.get(id)?.title)));
  }
  // The parent partOfTree uses: the first partOf edge by id.
  const parent = new Map<string, string>();
  for (const e of [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (e.kind === 'partOf' && !parent.has(e.source)) parent.set(e.source, e.target);
  }
  const nodes = [...graph.nodes.values()].sort(byId);
  return csvText(NODE_COLUMNS, nodes.map((n) => nodeRow(n, parent.get(n.id))));
}
