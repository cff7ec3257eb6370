// `npm run start:browser`: try Roundtable by hand in a Chromium window, on a real database, without
// Electron. Closes cleanly (database checkpointed) on Ctrl-C or when the window is closed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openShell, type Shell } from './shell';
import { defaultDatabasePath } from './user-data';

const dbPath = path.resolve(process.env.ROUNDTABLE_DB ?? defaultDatabasePath());
// No display here (CI, a server)? ROUNDTABLE_HEADLESS=1 runs the same thing without a window.
const headless = process.env.ROUNDTABLE_HEADLESS === '1';

// On Linux a window needs an X or Wayland display: without one Chromium fails with a page of logs.
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'There is no display to open a window on: run `xvfb-run -a npm run start:browser`, or set ROUNDTABLE_HEADLESS=1 to run without a window.',
  );
  process.exit(1);
}

mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });

// An object, not loose variables: signal handlers change it while start-up is awaiting.
const session: { shell?: Shell; stopping: boolean } = { stopping: false };

async function stop(reason: string, code = 0): Promise<void> {
  if (session.stopping) return;
  session.stopping = true;
  console.log(`\n${reason} Closing Roundtable…`);
  // Still starting: the start-up path below closes what it opened once it has it.
  if (!session.shell) return;
  try {
    await session.shell.close();
    console.log('Closed. The database is saved.');
  } catch (error) {
    console.error('Roundtable did not close cleanly:', error);
    code = 1;
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop('Ctrl-C received.'));
process.on('SIGTERM', () => void stop('Asked to stop.'));

let shell: Shell;
try {
  shell = await openShell({
    dbPath,
    headless,
    viewport: headless ? { width: 1200, height: 860 } : null,
    // No system keychain here: the archive is protected by a passphrase, set and asked for in the window.
    keychain: 'none',
    recoveryKeyOffered: false,
    // The shell's stand-in for the save dialog's folder: ROUNDTABLE_EXPORT_DIR, or Exports beside the database.
    ...(process.env.ROUNDTABLE_EXPORT_DIR
      ? { exportDir: path.resolve(process.env.ROUNDTABLE_EXPORT_DIR) }
      : {}),
    onSaved: (file) => console.log(`Saved ${file}`),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
session.shell = shell;

if (session.stopping) {
  await shell.close();
  console.log('Closed. The database is saved.');
  process.exit(0);
} else {
  console.log(`Roundtable is running in Chromium${headless ? ' (headless)' : ''}.`);
  console.log(`Database: ${dbPath}`);
  console.log(`Saved exports go to: ${shell.exportDir}`);
  console.log('Press Ctrl-C here, or close the window, to quit.');
  shell.page.on('close', () => void stop('The window was closed.'));
  shell.browser.on('disconnected', () => void stop('The browser went away.'));
}
