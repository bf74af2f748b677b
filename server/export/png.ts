// Renders an exported SVG to PNG with resvg. Text needs real fonts: resvg draws nothing for text
// it has no font for, so the system fonts are loaded (fonts-dejavu-core on Debian, see .ci/run).
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

const options = (opts: { width?: number }): ResvgRenderOptions => ({
  fitTo: opts.width ? { mode: 'width', value: Math.round(opts.width) } : { mode: 'original' },
  background: '#ffffff',
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
});

export function renderPng(svg: string, opts: { width?: number } = {}): Buffer {
  return new Resvg(svg, options(opts)).render().asPng();
}

/**
 * The same, rendered on libuv's thread pool: a large board takes seconds to draw, and on the
 * event loop that stalled every other request and every board's sync (bench: 4 s at 500 goals).
 */
export async function renderPngAsync(svg: string, opts: { width?: number } = {}): Promise<Buffer> {
  return (await renderAsync(svg, options(opts))).asPng();
}
