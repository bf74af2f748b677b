// The name of a snapshot the server takes by itself is data, not words: "before restoring X" is
// stored as a tagged label, and each client shows it in its own language (client/snapshots/).
// Labels people type are stored as they typed them.

const BEFORE_RESTORE = 'before-restore:';
/** How the server wrote it before the tagged form (bokmål only); still read from old boards. */
const LEGACY_BEFORE_RESTORE = /^Før gjenoppretting av «(.*)»$/s;

export type SnapshotName = { kind: 'beforeRestore'; of: SnapshotName } | { kind: 'text'; text: string };

/** The stored label of the snapshot taken just before restoring the one labelled `of`. */
export function beforeRestoreLabel(of: string): string {
  return BEFORE_RESTORE + of;
}

export function parseSnapshotLabel(label: string): SnapshotName {
  if (label.startsWith(BEFORE_RESTORE)) return { kind: 'beforeRestore', of: parseSnapshotLabel(label.slice(BEFORE_RESTORE.length)) };
  const legacy = LEGACY_BEFORE_RESTORE.exec(label);
  if (legacy) return { kind: 'beforeRestore', of: parseSnapshotLabel(legacy[1]!) };
  return { kind: 'text', text: label };
}
