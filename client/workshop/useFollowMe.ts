// "Follow me": the facilitator's tab shares its viewport in awareness; every other tab that follows
// moves its own view there (smoothly, as the updates arrive, throttled at the sender). Any manual
// pan or zoom steps out; "Følg tilrettelegger" steps back in. "Bring everyone here" (the summon
// entry of the session map) moves every tab once, followers or not.
import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Presence, Viewport } from '../board/presence';
import type { WorkshopStore } from './workshopStore';
import { motionMs } from '../board/motion';

interface SharedViewport extends Viewport {
  /** Size of the sharer's canvas, so a follower centres the same spot whatever its own size. */
  width?: number;
  height?: number;
}

const MOVE_MS = 160;

export function useFollowMe(o: {
  ws: WorkshopStore;
  presence: Presence;
  participantId: string;
  facilitatorId: string | null;
  following: boolean;
  setFollowing(on: boolean): void;
}): void {
  const { ws, presence, participantId, facilitatorId, following, setFollowing } = o;
  const rf = useReactFlow();
  const storeApi = useStoreApi();
  const iLead = facilitatorId === participantId;

  // The facilitator shares the viewport.
  useEffect(() => {
    if (!iLead) return;
    const send = () => {
      const s = storeApi.getState();
      const [x, y, zoom] = s.transform;
      presence.setViewport({ x, y, zoom, width: s.width, height: s.height } as SharedViewport);
    };
    send();
    const off = storeApi.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) send();
    });
    return () => {
      off();
      presence.setViewport(null);
    };
  }, [iLead, presence, storeApi]);

  // A follower moves with the facilitator.
  const last = useRef('');
  useEffect(() => {
    last.current = '';
    if (iLead || !following || !facilitatorId) return;
    const apply = () => {
      // Only a viewport the server let through from someone who may lead (never a viewer's).
      const lead = presence.peers().find((p) => !p.self && p.role !== 'viewer' && p.user?.participantId === facilitatorId && p.viewport);
      if (!lead?.viewport) return;
      const target = fitTo(lead.viewport as SharedViewport, storeApi.getState());
      const key = `${target.x.toFixed(1)}|${target.y.toFixed(1)}|${target.zoom.toFixed(4)}`;
      if (key === last.current) return;
      last.current = key;
      void rf.setViewport(target, { duration: motionMs(MOVE_MS) });
    };
    apply();
    return presence.subscribe(apply);
  }, [iLead, following, facilitatorId, presence, rf, storeApi]);

  // A manual pan or zoom steps out of following.
  const followRef = useRef(following);
  followRef.current = following;
  useEffect(() => {
    if (iLead || !facilitatorId) return;
    const canvas = document.querySelector<HTMLElement>('.mk-canvas');
    if (!canvas) return;
    const stepOut = () => {
      if (followRef.current) setFollowing(false);
    };
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      const el = e.target as HTMLElement;
      // Zoom buttons, the overview map, "fit" and a search hit all move the view by hand.
      if (el.closest('.react-flow__controls, .mk-overview canvas, button[aria-keyshortcuts="F"], .mk-search-hits')) return stepOut();
      down = el.classList.contains('react-flow__pane') ? { x: e.clientX, y: e.clientY } : null;
    };
    const onMove = (e: PointerEvent) => {
      if (down && e.buttons && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) {
        down = null;
        stepOut();
      }
    };
    const onUp = () => {
      down = null;
    };
    // Capture phase: d3-zoom stops the wheel event from bubbling.
    canvas.addEventListener('wheel', stepOut, { passive: true, capture: true });
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (!e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'f') stepOut();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
    return () => {
      canvas.removeEventListener('wheel', stepOut, { capture: true });
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
    };
  }, [iLead, facilitatorId, setFollowing]);

  // "Bring everyone here": act on each summon once; the one present at load is old news.
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const check = () => {
      const s = ws.summon();
      if (seen.current === undefined) {
        seen.current = s?.nonce ?? null;
        return;
      }
      if (!s || s.nonce === seen.current) return;
      seen.current = s.nonce;
      if (s.by.participantId === participantId) return;
      // The summoner's canvas size (shared with its live viewport) lets a screen of another size centre the same spot.
      const by = presence.peers().find((p) => p.role !== 'viewer' && p.user?.participantId === s.by.participantId)?.viewport as SharedViewport | null | undefined;
      const size = by?.width && by.height ? { width: by.width, height: by.height } : {};
      void rf.setViewport(fitTo({ ...s.viewport, ...size }, storeApi.getState()), { duration: motionMs(300) });
    };
    check();
    const off = ws.subscribe(check);
    return () => void off();
  }, [ws, rf, storeApi, participantId, presence]);
}

/** The viewport that shows here what the sharer sees: the same centre at the same zoom. */
function fitTo(v: SharedViewport, here: { width: number; height: number }): Viewport {
  if (!v.width || !v.height || !here.width || !here.height) return { x: v.x, y: v.y, zoom: v.zoom };
  const cx = (v.width / 2 - v.x) / v.zoom;
  const cy = (v.height / 2 - v.y) / v.zoom;
  return { x: here.width / 2 - cx * v.zoom, y: here.height / 2 - cy * v.zoom, zoom: v.zoom };
}
