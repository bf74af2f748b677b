import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../../shared/export';
import { LIER } from '../../shared/export/testBoards';
import { PRINT_PIXELS, renderPng } from './png';

/** Width and height from the IHDR chunk that follows the 8-byte PNG signature. */
function pngHeader(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
const svgSize = (svg: string) => {
  const m = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('renderPng', () => {
  const svg = exportSvg(LIER, { view: 'all', lang: 'nb' });

  it('renders the demo board at the SVG size', () => {
    const want = svgSize(svg);
    expect(pngHeader(renderPng(svg))).toEqual({ width: Math.round(want.width), height: Math.round(want.height) });
  });

  it('scales to a requested width, keeping the aspect ratio', () => {
    const want = svgSize(svg);
    const got = pngHeader(renderPng(svg, { width: 1200 }));
    expect(got.width).toBe(1200);
    expect(Math.abs(got.height - (want.height * 1200) / want.width)).toBeLessThanOrEqual(1);
  });

  it('scales a map past the pixel budget down to fit it, keeping the aspect ratio (#12 finding 3)', () => {
    const want = svgSize(svg);
    const budget = 200_000;
    expect(want.width * want.height).toBeGreaterThan(budget);
    for (const opts of [{}, { width: 1600 }]) {
      const got = pngHeader(renderPng(svg, { ...opts, maxPixels: budget }));
      expect(got.width * got.height).toBeLessThanOrEqual(budget);
      expect(got.width * got.height).toBeGreaterThan(budget * 0.9);
      expect(Math.abs(got.width / got.height - want.width / want.height)).toBeLessThan(0.02);
    }
  });

  it('draws a map larger than an A4 page at 300 dpi at that size, even when the budget allows more (#19 §1)', () => {
    const big = `<svg xmlns="http://www.w3.org/2000/svg" width="6000" height="3000" viewBox="0 0 6000 3000"><rect x="10" y="10" width="5980" height="2980" fill="#eef"/></svg>`;
    const got = pngHeader(renderPng(big, { maxPixels: 32_000_000 }));
    expect(got.width * got.height).toBeLessThanOrEqual(PRINT_PIXELS);
    expect(got.width * got.height).toBeGreaterThan(PRINT_PIXELS * 0.99);
    expect(Math.abs(got.width / got.height - 2)).toBeLessThan(0.01);
  });

  it('draws text, so the system has a font resvg can use (Debian: fonts-dejavu-core)', () => {
    let fonts = '';
    try {
      fonts = execFileSync('fc-list', [':family'], { encoding: 'utf8' });
    } catch {
      // no fontconfig tools: the rendering check below still tells
    }
    const withText = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="10" y="28" font-size="20" font-family="'DejaVu Sans', sans-serif">Målkart</text></svg>`;
    const withoutText = withText.replace(/<text.*<\/text>/, '');
    const same = renderPng(withText).equals(renderPng(withoutText));
    expect(same, `no text was drawn; fonts found by fc-list: ${fonts.trim() || 'none'}. Install fonts-dejavu-core.`).toBe(false);
  });
});
