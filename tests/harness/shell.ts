// The browser shell: the real backend worker and database, the built renderer in Debian's Chromium,
// and window.api bound with Playwright instead of Electron's preload. Same contract, no open port.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startBackend, type Backend } from '../../electron/backend/host';
import { createVault, throughVault, vaultHandlers, type Vault } from '../../electron/backend/vault';
import {
  keyFileOf,
  newKeyFile,
  readKeyFile,
  sealWithKeychain,
  writeKeyFile,
} from '../../electron/backend/key-file';
import { archiveKeyFrom } from '../../electron/store/cipher';
import type { EventName } from '../../shared/channels';
import { createHostRouter, type Route } from '../../electron/ipc/router';
import type { Envelope } from '../../shared/errors';
import { bridgeInitScript, EVENT_DISPATCHER, INVOKE_BINDING } from './browser-bridge';
import { RENDERER_ORIGIN, RENDERER_URL, serveRendererFile } from './renderer-files';
import { shellSaveHost } from './shell-save';
import { standInKeychain } from './stand-in-keychain';

export { RENDERER_ORIGIN, RENDERER_URL };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER_FILE = path.join(repoRoot, 'dist/electron/backend-worker.cjs');
const RENDERER_DIR = path.join(repoRoot, 'dist/renderer');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ShellOptions {
  dbPath: string;
  headless: boolean;
  /** The window's content size; null lets a visible window be resized freely. */
  viewport?: { width: number; height: number } | null;
  /** Where "Save…" puts files; by default an Exports folder beside the database. */
  exportDir?: string;
  /** Told the path of each file saved. */
  onSaved?: (file: string) => void;
  /**
   * What keeps the archive's key: a stand-in for the system keychain (the default: the archive
   * opens without a question, as in Electron with a keychain), or none (the chair sets and types a
   * passphrase, as on Linux without a keyring).
   */
  keychain?: 'stand-in' | 'none';
  /**
   * Whether the one-time recovery-key offer is already behind the chair (the default), so a test
   * that is not about it never meets it.
   */
  recoveryKeyOffered?: boolean;
  /**
   * An existing archive's key (hex), for an archive made without the vault (the bench's reference
   * archive): the stand-in keychain is given it as if it had kept it all along.
   */
  archiveKey?: string;
  /**
   * Told of every call a page makes on the bridge, before it is answered (the bench counts the reads
   * one captured point costs). Calls the harness makes on `backend` itself are not seen.
   */
  onCall?: (channel: unknown, input: unknown) => void;
}

export interface Shell {
  /** The first page, already showing the renderer. */
  page: Page;
  /** Another page on the renderer (a presenter view will use it), sharing the backend and its events. */
  newPage(hash?: string): Promise<Page>;
  /** The running backend: throws while the archive is still locked. */
  readonly backend: Backend;
  vault: Vault;
  /** The folder saved exports land in. */
  exportDir: string;
  /** Requests a page printed to PDF made besides its own (none, under the export policy). */
  refusedPrintRequests: readonly string[];
  browser: Browser;
  context: BrowserContext;
  /** Closes the browser, then the backend (which checkpoints the database). Safe to call twice. */
  close(): Promise<void>;
}

const FOREIGN_FRAME: Envelope<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'Only Roundtable’s own window may reach the archive.' },
};

function requireBuild(): void {
  const missing = [WORKER_FILE, path.join(RENDERER_DIR, 'index.html')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The browser shell needs a build first; missing ${missing.map((f) => path.relative(repoRoot, f)).join(' and ')}.\n` +
        'Run: npx vite build --mode renderer && npx vite build --mode worker   (or npm run build)',
    );
  }
}

function launchChromium(headless: boolean): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    args: CHROMIUM_ARGS,
    // The caller decides what Ctrl-C means, so the database is always checkpointed on the way out.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

export async function openShell({
  dbPath,
  headless,
  viewport,
  exportDir,
  onSaved,
  keychain = 'stand-in',
  recoveryKeyOffered = true,
  archiveKey,
  onCall,
}: ShellOptions): Promise<Shell> {
  requireBuild();
  const chain = keychain === 'stand-in' ? standInKeychain(dbPath) : null;
  if (archiveKey && chain && readKeyFile(keyFileOf(dbPath)).kind === 'missing') {
    const key = archiveKeyFrom(Buffer.from(archiveKey, 'hex'));
    writeKeyFile(
      keyFileOf(dbPath),
      newKeyFile(key, { keychain: await sealWithKeychain(chain, key), passphrase: null }, 'saved'),
    );
  }
  const events = new Set<(name: EventName, payload: unknown) => void>();
  const vault = createVault({
    dbPath,
    keychain: chain,
    start: async (config) => {
      const started = await startBackend(WORKER_FILE, config);
      started.onEvent((name, payload) => {
        for (const listener of events) listener(name, payload);
      });
      return started;
    },
  });
  await vault.openIfUnattended();
  if (recoveryKeyOffered && vault.status().state === 'open') vault.recoveryKeyDone('saved');
  const closeBackend = async () => {
    await vault.backend?.close();
  };
  let browser: Browser;
  try {
    browser = await launchChromium(headless);
  } catch (error) {
    await closeBackend();
    throw error;
  }

  const saveDir = exportDir ?? path.join(path.dirname(dbPath), 'Exports');
  const saving = shellSaveHost({
    exportDir: saveDir,
    headlessBrowser: headless ? browser : null,
    launchHeadless: () => launchChromium(true),
    onSaved,
  });
  const hostRoute = createHostRouter({ ...saving.handlers, ...vaultHandlers(vault) }, throughVault(vault));
  const route: Route = onCall
    ? (channel, input) => {
        onCall(channel, input);
        return hostRoute(channel, input);
      }
    : hostRoute;
  try {
    const context = await browser.newContext({
      viewport: viewport === undefined ? { width: 1200, height: 860 } : viewport,
      serviceWorkers: 'block',
    });
    await bindRenderer(context, events, route);
    const openPage = async (hash = '') => {
      const page = await context.newPage();
      await page.goto(`${RENDERER_URL}${hash}`);
      return page;
    };
    const page = await openPage();

    let closing: Promise<void> | undefined;
    return {
      page,
      newPage: openPage,
      get backend() {
        const running = vault.backend;
        if (!running) throw new Error('The archive is locked: unlock it in the page first.');
        return running;
      },
      vault,
      exportDir: saveDir,
      refusedPrintRequests: saving.refusedPrintRequests,
      browser,
      context,
      close() {
        closing ??= (async () => {
          await saving.close();
          await browser.close().catch(() => undefined);
          await closeBackend();
        })();
        return closing;
      },
    };
  } catch (error) {
    await saving.close();
    await browser.close().catch(() => undefined);
    await closeBackend();
    throw error;
  }
}

async function bindRenderer(
  context: BrowserContext,
  events: Set<(name: EventName, payload: unknown) => void>,
  route: Route,
): Promise<void> {
  // Everything that is not the renderer is refused: no network, ever.
  await context.route('**/*', async (route) => {
    if (new URL(route.request().url()).origin === RENDERER_ORIGIN)
      await serveRendererFile(RENDERER_DIR, route);
    else await route.abort('blockedbyclient');
  });

  // Mirrors main's sender check: only the app's own top-level page may call the backend.
  await context.exposeBinding(INVOKE_BINDING, (source, channel: unknown, input: unknown) => {
    const fromMainFrame = source.frame === source.page.mainFrame();
    const fromRenderer = source.frame.url().startsWith(`${RENDERER_ORIGIN}/`);
    if (!fromMainFrame || !fromRenderer) return FOREIGN_FRAME;
    return route(channel, input);
  });

  await context.addInitScript({ content: bridgeInitScript() });

  events.add((name, payload) => {
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      // A page in the middle of loading misses the event; it reads fresh data when it mounts anyway.
      page
        .evaluate(
          ([dispatcher, event, data]) => {
            const target = globalThis as unknown as Record<
              string,
              ((e: unknown, d: unknown) => void) | undefined
            >;
            target[dispatcher]?.(event, data);
          },
          [EVENT_DISPATCHER, name, payload] as const,
        )
        .catch(() => undefined);
    }
  });
}
