import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import { AuditLog, actorOf } from './AuditLog';

describe('AuditLog', () => {
  it('stamps entries with its own clock, pages newest first, and purges a deleted board only past the retention', async () => {
    const storage = new MemoryStorage();
    let now = new Date('2026-01-01T10:00:00.000Z');
    const audit = new AuditLog(storage, 30 * 86_400_000, () => now);
    await storage.createBoard({ id: 'b1', createdAt: now.toISOString(), tokens: { owner: 'a', editor: 'b', viewer: 'c' } }, new Uint8Array([0, 0]));
    const e = await audit.record('b1', 'tokens.rotate', actorOf({ link: 'owner' }));
    expect(e).toEqual({ at: '2026-01-01T10:00:00.000Z', action: 'tokens.rotate', actor: { name: 'owner link', verified: false } });
    for (let i = 0; i < 4; i++) await audit.record('b1', 'agreement.give', { name: `P${i}`, verified: false }, { target: `G${i}` });
    const first = await audit.page('b1', undefined, 3);
    expect(first.entries.map((x) => x.target)).toEqual(['G3', 'G2', 'G1']);
    const second = await audit.page('b1', first.next, 3);
    expect(second.entries.map((x) => x.action)).toEqual(['agreement.give', 'tokens.rotate']);
    expect(second.next).toBeUndefined();
    expect(await audit.all('b1')).toHaveLength(5);

    await audit.record('b1', 'board.delete', actorOf({ link: 'owner' }));
    await storage.deleteBoard('b1');
    now = new Date('2026-01-20T10:00:00.000Z');
    expect(await audit.purge()).toBe(0);
    now = new Date('2026-02-01T10:00:01.000Z');
    expect(await audit.purge()).toBe(6);
    expect(await audit.all('b1')).toEqual([]);
  });
});
