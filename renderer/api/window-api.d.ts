// window.api is set by the Electron preload, or by the browser shell's init script in tests.
import type { RoundtableBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Optional so that a page opened outside Roundtable fails with a message, not a TypeError. */
    readonly api?: RoundtableBridge;
  }
}

export {};
