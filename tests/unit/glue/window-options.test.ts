// Pins every security switch of the main window: a change here must be a deliberate one.
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs', { devTools: true });
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['webSecurity', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['spellcheck', true],
  ] as const)('sets webPreferences.%s to %s', (flag, expected) => {
    expect(prefs[flag]).toBe(expected);
  });

  it('loads the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('switches devTools off when asked (packaged builds)', () => {
    expect(prefs.devTools).toBe(true);
    expect(mainWindowOptions('/p.cjs', { devTools: false }).webPreferences?.devTools).toBe(false);
  });

  it('opens hidden, at a laptop-friendly size, titled Roundtable', () => {
    expect(options).toMatchObject({
      title: 'Roundtable',
      show: false,
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
