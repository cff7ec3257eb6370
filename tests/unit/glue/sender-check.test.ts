// Pins which frames may talk to the backend: Roundtable's own top-level page, nothing else.
import { describe, expect, it } from 'vitest';
import { isAppTopFrame } from '../../../electron/main/sender-check';

describe('isAppTopFrame', () => {
  it('accepts the top-level app://roundtable page', () => {
    expect(isAppTopFrame({ url: 'app://roundtable/index.html', parent: null })).toBe(true);
    expect(isAppTopFrame({ url: 'app://roundtable/index.html#/archive', parent: null })).toBe(true);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(
      isAppTopFrame({ url: 'app://roundtable/index.html', parent: { url: 'app://roundtable/index.html' } }),
    ).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///work/roundtable/dist/renderer/index.html',
    'app://evil/index.html',
    'app://roundtable.evil.example/index.html',
    'about:blank',
    'not a url',
  ])('refuses a top-level frame at %s', (url) => {
    expect(isAppTopFrame({ url, parent: null })).toBe(false);
  });

  it('refuses a missing frame or one without a known parent', () => {
    expect(isAppTopFrame(null)).toBe(false);
    expect(isAppTopFrame(undefined)).toBe(false);
    expect(isAppTopFrame({ url: 'app://roundtable/index.html', parent: undefined })).toBe(false);
  });
});
