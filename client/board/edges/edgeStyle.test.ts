// Every kind of link is a line someone must see to read the map (WCAG 1.4.11: 3:1 against what is
// behind it). Behind a line is the canvas (#f7f8fa) under one of the three band tints (styles.css).
import { describe, expect, it } from 'vitest';
import { EDGE_LOOKS } from './edgeStyle';

const CANVAS = [0xf7, 0xf8, 0xfa];
const BAND_TINTS: Record<string, [number, number, number, number]> = {
  national: [31, 78, 156, 0.05],
  kommuneplan: [23, 102, 58, 0.05],
  nav_local: [107, 47, 143, 0.05],
};

const channel = (v: number) => {
  const x = v / 255;
  return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
const ratio = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const over = ([r, g, b, a]: [number, number, number, number]) => CANVAS.map((c, i) => Math.round([r, g, b][i]! * a + c * (1 - a)));

describe('link colours', () => {
  for (const [kind, look] of Object.entries(EDGE_LOOKS)) {
    it(`${kind} (${look.color}) has at least 3:1 against the canvas and every band`, () => {
      for (const bg of [CANVAS, ...Object.values(BAND_TINTS).map(over)]) expect(ratio(hex(look.color), bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
