// Where a straight link between two cards leaves and enters them: the points at which the line
// between their centres crosses each card's border. Cheap to compute and to draw.
import type { InternalNode } from '@xyflow/react';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(n: InternalNode): Box {
  const w = n.measured?.width ?? 240;
  const h = n.measured?.height ?? 110;
  return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w, h };
}

function borderPoint(from: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = from.x + from.w / 2;
  const cy = from.y + from.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx !== 0 ? from.w / 2 / Math.abs(dx) : Infinity;
  const sy = dy !== 0 ? from.h / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

export function floatingEnds(source: InternalNode, target: InternalNode) {
  const a = boxOf(source);
  const b = boxOf(target);
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const s = borderPoint(a, cb);
  const t = borderPoint(b, ca);
  return { sx: s.x, sy: s.y, tx: t.x, ty: t.y };
}
