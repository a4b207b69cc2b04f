// Child of fuzz/run.mjs (bundled with esbuild, run with fork): imports one file at a time
// through the real service path — a real WorkspaceStore in a fresh workspace, importIntoStore
// (importers → analysis → store) — then reopens the store and checks what was written.
// Answers each {id, path, workspace} with {id, outcome, code?, detail?}:
//   imported     the file was imported; the document reopens and validates
//   refused      an AppError with a code; nothing was written to the store
//   crash        a non-AppError escaped the importers or the analysis ('internal')
//   store-dirty  a refused file left something in the store (or an import left no document)
// An uncaught exception or unhandled rejection is reported as a crash and ends the process.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisPool } from '../src/main/analysis/pool';
import { IMPORT_BUDGET } from '../src/main/import/budget';
import { importIntoStore } from '../src/main/service/importing';
import { TaskRegistry } from '../src/main/service/tasks';
import { WorkspaceStore } from '../src/main/store';

let current = null;
const fatal = (kind) => (e) => {
  process.send?.({ id: current, outcome: 'crash', detail: `${kind}: ${e?.stack ?? String(e)}`.slice(0, 2000) });
  process.exit(70);
};
process.on('uncaughtException', fatal('uncaught exception'));
process.on('unhandledRejection', fatal('unhandled rejection'));

// the analysis in a worker thread, as in the app (analysis-worker.mjs beside this bundle)
const pool = new AnalysisPool(undefined, 1);
if (pool.inProcess) throw new Error('fuzz: no analysis worker beside the bundle');
const logged = [];
const log = { error: (m, c) => logged.push(`${m} ${JSON.stringify(c ?? {})}`.slice(0, 1000)) };

function storeFiles(workspace) {
  const base = join(workspace, '.report-annotator');
  const list = (d) => {
    try {
      return readdirSync(join(base, d));
    } catch {
      return [];
    }
  };
  return { docs: list('cache'), root: list('.') }; // v2: a document's derived data is cache/<id>.json
}

async function importOne(path, workspace) {
  logged.length = 0;
  const store = await WorkspaceStore.open(workspace, { app: 'cli', defaultTaxonomyPath: process.env.RA_TAXONOMY });
  let summary;
  try {
    summary = await importIntoStore(store, [path], { pool, tasks: new TaskRegistry(), emit: () => {}, log, taskId: 'fuzz', label: 'import' });
  } finally {
    await store.close();
  }
  const failed = summary.failed[0];
  const files = storeFiles(workspace);
  const temps = [...files.docs, ...files.root].filter((f) => f.endsWith('.tmp'));
  const reopened = await WorkspaceStore.open(workspace, { app: 'cli', defaultTaxonomyPath: process.env.RA_TAXONOMY });
  try {
    const indexed = reopened.workspace().documents.length;
    if (failed) {
      if (failed.error.code === 'internal') return { outcome: 'crash', code: 'internal', detail: `${failed.error.message} | ${logged.join(' | ')}` };
      if (files.docs.length > 0 || indexed > 0 || temps.length > 0) {
        return { outcome: 'store-dirty', code: failed.error.code, detail: `failed input left docs=${files.docs.join(',')} indexed=${indexed} temps=${temps.join(',')}` };
      }
      return { outcome: 'refused', code: failed.error.code };
    }
    if (summary.imported.length !== 1 || files.docs.length !== 1 || indexed !== 1) {
      return { outcome: 'store-dirty', detail: `imported=${summary.imported.length} docs=${files.docs.length} indexed=${indexed}` };
    }
    const doc = await reopened.readDocument(summary.imported[0].id);
    if (typeof doc.text !== 'string' || reopened.notices.length > 0) return { outcome: 'store-dirty', detail: `reopen notices ${JSON.stringify(reopened.notices)}` };
    return { outcome: 'imported', length: doc.text.length };
  } finally {
    await reopened.close();
  }
}

process.on('message', async (msg) => {
  if (msg?.type === 'exit') {
    await pool.close();
    process.exit(0);
  }
  const { id, path, workspace } = msg;
  current = id;
  let reply;
  try {
    reply = await importOne(path, workspace);
  } catch (e) {
    // the store itself failed (not the input): reported as a crash of the path under test
    reply = { outcome: 'crash', code: e?.code ?? null, detail: `store: ${e?.stack ?? String(e)}`.slice(0, 2000) };
  }
  rmSync(workspace, { recursive: true, force: true });
  current = null;
  // the largest resident set so far (KB on Linux): this process and its worker threads
  process.send?.({ id, ...reply, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
});
process.send?.({ type: 'ready', budget: IMPORT_BUDGET });
