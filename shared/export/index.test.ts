import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoardJsonText } from '../interchange/parseBoardJson';
import { exportJson } from './index';
import { LIER } from './testBoards';

describe('exportJson', () => {
  it('writes interchange v1, pretty with two spaces, that imports back unchanged', () => {
    const text = exportJson(LIER);
    expect(text).toBe(readFileSync(new URL('../examples/lier.json', import.meta.url), 'utf8'));
    const parsed = parseBoardJsonText(text);
    expect(parsed.ok && parsed.board).toEqual(LIER);
  });
});
