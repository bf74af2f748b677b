import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBoardJson, readGraph, redThread, type BoardJson } from '../../shared';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { threadSections } from './threadLines';

describe('threadSections', () => {
  it('splits the example board thread of a delmål into above, the card and below, with links and breaks', () => {
    const doc = new Y.Doc();
    applyBoardJson(doc, EXAMPLE_BOARD as BoardJson, 'test');
    const s = threadSections(redThread(readGraph(doc), 'K4')!);
    doc.destroy();
    expect(s.above.map((l) => l.id)).toEqual(['K0', 'N1', 'K1', 'K2']);
    expect(s.above.find((l) => l.id === 'N1')!.via).toEqual(['anchoredIn']);
    expect(s.start).toMatchObject({ id: 'K4', depth: 0, breaks: ['planGoalNoMeasure'] });
    expect(s.below.map((l) => [l.id, l.via])).toEqual([['K5', ['partOf']], ['L2', ['operationalises']], ['L4', ['measuredBy']]]);
  });
});
