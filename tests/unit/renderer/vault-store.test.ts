// The vault store asks the host through window.api and keeps whatever status the host answered last;
// a refused call leaves the status as it was, and the error reaches the screen as the host's sentence.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundtableBridge } from '../../../shared/bridge';
import type { VaultStatus } from '../../../shared/domain-vault';
import type { Envelope } from '../../../shared/errors';
import { ApiError, describeError } from '../../../renderer/api/client';
import { useVaultStore } from '../../../renderer/stores/vault-store';

const LOCKED: VaultStatus = {
  state: 'locked',
  why: 'passphrase',
  needsNewPassphrase: true,
  keychain: null,
  recoveryKey: 'saved',
};
const OPEN: VaultStatus = {
  state: 'open',
  protection: { kind: 'passphrase' },
  recoveryKey: 'pending',
  converted: null,
  plaintextCopy: null,
  plaintextAside: [],
  folder: '/home/chair/.config/Roundtable',
};

let calls: { channel: string; input: unknown }[];
let answer: (channel: string, input: unknown) => Envelope<unknown>;

beforeEach(() => {
  calls = [];
  const api: RoundtableBridge = {
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return Promise.resolve(answer(channel, input));
    },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { api });
  useVaultStore.setState({ status: null, noticeDismissed: false });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the vault store', () => {
  it('keeps the status the host answers', async () => {
    answer = () => ({ ok: true, value: LOCKED });
    await useVaultStore.getState().check();
    expect(calls).toEqual([{ channel: 'vault.status', input: {} }]);
    expect(useVaultStore.getState().status).toEqual(LOCKED);
  });

  it('opens with the status an unlock answers', async () => {
    useVaultStore.setState({ status: LOCKED });
    answer = () => ({ ok: true, value: OPEN });
    await useVaultStore.getState().unlock({ passphrase: 'river stone lamp' });
    expect(calls).toEqual([{ channel: 'vault.unlock', input: { passphrase: 'river stone lamp' } }]);
    expect(useVaultStore.getState().status).toEqual(OPEN);
  });

  it('stays locked on a wrong passphrase, and the error carries the host’s sentence', async () => {
    useVaultStore.setState({ status: LOCKED });
    const message = 'That passphrase does not open this archive.';
    answer = () => ({ ok: false, error: { code: 'WRONG_KEY', message } });
    const failure: unknown = await useVaultStore
      .getState()
      .unlock({ passphrase: 'wrong' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('WRONG_KEY');
    expect(describeError(failure)).toBe(message);
    expect(useVaultStore.getState().status).toEqual(LOCKED);
  });

  it('sends each of the other calls on its own channel', async () => {
    answer = () => ({ ok: true, value: OPEN });
    const store = useVaultStore.getState();
    await store.create('river stone lamp');
    await store.finishRecoveryKey('declined');
    await store.discardPlaintext();
    expect(calls).toEqual([
      { channel: 'vault.create', input: { passphrase: 'river stone lamp' } },
      { channel: 'vault.recoveryKeyDone', input: { choice: 'declined' } },
      { channel: 'vault.discardPlaintext', input: {} },
    ]);
  });

  it('puts the notice away for the session', () => {
    useVaultStore.getState().dismissNotice();
    expect(useVaultStore.getState().noticeDismissed).toBe(true);
  });
});
