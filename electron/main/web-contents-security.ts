// Hardening applied to every webContents Electron creates, and the refusal of every permission.
// Structural types keep this free of Electron at run time, so tests drive it with fakes.
import { isAppUrl } from './app-protocol';

export interface PreventableEvent {
  preventDefault(): void;
  /** Present on will-navigate and will-redirect (Electron's event details). */
  readonly url?: string;
}

export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export function hardenWebContents(contents: WebContentsLike): void {
  // All navigation is denied: the renderer routes by hash, which never fires will-navigate.
  contents.on('will-navigate', (event) => event.preventDefault());
  // The app's own loadURL never redirects; a redirect that leaves the app's origin is refused.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Roundtable needs no camera, microphone, location or notifications: every request is refused. */
export function refuseAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
