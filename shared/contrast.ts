// WCAG 2.1 contrast, written once: the relative luminance of a colour and the ratio between two
// (1:1 to 21:1). Text needs 4.5:1 (1.4.3), lines and controls 3:1 (1.4.11). Colours are
// "#rrggbb" or CSS "rgb(r, g, b)" / "rgba(r, g, b, a)" as getComputedStyle gives them (alpha ignored).

/** The red, green and blue of a colour, 0–255. */
export function rgbOf(colour: string): [number, number, number] {
  if (colour.startsWith('#')) return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
  const parts = colour.match(/[\d.]+/g);
  if (!parts || parts.length < 3) throw new Error(`not a colour: ${colour}`);
  return parts.slice(0, 3).map(Number) as [number, number, number];
}

export function relativeLuminance(colour: string | readonly number[]): number {
  const [r, g, b] = (typeof colour === 'string' ? rgbOf(colour) : colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string | readonly number[], b: string | readonly number[]): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
