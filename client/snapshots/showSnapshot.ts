import { navigate } from '../navigation';
import { withSnapshotRoute, type SnapshotRoute } from './snapshotRoute';

/** Opens a snapshot (or, with null, the live board) as a history entry, so Back returns. */
export function showSnapshot(route: SnapshotRoute | null): void {
  // The fragment carries the board's token (#token=…): keep it.
  const next = `${location.pathname}${withSnapshotRoute(location.search, route)}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) navigate(next);
}

// The control that opened the snapshot view, as a selector: the top bar is not on the page while a
// snapshot is shown, so the element itself is gone by the time the live board returns.
let opener: string | null = null;

/** Remembers where focus goes back to when the snapshot view closes (#11 §2). */
export function rememberSnapshotOpener(selector: string): void {
  opener = selector;
}

/** The remembered opener, once; null when the view was opened another way (a link, Back). */
export function takeSnapshotOpener(): string | null {
  const o = opener;
  opener = null;
  return o;
}
