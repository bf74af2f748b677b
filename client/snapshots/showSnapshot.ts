import { navigate } from '../navigation';
import { withSnapshotRoute, type SnapshotRoute } from './snapshotRoute';

/** Opens a snapshot (or, with null, the live board) as a history entry, so Back returns. */
export function showSnapshot(route: SnapshotRoute | null): void {
  // The fragment carries the board's token (#token=…): keep it.
  const next = `${location.pathname}${withSnapshotRoute(location.search, route)}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) navigate(next);
}
