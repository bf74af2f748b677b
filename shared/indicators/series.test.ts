import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyBoardJson, toBoardJson } from '../interchange/boardJson';
import { parseBoardJson } from '../interchange/parseBoardJson';
import { createNode, deleteNodes } from '../operations';
import { assessIndicator, comparePeriods, newestValue, periodSpan } from './series';
import { readSeries, removeIndicatorValue, setIndicatorValues, valuesMap } from './seriesDoc';

const EXAMPLE_TEXT = readFileSync(new URL('../examples/lier.json', import.meta.url), 'utf8');

function boardWithIndicator(): Y.Doc {
  const doc = new Y.Doc();
  expect(createNode(doc, { id: 'i1', kind: 'indicator', tier: 'kommuneplan', title: 'Sysselsettingsandel', direction: 'higher' }, 'x').ok).toBe(true);
  expect(createNode(doc, { id: 'g1', kind: 'goal', tier: 'kommuneplan', title: 'Et mål' }, 'x').ok).toBe(true);
  return doc;
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('periods', () => {
  it('reads years, halves, quarters and months, and orders them by when they end', () => {
    expect(periodSpan('2024')).toEqual({ start: 2024 * 12, end: 2024 * 12 + 11, year: 2024 });
    expect(periodSpan('2024-Q2')).toEqual({ start: 2024 * 12 + 3, end: 2024 * 12 + 5, year: 2024 });
    expect(periodSpan('2024-H2')!.end).toBe(2024 * 12 + 11);
    expect(periodSpan('2024-13')).toBeNull();
    expect(periodSpan('24')).toBeNull();
    const list = ['2024', '2023-Q4', '2024-03', '2024-Q1', '2022'];
    expect([...list].sort(comparePeriods)).toEqual(['2022', '2023-Q4', '2024-Q1', '2024-03', '2024']);
    expect(newestValue([{ period: '2023', value: 1 }, { period: '2024-Q1', value: 2 }, { period: '2022', value: 3 }])!.value).toBe(2);
    expect(newestValue([])).toBeNull();
  });
});

describe('assessIndicator', () => {
  const base = { baseline: { value: 70, year: 2020 }, target: { value: 80, year: 2030 } };
  it('higher is better: on track when at or above the straight line from baseline to target', () => {
    const a = assessIndicator({ ...base, direction: 'higher', series: [{ period: '2024', value: 75 }, { period: '2022', value: 72 }] });
    expect(a.latest!.period).toBe('2024');
    expect(a.previous!.period).toBe('2022');
    expect(a.trend).toBe('improving');
    expect(a.state).toBe('onTrack'); // the line says 74 by 2024
    expect(assessIndicator({ ...base, direction: 'higher', series: [{ period: '2024', value: 73 }] }).state).toBe('offTrack');
    expect(assessIndicator({ ...base, direction: 'higher', series: [{ period: '2026', value: 81 }] }).state).toBe('reached');
  });
  it('lower is better turns every comparison round', () => {
    const lower = { baseline: { value: 10, year: 2020 }, target: { value: 5, year: 2030 }, direction: 'lower' as const };
    const a = assessIndicator({ ...lower, series: [{ period: '2023', value: 9 }, { period: '2024', value: 7 }] });
    expect(a.trend).toBe('improving');
    expect(a.state).toBe('onTrack'); // the line says 8 by 2024
    expect(assessIndicator({ ...lower, series: [{ period: '2023', value: 7 }, { period: '2024', value: 9 }] })).toMatchObject({ trend: 'worsening', state: 'offTrack' });
    expect(assessIndicator({ ...lower, series: [{ period: '2025', value: 5 }] }).state).toBe('reached');
  });
  it('says what it cannot judge, and falls back to the card\'s single latest value', () => {
    expect(assessIndicator({ ...base }).state).toBe('noData');
    expect(assessIndicator({ series: [{ period: '2024', value: 1 }] })).toMatchObject({ state: 'noTarget', trend: 'unknown' });
    const fromField = assessIndicator({ ...base, latest: { value: 78, year: 2025 } });
    expect(fromField.latest).toEqual({ period: '2025', value: 78 });
    expect(fromField.state).toBe('onTrack');
    expect(fromField.trend).toBe('improving'); // against the baseline
    expect(assessIndicator({ ...base, series: [{ period: '2024', value: 74 }, { period: '2025', value: 74 }] }).trend).toBe('flat');
  });
});

describe('the series in the Y.Doc', () => {
  it('two people adding values at the same time both keep theirs', () => {
    const a = boardWithIndicator();
    const b = new Y.Doc();
    sync(a, b);
    // Offline from each other: each adds a value for a different period, and both touch 2023.
    expect(setIndicatorValues(a, [{ indicatorId: 'i1', value: { period: '2022', value: 71, source: 'SSB' } }, { indicatorId: 'i1', value: { period: '2023', value: 72 } }], 'a').ok).toBe(true);
    expect(setIndicatorValues(b, [{ indicatorId: 'i1', value: { period: '2024', value: 74, comment: 'foreløpig' } }, { indicatorId: 'i1', value: { period: '2023', value: 73 } }], 'b').ok).toBe(true);
    sync(a, b);
    const sa = readSeries(a, 'i1');
    expect(sa.map((v) => v.period)).toEqual(['2022', '2023', '2024']);
    expect(sa[0]).toEqual({ period: '2022', value: 71, source: 'SSB' });
    expect(sa[2]).toEqual({ period: '2024', value: 74, comment: 'foreløpig' });
    // The same period settles on one value, the same on both replicas.
    expect(readSeries(b, 'i1')).toEqual(sa);
    expect(toBoardJson(a)).toEqual(toBoardJson(b));
  });

  it('refuses values for what is not an indicator or not a value, writing nothing', () => {
    const doc = boardWithIndicator();
    const r1 = setIndicatorValues(doc, [{ indicatorId: 'i1', value: { period: '2024', value: 1 } }, { indicatorId: 'g1', value: { period: '2024', value: 1 } }], 'x');
    expect(r1).toMatchObject({ ok: false, code: 'not_indicator', index: 1 });
    expect(setIndicatorValues(doc, [{ indicatorId: 'nope', value: { period: '2024', value: 1 } }], 'x')).toMatchObject({ ok: false, code: 'not_found' });
    expect(setIndicatorValues(doc, [{ indicatorId: 'i1', value: { period: '2024-Q5', value: 1 } }], 'x')).toMatchObject({ ok: false, code: 'invalid_value' });
    expect(setIndicatorValues(doc, [{ indicatorId: 'i1', value: { period: '2024', value: Number.NaN } }], 'x')).toMatchObject({ ok: false, code: 'invalid_value' });
    expect(valuesMap(doc).size).toBe(0);
  });

  it('a value can be removed, and deleting the card takes its series with it', () => {
    const doc = boardWithIndicator();
    setIndicatorValues(doc, [{ indicatorId: 'i1', value: { period: '2023', value: 1 } }, { indicatorId: 'i1', value: { period: '2024', value: 2 } }], 'x');
    removeIndicatorValue(doc, 'i1', '2023', 'x');
    expect(readSeries(doc, 'i1').map((v) => v.period)).toEqual(['2024']);
    deleteNodes(doc, ['i1'], 'x');
    expect(valuesMap(doc).size).toBe(0);
  });
});

describe('interchange', () => {
  it('the example board (no series) still round-trips byte for byte', () => {
    const r = parseBoardJson(JSON.parse(EXAMPLE_TEXT));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const doc = new Y.Doc();
    applyBoardJson(doc, r.board, 'import');
    const out = toBoardJson(doc);
    expect(out.nodes.some((n) => 'series' in n)).toBe(false);
    // Byte for byte: the same text once put back in the file's order (the export lists by id).
    const raw = JSON.parse(EXAMPLE_TEXT);
    // (Keys within a card follow the file's order too: the export writes fields in its own fixed order.)
    const inFileOrder = <T extends { id: string }>(list: T[], like: { id: string }[]) =>
      like.map((x) => {
        const y = list.find((o) => o.id === x.id)! as Record<string, unknown>;
        return Object.fromEntries([...Object.keys(x).map((k) => [k, y[k]]), ...Object.keys(y).filter((k) => !(k in x)).map((k) => [k, y[k]])]);
      });
    const again = { ...out, nodes: inFileOrder(out.nodes, raw.nodes), edges: inFileOrder(out.edges, raw.edges) };
    const indent = EXAMPLE_TEXT.startsWith('{\n  ') ? 2 : 0;
    expect(JSON.stringify(again, null, indent) + (EXAMPLE_TEXT.endsWith('\n') ? '\n' : '')).toBe(EXAMPLE_TEXT);
  });

  it('a series is written just before the position, oldest first, and read back into a fresh board', () => {
    const doc = boardWithIndicator();
    setIndicatorValues(doc, [{ indicatorId: 'i1', value: { period: '2024', value: 74 } }, { indicatorId: 'i1', value: { period: '2022', value: 71, source: 'SSB' } }], 'x');
    const json = toBoardJson(doc);
    const node = json.nodes.find((n) => n.id === 'i1')!;
    expect(Object.keys(node).slice(-2)).toEqual(['series', 'position']);
    expect(node.series).toEqual([{ period: '2022', value: 71, source: 'SSB' }, { period: '2024', value: 74 }]);
    const r = parseBoardJson(JSON.parse(JSON.stringify(json)));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const fresh = new Y.Doc();
    applyBoardJson(fresh, r.board, 'import');
    expect(JSON.stringify(toBoardJson(fresh))).toBe(JSON.stringify(json));
    // Applying a board without the series (a restore) removes it again.
    applyBoardJson(fresh, { ...json, nodes: json.nodes.map(({ series: _s, ...n }) => n) }, 'restore');
    expect(valuesMap(fresh).size).toBe(0);
  });

  it('a bad series is reported with its path', () => {
    const raw = JSON.parse(EXAMPLE_TEXT);
    const i = raw.nodes.findIndex((n: { kind: string }) => n.kind === 'indicator');
    raw.nodes[i].series = [{ period: '2024', value: 1 }, { period: '2024', value: 2 }, { period: 'soon', value: 'x' }];
    const r = parseBoardJson(raw);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toContain(`nodes[${i}].series[2].period`);
    expect(paths).toContain(`nodes[${i}].series[2].value`);
  });
});
