// Tells the stylesheet the zoom: a CSS variable and a coarse level on the canvas element, written
// directly (no React render per zoom frame). The overview cards use them to keep their titles at a
// readable size on screen at any zoom (see .mk-card-low-title in styles.css).
import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Below this zoom a card draws only its title (CardShell's level of detail). */
export const LOW_DETAIL_ZOOM = 0.45;

export function ZoomLevel({ target }: { target: RefObject<HTMLElement | null> }) {
  const store = useStoreApi();
  useEffect(() => {
    let last = -1;
    const write = (zoom: number) => {
      const el = target.current;
      if (!el || zoom === last) return;
      last = zoom;
      el.style.setProperty('--mk-zoom', String(zoom));
      // How many title lines fit the fixed-height overview card at this zoom's type size (see the stylesheet).
      // Card 134 px high less padding and borders: 118 px of text; type 11.5 px on screen (44 px at most), line height 1.12.
      const line = Math.min(11.5 / zoom, 44) * 1.12;
      el.dataset.lod = String(Math.max(2, Math.min(4, Math.floor(118 / line))));
    };
    write(store.getState().transform[2]);
    return store.subscribe((s) => write(s.transform[2]));
  }, [store, target]);
  return null;
}
