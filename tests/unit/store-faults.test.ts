// Faults SQLite raises on the open archive, told apart: each gets its own code and sentence, and the
// router answers with them instead of "something went wrong".
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../electron/ipc/router';
import {
  DISK_FULL_MESSAGE,
  IO_ERROR_MESSAGE,
  READ_ONLY_NOW_MESSAGE,
  isArchiveDamage,
  storageFault,
} from '../../electron/store/faults';

const sqlite = (code: string, message = `${code} raised`) => new Database.SqliteError(message, code);

describe('storageFault', () => {
  it.each([
    ['SQLITE_FULL', 'DISK_FULL', DISK_FULL_MESSAGE],
    ['SQLITE_READONLY', 'READ_ONLY', READ_ONLY_NOW_MESSAGE],
    ['SQLITE_READONLY_DBMOVED', 'READ_ONLY', READ_ONLY_NOW_MESSAGE],
    ['SQLITE_IOERR', 'IO_ERROR', IO_ERROR_MESSAGE],
    ['SQLITE_IOERR_READ', 'IO_ERROR', IO_ERROR_MESSAGE],
    ['SQLITE_IOERR_FSYNC', 'IO_ERROR', IO_ERROR_MESSAGE],
  ])('names %s as %s', (code, named, message) => {
    expect(storageFault(sqlite(code))).toMatchObject({ code: named, message });
  });

  it('takes a failed write that ran out of space for a full disk', () => {
    expect(storageFault(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error: No space left on device'))?.code).toBe(
      'DISK_FULL',
    );
  });

  it.each(['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB'])(
    'marks %s as damage to the open archive, apart from a damaged pack or backup',
    (code) => {
      const fault = storageFault(sqlite(code, 'database disk image is malformed'));
      expect(fault?.code).toBe('CORRUPT');
      expect(fault && isArchiveDamage(fault)).toBe(true);
      expect(fault?.details).toMatchObject({ cause: 'database disk image is malformed' });
    },
  );

  it('leaves other errors alone: constraint failures, busy, and errors that are not SQLite’s', () => {
    expect(storageFault(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(storageFault(sqlite('SQLITE_BUSY'))).toBeUndefined();
    expect(storageFault(new Error('SQLITE_FULL in a message only'))).toBeUndefined();
    expect(storageFault(null)).toBeUndefined();
  });
});

describe('the router', () => {
  const throwing = (error: unknown) =>
    createRouter(
      {
        'group.list': () => {
          throw error;
        },
      } as unknown as Handlers,
      () => {},
    );

  it.each([
    ['SQLITE_FULL', 'DISK_FULL'],
    ['SQLITE_READONLY', 'READ_ONLY'],
    ['SQLITE_IOERR_SHORT_READ', 'IO_ERROR'],
    ['SQLITE_CORRUPT', 'CORRUPT'],
  ])('answers a handler’s %s with %s, not INTERNAL', async (code, named) => {
    await expect(throwing(sqlite(code))('group.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: named },
    });
  });

  it('still answers anything else with INTERNAL, and logs it', async () => {
    const logged: unknown[] = [];
    const route = createRouter(
      {
        'group.list': () => {
          throw new TypeError('a bug');
        },
      } as unknown as Handlers,
      (error) => logged.push(error),
    );
    await expect(route('group.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
  });
});
