import { describe, expect, it } from 'vitest';
import type { BoardGraph } from '../boardDoc';
import { toBoardJson } from '../interchange/boardJson';
import type { BoardEdge, BoardNode } from '../types';
import type { BoardJson } from '../interchange/schema';
import { lierWithWorkshop } from '../workshop/testing';
import { viewGraph } from './format';
import { buildPlanChapter, joinList, planChapterOf, FIGURE_MAX_CARDS } from './planChapter';
import { LIER, board, edge, node } from './testBoards';

const blockTitles = (b: BoardJson, key: string, o: Partial<Parameters<typeof buildPlanChapter>[1]> = {}) =>
  buildPlanChapter(b, { view: 'all', lang: 'nb', ...o }).parts.find((p) => p.key === key)!.blocks.map((x) => `${x.depth} ${x.title}`);

/** A board of n cards and n links: goals in a partOf tree, every fifth card an indicator measuring its neighbour. */
function bigBoard(n: number): BoardJson {
  const nodes: BoardNode[] = [];
  const edges: BoardEdge[] = [];
  const tiers = ['national', 'kommuneplan', 'nav_local'] as const;
  for (let i = 0; i < n; i++) {
    nodes.push({
      id: `c${i}`, kind: i % 5 === 4 ? 'indicator' : 'goal', tier: tiers[i % 3]!, owner: 'felles', title: `Kort ${i}`, description: '',
      position: { x: (i % 50) * 300, y: Math.floor(i / 50) * 160 },
    });
  }
  for (let i = 0; i < n; i++) {
    if (i % 5 === 4) edges.push({ id: `e${i}`, kind: 'measuredBy', source: `c${i - 1}`, target: `c${i}` });
    else if (i > 0) edges.push({ id: `e${i}`, kind: i % 7 === 0 ? 'contributesTo' : 'partOf', source: `c${i}`, target: `c${Math.floor(i / 2) - (Math.floor(i / 2) % 5 === 4 ? 1 : 0)}` });
    else edges.push({ id: 'e0', kind: 'conflictsWith', source: 'c1', target: 'c2' });
  }
  return { format: 'malkart.board', version: 1, meta: { title: 'Stort' }, nodes, edges };
}

/** The graph, with its links in a map that counts every pass over them. */
function countingGraph(b: BoardJson): { graph: BoardGraph; passes: () => number } {
  const graph = viewGraph(b, 'all');
  let passes = 0;
  class Counting extends Map<string, BoardEdge> {
    override values() {
      passes += 1;
      return super.values();
    }
    override [Symbol.iterator]() {
      passes += 1;
      return super[Symbol.iterator]();
    }
    override forEach(...args: Parameters<Map<string, BoardEdge>['forEach']>) {
      passes += 1;
      super.forEach(...args);
    }
  }
  graph.edges = new Counting(graph.edges);
  return { graph, passes: () => passes };
}

describe('the plan chapter', () => {
  it('has the bands in plan order, then the partnership and the goals to discuss', () => {
    const ch = buildPlanChapter(LIER, { view: 'all', lang: 'nb', variant: 'publication' });
    expect(ch.parts.map((p) => p.heading)).toEqual([
      'Nasjonale mål og føringer', 'Kommuneplanens mål', 'NAV-kontorets lokale mål', 'Partnerskapet og styringsinstrumentene',
      'Bærekraftsmålene i planen', 'Mål til drøfting',
    ]);
    expect(ch.appendix).toBeUndefined();
  });

  it('groups the kommuneplan by satsingsområde, goals and sub-goals nested, other goals after', () => {
    expect(blockTitles(LIER, 'kommuneplan')).toEqual([
      '1 Livskvalitet og inkludering',
      '2 Alle unge fullfører utdanning eller er i arbeid',
      '3 Flere med redusert arbeidsevne i arbeid',
      '2 Færre barn i husholdninger med vedvarende lavinntekt',
      '1 Andre mål',
      '2 Lavere netto driftsutgifter til økonomisk sosialhjelp per innbygger',
      '1 Trender og hendelser',
    ]);
    const kp = buildPlanChapter(LIER, { view: 'all', lang: 'nb' }).parts[1]!;
    expect(kp.intro).toContain('Visjon: «Sammen skaper vi Lier».');
  });

  it('writes each goal\'s links as sentences, and lists its strategies, measures and indicators', () => {
    const ch = buildPlanChapter(LIER, { view: 'all', lang: 'nb', variant: 'publication' });
    const block = (title: string) => ch.parts.flatMap((p) => p.blocks).find((b) => b.title === title)!;
    expect(block('Flere i arbeid og aktivitet, færre på stønad').sentences).toEqual([
      'Bidrar til nasjonalt mål «God inkludering av utsatte grupper i arbeidsmarkedet».',
      'Måles ved «Andel Nav-brukere som kommer i arbeid».',
      'Operasjonaliseres av NAV-kontorets mål «Arbeidsrettet oppfølging innen 4 uker for sosialhjelpsmottakere 18–29 år» og «Kortere gjennomsnittlig stønadstid for 18–24 år».',
    ]);
    const l1 = block('Arbeidsrettet oppfølging innen 4 uker for sosialhjelpsmottakere 18–29 år');
    expect(l1.sentences[0]).toBe(
      'Operasjonaliserer nasjonalt mål «Flere i arbeid og aktivitet, færre på stønad» og kommuneplanens mål «Alle unge fullfører utdanning eller er i arbeid».',
    );
    expect(l1.lists).toEqual([{ lead: 'Tiltak', items: [{ title: 'Ungdomsteam med IPS-jobbspesialist', detail: '(2025–2027)' }, { title: 'Arbeidsgivernettverket «Lierjobb»', detail: '' }] }]);
    expect(block('Flere med redusert arbeidsevne i arbeid').lists[0]!.lead).toBe('Strategier – slik gjør vi det');
    expect(block('Alle unge fullfører utdanning eller er i arbeid').indicators).toEqual([
      { indicator: 'Andel sosialhjelpsmottakere 18–24 år (lavere er bedre)', baseline: '4,1 % (2023)', target: '3 % (2028)', latest: '–', state: 'Ingen måling', series: '', source: 'KOSTRA' },
    ]);
    const s1 = block('Partnerskapsavtale (NAV-loven § 14) med årlig partnerskapsmøte');
    expect(s1.sentences).toEqual([
      'Styrer NAV-kontorets mål «Arbeidsrettet oppfølging innen 4 uker for sosialhjelpsmottakere 18–29 år», «Flere langtidsmottakere inn i kvalifiseringsprogrammet» og «Kortere gjennomsnittlig stønadstid for 18–24 år».',
    ]);
  });

  it('publication leaves out names, times, the open-agreement list and the internal checks; working keeps them', () => {
    const doc = lierWithWorkshop();
    const b = toBoardJson(doc);
    doc.destroy();
    const { labels: _l, exportLabels: _e, ...content } = buildPlanChapter(b, { view: 'all', lang: 'nb', variant: 'publication', comments: true });
    const pub = JSON.stringify(content);
    for (const name of ['Siri Stat', 'Kari Kommune', 'Frida Fasilitator', 'Gunnar Gjest', 'kl. 10', 'Ikke avtalt', 'Mål uten indikator']) {
      expect(pub).not.toContain(name);
    }
    expect(pub).toContain('Avtalt mellom stat og kommune 12.03.2025.');
    const working = buildPlanChapter(b, { view: 'all', lang: 'nb', variant: 'working', comments: true });
    expect(JSON.stringify(working)).toContain('Kari Kommune, 12.03.2025 kl. 10.05');
    expect(working.agreements!.lists.map((l) => l.heading)).toEqual(['Avtalt av begge parter', 'Enighet fra én part', 'Ikke avtalt']);
    expect(working.appendix!.sections.map((s) => s.heading)).toContain('Mål uten indikator');
    expect(working.comments!.groups.length).toBeGreaterThan(0);
  });

  it('keeps one reporting line per view', () => {
    const stat = buildPlanChapter(LIER, { view: 'stat', lang: 'nb' });
    expect(stat.parts.map((p) => p.key)).toEqual(['national', 'nav_local', 'partnership', 'divergences']); // no stat or felles card names an SDG
    const kommune = JSON.stringify(buildPlanChapter(LIER, { view: 'kommune', lang: 'nb' }));
    expect(kommune).not.toContain('Prioritere brukere med kort vei til arbeid');
  });

  it('writes nynorsk', () => {
    const ch = buildPlanChapter(LIER, { view: 'all', lang: 'nn' });
    expect(ch.parts.map((p) => p.heading).slice(0, 3)).toEqual(['Nasjonale mål og føringar', 'Måla i kommuneplanen', 'Lokale mål for NAV-kontoret']);
    expect(JSON.stringify(ch)).toContain('Vert målt ved «Andel Nav-brukere som kommer i arbeid».');
  });

  it('gives a band too large to print legibly no figure, and says where the whole map is', () => {
    const nodes = Array.from({ length: FIGURE_MAX_CARDS + 1 }, (_, i) => node({ id: `g${i}` }));
    const ch = buildPlanChapter(board(nodes), { view: 'all', lang: 'nb' });
    expect(ch.parts[0]!.figure).toBeUndefined();
    expect(ch.parts[0]!.intro.at(-1)).toContain(`${FIGURE_MAX_CARDS + 1} kort, for mange til en lesbar figur`);
    expect(buildPlanChapter(board(nodes.slice(1)), { view: 'all', lang: 'nb' }).parts[0]!.figure?.caption).toBe('Figur 1: Kommuneplanens mål');
  });

  it('loses no card to a partOf cycle', () => {
    const b = board([node({ id: 'a' }), node({ id: 'b' })], [edge('x', 'partOf', 'a', 'b'), edge('y', 'partOf', 'b', 'a')]);
    expect(blockTitles(b, 'kommuneplan').map((t) => t.slice(2)).sort()).toEqual(['a', 'b']);
  });

  it('joins lists the Norwegian way', () => {
    expect(joinList(['A'], 'og')).toBe('A');
    expect(joinList(['A', 'B', 'C'], 'og')).toBe('A, B og C');
  });
});

describe('the chapters are linear in cards + links', () => {
  // Before the links were indexed, each card scanned every link (O(cards × links)): 5,000 cards and
  // 5,000 links took about 17 s for the old chapter. Counting passes over the links, not time, so
  // the test cannot fail on a slow machine and fails for certain on quadratic code.
  it('reads the 5,000 links of a 5,000-card board a fixed number of times, not once per card', () => {
    const b = bigBoard(5000);
    for (const variant of ['publication', 'working'] as const) {
      const { graph, passes } = countingGraph(b);
      const ch = planChapterOf(b, graph, { view: 'all', lang: 'nb', variant });
      expect(ch.parts.flatMap((p) => p.blocks).length).toBeGreaterThan(3000);
      expect(passes()).toBeLessThan(20);
    }
  }, 60_000); // generous: the machine may be shared; the assertion counts passes, not time
});
