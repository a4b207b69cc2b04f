/** Where the app keeps its own data, matching Electron's app.getPath('userData'). */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Report Annotator';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.REPORT_ANNOTATOR_USER_DATA) return env.REPORT_ANNOTATOR_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
