import { describe, expect, it } from 'vitest';
import { clockOffset } from './serverClock';

const at = (iso: string) => Date.parse(iso);

describe('clockOffset', () => {
  it('ignores the header’s rounding when the clocks agree', () => {
    const sent = at('2026-03-12T09:00:00.200Z');
    expect(clockOffset(sent, sent + 40, 'Thu, 12 Mar 2026 09:00:00 GMT')).toBe(0);
  });

  it('finds a laptop clock that runs a minute behind the server', () => {
    const sent = at('2026-03-12T08:59:00.000Z');
    expect(clockOffset(sent, sent + 100, 'Thu, 12 Mar 2026 09:00:00 GMT')).toBe(60_000 + 500 - 50);
  });

  it('finds a clock that runs ahead, and trusts this clock when there is no usable header', () => {
    const sent = at('2026-03-12T09:00:30.000Z');
    expect(clockOffset(sent, sent, 'Thu, 12 Mar 2026 09:00:00 GMT')).toBe(-29_500);
    expect(clockOffset(sent, sent, null)).toBe(0);
    expect(clockOffset(sent, sent, 'not a date')).toBe(0);
  });
});
