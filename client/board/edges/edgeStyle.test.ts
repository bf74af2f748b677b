// Every kind of link is a line someone must see to read the map (WCAG 1.4.11: 3:1 against what is
// behind it). Behind a line is the canvas (#f7f8fa) under one of the three band tints (styles.css).
import { describe, expect, it } from 'vitest';
import { EDGE_LOOKS } from './edgeStyle';
import { contrastRatio } from '../../../shared';

const CANVAS = [0xf7, 0xf8, 0xfa];
const BAND_TINTS: Record<string, [number, number, number, number]> = {
  national: [31, 78, 156, 0.05],
  kommuneplan: [23, 102, 58, 0.05],
  nav_local: [107, 47, 143, 0.05],
};

const over = ([r, g, b, a]: [number, number, number, number]) => CANVAS.map((c, i) => Math.round([r, g, b][i]! * a + c * (1 - a)));

describe('link colours', () => {
  for (const [kind, look] of Object.entries(EDGE_LOOKS)) {
    it(`${kind} (${look.color}) has at least 3:1 against the canvas and every band`, () => {
      for (const bg of [CANVAS, ...Object.values(BAND_TINTS).map(over)]) expect(contrastRatio(look.color, bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
