// The minimap, drawn on a <canvas>: one rectangle per card in its owner's colour, the bands, and
// the visible area. React Flow's SVG minimap re-renders every card on every change, which costs
// a frame per remote move at 2,000 cards; this redraws at most a few times a second. Click or drag
// on it to move the view; arrow keys pan when it has focus.
import { memo, useEffect, useRef, useState } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { TIERS } from '../../shared';
import { useT } from '../i18n/I18nProvider';
import { ownerTheme } from '../theme/ownerTheme';
import { useBoardContext } from './BoardContext';
import { BAND_HEIGHT, bandTop, CARD_HEIGHT_ESTIMATE, CARD_WIDTH } from '../../shared';

const W = 220;
const H = 150;
const PAD = 200;
const BAND_TINT: Record<string, string> = { national: '#e6edf8', kommuneplan: '#e4f1e9', nav_local: '#eee6f4' };
const viewOf = (s: ReactFlowState) => ({ t: s.transform, w: s.width, h: s.height });

const OPEN_KEY = 'malkart.overview';

/**
 * The overview map sits over the canvas, so it is folded to a button by default (it would otherwise
 * cover cards on a small screen); whoever opens it keeps it open (remembered in this browser).
 */
export const OverviewMap = memo(function OverviewMap() {
  const t = useT();
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(OPEN_KEY) === '1';
    } catch {
      return false;
    }
  });
  const toggle = (next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(OPEN_KEY, next ? '1' : '0');
    } catch {
      /* storage may be blocked */
    }
  };
  return (
    <Panel position="bottom-right" className={`mk-overview${open ? ' is-open' : ''}`}>
      {open && <OverviewCanvas />}
      <button
        type="button"
        className="mk-btn mk-btn-small mk-overview-toggle"
        aria-pressed={open}
        onClick={() => toggle(!open)}
        data-testid="overview-toggle"
      >
        <span aria-hidden="true">▦</span> {t('minimap')}
      </button>
    </Panel>
  );
});

const OverviewCanvas = memo(function OverviewCanvas() {
  const t = useT();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useStore(viewOf, (a, b) => a.t[0] === b.t[0] && a.t[1] === b.t[1] && a.t[2] === b.t[2] && a.w === b.w && a.h === b.h);
  const viewRef = useRef(view);
  viewRef.current = view;
  const frame = useRef({ scale: 1, ox: 0, oy: 0 });
  const pending = useRef(0);
  const lastDraw = useRef(0);

  const draw = () => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    lastDraw.current = performance.now();
    const nodes = store.getNodes();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const n of nodes) {
      if (n.hidden) continue;
      const w = n.measured?.width ?? CARD_WIDTH;
      const h = n.measured?.height ?? CARD_HEIGHT_ESTIMATE;
      minX = Math.min(minX, n.position.x); minY = Math.min(minY, n.position.y);
      maxX = Math.max(maxX, n.position.x + w); maxY = Math.max(maxY, n.position.y + h);
    }
    // The bands are always shown, so an empty board still has a shape.
    minY = Math.min(minY, bandTop('national')); maxY = Math.max(maxY, bandTop('nav_local') + BAND_HEIGHT);
    if (!Number.isFinite(minX)) { minX = 0; maxX = 1200; }
    minX -= PAD; maxX += PAD; minY -= PAD / 2; maxY += PAD / 2;
    const scale = Math.min(W / (maxX - minX), H / (maxY - minY));
    const ox = (W - (maxX - minX) * scale) / 2 - minX * scale;
    const oy = (H - (maxY - minY) * scale) / 2 - minY * scale;
    frame.current = { scale, ox, oy };
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== W * dpr) { el.width = W * dpr; el.height = H * dpr; }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    for (const tier of TIERS) {
      ctx.fillStyle = BAND_TINT[tier]!;
      ctx.fillRect(0, oy + bandTop(tier) * scale, W, BAND_HEIGHT * scale);
    }
    for (const n of nodes) {
      if (n.hidden) continue;
      ctx.fillStyle = ownerTheme(n.data.card.owner).strong;
      const w = (n.measured?.width ?? CARD_WIDTH) * scale;
      const h = (n.measured?.height ?? CARD_HEIGHT_ESTIMATE) * scale;
      ctx.fillRect(ox + n.position.x * scale, oy + n.position.y * scale, Math.max(1.5, w), Math.max(1.5, h));
    }
    const { t: [tx, ty, zoom], w, h } = viewRef.current;
    ctx.strokeStyle = '#c2410c';
    ctx.lineWidth = 2;
    ctx.strokeRect(ox + (-tx / zoom) * scale, oy + (-ty / zoom) * scale, (w / zoom) * scale, (h / zoom) * scale);
  };
  const drawRef = useRef(draw);
  drawRef.current = draw;

  // Card changes: at most ~4 redraws a second. Viewport changes: at once (cheap).
  useEffect(() => {
    const schedule = () => {
      if (pending.current) return;
      const wait = Math.max(0, 250 - (performance.now() - lastDraw.current));
      pending.current = window.setTimeout(() => {
        pending.current = 0;
        drawRef.current();
      }, wait);
    };
    drawRef.current();
    const off = store.subscribe(schedule);
    return () => {
      off();
      clearTimeout(pending.current);
      pending.current = 0;
    };
  }, [store]);
  useEffect(() => drawRef.current(), [view]);

  const moveTo = (clientX: number, clientY: number) => {
    const r = canvas.current!.getBoundingClientRect();
    const { scale, ox, oy } = frame.current;
    const x = (clientX - r.left - ox) / scale;
    const y = (clientY - r.top - oy) / scale;
    void rf.setCenter(x, y, { zoom: rf.getZoom() });
  };

  return (
      <canvas
        ref={canvas}
        style={{ width: W, height: H }}
        role="img"
        tabIndex={0}
        aria-label={t('minimap')}
        data-testid="overview-map"
        onPointerDown={(e) => {
          (e.target as HTMLElement).setPointerCapture(e.pointerId);
          moveTo(e.clientX, e.clientY);
        }}
        onPointerMove={(e) => {
          if (e.buttons === 1) moveTo(e.clientX, e.clientY);
        }}
        onKeyDown={(e) => {
          const step = 120;
          const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
          if (!d) return;
          e.preventDefault();
          const v = rf.getViewport();
          void rf.setViewport({ x: v.x + d[0]!, y: v.y + d[1]!, zoom: v.zoom });
        }}
      />
  );
});
