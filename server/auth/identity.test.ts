// identify(): a member's session before a link; a link only while the board's policy lets its role in.
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { SessionRecord } from '../storage/BoardStorage';
import { identify, linkAllowed } from './identity';
import { newTokens } from './tokens';

const session = (sub: string): SessionRecord => ({ idHash: 'h', sub, name: `${sub} (verified)`, email: '', idToken: null, createdAt: '', expiresAt: '' });

async function board(links?: 'all' | 'viewer' | 'none') {
  const storage = new MemoryStorage();
  const { tokens, hashes } = newTokens();
  const record = { id: 'b1', createdAt: '', tokens: hashes, ...(links ? { links } : {}) };
  await storage.createBoard(record, new Uint8Array([0, 0]));
  await storage.putMember({ boardId: 'b1', sub: 'kari', name: 'Kari', email: '', role: 'editor', side: 'kommune', addedAt: '' });
  return { storage, record, tokens };
}

describe('identify', () => {
  it('a member is who the session says, with the role and side of the membership, even holding a link', async () => {
    const { storage, record, tokens } = await board('all');
    expect(await identify(storage, record, { session: session('kari'), token: tokens.viewer })).toEqual({
      ok: true,
      identity: { role: 'editor', side: 'kommune', name: 'kari (verified)', verified: true, sub: 'kari', tokenHash: null },
    });
  });

  it('a link holder is unverified, without name or side; a signed-in stranger with a link is a link holder', async () => {
    const { storage, record, tokens } = await board();
    const found = await identify(storage, record, { session: session('eve'), token: tokens.owner });
    expect(found).toMatchObject({ ok: true, identity: { role: 'owner', verified: false, side: null, name: null, sub: null } });
    expect(await identify(storage, record, { session: session('eve'), token: null })).toEqual({ ok: false, reason: 'not_member' });
    expect(await identify(storage, record, { session: null, token: null })).toEqual({ ok: false, reason: 'no_credentials' });
    expect(await identify(storage, record, { session: null, token: 'wrong' })).toEqual({ ok: false, reason: 'token_invalid' });
  });

  it('the link policy: viewer lets only the viewer link in, none no link', async () => {
    const { storage, record, tokens } = await board('viewer');
    expect(await identify(storage, record, { session: null, token: tokens.editor })).toEqual({ ok: false, reason: 'links_disabled' });
    expect(await identify(storage, record, { session: null, token: tokens.viewer })).toMatchObject({ ok: true, identity: { role: 'viewer' } });
    expect(['owner', 'editor', 'viewer'].map((r) => linkAllowed('none', r as 'viewer'))).toEqual([false, false, false]);
    expect(['owner', 'editor', 'viewer'].map((r) => linkAllowed('all', r as 'viewer'))).toEqual([true, true, true]);
  });
});
