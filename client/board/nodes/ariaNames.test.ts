// The canvas's accessible names: kind, band, title, owner and agreement for a card; kind and both
// titles for a link — in the UI language, kept current as titles and agreements change, and
// renaming only the cards whose name changed (the others stay identical for their memo).
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createNode, link, setIndicatorValues, updateNode } from '../../../shared';
import { format } from '../../i18n/I18nProvider';
import { STRINGS, type StringKey } from '../../i18n/strings';
import { BoardStore } from '../boardStore';
import type { CardMarks } from '../../workshop/workshopStore';
import { cardName, linkName } from './ariaNames';

const tr = (lang: 'nb' | 'en') => (key: StringKey, p?: Record<string, string | number>) => format(STRINGS[key][lang], p);

function setup(lang: 'nb' | 'en', marks: Map<string, CardMarks>) {
  const doc = new Y.Doc();
  createNode(doc, { id: 'a', kind: 'goal', tier: 'kommuneplan', owner: 'kommune', title: 'Flere i arbeid', position: { x: 0, y: 420 } }, 'setup');
  createNode(doc, { id: 'b', kind: 'goal', tier: 'kommuneplan', owner: 'felles', title: 'Flere unge i arbeid', position: { x: 300, y: 420 } }, 'setup');
  createNode(doc, { id: 'c', kind: 'note', tier: 'national', owner: 'felles', title: 'Lapp', position: { x: 0, y: 0 } }, 'setup');
  link(doc, { id: 'e1', kind: 'partOf', source: 'b', target: 'a' }, 'setup');
  const store = new BoardStore(doc);
  const t = tr(lang);
  const pick = (l: Record<'nb' | 'nn' | 'en', string>) => l[lang];
  store.setLabeler({
    node: (card) => cardName(t, pick, card, marks.get(card.id), lang),
    edge: (l, s, g) => linkName(t, pick, l, s, g),
    roles: { node: t('roleCard'), edge: t('roleLink') },
  });
  return { doc, store };
}

const node = (store: BoardStore, id: string) => store.getNodes().find((n) => n.id === id)!;

describe('accessible names on the canvas', () => {
  it('names cards and links in the UI language, with React Flow internals nowhere', () => {
    const { store } = setup('nb', new Map());
    expect(node(store, 'a').ariaLabel).toBe('Mål i Kommuneplan: Flere i arbeid. Eier: Kommune. Ikke avtalt.');
    // A note is not agreed on: no agreement words.
    expect(node(store, 'c').ariaLabel).toBe('Lapp i Nasjonale mål: Lapp. Eier: Felles.');
    expect(node(store, 'a').domAttributes).toEqual({ 'aria-roledescription': 'kort' });
    const edge = store.getEdges()[0]!;
    expect(edge.ariaLabel).toBe('Kobling: «Flere unge i arbeid» delmål av «Flere i arbeid»');
    expect(edge.domAttributes).toEqual({ 'aria-roledescription': 'kobling' });
    const en = setup('en', new Map()).store;
    expect(node(en, 'b').ariaLabel).toBe('Goal in Municipal plan: Flere unge i arbeid. Owner: Joint. Not agreed.');
    expect(en.getEdges()[0]!.ariaLabel).toBe('Link: “Flere unge i arbeid” part of “Flere i arbeid”');
  });

  it('renames a link when a card it names is renamed, and only re-labels cards whose agreement changed', () => {
    const marks = new Map<string, CardMarks>();
    const { doc, store } = setup('nb', marks);
    updateNode(doc, 'a', { title: 'Alle i arbeid' }, 'remote');
    store.flush();
    expect(store.getEdges()[0]!.ariaLabel).toBe('Kobling: «Flere unge i arbeid» delmål av «Alle i arbeid»');
    const before = node(store, 'a');
    const other = node(store, 'b');
    marks.set('b', { openThreads: 2, agreement: { state: 'avtalt', changed: false } });
    store.relabel();
    expect(node(store, 'a')).toBe(before);
    expect(node(store, 'b')).not.toBe(other);
    expect(node(store, 'b').ariaLabel).toBe('Mål i Kommuneplan: Flere unge i arbeid. Eier: Felles. Avtalt. 2 åpne kommentartråder.');
  });

  it('an indicator says its latest value, trend and state, and says it again when a colleague adds a value', () => {
    const { doc, store } = setup('nb', new Map());
    createNode(doc, {
      id: 'i', kind: 'indicator', tier: 'kommuneplan', owner: 'kommune', title: 'Unge på sosialhjelp', unit: '%', direction: 'lower',
      baseline: { value: 4.1, year: 2023 }, target: { value: 3, year: 2028 }, position: { x: 0, y: 600 },
    }, 'setup');
    store.flush();
    expect(node(store, 'i').ariaLabel).toBe('Indikator i Kommuneplan: Unge på sosialhjelp. Eier: Kommune. Ikke avtalt. Ingen måling.');
    setIndicatorValues(doc, [{ indicatorId: 'i', value: { period: '2024', value: 3.9 } }, { indicatorId: 'i', value: { period: '2025', value: 4 } }], 'remote');
    store.flush();
    expect(node(store, 'i').ariaLabel).toBe(
      'Indikator i Kommuneplan: Unge på sosialhjelp. Eier: Kommune. Ikke avtalt. Siste verdi: 4 % (2025). Ikke i rute, dårligere enn forrige måling.',
    );
    const en = setup('en', new Map());
    createNode(en.doc, { id: 'j', kind: 'indicator', tier: 'kommuneplan', owner: 'kommune', title: 'Jobs', target: { value: 10, year: 2030 }, position: { x: 0, y: 600 } }, 'setup');
    setIndicatorValues(en.doc, [{ indicatorId: 'j', value: { period: '2024', value: 12.5 } }], 'remote');
    en.store.flush();
    expect(node(en.store, 'j').ariaLabel).toBe('Indicator in Municipal plan: Jobs. Owner: Municipality. Not agreed. Latest value: 12.5 (2024). Reached.');
  });
});
