/**
 * The desktop app's own command-line options, read from process.argv (or a second instance's
 * argv): `--workspace DIR` opens that workspace, `--user-data DIR` keeps the app's data there
 * (tests). Both also accept `--name=value`. Relative paths resolve against the caller's cwd.
 */
import { resolve } from 'node:path';

export interface DesktopArgs {
  workspace?: string;
  userData?: string;
}

const OPTIONS = { '--workspace': 'workspace', '--user-data': 'userData' } as const;

export function parseDesktopArgs(argv: readonly string[], cwd: string = process.cwd()): DesktopArgs {
  const out: DesktopArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!Object.hasOwn(OPTIONS, name)) continue;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) value = argv[++i];
    if (value) out[OPTIONS[name as keyof typeof OPTIONS]] = resolve(cwd, value);
  }
  return out;
}
