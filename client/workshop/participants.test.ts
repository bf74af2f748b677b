import { describe, expect, it } from 'vitest';
import type { Peer } from '../board/presence';
import { participantsOf } from './participants';

const peer = (clientId: number, name: string, extra: Partial<Peer['user']> & { self?: boolean; role?: 'viewer' | 'editor' } = {}): Peer => ({
  clientId, name, color: '#000', self: !!extra.self, role: extra.role,
  user: { name, color: '#000', side: extra.side, participantId: extra.participantId },
});

describe('participantsOf', () => {
  it('lists a person with two tabs once, keeping the own tab as self', () => {
    const list = participantsOf([
      peer(1, 'Siri', { participantId: 'p1', side: 'stat' }),
      peer(2, 'Siri', { participantId: 'p1', side: 'stat', self: true }),
      peer(3, 'Kari', { participantId: 'p2', side: 'kommune' }),
    ]);
    expect(list.map((p) => [p.participantId, p.self])).toEqual([['p1', true], ['p2', false]]);
  });
  it('takes the role the server stamped and keeps people without an id apart', () => {
    const list = participantsOf([peer(5, 'Vera', { role: 'viewer', side: 'gjest' }), peer(6, 'Ola', {})]);
    expect(list.map((p) => [p.participantId, p.role, p.side])).toEqual([['client-6', undefined, null], ['client-5', 'viewer', 'gjest']]);
  });
});
