import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance, rgbOf } from './contrast';

describe('WCAG contrast', () => {
  it('reads hex and CSS rgb()/rgba() alike', () => {
    expect(rgbOf('#1f6f5c')).toEqual([31, 111, 92]);
    expect(rgbOf('rgba(31, 111, 92, 0.5)')).toEqual([31, 111, 92]);
    expect(() => rgbOf('red')).toThrow(/not a colour/);
  });

  it('gives the known ratios: black on white 21:1, #767676 on white just over 4.5:1, a colour with itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(255, 255, 255)', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#5b6472', '#5b6472')).toBe(1);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
  });
});
