import { describe, expect, it } from 'vitest';
import { readSnapshotRoute, withSnapshotRoute } from './snapshotRoute';

describe('snapshot route in the URL', () => {
  it('reads the snapshot and the compare mode', () => {
    expect(readSnapshotRoute('?token=abc')).toBeNull();
    expect(readSnapshotRoute('?token=abc&snapshot=s1')).toEqual({ sid: 's1', mode: 'view' });
    expect(readSnapshotRoute('?token=abc&snapshot=s1&compare=now')).toEqual({ sid: 's1', mode: 'compare' });
  });

  it('writes it next to the token and removes it for the live board', () => {
    const q = withSnapshotRoute('?token=abc', { sid: 's 1', mode: 'compare' });
    expect(q).toBe('?token=abc&snapshot=s+1&compare=now');
    expect(readSnapshotRoute(q)).toEqual({ sid: 's 1', mode: 'compare' });
    expect(withSnapshotRoute(q, { sid: 's2', mode: 'view' })).toBe('?token=abc&snapshot=s2');
    expect(withSnapshotRoute(q, null)).toBe('?token=abc');
    expect(withSnapshotRoute('?snapshot=s2', null)).toBe('');
  });
});
