// Renders an exported SVG to PNG with resvg. Text needs real fonts: resvg draws nothing for text
// it has no font for, so the system fonts are loaded (fonts-dejavu-core on Debian, see .ci/run).
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const options = (opts: { width?: number }): ResvgRenderOptions => ({
  fitTo: opts.width ? { mode: 'width', value: Math.round(opts.width) } : { mode: 'original' },
  background: '#ffffff',
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
});

export function renderPng(svg: string, opts: { width?: number } = {}): Buffer {
  return new Resvg(svg, options(opts)).render().asPng();
}

