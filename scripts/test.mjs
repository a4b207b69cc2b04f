#!/usr/bin/env node
// npm test: type-check (both configs), lint, unit tests, build, end-to-end tests.
// Ends with one line `N passed, N failed[, N skipped]` summing unit and e2e results
// (a failing type-check, lint or build step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'e2e', 'results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;
const timings = [];

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s${ok ? '' : ' FAILED'}`);
  return ok;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) passed++;
  else failed++;
}

check('type-check (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
check('type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
check('type-check (e2e)', bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit']);
check('lint', bin('eslint'), ['--max-warnings=0', 'src', 'e2e', 'bench', 'scripts']);
check('security scan (electronegativity)', process.execPath, [join(root, 'scripts', 'security', 'electronegativity.mjs')]);

const unitJson = join(results, 'unit.json');
rmSync(unitJson, { force: true });
step('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
if (existsSync(unitJson)) {
  const u = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += u.numPassedTests;
  failed += u.numFailedTests + (u.numFailedTestSuites > 0 && u.numFailedTests === 0 ? u.numFailedTestSuites : 0);
  skipped += u.numPendingTests + u.numTodoTests;
} else failed++;

const built = step('build', process.execPath, [join(root, 'scripts', 'build-all.mjs')]);
if (!built) failed++;
else {
  const e2eJson = join(results, 'report.json');
  rmSync(e2eJson, { force: true });
  step('end-to-end tests (playwright)', bin('playwright'), ['test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
    if ((s.skipped ?? 0) > 0) process.stdout.write(`note: ${s.skipped} e2e test(s) skipped (the electron project runs only where the Electron binary is installed)\n`);
  } else failed++;
}

process.stdout.write(`\n${timings.join(' · ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
