import { describe, expect, it } from 'vitest';
import { AUTO_SNAPSHOT_LABEL, beforeRestoreLabel, meetingStartLabel, parseSnapshotLabel } from './snapshotLabel';

describe('snapshot labels', () => {
  it('reads the tagged "before restore" label, nested, and plain labels as typed', () => {
    expect(parseSnapshotLabel(beforeRestoreLabel('Start'))).toEqual({ kind: 'beforeRestore', of: { kind: 'text', text: 'Start' } });
    expect(parseSnapshotLabel(beforeRestoreLabel(beforeRestoreLabel('Start')))).toEqual({
      kind: 'beforeRestore', of: { kind: 'beforeRestore', of: { kind: 'text', text: 'Start' } },
    });
    expect(parseSnapshotLabel('Etter workshop 12. mars')).toEqual({ kind: 'text', text: 'Etter workshop 12. mars' });
  });

  it('reads a meeting start, with or without a name, also before a restore', () => {
    expect(parseSnapshotLabel(meetingStartLabel(' Partnerskapsmøte mars '))).toEqual({ kind: 'meetingStart', title: 'Partnerskapsmøte mars' });
    expect(parseSnapshotLabel(meetingStartLabel(''))).toEqual({ kind: 'meetingStart', title: '' });
    expect(parseSnapshotLabel(beforeRestoreLabel(meetingStartLabel('')))).toEqual({ kind: 'beforeRestore', of: { kind: 'meetingStart', title: '' } });
  });

  it('reads the bokmål label old boards have stored', () => {
    expect(parseSnapshotLabel('Før gjenoppretting av «Før endringer»')).toEqual({ kind: 'beforeRestore', of: { kind: 'text', text: 'Før endringer' } });
  });

  it('reads the automatic snapshot label, tagged and as old boards stored it, also inside "before restore"', () => {
    expect(parseSnapshotLabel(AUTO_SNAPSHOT_LABEL)).toEqual({ kind: 'auto' });
    expect(parseSnapshotLabel('Automatisk')).toEqual({ kind: 'auto' });
    expect(parseSnapshotLabel(beforeRestoreLabel(AUTO_SNAPSHOT_LABEL))).toEqual({ kind: 'beforeRestore', of: { kind: 'auto' } });
  });
});
