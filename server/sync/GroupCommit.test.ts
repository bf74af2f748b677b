// A batch holds updates of many boards; one board's failure must not fail the others.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newResourceId, newTokens } from '../auth/tokens';
import { Metrics } from '../metrics';
import { SqliteStorage } from '../storage/SqliteStorage';
import { removeDir } from '../testing/testServer';
import { GroupCommit } from './GroupCommit';

const dirs: string[] = [];
const stores: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

describe.each(['FULL', 'NORMAL'] as const)('GroupCommit over SQLite (%s)', (synchronous) => {
  it('stores the updates of the boards that exist when a board in the same batch is gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'malkart-gc-'));
    dirs.push(dir);
    const storage = new SqliteStorage(path.join(dir, 'malkart.sqlite'), { synchronous });
    stores.push(storage);
    const live = newResourceId();
    await storage.createBoard({ id: live, createdAt: new Date().toISOString(), tokens: newTokens().hashes }, new Uint8Array([0, 0]));
    const log = new GroupCommit(storage, 20, new Metrics());

    // One batch: two updates for the live board around one for a board that does not exist.
    const first = log.append(live, new Uint8Array([1]));
    const ghost = log.append('no-such-board', new Uint8Array([2]));
    const second = log.append(live, new Uint8Array([3]));
    const [a, g, b] = await Promise.allSettled([first, ghost, second]);

    expect(g.status).toBe('rejected');
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    const stored = await storage.loadDocument(live);
    expect(stored.updates.map((u) => [...u.update])).toEqual([[1], [3]]);
  });
});
