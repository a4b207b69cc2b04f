#!/usr/bin/env node
// npm run serve -- [--port N] [--workspace DIR]: builds what changed, then runs browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildNode, buildRenderer, root } from './lib/build.mjs';
import { childEnv, tieToChild } from './lib/lifeline.mjs';

buildRenderer();
await buildNode();
const child = spawn(process.execPath, [join(root, 'out', 'node', 'serve.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', env: childEnv() });
// the child ends with this process, and this one with npm (scripts/lib/lifeline.mjs)
tieToChild(child);
