// The people on the board as the workshop lists them: one entry per participant (a person with
// two tabs open counts once), with side, role and whether they facilitate.
import type { Peer } from '../board/presence';
import type { Role } from '../api';
import type { Side } from '../../shared';

export interface Participant {
  participantId: string;
  name: string;
  color: string;
  side: Side | null;
  role: Role | undefined;
  self: boolean;
}

export function participantsOf(peers: readonly Peer[]): Participant[] {
  const byId = new Map<string, Participant>();
  for (const p of peers) {
    const id = p.user?.participantId ?? `client-${p.clientId}`;
    const prev = byId.get(id);
    if (prev && !p.self) continue;
    byId.set(id, {
      participantId: id,
      name: p.name,
      color: p.color,
      side: p.user?.side ?? null,
      role: p.role,
      self: p.self || !!prev?.self,
    });
  }
  return [...byId.values()].sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name)));
}
