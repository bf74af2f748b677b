import { navigate } from '../navigation';
import { withSnapshotRoute, type SnapshotRoute } from './snapshotRoute';

/** Opens a snapshot (or, with null, the live board) as a history entry, so Back returns. */
export function showSnapshot(route: SnapshotRoute | null): void {
  const next = `${location.pathname}${withSnapshotRoute(location.search, route)}`;
  if (next !== `${location.pathname}${location.search}`) navigate(next);
}
