// Measured values from CSV (issue #14 §4): `indikator;periode;verdi;kilde[;kommentar]`, semicolon or
// comma, a header row, the indicator named by id or by its exact title. Pure: the same preview for
// the client's import dialog and the API's dry run, every error with its row and column.
import type { BoardGraph } from '../boardDoc';
import type { Localized } from '../vocabulary';
import { indicatorValueSchema, LIMITS } from '../fieldSchemas';
import type { IndicatorValue } from '../types';
import { PERIOD_PATTERN } from '../vocabulary';

export const CSV_LIMITS = { maxBytes: 512 * 1024, maxRows: 5_000 } as const;

type Column = 'indicator' | 'period' | 'value' | 'source' | 'comment';
/** Accepted header names (lower case), nb/nn and en. */
const HEADER_NAMES: Record<string, Column> = {
  indikator: 'indicator', indicator: 'indicator', id: 'indicator',
  periode: 'period', period: 'period', år: 'period', year: 'period',
  verdi: 'value', value: 'value',
  kilde: 'source', kjelde: 'source', source: 'source',
  kommentar: 'comment', merknad: 'comment', comment: 'comment',
};
const REQUIRED: Column[] = ['indicator', 'period', 'value'];

export interface CsvError {
  /** Row in the file, the header being row 1. 0 for the file as a whole. */
  row: number;
  /** The column's name as the header spells it, or null for the whole row or file. */
  column: string | null;
  code: 'empty' | 'too_large' | 'too_many_rows' | 'missing_column' | 'unknown_column' | 'unclosed_quote' | 'no_indicator' | 'ambiguous_title' | 'not_indicator' | 'bad_period' | 'bad_value' | 'too_long' | 'duplicate';
  message: Localized;
}
export interface CsvMatch {
  row: number;
  indicatorId: string;
  indicatorTitle: string;
  value: IndicatorValue;
  /** The value this one replaces (same indicator and period already on the board). */
  replaces?: number;
}
export interface CsvPreview {
  /** `;` or `,`, as read from the header row. */
  delimiter: ';' | ',';
  matched: CsvMatch[];
  /** Rows that will not be imported, each with what is wrong. */
  unmatched: { row: number; cells: string[]; errors: CsvError[] }[];
  /** Errors about the file as a whole (nothing can be imported). */
  fileErrors: CsvError[];
}

const msg = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });

/** Splits CSV text into rows of cells (RFC 4180 quotes: "a;b", "say ""hi"""). Null when a quote is never closed. */
export function splitCsv(text: string, delimiter: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (quoted) return null;
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** "3,6", "3.6", "1 234,5", "-2" → a number; null otherwise. */
export function parseCsvNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-−]?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace('−', '-').replace(',', '.'));
}

export function previewCsv(text: string, graph: BoardGraph, series: ReadonlyMap<string, readonly IndicatorValue[]> = new Map()): CsvPreview {
  const fail = (e: CsvError, delimiter: ';' | ',' = ';'): CsvPreview => ({ delimiter, matched: [], unmatched: [], fileErrors: [e] });
  if (new TextEncoder().encode(text).length > CSV_LIMITS.maxBytes) {
    return fail({ row: 0, column: null, code: 'too_large', message: msg(`Fila er større enn ${CSV_LIMITS.maxBytes / 1024} kB.`, `Fila er større enn ${CSV_LIMITS.maxBytes / 1024} kB.`, `The file is larger than ${CSV_LIMITS.maxBytes / 1024} kB.`) });
  }
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter: ';' | ',' = headerLine.includes(';') || !headerLine.includes(',') ? ';' : ',';
  const rows = splitCsv(body, delimiter);
  if (!rows) return fail({ row: 0, column: null, code: 'unclosed_quote', message: msg('Et anførselstegn (") lukkes aldri.', 'Eit hermeteikn (") vert aldri lukka.', 'A quote (") is never closed.') }, delimiter);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (!header.some(Boolean)) return fail({ row: 1, column: null, code: 'empty', message: msg('Fila er tom. Første rad skal være overskriftene indikator;periode;verdi;kilde.', 'Fila er tom. Første rad skal vere overskriftene indikator;periode;verdi;kjelde.', 'The file is empty. The first row must be the headers indikator;periode;verdi;kilde.') }, delimiter);
  if (rows.length - 1 > CSV_LIMITS.maxRows) {
    return fail({ row: 0, column: null, code: 'too_many_rows', message: msg(`Fila har ${rows.length - 1} rader; høyst ${CSV_LIMITS.maxRows} tas imot.`, `Fila har ${rows.length - 1} rader; høgst ${CSV_LIMITS.maxRows} vert tekne imot.`, `The file has ${rows.length - 1} rows; at most ${CSV_LIMITS.maxRows} are accepted.`) }, delimiter);
  }

  const columns = new Map<Column, number>();
  const fileErrors: CsvError[] = [];
  header.forEach((h, i) => {
    const col = HEADER_NAMES[h.toLowerCase()];
    if (col && !columns.has(col)) columns.set(col, i);
    else if (h) fileErrors.push({ row: 1, column: h, code: 'unknown_column', message: msg(`Ukjent kolonne «${h}».`, `Ukjend kolonne «${h}».`, `Unknown column "${h}".`) });
  });
  for (const col of REQUIRED) {
    if (!columns.has(col)) {
      const name = { indicator: 'indikator', period: 'periode', value: 'verdi' }[col as 'indicator' | 'period' | 'value'];
      fileErrors.push({ row: 1, column: name, code: 'missing_column', message: msg(`Kolonnen «${name}» mangler.`, `Kolonnen «${name}» manglar.`, `The column "${name}" is missing.`) });
    }
  }
  if (fileErrors.some((e) => e.code === 'missing_column')) return { delimiter, matched: [], unmatched: [], fileErrors };

  // Indicators by id and by exact title (a title two indicators share names neither).
  const byTitle = new Map<string, string[]>();
  for (const n of graph.nodes.values()) {
    if (n.kind !== 'indicator') continue;
    const key = n.title.trim();
    byTitle.set(key, [...(byTitle.get(key) ?? []), n.id]);
  }

  const matched: CsvMatch[] = [];
  const unmatched: CsvPreview['unmatched'] = [];
  const seen = new Map<string, number>();
  const nameOf = (col: Column) => header[columns.get(col)!]!;
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c.trim())) return; // blank lines are skipped
    const cell = (col: Column) => (columns.has(col) ? (cells[columns.get(col)!] ?? '').trim() : '');
    const errors: CsvError[] = [];
    const err = (col: Column, code: CsvError['code'], message: Localized) => errors.push({ row, column: nameOf(col), code, message });

    const ref = cell('indicator');
    let id: string | undefined;
    const node = graph.nodes.get(ref);
    if (node) {
      if (node.kind === 'indicator') id = node.id;
      else err('indicator', 'not_indicator', msg(`«${ref}» er ikke en indikator.`, `«${ref}» er ikkje ein indikator.`, `"${ref}" is not an indicator.`));
    } else {
      const ids = byTitle.get(ref) ?? [];
      if (ids.length === 1) id = ids[0];
      else if (ids.length > 1) err('indicator', 'ambiguous_title', msg(`Flere indikatorer heter «${ref}»; bruk id-en (${ids.join(', ')}).`, `Fleire indikatorar heiter «${ref}»; bruk id-en (${ids.join(', ')}).`, `Several indicators are called "${ref}"; use the id (${ids.join(', ')}).`));
      else err('indicator', 'no_indicator', msg(`Ingen indikator har id eller tittel «${ref}».`, `Ingen indikator har id eller tittel «${ref}».`, `No indicator has the id or title "${ref}".`));
    }
    const period = cell('period');
    if (!PERIOD_PATTERN.test(period)) err('period', 'bad_period', msg(`«${period}» er ikke en periode (2024, 2024-H1, 2024-Q3 eller 2024-03).`, `«${period}» er ikkje ein periode (2024, 2024-H1, 2024-Q3 eller 2024-03).`, `"${period}" is not a period (2024, 2024-H1, 2024-Q3 or 2024-03).`));
    const value = parseCsvNumber(cell('value'));
    if (value === null) err('value', 'bad_value', msg(`«${cell('value')}» er ikke et tall.`, `«${cell('value')}» er ikkje eit tal.`, `"${cell('value')}" is not a number.`));
    for (const col of ['source', 'comment'] as const) {
      if (cell(col).length > LIMITS.maxTitleLength) err(col, 'too_long', msg(`Høyst ${LIMITS.maxTitleLength} tegn.`, `Høgst ${LIMITS.maxTitleLength} teikn.`, `At most ${LIMITS.maxTitleLength} characters.`));
    }
    if (id && !errors.length) {
      const key = `${id}/${period}`;
      const first = seen.get(key);
      if (first !== undefined) err('period', 'duplicate', msg(`Samme indikator og periode som rad ${first}.`, `Same indikator og periode som rad ${first}.`, `Same indicator and period as row ${first}.`));
      else seen.set(key, row);
    }
    if (errors.length || !id || value === null) {
      unmatched.push({ row, cells, errors });
      return;
    }
    const v: IndicatorValue = { period, value };
    if (cell('source')) v.source = cell('source');
    if (cell('comment')) v.comment = cell('comment');
    if (!indicatorValueSchema.safeParse(v).success) {
      unmatched.push({ row, cells, errors: [{ row, column: null, code: 'bad_value', message: msg('Raden kan ikke leses.', 'Rada kan ikkje lesast.', 'The row cannot be read.') }] });
      return;
    }
    const before = series.get(id)?.find((x) => x.period === period);
    matched.push({ row, indicatorId: id, indicatorTitle: graph.nodes.get(id)!.title, value: v, ...(before ? { replaces: before.value } : {}) });
  });
  return { delimiter, matched, unmatched, fileErrors };
}
