#!/usr/bin/env node
// Full build: electron-vite (main, preload, renderer) and the Node bundles (CLI, browser mode).
import { buildNode, buildRenderer } from './lib/build.mjs';
buildRenderer({ force: true });
await buildNode({ force: true });
