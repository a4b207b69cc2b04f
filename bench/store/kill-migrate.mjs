#!/usr/bin/env node
// kill -9 during the migration of a v1 workspace: a child opens (and so migrates) a v1 workspace
// of 60 documents made from the v1 fixture (src/main/store/fixtures/v1), and is SIGKILLed at a
// random moment; the next open must finish the migration with nothing lost — every review,
// manual finding, orphan and undo/redo step of every document, compared with the v1 files.
//   node bench/store/kill-migrate.mjs [--kills 40] [--seed 1] [--docs 60] [--within-ms 4000]   (the kill comes 0.1 s + up to within-ms after the start)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleStore, root } from './bundle.mjs';
import { rng } from './synthetic.mjs';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '40' }, seed: { type: 'string', default: '1' }, docs: { type: 'string', default: '60' }, 'within-ms': { type: 'string', default: '4000' } } });
const killWithinMs = Number(values['within-ms']);
const storeModule = await bundleStore();
const { WorkspaceStore, idForIndexedPath } = await import(storeModule);
const random = rng(Number(values.seed));
const fixture = join(root, 'src/main/store/fixtures/v1/workspace');
const analyst = { id: 'kill-migrate-analyst', name: '甲' };

/** A v1 workspace of n documents: the fixture's two, copied under other names (so other ids and paths). */
function makeV1(dir, n) {
  cpSync(fixture, dir, { recursive: true });
  const rootDir = join(dir, '.report-annotator');
  const index = JSON.parse(readFileSync(join(rootDir, 'workspace.json'), 'utf8'));
  const base = index.documents;
  const docs = new Map(base.map((m) => [m.id, JSON.parse(readFileSync(join(rootDir, 'docs', `${m.id}.json`), 'utf8'))]));
  for (let i = base.length; i < n; i++) {
    const from = base[i % base.length];
    const id = `copy${String(i).padStart(4, '0')}`;
    const doc = { ...docs.get(from.id), id };
    writeFileSync(join(rootDir, 'docs', `${id}.json`), JSON.stringify(doc));
    index.documents.push({ ...from, id, path: `copies/${i}-${from.path.split('/').at(-1)}` });
    docs.set(id, doc);
  }
  writeFileSync(join(rootDir, 'workspace.json'), JSON.stringify(index));
  return { index, docs };
}

const sortById = (xs) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
let lost = 0;
let corrupted = 0;
let finishedBeforeKill = 0;
for (let round = 1; round <= Number(values.kills); round++) {
  const dir = mkdtempSync(join(tmpdir(), 'ra-kill-migrate-'));
  const v1 = makeV1(dir, Number(values.docs));
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { WorkspaceStore } = await import(${JSON.stringify(storeModule)}); const s = await WorkspaceStore.open(${JSON.stringify(dir)}, { app: 'cli', analyst: ${JSON.stringify(analyst)} }); await s.close(); process.stdout.write('done\\n');`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 100 + Math.floor(random() * killWithinMs));
  await new Promise((ok) => child.on('exit', ok));
  clearTimeout(timer);
  if (out.includes('done')) finishedBeforeKill++;
  let store;
  try {
    store = await WorkspaceStore.open(dir, { app: 'cli', analyst });
  } catch (e) {
    corrupted++;
    process.stderr.write(`round ${round}: reopen failed: ${e.code ?? ''} ${e.message}\n`);
    continue;
  }
  try {
    const bad = store.notices.filter((n) => !['migrated', 'stale-lock-taken-over'].includes(n.code));
    if (bad.length) {
      corrupted++;
      process.stderr.write(`round ${round}: notices ${JSON.stringify(bad)}\n`);
    }
    for (const old of v1.index.documents) {
      const was = v1.docs.get(old.id);
      let doc;
      try {
        doc = await store.readDocument(idForIndexedPath(old.path));
      } catch (e) {
        lost++;
        process.stderr.write(`round ${round}: ${old.path}: ${e.code ?? ''} ${e.message}\n`);
        continue;
      }
      const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
      if (!same(doc.reviews, was.reviews) || !same(doc.orphans, was.orphans) || !same(doc.history, was.history) || !same(sortById(doc.findings.filter((f) => f.origin === 'manual')), sortById(was.findings.filter((f) => f.origin === 'manual'))) || doc.text !== was.text) {
        lost++;
        process.stderr.write(`round ${round}: ${old.path}: work differs after the migration\n`);
      }
    }
    if (store.workspace().documents.length !== v1.index.documents.length) {
      lost++;
      process.stderr.write(`round ${round}: ${store.workspace().documents.length} documents listed, ${v1.index.documents.length} before\n`);
    }
    if (readdirSync(join(dir, '.report-annotator')).includes('docs')) {
      corrupted++;
      process.stderr.write(`round ${round}: docs/ still there after a full open\n`);
    }
  } finally {
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
  if (round % 10 === 0) process.stderr.write(`… ${round} kills\n`);
}
console.log(`kills during a v1 migration tried ${values.kills} (${finishedBeforeKill} finished before the kill), stores corrupted ${corrupted}, documents with work lost or changed ${lost} (of ${values.docs} per workspace)`);
rmSync(dirname(storeModule), { recursive: true, force: true });
