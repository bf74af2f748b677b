// Where the series live in the Y.Doc: one flat root map `indicatorValues`, keyed
// "<indicator id>/<period>", each entry a plain { value, source?, comment? }. Flat, so two people
// adding values at the same time never race to create a nested map (which would drop one side's
// values); one key per period, so two values for different periods both stay, and two for the same
// period settle on one (the same on every replica). Ids cannot hold "/", so the key splits cleanly.
import type * as Y from 'yjs';
import { boardMaps } from '../boardDoc';
import type { Localized } from '../vocabulary';
import { indicatorValueSchema } from '../fieldSchemas';
import type { IndicatorValue } from '../types';
import { sortSeries } from './series';

export type StoredValue = Omit<IndicatorValue, 'period'>;
export const VALUES_ROOT = 'indicatorValues';

export function valuesMap(doc: Y.Doc): Y.Map<StoredValue> {
  return doc.getMap(VALUES_ROOT) as Y.Map<StoredValue>;
}

export const valueKey = (indicatorId: string, period: string): string => `${indicatorId}/${period}`;

export function splitValueKey(key: string): { indicatorId: string; period: string } | null {
  const i = key.indexOf('/');
  return i > 0 ? { indicatorId: key.slice(0, i), period: key.slice(i + 1) } : null;
}

/** The stored record of a value: only the fields it has, so the map holds no `undefined`. */
export function storedOf(v: IndicatorValue): StoredValue {
  const out: StoredValue = { value: v.value };
  if (v.source) out.source = v.source;
  if (v.comment) out.comment = v.comment;
  return out;
}

/** Every series on the board (or only those of `only`), each oldest first. */
export function readAllSeries(doc: Y.Doc, only?: ReadonlySet<string>): Map<string, IndicatorValue[]> {
  const out = new Map<string, IndicatorValue[]>();
  valuesMap(doc).forEach((stored, key) => {
    const k = splitValueKey(key);
    if (!k || (only && !only.has(k.indicatorId))) return;
    // Only what the interchange schema accepts is read (a value written before the server checked edits is left out).
    const value = { period: k.period, ...(stored as object) };
    if (!indicatorValueSchema.safeParse(value).success) return;
    const list = out.get(k.indicatorId) ?? [];
    list.push(value as IndicatorValue);
    out.set(k.indicatorId, list);
  });
  for (const [id, list] of out) out.set(id, sortSeries(list));
  return out;
}

export function readSeries(doc: Y.Doc, indicatorId: string): IndicatorValue[] {
  return readAllSeries(doc).get(indicatorId) ?? [];
}

export type SeriesResult = { ok: true; written: number } | { ok: false; code: 'not_found' | 'not_indicator' | 'invalid_value'; message: Localized; index?: number };

/**
 * Adds or replaces values of indicators (one per indicator and period), in one transaction with the
 * caller's origin. Each value is checked first; nothing is written unless all are fine.
 */
export function setIndicatorValues(doc: Y.Doc, entries: readonly { indicatorId: string; value: IndicatorValue }[], origin: unknown): SeriesResult {
  const maps = boardMaps(doc);
  for (const [index, { indicatorId, value }] of entries.entries()) {
    const node = maps.nodes.get(indicatorId);
    if (!node) {
      return { ok: false, code: 'not_found', index, message: { nb: `Finner ikke «${indicatorId}» på tavla.`, nn: `Finn ikkje «${indicatorId}» på tavla.`, en: `"${indicatorId}" is not on the board.` } };
    }
    if (node.get('kind') !== 'indicator') {
      return { ok: false, code: 'not_indicator', index, message: { nb: 'Bare indikatorer har måleverdier.', nn: 'Berre indikatorar har måleverdiar.', en: 'Only indicators hold measured values.' } };
    }
    const r = indicatorValueSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const detail = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
      return { ok: false, code: 'invalid_value', index, message: { nb: `Ugyldig måleverdi (${detail})`, nn: `Ugyldig måleverdi (${detail})`, en: `Invalid measured value (${detail})` } };
    }
  }
  const map = valuesMap(doc);
  let written = 0;
  doc.transact(() => {
    for (const { indicatorId, value } of entries) {
      const key = valueKey(indicatorId, value.period);
      const next = storedOf(value);
      if (JSON.stringify(map.get(key)) === JSON.stringify(next)) continue;
      map.set(key, next);
      written++;
    }
  }, origin);
  return { ok: true, written };
}

export function removeIndicatorValue(doc: Y.Doc, indicatorId: string, period: string, origin: unknown): void {
  const map = valuesMap(doc);
  const key = valueKey(indicatorId, period);
  if (map.has(key)) doc.transact(() => map.delete(key), origin);
}

/** Inside a caller's transaction: drops the values of cards that are gone. */
export function dropValuesOf(doc: Y.Doc, gone: ReadonlySet<string>): void {
  const map = valuesMap(doc);
  for (const key of [...map.keys()]) {
    const k = splitValueKey(key);
    if (k && gone.has(k.indicatorId)) map.delete(key);
  }
}

/** Inside a caller's transaction: makes the stored series equal `wanted` (indicator id → series), touching only what differs. */
export function writeAllSeries(doc: Y.Doc, wanted: ReadonlyMap<string, readonly IndicatorValue[]>): void {
  const map = valuesMap(doc);
  const next = new Map<string, StoredValue>();
  for (const [id, list] of wanted) for (const v of list) next.set(valueKey(id, v.period), storedOf(v));
  for (const key of [...map.keys()]) if (!next.has(key)) map.delete(key);
  for (const [key, v] of next) if (JSON.stringify(map.get(key)) !== JSON.stringify(v)) map.set(key, v);
}
