// Where the app keeps its cases when no folder is given: the platform's usual place for app data.
import os from 'node:os';
import path from 'node:path';

const APP = 'Corroborate';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CORROBORATE_DATA_DIR) return env.CORROBORATE_DATA_DIR;
  if (platform === 'win32') {
    const home = env.USERPROFILE || os.homedir();
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP);
  }
  const home = env.HOME || os.homedir();
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP);
  // XDG says a relative value must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return path.posix.join(xdg && xdg.startsWith('/') ? xdg : path.posix.join(home, '.local', 'share'), APP);
}
