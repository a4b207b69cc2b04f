// One app instance for locks.mjs: opens a workspace the way the named app does and reports.
//   node instance.mjs <lib.mjs> <desktop|serve|cli> <workspace> <userData> [hold]
// desktop/serve: createBackend + workspaceGet; cli: runCli(['import', file, '--workspace', ws]).
// Prints one JSON line {ok, code?, message?, pid}; with "hold", keeps the workspace open until
// stdin closes.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

const [lib, app, ws, userData, hold] = process.argv.slice(2);
const { createBackend, call, runCli } = await import(lib);
const out = (o) => process.stdout.write(JSON.stringify({ ...o, pid: process.pid }) + '\n');

if (app === 'cli') {
  const file = join(userData, 'cli-report.txt');
  writeFileSync(file, '\n\n全市地区生产总值增长5.2%。\n');
  let err = '';
  const code = await runCli(['import', file, '--workspace', ws], { out: () => {}, err: (s) => (err += s) });
  out({ ok: code === 0, exit: code, code: /store-locked/.test(err) ? 'store-locked' : null, message: err.trim().slice(0, 400) });
  process.exit(0);
}
const backend = createBackend({ mode: app === 'desktop' ? 'desktop' : 'browser', app, samplesDir: join(process.cwd(), 'resources', 'samples'), userDataDir: userData, workspaceDir: ws, log: { error: () => {} }, version: 'bench', workerPath: null });
const r = await call(backend.handlers, 'workspaceGet', {});
out(r.ok ? { ok: true, documents: r.value.documents.length } : { ok: false, code: r.error.code, message: r.error.message });
if (hold === 'hold' && r.ok) {
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await backend.close();
    process.exit(0);
  });
} else {
  await backend.close().catch(() => {});
  process.exit(0);
}
