// Bundles a TypeScript snippet that imports from src/ (esbuild, packages external) into
// bench/.data and imports it, so a bench can call the importers and the analysis directly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataDir, root } from '../lib.mjs';

export async function bundleTs(name, source) {
  const { build } = await import('esbuild');
  mkdirSync(dataDir, { recursive: true });
  const outfile = join(dataDir, `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}
