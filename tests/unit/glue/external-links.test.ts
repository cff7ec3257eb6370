// Pins shell.openExternal's use: only http(s) links, only after the chair confirms the exact address.
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import {
  CANCEL_BUTTON,
  OPEN_BUTTON,
  createWebLinkOpener,
  isWebLink,
} from '../../../electron/main/external-links';

function opener(response: number | Promise<never> = 0) {
  const electron = {
    dialog: {
      showMessageBox: vi.fn((_options: MessageBoxOptions) =>
        typeof response === 'number' ? Promise.resolve({ response }) : response,
      ),
    },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
  };
  return { electron, open: createWebLinkOpener(electron) };
}

describe('isWebLink', () => {
  it.each(['https://www.vistage.com/', 'http://example.com/a?b=c#d', 'https://example.com:8443/x'])(
    'accepts %s',
    (url) => expect(isWebLink(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'app://roundtable/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'smb://evil.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:chair@example.com',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'https://',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => expect(isWebLink(url)).toBe(false));
});

describe('createWebLinkOpener', () => {
  it('shows the exact address, then opens it in the browser when the chair agrees', async () => {
    const { electron, open } = opener(0);
    await expect(open('https://www.vistage.com/research/')).resolves.toBe(true);
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options?.detail).toBe('https://www.vistage.com/research/');
    expect(options?.buttons).toEqual([OPEN_BUTTON, CANCEL_BUTTON]);
    // Enter or Escape cancels: opening takes a deliberate click.
    expect(options?.defaultId).toBe(1);
    expect(options?.cancelId).toBe(1);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.vistage.com/research/');
  });

  it('opens nothing when the chair cancels', async () => {
    const { electron, open } = opener(1);
    await expect(open('https://example.com/')).resolves.toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('never asks about, or opens, a link that is not http(s)', async () => {
    const { electron, open } = opener(0);
    for (const url of ['file:///etc/passwd', 'smb://evil.example/x', 'javascript:alert(1)']) {
      await expect(open(url)).resolves.toBe(false);
    }
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens the parsed address, not the raw text', async () => {
    const { electron, open } = opener(0);
    await open('HTTPS://Example.COM/a b');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
  });

  it('asks one question at a time, refusing links that arrive while it is open', async () => {
    let answer!: (value: { response: number }) => void;
    const electron = {
      dialog: { showMessageBox: vi.fn(() => new Promise<{ response: number }>((r) => (answer = r))) },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
    };
    const open = createWebLinkOpener(electron);
    const first = open('https://example.com/1');
    await expect(open('https://example.com/2')).resolves.toBe(false);
    answer({ response: 0 });
    await expect(first).resolves.toBe(true);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/1');
    // Once answered, the next link is asked about again.
    const third = open('https://example.com/3');
    answer({ response: 1 });
    await expect(third).resolves.toBe(false);
  });
});
