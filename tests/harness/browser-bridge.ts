// The browser shell's stand-in for the Electron preload: an init script that gives the page
// window.api with exactly `invoke` and `on`, over a Playwright binding instead of ipcRenderer.
import { CHANNELS, EVENTS } from '../../shared/channels';

export const INVOKE_BINDING = '__roundtableInvoke';
export const EVENT_DISPATCHER = '__roundtableDispatchEvent';

/**
 * Plain JavaScript as text, not a function: tsx compiles with esbuild's keepNames, which would put
 * helper calls into a serialized function that do not exist in the page.
 */
export function bridgeInitScript(): string {
  return `(() => {
  const channels = new Set(${JSON.stringify(CHANNELS)});
  const events = new Set(${JSON.stringify(EVENTS)});
  const listeners = new Map();
  const api = Object.freeze({
    invoke(channel, input) {
      if (!channels.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'VALIDATION', message: 'Roundtable does not know that request.' },
        });
      }
      return window[${JSON.stringify(INVOKE_BINDING)}](channel, input);
    },
    on(event, listener) {
      if (!events.has(event)) throw new TypeError('Roundtable has no event called ' + String(event) + '.');
      if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // Wrapped so that unsubscribing one registration never removes another of the same function.
      const registration = (payload) => listener(payload);
      set.add(registration);
      return () => {
        set.delete(registration);
      };
    },
  });
  Object.defineProperty(window, 'api', { value: api, enumerable: true });
  Object.defineProperty(window, ${JSON.stringify(EVENT_DISPATCHER)}, {
    value: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error(error);
        }
      }
    },
  });
})();`;
}
