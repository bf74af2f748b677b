// Small formatting helpers shared by the human-readable exports (Markdown, DOCX, SVG).
import type { BoardGraph } from '../boardDoc';
import { filterView, graphFromJson, type View } from '../readModels';
import type { Period, YearValue } from '../types';
import type { BoardJson } from '../interchange/schema';
import { EXPORT_LABELS, type ExportLang } from './labels';

/** The board as a graph, cut to one reporting line. */
export function viewGraph(board: BoardJson, view: View): BoardGraph {
  return filterView(graphFromJson(board), view);
}

/** Norwegian decimal comma; done by hand so the output does not depend on the runtime's locale data. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

export function formatYearValue(v: YearValue | undefined): string {
  return v ? `${formatNumber(v.value)} (${v.year})` : '–';
}

export function formatPeriod(p: Period | undefined, lang: ExportLang): string {
  if (!p || (p.from === undefined && p.to === undefined)) return '';
  const L = EXPORT_LABELS[lang];
  if (p.from !== undefined && p.to !== undefined) return p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
  return p.from !== undefined ? `${L.from} ${p.from}` : `${L.to} ${p.to}`;
}

/** A value with its unit, "45 %" or "5 måneder". */
export function withUnit(value: number, unit: string | undefined): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** Id order that puts e2 before e10, so rows stay put when cards move (the position is layout, not content). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const OSLO_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** "12.03.2025 kl. 10.00", Norwegian time; the pieces are assembled by hand so no locale data decides the layout. */
export function formatDateTime(iso: string, lang: ExportLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(OSLO_TIME.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${EXPORT_LABELS[lang].workshop.at} ${p.hour}.${p.minute}`;
}
