// Text drawn as glyph outlines before resvg sees the SVG (the PNG export, #19 §1). resvg-js 2.6
// loads fonts as files only, and fontdb then reads the whole font file again for every glyph it
// shapes or outlines: the 34,000 characters of a 500-goal map were 39,000 file opens and most of
// the PNG's time. Here each glyph is read once, from one copy of Liberation Sans (the family the
// map asks for first), placed with its advance and kerning, and each text becomes one path. A text this font
// cannot draw (a character it lacks), or any text when the font files are missing, stays text
// for resvg and its fallback fonts.
import { existsSync, readFileSync } from 'node:fs';

/** Where Debian (fonts-liberation) and Fedora (liberation-sans-fonts) install Liberation Sans. */
const FONT_DIRS = ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/liberation-sans', '/usr/share/fonts/liberation'];

export interface Font {
  unitsPerEm: number;
  glyph(codePoint: number): number;
  advance(glyph: number): number;
  kerning(left: number, right: number): number;
  /** The glyph's outline in font units (y up): its first point and the rest relative to it ('' rest: nothing to draw, a space). */
  outline(glyph: number): { x0: number; y0: number; rest: string };
}

/** A TrueType font (glyf outlines): cmap, hmtx, the kern table and the glyphs, as resvg would draw them unhinted. */
export function parseTrueType(buf: Buffer): Font {
  const tables = new Map<string, number>();
  for (let i = 0, n = buf.readUInt16BE(4); i < n; i++) tables.set(buf.toString('latin1', 12 + 16 * i, 16 + 16 * i), buf.readUInt32BE(20 + 16 * i));
  const at = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`font has no ${tag} table`);
    return o;
  };
  const head = at('head');
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const longLoca = buf.readInt16BE(head + 50) === 1;
  const numGlyphs = buf.readUInt16BE(at('maxp') + 4);
  const numHMetrics = buf.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const loca = at('loca');
  const glyf = at('glyf');
  const glyphStart = (g: number) => (longLoca ? buf.readUInt32BE(loca + 4 * g) : 2 * buf.readUInt16BE(loca + 2 * g));

  const glyph = cmapLookup(buf, at('cmap'));
  const kern = kernPairs(buf, tables.get('kern'));
  const outlines = new Map<number, { x0: number; y0: number; rest: string }>();

  /** Contours of glyph `g` (composites resolved), as points with their on-curve flag. */
  const contours = (g: number, depth = 0): { x: number; y: number; on: boolean }[][] => {
    if (g >= numGlyphs || depth > 8) return [];
    const start = glyf + glyphStart(g);
    if (glyphStart(g + 1) === glyphStart(g)) return [];
    const count = buf.readInt16BE(start);
    if (count < 0) return composite(start + 10, depth);
    let p = start + 10;
    const ends: number[] = [];
    for (let i = 0; i < count; i++, p += 2) ends.push(buf.readUInt16BE(p));
    const points = count ? ends[count - 1]! + 1 : 0;
    p += 2 + buf.readUInt16BE(p);
    const flags: number[] = [];
    while (flags.length < points) {
      const f = buf[p++]!;
      flags.push(f);
      if (f & 8) for (let r = buf[p++]!; r > 0; r--) flags.push(f);
    }
    const coords = (short: number, same: number) => {
      const out: number[] = [];
      let v = 0;
      for (const f of flags) {
        if (f & short) v += f & same ? buf[p++]! : -buf[p++]!;
        else if (!(f & same)) (v += buf.readInt16BE(p)), (p += 2);
        out.push(v);
      }
      return out;
    };
    const xs = coords(2, 16);
    const ys = coords(4, 32);
    const out: { x: number; y: number; on: boolean }[][] = [];
    let from = 0;
    for (const end of ends) {
      const c = [];
      for (let i = from; i <= end; i++) c.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
      out.push(c);
      from = end + 1;
    }
    return out;
  };

  const composite = (p: number, depth: number) => {
    const out: { x: number; y: number; on: boolean }[][] = [];
    for (;;) {
      const flags = buf.readUInt16BE(p);
      const component = buf.readUInt16BE(p + 2);
      p += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 1) (dx = buf.readInt16BE(p)), (dy = buf.readInt16BE(p + 2)), (p += 4);
      else (dx = buf.readInt8(p)), (dy = buf.readInt8(p + 1)), (p += 2);
      // Point-matched placement (ARGS_ARE_XY_VALUES unset) does not occur in Liberation Sans; place it unshifted.
      if (!(flags & 2)) dx = dy = 0;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2 = (o: number) => buf.readInt16BE(o) / 16384;
      if (flags & 8) (a = d = f2(p)), (p += 2);
      else if (flags & 0x40) (a = f2(p)), (d = f2(p + 2)), (p += 4);
      else if (flags & 0x80) (a = f2(p)), (b = f2(p + 2)), (c = f2(p + 4)), (d = f2(p + 6)), (p += 8);
      for (const contour of contours(component, depth + 1)) out.push(contour.map((q) => ({ x: a * q.x + c * q.y + dx, y: b * q.x + d * q.y + dy, on: q.on })));
      if (!(flags & 0x20)) return out;
    }
  };

  return {
    unitsPerEm,
    glyph,
    advance: (g) => buf.readUInt16BE(hmtx + 4 * Math.min(g, numHMetrics - 1)),
    kerning: (l, r) => kern.get(l * 65536 + r) ?? 0,
    outline(g) {
      let d = outlines.get(g);
      if (d === undefined) outlines.set(g, (d = relativeOutline(contours(g).flatMap(contourOps))));
      return d;
    },
  };
}

type Pt = { x: number; y: number };
type Op = { c: 'M'; p: Pt } | { c: 'L'; p: Pt } | { c: 'Q'; k: Pt; p: Pt } | { c: 'Z' };

/** One closed contour of quadratic TrueType points as path operations (an off-curve pair implies the on-curve point between). */
function contourOps(points: (Pt & { on: boolean })[]): Op[] {
  const n = points.length;
  if (!n) return [];
  const mid = (a: Pt, b: Pt) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const s = points.findIndex((q) => q.on);
  const start = s >= 0 ? points[s]! : mid(points[n - 1]!, points[0]!);
  // From the point after the start round to the start itself (all off-curve: the implied midpoint closes it).
  const order = s >= 0 ? Array.from({ length: n }, (_, k) => points[(s + 1 + k) % n]!) : points;
  const ops: Op[] = [{ c: 'M', p: start }];
  let control: Pt | null = null;
  for (const q of order) {
    if (q.on) {
      ops.push(control ? { c: 'Q', k: control, p: q } : { c: 'L', p: q });
      control = null;
    } else {
      if (control) ops.push({ c: 'Q', k: control, p: mid(control, q) });
      control = q;
    }
  }
  if (control) ops.push({ c: 'Q', k: control, p: start });
  ops.push({ c: 'Z' });
  return ops;
}

/** Numbers of a path command, as short as SVG allows (no separator before a minus sign). */
const nums = (...vs: number[]) => vs.map((v, i) => (i > 0 && v >= 0 ? ' ' : '') + v).join('');

/**
 * A glyph as its first point and the rest of its path in relative commands, so placing it at a pen
 * position is `M${x0 + pen} ${y0}` + rest: no coordinate is rewritten per character. Points are
 * whole font units (1/2048 em: the implied midpoints' halves are far below a pixel).
 */
function relativeOutline(ops: Op[]): { x0: number; y0: number; rest: string } {
  if (!ops.length) return { x0: 0, y0: 0, rest: '' };
  const r = (p: Pt) => ({ x: Math.round(p.x), y: Math.round(p.y) });
  const first = r((ops[0] as { p: Pt }).p);
  let cur = first;
  let sub = first;
  let rest = '';
  for (const op of ops.slice(1)) {
    if (op.c === 'Z') {
      rest += 'z';
      cur = sub;
      continue;
    }
    const p = r(op.p);
    if (op.c === 'M') rest += `m${nums(p.x - cur.x, p.y - cur.y)}`;
    else if (op.c === 'L') rest += `l${nums(p.x - cur.x, p.y - cur.y)}`;
    else {
      const k = r(op.k);
      rest += `q${nums(k.x - cur.x, k.y - cur.y, p.x - cur.x, p.y - cur.y)}`;
    }
    cur = p;
    if (op.c === 'M') sub = p;
  }
  return { x0: first.x, y0: first.y, rest };
}

/** The Unicode character map (format 12 preferred, else format 4). */
function cmapLookup(buf: Buffer, cmap: number): (cp: number) => number {
  let best = -1;
  let bestFormat = 0;
  for (let i = 0, n = buf.readUInt16BE(cmap + 2); i < n; i++) {
    const platform = buf.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = buf.readUInt16BE(cmap + 6 + 8 * i);
    const sub = cmap + buf.readUInt32BE(cmap + 8 + 8 * i);
    const format = buf.readUInt16BE(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) (best = sub), (bestFormat = format);
  }
  if (best < 0) return () => 0;
  const sub = best;
  if (bestFormat === 12) {
    const groups = buf.readUInt32BE(sub + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const m = (lo + hi) >> 1;
        const g = sub + 16 + 12 * m;
        if (cp < buf.readUInt32BE(g)) hi = m - 1;
        else if (cp > buf.readUInt32BE(g + 4)) lo = m + 1;
        else return buf.readUInt32BE(g + 8) + cp - buf.readUInt32BE(g);
      }
      return 0;
    };
  }
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (buf.readUInt16BE(ends + s) < cp) continue;
      const start = buf.readUInt16BE(starts + s);
      if (start > cp) return 0;
      const delta = buf.readUInt16BE(deltas + s);
      const range = buf.readUInt16BE(ranges + s);
      if (!range) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + s + range + 2 * (cp - start));
      return g ? (g + delta) & 0xffff : 0;
    }
    return 0;
  };
}

/** Pairs of the kern table's format-0 subtables (horizontal), keyed left * 65536 + right. */
function kernPairs(buf: Buffer, kern: number | undefined): Map<number, number> {
  const pairs = new Map<number, number>();
  if (kern === undefined || buf.readUInt16BE(kern) !== 0) return pairs;
  let p = kern + 4;
  for (let t = 0, n = buf.readUInt16BE(kern + 2); t < n; t++) {
    const length = buf.readUInt16BE(p + 2);
    const coverage = buf.readUInt16BE(p + 4);
    // Format 0, horizontal, not cross-stream, not minimum values.
    if (coverage >> 8 === 0 && (coverage & 0x7) === 1) {
      for (let i = 0, count = buf.readUInt16BE(p + 6); i < count; i++) {
        const q = p + 14 + 6 * i;
        pairs.set(buf.readUInt16BE(q) * 65536 + buf.readUInt16BE(q + 2), buf.readInt16BE(q + 4));
      }
    }
    p += length;
  }
  return pairs;
}

let fonts: { regular: Font; bold: Font } | null | undefined;

/** Liberation Sans regular and bold, read once per process (null when not installed). */
export function liberationSans(): { regular: Font; bold: Font } | null {
  if (fonts !== undefined) return fonts;
  fonts = null;
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/LiberationSans-Regular.ttf`;
    const bold = `${dir}/LiberationSans-Bold.ttf`;
    if (!existsSync(regular) || !existsSync(bold)) continue;
    try {
      fonts = { regular: parseTrueType(readFileSync(regular)), bold: parseTrueType(readFileSync(bold)) };
    } catch {
      fonts = null;
    }
    break;
  }
  return fonts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!,
  );
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * Our export SVG with every plain <text> (x, y, font-size, font-weight, text-anchor, fill; no
 * children) drawn as one path of glyphs of `fonts`; `remaining` counts the texts left as text.
 */
export function textToGlyphs(svg: string, fonts: { regular: Font; bold: Font }): { svg: string; remaining: number } {
  const body = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, content: string) => {
    const bold = attr(attrs, 'font-weight') === 'bold';
    const font = bold ? fonts.bold : fonts.regular;
    const x = Number(attr(attrs, 'x') ?? 0);
    const y = Number(attr(attrs, 'y') ?? 0);
    const size = Number(attr(attrs, 'font-size') ?? 12);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const known = /^\s(x|y|font-size|font-weight|text-anchor|fill)="[^"]*"(?=\s|$)/;
    let rest = attrs;
    while (rest.length && known.test(rest)) rest = rest.replace(known, '');
    // As resvg lays out a text (xml:space default): runs of white space are one space, none at the ends.
    const text = unescapeXml(content).replace(/\s+/g, ' ').trim();
    if (rest.trim() || !Number.isFinite(x + y + size) || (anchor !== 'start' && anchor !== 'middle')) return whole;
    const glyphs: number[] = [];
    for (const ch of text) {
      const g = font.glyph(ch.codePointAt(0)!);
      if (!g) return whole;
      glyphs.push(g);
    }
    let d = '';
    let pen = 0;
    glyphs.forEach((g, i) => {
      if (i > 0) pen += font.kerning(glyphs[i - 1]!, g);
      const o = font.outline(g);
      if (o.rest) d += `M${o.x0 + pen} ${o.y0}${o.rest}`;
      pen += font.advance(g);
    });
    const scale = size / font.unitsPerEm;
    const left = anchor === 'middle' ? x - (pen * scale) / 2 : x;
    const fill = attr(attrs, 'fill');
    if (!d) return '';
    return `<path transform="translate(${round(left)} ${round(y)}) scale(${round(scale, 6)} ${round(-scale, 6)})"${fill ? ` fill="${fill}"` : ''} d="${d}"/>`;
  });
  // Counted in the result, so a text of another shape (with a <tspan>, say) is counted too.
  return { svg: body, remaining: body.match(/<text\b/g)?.length ?? 0 };
}

const round = (v: number, digits = 2) => String(Math.round(v * 10 ** digits) / 10 ** digits);
