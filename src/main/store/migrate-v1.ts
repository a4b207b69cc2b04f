/**
 * Migration of a v1 workspace (one `docs/<id>.json` per document holding the text, the
 * analysis twice and the analyst's work) to the v2 layout, on open, with nothing lost:
 *
 * 1. every v1 document file is read as v1 always was — validated, and restored from its newest
 *    good backup when damaged or deleted (with a notice);
 * 2. the map old id → new id (ids hash the path relative to the workspace since v2, so they
 *    survive moving the folder) is written first, durably: a crash anywhere after it resumes
 *    from it on the next open;
 * 3. each document becomes `cache/<id>.json` (text, detector findings) and, when it holds any
 *    work, `work/<analyst>/<id>.json` (reviews, manual findings, orphans, undo and redo stacks)
 *    — every file durable before the next step;
 * 4. the index takes the new ids (durable);
 * 5. v1's `docs/` (and `backups/docs/`) move, whole, to `backups/v1/`: the v1 original stays as
 *    a backup. Then the map is removed.
 *
 * A v1 document file that is damaged with no good backup is left in `backups/v1/docs/` (moved
 * aside as `.corrupt-…`), reported, and its entry leaves the index, so that its report is
 * imported again from its source.
 */
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { type Analyst, type CacheFile, DocumentFileV1, STORE_SCHEMA_VERSION, type WorkFile, type WorkspaceFile } from '../../core/store-schema';
import { writeFileAtomic } from './atomic-write';
import { isEmptyWork } from './compose';
import { idForIndexedPath } from './document-ids';
import { type CommonFileOptions, FileSet } from './file-set';
import { errnoCode, type StoreFs } from './fs-layer';
import type { Layout } from './layout';
import type { StoreFile } from './store-file';
import type { StoreNotice } from './types';

const MIGRATION_CONCURRENCY = 8;

export interface MigrationContext {
  fs: StoreFs;
  layout: Layout;
  common: CommonFileOptions;
  ws: StoreFile<WorkspaceFile>;
  caches: FileSet<CacheFile>;
  works: FileSet<WorkFile>;
  analyst: Analyst;
  notify: (n: StoreNotice) => void;
}

interface IdMap {
  /** old id → new id */
  ids: Record<string, string>;
}

async function readMap(fs: StoreFs, path: string): Promise<IdMap | null> {
  try {
    const m = JSON.parse((await fs.readFile(path)).toString('utf8')) as IdMap;
    return m && typeof m.ids === 'object' && m.ids !== null ? m : null;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    return null; // a torn map: start over from docs/, which is still there until step 5
  }
}

/** Migrates a v1 layout found in the workspace (or finishes one cut short); a no-op otherwise. */
export async function migrateV1Layout(c: MigrationContext): Promise<void> {
  const { fs, layout } = c;
  const hasDocs = await fs.exists(layout.docsDir);
  let map = await readMap(fs, layout.migrationFile);
  if (!hasDocs && !map) return;
  const unrecoverable: string[] = [];
  let migrated = 0;
  if (hasDocs) {
    const ids: Record<string, string> = { ...(map?.ids ?? {}) };
    // a v1 file restored from its backup is reported under the document's new id
    const onNotice = (n: StoreNotice): void => {
      const old = /\/docs\/([^/]+)\.json$/.exec(n.file)?.[1];
      c.notify(old && ids[old] ? { ...n, document: { id: ids[old], part: 'v1' } } : n);
    };
    const legacy = new FileSet<DocumentFileV1>(fs, { ...c.common, onNotice }, MIGRATION_CONCURRENCY * 2, { kind: 'document', schema: DocumentFileV1, dir: layout.docsDir, backupsOf: layout.backupsOf });
    await legacy.scan();
    const index = c.ws.data.documents;
    const newIds = new Set(Object.values(ids));
    const pathOf = new Map(index.map((d) => [d.id, d.path]));
    const candidates = new Set([...legacy.list(), ...index.map((d) => d.id).filter((id) => !newIds.has(id))]);
    for (const oldId of candidates) {
      if (ids[oldId]) continue;
      const path = pathOf.get(oldId);
      ids[oldId] = path === undefined ? oldId : idForIndexedPath(path);
    }
    map = { ids };
    await writeFileAtomic(fs, layout.migrationFile, JSON.stringify(map));
    const one = async (oldId: string, newId: string): Promise<void> => {
      let v1: DocumentFileV1 | null;
      try {
        // a damaged or deleted file is restored here from backups/docs/<id>.json/, with a notice
        v1 = (await legacy.find(oldId))?.data ?? null;
      } catch (e) {
        if (e instanceof AppError && e.code === 'store-corrupt') {
          unrecoverable.push(newId);
          return;
        }
        throw e;
      }
      if (!v1) return; // an index entry whose file and backups are gone: nothing to carry
      const cache: CacheFile = { schemaVersion: STORE_SCHEMA_VERSION, id: newId, sha256: v1.sha256, analyzer: 'v1', sliced: false, text: v1.text, findings: v1.findings.filter((f) => f.origin !== 'manual') };
      const work: WorkFile = {
        schemaVersion: STORE_SCHEMA_VERSION, documentId: newId, analyst: { id: c.analyst.id, name: c.analyst.name }, sha256: v1.sha256,
        findings: v1.findings.filter((f) => f.origin === 'manual'), reviews: v1.reviews, orphans: v1.orphans, history: v1.history,
      };
      const saved = [(await c.caches.forWrite(newId)).replace(cache)];
      if (!isEmptyWork(work)) saved.push((await c.works.forWrite(newId)).replace(work));
      await Promise.all(saved);
      c.caches.unload(newId);
      c.works.unload(newId);
      legacy.unload(oldId);
      migrated++;
    };
    // a few at a time, so that reading, writing and fsync overlap
    const queue = Object.entries(ids);
    await Promise.all(Array.from({ length: MIGRATION_CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await one(...next);
    }));
    legacy.releaseAll();
  }
  const ids = map!.ids;
  const dropped = new Set(unrecoverable);
  await c.ws.update((w) => {
    for (const d of w.documents) if (ids[d.id]) d.id = ids[d.id];
    w.documents = w.documents.filter((d) => !dropped.has(d.id));
    w.schemaVersion = STORE_SCHEMA_VERSION;
  });
  if (hasDocs) {
    await fs.mkdir(layout.v1BackupDir);
    const free = async (name: string): Promise<string> => {
      let target = join(layout.v1BackupDir, name);
      for (let i = 2; await fs.exists(target); i++) target = join(layout.v1BackupDir, `${name}-${i}`);
      return target;
    };
    const docsTo = await free('docs');
    await fs.rename(layout.docsDir, docsTo);
    const oldBackups = join(layout.backupsDir, 'docs');
    if (await fs.exists(oldBackups)) await fs.rename(oldBackups, await free('docs-backups'));
    await fs.syncDir(layout.root);
    await fs.syncDir(layout.backupsDir);
    c.notify({
      code: 'migrated', file: layout.label(layout.docsDir), backup: layout.label(docsTo), at: new Date().toISOString(), counts: { documents: migrated, unrecoverable: unrecoverable.length },
      message: `The workspace was upgraded to store format ${STORE_SCHEMA_VERSION}: ${migrated} report(s) moved to the new layout with every review, manual finding, tag, note and undo step${unrecoverable.length ? `; ${unrecoverable.length} damaged report file(s) without a good backup will be imported again from their source` : ''}. The old files are kept in ${layout.label(docsTo)}.`,
    });
  }
  await fs.unlink(layout.migrationFile).catch(() => undefined);
  await fs.syncDir(layout.root);
}
