// End-to-end tests in browser mode: each test starts `corroborate serve` on a fresh data folder
// (see tests/e2e/fixtures.ts) and drives Debian's Chromium. Build first: `npm run build` (or
// `npx vite build`), since the server serves dist/renderer.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  // *.e2e.ts, so Vitest (which collects *.test.ts / *.spec.ts) never runs these.
  testMatch: '**/*.e2e.ts',
  projects: [
    { name: 'browser', testDir: 'tests/e2e' },
    // Runs only where Electron's binary exists; elsewhere each test says why it is skipped.
    { name: 'electron', testDir: 'tests/electron', fullyParallel: false },
  ],
  outputDir: 'test-results/artifacts',
  workers: 2,
  // One retry on CI only, for a slow start on a loaded machine; a test that fails twice fails.
  retries: process.env.CI ? 1 : 0,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
