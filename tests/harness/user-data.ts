// Where start:browser keeps its database when ROUNDTABLE_DB is not set: the platform's usual place
// for an app's data, in a Roundtable folder.
import os from 'node:os';
import path from 'node:path';

export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const home = os.homedir();
  let dataDir: string;
  if (platform === 'darwin') dataDir = path.join(home, 'Library', 'Application Support');
  else if (platform === 'win32') dataDir = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else dataDir = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  return path.join(dataDir, 'Roundtable', 'roundtable.db');
}
