import { describe, expect, it } from 'vitest';
import { format } from './I18nProvider';

describe('format', () => {
  it('fills parameters and picks the singular for exactly one', () => {
    const s = '{n} kort har {m} {m|kobling|koblinger}';
    expect(format(s, { n: 1, m: 1 })).toBe('1 kort har 1 kobling');
    expect(format(s, { n: 2, m: 3 })).toBe('2 kort har 3 koblinger');
    expect(format(s, { n: 1, m: 0 })).toBe('1 kort har 0 koblinger');
  });
});
