/** Helpers for the store tests: temp workspaces, sample documents, a file system that fails on demand. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_SCHEMA_VERSION, type DocumentFile, type DocumentMeta } from '../../core/store-schema';
import { nodeFs, type StoreFs } from './fs-layer';

const created: string[] = [];

export function tempWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-store-'));
  created.push(dir);
  return dir;
}

/** Removes the temp workspaces made so far (call from afterAll). */
export function removeTempWorkspaces(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function sampleDoc(id: string, text = '2024年全市地区生产总值增长5.2%。'): DocumentFile {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    id,
    sha256: 'a'.repeat(64),
    text,
    analysis: { figures: [{ text: '5.2%', start: 15, end: 19, kind: 'percent', value: 5.2, value_to: null, unit: '%', approx: null, metric: '地区生产总值增长' }], duplicates: [], defects: [] },
    findings: [{ type: 'figure', id: 'f1', origin: 'detector', data: { text: '5.2%', start: 15, end: 19, kind: 'percent', value: 5.2, value_to: null, unit: '%', approx: null, metric: '地区生产总值增长' } }],
    reviews: {},
    orphans: [],
    history: { undo: [], redo: [] },
  };
}

export function sampleMeta(id: string): DocumentMeta {
  return {
    id, path: `${id}.txt`, name: `${id}.txt`, format: 'txt', encoding: 'utf-8', size: 100, mtimeMs: 0, sha256: 'a'.repeat(64), length: 20,
    importedAt: '2025-01-01T00:00:00.000Z', counts: { figures: 1, duplicates: 0, defects: 0, reviewed: 0, total: 1 }, metadata: {},
  };
}

export function review(findingId: string, note: string) {
  return { findingId, status: 'accepted' as const, fields: {}, tags: [], note, updatedAt: new Date().toISOString(), annotator: 'test', anchor: { start: 15, end: 19, quote: '5.2%', prefix: '', suffix: '' } };
}

/** A file system whose writes fail with `errno` while `failing` is set (ENOSPC, EROFS…). */
export class FailingFs {
  errno: string | null = null;
  creates = 0;
  readonly fs: StoreFs = {
    ...nodeFs,
    create: async (path) => {
      this.creates += 1;
      if (this.errno) throw Object.assign(new Error(`${this.errno}: simulated, open '${path}'`), { code: this.errno });
      const handle = await nodeFs.create(path);
      return {
        ...handle,
        writeFile: async (data) => {
          if (this.errno) throw Object.assign(new Error(`${this.errno}: simulated, write`), { code: this.errno });
          return handle.writeFile(data);
        },
      };
    },
    rename: async (from, to) => {
      if (this.errno) throw Object.assign(new Error(`${this.errno}: simulated, rename`), { code: this.errno });
      return nodeFs.rename(from, to);
    },
  };
}
