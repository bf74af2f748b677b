import { defineConfig } from 'vitest/config';

// Three projects so each can be run alone: unit (shared/, client logic), server (integration
// against a real server on port 0), e2e (Chromium against the built client).
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    // CI reads the pass/fail counts from this JSON report (see .ci/run).
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
    projects: [
      { test: { name: 'unit', include: ['shared/**/*.test.ts', 'client/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'server', include: ['server/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
