/**
 * e2e/support/{server,fixtures}.ts use `__dirname`, which does not exist in ES modules (the
 * package is "type": "module"). Until they use import.meta.dirname, define it for them: import
 * this module BEFORE '../support/fixtures'.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as { __dirname?: string };
g.__dirname ??= join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'support');
