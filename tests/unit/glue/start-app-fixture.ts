// What every startApp test starts from: a built-looking bundle folder, fake Electron modules and a
// fake backend. Each test file removes the folder with afterAll(removeFixture).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi, type Mock } from 'vitest';
import { startApp, type AppHost } from '../../../electron/main/start-app';
import { fakeBackend, fakeElectron } from './fake-electron';

export const fixture = mkdtempSync(path.join(tmpdir(), 'roundtable-main-'));
export const bundleDir = path.join(fixture, 'dist', 'electron');
mkdirSync(path.join(fixture, 'dist', 'renderer'), { recursive: true });
writeFileSync(
  path.join(fixture, 'dist', 'renderer', 'index.html'),
  '<!doctype html><title>Roundtable</title>',
);

export function removeFixture(): void {
  rmSync(fixture, { recursive: true, force: true });
}

type Host = Omit<AppHost, 'startBackend'> & {
  startBackend: Mock<AppHost['startBackend']>;
};

export function setUp(overrides: Partial<Host> = {}) {
  const electron = fakeElectron();
  const backend = fakeBackend();
  const host: Host = {
    bundleDir,
    platform: 'linux',
    env: {},
    startBackend: vi.fn(() => Promise.resolve(backend)),
    ...overrides,
  };
  return { electron, backend, host, start: () => startApp(electron, host) };
}
