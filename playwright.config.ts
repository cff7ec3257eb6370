// End-to-end tests run the built renderer in Debian's Chromium through the browser shell
// (tests/harness/shell.ts); no Playwright-managed browser is ever downloaded or launched.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: 'test-results',
});
