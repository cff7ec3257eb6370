// Each test gets a fresh database in a temp folder and an open browser shell on it. `page` is the
// shell's page, so Playwright's own browser fixture is never started.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Channel } from '../../shared/channels';
import type { Input, Output } from '../../shared/contract';
import { openShell, type Shell } from '../harness/shell';

export interface RoundtableOptions {
  /** Console errors a test provokes on purpose; any other console error fails the test. */
  expectedConsoleErrors: RegExp[];
}

export interface RoundtableFixtures {
  /** The test's own database file, in a temp folder removed after the test. */
  dbPath: string;
  shell: Shell;
  page: Page;
  /** Seeds through the real router, as the renderer would, and fails the test on an error envelope. */
  seed: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
}

export const test = base.extend<RoundtableFixtures & RoundtableOptions>({
  expectedConsoleErrors: [[], { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  dbPath: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'roundtable-e2e-'));
    try {
      await use(path.join(dir, 'roundtable.db'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  shell: async ({ dbPath, headless, expectedConsoleErrors }, use, testInfo) => {
    const shell = await openShell({ dbPath, headless });
    const problems: string[] = [];
    shell.page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    shell.page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && !expectedConsoleErrors.some((expected) => expected.test(text))) {
        problems.push(`console error: ${text}`);
      }
    });
    try {
      await use(shell);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('screen', {
          body: await shell.page.screenshot({ fullPage: true }),
          contentType: 'image/png',
        });
      }
    } finally {
      await shell.close();
    }
    // A CSP violation or an uncaught error fails the journey even when every assertion passed.
    expect(problems, 'the page logged errors').toEqual([]);
  },

  page: async ({ shell }, use) => {
    await use(shell.page);
  },

  seed: async ({ shell }, use) => {
    await use(async (channel, input) => {
      const envelope = await shell.backend.invoke(channel, input);
      if (!envelope.ok) throw new Error(`seeding ${channel} failed: ${envelope.error.message}`);
      return envelope.value as Output<typeof channel>;
    });
  },
});

export { expect };
