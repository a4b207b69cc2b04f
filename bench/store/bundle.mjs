// Bundles the TypeScript store (src/main/store) into a temp dir so the benches run on plain node.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** Returns the path of the bundled store module (ESM). */
export async function bundleStore() {
  const dir = mkdtempSync(join(tmpdir(), 'ra-store-bench-'));
  const outfile = join(dir, 'store.mjs');
  await build({ entryPoints: [join(root, 'src/main/store/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return outfile;
}
