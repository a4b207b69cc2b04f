/**
 * Turns the bytes of a store file into validated data, or says exactly why it cannot:
 * corrupt (empty, truncated, NUL-filled, not JSON, not an object, fails the schema) or newer
 * (written by a newer app: must never be overwritten). A leading UTF-8 BOM (an editor's) is
 * dropped: the JSON after it is the user's newest data and worth more than a backup.
 */
import type { z } from 'zod';
import { CacheFile, type DocumentFile, WorkFile } from '../../core/store-schema';
import { decodeCache } from './cache-codec';
import { composeDocument, emptyWork } from './compose';
import { exactCheck } from './exact-check';
import { migrate, TARGET_VERSION, versionOf, type StoreFileKind } from './migrations';

export type Decoded<T> =
  /** `text`: the file decoded as UTF-8, as it is on disk (BOM included), so callers need not decode it again */
  | { ok: true; data: T; migratedFrom: number | null; text: string }
  | { ok: false; problem: 'corrupt'; reason: string }
  | { ok: false; problem: 'newer'; version: number };

export function decodeStoreFile<T>(bytes: Buffer, kind: StoreFileKind, schema: z.ZodType<T>): Decoded<T> {
  const onDisk = bytes.toString('utf8');
  const text = onDisk.charCodeAt(0) === 0xfeff ? onDisk.slice(1) : onDisk;
  if (text.trim() === '') return { ok: false, problem: 'corrupt', reason: 'empty file' };
  // a 0 byte is exactly a U+0000 in the text (UTF-8 never uses 0 inside a sequence); memchr on bytes is faster
  if (bytes.includes(0)) return { ok: false, problem: 'corrupt', reason: 'NUL bytes in file' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: 'corrupt', reason: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'corrupt', reason: 'not a JSON object' };
  const version = versionOf(raw as Record<string, unknown>);
  const target = TARGET_VERSION[kind];
  if (version > target) return { ok: false, problem: 'newer', version };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(kind, raw as Record<string, unknown>);
  } catch (e) {
    return { ok: false, problem: 'corrupt', reason: `migration failed (${(e as Error).message})` };
  }
  const migratedFrom = version < target ? version : null;
  // Data already in the exact form zod returns (every file this store wrote) needs no copy;
  // anything else is validated and normalised by zod (see exact-check.ts).
  if (exactCheck(schema)?.(migrated)) return { ok: true, data: migrated as T, migratedFrom, text: onDisk };
  const parsed = schema.safeParse(migrated);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: 'corrupt', reason: `schema: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}` };
  }
  return { ok: true, data: parsed.data, migratedFrom, text: onDisk };
}

/**
 * A saved document as the store reads it (same checks, migrations and schema), for a reader
 * outside the store — an export worker thread given `WorkspaceStore.savedDocumentFile`'s
 * reference. It has no recovery: on anything but `ok` with `migratedFrom === null` the reader
 * must go back to `WorkspaceStore.readDocument`, which recovers, migrates and reports as usual.
 */
export function decodeSavedDocument(ref: string, read: (path: string) => Buffer): Decoded<DocumentFile> {
  let paths: SavedDocumentRef;
  try {
    paths = JSON.parse(ref) as SavedDocumentRef;
  } catch {
    return { ok: false, problem: 'corrupt', reason: 'not a saved document reference' };
  }
  const cache = decodeStoreFile(read(paths.cache), 'cache', CacheFile);
  if (!cache.ok) return cache;
  decodeCache(cache.data);
  let work = null;
  if (paths.work) {
    let bytes: Buffer | null = null;
    try {
      bytes = read(paths.work);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (bytes) {
      const w = decodeStoreFile(bytes, 'work', WorkFile);
      if (!w.ok) return w;
      if (w.migratedFrom !== null) return { ok: true, data: composeDocument(cache.data, w.data), migratedFrom: w.migratedFrom, text: '' };
      work = w.data;
    }
  }
  // work made on another text must be re-anchored by the store first
  if (work && work.sha256 !== cache.data.sha256) return { ok: false, problem: 'corrupt', reason: 'work to re-anchor' };
  return { ok: true, data: composeDocument(cache.data, work ?? emptyWork(cache.data, null)), migratedFrom: cache.migratedFrom, text: '' };
}

/** What savedDocumentFile returns (as JSON): the files a saved document is made of. */
export interface SavedDocumentRef {
  cache: string;
  work: string | null;
}
