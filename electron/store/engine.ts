// SQLite itself: better-sqlite3's prebuilt N-API binary, loaded once before the archive is opened,
// so an installation whose binary is missing or made for another platform says so in a sentence.
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';

export const ENGINE_MISSING =
  'Part of Roundtable is missing from this installation, or was made for another kind of computer (its archive engine, SQLite). Install Roundtable again from its download for this computer; your archive has not been touched.';

/** Opens and closes an in-memory database; refuses with ENGINE_MISSING when the binary cannot load. */
export function checkEngine(open: () => { close(): unknown } = () => new Database(':memory:')): void {
  try {
    open().close();
  } catch (error) {
    throw new AppError('INTERNAL', ENGINE_MISSING, {
      cause: (error instanceof Error ? error.message : String(error)).slice(0, 500),
    });
  }
}
