// main's use of safeStorage, with fake Electron modules: the archive key sealed by the keychain
// and opened without a question; no keychain (or Linux's basic_text store) meaning a passphrase the
// chair sets in the window; a keychain that lost its entry leading to the recovery key; a wrong
// passphrase changing nothing; and every archive call refused while the archive is locked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { keyFileOf } from '../../../electron/backend/key-file';
import { AppError } from '../../../shared/errors';
import { fakeSafeStorage } from './fake-electron';
import { fixture, removeFixture, setUp } from './start-app-fixture';

afterAll(removeFixture);
afterEach(() => vi.restoreAllMocks());

const appFrame = { senderFrame: { url: 'app://roundtable/index.html', parent: null } };
let archives = 0;

function forArchive(dbPath: string, safeStorage = fakeSafeStorage()) {
  const setup = setUp({ env: { ROUNDTABLE_DB: dbPath } });
  setup.electron.safeStorage = safeStorage;
  const invoke = async (channel: string, input: unknown = {}) => {
    const listener = setup.electron.ipcMain.handle.mock.calls[0]?.[1];
    if (!listener) throw new Error('no IPC handler');
    return listener(appFrame, channel, input) as Promise<{
      ok: boolean;
      value?: unknown;
      error?: { code: string };
    }>;
  };
  return { ...setup, invoke, safeStorage };
}

const newArchivePath = () => path.join(fixture, `vault-${++archives}`, 'roundtable.db');
const keyGiven = (setup: ReturnType<typeof forArchive>, call = 0) =>
  setup.host.startBackend.mock.calls[call]?.[1].key;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('startApp: the archive key and the system keychain', () => {
  it('seals a new archive key with the keychain and opens the archive without a question', async () => {
    const dbPath = newArchivePath();
    const first = forArchive(dbPath);
    await first.start();
    const key = keyGiven(first);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(first.safeStorage.encryptStringAsync).toHaveBeenCalledWith(key);
    const stored = readFileSync(keyFileOf(dbPath), 'utf8');
    expect(stored).not.toContain(key);
    expect(JSON.parse(stored)).toMatchObject({ passphrase: null, recoveryKey: 'pending' });
    expect(await first.invoke('vault.status')).toMatchObject({
      ok: true,
      value: {
        state: 'open',
        protection: { kind: 'keychain', store: 'the system keyring (Secret Service)' },
      },
    });

    // The next start gets the same key back from the keychain.
    const again = forArchive(dbPath);
    await again.start();
    expect(keyGiven(again)).toBe(key);
    expect(again.safeStorage.decryptStringAsync).toHaveBeenCalledOnce();
  });

  it.each([
    ['darwin', 'the macOS Keychain'],
    ['win32', 'Windows’ protected storage for your account'],
  ] as const)('names the keychain on %s', async (platform, name) => {
    const setup = forArchive(newArchivePath());
    setup.host.platform = platform;
    await setup.start();
    expect(await setup.invoke('vault.status')).toMatchObject({
      value: { protection: { kind: 'keychain', store: name } },
    });
  });

  it.each([
    ['safeStorage is not available', fakeSafeStorage({ available: false })],
    ["Linux's store is basic_text (no keyring runs)", fakeSafeStorage({ store: 'basic_text' })],
  ])('when %s, asks the chair for a passphrase before the archive opens', async (_case, storage) => {
    const dbPath = newArchivePath();
    const setup = forArchive(dbPath, storage);
    await setup.start();
    expect(setup.host.startBackend).not.toHaveBeenCalled();
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
    // The window opens on the set-up screen; the archive refuses every call until then.
    expect(setup.electron.BrowserWindow.all).toHaveLength(1);
    expect(await setup.invoke('vault.status')).toEqual({
      ok: true,
      value: { state: 'setup', reason: 'new' },
    });
    expect(await setup.invoke('group.list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(setup.backend.invoke).not.toHaveBeenCalled();

    expect(await setup.invoke('vault.create', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await setup.invoke('vault.create', { passphrase: 'a long passphrase' })).toMatchObject({
      ok: true,
      value: { state: 'open', protection: { kind: 'passphrase' } },
    });
    expect(setup.host.startBackend).toHaveBeenCalledOnce();
    expect(JSON.parse(readFileSync(keyFileOf(dbPath), 'utf8'))).toMatchObject({ keychain: null });
    await setup.invoke('group.list');
    expect(setup.backend.invoke).toHaveBeenCalledWith('group.list', {});

    // The next start asks for it; a wrong one changes nothing, the right one opens the same key.
    const again = forArchive(dbPath, fakeSafeStorage({ available: false }));
    await again.start();
    expect(await again.invoke('vault.status')).toMatchObject({
      value: { state: 'locked', why: 'passphrase' },
    });
    const before = sha256(keyFileOf(dbPath));
    expect(await again.invoke('vault.unlock', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_KEY' },
    });
    expect(sha256(keyFileOf(dbPath))).toBe(before);
    expect(again.host.startBackend).not.toHaveBeenCalled();
    expect(await again.invoke('vault.unlock', { passphrase: 'a long passphrase' })).toMatchObject({
      value: { state: 'open' },
    });
    expect(keyGiven(again)).toBe(keyGiven(setup));
  });

  it('after the keychain lost its entry, opens the archive with the recovery key and seals it again', async () => {
    const dbPath = newArchivePath();
    const first = forArchive(dbPath);
    await first.start();
    const shown = await first.invoke('vault.recoveryKey');
    const recoveryKey = (shown.value as { recoveryKey: string }).recoveryKey;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(await first.invoke('vault.recoveryKeyDone', { choice: 'saved' })).toMatchObject({
      value: { recoveryKey: 'saved' },
    });
    // Offered once: not shown again.
    expect(await first.invoke('vault.recoveryKey')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const reinstalled = fakeSafeStorage();
    reinstalled.state.lost = true;
    const after = forArchive(dbPath, reinstalled);
    await after.start();
    expect(after.host.startBackend).not.toHaveBeenCalled();
    expect(await after.invoke('vault.status')).toMatchObject({
      value: { state: 'locked', why: 'keychain-unavailable', needsNewPassphrase: false },
    });
    const typo = `${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('0') ? '1' : '0'}`;
    expect(await after.invoke('vault.unlock', { recoveryKey: typo })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_KEY' },
    });
    reinstalled.state.lost = false;
    // Typed as a chair types it: lower case, spaces for dashes.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect(await after.invoke('vault.unlock', { recoveryKey: typed })).toMatchObject({
      value: { state: 'open', protection: { kind: 'keychain' } },
    });
    expect(keyGiven(after)).toBe(keyGiven(first));
    expect(reinstalled.encryptStringAsync).toHaveBeenCalledWith(keyGiven(first));
  });

  it('a recovery key once shown can no longer be declined; one declined unseen is never shown', async () => {
    const shown = forArchive(newArchivePath());
    await shown.start();
    await shown.invoke('vault.recoveryKey');
    expect(await shown.invoke('vault.recoveryKeyDone', { choice: 'declined' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await shown.invoke('vault.status')).toMatchObject({ value: { recoveryKey: 'shown' } });

    const unseen = forArchive(newArchivePath());
    await unseen.start();
    expect(await unseen.invoke('vault.recoveryKeyDone', { choice: 'declined' })).toMatchObject({
      value: { recoveryKey: 'declined' },
    });
    expect(await unseen.invoke('vault.recoveryKey')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('a recovery unlock the archive refuses (another copy has it open) leaves the key file as it was', async () => {
    const dbPath = newArchivePath();
    const first = forArchive(dbPath);
    await first.start();
    const recoveryKey = ((await first.invoke('vault.recoveryKey')).value as { recoveryKey: string })
      .recoveryKey;
    // Shown but not yet confirmed: a rewrite of the key file would mark it saved.

    const lost = fakeSafeStorage();
    lost.state.lost = true;
    const second = forArchive(dbPath, lost);
    await second.start();
    const before = sha256(keyFileOf(dbPath));
    lost.state.lost = false;
    second.host.startBackend.mockRejectedValueOnce(new AppError('IN_USE', 'This archive is already open.'));
    // Main names the refusal (and quits, as at any start the archive refuses); the archive stays locked.
    expect(await second.invoke('vault.unlock', { recoveryKey })).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
    expect(second.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Roundtable could not open its archive',
      'This archive is already open.',
    );
    expect(sha256(keyFileOf(dbPath))).toBe(before);
  });

  it('sends a double-clicked unlock once', async () => {
    const dbPath = newArchivePath();
    const setup = forArchive(dbPath, fakeSafeStorage({ available: false }));
    await setup.start();
    await setup.invoke('vault.create', { passphrase: 'a long passphrase' });
    const again = forArchive(dbPath, fakeSafeStorage({ available: false }));
    await again.start();
    const [one, two] = await Promise.all([
      again.invoke('vault.unlock', { passphrase: 'a long passphrase' }),
      again.invoke('vault.unlock', { passphrase: 'a long passphrase' }),
    ]);
    expect(one).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(two).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(again.host.startBackend).toHaveBeenCalledOnce();
  });
});
