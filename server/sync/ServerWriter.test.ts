// The mirror a board's server changes are written on: equal to the live document while kept, and
// dropped after a quiet spell (it costs a second copy of the board and a second apply of every update).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ServerWriter } from './ServerWriter';

describe('ServerWriter', () => {
  it('writes on a mirror that follows the live document, and drops it after idleMs without a change', async () => {
    const live = new Y.Doc();
    live.getMap('nodes').set('a', 1);
    const writer = new ServerWriter(live, () => Y.encodeStateAsUpdate(live), 100);
    expect(writer.holdsMirror).toBe(false);

    const update = writer.write((doc) => doc.getMap('agreements').set('g1', 'stat'), 'server')!;
    expect(writer.holdsMirror).toBe(true);
    // The live document gets it only when the caller applies it (after storing).
    expect(live.getMap('agreements').get('g1')).toBeUndefined();
    Y.applyUpdate(live, update);
    // A client's edit on the live document reaches the mirror: the next change sees it.
    live.getMap('nodes').set('b', 2);
    const next = writer.write((doc) => doc.getMap('agreements').set('seen', doc.getMap('nodes').get('b') as number), 'server')!;
    Y.applyUpdate(live, next);
    expect(live.getMap('agreements').get('seen')).toBe(2);

    await new Promise((r) => setTimeout(r, 250));
    expect(writer.holdsMirror).toBe(false);
    // Built again at the next change, from the live document.
    const again = writer.write((doc) => doc.getMap('agreements').set('g2', String(doc.getMap('nodes').size)), 'server')!;
    Y.applyUpdate(live, again);
    expect(live.getMap('agreements').get('g2')).toBe('2');
    writer.drop();
  });
});
