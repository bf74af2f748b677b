// Presence.peers() reads every peer's awareness state as untrusted input (issue #12, finding 5):
// two entries with `user.name: 1` and `2` used to throw in localeCompare and blank every browser.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { Presence } from './presence';

/** Puts raw states into `awareness` as if they came over the wire from other clients. */
function receive(awareness: Awareness, states: { clientId: number; state: unknown }[]): void {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const { clientId, state } of states) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  applyAwarenessUpdate(awareness, encoding.toUint8Array(e), 'remote');
}

describe('Presence.peers', () => {
  it('reads hostile peer states without throwing, keeping only valid fields', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const presence = new Presence(awareness);
    presence.setUser('Ola', '#0f766e', 'editor');
    receive(awareness, [
      { clientId: 11, state: { user: { name: 1 } } },
      { clientId: 12, state: { user: { name: 2 } } },
      { clientId: 13, state: { user: { name: 'Kari', color: 'red;background:url(x)' }, cursor: { x: 'a', y: 1 }, sel: 'all', drag: { n1: null }, role: 'god' } },
      { clientId: 14, state: { user: { name: 'Per', color: '#123456' }, sel: ['n1', 42], viewport: { x: 1, y: 2, zoom: 1e9 } } },
      { clientId: 15, state: { user: null, cursor: { x: 1, y: 1 } } },
      { clientId: 16, state: { user: { name: { toString: 'x' } }, sel: ['n1'] } },
    ]);
    const peers = presence.peers();
    expect(peers.map((p) => p.name)).toEqual(['Ola', 'Kari', 'Per']);
    const kari = peers.find((p) => p.name === 'Kari')!;
    expect(kari.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(kari).not.toHaveProperty('cursor');
    expect(kari).not.toHaveProperty('sel');
    expect(kari).not.toHaveProperty('drag');
    expect(kari.role).toBeUndefined();
    const per = peers.find((p) => p.name === 'Per')!;
    expect(per.color).toBe('#123456');
    expect(per).not.toHaveProperty('sel');
    expect(per).not.toHaveProperty('viewport');
    expect(peers[0]).toMatchObject({ self: true, role: 'editor' });
    awareness.destroy();
  });

  it('shares at most the selection and drag the server accepts', () => {
    const awareness = new Awareness(new Y.Doc());
    const presence = new Presence(awareness);
    presence.setSelection(Array.from({ length: 5000 }, (_, i) => `n${i}`));
    expect((awareness.getLocalState() as { sel: string[] }).sel).toHaveLength(1000);
    presence.setDrag(Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`n${i}`, { x: i, y: i }])));
    expect(Object.keys((awareness.getLocalState() as { drag: object }).drag)).toHaveLength(500);
    presence.setDrag(null);
    awareness.destroy();
  });
});
