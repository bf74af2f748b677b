// A snapshot opened on the canvas is part of the board's URL, so it can be linked and the back
// button returns to the live board: /b/:id?snapshot=<sid>#token=… (read-only view) and
// …&snapshot=<sid>&compare=now (the snapshot compared with the live board).
export type SnapshotMode = 'view' | 'compare';
export interface SnapshotRoute {
  sid: string;
  mode: SnapshotMode;
}

export function readSnapshotRoute(search: string): SnapshotRoute | null {
  const q = new URLSearchParams(search);
  const sid = q.get('snapshot');
  if (!sid) return null;
  return { sid, mode: q.get('compare') === 'now' ? 'compare' : 'view' };
}

/** The query string for `route` (or the live board), keeping every other parameter such as the token. */
export function withSnapshotRoute(search: string, route: SnapshotRoute | null): string {
  const q = new URLSearchParams(search);
  q.delete('snapshot');
  q.delete('compare');
  if (route) {
    q.set('snapshot', route.sid);
    if (route.mode === 'compare') q.set('compare', 'now');
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
