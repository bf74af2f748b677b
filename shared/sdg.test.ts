import { describe, expect, it } from 'vitest';
import { graphFromJson } from './readModels';
import { SDG_GOALS, sdgCoverage, sdgGoalOf, sdgName, sdgTextColour, searchSdg } from './sdg';
import { LIER } from './export/testBoards';
import { SDG_PATTERN } from './vocabulary';
import { contrastRatio } from './contrast';

const contrast = contrastRatio;

describe('the SDG catalogue', () => {
  it('has the 17 goals in order, each named in nb, nn and en, with a colour', () => {
    expect(SDG_GOALS.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const g of SDG_GOALS) {
      for (const lang of ['nb', 'nn', 'en'] as const) expect(g.name[lang].length).toBeGreaterThan(3);
      expect(g.colour).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(new Set(SDG_GOALS.map((g) => g.colour)).size).toBe(17);
    expect(sdgName('8.5', 'nb')).toBe('Anstendig arbeid og økonomisk vekst');
    expect(sdgName('10', 'nn')).toBe('Mindre ulikskap');
    expect(sdgName('17.a', 'en')).toBe('Partnerships for the goals');
  });

  it('names the goal of every code the validator accepts, and nothing else', () => {
    for (const code of ['1', '8', '8.5', '8.a', '17', '16.10', '4.3']) {
      expect(SDG_PATTERN.test(code)).toBe(true);
      expect(sdgGoalOf(code)).toBeDefined();
    }
    for (const code of ['0', '18', '', 'x']) expect(sdgGoalOf(code)).toBeUndefined();
  });

  it('picks chip text that reads on each colour (the better of black and white, at least 4.5:1 but for two large-text cases)', () => {
    for (const g of SDG_GOALS) {
      const text = sdgTextColour(g.colour);
      expect(contrast(text, g.colour)).toBeGreaterThanOrEqual(Math.max(contrast('#000000', g.colour), contrast('#ffffff', g.colour)) - 1e-9);
      expect(contrast(text, g.colour)).toBeGreaterThanOrEqual(4);
    }
  });

  it('searches by number or by name in any language', () => {
    expect(searchSdg('8').map((g) => g.number)).toEqual([8]);
    expect(searchSdg('8.5').map((g) => g.number)).toEqual([8]);
    expect(searchSdg('utdanning').map((g) => g.number)).toEqual([4]);
    expect(searchSdg('svolt').map((g) => g.number)).toEqual([2]);
    expect(searchSdg('climate').map((g) => g.number)).toEqual([13]);
    expect(searchSdg('')).toHaveLength(17);
    expect(searchSdg('99')).toEqual([]);
  });

  it('says which cards support which SDG', () => {
    const rows = sdgCoverage(graphFromJson(LIER));
    expect(rows.map((r) => [r.goal.number, r.cards.map((c) => `${c.node.id}:${c.codes.join('+')}`)])).toEqual([
      [1, ['K1:1', 'K3:1.2']],
      [4, ['K2:4.3']],
      [8, ['K1:8', 'K2:8.6', 'K4:8.5']],
      [10, ['K1:10']],
    ]);
  });
});
