// The host's router: host channels are validated against the contract and answered by the host;
// everything else goes to the backend untouched; the backend's own router never answers a host channel.
import { describe, expect, it, vi } from 'vitest';
import { createHostRouter, createRouter, type Handlers, type HostHandlers } from '../../electron/ipc/router';
import type { Envelope } from '../../shared/errors';

const save = { fileName: 'notes.md', format: 'markdown', content: '# Notes' } as const;

function hostRouter(handler: HostHandlers['export.save']) {
  const backend = vi.fn((_channel: unknown, _input: unknown) =>
    Promise.resolve<Envelope<unknown>>({ ok: true, value: 'from the backend' }),
  );
  const saveHandler = vi.fn(handler);
  const log = vi.fn();
  // The vault's channels are not under test here: each answers as a handler that was never reached.
  const unreached = () => {
    throw new Error('not this test');
  };
  const handlers: HostHandlers = {
    'export.save': saveHandler,
    'vault.status': unreached,
    'vault.create': unreached,
    'vault.unlock': unreached,
    'vault.recoveryKey': unreached,
    'vault.recoveryKeyDone': unreached,
    'vault.discardPlaintext': unreached,
  };
  return { route: createHostRouter(handlers, backend, log), backend, saveHandler, log };
}

describe('createHostRouter', () => {
  it('answers export.save itself with the parsed request', async () => {
    const { route, backend, saveHandler } = hostRouter(() => ({ saved: true, fileName: 'notes.md' }));
    await expect(route('export.save', save)).resolves.toEqual({
      ok: true,
      value: { saved: true, fileName: 'notes.md' },
    });
    expect(saveHandler).toHaveBeenCalledExactlyOnceWith(save);
    expect(backend).not.toHaveBeenCalled();
  });

  it.each([
    ['a path in the file name', { ...save, fileName: '../secrets.md' }],
    ['a name of dots only', { ...save, fileName: '..' }],
    ['a hidden file', { ...save, fileName: '.bashrc.md' }],
    ['the archive’s own name', { ...save, fileName: 'roundtable.db' }],
    ['a pack saved under a Markdown name', { ...save, format: 'pack', content: 'UlRQQUNL' }],
    ['an unknown format', { ...save, format: 'docx' }],
    ['an extra field', { ...save, path: '/tmp/x' }],
    ['no content', { fileName: 'notes.md', format: 'markdown' }],
  ])('refuses %s with VALIDATION and never calls the handler', async (_label, input) => {
    const { route, saveHandler, backend } = hostRouter(() => ({ saved: true, fileName: 'x' }));
    const answer = await route('export.save', input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(saveHandler).not.toHaveBeenCalled();
    expect(backend).not.toHaveBeenCalled();
  });

  it('passes every other channel, known or not, to the backend as it came', async () => {
    const { route, backend } = hostRouter(() => ({ saved: true, fileName: 'x' }));
    await expect(route('group.list', {})).resolves.toEqual({ ok: true, value: 'from the backend' });
    await route('no.such.channel', 42);
    expect(backend.mock.calls).toEqual([
      ['group.list', {}],
      ['no.such.channel', 42],
    ]);
  });

  it('turns a failure while saving into a sentence, logging the cause, never a stack', async () => {
    const { route, log } = hostRouter(() => {
      throw new Error('EACCES: permission denied, open /x');
    });
    const answer = await route('export.save', save);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('EACCES');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('createRouter (the backend’s)', () => {
  it('never answers a host channel: it says saving needs the window', async () => {
    const route = createRouter({} as Handlers, vi.fn());
    await expect(route('export.save', save)).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/needs Roundtable’s window/) as string },
    });
  });
});
