import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir } from '../testing/testServer';
import { ParticipantPasses, loadPassKey } from './participantPass';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

describe('participant passes', () => {
  it('a pass stands for its participant on its board and link only; an invented or altered one is refused', () => {
    const passes = new ParticipantPasses(Buffer.from('k'.repeat(32)));
    const a = passes.issue('board1', 'hashA');
    expect(passes.check('board1', 'hashA', a.pass)).toBe(a.participantId);
    expect(passes.check('board2', 'hashA', a.pass)).toBeNull();
    expect(passes.check('board1', 'hashB', a.pass)).toBeNull();
    expect(passes.check('board1', 'hashA', `p-invented.${a.pass.split('.')[1]}`)).toBeNull();
    expect(passes.check('board1', 'hashA', 'p-invented')).toBeNull();
    expect(passes.check('board1', 'hashA', undefined)).toBeNull();
    expect(passes.issue('board1', 'hashA').participantId).not.toBe(a.participantId);
  });

  it('keeps its key in the data folder, so passes outlive a restart', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'malkart-pass-'));
    dirs.push(dir);
    const first = new ParticipantPasses(loadPassKey(dir, ''));
    const pass = first.issue('b', 'h');
    expect(new ParticipantPasses(loadPassKey(dir, '')).check('b', 'h', pass.pass)).toBe(pass.participantId);
  });
});
