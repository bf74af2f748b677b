// Wheel zoom in steps: each notch of a mouse wheel (or the same distance on a touchpad) zooms by
// one fixed factor around the pointer, whatever size of delta the device reports. React Flow's own
// wheel zoom scales with the raw delta, so one notch could jump by 15 % on one mouse and 50 % on
// another. Pinch (ctrl + wheel) is left to React Flow.
import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';

export const ZOOM_STEP = 1.2;
/** Wheel distance (in pixels) that makes one step. */
const NOTCH = 100;

export function useWheelZoom(wrapper: RefObject<HTMLElement | null>, minZoom: number, maxZoom: number): void {
  const rf = useReactFlow();
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let acc = 0;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return;
      const pane = (e.target as HTMLElement).closest('.react-flow');
      if (!pane || (e.target as HTMLElement).closest('.nowheel, .mk-overview, .react-flow__panel')) return;
      e.preventDefault();
      const px = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 800 : 1;
      acc += e.deltaY * px;
      // A small first delta (a touchpad) waits for more; a notch of any size makes at least one step.
      let steps = Math.trunc(acc / NOTCH);
      if (steps === 0 && Math.abs(acc) >= NOTCH * 0.4 && Math.abs(e.deltaY * px) >= NOTCH * 0.4) steps = Math.sign(acc);
      if (steps === 0) return;
      acc = 0;
      const v = rf.getViewport();
      const zoom = Math.min(maxZoom, Math.max(minZoom, v.zoom * ZOOM_STEP ** -steps));
      if (zoom === v.zoom) return;
      const r = pane.getBoundingClientRect();
      const sx = e.clientX - r.left;
      const sy = e.clientY - r.top;
      // Keep the flow point under the pointer where it is.
      const fx = (sx - v.x) / v.zoom;
      const fy = (sy - v.y) / v.zoom;
      void rf.setViewport({ x: sx - fx * zoom, y: sy - fy * zoom, zoom });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [wrapper, rf, minZoom, maxZoom]);
}
