#!/usr/bin/env node
// npm run serve -- [--port N] [--workspace DIR]: builds what changed, then runs browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildNode, buildRenderer, root } from './lib/build.mjs';

buildRenderer();
await buildNode();
const child = spawn(process.execPath, [join(root, 'out', 'node', 'serve.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
