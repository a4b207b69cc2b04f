// Builds what the Node entries need, only when sources are newer than the last build:
// - out/node/{cli,serve,analysis-worker,export-worker,import-worker}.mjs bundled with esbuild (fast);
// - out/{main,preload,renderer} with electron-vite (the renderer is served by browser mode).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');

function newestMtime(dirs) {
  let newest = 0;
  const walk = (d) => {
    if (!existsSync(d)) return;
    if (!statSync(d).isDirectory()) {
      newest = Math.max(newest, statSync(d).mtimeMs);
      return;
    }
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts') && !e.name.endsWith('.test.tsx')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return newest;
}

function stampTime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export const NODE_ENTRIES = {
  cli: 'src/main/cli/main.ts',
  serve: 'src/main/serve.ts',
  'analysis-worker': 'src/main/analysis/worker.ts',
  'export-worker': 'src/main/export/worker.ts',
  'import-worker': 'src/main/import/worker.ts',
};

export async function buildNode({ force = false } = {}) {
  const stamp = join(root, 'out', 'node', '.stamp');
  if (!existsSync(join(root, 'src'))) return false; // an installed copy: nothing to build
  if (!force && stampTime(stamp) > newestMtime(['src/core', 'src/main', 'resources/lexicon', 'resources/boilerplate', 'resources/indicators', 'package.json'])) return false;
  rmSync(join(root, 'out', 'node'), { recursive: true, force: true });
  await bundleNode(join(root, 'out', 'node'));
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

/** Bundles the Node entries (NODE_ENTRIES) into `outdir`. */
export async function bundleNode(outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(Object.entries(NODE_ENTRIES).map(([k, v]) => [k, join(root, v)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // code splitting keeps each command's modules (and the packages they load) lazy
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    sourcemap: true,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

export function buildRenderer({ force = false, quiet = false } = {}) {
  const index = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(join(root, 'src'))) return false;
  if (!force && stampTime(index) > newestMtime(['src/renderer', 'src/core', 'src/preload', 'src/main/index.ts', 'src/main/electron', 'src/main/ipc', 'electron.vite.config.ts'])) return false;
  if (!quiet) process.stderr.write('building the app (electron-vite build)…\n');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(String(r.stdout) + String(r.stderr));
    throw new Error('electron-vite build failed');
  }
  return true;
}
