import { describe, expect, it } from 'vitest';
import type { View } from '../readModels';
import { TIER_LABELS } from '../vocabulary';
import { CONFLICT_COLOUR } from '../theme';
import { BAND_FILL, MUTED_TEXT_COLOUR, OWNER_COLOURS, TEXT_COLOUR, describeMap, escapeXml, exportSvg, wrapText } from './svg';
import { LIER, board, edge, node } from './testBoards';
import { contrastRatio } from '../contrast';

/** Throws unless `xml` is one well-formed element: tags nest, attributes are quoted and unique, & starts an entity. */
function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').trim();
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const m = token.exec(body);
    if (!m) throw new Error(`not well-formed at ${at}: ${body.slice(at, at + 40)}`);
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (entity.test(text)) throw new Error(`bare & in text at ${at}`);
      if (!stack.length && text.trim()) throw new Error('text outside the root');
      continue;
    }
    if (!name) continue;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open at ${at}`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g)].map((a) => {
      if (entity.test(a[2]!)) throw new Error(`bare & in attribute ${a[1]} at ${at}`);
      return a[1];
    });
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute on <${name}> at ${at}`);
    if (!stack.length) roots++;
    if (!selfClose) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

const cards = (svg: string) => [...svg.matchAll(/<g class="card" data-id="([^"]*)" data-owner="([^"]*)">/g)];

const contrast = contrastRatio;

describe('exportSvg', () => {
  for (const [view, owners] of [['all', ['stat', 'kommune', 'felles']], ['stat', ['stat', 'felles']], ['kommune', ['kommune', 'felles']]] as const) {
    it(`is well-formed with one card group per node (view=${view})`, () => {
      const svg = exportSvg(LIER, { view: view as View, lang: 'nb' });
      checkWellFormed(svg);
      const want = LIER.nodes.filter((n) => (owners as readonly string[]).includes(n.owner));
      expect(cards(svg).map((m) => m[1]).sort()).toEqual(want.map((n) => n.id).sort());
      expect(new Set(cards(svg).map((m) => m[2]))).toEqual(new Set(owners));
    });
  }

  it('has a title and a description, and a font list ending in sans-serif', () => {
    const svg = exportSvg(LIER, { view: 'all', lang: 'nb' });
    const { title, description } = describeMap(LIER, { view: 'all', lang: 'nb' });
    expect(svg).toContain(`<title id="map-title">${escapeXml(title)}</title>`);
    expect(svg).toContain(`<desc id="map-desc">${escapeXml(description)}</desc>`);
    expect(description).toContain('27 kort og 29 koblinger');
    expect(svg).toMatch(/role="img" aria-labelledby="map-title map-desc"/);
    expect(svg).toContain('font-family="&apos;Liberation Sans&apos;, Arial, &apos;DejaVu Sans&apos;, sans-serif"');
  });

  it('draws the three labelled bands, and only bands with cards in the view', () => {
    const all = exportSvg(LIER, { view: 'all', lang: 'nn' });
    for (const t of ['national', 'kommuneplan', 'nav_local'] as const) {
      expect(all).toContain(`<g class="band" data-tier="${t}">`);
      expect(all).toContain(`>${TIER_LABELS[t].nn}</text>`);
    }
    expect(exportSvg(LIER, { view: 'kommune', lang: 'nb' })).not.toContain('data-tier="national"');
  });

  it('draws every link with its label, conflicts red and dashed', () => {
    const svg = exportSvg(LIER, { view: 'all', lang: 'nb' });
    const edges = [...svg.matchAll(/<g class="edge" data-id="[^"]*" data-kind="([^"]*)">\n<path ([^>]*)\/>/g)];
    expect(edges).toHaveLength(LIER.edges.length);
    const conflicts = edges.filter((m) => m[1] === 'conflictsWith');
    expect(conflicts).toHaveLength(2);
    for (const m of conflicts) expect(m[2]).toMatch(new RegExp(`stroke="${CONFLICT_COLOUR}".*stroke-dasharray`));
    expect(svg).toContain('>i konflikt med</text>');
    expect(svg).toContain('>måles med</text>');
  });

  it('shows kind, level and owner on a card, and baseline → target on an indicator', () => {
    const svg = exportSvg(LIER, { view: 'all', lang: 'nb' });
    expect(svg).toContain('>Mål · Hovedmål · Kommune</text>');
    expect(svg).toContain('>4,1 → 3 %</text>');
    const b = board([node({ id: 'i', kind: 'indicator', title: 'X', unit: 'måneder', baseline: { value: 5, year: 2023 }, target: { value: 4, year: 2026 }, latest: { value: 4.5, year: 2025 } })]);
    expect(exportSvg(b, { view: 'all', lang: 'nb' })).toContain('>5 → 4 måneder (siste 4,5)</text>');
  });

  it('escapes user text and drops characters XML cannot hold', () => {
    const b = board([node({ id: 'x"1', title: 'A & B <script> "q" \'s\' \u0007' })], [], 'Kart <&>');
    const svg = exportSvg(b, { view: 'all', lang: 'nb' });
    checkWellFormed(svg);
    expect(svg).toContain('A &amp; B &lt;script&gt;');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('data-id="x&quot;1"');
  });

  it('draws an empty board as a valid, empty map', () => {
    const svg = exportSvg(board([]), { view: 'all', lang: 'nb' });
    checkWellFormed(svg);
    expect(cards(svg)).toHaveLength(0);
  });

  it('uses owner colours with AA contrast for text and 3:1 for borders', () => {
    for (const { fill, stroke } of Object.values(OWNER_COLOURS)) {
      expect(contrast(TEXT_COLOUR, fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(MUTED_TEXT_COLOUR, fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(stroke, BAND_FILL)).toBeGreaterThanOrEqual(3);
    }
    const fills = Object.values(OWNER_COLOURS).map((c) => c.stroke);
    expect(new Set(fills).size).toBe(3);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries, cuts long words and ends an overflow with …', () => {
    expect(wrapText('Flere i arbeid og aktivitet, færre på stønad', 20, 3)).toEqual(['Flere i arbeid og', 'aktivitet, færre på', 'stønad']);
    expect(wrapText('Arbeidsgivernettverket', 10, 3)).toEqual(['Arbeidsgiv', 'ernettverk', 'et']);
    expect(wrapText('a b c d e f g h', 3, 2)).toEqual(['a b', 'c …']);
    expect(wrapText('', 10, 2)).toEqual([]);
  });
});
