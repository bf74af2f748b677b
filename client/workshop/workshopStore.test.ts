import { describe, expect, it } from 'vitest';
import { agree, castDots, closeVote, startThread, startVote, takeFacilitator, updateNode } from '../../shared';
import { FACILITATOR, KOMMUNE, ORIGIN, STAT, T0, T1, workshopBoard } from '../../shared/workshop/testing';
import { WorkshopStore } from './workshopStore';

function setup(me = STAT) {
  const doc = workshopBoard();
  takeFacilitator(doc, { ...FACILITATOR, at: T0 }, ORIGIN);
  const ws = new WorkshopStore(doc, () => me);
  return { doc, ws };
}

describe('WorkshopStore card marks', () => {
  it('hands out the same object for a card until its marks change', () => {
    const { doc, ws } = setup();
    agree(doc, { targetId: 'G1', side: 'stat', ...STAT, at: T0 }, ORIGIN);
    expect(ws.cardMarks('G1').agreement?.state).toBe('stat');
    const g1 = ws.cardMarks('G1');
    startThread(doc, { targetId: 'G2', targetType: 'node', ...KOMMUNE, text: 'Tall?', at: T0 }, ORIGIN);
    expect(ws.cardMarks('G1')).toBe(g1);
    expect(ws.cardMarks('G2').openThreads).toBe(1);
    ws.destroy();
  });

  it('hears edits of agreed cards only, not every keystroke on the board', () => {
    const { doc, ws } = setup();
    agree(doc, { targetId: 'G1', side: 'stat', ...STAT, at: T0 }, ORIGIN);
    const v = ws.version;
    updateNode(doc, 'G2', { title: 'Skrives nå' }, ORIGIN);
    expect(ws.version).toBe(v);
    updateNode(doc, 'G1', { title: 'Endret etter enighet' }, ORIGIN);
    expect(ws.version).toBeGreaterThan(v);
    ws.destroy();
  });

  it('marks an agreed card as changed after an edit of its content', () => {
    const { doc, ws } = setup();
    agree(doc, { targetId: 'G1', side: 'stat', ...STAT, at: T0 }, ORIGIN);
    agree(doc, { targetId: 'G1', side: 'kommune', ...KOMMUNE, at: T0 }, ORIGIN);
    expect(ws.cardMarks('G1').agreement).toMatchObject({ state: 'avtalt', changed: false, stat: { name: STAT.name } });
    updateNode(doc, 'G1', { title: 'Nytt' }, ORIGIN);
    expect(ws.cardMarks('G1').agreement).toMatchObject({ state: 'open', changed: true });
    ws.destroy();
  });

  it('shows only my own dots while a vote is open, and the tally once it is closed', () => {
    const { doc, ws } = setup(STAT);
    const v = startVote(doc, { title: 'Viktigst', targetIds: ['G1', 'G2', 'G3'], dots: 3, createdBy: FACILITATOR, createdAt: T0 }, ORIGIN);
    if (!v.ok) throw new Error(v.message.en);
    castDots(doc, { voteId: v.id, ...STAT, dots: { G1: 2 }, at: T1 }, ORIGIN);
    castDots(doc, { voteId: v.id, ...KOMMUNE, dots: { G1: 1, G3: 2 }, at: T1 }, ORIGIN);
    expect(ws.cardMarks('G1')).toEqual({ openThreads: 0, voting: { voteId: v.id, mine: 2, left: 1 } });
    expect(ws.cardMarks('G3')).toEqual({ openThreads: 0, voting: { voteId: v.id, mine: 0, left: 1 } });
    expect(JSON.stringify([ws.cardMarks('G1'), ws.cardMarks('G2'), ws.cardMarks('G3')])).not.toContain('result');
    closeVote(doc, { voteId: v.id, participantId: FACILITATOR.participantId, at: T1 }, ORIGIN);
    expect(ws.cardMarks('G1').result).toEqual({ dots: 3, rank: 1 });
    expect(ws.cardMarks('G3').result).toEqual({ dots: 2, rank: 2 });
    expect(ws.cardMarks('G2').result).toEqual({ dots: 0, rank: 3 });
    expect(ws.cardMarks('G1').voting).toBeUndefined();
    ws.showResults(null);
    expect(ws.cardMarks('G1').result).toBeUndefined();
    ws.destroy();
  });
});
