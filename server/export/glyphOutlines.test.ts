import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../../shared/export';
import { LIER } from '../../shared/export/testBoards';
import { liberationSans, textToGlyphs } from './glyphOutlines';

const fonts = liberationSans();
const asResvgDrawsText = { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' };

/** RGBA pixels of an SVG drawn by resvg. */
const pixels = (svg: string, font: object) => new Resvg(svg, { background: '#ffffff', font }).render().pixels;

/** Share of pixels whose colour differs by more than `tolerance` in any channel. */
function differing(a: Buffer, b: Buffer, tolerance = 48): number {
  expect(a.length).toBe(b.length);
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > tolerance || Math.abs(a[i + 1]! - b[i + 1]!) > tolerance || Math.abs(a[i + 2]! - b[i + 2]!) > tolerance) n++;
  }
  return n / (a.length / 4);
}

const page = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="120" viewBox="0 0 420 120" font-family="'Liberation Sans', Arial, sans-serif">${body}</svg>`;

describe.skipIf(!fonts)('textToGlyphs (Liberation Sans installed: fonts-liberation)', () => {
  it('draws text as resvg draws it with the same font: left and centred, regular and bold, Norwegian letters', () => {
    const svg = page(
      `<text x="10" y="30" font-size="22" font-weight="bold" fill="#14181f">Målkart: Økt deltakelse – AVTALE</text>` +
        `<text x="210" y="62" font-size="13" text-anchor="middle" fill="#4b5563">delmål av · bidrar til (æøå ÆØÅ, 42 %)</text>` +
        `<text x="10" y="95" font-size="11" fill="#14181f">Flere i arbeid &amp; aktivitet &lt;2029&gt;</text>`,
    );
    const { svg: drawn, remaining } = textToGlyphs(svg, fonts!);
    expect(remaining).toBe(0);
    expect(drawn).not.toContain('<text');
    const glyphs = pixels(drawn, { loadSystemFonts: false });
    const text = pixels(svg, asResvgDrawsText);
    const blank = pixels(page(''), { loadSystemFonts: false });
    // The text covers a good share of the picture; the outlines land on the same pixels, to antialiasing.
    expect(differing(text, blank)).toBeGreaterThan(0.04);
    expect(differing(glyphs, text)).toBeLessThan(0.003);
  });

  it('leaves text the font cannot draw, or of another shape, to resvg and its fallback fonts', () => {
    const svg = page(
      `<text x="10" y="30" font-size="14">Kommune 你好</text><text x="10" y="60" font-size="14"><tspan>Delt</tspan></text>` +
        `<text x="10" y="90" font-size="14" font-style="italic">Kursiv</text><text x="200" y="90" font-size="14">Vanlig</text>`,
    );
    const { svg: drawn, remaining } = textToGlyphs(svg, fonts!);
    expect(remaining).toBe(3);
    expect(drawn).toContain('>Kommune 你好</text>');
    expect(drawn).toContain('<tspan>Delt</tspan>');
    expect(drawn).toContain('>Kursiv</text>');
    expect(drawn).not.toContain('>Vanlig<');
  });

  it('turns every text of the exported demo map into outlines', () => {
    const svg = exportSvg(LIER, { view: 'all', lang: 'nb' });
    expect(svg).toContain('<text');
    const { svg: drawn, remaining } = textToGlyphs(svg, fonts!);
    expect(remaining).toBe(0);
    // Titles and descriptions for screen readers stay as they are.
    expect(drawn).toContain('<title id="map-title">');
  });
});
