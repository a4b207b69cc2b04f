/** Shared types of the workspace store (see workspace-store.ts for the class). */
import type { ErrorCode } from '../../core/errors';

export type StoreApp = 'desktop' | 'serve' | 'cli';

/** Something the store repaired on open or read, for the UI to tell the user about. */
export type StoreNoticeCode =
  /** a file could not be parsed/validated: moved aside, newest good backup put in its place */
  | 'restored-from-backup'
  /** a file could not be parsed/validated and no good backup existed: moved aside, started empty */
  | 'reset-to-empty'
  /** a document file could not be parsed/validated and no good backup existed: moved aside, unreadable */
  | 'document-unrecoverable'
  /** an older schemaVersion was migrated (the original is kept in backups/) */
  | 'migrated'
  /** the lock of a process that no longer runs was taken over (the app probably crashed) */
  | 'stale-lock-taken-over'
  /** the index was unusable with no good backup: the document files were kept, to be listed again */
  | 'index-rebuilt'
  /** an analyst's work on a document was made on another version of the report and was carried to the current one */
  | 'work-reanchored';

export interface StoreNotice {
  code: StoreNoticeCode;
  /** the store file concerned, relative to the workspace folder */
  file: string;
  /** where the bad file was moved, relative to the workspace folder */
  movedTo?: string;
  /** the backup that was restored, relative to the workspace folder */
  backup?: string;
  /** why the file was rejected (parse or schema message) */
  reason?: string;
  /** when the restored backup was made (ISO): changes after it are missing */
  backupAt?: string;
  /** the document the file belongs to, and which part of it */
  document?: { id: string; part: 'cache' | 'work' | 'v1' };
  /** counts for the UI's wording (e.g. documents migrated, documents kept for listing again) */
  counts?: Record<string, number>;
  /** English fallback; the renderer shows its own text by code */
  message: string;
  at: string;
}

export interface SaveState {
  /** store files with changes that are not durable on disk yet */
  pending: number;
  /** ISO time of the last durable write */
  lastSavedAt: string | null;
  /** the error of the last failed write while it is not yet saved by a retry */
  error: { code: ErrorCode; message: string } | null;
}

export interface OpenOptions {
  app: StoreApp;
  /** whose work this app reads and writes (default: the OS user, id 'local') */
  analyst?: import('../../core/store-schema').Analyst;
  /** the version of the detectors, recorded in the cache files (default 'unknown') */
  analyzer?: string;
  /** open without the lock: nothing is written, every write throws 'store-read-only' */
  readOnly?: boolean;
  /** coalescing window of writes in ms (0..200, default 25) */
  coalesceMs?: number;
  /** the same for the analysts' work files (0..200, default 0: at most one write at a time, the changes made during it go together into the next) */
  workCoalesceMs?: number;
  /** minimum time between two backups of one file in ms (default 30 s); the first write of a session always backs up */
  backupIntervalMs?: number;
  /** generations kept per file (default 5) */
  backupCount?: number;
  /** delay before retrying a failed write in ms (default 5 s) */
  retryMs?: number;
  /** documents kept in memory after reading (least recently used unloaded first, never unsaved ones; default 200) */
  maxCachedDocuments?: number;
  /** largest document file accepted by writeDocument, in characters of JSON (default 256 Mi; larger → 'file-too-large') */
  maxDocumentJson?: number;
  /** the default tag taxonomy file for new workspaces (default: resources/taxonomy/default.json under the cwd) */
  defaultTaxonomyPath?: string;
  /** file system layer (tests inject failures through it) */
  fs?: import('./fs-layer').StoreFs;
}
