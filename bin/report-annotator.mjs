#!/usr/bin/env node
// The CLI. In a source checkout the bundle is rebuilt first when sources changed (esbuild, ~0.3 s).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'src'))) {
  const { buildNode } = await import(pathToFileURL(join(root, 'scripts', 'lib', 'build.mjs')).href);
  await buildNode();
}
await import(pathToFileURL(join(root, 'out', 'node', 'cli.mjs')).href);
