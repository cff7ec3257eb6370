// "Back up now" and the list of backups through the router; a restore is refused with a typed
// error where no host can swap the connection, and for a name that is not a listed backup.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/ipc/router';
import { createHandlers } from '../../electron/services';
import type { BackupEntry } from '../../shared/domain';
import { TEST_KEY } from '../harness/test-key';
import { openTestBackend, type TestBackend } from './backend-fixture';

let backend: TestBackend;
let route: ReturnType<typeof createRouter>;
const restored: string[] = [];

beforeEach(async () => {
  backend = await openTestBackend();
  route = createRouter(
    createHandlers({
      store: backend.store,
      emit: () => undefined,
      archiveFile: backend.dbPath,
      archiveKey: TEST_KEY,
      restoreArchive: (file) => {
        restored.push(file);
        return Promise.resolve([`${backend.dbPath}.corrupt-x`]);
      },
    }),
  );
});
afterEach(() => backend.close());

describe('backup channels', () => {
  it('backs up now and lists the backup, newest first', async () => {
    const created = await route('backup.create', {});
    expect(created).toMatchObject({ ok: true, value: { kind: 'rolling' } });
    const entry = (created.ok ? created.value : null) as BackupEntry | null;
    const list = await route('backup.list', {});
    expect(list).toEqual({ ok: true, value: [entry] });
    expect(entry?.bytes).toBeGreaterThan(0);
  });

  it('restores a listed backup only with confirmation, through the host', async () => {
    const created = await route('backup.create', {});
    const name = ((created.ok ? created.value : null) as BackupEntry | null)?.name ?? '';
    expect(await route('backup.restore', { name })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await route('backup.restore', { name: '../roundtable.db', confirm: true })).toMatchObject({
      ok: false,
    });
    expect(await route('backup.restore', { name: 'roundtable-backup-1.db', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const result = await route('backup.restore', { name, confirm: true });
    expect(result).toMatchObject({
      ok: true,
      value: { restored: { name }, keptAside: ['roundtable.db.corrupt-x'] },
    });
    expect(restored).toHaveLength(1);
  });

  it('answers a typed error where the archive has no file', async () => {
    expect(await backend.route('backup.create', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await backend.route('backup.list', {})).toEqual({ ok: true, value: [] });
  });
});
