/**
 * Schema migrations of store files, by kind. `table[kind][v]` turns a version-v file into a
 * version-(v+1) one; a file without `schemaVersion` is version 0. Migrations run on plain
 * parsed JSON before schema validation, so they may reshape anything.
 */
import { STORE_SCHEMA_VERSION } from '../../core/store-schema';

/** 'document' is v1's docs/<id>.json, read only to migrate it to a cache and a work file */
export type StoreFileKind = 'workspace' | 'document' | 'cache' | 'work';
type Json = Record<string, unknown>;
export type Migration = (data: Json) => Json;
export type MigrationTable = Record<StoreFileKind, Record<number, Migration>>;

/** The version each kind is read at: v1 document files stay v1 (the layout migration splits them). */
export const TARGET_VERSION: Record<StoreFileKind, number> = { workspace: STORE_SCHEMA_VERSION, document: 1, cache: STORE_SCHEMA_VERSION, work: STORE_SCHEMA_VERSION };

/**
 * v0 is the pre-release format (before the store had versions): the workspace kept its tags in
 * `tags`, and a document kept its reviews as an array.
 */
export const migrations: MigrationTable = {
  workspace: {
    0: (w) => {
      const { tags, ...rest } = w;
      return { ...rest, taxonomy: rest.taxonomy ?? tags ?? [], schemaVersion: 1 };
    },
    // v2 moved the documents' data out of docs/ (see migrate-v1.ts); the index itself is unchanged
    1: (w) => ({ ...w, schemaVersion: 2 }),
  },
  document: {
    0: (d) => {
      const reviews = Array.isArray(d.reviews)
        ? Object.fromEntries((d.reviews as Json[]).map((r) => [String(r.findingId), r]))
        : (d.reviews ?? {});
      return { ...d, reviews, schemaVersion: 1 };
    },
  },
  cache: {},
  work: {},
};

export function versionOf(data: Json): number {
  const v = data.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) ? v : 0;
}

/** Migrates up to `target`; throws if a step is missing (a bug, caught by the tests). */
export function migrate(kind: StoreFileKind, data: Json, target = TARGET_VERSION[kind], table: MigrationTable = migrations): Json {
  let current = data;
  for (let v = versionOf(current); v < target; v = versionOf(current)) {
    const step = table[kind][v];
    if (!step) throw new Error(`no migration of ${kind} files from schemaVersion ${v}`);
    const next = step(current);
    if (versionOf(next) !== v + 1) throw new Error(`migration of ${kind} from ${v} did not produce schemaVersion ${v + 1}`);
    current = next;
  }
  return current;
}
