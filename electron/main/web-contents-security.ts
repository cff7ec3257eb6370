// Hardening applied to every webContents Electron creates, and the refusal of every permission.
// Navigation, new windows and webviews are denied; a clicked web link may open in the browser.
// Structural types keep this free of Electron at run time, so tests drive it with fakes.
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppUrl } from './app-protocol';
import { isWebLink } from './external-links';

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
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenAnswer): void;
}

/** What Electron tells the window-open handler (the part Roundtable reads). */
export interface WindowOpenDetails {
  readonly url: string;
  /** Set when a form with target=_blank posts: never a link click. */
  readonly postBody?: unknown;
}

export type WindowOpenAnswer =
  { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions };

const PRESENTER_HASH = /^#\/present\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The one window the app opens itself: its own page at #/present/<meeting id>, and nothing else. */
export function isPresenterViewUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname, search, hash } = new URL(url);
  return pathname === '/index.html' && search === '' && PRESENTER_HASH.test(hash);
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * `openWebLink` is offered the http(s) links the page tries to open in a new window (a clicked
 * target=_blank link, or window.open); it asks the chair before anything leaves the app. The only
 * window the page may open is the presenter view, with `presenterWindow`'s locked-down options.
 */
export function hardenWebContents(
  contents: WebContentsLike,
  openWebLink?: (url: string) => Promise<unknown>,
  presenterWindow?: () => BrowserWindowConstructorOptions,
): void {
  // All navigation is denied: the renderer routes by hash, which never fires will-navigate.
  contents.on('will-navigate', (event) => event.preventDefault());
  // The app's own loadURL never redirects; a redirect that leaves the app's origin is refused.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details): WindowOpenAnswer => {
    if (presenterWindow && details.postBody === undefined && isPresenterViewUrl(details.url)) {
      return { action: 'allow', overrideBrowserWindowOptions: presenterWindow() };
    }
    if (openWebLink && details.postBody === undefined && isWebLink(details.url)) {
      openWebLink(details.url).catch((error: unknown) => console.error('Could not open the link.', error));
    }
    return { action: 'deny' };
  });
}

/** Roundtable needs no camera, microphone, location or notifications: every request is refused. */
export function refuseAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
