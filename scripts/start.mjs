#!/usr/bin/env node
// npm start: the Electron app; where the Electron binary is not installed (offline install),
// say so in one line and start browser mode instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildNode, buildRenderer, root } from './lib/build.mjs';
import { childEnv, tieToChild } from './lib/lifeline.mjs';

function electronBinary() {
  try {
    const p = createRequire(import.meta.url)('electron');
    return typeof p === 'string' ? p : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
buildRenderer();
const electron = electronBinary();
let child;
if (electron) {
  child = spawn(electron, [join(root, 'out', 'main', 'index.js'), ...args], { stdio: 'inherit', env: childEnv() });
} else {
  process.stderr.write('Electron binary not installed (offline install): starting browser mode instead; open the URL below.\n');
  await buildNode();
  child = spawn(process.execPath, [join(root, 'out', 'node', 'serve.mjs'), ...args], { stdio: 'inherit', env: childEnv() });
}
// the child ends with this process, and this one with npm (scripts/lib/lifeline.mjs)
tieToChild(child);
