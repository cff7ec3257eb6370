// The main window's options. Every security switch lives here, in one pure function, so a unit
// test can pin each of them without launching Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(
  preloadPath: string,
  opts: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: 'Roundtable',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the chair never sees a blank white frame.
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
      devTools: opts.devTools,
    },
  };
}

/**
 * The projector's window: the same locked-down page as the chair's, showing only #/present/<id>.
 * Opened by the chair's "Open presenter view" through the window-open handler.
 */
export function presenterWindowOptions(
  preloadPath: string,
  opts: { devTools: boolean },
): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath, opts);
  return {
    ...main,
    title: 'Roundtable — presenter view',
    width: 1280,
    height: 720,
    minWidth: 640,
    minHeight: 360,
    show: true,
    autoHideMenuBar: true,
    backgroundColor: '#111418',
    webPreferences: { ...main.webPreferences, spellcheck: false },
  };
}
