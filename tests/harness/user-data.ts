// Where start:browser keeps its database when ROUNDTABLE_DB is not set: the folder Electron's
// app.getPath('userData') names for Roundtable, so the Electron app and the browser shell open the
// same archive.
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
  else dataDir = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(dataDir, 'Roundtable', 'roundtable.db');
}
