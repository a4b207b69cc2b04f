#!/usr/bin/env node
import { buildNode } from './lib/build.mjs';
await buildNode({ force: true });
