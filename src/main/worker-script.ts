import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled worker script `<name>.js` or `<name>.mjs`: next to the bundle that runs this code,
 * or one folder up (esbuild's code splitting puts shared code in `chunks/`, one folder below
 * the entries). Null where there is none (unit tests run from sources): the caller then does
 * the work in its own thread.
 */
export function workerScript(name: string): string | null {
  try {
    const here = typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
    for (const dir of [here, dirname(here)]) {
      for (const file of [`${name}.js`, `${name}.mjs`]) {
        const p = join(dir, file);
        if (existsSync(p)) return p;
      }
    }
  } catch {
    // no usable location
  }
  return null;
}
