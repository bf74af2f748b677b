import { describe, expect, it } from 'vitest';
import { auditCsv, isLinkKind, isSideLink } from './trust';

describe('trust', () => {
  it('knows the five link kinds and which are bound to a side', () => {
    expect(['owner', 'editor', 'viewer', 'stat', 'kommune'].every(isLinkKind)).toBe(true);
    expect(isLinkKind('admin')).toBe(false);
    expect(isSideLink('stat')).toBe(true);
    expect(isSideLink('editor')).toBe(false);
  });

  it('writes the audit log as CSV with formulas defused and separators quoted', () => {
    const csv = auditCsv([
      { at: '2026-01-02T10:00:00.000Z', action: 'agreement.give', actor: { name: '=HYPERLINK("x")', verified: false }, target: 'G1', details: { side: 'stat' } },
      { at: '2026-01-02T09:00:00.000Z', action: 'tokens.rotate', actor: { name: 'Kari; eier', verified: true } },
    ]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('tidspunkt;handling;aktør;verifisert;mål;detaljer');
    expect(lines[1]).toBe(`2026-01-02T10:00:00.000Z;agreement.give;"'=HYPERLINK(""x"")";nei;G1;"{""side"":""stat""}"`);
    expect(lines[2]).toBe('2026-01-02T09:00:00.000Z;tokens.rotate;"Kari; eier";ja;;');
  });
});
