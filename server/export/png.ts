// Renders an exported SVG to PNG with resvg. Text needs real fonts: resvg draws nothing for text
// it has no font for, so the system fonts are loaded (fonts-liberation, with fonts-dejavu-core as the
// fallback, on Debian; see .ci/run). Text Liberation Sans can draw is first turned into glyph
// outlines here (glyphOutlines.ts): resvg-js re-reads a font file for every glyph it draws.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { liberationSans, textToGlyphs } from './glyphOutlines';

/** Default pixel budget: 32 Mpx, 128 MiB of RGBA (resvg's pixels are native memory, outside any V8 limit). */
export const DEFAULT_MAX_PIXELS = 32_000_000;

/**
 * The most pixels a map is drawn with, whatever the budget allows: a full A4 page at 300 dpi
 * (3508 × 2480), print quality for the largest figure a kommuneplan page holds. More is never
 * sharper on paper, and costs time in proportion (resvg fills every pixel of the bands, then
 * encodes them): a 500-goal map at its SVG size was 29 Mpx and took seconds. The SVG export keeps
 * every detail for zooming in.
 */
export const PRINT_PIXELS = 3508 * 2480;

/** The width and height our exportSvg writes on its root element. */
function svgSize(svg: string): { w: number; h: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const w = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const h = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return w > 0 && h > 0 ? { w, h } : null;
}

/**
 * How to fit the picture: to `width` (or the SVG's own size), scaled down further when it would have
 * more than `maxPixels` (at most PRINT_PIXELS) pixels. Two cards far apart once made a 16k×16k PNG of 2.7 GiB.
 */
export function pngFit(svg: string, opts: { width?: number; maxPixels?: number } = {}): NonNullable<ResvgRenderOptions['fitTo']> {
  const wanted: NonNullable<ResvgRenderOptions['fitTo']> = opts.width ? { mode: 'width', value: Math.round(opts.width) } : { mode: 'original' };
  const size = svgSize(svg);
  if (!size) return wanted;
  const zoom = opts.width ? Math.round(opts.width) / size.w : 1;
  const budget = Math.min(opts.maxPixels ?? DEFAULT_MAX_PIXELS, PRINT_PIXELS);
  const pixels = size.w * zoom * (size.h * zoom);
  // A little under the budget, as resvg rounds each side up.
  return pixels > budget ? { mode: 'zoom', value: zoom * Math.sqrt(budget / pixels) * 0.999 } : wanted;
}

const options = (fitTo: NonNullable<ResvgRenderOptions['fitTo']>, textLeft: boolean): ResvgRenderOptions => ({
  fitTo,
  background: '#ffffff',
  // No text left for resvg to draw: no need to look through the system's fonts.
  font: textLeft ? { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' } : { loadSystemFonts: false },
});

export function renderPng(svg: string, opts: { width?: number; maxPixels?: number } = {}): Buffer {
  const fonts = liberationSans();
  const drawn = fonts ? textToGlyphs(svg, fonts) : { svg, remaining: 1 };
  return new Resvg(drawn.svg, options(pngFit(svg, opts), drawn.remaining > 0)).render().asPng();
}
