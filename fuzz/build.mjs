// Bundles a harness entry (plain JS importing the TypeScript sources) with esbuild into
// bench/.data/build/, inside the repository so that packages resolve from node_modules.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

/** Returns the path of the bundled ESM module. */
export async function bundle(entry, tag = basename(entry).replace(/\.m?[jt]s$/, ''), outfile = join(root, 'bench', '.data', 'build', `${tag}-${process.pid}.mjs`)) {
  mkdirSync(join(outfile, '..'), { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
