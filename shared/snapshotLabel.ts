// The name of a snapshot the server takes by itself is data, not words: "before restoring X" and
// "automatic" are stored as tagged labels, and each client shows it in its own language (client/snapshots/).
// Labels people type are stored as they typed them.

const BEFORE_RESTORE = 'before-restore:';
/** The label of the snapshots the server takes on a timer. */
export const AUTO_SNAPSHOT_LABEL = 'auto:';
/** The start of a meeting, marked by the facilitator (#20 §2): the referat runs from it. */
const MEETING_START = 'meeting-start:';
/** How the server wrote it before the tagged form (bokmål only); still read from old boards. */
const LEGACY_AUTO = 'Automatisk';
/** How the server wrote it before the tagged form (bokmål only); still read from old boards. */
const LEGACY_BEFORE_RESTORE = /^Før gjenoppretting av «(.*)»$/s;

export type SnapshotName =
  | { kind: 'beforeRestore'; of: SnapshotName }
  | { kind: 'auto' }
  | { kind: 'meetingStart'; title: string }
  | { kind: 'text'; text: string };

/** The stored label of a meeting's start snapshot; `title` is the meeting's name, or empty. */
export function meetingStartLabel(title: string): string {
  return MEETING_START + title.trim();
}

/** The stored label of the snapshot taken just before restoring the one labelled `of`. */
export function beforeRestoreLabel(of: string): string {
  return BEFORE_RESTORE + of;
}

export function parseSnapshotLabel(label: string): SnapshotName {
  if (label.startsWith(MEETING_START)) return { kind: 'meetingStart', title: label.slice(MEETING_START.length) };
  if (label.startsWith(BEFORE_RESTORE)) return { kind: 'beforeRestore', of: parseSnapshotLabel(label.slice(BEFORE_RESTORE.length)) };
  if (label === AUTO_SNAPSHOT_LABEL || label === LEGACY_AUTO) return { kind: 'auto' };
  const legacy = LEGACY_BEFORE_RESTORE.exec(label);
  if (legacy) return { kind: 'beforeRestore', of: parseSnapshotLabel(legacy[1]!) };
  return { kind: 'text', text: label };
}
