// The fixture every browser test file starts with: a real server on port 0 and one Chromium,
// started before the file's tests and closed after them (after the file's own afterAll hooks,
// which run first). `server` and `browser` are live bindings: read them inside hooks and tests.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';

export let server: TestServer;
export let browser: Browser;

export function useServerAndBrowser(): void {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
