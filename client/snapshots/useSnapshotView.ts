// The snapshot named in the URL, loaded for the canvas: its interchange JSON goes into a local
// Y.Doc (never connected, never stored) behind its own BoardStore, so the ordinary canvas draws
// it read-only. In "compare" mode the doc holds the board now plus ghosts of what was removed,
// marked from the server's diff (snapshot → live).
import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { applyBoardJson, toBoardJson, type BoardDiff, type BoardJson } from '../../shared';
import { ApiError, getSnapshotBoard, getSnapshotDiff, listSnapshots, type SnapshotSummary } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { useLocation } from '../navigation';
import { BoardStore } from '../board/boardStore';
import { BoardActions } from '../board/boardActions';
import type { BoardContextValue } from '../board/BoardContext';
import { DetachedPresence } from './DetachedPresence';
import { compareBoard, diffMarks } from './diffMarks';
import { readSnapshotRoute, type SnapshotRoute } from './snapshotRoute';

export type SnapshotView =
  | { status: 'off' }
  | { status: 'loading'; route: SnapshotRoute }
  | { status: 'error'; route: SnapshotRoute; message: string }
  | {
      status: 'ready';
      route: SnapshotRoute;
      info: SnapshotSummary;
      ctx: BoardContextValue;
      /** Compare mode: the diff snapshot → live, and the live board it was drawn from. */
      diff: BoardDiff | null;
      now: BoardJson | null;
      asOf: Date;
      /** Compare mode: the live board has changed since the comparison was drawn. */
      stale: boolean;
      refresh(): void;
    };

export function useSnapshotView(boardId: string, token: string, live: BoardContextValue): SnapshotView {
  const { search } = useLocation();
  const { t } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  const parsed = readSnapshotRoute(search);
  const sid = parsed?.sid ?? null;
  const mode = parsed?.mode ?? 'view';
  const route = useMemo<SnapshotRoute | null>(() => (sid ? { sid, mode } : null), [sid, mode]);
  const [reload, setReload] = useState(0);
  const [view, setView] = useState<SnapshotView>({ status: 'off' });
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (!route) {
      setView({ status: 'off' });
      return;
    }
    // What this person does over the snapshot is not shown to the people on the live board.
    live.presence.setCursor(null);
    live.presence.setSelection([]);
    setView({ status: 'loading', route });
    setStale(false);
    let cancelled = false;
    let built: { doc: Y.Doc; store: BoardStore } | null = null;
    Promise.all([
      listSnapshots(boardId, token),
      getSnapshotBoard(boardId, token, route.sid),
      route.mode === 'compare' ? getSnapshotDiff(boardId, token, route.sid, 'live') : Promise.resolve(null),
    ])
      .then(([list, snapshot, diff]) => {
        if (cancelled) return;
        const info = list.find((s) => s.id === route.sid);
        if (!info) throw new ApiError(404, 'snapshot_not_found', '');
        const now = diff ? toBoardJson(live.store.doc) : null;
        const doc = new Y.Doc();
        applyBoardJson(doc, diff && now ? compareBoard(now, diff) : snapshot, null);
        const store = new BoardStore(doc);
        if (diff) {
          const marks = diffMarks(diff);
          store.setDiffMarks(marks.nodes, marks.edges);
        }
        built = { doc, store };
        const ctx: BoardContextValue = {
          store,
          actions: new BoardActions(doc, { local: true, clientID: doc.clientID }, true, () => undefined),
          presence: new DetachedPresence(live.presence),
          role: live.role,
          readOnly: true,
        };
        setView({ status: 'ready', route, info, ctx, diff, now, asOf: new Date(), stale: false, refresh: () => setReload((n) => n + 1) });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const e = err instanceof ApiError ? err : null;
        const message = e?.status === 404 ? tRef.current('snapNotFound') : tRef.current('snapLoadFailed', { message: e?.message ?? String(err) });
        setView({ status: 'error', route, message });
      });
    return () => {
      cancelled = true;
      if (built) {
        built.store.destroy();
        built.doc.destroy();
      }
    };
  }, [route, boardId, token, reload, live.store, live.presence, live.role]);

  // A comparison is a picture of one moment; say so when the live board moves on.
  const comparing = view.status === 'ready' && !!view.diff;
  useEffect(() => {
    if (!comparing) return;
    const doc = live.store.doc;
    const on = () => setStale(true);
    doc.on('update', on);
    return () => doc.off('update', on);
  }, [comparing, live.store]);

  return view.status === 'ready' ? { ...view, stale } : view;
}
