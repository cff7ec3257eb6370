// Electron's main-process entry, bundled to dist/electron/main.cjs. The wiring lives in
// main/start-app.ts, which tests drive with fakes; this file only hands it the real modules.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { startBackend } from './backend/host';
import { startApp } from './main/start-app';

startApp(
  { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell },
  {
    bundleDir: __dirname,
    platform: process.platform,
    env: process.env,
    startBackend,
  },
).catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox(
    'Roundtable could not start',
    'Something went wrong while starting. Open Roundtable again.',
  );
  app.exit(1);
});
