// Links to the web that the chair clicks (a target=_blank link or window.open) open in the default
// browser, and only after the chair confirms the exact address. Everything else is denied.
import type { MessageBoxOptions } from 'electron';

export interface ExternalLinkElectron {
  dialog: { showMessageBox(options: MessageBoxOptions): Promise<{ response: number }> };
  shell: { openExternal(url: string): Promise<void> };
}

/** Long enough for any real link; longer ones are refused rather than shown truncated. */
const MAX_URL_LENGTH = 2048;

/** An http(s) address without credentials (https://bank.example@evil.example hides its host). */
export function isWebLink(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.hostname !== ''
  );
}

export const OPEN_BUTTON = 'Open in browser';
export const CANCEL_BUTTON = 'Cancel';

/**
 * Returns openWebLink(url): asks the chair, then hands the link to the desktop's browser. It resolves
 * to whether the link was opened. One question at a time: a page that opens links in a loop gets
 * one dialog, and every other request is refused while it is open.
 */
export function createWebLinkOpener(electron: ExternalLinkElectron): (url: string) => Promise<boolean> {
  let asking = false;
  return async (url) => {
    if (asking || !isWebLink(url)) return false;
    const href = new URL(url).href;
    asking = true;
    try {
      const { response } = await electron.dialog.showMessageBox({
        type: 'question',
        title: 'Open a link',
        message: 'Open this link in your web browser?',
        detail: href,
        buttons: [OPEN_BUTTON, CANCEL_BUTTON],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (response !== 0) return false;
      await electron.shell.openExternal(href);
      return true;
    } finally {
      asking = false;
    }
  };
}
