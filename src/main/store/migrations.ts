/**
 * Schema migrations of store files, by kind. `table[kind][v]` turns a version-v file into a
 * version-(v+1) one; a file without `schemaVersion` is version 0. Migrations run on plain
 * parsed JSON before schema validation, so they may reshape anything.
 */
import { STORE_SCHEMA_VERSION } from '../../core/store-schema';

export type StoreFileKind = 'workspace' | 'document';
type Json = Record<string, unknown>;
export type Migration = (data: Json) => Json;
export type MigrationTable = Record<StoreFileKind, Record<number, Migration>>;

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
  },
  document: {
    0: (d) => {
      const reviews = Array.isArray(d.reviews)
        ? Object.fromEntries((d.reviews as Json[]).map((r) => [String(r.findingId), r]))
        : (d.reviews ?? {});
      return { ...d, reviews, schemaVersion: 1 };
    },
  },
};

export function versionOf(data: Json): number {
  const v = data.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) ? v : 0;
}

/** Migrates up to `target`; throws if a step is missing (a bug, caught by the tests). */
export function migrate(kind: StoreFileKind, data: Json, target = STORE_SCHEMA_VERSION, table: MigrationTable = migrations): Json {
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
