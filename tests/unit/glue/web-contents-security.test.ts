// Pins navigation, window.open and webview denial, and the refusal of every permission.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenWebContents,
  isPresenterViewUrl,
  refuseAllPermissions,
  type PreventableEvent,
  type WindowOpenAnswer,
  type WindowOpenDetails,
} from '../../../electron/main/web-contents-security';
import { presenterWindowOptions } from '../../../electron/main/window';

type WindowOpenHandler = (details: WindowOpenDetails) => WindowOpenAnswer;

class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

function hardened(openWebLink?: (url: string) => Promise<boolean>): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents, openWebLink);
  return contents;
}

/** Emits a preventable event the way Electron does, and returns its preventDefault to inspect. */
function attempt(contents: FakeWebContents, event: string, url?: string) {
  const preventDefault = vi.fn();
  const details: PreventableEvent = { url, preventDefault };
  contents.emit(event, details, url);
  return preventDefault;
}

describe('hardenWebContents', () => {
  it.each([
    'https://evil.example/',
    'app://roundtable/other',
    'app://roundtable/index.html',
    'file:///etc/passwd',
  ])('prevents navigation to %s', (url) => {
    expect(attempt(hardened(), 'will-navigate', url)).toHaveBeenCalled();
  });

  it('prevents a redirect that leaves app://roundtable', () => {
    expect(attempt(hardened(), 'will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(attempt(hardened(), 'will-redirect', 'app://elsewhere/index.html')).toHaveBeenCalled();
    expect(attempt(hardened(), 'will-redirect')).toHaveBeenCalled();
  });

  it('lets a redirect within app://roundtable through', () => {
    expect(attempt(hardened(), 'will-redirect', 'app://roundtable/index.html')).not.toHaveBeenCalled();
  });

  it('denies window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('offers a clicked http(s) link to the browser, and still denies the window', () => {
    const openWebLink = vi.fn(() => Promise.resolve(true));
    const contents = hardened(openWebLink);
    expect(contents.windowOpenHandler?.({ url: 'https://www.vistage.com/research/' })).toEqual({
      action: 'deny',
    });
    expect(openWebLink).toHaveBeenCalledExactlyOnceWith('https://www.vistage.com/research/');
  });

  it.each([
    'file:///etc/passwd',
    'app://roundtable/index.html',
    'javascript:alert(1)',
    'smb://evil.example/share',
    'mailto:chair@example.com',
    'ms-msdt:/id PCWDiagnostic',
    'https://bank.example@evil.example/',
    'about:blank',
  ])('never offers %s to the browser', (url) => {
    const openWebLink = vi.fn(() => Promise.resolve(true));
    expect(hardened(openWebLink).windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openWebLink).not.toHaveBeenCalled();
  });

  it('never offers a form post that targets a new window', () => {
    const openWebLink = vi.fn(() => Promise.resolve(true));
    const handler = hardened(openWebLink).windowOpenHandler;
    expect(handler?.({ url: 'https://evil.example/collect', postBody: { data: [] } })).toEqual({
      action: 'deny',
    });
    expect(openWebLink).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    expect(attempt(hardened(), 'will-attach-webview')).toHaveBeenCalled();
  });
});

describe('refuseAllPermissions', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

  function refusingSession() {
    const handlers: { request?: RequestHandler; check?: () => boolean } = {};
    refuseAllPermissions({
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
    });
    return handlers;
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'answers a %s request with false',
    (permission) => {
      const callback = vi.fn();
      refusingSession().request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check with false', () => {
    expect(refusingSession().check?.()).toBe(false);
  });
});

describe('the presenter view window', () => {
  const meeting = '0190f2a4-1c7e-7b7a-9c1e-3a5b7c9d1e2f';
  const presenterUrl = `app://roundtable/index.html#/present/${meeting}`;
  const withPresenter = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents, undefined, () =>
      presenterWindowOptions('/app/preload.cjs', { devTools: false }),
    );
    return contents;
  };

  it("opens only the app's own page at #/present/<meeting id>, locked down like the main window", () => {
    const answer = withPresenter().windowOpenHandler?.({ url: presenterUrl });
    expect(answer?.action).toBe('allow');
    const options = answer?.action === 'allow' ? answer.overrideBrowserWindowOptions : undefined;
    expect(options?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });

  it.each([
    `app://roundtable/index.html#/meetings/${meeting}`,
    `app://roundtable/index.html#/present/${meeting}/extra`,
    `app://roundtable/index.html#/present/..%2F..%2Fetc`,
    `app://roundtable/other.html#/present/${meeting}`,
    `app://roundtable/index.html?x=1#/present/${meeting}`,
    `app://elsewhere/index.html#/present/${meeting}`,
    `https://evil.example/index.html#/present/${meeting}`,
  ])('denies %s', (url) => {
    expect(isPresenterViewUrl(url)).toBe(false);
    expect(withPresenter().windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('denies the presenter page to a form post, and when no presenter window is offered', () => {
    expect(withPresenter().windowOpenHandler?.({ url: presenterUrl, postBody: {} })).toEqual({
      action: 'deny',
    });
    expect(hardened().windowOpenHandler?.({ url: presenterUrl })).toEqual({ action: 'deny' });
  });
});
