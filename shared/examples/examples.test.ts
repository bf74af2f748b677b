import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BOARD } from './index';

// shared/examples/lier.json is a copy of the project's DOMAIN-example.json, which sits in the
// shared/ folder beside the repository (also in CI). The copy must not drift from the original.
const ORIGINAL = new URL('../../../shared/DOMAIN-example.json', import.meta.url);
const COPY = new URL('./lier.json', import.meta.url);

describe('the example board', () => {
  it('equals DOMAIN-example.json', () => {
    const original = JSON.parse(readFileSync(ORIGINAL, 'utf8'));
    const copy = JSON.parse(readFileSync(COPY, 'utf8'));
    expect(copy).toEqual(original);
    expect(EXAMPLE_BOARD).toEqual(original);
  });
});
