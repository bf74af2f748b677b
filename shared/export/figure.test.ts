// The band figures of the printed chapter: link labels must be readable, so no label may cover another.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from '../examples';
import type { BoardJson } from '../interchange/schema';
import { bandFigureSvg } from './figure';
import { viewGraph } from './format';
import { board, edge, node } from './testBoards';

interface Box { x: number; y: number; w: number; h: number; text: string }
/** The label boxes (white rectangles under each label's text) with their text. */
function labels(svg: string): Box[] {
  const re = /<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" rx="3"[^>]*\/><text[^>]*>([^<]*)<\/text>/g;
  return [...svg.matchAll(re)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), text: m[5]! }));
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const figure = (b: BoardJson, tier: 'national' | 'kommuneplan' | 'nav_local') =>
  bandFigureSvg(viewGraph(b, 'all'), tier, 'nb', { title: 'Figur', description: 'Beskrivelse' });

describe('band figure labels', () => {
  it('no label covers another in any band of the example board', () => {
    for (const tier of ['national', 'kommuneplan', 'nav_local'] as const) {
      const boxes = labels(figure(EXAMPLE_BOARD as unknown as BoardJson, tier));
      expect(boxes.length, tier).toBeGreaterThan(0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${tier}: «${boxes[i]!.text}» and «${boxes[j]!.text}»`).toBe(false);
      }
    }
  });

  it('links of one kind that meet in the same gap share one label; the labels stay inside the figure', () => {
    // Three goals governed through the two instruments in the row below: five «styres gjennom» links.
    const goals = ['a', 'b', 'c'].map((id, i) => node({ id, tier: 'nav_local', owner: 'felles', title: `Mål ${id}`, position: { x: i * 300, y: 0 } }));
    const instruments = ['p', 'q'].map((id, i) => node({ id, kind: 'instrument', tier: 'nav_local', owner: 'felles', title: `Avtale ${id}`, position: { x: i * 300, y: 300 } }));
    const b = board([...goals, ...instruments], [
      edge('e1', 'governedThrough', 'a', 'p'), edge('e2', 'governedThrough', 'b', 'p'), edge('e3', 'governedThrough', 'c', 'p'),
      edge('e4', 'governedThrough', 'a', 'q'), edge('e5', 'governedThrough', 'b', 'q'),
    ]);
    const svg = figure(b, 'nav_local');
    const boxes = labels(svg);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThan(5);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.w).toBeLessThanOrEqual(width);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });
});
