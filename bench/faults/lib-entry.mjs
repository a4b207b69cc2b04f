// What the fault benches need from the sources, bundled once per run by esbuild (fuzz/build.mjs).
export { WorkspaceStore } from '../../src/main/store';
export { createBackend } from '../../src/main/service/backend';
export { call } from '../../src/main/service/dispatch';
export { runCli } from '../../src/main/cli/index';
